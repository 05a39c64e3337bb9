package rules

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Every detail, exposure and routine counts only through the child reference nearest
// to it (childWindow tokens, the same paragraph). Once the references are known, the
// later finders need not search the whole draft: only the stretches near a reference.
//
// Searching part of a text finds the matches of the whole text only where no match
// can run across the cut, so each stretch is widened to a byte the expression can
// never contain (not in its alphabet) or to the end of the draft. What is then left
// out lies in no stretch, is far from every reference and so never reported. It could
// still keep a near detail out through the overlap checks of addInstAs, addPlace and
// dedupeAges; the scan therefore notes every candidate of those and, when one reaches
// into a part some expression left out, starts again without the shortcut.

// nearSlack is the tokens a stretch reaches beyond a reference: more than
// childWindow and exposureWindow, the farthest a counted piece may be.
const nearSlack = childWindow + 3

// byteSpan is a byte range [lo, hi).
type byteSpan struct{ lo, hi int }

// nearSpans returns, in order and apart from each other, the byte ranges outside of
// which no piece can be near a child reference (see nearest): nearSlack tokens on
// either side of each reference, cut at the blank lines around it.
func (s *childScan) nearSpans() []byteSpan {
	o := s.doc.Original
	n := len(s.toks)
	// Every blank line of the draft, found once: each reference looks for the
	// nearest one on either side (a search of the text per reference would grow
	// with the square of a long draft).
	var blank []int // positions k with o[k:k+2] == "\n\n", in order
	for k := strings.Index(o, "\n\n"); k >= 0; {
		blank = append(blank, k)
		next := strings.Index(o[k+1:], "\n\n")
		if next < 0 {
			break
		}
		k += 1 + next
	}
	var out []byteSpan
	for _, a := range s.anchors {
		lo, hi := 0, len(o)
		// a piece that ends before token a.tokA-nearSlack starts has its tokens
		// before it, nearSlack or more away; one that starts after the end of token
		// a.tokB+nearSlack is as far on the other side
		if l := a.tokA - nearSlack; l > 0 && l < n {
			lo = s.toks[l].Start
		}
		if r := a.tokB + nearSlack; r < n-1 && r >= 0 {
			hi = s.toks[r].End
		}
		// a piece that ends at or before k+1, for a blank line at k before the
		// reference, has it between itself and the reference (paraBreak); likewise
		// one that starts at or after k+1 for a blank line at k after it
		// the last blank line that ends by a.start, and the first that begins at or after a.end
		if i := sort.SearchInts(blank, a.start-1); i > 0 {
			lo = max(lo, blank[i-1]+1)
		}
		if i := sort.SearchInts(blank, a.end); i < len(blank) {
			hi = min(hi, blank[i]+1)
		}
		if lo < hi {
			out = append(out, byteSpan{lo, hi})
		}
	}
	return mergeSpans(out)
}

// mergeSpans sorts spans and joins those that overlap or touch.
func mergeSpans(sp []byteSpan) []byteSpan {
	slices.SortFunc(sp, func(a, b byteSpan) int { return a.lo - b.lo })
	out := sp[:0]
	for _, x := range sp {
		if k := len(out) - 1; k >= 0 && x.lo <= out[k].hi {
			out[k].hi = max(out[k].hi, x.hi)
			continue
		}
		out = append(out, x)
	}
	return out
}

// widen stretches each span of near to a byte of s that no match of f contains, or
// to an end of s: no match then runs across a cut.
func (f *startRe) widen(s string, near []byteSpan) []byteSpan {
	out := make([]byteSpan, 0, len(near))
	for _, x := range near {
		lo, hi := x.lo, x.hi
		for lo > 0 && lo < len(s) && hasBit(f.alpha[:], int(s[lo])) {
			lo--
		}
		for hi < len(s) && hasBit(f.alpha[:], int(s[hi])) {
			hi++
		}
		out = append(out, byteSpan{lo, hi})
	}
	return mergeSpans(out)
}

// findAllIn returns the matches of re.FindAllStringSubmatchIndex(s, -1) that begin
// in one of the spans, which widen made: within them it finds exactly those.
func (f *startRe) findAllIn(s string, spans []byteSpan) [][]int {
	return f.findAllInWords(s, spans, nil)
}

// findAllInWords is findAllIn given the positions where a word begins in s (nil: unknown).
func (f *startRe) findAllInWords(s string, spans []byteSpan, words []int32) [][]int {
	var out [][]int
	x := f.newSearch(s)
	x.words = words
	for _, sp := range spans {
		for p := x.nextBefore(sp.lo, sp.hi); p < sp.hi; p = x.nextBefore(p+1, sp.hi) {
			if m := x.matchAt(p); m != nil {
				out = append(out, m)
				p = m[1] - 1
			}
		}
	}
	return out
}

// nextBefore is next looking no further than lim (lim when there is no start before it).
func (x *search) nextBefore(p, lim int) int {
	f, s := x.f, x.s
	if x.words != nil && f.wordFirst && f.lead == "" {
		return x.nextWord(p, lim)
	}
	for p < lim {
		if f.lead != "" {
			// a match that begins before lim holds its lead before lim
			k := strings.Index(s[p:lim], f.lead)
			if k < 0 {
				return lim
			}
			p += k
		} else if !f.first[s[p]] || f.wordFirst && p > 0 && wordBytes[s[p-1]] {
			p++
			continue
		}
		if f.mayStart(s, p) {
			return p
		}
		p++
	}
	return lim
}

// nextWord is nextBefore for an expression whose matches begin where a word begins:
// it steps from word to word instead of byte by byte.
func (x *search) nextWord(p, lim int) int {
	f, s, w := x.f, x.s, x.words
	k, _ := slices.BinarySearch(w, int32(p))
	for ; k < len(w) && int(w[k]) < lim; k++ {
		if q := int(w[k]); f.first[s[q]] && f.mayStart(s, q) {
			return q
		}
	}
	return lim
}

// nearGroup collects, for one set of overlap checks, the parts each expression left
// out and the candidates checked.
type nearGroup struct {
	searched [][]byteSpan // per expression searched in part, the spans it searched
	cands    []byteSpan
}

// findNear runs re on s (s.lower or the original) everywhere, or only near child
// references once those are known, noting what it searched in g (nil: no overlap
// check involves its matches).
func (s *childScan) findNear(re *regexp.Regexp, text string, g *nearGroup) [][]int {
	f := startOf(re)
	// text is the original or s.lower, which has the same length and the same word
	// starts (lowerSameLen changes no byte from a word byte to another kind)
	var words []int32
	if f.ok && f.wordFirst && f.lead == "" && !s.noShortcuts {
		words = s.doc.scanOriginal().starts
	}
	if s.near == nil || !f.ok {
		return f.findAllWords(text, words)
	}
	sp := f.widen(text, s.near)
	if len(sp) == 1 && sp[0].lo == 0 && sp[0].hi == len(text) {
		return f.findAllWords(text, words)
	}
	if g != nil {
		g.searched = append(g.searched, sp)
	}
	return f.findAllInWords(text, sp, words)
}

// note records a candidate of the group's overlap checks.
func (g *nearGroup) note(a, b int) { g.cands = append(g.cands, byteSpan{a, b}) }

// sound reports whether no candidate reaches into a part an expression left out:
// then no match left out overlaps a candidate, and every overlap check decides as on
// the whole draft.
func (g *nearGroup) sound() bool {
	for _, sp := range g.searched {
		for _, c := range g.cands {
			k, _ := slices.BinarySearchFunc(sp, c.lo, func(x byteSpan, p int) int {
				if x.hi <= p {
					return -1
				}
				if x.lo > p {
					return 1
				}
				return 0
			})
			if k == len(sp) || sp[k].lo > c.lo || sp[k].hi < c.hi {
				return false
			}
		}
	}
	return true
}

// touchesAny reports whether [a, b) shares a byte with one of the ordered spans.
func touchesAny(sp []byteSpan, a, b int) bool {
	k, _ := slices.BinarySearchFunc(sp, a, func(x byteSpan, p int) int {
		if x.hi <= p {
			return -1
		}
		return 1
	})
	return k < len(sp) && sp[k].lo < b
}
