package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// wordScan finds the matches of an expression whose every match begins at a word
// boundary with one of a few ASCII words. Go's regexp has no fast skip for a
// case-insensitive start, so over a whole draft it steps its machine at every byte;
// here it runs anchored, only where one of the words begins a word. Where the draft
// holds the long s or the Kelvin sign, which (?i) reads as 's' and 'k' but the word
// comparison does not, it falls back to the whole-text search.
type wordScan struct {
	words []string // lower case
	// firsts marks the bytes a word can begin with, in either case.
	firsts [256]bool
	// starts, when set instead of words, says whether a match may begin at s[i]
	// (for expressions that begin with a character class rather than words).
	starts      func(s string, i int) bool
	head, after *regexp.Regexp
}

func newWordScan(expr string, words ...string) *wordScan {
	w := &wordScan{words: words, head: regexp.MustCompile(`^(` + expr + `)`), after: regexp.MustCompile(`^(?s:.)(` + expr + `)`)}
	for _, word := range words {
		c := word[0]
		w.firsts[c] = true
		if c >= 'a' && c <= 'z' {
			w.firsts[c-'a'+'A'] = true
		}
	}
	return w
}

// newStartScan is a scan that tries expr wherever starts allows: starts must hold at
// every position where a match of expr can begin. Unlike a word scan it does not
// require a word boundary before the start.
func newStartScan(expr string, starts func(s string, i int) bool) *wordScan {
	return &wordScan{starts: starts, head: regexp.MustCompile(`^(` + expr + `)`), after: regexp.MustCompile(`^(?s:.)(` + expr + `)`)}
}

// scanFor returns the word scan of re when re begins with `\b` and a known set of
// ASCII words (text.StartWords); nil when it does not.
func scanFor(re *regexp.Regexp) *wordScan {
	words := text.StartWords(re)
	if words == nil {
		return nil
	}
	return newWordScan(re.String(), words...)
}

// findAll is re.FindAllStringIndex(s, -1), re being the expression of w.
func (w *wordScan) findAll(re *regexp.Regexp, s string) [][]int {
	if foldsToASCII(s) {
		return re.FindAllStringIndex(s, -1)
	}
	var out [][]int
	w.each(s, func(m []int, off int) bool {
		out = append(out, []int{m[2] + off, m[3] + off})
		return true
	})
	return out
}

// findAllSubmatch is re.FindAllStringSubmatchIndex(s, -1).
func (w *wordScan) findAllSubmatch(re *regexp.Regexp, s string) [][]int {
	if foldsToASCII(s) {
		return re.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	w.each(s, func(m []int, off int) bool {
		out = append(out, shift(m, off))
		return true
	})
	return out
}

// first is re.FindStringSubmatchIndex(s).
func (w *wordScan) first(re *regexp.Regexp, s string) []int {
	if foldsToASCII(s) {
		return re.FindStringSubmatchIndex(s)
	}
	var loc []int
	w.each(s, func(m []int, off int) bool {
		loc = shift(m, off)
		return false
	})
	return loc
}

// shift turns the scan's submatches into the expression's: the scan's group 1 is the
// expression's whole match, its group k+1 the expression's group k.
func shift(m []int, off int) []int {
	loc := make([]int, len(m)-2)
	for k, v := range m[2:] {
		if v >= 0 {
			v += off
		}
		loc[k] = v
	}
	return loc
}

// each calls f with the submatches of every match (group 1 being the expression's
// whole match) and the offset to add to them, until f returns false.
func (w *wordScan) each(s string, f func(m []int, off int) bool) {
	for i := 0; i < len(s); i++ {
		if w.starts != nil {
			if !w.starts(s, i) {
				continue
			}
		} else if !w.firsts[s[i]] || i > 0 && asciiWordByte(s[i-1]) || !w.startsAt(s[i:]) {
			continue
		}
		var m []int
		off := 0
		if i == 0 {
			m = w.head.FindStringSubmatchIndex(s)
		} else {
			_, n := utf8.DecodeLastRuneInString(s[:i])
			off = i - n
			m = w.after.FindStringSubmatchIndex(s[off:])
		}
		if m == nil || m[3] <= m[2] {
			continue
		}
		if !f(m, off) {
			return
		}
		i = m[3] + off - 1
	}
}

// foldsToASCII reports whether s holds one of the two runes that (?i) matches with an
// ASCII letter: the long s and the Kelvin sign.
func foldsToASCII(s string) bool {
	return strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a")
}

// startsAt reports whether s begins with one of the words, ASCII letters in any case.
func (w *wordScan) startsAt(s string) bool {
	if s == "" || !asciiWordByte(s[0]) {
		return false
	}
	for _, word := range w.words {
		if len(s) >= len(word) && asciiEqualFold(s[:len(word)], word) {
			return true
		}
	}
	return false
}

func asciiEqualFold(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// asciiWordByte reports what \b counts as a word character: an ASCII letter, digit or '_'.
func asciiWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}
