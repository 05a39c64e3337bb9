package text

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Guard says cheaply when a regular expression cannot match a text. Go's regexp engine
// has no fast skip for case-insensitive alternations, so it walks every byte of a draft
// for each of the hundreds of rule expressions; most drafts contain none of the words
// an expression needs. A Guard holds literal strings of which every match contains at
// least one, derived from the expression's syntax tree, and compares them with the
// case-folded text (see Fold). The derivation is conservative: where it cannot tell,
// the guard lets the expression run, so guarding never changes what an expression finds.
type Guard struct {
	lits []string // folded; nil lets every text through
	// also are further sets of which a match contains one string each, from the other
	// parts of a sequence ("du|ihr" then "clown|pfeife|…"): a text must hold a string
	// of lits and of every set here.
	also [][]string
	// probes hold the bits of the Haystack that every literal of lits and of also
	// needs (see probes), in the same order: a literal with a bit unset is not in the
	// text. They spare the common test, of a literal absent from the text, a trip to
	// the literal's bytes and their hashing.
	probes     []uint32
	alsoProbes [][]uint32
}

// maxLits bounds the strings of one literal set; larger sets are given up.
const maxLits = 96

// maxAlso is how many further sets a guard tests; maxAlsoLits bounds each. Testing a
// literal against a Haystack is a few bit tests, so a long word list is still far
// cheaper than running the expression over the text.
const (
	maxAlso     = 2
	maxAlsoLits = 512
)

// NewGuard derives the guard of re.
func NewGuard(re *regexp.Regexp) *Guard {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return &Guard{}
	}
	t = t.Simplify()
	in := analyse(t, maxLits)
	req := in.best(maxLits)
	// An empty set would say the expression never matches; trust the engine instead.
	if len(req) == 0 || score(req) < 1 {
		return &Guard{}
	}
	g := &Guard{lits: minimise(req)}
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	if t.Op == syntax.OpConcat {
		g.also = alsoRequired(t.Sub, req)
	}
	g.probes = probes(g.lits)
	for _, set := range g.also {
		g.alsoProbes = append(g.alsoProbes, probes(set))
	}
	return g
}

// probes returns, for every literal in turn, the number of its probe bits and the
// bits: its byte triples, or its pair, or its byte.
func probes(lits []string) []uint32 {
	var out []uint32
	for _, l := range lits {
		switch {
		case len(l) == 0:
			out = append(out, 1, alwaysBit)
		case len(l) == 1:
			out = append(out, 1, byteOff+uint32(l[0]))
		case len(l) == 2:
			out = append(out, 1, pairOff+pairHash(l[0], l[1]))
		default:
			out = append(out, uint32(len(l)-2))
			for i := 0; i+2 < len(l); i++ {
				out = append(out, tripleOff+tripleHash(l[i], l[i+1], l[i+2]))
			}
		}
	}
	return out
}

// StartWords returns the strings, folded and in ASCII, with one of which every match
// of re begins, when re begins with a word boundary (`\b…`) and the analysis can tell;
// nil otherwise. A caller can then run re only where a word begins with one of them.
func StartWords(re *regexp.Regexp) []string {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	t = t.Simplify()
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	if t.Op != syntax.OpConcat || len(t.Sub) < 2 || t.Sub[0].Op != syntax.OpWordBoundary {
		return nil
	}
	in := analyse(t, maxLits)
	set := in.prefix
	if in.exact != nil {
		set = in.exact
	}
	if len(set) == 0 {
		return nil
	}
	for _, w := range set {
		if w == "" {
			return nil
		}
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return nil
			}
		}
	}
	return minimisePrefixes(set)
}

// minimisePrefixes drops strings that begin with another string of the set.
func minimisePrefixes(s []string) []string { return dropCovered(s, strings.HasPrefix) }

// alsoRequired returns up to maxAlso literal sets, besides first, that every match of
// the sequence subs contains one string of each: the sets of its parts that are
// known, non-empty and at least two bytes long, longest first.
func alsoRequired(subs []*syntax.Regexp, first []string) [][]string {
	var sets [][]string
	for _, s := range subs {
		in := analyseWide(s)
		set := in.best(maxAlsoLits)
		if in.exact != nil && len(in.exact) <= maxAlsoLits {
			set = in.exact
		}
		if len(set) == 0 || len(set) > maxAlsoLits || score(set) < 2 || slices.Equal(set, first) {
			continue
		}
		sets = append(sets, minimise(set))
	}
	slices.SortStableFunc(sets, func(a, b []string) int { return score(b) - score(a) })
	return sets[:min(len(sets), maxAlso)]
}

// analyseWide is analyse for one part of a top-level sequence, allowing the larger
// sets that word lists make.
func analyseWide(re *syntax.Regexp) info { return analyse(re, maxAlsoLits) }

// Literals returns the folded strings one of which every match contains; nil when
// the guard cannot rule out any text.
func (g *Guard) Literals() []string { return g.lits }

// MayMatch reports whether the expression can match a text whose Fold is folded.
func (g *Guard) MayMatch(folded string) bool {
	if g == nil || g.lits == nil {
		return true
	}
	if !containsAny(folded, g.lits) {
		return false
	}
	for _, set := range g.also {
		if !containsAny(folded, set) {
			return false
		}
	}
	return true
}

func containsAny(folded string, lits []string) bool {
	for _, l := range lits {
		if strings.Contains(folded, l) {
			return true
		}
	}
	return false
}

// Haystack is a folded text prepared for many guards: a set of the bytes, the byte
// pairs and the runs of three bytes it contains rules most literals out with a few
// bit tests instead of a scan of the text.
type Haystack struct {
	s string
	// buf holds s when ResetFold folded it, for the next ResetFold.
	buf []byte
	// set holds the bytes from byteOff, the hashed adjacent pairs from pairOff and
	// the hashed triples from tripleOff (a collision only costs a scan), and alwaysBit:
	// one array, so that a Guard's probe is a single bit index. A literal of common
	// letters has all its pairs in any longer draft, far fewer of its triples.
	set [setWords]uint64
}

// pairBits is the size of the pair set: 512 bytes, small enough to build for a tweet.
const pairBits = 4096

func pairHash(a, b byte) uint32 { return (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 20 }

// tripleBits is the size of the triple set: 4 KiB, a few percent full for a long post.
const tripleBits = 1 << 15

func tripleHash(a, b, c byte) uint32 {
	return (uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 0x9E3779B1 >> 17
}

// Offsets of the parts of Haystack.set; alwaysBit is set in every Haystack, the probe
// of the empty literal.
const (
	byteOff   = 0
	pairOff   = byteOff + 256
	tripleOff = pairOff + pairBits
	alwaysBit = tripleOff + tripleBits
	setWords  = alwaysBit/64 + 1
)

func (h *Haystack) bit(b uint32) bool { return h.set[b>>6]&(1<<(b&63)) != 0 }

// NewHaystack indexes folded, a text already passed through Fold.
func NewHaystack(folded string) *Haystack {
	h := new(Haystack)
	h.fill(folded)
	return h
}

// fill indexes folded into h, whose set is empty.
func (h *Haystack) fill(folded string) {
	h.s = folded
	h.set[alwaysBit>>6] |= 1 << (alwaysBit & 63)
	for i := 0; i < len(folded); i++ {
		c := folded[i]
		h.set[(byteOff+uint32(c))>>6] |= 1 << (c & 63)
		if i+1 < len(folded) {
			p := pairOff + pairHash(c, folded[i+1])
			h.set[p>>6] |= 1 << (p & 63)
		}
		if i+2 < len(folded) {
			t := tripleOff + tripleHash(c, folded[i+1], folded[i+2])
			h.set[t>>6] |= 1 << (t & 63)
		}
	}
}

// Text returns the folded text. After ResetFold it is valid only until h is reset
// or released: keep a copy, not the string.
func (h *Haystack) Text() string { return h.s }

// Contains reports whether the folded text contains l, itself folded (ASCII in lower
// case); the byte, pair and triple sets answer most calls without a scan.
func (h *Haystack) Contains(l string) bool { return h.has(l) }

func (h *Haystack) has(l string) bool {
	if len(l) == 0 {
		return true
	}
	if !h.bit(byteOff + uint32(l[0])) {
		return false
	}
	for i := 0; i+1 < len(l); i++ {
		if !h.bit(pairOff + pairHash(l[i], l[i+1])) {
			return false
		}
	}
	for i := 0; i+2 < len(l); i++ {
		if !h.bit(tripleOff + tripleHash(l[i], l[i+1], l[i+2])) {
			return false
		}
	}
	return len(l) == 1 || strings.Contains(h.s, l)
}

// MayMatchIn is MayMatch on an indexed text.
func (g *Guard) MayMatchIn(h *Haystack) bool {
	if g == nil || g.lits == nil {
		return true
	}
	if !h.hasAny(g.lits, g.probes) {
		return false
	}
	for k, set := range g.also {
		if !h.hasAny(set, g.alsoProbes[k]) {
			return false
		}
	}
	return true
}

// hasAny reports whether the text contains one of lits; probes are their probe bits.
func (h *Haystack) hasAny(lits []string, probes []uint32) bool {
	k := 0
	for i := 0; i < len(probes); k++ {
		n := int(probes[i])
		bits := probes[i+1 : i+1+n]
		i += 1 + n
		all := true
		for _, b := range bits {
			if h.set[b>>6]&(1<<(b&63)) == 0 {
				all = false
				break
			}
		}
		if all && h.has(lits[k]) {
			return true
		}
	}
	return false
}

// Fold maps every rune of s to one representative of its case-folding orbit (the one
// regexp's (?i) uses to compare), ASCII letters to lower case. It keeps invalid bytes.
func Fold(s string) string {
	i := foldedPrefix(s)
	if i == len(s) {
		return s
	}
	b := appendFold(append(make([]byte, 0, len(s)), s[:i]...), s[i:])
	// b is never written again, so the string may share its bytes.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// foldedPrefix returns the length of the start of s that Fold keeps as it is.
func foldedPrefix(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
		i++
	}
	return i
}

// appendFold appends Fold(s) to b.
func appendFold(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			b = append(b, s[i])
		} else {
			b = utf8.AppendRune(b, foldRune(r))
		}
		i += w
	}
	return b
}

// foldRune returns the representative of r's simple-folding orbit: its ASCII member in
// lower case when it has one (K for the Kelvin sign, s for the long s), else the least.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	if least < utf8.RuneSelf {
		return foldRune(least)
	}
	return least
}

// info is what the analysis knows of a sub-expression. Each set is nil when unknown.
type info struct {
	// exact: every match is one of these strings.
	exact []string
	// prefix: every match starts with one of these strings.
	prefix []string
	// req: every match contains one of these strings.
	req []string
}

func (in info) best(lim int) []string {
	var cands [][]string
	for _, s := range [][]string{in.exact, in.prefix, in.req} {
		if s != nil {
			cands = append(cands, s)
		}
	}
	return pick(cands, lim)
}

// score rates a literal set by its shortest string: longer strings rule out more texts.
func score(s []string) int {
	if len(s) == 0 {
		return 1 << 20 // matches nothing at all
	}
	m := 1 << 20
	for _, x := range s {
		m = min(m, len(x))
	}
	return m
}

func pick(cands [][]string, lim int) []string {
	var best []string
	for _, c := range cands {
		if c == nil || len(c) > lim {
			continue
		}
		if best == nil || score(c) > score(best) || score(c) == score(best) && len(c) < len(best) {
			best = c
		}
	}
	return best
}

func analyse(re *syntax.Regexp, lim int) info {
	switch re.Op {
	case syntax.OpNoMatch:
		return info{exact: []string{}}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return info{exact: []string{""}}
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			if r == utf8.RuneError {
				return info{}
			}
			b.WriteRune(foldRune(r))
		}
		return info{exact: []string{b.String()}}
	case syntax.OpCharClass:
		n := 0
		for i := 0; i < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > 16 {
				return info{}
			}
		}
		var set []string
		for i := 0; i < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r == utf8.RuneError {
					return info{}
				}
				set = append(set, string(foldRune(r)))
			}
		}
		return info{exact: dedupe(set)}
	case syntax.OpCapture:
		return analyse(re.Sub[0], lim)
	case syntax.OpQuest:
		sub := analyse(re.Sub[0], lim)
		if sub.exact != nil {
			return info{exact: dedupe(append(slices.Clone(sub.exact), ""))}
		}
		return info{}
	case syntax.OpPlus:
		return repeated(analyse(re.Sub[0], lim), lim)
	case syntax.OpRepeat:
		if re.Min == 0 {
			if re.Max == 1 {
				return analyse(&syntax.Regexp{Op: syntax.OpQuest, Sub: re.Sub}, lim)
			}
			return info{}
		}
		return repeated(analyse(re.Sub[0], lim), lim)
	case syntax.OpConcat:
		return concat(re.Sub, lim)
	case syntax.OpAlternate:
		return alternate(re.Sub, lim)
	}
	return info{} // any character, star
}

// repeated is the info of one or more repetitions of sub: it starts with sub and contains it.
func repeated(sub info, lim int) info {
	p := sub.prefix
	if sub.exact != nil {
		p = sub.exact
	}
	return info{prefix: p, req: sub.best(lim)}
}

func concat(subs []*syntax.Regexp, lim int) info {
	var out info
	var cands [][]string
	cur := []string{""} // the strings the current run of exact parts can be
	atStart := true     // the run began at the start of the concatenation
	exactAll := true
	end := func(run []string) {
		cands = append(cands, run)
		if atStart {
			out.prefix = run
		}
		atStart = false
		exactAll = false
	}
	for _, s := range subs {
		in := analyse(s, lim)
		if in.exact != nil && charClass(cur, in.exact) {
			// A class of single characters (white space, digits) after a word multiplies
			// the strings to test without making them rarer: the word alone will do.
			end(cur)
			cur = in.exact
			continue
		}
		if in.exact != nil {
			if next := product(cur, in.exact, lim); next != nil {
				cur = next
				continue
			}
			end(cur)
			cur = in.exact
			continue
		}
		// The run ends here; extended by how this part starts, it is still required.
		run := cur
		if in.prefix != nil && !charClass(cur, in.prefix) {
			if p := product(cur, in.prefix, lim); p != nil {
				run = p
			}
		}
		end(run)
		cands = append(cands, in.best(lim))
		cur = []string{""}
	}
	if exactAll {
		out.exact = cur
		return out
	}
	cands = append(cands, cur)
	out.req = pick(cands, lim)
	return out
}

// charClass reports a set of more than three single characters after a run that is
// already specific: a class of white space or digits after a word multiplies the
// strings to test without making them rarer, so the run is better left alone.
func charClass(run, next []string) bool {
	return score(run) >= 3 && len(next) > 3 && score(next) <= 1
}

func alternate(subs []*syntax.Regexp, lim int) info {
	var exact, prefix, req []string
	exactOK, prefixOK, reqOK := true, true, true
	for _, s := range subs {
		in := analyse(s, lim)
		if exactOK && in.exact != nil {
			exact = append(exact, in.exact...)
		} else {
			exactOK = false
		}
		p := in.prefix
		if in.exact != nil {
			p = in.exact
		}
		if prefixOK && p != nil {
			prefix = append(prefix, p...)
		} else {
			prefixOK = false
		}
		if r := in.best(lim); reqOK && r != nil {
			req = append(req, r...)
		} else {
			reqOK = false
		}
	}
	var out info
	if exactOK && len(exact) <= lim {
		out.exact = dedupe(exact)
	}
	if prefixOK && len(prefix) <= lim {
		out.prefix = dedupe(prefix)
	}
	if reqOK && len(req) <= lim {
		out.req = dedupe(req)
	}
	return out
}

// product concatenates every string of a with every string of b; nil when too many.
func product(a, b []string, lim int) []string {
	if len(a)*len(b) > lim {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return dedupe(out)
}

func dedupe(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}

// minimise drops strings that contain another string of the set: the shorter one is
// found wherever the longer one is.
func minimise(s []string) []string { return dropCovered(s, strings.Contains) }

// dropCovered drops each string x of s for which a shorter string y of s has
// covers(x, y).
func dropCovered(s []string, covers func(x, y string) bool) []string {
	var out []string
	for i, x := range s {
		redundant := false
		for j, y := range s {
			if i != j && len(y) < len(x) && covers(x, y) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, x)
		}
	}
	return out
}
