package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// variant builds the second token sequence: hashtags and camelCase words split at
// their inner capitals ("#AusländerRaus" → "auslaender", "raus"), and runs of three or
// more single letters joined ("I d i o t", "f.u.c.k" → "idiot", "fuck").
func variant(p *Prepared) []Token {
	// out stays nil, and nothing is copied, until a word actually changes.
	var out []Token
	toks := p.Tokens
	start := func(i int) {
		if out == nil {
			out = make([]Token, 0, len(toks)+8)
			out = append(out, toks[:i]...)
		}
	}
	for i := 0; i < len(toks); i++ {
		if j := spacedRun(p.Original, toks, i); j-i >= 3 {
			start(i)
			var b strings.Builder
			for _, t := range toks[i:j] {
				b.WriteString(t.Norm)
			}
			joined := Token{Start: toks[i].Start, End: toks[j-1].End, Norm: b.String(), Letters: j - i}
			for _, t := range toks[i:j] {
				joined.Upper += t.Upper
			}
			out = append(out, joined)
			i = j - 1
			continue
		}
		if mayBeCamel(p.Original, toks[i]) {
			if parts := camelParts(p.Original, toks[i]); len(parts) > 1 {
				start(i)
				out = append(out, parts...)
				continue
			}
		}
		if out != nil {
			out = append(out, toks[i])
		}
	}
	if out == nil {
		return nil
	}
	for i := range out {
		out[i].Index = i
	}
	return out
}

// mayBeCamel reports whether a word can have a capital after a small letter: it has
// a capital that is not its first letter.
func mayBeCamel(s string, t Token) bool {
	if t.Upper == 0 {
		return false
	}
	return t.Upper > 1 || !t.Cap(s)
}

// spacedRun returns the end of a run of single-letter tokens that starts at i and are
// separated by exactly one space, dot, hyphen or underscore.
func spacedRun(s string, toks []Token, i int) int {
	j := i
	for j < len(toks) && toks[j].Letters == 1 && utf8.RuneCountInString(s[toks[j].Start:toks[j].End]) == 1 {
		if j > i {
			gap := s[toks[j-1].End:toks[j].Start]
			if len(gap) != 1 || !strings.ContainsAny(gap, " .-_") {
				break
			}
		}
		j++
	}
	return j
}

// camelParts splits a word at lower→upper transitions; it returns nil when the word
// has none or a part would be a single letter.
func camelParts(s string, t Token) []Token {
	word := s[t.Start:t.End]
	var cuts []int
	prevLower := false
	for i, r := range word {
		if unicode.IsUpper(r) && prevLower {
			cuts = append(cuts, i)
		}
		prevLower = unicode.IsLower(r)
	}
	if len(cuts) == 0 {
		return nil
	}
	var parts []Token
	a := 0
	for _, c := range append(cuts, len(word)) {
		if utf8.RuneCountInString(word[a:c]) < 2 {
			return nil
		}
		pt := makeToken(s, segmentsAt(s, t.Start+a, t.Start+c), nil)
		pt.Hashtag = t.Hashtag
		parts = append(parts, pt)
		a = c
	}
	return parts
}

// segmentsAt returns the segments of s[a:b] with offsets into s.
func segmentsAt(s string, a, b int) []segment {
	segs := segments(s[a:b])
	for i := range segs {
		segs[i].start += a
		segs[i].end += a
	}
	return segs
}
