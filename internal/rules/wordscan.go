package rules

import (
	"regexp"
	"slices"
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

// scanText is a text the scans search, with the positions where an ASCII word
// begins: i == 0 or s[i-1] is no ASCII word byte, and s[i] is one. A word scan only
// ever tries those, so a draft's are found once for every rule (see Doc.scanOriginal).
type scanText struct {
	s      string
	starts []int32
	// longS says whether s holds the long s or the Kelvin sign (see foldsToASCII).
	longS bool
}

func newScanText(s string) *scanText {
	return &scanText{s: s, starts: wordStarts(s), longS: foldsToASCII(s)}
}

// reset makes t the scan text of s, reusing its memory.
func (t *scanText) reset(s string) {
	t.s, t.starts, t.longS = s, appendWordStarts(t.starts[:0], s), foldsToASCII(s)
}

// wordStarts returns the positions where an ASCII word begins in s.
func wordStarts(s string) []int32 { return appendWordStarts(make([]int32, 0, len(s)/6+1), s) }

// appendWordStarts appends the positions where an ASCII word begins in s to out.
func appendWordStarts(out []int32, s string) []int32 {
	prev := false
	for i := 0; i < len(s); i++ {
		w := wordBytes[s[i]]
		if w && !prev {
			out = append(out, int32(i))
		}
		prev = w
	}
	return out
}

// findAllIn is re.FindAllStringIndex(t.s, -1).
func (w *wordScan) findAllIn(re *regexp.Regexp, t *scanText) [][]int {
	if t.longS {
		return re.FindAllStringIndex(t.s, -1)
	}
	var out [][]int
	w.eachIn(t, 0, func(m []int, off int) bool {
		out = append(out, []int{m[2] + off, m[3] + off})
		return true
	})
	return out
}

// findAllSubmatchIn is re.FindAllStringSubmatchIndex(t.s, -1).
func (w *wordScan) findAllSubmatchIn(re *regexp.Regexp, t *scanText) [][]int {
	if t.longS {
		return re.FindAllStringSubmatchIndex(t.s, -1)
	}
	var out [][]int
	w.eachIn(t, 0, func(m []int, off int) bool {
		out = append(out, shift(m, off))
		return true
	})
	return out
}

// firstIn is re.FindStringSubmatchIndex(t.s[from:]), offsets counted from from.
func (w *wordScan) firstIn(re *regexp.Regexp, t *scanText, from int) []int {
	s := t.s[from:]
	if t.longS && foldsToASCII(s) {
		return re.FindStringSubmatchIndex(s)
	}
	var loc []int
	w.eachIn(t, from, func(m []int, off int) bool {
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

// eachIn calls f with the submatches of every match in t.s[from:] (group 1 being the
// expression's whole match) and the offset to add to them to count from from, until f
// returns false. As the search begins at from, from itself counts as a word start
// whenever an ASCII word byte stands there.
func (w *wordScan) eachIn(t *scanText, from int, f func(m []int, off int) bool) {
	s := t.s[from:]
	if w.starts != nil {
		for i := 0; i < len(s); i++ {
			if !w.starts(s, i) {
				continue
			}
			if next, ok := w.try(s, i, f); !ok {
				return
			} else if next > i {
				i = next - 1
			}
		}
		return
	}
	// k is the first word start after from.
	starts := t.starts
	k, _ := slices.BinarySearch(starts, int32(from)+1)
	lo := 0 // no match may begin before lo
	if len(s) > 0 && isWordByte(s[0]) && w.firsts[s[0]] && w.startsAt(s) {
		next, ok := w.try(s, 0, f)
		if !ok {
			return
		}
		lo = next
	}
	for ; k < len(starts); k++ {
		i := int(starts[k]) - from
		if i < lo || !w.firsts[s[i]] || !w.startsAt(s[i:]) {
			continue
		}
		next, ok := w.try(s, i, f)
		if !ok {
			return
		}
		lo = next
	}
}

// try runs the expression anchored at s[i]. On a match it calls f and returns where
// the next match may begin, and whether to go on; without one it returns i.
func (w *wordScan) try(s string, i int, f func(m []int, off int) bool) (int, bool) {
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
		return i, true
	}
	if !f(m, off) {
		return i, false
	}
	return m[3] + off, true
}

// foldsToASCII reports whether s holds one of the two runes that (?i) matches with an
// ASCII letter: the long s and the Kelvin sign.
func foldsToASCII(s string) bool {
	return strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a")
}

// startsAt reports whether s begins with one of the words, ASCII letters in any case.
func (w *wordScan) startsAt(s string) bool {
	if s == "" || !isWordByte(s[0]) {
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
