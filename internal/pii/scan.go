package pii

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// Go's regexp has no fast skip for expressions that begin with \b or a character class,
// so FindAll over a whole draft steps its machine at every byte. Identifiers are rare
// and begin with a digit or a capital, so the finders below run their expressions
// anchored at the few positions where a match can begin and on a window no longer than
// the longest match. Each such finder returns exactly what FindAll over the whole text
// would; scan_test.go compares the two on generated drafts.

// anchored is an expression prepared to run at one position of a text.
type anchored struct {
	whole *regexp.Regexp // the expression as written
	head  *regexp.Regexp // ^(expr): a match at the start of the text
	after *regexp.Regexp // ^(?s:.)(expr): a match after the rune that \b looks at
	// window is how far past the start a match and the rune after it can reach, in
	// bytes; 0 when a match has no bound.
	window int
}

func newAnchored(expr string) *anchored {
	a := &anchored{
		whole: regexp.MustCompile(expr),
		head:  regexp.MustCompile(`^(` + expr + `)`),
		after: regexp.MustCompile(`^(?s:.)(` + expr + `)`),
	}
	t, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	if n := text.MaxLen(t.Simplify()); n >= 0 {
		a.window = n + utf8.UTFMax
	}
	return a
}

// at returns the submatch indexes of the match that starts at byte p of s, or nil:
// what the whole expression finds when its leftmost match starts at p.
func (a *anchored) at(s string, p int) []int {
	end := len(s)
	if a.window > 0 {
		end = min(end, p+a.window)
	}
	var m []int
	off := 0
	if p == 0 {
		m = a.head.FindStringSubmatchIndex(s[:end])
	} else {
		_, w := utf8.DecodeLastRuneInString(s[:p])
		off = p - w
		m = a.after.FindStringSubmatchIndex(s[off:end])
	}
	if m == nil || m[2] != p-off {
		return nil
	}
	m = m[2:]
	for k := range m {
		if m[k] >= 0 {
			m[k] += off
		}
	}
	return m
}

// findAll is FindAllStringSubmatchIndex of the whole expression, given starts: every
// position, in order, where a match may begin, and ok, a necessary condition for a
// match to begin at i. Matches are never empty, so the search goes on at a match's end.
func (a *anchored) findAll(s string, starts []int, ok func(s string, i int) bool) [][]int {
	var out [][]int
	pos := 0
	for _, i := range starts {
		if i < pos || ok != nil && !ok(s, i) {
			continue
		}
		if m := a.at(s, i); m != nil {
			out = append(out, m)
			pos = m[1]
		}
	}
	return out
}

// suffixRe answers MatchString for an expression that ends in $ by running the
// reversed expression, which then begins with ^, over the reversed text: the engine
// tries one start position instead of every one.
type suffixRe struct {
	fwd, rev *regexp.Regexp
	guard    *text.Guard
}

func newSuffixRe(expr string) suffixRe {
	t, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	fwd := regexp.MustCompile(expr)
	return suffixRe{fwd, regexp.MustCompile(reverse(t).String()), text.NewGuard(fwd)}
}

// matchString is fwd.MatchString(s), skipped when the guard rules a match out.
func (r suffixRe) matchString(s string) bool {
	return r.guard.MayMatch(text.Fold(s)) && r.rev.MatchString(reverseRunes(s))
}

// reverse returns the expression that matches the reversed texts of re's matches.
// Only which texts match is kept, not which submatch or which alternative wins.
func reverse(re *syntax.Regexp) *syntax.Regexp {
	out := *re
	switch re.Op {
	case syntax.OpLiteral:
		out.Rune = make([]rune, len(re.Rune))
		for i, r := range re.Rune {
			out.Rune[len(re.Rune)-1-i] = r
		}
	case syntax.OpBeginText:
		out.Op = syntax.OpEndText
	case syntax.OpEndText:
		out.Op = syntax.OpBeginText
	case syntax.OpBeginLine:
		out.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		out.Op = syntax.OpBeginLine
	}
	if len(re.Sub) > 0 {
		out.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, sub := range re.Sub {
			out.Sub[i] = reverse(sub)
		}
		if re.Op == syntax.OpConcat {
			for i, j := 0, len(out.Sub)-1; i < j; i, j = i+1, j-1 {
				out.Sub[i], out.Sub[j] = out.Sub[j], out.Sub[i]
			}
		}
	}
	return &out
}

// reverseRunes reverses s rune by rune; an invalid byte becomes U+FFFD, which is what
// the regexp engine reads it as.
func reverseRunes(s string) string {
	b := make([]byte, 0, len(s)+8)
	for i := len(s); i > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if w == 1 && r != utf8.RuneError {
			b = append(b, s[i-1])
		} else {
			b = utf8.AppendRune(b, r)
		}
		i -= w
	}
	return string(b)
}

// index holds what the finders of one draft share: the folded text, made on first
// use, and the places where the finders' matches can begin, found in one pass.
type index struct {
	folded
	// digitStarts are the positions of digits that follow no ASCII letter, digit or '_'.
	digitStarts []int
	// houses are the positions of digits 1–9 right after white space: where the house
	// number of a German street address can stand.
	houses []int
	// phoneStarts are the positions of digits, '+' and '(': where phoneCandRe can begin.
	phoneStarts []int
	// ibanAt are the positions of two ASCII letters at the start of a word and two
	// digits; bicAt those of six capitals at the start of a word.
	ibanAt, bicAt []int
	// upperDigit: an ASCII capital is directly followed by a digit somewhere.
	upperDigit bool
	// oddFold: the draft holds the long s or the Kelvin sign, which (?i) matches as
	// 's' and 'k', so scans that compare ASCII letters hand over to the expression.
	oddFold bool
}

// Byte classes of the one pass in newIndex.
const (
	classWord   = 1 << iota // what \b calls a word character: [0-9A-Za-z_]
	classDigit              // [0-9]
	classSpace              // what \s matches: [\t\n\f\r ]
	classHigh               // the first byte of a multi-byte rune, or a stray one
	classUpper              // [A-Z]
	classLetter             // [A-Za-z]
	classPhone              // a digit, '+' or '('
)

var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		b := byte(c)
		switch {
		case isDigit(b):
			t[c] = classWord | classDigit | classPhone
		case isUpper(b):
			t[c] = classWord | classLetter | classUpper
		case isLetter(b):
			t[c] = classWord | classLetter
		case b == '_':
			t[c] = classWord
		case b == '+' || b == '(':
			t[c] = classPhone
		case isSpaceByte(b):
			t[c] = classSpace
		case b >= 0x80:
			t[c] = classHigh
		}
	}
	return
}()

func newIndex(s string) *index {
	x := &index{}
	x.fill(s)
	return x
}

// indexes keeps the indexes of finished drafts, whose slices the next ones reuse.
var indexes = sync.Pool{New: func() any { return new(index) }}

// fill indexes s, reusing x's slices.
func (x *index) fill(s string) {
	*x = index{folded: folded{s: s}, digitStarts: x.digitStarts[:0], houses: x.houses[:0],
		phoneStarts: x.phoneStarts[:0], ibanAt: x.ibanAt[:0], bicAt: x.bicAt[:0]}
	var prev uint8 // class of the byte before i
	high := false
	upperRun := 0 // capitals before i
	for i := 0; i < len(s); i++ {
		c := s[i]
		k := byteClass[c]
		if k&(classUpper|classPhone|classHigh) == 0 {
			// small letters, white space and punctuation, most of a draft
			upperRun = 0
			prev = k
			continue
		}
		if k&classUpper != 0 {
			upperRun++
			if upperRun == 6 && (i < 6 || !isWordByte(s[i-6])) {
				x.bicAt = append(x.bicAt, i-5)
			}
		} else {
			upperRun = 0
		}
		if k&classPhone != 0 {
			x.phoneStarts = append(x.phoneStarts, i)
		}
		if k&classDigit != 0 && prev&classLetter != 0 && i >= 2 && i+1 < len(s) && isDigit(s[i+1]) && isLetter(s[i-2]) && (i == 2 || !isWordByte(s[i-3])) {
			x.ibanAt = append(x.ibanAt, i-2)
		}
		if k&classDigit != 0 {
			if prev&classWord == 0 {
				x.digitStarts = append(x.digitStarts, i)
			}
			if prev&classSpace != 0 && c != '0' {
				x.houses = append(x.houses, i)
			}
			if i > 0 && isUpper(s[i-1]) {
				x.upperDigit = true
			}
		}
		high = high || k&classHigh != 0
		prev = k
	}
	x.oddFold = high && (strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a"))
}

// isWordByte reports an ASCII letter, digit or '_', what \b calls a word character.
// A byte of a multi-byte rune is never one, and neither is that rune.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// digitRun is the number of ASCII digits from i on.
func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}
