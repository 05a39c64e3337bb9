package rules

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// needOffset returns how many bytes every match of re holds before the part of its
// top-level sequence whose needOf is need; 0 when need comes from no such part.
func needOffset(re *syntax.Regexp, need []string) int {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat {
		return 0
	}
	off := 0
	for _, sub := range re.Sub {
		if n, ok := needOf(sub); ok && slices.Equal(n, need) {
			return off
		}
		off += minLenOf(sub)
	}
	return 0
}

// minLenOf returns a lower bound of the bytes of any match of re: a rune is at least
// one byte, and a case-folded one is counted as one (its other cases may be shorter).
func minLenOf(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return len(re.Rune)
		}
		n := 0
		for _, r := range re.Rune {
			if r == utf8.RuneError || !utf8.ValidRune(r) {
				n++ // also matches a single invalid byte
				continue
			}
			n += utf8.RuneLen(r)
		}
		return n
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minLenOf(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minLenOf(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			n += minLenOf(sub)
		}
		return n
	case syntax.OpAlternate:
		n := -1
		for _, sub := range re.Sub {
			if m := minLenOf(sub); n < 0 || m < n {
				n = m
			}
		}
		return max(n, 0)
	}
	// empty matches, boundaries, stars and quests
	return 0
}
