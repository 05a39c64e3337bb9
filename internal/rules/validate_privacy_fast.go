package rules

import "regexp"

// Cheap necessary conditions for the whereabouts and labelled expressions. Most drafts
// hold a few of an expression's first words ("I am", "ein", "jeden") but not the word
// the expression needs later ("now", "Wochen", "um 17"), and each anchored try of a
// large expression costs a microsecond or more. The conditions below look at the
// draft's ASCII words (scanText.starts) and skip what cannot match; each one holds
// for every match, which validate_privacy_fast_test.go checks against the plain way.

// asciiWords is a set of lower-case ASCII words, looked up by their first byte.
type asciiWords struct {
	byFirst [256][]string
}

func newASCIIWords(words ...string) *asciiWords {
	w := &asciiWords{}
	for _, word := range words {
		c := word[0]
		w.byFirst[c] = append(w.byFirst[c], word)
		if c >= 'a' && c <= 'z' {
			w.byFirst[c-'a'+'A'] = append(w.byFirst[c-'a'+'A'], word)
		}
	}
	return w
}

// in reports whether one of the words stands in t as a whole ASCII word, in any case:
// between bytes that \b counts as no word characters.
func (w *asciiWords) in(t *scanText) bool {
	s := t.s
	for _, st := range t.starts {
		i := int(st)
		cands := w.byFirst[s[i]]
		if cands == nil {
			continue
		}
		j := i + 1
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		for _, word := range cands {
			if len(word) == j-i && asciiEqualFold(s[i:j], word) {
				return true
			}
		}
	}
	return false
}

// hasTimeCue reports whether s holds one of routineTime's cues, "um", "at", "ab",
// "gegen", "around" or "from" as a whole word, then white space and a digit.
func hasTimeCue(s string) bool {
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

// has reports whether w, a whole ASCII word, is one of the words in any case.
func (w *asciiWords) has(word string) bool {
	if word == "" {
		return false
	}
	for _, c := range w.byFirst[word[0]] {
		if len(c) == len(word) && asciiEqualFold(word, c) {
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
