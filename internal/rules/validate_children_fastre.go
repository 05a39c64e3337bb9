package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// Go's regexp engine has no fast skip for alternations of words: it steps through every
// byte of a draft with a backtracker or an NFA, which for the children expressions costs
// a large share of a whole check. A match can only begin where its first bytes occur,
// so startRe looks for those places with one table lookup per byte and runs the
// expression anchored there, on a window just long enough for any match it could make.
// It finds exactly what the plain expression finds; where the analysis cannot tell,
// it runs the plain expression.

// startRe is an expression with what is known about where its matches begin and end.
type startRe struct {
	re      *regexp.Regexp
	ok      bool           // false: the analysis gave up, use re as it is
	atStart *regexp.Regexp // ^(?:re), for a match at offset 0
	after   *regexp.Regexp // ^(?s:.)(?:re): the rune before the start gives \b its context
	// Every match begins with one of a set of strings of up to startKey bytes:
	// first holds their first bytes, single those that are a whole string, pairs the
	// first two bytes of the others, short those two bytes when they are a whole
	// string, and long the longer strings (three or four bytes) as numbers.
	first, single [256]bool
	pairs, short  []uint64
	long          map[uint64]struct{}
	lead          string // the start all those strings share, when they share one
	wordStart     bool   // every match begins at a word boundary
	wordFirst     bool   // and with a word character: never inside a word
	maxLen        int    // longest match in bytes; -1 when unbounded
	maxSpaces     int    // most white space bytes in a match; -1 when unbounded
	// maxSolid is the most bytes other than white space in a match, -1 when unbounded:
	// "is 5\s*!" may run over any amount of white space but not over more words
	maxSolid int
	alpha    [4]uint64 // bytes a match may contain
	// need holds strings one of which every match contains, when they are worth
	// looking for: a start with none of them in its window cannot match.
	need []string
	// needFrom is the fewest bytes a match holds before the part that holds need: an
	// occurrence nearer to the start than that cannot be the one the match holds
	// ("Kita" begins no "Sonnen-Kita", which has a word and a hyphen before it)
	needFrom int
}

// startKey is the number of leading bytes the start table looks at.
const startKey = 4

// maxPrefixes bounds the prefix sets of the analysis; larger ones are given up.
const maxPrefixes = 8192

var startRes sync.Map // *regexp.Regexp → *startRe

// startOf returns the start analysis of re, made once.
func startOf(re *regexp.Regexp) *startRe {
	if f, ok := startRes.Load(re); ok {
		return f.(*startRe)
	}
	f, _ := startRes.LoadOrStore(re, newStartRe(re))
	return f.(*startRe)
}

func newStartRe(re *regexp.Regexp) *startRe {
	f := &startRe{re: re, maxLen: -1, maxSpaces: -1, maxSolid: -1}
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return f
	}
	pres, known := prefixesOf(t)
	if !known {
		return f
	}
	f.pairs, f.short, f.long = make([]uint64, 1<<16/64), make([]uint64, 1<<16/64), map[uint64]struct{}{}
	for _, p := range pres {
		if len(p.s) == 0 {
			return f // an empty match or a start anywhere
		}
		f.first[p.s[0]] = true
		if len(p.s) == 1 {
			f.single[p.s[0]] = true
			continue
		}
		k := uint16(p.s[0])<<8 | uint16(p.s[1])
		setBit(f.pairs, int(k))
		if len(p.s) == 2 {
			setBit(f.short, int(k))
		} else {
			f.long[longKey(p.s)] = struct{}{}
		}
	}
	atStart, err1 := regexp.Compile(`^(?:` + re.String() + `)`)
	after, err2 := regexp.Compile(`^(?s:.)(?:` + re.String() + `)`)
	if err1 != nil || err2 != nil || atStart.NumSubexp() != re.NumSubexp() || after.NumSubexp() != re.NumSubexp() {
		return f
	}
	f.atStart, f.after = atStart, after
	f.wordStart = startsWithBoundary(t)
	f.wordFirst = f.wordStart
	for c := range 256 {
		if f.first[c] && !wordBytes[c] {
			f.wordFirst = false
		}
	}
	f.maxLen = maxLenOf(t)
	f.maxSpaces = maxSpacesOf(t)
	f.maxSolid = maxSolidOf(t)
	f.lead = commonStart(pres)
	if need, ok := needOf(t); ok && worthLooking(need) && !startsHoldOne(pres, need) {
		f.need = need
		f.needFrom = needOffset(t, need)
	}
	alphabetOf(t, &f.alpha)
	f.ok = true
	return f
}

// wordBytes are the bytes \b counts as word characters.
var wordBytes = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = syntax.IsWordChar(rune(c))
	}
	return t
}()

// longKey numbers a string of three or four bytes, its length in the high bits.
func longKey(x string) uint64 {
	k := uint64(len(x)) << 32
	for i := 0; i < len(x); i++ {
		k |= uint64(x[i]) << (8 * (len(x) - 1 - i))
	}
	return k
}

func setBit(b []uint64, i int)       { b[i>>6] |= 1 << (i & 63) }
func hasBit(b []uint64, i int) bool  { return b[i>>6]&(1<<(i&63)) != 0 }
func isWordByte(c byte) bool         { return wordBytes[c] }
func isContinuationByte(c byte) bool { return c&0xC0 == 0x80 }

// mayStart reports whether a match can begin at byte p of s, where s[p] is in first.
func (f *startRe) mayStart(s string, p int) bool {
	c := s[p]
	// a match begins with a whole rune, never inside one
	if isContinuationByte(c) {
		return false
	}
	if f.wordStart && (p > 0 && isWordByte(s[p-1])) == isWordByte(c) {
		return false
	}
	if f.single[c] {
		return true
	}
	if p+1 >= len(s) {
		return false
	}
	k := int(c)<<8 | int(s[p+1])
	if !hasBit(f.pairs, k) {
		return false
	}
	if hasBit(f.short, k) {
		return true
	}
	if len(f.long) == 0 {
		return false
	}
	if p+3 <= len(s) {
		if _, ok := f.long[longKey(s[p:p+3])]; ok {
			return true
		}
	}
	if p+4 <= len(s) {
		if _, ok := f.long[longKey(s[p:p+4])]; ok {
			return true
		}
	}
	return false
}

// search is the state of one search through s: where the last window ended and where
// the white space is.
type search struct {
	f     *startRe
	s     string
	stop  int   // the first byte at or after the last start that no match may contain
	ws    []int // offsets of white space from the last start up to wsTo
	wsTo  int   // how far ws has been looked for
	wsAt  int   // index in ws of the first white space at or after the last start
	occ   []int // offsets where one of need occurs, in order; found at the first start
	occAt int   // index in occ of the first at or after the last start
	// words, when set, are the positions where a word begins in s (wordStarts): an
	// expression whose matches never begin inside a word is tried only there
	words []int32
}

func (f *startRe) newSearch(s string) *search {
	x := &search{f: f, s: s, stop: -1}
	return x
}

// findNeeds finds where the strings every match needs occur.
func (x *search) findNeeds() {
	x.occ = []int{}
	for _, n := range x.f.need {
		for off := 0; ; {
			k := strings.Index(x.s[off:], n)
			if k < 0 {
				break
			}
			x.occ = append(x.occ, off+k)
			off += k + 1
		}
	}
	if len(x.f.need) > 1 {
		slices.Sort(x.occ)
	}
}

// next returns the next offset at or after p where a match may begin, or len(s).
func (x *search) next(p int) int { return x.nextBefore(p, len(x.s)) }

// matchAt returns the submatch indexes of the match that begins at p, as the plain
// expression would report it, or nil. Starts must come in increasing order.
func (x *search) matchAt(p int) []int {
	f, s := x.f, x.s
	if x.stop < p {
		q := p
		for q < len(s) && hasBit(f.alpha[:], int(s[q])) {
			q++
		}
		x.stop = q
	}
	// No match reaches past stop, past maxLen bytes or past its maxSpaces+1st white
	// space; one byte more keeps what \b and $ see after the end of a match.
	end := min(len(s), x.stop+1)
	if f.maxLen >= 0 {
		end = min(end, p+f.maxLen+1)
	} else if f.maxSolid >= 0 {
		// a match ends before the maxSolid+1st byte from p that is not white space
		n, q := 0, p
		for ; q < end; q++ {
			if !isSpaceByte(s[q]) {
				if n == f.maxSolid {
					break
				}
				n++
			}
		}
		end = min(end, q+1)
	}
	if f.need != nil {
		if x.occ == nil {
			x.findNeeds()
		}
		for x.occAt < len(x.occ) && x.occ[x.occAt] < p+f.needFrom {
			x.occAt++
		}
		if x.occAt == len(x.occ) || x.occ[x.occAt] >= end {
			return nil // none of the strings every match holds is in reach
		}
	}
	if f.maxSpaces >= 0 {
		for x.wsAt < len(x.ws) && x.ws[x.wsAt] < p {
			x.wsAt++
		}
		k := x.wsAt + f.maxSpaces
		// white space before the start never counts: a search that begins far into
		// the text (findAllIn) skips to its start instead of stepping through the bytes
		x.wsTo = max(x.wsTo, p)
		for len(x.ws) <= k && x.wsTo < len(s) {
			if isSpaceByte(s[x.wsTo]) && x.wsTo >= p {
				x.ws = append(x.ws, x.wsTo)
			}
			x.wsTo++
		}
		if k < len(x.ws) {
			end = min(end, x.ws[k]+1)
		}
	}
	if p == 0 {
		return f.atStart.FindStringSubmatchIndex(s[:end])
	}
	_, w := utf8.DecodeLastRuneInString(s[:p])
	loc := f.after.FindStringSubmatchIndex(s[p-w : end])
	if loc == nil {
		return nil
	}
	for i, v := range loc {
		if v >= 0 {
			loc[i] = v + p - w
		}
	}
	loc[0] = p
	return loc
}

// findAll is re.FindAllStringSubmatchIndex(s, -1).
func (f *startRe) findAll(s string) [][]int { return f.findAllWords(s, nil) }

// findAllWords is findAll given the positions where a word begins in s (nil: unknown).
func (f *startRe) findAllWords(s string, words []int32) [][]int {
	if !f.ok {
		return f.re.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	x := f.newSearch(s)
	x.words = words
	for p := x.next(0); p < len(s); p = x.next(p + 1) {
		if m := x.matchAt(p); m != nil {
			out = append(out, m)
			// matches are never empty, so the search goes on after this one
			p = m[1] - 1
		}
	}
	return out
}

// findIndex is re.FindStringIndex(s).
func (f *startRe) findIndex(s string) []int {
	if !f.ok {
		return f.re.FindStringIndex(s)
	}
	x := f.newSearch(s)
	for p := x.next(0); p < len(s); p = x.next(p + 1) {
		if m := x.matchAt(p); m != nil {
			return m[:2]
		}
	}
	return nil
}

// windowOf returns one more than the longest match of re in bytes: on a text cut to
// that length after the start, an expression anchored there matches as on the whole
// text. It panics for an expression with unbounded matches.
func windowOf(re *regexp.Regexp) int {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic(err)
	}
	n := maxLenOf(t)
	if n < 0 {
		panic("windowOf: unbounded matches of " + re.String())
	}
	return n + 1
}

// prefix is a string a match of a sub-expression starts with, cut to startKey bytes.
type prefix struct {
	s     string
	exact bool // the whole match is s, so what follows the sub-expression continues it
}

// prefixesOf returns strings one of which begins every match of re; known is false
// when the analysis cannot tell. Assertions (\b, ^, $) count as empty, which only
// lets more places through.
func prefixesOf(re *syntax.Regexp) (out []prefix, known bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return nil, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []prefix{{"", true}}, true
	case syntax.OpLiteral:
		cur := []prefix{{"", true}}
		for _, r := range re.Rune {
			vs := []rune{r}
			if re.Flags&syntax.FoldCase != 0 {
				vs = foldOrbit(r)
			}
			var set []prefix
			for _, v := range vs {
				if v == utf8.RuneError || !utf8.ValidRune(v) {
					return nil, false // such a rune also matches invalid bytes
				}
				set = append(set, prefix{string(v), true})
			}
			var ok bool
			if cur, ok = concatPrefixes(cur, set); !ok {
				return nil, false
			}
		}
		return cur, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > 512 {
				return nil, false
			}
		}
		var set []prefix
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r == utf8.RuneError || !utf8.ValidRune(r) {
					return nil, false
				}
				set = append(set, cutPrefix(string(r), true))
			}
		}
		return dedupePrefixes(set), true
	case syntax.OpCapture:
		return prefixesOf(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := prefixesOf(re.Sub[0])
		if !ok {
			return nil, false
		}
		return dedupePrefixes(append(sub, prefix{"", true})), true
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		if re.Op == syntax.OpRepeat && re.Max == 0 {
			return []prefix{{"", true}}, true
		}
		sub, ok := prefixesOf(re.Sub[0])
		if !ok {
			return nil, false
		}
		// more repetitions may follow the first: its strings are prefixes only
		out := make([]prefix, 0, len(sub)+1)
		for _, p := range sub {
			out = append(out, prefix{p.s, false})
		}
		if re.Op == syntax.OpStar || re.Op == syntax.OpRepeat && re.Min == 0 {
			out = append(out, prefix{"", true})
		}
		return dedupePrefixes(out), true
	case syntax.OpConcat:
		cur := []prefix{{"", true}}
		for _, sub := range re.Sub {
			if !slices.ContainsFunc(cur, func(p prefix) bool { return p.exact }) {
				break
			}
			set, ok := prefixesOf(sub)
			if !ok {
				// what follows is unknown: the strings so far are prefixes only
				for i := range cur {
					cur[i].exact = false
				}
				break
			}
			if cur, ok = concatPrefixes(cur, set); !ok {
				return nil, false
			}
		}
		return dedupePrefixes(cur), true
	case syntax.OpAlternate:
		var out []prefix
		for _, sub := range re.Sub {
			set, ok := prefixesOf(sub)
			if !ok {
				return nil, false
			}
			out = append(out, set...)
		}
		out = dedupePrefixes(out)
		if len(out) > maxPrefixes {
			return nil, false
		}
		return out, true
	}
	return nil, false // any character
}

// concatPrefixes extends the exact strings of cur by every string of next.
func concatPrefixes(cur, next []prefix) ([]prefix, bool) {
	var out []prefix
	for _, a := range cur {
		if !a.exact || len(a.s) >= startKey {
			out = append(out, prefix{a.s, false})
			continue
		}
		for _, b := range next {
			out = append(out, cutPrefix(a.s+b.s, b.exact))
		}
		if len(out) > 4*maxPrefixes {
			return nil, false
		}
	}
	out = dedupePrefixes(out)
	return out, len(out) <= maxPrefixes
}

func cutPrefix(s string, exact bool) prefix {
	if len(s) > startKey {
		return prefix{s[:startKey], false}
	}
	return prefix{s, exact}
}

// dedupePrefixes keeps one entry per string, not exact when any of them is not.
func dedupePrefixes(ps []prefix) []prefix {
	slices.SortFunc(ps, func(a, b prefix) int {
		switch {
		case a.s < b.s:
			return -1
		case a.s > b.s:
			return 1
		case a.exact == b.exact:
			return 0
		case !a.exact:
			return -1
		}
		return 1
	})
	return slices.CompactFunc(ps, func(a, b prefix) bool { return a.s == b.s })
}

func foldOrbit(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

// startsWithBoundary reports whether every match of re begins with \b.
func startsWithBoundary(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpCapture:
		return startsWithBoundary(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && startsWithBoundary(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !startsWithBoundary(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
}

// maxLenOf returns the longest match of re in bytes, or -1 when it is unbounded.
func maxLenOf(re *syntax.Regexp) int { return text.MaxLen(re) }

// needOf returns strings one of which every match of re contains; ok is false when
// the analysis cannot tell. Case-folded literals and large classes are given up.
func needOf(re *syntax.Regexp) (need []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		for _, r := range re.Rune {
			if r == utf8.RuneError || !utf8.ValidRune(r) {
				return nil, false // also matches invalid bytes
			}
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == 3 || r == utf8.RuneError || !utf8.ValidRune(r) {
					return nil, false
				}
				out = append(out, string(r))
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return needOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needOf(re.Sub[0])
		}
	case syntax.OpConcat:
		// every part's match lies inside the whole one: take the rarest-looking part
		var best []string
		for _, sub := range re.Sub {
			if n, ok := needOf(sub); ok && (best == nil || needScore(n) > needScore(best) ||
				needScore(n) == needScore(best) && len(n) < len(best)) {
				best = n
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			n, ok := needOf(sub)
			if !ok {
				return nil, false
			}
			out = append(out, n...)
		}
		slices.Sort(out)
		out = slices.Compact(out)
		return out, len(out) <= 32
	}
	return nil, false
}

// needScore rates strings to look for by the shortest of them; a single lower-case
// letter, digit or white space is in every draft and rates nothing.
func needScore(ss []string) int {
	m := 1 << 20
	for _, s := range ss {
		if len(s) == 1 && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= '0' && s[0] <= '9' || isSpaceByte(s[0])) {
			return 0
		}
		m = min(m, len(s))
	}
	return m
}

// worthLooking reports strings rare enough in a draft for the search to pay.
func worthLooking(ss []string) bool { return len(ss) > 0 && needScore(ss) > 0 }

// commonStart returns the longest string every prefix begins with.
func commonStart(ps []prefix) string {
	if len(ps) == 0 {
		return ""
	}
	c := ps[0].s
	for _, p := range ps[1:] {
		n := 0
		for n < len(c) && n < len(p.s) && c[n] == p.s[n] {
			n++
		}
		c = c[:n]
	}
	return c
}

// startsHoldOne reports whether every start string holds one of need: then every
// start has one in reach, and looking for them only costs time.
func startsHoldOne(pres []prefix, need []string) bool {
	for _, p := range pres {
		if !slices.ContainsFunc(need, func(n string) bool { return strings.Contains(p.s, n) }) {
			return false
		}
	}
	return true
}

// maxSolidOf returns the most bytes other than white space (those of \s) a match of
// re may hold, or -1 when that is unbounded.
func maxSolidOf(re *syntax.Regexp) int {
	return text.MaxOver(re, func(re *syntax.Regexp) int {
		switch re.Op {
		case syntax.OpLiteral:
			n := 0
			for _, r := range re.Rune {
				switch {
				case r < utf8.RuneSelf && isSpaceByte(byte(r)):
				case re.Flags&syntax.FoldCase == 0 && utf8.ValidRune(r):
					n += utf8.RuneLen(r)
				default:
					n += utf8.UTFMax
				}
			}
			return n
		case syntax.OpCharClass:
			// a class of white space only adds nothing; any other rune (or an invalid
			// byte, matched as U+FFFD) adds at most UTFMax bytes
			for i := 0; i+1 < len(re.Rune); i += 2 {
				for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
					if !(r < utf8.RuneSelf && isSpaceByte(byte(r))) {
						return utf8.UTFMax
					}
				}
			}
			return 0
		}
		return utf8.UTFMax // any character
	})
}

// maxSpacesOf returns the most white space bytes (those of \s) a match of re may hold,
// or -1 when that is unbounded: a match that begins at p ends before the
// maxSpaces+1st white space after p.
func maxSpacesOf(re *syntax.Regexp) int {
	return text.MaxOver(re, func(re *syntax.Regexp) int {
		switch re.Op {
		case syntax.OpLiteral:
			n := 0
			for _, r := range re.Rune {
				if r < utf8.RuneSelf && isSpaceByte(byte(r)) {
					n++
				}
			}
			return n
		case syntax.OpCharClass:
			for i := 0; i+1 < len(re.Rune); i += 2 {
				for _, c := range "\t\n\f\r " {
					if re.Rune[i] <= c && c <= re.Rune[i+1] {
						return 1
					}
				}
			}
			return 0
		}
		return 1 // any character
	})
}

// alphabetOf adds to a every byte a match of re may contain; a rune beyond ASCII
// adds every byte from 0x80 on, and so does an invalid byte, which matches as U+FFFD.
func alphabetOf(re *syntax.Regexp, a *[4]uint64) {
	high := func() {
		a[2], a[3] = ^uint64(0), ^uint64(0)
	}
	addRune := func(r rune) {
		if r < utf8.RuneSelf {
			setBit(a[:], int(r))
		} else {
			high()
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				for _, v := range foldOrbit(r) {
					addRune(v)
				}
			} else {
				addRune(r)
			}
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < utf8.RuneSelf; r++ {
				setBit(a[:], int(r))
			}
			if re.Rune[i+1] >= utf8.RuneSelf {
				high()
			}
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		for c := range 256 {
			if c != '\n' || re.Op == syntax.OpAnyChar {
				setBit(a[:], c)
			}
		}
	default:
		for _, s := range re.Sub {
			alphabetOf(s, a)
		}
	}
}
