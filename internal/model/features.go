// Package model is a small statistical estimate of offensive tone and hate: logistic
// regression over hashed character n-grams, word uni- and bigrams and words paired
// with a group named in the same draft, all of the normalised draft. It scores in one pass (hashing and a dot product) and tells which
// words carried the score, so that a finding can point at them.
package model

import (
	"math"
	"sync"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// Feature is one hashed feature of a draft. Tok is the index of the token it came
// from; a word bigram also covers the next token (Span 2).
type Feature struct {
	Index uint32
	Value float32
	Tok   int32
	Span  int32
}

// Extraction settings. They are part of the model: changing them needs retraining,
// and the model file records Version to refuse weights made with other settings.
const (
	minGram = 2
	maxGram = 5
	// maxWordRunes bounds the n-grams of very long tokens (URLs, hashtag chains).
	maxWordRunes = 40
	// maxCross bounds the group pairings of one draft, so that a long text naming
	// many groups costs no more than a few tweets.
	maxCross = 400
	// Version names the feature scheme.
	Version = 3
)

// LengthFloor is the smallest feature count a draft is scaled as: without it a
// four-word post would weigh each of its few n-grams like a whole tweet's worth
// and swing to extreme scores on thin evidence.
const LengthFloor = 300

// FNV-1a, with a namespace byte so that the word "ab" and the n-gram "ab" differ.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashStr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

func hashByte(h uint32, b byte) uint32 {
	h ^= uint32(b)
	return h * fnvPrime
}

// word is the form a token contributes: mentions and numbers are collapsed so that
// user names and figures do not become features of their own.
func word(t text.Token) string {
	switch {
	case t.Mention:
		return "@user"
	case t.Letters == 0 && t.Digits > 0:
		return "0"
	case isGroupWord(t.Norm):
		return groupPlaceholder
	}
	return t.Norm
}

// Extract returns the hashed features of a prepared draft for a table of 2^bits
// entries. A feature counts once however often it occurs (repeating a word does
// not repeat its evidence); its value is shared among its occurrences so that each
// word keeps its part of the score, and the values are scaled to unit length so
// that long and short drafts compare. The result is empty for a draft without words.
func Extract(p *text.Prepared, bits uint) []Feature {
	mask := uint32(1)<<bits - 1
	var buf [maxWordRunes + 3]int // byte offsets of the rune starts of the bounded word
	words := make([]string, len(p.Tokens))
	var groups []int
	// need bounds the features, so that they are allocated once: a word of r runes
	// has 4r−2 character n-grams of two to five, plus a word, a pair, a capitals mark
	// and a group pair.
	need := 0
	for i, t := range p.Tokens {
		words[i] = word(t)
		if words[i] == groupPlaceholder {
			groups = append(groups, i)
		}
		need += 4*min(len(words[i]), maxWordRunes+2) + 4
	}
	feats := make([]Feature, 0, need)
	add := func(h uint32, tok, span int) {
		feats = append(feats, Feature{Index: h & mask, Value: 1, Tok: int32(tok), Span: int32(span)})
	}
	// What a draft says about a group is often far from the group's name ("Die
	// Flüchtlinge, die hier ankommen, sind alle Schmarotzer"): every other word is
	// paired with the group, attributed to that word. A pair counts once per draft.
	crosses := 0
	if len(groups) > 0 {
		for j, w := range words {
			if w == groupPlaceholder || crosses >= maxCross {
				continue
			}
			add(hashStr(hashByte(fnvOffset, 'g'), w), j, 1)
			crosses++
		}
	}
	for i, t := range p.Tokens {
		w := words[i]
		add(hashStr(hashByte(fnvOffset, 'w'), w), i, 1)
		if i > 0 {
			add(hashStr(hashByte(hashStr(hashByte(fnvOffset, 'b'), words[i-1]), ' '), w), i-1, 2)
		}
		if t.Letters > 0 && t.Upper == t.Letters && t.Letters >= 3 {
			add(hashStr(fnvOffset, "\x00caps"), i, 1)
		}
		if w == groupPlaceholder || t.Mention || (t.Letters == 0 && t.Digits > 0) {
			continue
		}
		// Character n-grams of "<word>" over runes; '<' and '>' mark the edges.
		bw := "<" + w + ">"
		n, k := 0, 0
		for k < len(bw) && n < len(buf)-1 {
			buf[n] = k
			n++
			_, sz := utf8.DecodeRuneInString(bw[k:])
			k += sz
		}
		buf[n] = k
		for g := minGram; g <= maxGram; g++ {
			for a := 0; a+g <= n; a++ {
				gram := bw[buf[a]:buf[a+g]]
				if gram == "<" || gram == ">" {
					continue
				}
				add(hashStr(hashByte(fnvOffset, byte('0'+g)), gram), i, 1)
			}
		}
	}
	if len(feats) == 0 {
		return feats
	}
	unique := occurrences(feats, bits)
	scale := float32(1 / math.Sqrt(float64(max(unique, LengthFloor))))
	for k := range feats {
		feats[k].Value = scale / feats[k].Value
	}
	return feats
}

// counters are scratch tables, one count per table entry, reused across drafts:
// only the entries a draft touched are reset, so a draft costs its own length.
var counters sync.Pool

// occurrences sets each feature's Value to the number of times its index occurs in
// the draft and returns the number of distinct indices.
func occurrences(feats []Feature, bits uint) int {
	c, _ := counters.Get().(*[]uint16)
	if c == nil || len(*c) != 1<<bits {
		t := make([]uint16, 1<<bits)
		c = &t
	}
	n := *c
	unique := 0
	for _, f := range feats {
		if n[f.Index] == 0 {
			unique++
		}
		if n[f.Index] < math.MaxUint16 {
			n[f.Index]++
		}
	}
	for k, f := range feats {
		feats[k].Value = float32(n[f.Index])
	}
	for _, f := range feats {
		n[f.Index] = 0
	}
	counters.Put(c)
	return unique
}
