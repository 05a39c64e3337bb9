package model

import (
	"math"
	"sync"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// The extraction as it was before it was made faster, kept to prove that the fast
// one gives bit-identical features.

// Extract returns the hashed features of a prepared draft for a table of 2^bits
// entries. A feature counts once however often it occurs (repeating a word does
// not repeat its evidence); its value is shared among its occurrences so that each
// word keeps its part of the score, and the values are scaled to unit length so
// that long and short drafts compare. The result is empty for a draft without words.
func referenceExtract(p *text.Prepared, bits uint) []Feature {
	mask := uint32(1)<<bits - 1
	var buf [maxWordRunes + 3]int // byte offsets of the rune starts of the bounded word
	words := make([]string, len(p.Tokens))
	var groups []int
	// need bounds the features, so that they are allocated once: a word of r runes
	// has 4r−2 character n-grams of two to five, plus a word, a pair, a capitals mark
	// and a group pair.
	need := 0
	for i, t := range p.Tokens {
		words[i] = word(&t)
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
	unique := referenceOccurrences(feats, bits)
	scale := float32(1 / math.Sqrt(float64(max(unique, LengthFloor))))
	for k := range feats {
		feats[k].Value = scale / feats[k].Value
	}
	return feats
}

// counters are scratch tables, one count per table entry, reused across drafts:
// only the entries a draft touched are reset, so a draft costs its own length.
var refCounters sync.Pool

// occurrences sets each feature's Value to the number of times its index occurs in
// the draft and returns the number of distinct indices.
func referenceOccurrences(feats []Feature, bits uint) int {
	c, _ := refCounters.Get().(*[]uint16)
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
	refCounters.Put(c)
	return unique
}
