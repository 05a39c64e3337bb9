package rules

import (
	"regexp"

	"github.com/postcheck/postcheck/internal/text"
)

// Cheap necessary conditions for the whereabouts and labelled expressions. Most drafts
// hold a few of an expression's first words ("I am", "ein", "jeden") but not the word
// the expression needs later ("now", "Wochen", "um 17"), and each anchored try of a
// large expression costs a microsecond or more. The conditions below look at the
// draft's ASCII words (scanText.starts) and skip what cannot match; each one holds
// for every match, which validate_privacy_fast_test.go checks against the plain way.

// asciiWords is a set of lower-case ASCII words with their hashes.
type asciiWords struct {
	words  []string
	hashes []uint32
}

func newASCIIWords(words ...string) *asciiWords {
	w := &asciiWords{words: words}
	for _, word := range words {
		w.hashes = append(w.hashes, text.WordHash(word))
	}
	return w
}

// in reports whether one of the words may stand in doc as a whole ASCII word, in any
// case: between bytes that \b counts as no word characters. It looks the words' hashes
// up among the draft's, so a collision can only make it say yes.
func (w *asciiWords) in(doc *Doc) bool {
	set := doc.draftWords()
	for _, h := range w.hashes {
		if set.has(h) {
			return true
		}
	}
	return false
}

// has reports whether word, a whole ASCII word, is one of the words in any case.
func (w *asciiWords) has(word string) bool {
	for _, c := range w.words {
		if len(c) == len(word) && asciiEqualFold(word, c) {
			return true
		}
	}
	return false
}

// wordHashes holds text.WordHash of every ASCII word of a draft in lower case, in an
// open-addressing table at most half full (0 marks a free slot; a word hashing to 0
// is kept as 1, which only adds a collision).
type wordHashes struct {
	slots []uint32
}

// draftWords returns the hashes of the words of doc's original text, made once.
func (d *Doc) draftWords() *wordHashes {
	return d.asciiWords.get(func() *wordHashes { return newWordHashes(d.scanOriginal()) })
}

func newWordHashes(t *scanText) *wordHashes {
	size := 16
	for size < 2*len(t.starts) {
		size <<= 1
	}
	x := &wordHashes{slots: make([]uint32, size)}
	s := t.s
	for _, st := range t.starts {
		h := uint32(2166136261)
		for i := int(st); i < len(s) && isWordByte(s[i]); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint32(c)) * 16777619
		}
		x.add(h)
	}
	return x
}

func (x *wordHashes) add(h uint32) {
	h = max(h, 1)
	mask := uint32(len(x.slots) - 1)
	for k := (h * 0x9E3779B1) >> 7 & mask; ; k = (k + 1) & mask {
		switch x.slots[k] {
		case h:
			return
		case 0:
			x.slots[k] = h
			return
		}
	}
}

func (x *wordHashes) has(h uint32) bool {
	h = max(h, 1)
	mask := uint32(len(x.slots) - 1)
	for k := (h * 0x9E3779B1) >> 7 & mask; ; k = (k + 1) & mask {
		switch x.slots[k] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// hasTimeCue reports whether s holds one of routineTime's cues, "um", "at", "ab",
// "gegen", "around" or "from" as a whole word, then white space and a digit.
func hasTimeCue(doc *Doc) bool {
	if !timeCues.in(doc) {
		return false
	}
	s := doc.Original
	for i := 1; i < len(s); i++ {
		if !isDigit(s[i]) || !isSpaceByte(s[i-1]) {
			continue
		}
		j := i - 1
		for j > 0 && isSpaceByte(s[j-1]) {
			j--
		}
		k := j
		for k > 0 && isWordByte(s[k-1]) {
			k--
		}
		if timeCues.has(s[k:j]) {
			return true
		}
	}
	return false
}

var timeCues = newASCIIWords("um", "at", "ab", "gegen", "around", "from")

// unitAfterNumber is the condition of absenceWeeksDE at a start word: the word, white
// space, and a word that begins with "woche", "tage" or "monat" in any case.
func unitAfterNumber(s string, i int) bool {
	j := i
	for j < len(s) && !isSpaceByte(s[j]) {
		j++
	}
	if j == i || j == len(s) {
		return false
	}
	for j < len(s) && isSpaceByte(s[j]) {
		j++
	}
	rest := s[j:]
	for _, u := range [...]string{"woche", "tage", "monat"} {
		if len(rest) >= len(u) && asciiEqualFold(rest[:len(u)], u) {
			return true
		}
	}
	return false
}

// scanWith is w.findAllIn(re, t) trying only the starts where at holds as well; at
// must hold wherever a match begins.
func scanWith(w *wordScan, re *regexp.Regexp, t *scanText, at func(s string, i int) bool) [][]int {
	if at == nil || t.longS {
		return w.findAllIn(re, t)
	}
	var out [][]int
	s := t.s
	lo := 0 // no match may begin before lo
	for _, st := range t.starts {
		i := int(st)
		if i < lo || !w.firsts[s[i]] || !w.startsAt(s[i:]) || !at(s, i) {
			continue
		}
		lo, _ = w.try(s, i, func(m []int, off int) bool {
			out = append(out, []int{m[2] + off, m[3] + off})
			return true
		})
	}
	return out
}
