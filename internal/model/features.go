// Package model is a small statistical estimate of offensive tone and hate: logistic
// regression over hashed character n-grams and word uni- and bigrams of the
// normalised draft. It scores in one pass (hashing and a dot product) and tells which
// words carried the score, so that a finding can point at them.
package model

import (
	"math"
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
	// Version names the feature scheme.
	Version = 2
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
// entries. Values are counts scaled to unit length, so long and short drafts
// compare. The result is empty for a draft without words.
func Extract(p *text.Prepared, bits uint) []Feature {
	mask := uint32(1)<<bits - 1
	feats := make([]Feature, 0, len(p.Tokens)*16)
	add := func(h uint32, tok, span int) {
		feats = append(feats, Feature{Index: h & mask, Value: 1, Tok: int32(tok), Span: int32(span)})
	}
	var buf [maxWordRunes + 3]int // byte offsets of the rune starts of the bounded word
	prev := ""
	for i, t := range p.Tokens {
		w := word(t)
		add(hashStr(hashByte(fnvOffset, 'w'), w), i, 1)
		if i > 0 {
			add(hashStr(hashByte(hashStr(hashByte(fnvOffset, 'b'), prev), ' '), w), i-1, 2)
		}
		prev = w
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
	scale := float32(1 / math.Sqrt(float64(max(len(feats), LengthFloor))))
	for k := range feats {
		feats[k].Value = scale
	}
	return feats
}
