package text

import (
	"regexp/syntax"
	"unicode/utf8"
)

// MaxLen returns the most bytes a match of re can span, or -1 when a repetition
// makes that unbounded. A rune counts four bytes unless re can only match ASCII
// there (a case-folded letter may match the Kelvin sign or the long s). Scanners use
// it to run an expression on a window instead of the rest of a draft.
func MaxLen(re *syntax.Regexp) int {
	return MaxOver(re, func(re *syntax.Regexp) int {
		switch re.Op {
		case syntax.OpLiteral:
			n := 0
			for _, r := range re.Rune {
				if r < utf8.RuneSelf && re.Flags&syntax.FoldCase == 0 {
					n++
				} else {
					n += utf8.UTFMax
				}
			}
			return n
		case syntax.OpCharClass:
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i+1] >= utf8.RuneSelf {
					return utf8.UTFMax // a rune beyond ASCII, or an invalid byte as U+FFFD
				}
			}
			return 1
		}
		return utf8.UTFMax // any character
	})
}

// MaxOver bounds what a match of re may hold, given the bound leaf of each literal,
// character class and any-character in it (bytes, spaces, …); -1 when a repetition
// of something non-empty makes it unbounded.
func MaxOver(re *syntax.Regexp, leaf func(*syntax.Regexp) int) int {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return leaf(re)
	case syntax.OpCapture, syntax.OpQuest:
		return MaxOver(re.Sub[0], leaf)
	case syntax.OpStar, syntax.OpPlus:
		if MaxOver(re.Sub[0], leaf) == 0 {
			return 0
		}
		return -1
	case syntax.OpRepeat:
		sub := MaxOver(re.Sub[0], leaf)
		switch {
		case sub == 0:
			return 0
		case sub < 0 || re.Max < 0:
			return -1
		}
		return sub * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			m := MaxOver(s, leaf)
			if m < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				n += m
			} else {
				n = max(n, m)
			}
		}
		return n
	}
	return -1
}
