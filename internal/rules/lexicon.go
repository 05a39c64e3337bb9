package rules

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"github.com/postcheck/postcheck/internal/text"
)

// Compound modes of a terms rule: whether a term also counts as the head or the tail
// of a German compound ("Scheißtag" ← scheiß + tag, "Vollidiot" ← voll + idiot).
const (
	CompoundNone   = "none"
	CompoundPrefix = "prefix"
	CompoundSuffix = "suffix"
	CompoundBoth   = "both"
)

// minCompoundRest is the least a compound must add to its head, so that "Marsch"
// is not "arsch" and "Analyse" not "anal".
const minCompoundRest = 3

// inflections are the endings a term may take when its rule asks for them.
var inflections = map[string][]string{
	"de": {"e", "en", "n", "s", "es", "er", "ern", "em", "in", "innen", "st", "t"},
	"en": {"s", "es", "ed", "ing", "er", "ers", "y"},
}

// lexFirst holds the terms that begin with one word, in the order they were added.
// A word that begins many terms ("wie", "i") also indexes them by their second word.
type lexFirst struct {
	entries []lexEntry
	// bySecond lists entry indexes by second word (second finds the word by its
	// hash); nil while few entries.
	second   wordTable
	bySecond [][]int32
	open     []int32 // entries of one word, or whose second word may be any
}

// indexFrom is the number of terms from which a first word indexes them by the next.
// The index finds the next token by its hash, cheaper than comparing it with the
// second words of four terms (in profiles of the rules' word lists over the labelled
// drafts, 4 costs about a tenth less than 16, and 2 little less than 4).
const indexFrom = 4

func (f *lexFirst) add(e lexEntry) {
	f.entries = append(f.entries, e)
	switch {
	case len(f.entries) == indexFrom:
		f.bySecond = [][]int32{}
		for k, old := range f.entries {
			f.index(int32(k), old)
		}
	case f.bySecond != nil:
		f.index(int32(len(f.entries)-1), e)
	}
}

func (f *lexFirst) index(k int32, e lexEntry) {
	if len(e.rest) == 0 || e.rest[0] == "_" {
		f.open = append(f.open, k)
		return
	}
	w := e.rest[0]
	j, isNew := f.second.add(w, text.WordHash(w))
	if isNew {
		f.bySecond = append(f.bySecond, nil)
	}
	f.bySecond[j] = append(f.bySecond[j], k)
}

// followers returns the entries whose second word is w, whose hash is h.
func (f *lexFirst) followers(w string, h uint32) []int32 {
	if k := f.second.find(w, h); k >= 0 {
		return f.bySecond[k]
	}
	return nil
}

type lexEntry struct {
	owner int
	rest  []string // following words; "_" matches any one word
}

type lexHead struct {
	owner int
	head  string
}

// lexicon finds terms among tokens: whole words, phrases, compounds, masked words.
type lexicon struct {
	// first finds the terms by their first word: firsts[first.find(w, hash)].
	first  wordTable
	firsts []lexFirst
	// prefix and suffix find the compound heads, by text.WordHash and suffixHash,
	// with their owners in preOwners and sufOwners.
	prefix, suffix       wordTable
	preOwners, sufOwners [][]int
	// single words by length, for masked tokens ("f*ck")
	byLen   map[int][]lexHead
	minHead int
	maxHead int
	// Compound heads in brief, so that most tokens need no map lookup at all: the
	// first two bytes of prefix heads and the last two of suffix heads (a bit per
	// byte pair), and the lengths that occur (a bit per length up to 63).
	// The pair sets exist once a head of their kind does: most lexicons have no
	// compounds, and each set takes 8 KiB.
	pre2, suf2       *[1 << 16 / 64]uint64
	preLens, sufLens uint64
	// firstBits holds a bit for the hash of every first word (bit wordBit & firstMask),
	// so that most tokens, which start no term, are ruled out without a lookup in the
	// map: even a small map costs a string hash and a probe per token, a bit test
	// uses the hash the token already carries. A lexicon of fewer than filterFrom
	// first words keeps 1,024 bits (128 bytes); a larger one 65,536 (8 KiB).
	firstBits []uint64
	firstMask uint32
	// firstHashes are the text.WordHash of every first word, to look them up in a
	// draft's tokenIndex.
	firstHashes []uint32
}

// filterFrom is the number of first words from which a lexicon keeps the large filter.
const filterFrom = 64

// noteFirst records a new first word of a term in firstBits, making the small set
// with the first word and the large one when the lexicon reaches filterFrom words.
func (lx *lexicon) noteFirst(w string) {
	switch {
	case lx.firstBits == nil || len(lx.firsts) == filterFrom && lx.firstMask != 1<<16-1:
		size := uint32(1 << 10)
		if len(lx.firsts) >= filterFrom {
			size = 1 << 16
		}
		lx.firstBits, lx.firstMask = make([]uint64, size/64), size-1
		for _, k := range lx.first.words {
			lx.setFirst(wordBit(k))
		}
	default:
		lx.setFirst(wordBit(w))
	}
}

func (lx *lexicon) setFirst(b uint32) {
	b &= lx.firstMask
	lx.firstBits[b>>6] |= 1 << (b & 63)
}

// wordBit is the bit of a word in firstBits: its text.WordHash folded to 16 bits.
func wordBit(w string) uint32 { return hashBit(text.WordHash(w)) }

func hashBit(h uint32) uint32 { return (h ^ h>>16) & (1<<16 - 1) }

func setPair(set *[1 << 16 / 64]uint64, a, b byte) {
	p := uint32(a)<<8 | uint32(b)
	set[p>>6] |= 1 << (p & 63)
}

func hasPair(set *[1 << 16 / 64]uint64, a, b byte) bool {
	p := uint32(a)<<8 | uint32(b)
	return set[p>>6]&(1<<(p&63)) != 0
}

// lenBit is the bit of a head length; lengths from 63 on share the top bit.
func lenBit(n int) uint64 { return 1 << min(n, 63) }

func newLexicon() *lexicon {
	return &lexicon{byLen: map[int][]lexHead{}, minHead: 1 << 30}
}

// expand turns "halt {die|deine} fresse" into every alternative.
func expand(term string) ([]string, error) {
	i := strings.IndexByte(term, '{')
	if i < 0 {
		if strings.ContainsAny(term, "|}") {
			return nil, fmt.Errorf("term %q: '|' and '}' only inside {a|b}", term)
		}
		return []string{term}, nil
	}
	j := strings.IndexByte(term[i:], '}')
	if j < 0 {
		return nil, fmt.Errorf("term %q: unclosed {", term)
	}
	j += i
	var out []string
	for _, alt := range strings.Split(term[i+1:j], "|") {
		rest, err := expand(term[:i] + alt + term[j+1:])
		if err != nil {
			return nil, err
		}
		out = append(out, rest...)
	}
	return out, nil
}

// add registers terms for owner.
func (lx *lexicon) add(owner int, terms []string, compound, inflect string) error {
	switch compound {
	case "", CompoundNone, CompoundPrefix, CompoundSuffix, CompoundBoth:
	default:
		return fmt.Errorf("compound must be none, prefix, suffix or both, not %q", compound)
	}
	var endings []string
	switch inflect {
	case "", "none":
	case "de", "en":
		endings = inflections[inflect]
	default:
		return fmt.Errorf("inflect must be none, de or en, not %q", inflect)
	}
	for _, term := range terms {
		alts, err := expand(term)
		if err != nil {
			return err
		}
		for _, alt := range alts {
			words := phraseWords(alt)
			if len(words) == 0 {
				return fmt.Errorf("term %q has no words", term)
			}
			if words[0] == "_" {
				return fmt.Errorf("term %q may not start with the wildcard _", term)
			}
			last := words[len(words)-1]
			forms := []string{last}
			for _, e := range endings {
				forms = append(forms, last+e)
			}
			for _, f := range forms {
				ws := append(append([]string(nil), words[:len(words)-1]...), f)
				h := text.WordHash(ws[0])
				k, isNew := lx.first.add(ws[0], h)
				if isNew {
					lx.firsts = append(lx.firsts, lexFirst{})
					lx.noteFirst(ws[0])
					lx.firstHashes = append(lx.firstHashes, h)
				}
				lx.firsts[k].add(lexEntry{owner: owner, rest: ws[1:]})
				if len(ws) == 1 {
					lx.byLen[len(f)] = append(lx.byLen[len(f)], lexHead{owner, f})
				}
			}
			if len(words) == 1 && compound != "" && compound != CompoundNone {
				h := words[0]
				if compound == CompoundPrefix || compound == CompoundBoth {
					k, isNew := lx.prefix.add(h, text.WordHash(h))
					if isNew {
						lx.preOwners = append(lx.preOwners, nil)
					}
					lx.preOwners[k] = append(lx.preOwners[k], owner)
					lx.preLens |= lenBit(len(h))
					if len(h) >= 2 {
						if lx.pre2 == nil {
							lx.pre2 = new([1 << 16 / 64]uint64)
						}
						setPair(lx.pre2, h[0], h[1])
					}
				}
				if compound == CompoundSuffix || compound == CompoundBoth {
					k, isNew := lx.suffix.add(h, suffixHash(h))
					if isNew {
						lx.sufOwners = append(lx.sufOwners, nil)
					}
					lx.sufOwners[k] = append(lx.sufOwners[k], owner)
					lx.sufLens |= lenBit(len(h))
					if len(h) >= 2 {
						if lx.suf2 == nil {
							lx.suf2 = new([1 << 16 / 64]uint64)
						}
						setPair(lx.suf2, h[len(h)-2], h[len(h)-1])
					}
				}
				lx.minHead = min(lx.minHead, len(h))
				lx.maxHead = max(lx.maxHead, len(h))
			}
		}
	}
	return nil
}

// phraseWords normalises a term's words, keeping the wildcard "_".
func phraseWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if w == "_" {
			out = append(out, "_")
			continue
		}
		out = append(out, normWords(w)...)
	}
	return out
}

// scan reports every match in doc's token sequences to emit; want filters owners.
func (lx *lexicon) scan(doc *Doc, want func(owner int) bool, emit func(owner, start, end int)) {
	x := doc.tokenIndex()
	if lx.compound() || len(lx.firstHashes) > x.n {
		// Compound heads may end any token, and a long list is cheaper to test token
		// by token with its filter than word by word in the index.
		lx.scanSeq(doc, doc.Tokens, x, 0, want, emit)
		if doc.Variant != nil {
			lx.scanSeq(doc, doc.Variant, x, x.n0, want, emit)
		}
		return
	}
	// Only the tokens that carry one of the list's first words, or a mask, can begin
	// a match; they are visited in the order of the sequences, as by scanSeq.
	var buf [16]uint64
	set := buf[:]
	if words := (x.n + 63) / 64; words > len(buf) {
		set = make([]uint64, words)
	} else {
		set = buf[:words]
	}
	for _, h := range lx.firstHashes {
		x.mark(h, set)
	}
	if len(lx.byLen) > 0 {
		for _, p := range x.masked {
			set[p>>6] |= 1 << (p & 63)
		}
	}
	for w, b := range set {
		for b != 0 {
			p := w<<6 | bits.TrailingZeros64(b)
			b &= b - 1
			if p < x.n0 {
				lx.scanToken(doc, doc.Tokens, p, x.alt(p), want, emit)
			} else {
				lx.scanToken(doc, doc.Variant, p-x.n0, x.alt(p), want, emit)
			}
		}
	}
}

// scanSeq tries every token of toks, which begin at position base of the index x;
// without an index it hashes the tokens' second forms itself.
func (lx *lexicon) scanSeq(doc *Doc, toks []text.Token, x *tokenIndex, base int, want func(int) bool, emit func(owner, start, end int)) {
	for i := range toks {
		var h uint32
		if x != nil {
			h = x.alt(base + i)
		} else if toks[i].Alt != "" {
			h = text.WordHash(toks[i].Alt)
		}
		lx.scanToken(doc, toks, i, h, want, emit)
	}
}

// scanToken reports the matches that begin at toks[i]; alt is WordHash of its Alt.
func (lx *lexicon) scanToken(doc *Doc, toks []text.Token, i int, alt uint32, want func(int) bool, emit func(owner, start, end int)) {
	t := &toks[i]
	if t.Mention {
		return // a user name ("@KotzenderStern") is not the author's wording
	}
	lx.scanKey(doc, toks, i, t.Norm, t.Hash, want, emit)
	if t.Alt != "" {
		lx.scanKey(doc, toks, i, t.Alt, alt, want, emit)
	}
	if t.Masked {
		lx.scanMasked(t, want, emit)
	}
	if lx.compound() {
		lx.scanCompound(t, want, emit)
	}
}

// scanKey reports the terms that begin with key at toks[i]; hash is text.WordHash(key).
func (lx *lexicon) scanKey(doc *Doc, toks []text.Token, i int, key string, hash uint32, want func(int) bool, emit func(owner, start, end int)) {
	if bit := hashBit(hash) & lx.firstMask; lx.firstBits != nil && lx.firstBits[bit>>6]&(1<<(bit&63)) == 0 {
		return
	}
	k := lx.first.find(key, hash)
	if k < 0 {
		return
	}
	f := &lx.firsts[k]
	if f.bySecond == nil {
		for k := range f.entries {
			tryEntry(doc, toks, i, &f.entries[k], want, emit)
		}
		return
	}
	// Only terms whose second word is the next token (or any word) can match; they
	// are tried in the order they were added, as without the index.
	var buf [64]int32
	idx := append(buf[:0], f.open...)
	if i+1 < len(toks) {
		nt := &toks[i+1]
		idx = append(idx, f.followers(nt.Norm, nt.Hash)...)
		if nt.Alt != "" {
			idx = append(idx, f.followers(nt.Alt, text.WordHash(nt.Alt))...)
		}
	}
	if len(idx) > 1 {
		slices.Sort(idx)
		idx = slices.Compact(idx)
	}
	for _, k := range idx {
		tryEntry(doc, toks, i, &f.entries[k], want, emit)
	}
}

// tryEntry reports e if its words follow toks[i]. The words are compared before the
// gaps between them are read, and the owner asked for last: most terms tried differ
// in their second word.
func tryEntry(doc *Doc, toks []text.Token, i int, e *lexEntry, want func(int) bool, emit func(owner, start, end int)) {
	j := i + 1
	for _, w := range e.rest {
		if j >= len(toks) || w != "_" && toks[j].Norm != w && toks[j].Alt != w {
			return
		}
		j++
	}
	for k := i + 1; k < j; k++ {
		if !phraseGap(doc.Original[toks[k-1].End:toks[k].Start]) {
			return
		}
	}
	if want(e.owner) {
		emit(e.owner, toks[i].Start, toks[j-1].End)
	}
}

func (lx *lexicon) scanMasked(t *text.Token, want func(int) bool, emit func(owner, start, end int)) {
	n := t.Norm
	masks := strings.Count(n, "*")
	if len(n)-masks < 2 || masks*2 > len(n) {
		return
	}
	for _, h := range lx.byLen[len(n)] {
		if !want(h.owner) {
			continue
		}
		match := true
		for k := 0; k < len(n); k++ {
			if n[k] != '*' && n[k] != h.head[k] {
				match = false
				break
			}
		}
		if match {
			emit(h.owner, t.Start, t.End)
		}
	}
}

func (lx *lexicon) scanCompound(t *text.Token, want func(int) bool, emit func(owner, start, end int)) {
	n := t.Norm
	if t.Masked || len(n) < lx.minHead+minCompoundRest {
		return
	}
	// A head of one byte would escape the pair sets; then every length is tried.
	// A nil set holds no pair: no head of its kind is two bytes long.
	pre := lx.minHead < 2 || lx.pre2 != nil && hasPair(lx.pre2, n[0], n[1])
	suf := lx.minHead < 2 || lx.suf2 != nil && hasPair(lx.suf2, n[len(n)-2], n[len(n)-1])
	if !pre && !suf {
		return
	}
	// The hashes of the word's beginnings and endings grow a byte at a time.
	ph, sh := uint32(2166136261), uint32(2166136261)
	for l := 1; l <= lx.maxHead && l <= len(n)-minCompoundRest; l++ {
		ph = (ph ^ uint32(n[l-1])) * 16777619
		sh = (sh ^ uint32(n[len(n)-l])) * 16777619
		if l < lx.minHead {
			continue
		}
		if pre && lx.preLens&lenBit(l) != 0 {
			if k := lx.prefix.find(n[:l], ph); k >= 0 {
				for _, o := range lx.preOwners[k] {
					if want(o) {
						emit(o, t.Start, t.End)
					}
				}
			}
		}
		if suf && lx.sufLens&lenBit(l) != 0 {
			if k := lx.suffix.find(n[len(n)-l:], sh); k >= 0 {
				for _, o := range lx.sufOwners[k] {
					if want(o) {
						emit(o, t.Start, t.End)
					}
				}
			}
		}
	}
}

// compound reports a lexicon with heads of compounds.
func (lx *lexicon) compound() bool { return len(lx.preOwners) > 0 || len(lx.sufOwners) > 0 }

// phraseGap reports whether the text between two words of a phrase keeps them together:
// spaces, a hyphen, quotes or a comma, but no sentence end or blank line.
func phraseGap(gap string) bool {
	if len(gap) > 8 {
		return false
	}
	for _, r := range gap {
		switch r {
		case ' ', '\t', '\n', '-', '–', '\'', '"', '„', '“', '”', '‚', '‘', '’', ',', '»', '«', '\u00A0':
		default:
			return false
		}
	}
	return !strings.Contains(gap, "\n\n")
}
