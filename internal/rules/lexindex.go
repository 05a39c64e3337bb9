package rules

import (
	"sync"

	"github.com/postcheck/postcheck/internal/text"
)

// tokenIndex finds a draft's tokens by the hash of their words. Some forty word lists
// read every draft, most of them a few dozen words long: looking their words up
// here, once per list, costs far less than testing every token of a long post
// against every list. Positions count the tokens of doc.Tokens first, then those of
// doc.Variant; user names are left out, as the lists skip them.
type tokenIndex struct {
	n0, n int // tokens in doc.Tokens; in both sequences
	// altHash is WordHash(Alt) of every position, 0 where the token has no Alt; nil
	// when no token has one, as in most drafts (see alt).
	altHash []uint32
	// slots is an open-addressing table: hash and the first entry of its chain.
	slots []indexSlot
	mask  uint32
	// entries chain the positions of one hash; next is -1 at the end.
	entries []indexEntry
	// masked are the positions of masked tokens ("f*ck"), in order.
	masked []int32
	// spareAlt is memory for altHash from an earlier draft.
	spareAlt []uint32
}

type indexSlot struct {
	hash  uint32
	first int32 // entry + 1; 0 marks a free slot
}

type indexEntry struct {
	pos, next int32
}

// tokenIndex returns the index of doc's tokens, made once per draft.
func (d *Doc) tokenIndex() *tokenIndex {
	return d.lexIndex.get(func() *tokenIndex {
		x := &d.buffers().index
		x.reset(d.Tokens, d.Variant)
		return x
	})
}

func newTokenIndex(toks, variant []text.Token) *tokenIndex {
	x := new(tokenIndex)
	x.reset(toks, variant)
	return x
}

// reset makes x the index of toks and variant, reusing the memory x has.
func (x *tokenIndex) reset(toks, variant []text.Token) {
	slots, entries, spare, masked := x.slots, x.entries, x.altHash, x.masked
	if spare == nil {
		spare = x.spareAlt
	}
	*x = tokenIndex{n0: len(toks), n: len(toks) + len(variant)}
	// At most two thirds full: a draft repeats many of its words, so the table holds
	// fewer hashes than keys. Second forms are rare; they grow it when needed.
	if size := tableSize(x.n); cap(slots) >= size {
		x.slots, x.mask = slots[:size], uint32(size-1)
		clear(x.slots)
	} else {
		x.setSize(x.n)
	}
	if cap(entries) >= x.n {
		x.entries = entries[:0]
	} else {
		x.entries = make([]indexEntry, 0, x.n)
	}
	// altHash stays nil unless a token has a second form; its memory waits here.
	x.spareAlt, x.masked = spare[:0], masked[:0]
	for s, seq := range [2][]text.Token{toks, variant} {
		for i := range seq {
			t := &seq[i]
			p := int32(i + s*x.n0)
			var alt uint32
			if t.Alt != "" {
				if x.altHash == nil {
					x.altHash = x.newAltHash()
				}
				alt = text.WordHash(t.Alt)
				x.altHash[p] = alt
			}
			if t.Mention {
				continue
			}
			x.insert(t.Hash, p)
			if t.Alt != "" {
				x.insert(alt, p)
			}
			if t.Masked {
				x.masked = append(x.masked, p)
			}
		}
	}
}

// newAltHash returns a zeroed table of x.n second-form hashes.
func (x *tokenIndex) newAltHash() []uint32 {
	if cap(x.spareAlt) >= x.n {
		a := x.spareAlt[:x.n]
		x.spareAlt = nil
		clear(a)
		return a
	}
	return make([]uint32, x.n)
}

// release keeps the memory of x for the next reset; x is empty after.
func (x *tokenIndex) release() {
	alt := x.altHash
	if alt == nil {
		alt = x.spareAlt
	}
	*x = tokenIndex{slots: x.slots[:0], entries: x.entries[:0], spareAlt: alt[:0], masked: x.masked[:0]}
}

// tableSize is the size of a table for keys at most two thirds full.
func tableSize(keys int) int {
	size := 16
	for size < keys+keys/2 {
		size <<= 1
	}
	return size
}

// setSize makes a table for keys at most two thirds full and moves the slots of the
// old one there; their chains of entries stay as they are.
func (x *tokenIndex) setSize(keys int) {
	size := tableSize(keys)
	old := x.slots
	x.slots = make([]indexSlot, size)
	x.mask = uint32(size - 1)
	for _, sl := range old {
		if sl.first != 0 {
			*x.slot(sl.hash) = sl
		}
	}
}

// alt returns WordHash of the Alt of the token at p, or 0.
func (x *tokenIndex) alt(p int) uint32 {
	if x.altHash == nil {
		return 0
	}
	return x.altHash[p]
}

// slot returns the slot of h: its own, or the free one where it would go.
func (x *tokenIndex) slot(h uint32) *indexSlot {
	k := (h * 0x9E3779B1) >> 7 & x.mask
	for {
		sl := &x.slots[k]
		if sl.first == 0 || sl.hash == h {
			return sl
		}
		k = (k + 1) & x.mask
	}
}

func (x *tokenIndex) insert(h uint32, p int32) {
	if 3*(len(x.entries)+1) > 2*len(x.slots) {
		x.setSize(2 * len(x.entries))
	}
	sl := x.slot(h)
	if sl.first == 0 {
		sl.hash = h
	}
	x.entries = append(x.entries, indexEntry{pos: p, next: sl.first - 1})
	sl.first = int32(len(x.entries))
}

// mark sets the bits of the positions whose word (or second form) hashes to h.
func (x *tokenIndex) mark(h uint32, set []uint64) {
	for e := x.slot(h).first - 1; e >= 0; e = x.entries[e].next {
		p := x.entries[e].pos
		set[p>>6] |= 1 << (p & 63)
	}
}

// lexSpans holds the matches of the word lists several rules share, scanned once
// per draft.
type lexSpans struct {
	mu    sync.Mutex
	lexes []*lexicon
	spans [][]span
}

// lexiconSpans returns every match of lx in d; callers must not change the slice.
func (d *Doc) lexiconSpans(lx *lexicon) []span {
	m := &d.lexSpans
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, l := range m.lexes {
		if l == lx {
			return m.spans[k]
		}
	}
	var out []span
	lx.scan(d, func(int) bool { return true }, func(_, a, b int) { out = append(out, span{a, b}) })
	m.lexes = append(m.lexes, lx)
	m.spans = append(m.spans, out)
	return out
}

// wordTable finds words by a hash the caller already holds (a token's Hash), without
// the string hash and probe of a Go map. Indexes count the words in the order added.
type wordTable struct {
	slots []wordSlot // a power of two, at most half full
	words []string
}

type wordSlot struct {
	hash uint32
	idx  int32 // word + 1; 0 marks a free slot
}

func slotOf(h uint32, mask int) int { return int((h*0x9E3779B1)>>7) & mask }

// find returns the index of w, whose hash is h, or -1.
func (t *wordTable) find(w string, h uint32) int {
	if len(t.slots) == 0 {
		return -1
	}
	mask := len(t.slots) - 1
	for k := slotOf(h, mask); ; k = (k + 1) & mask {
		sl := t.slots[k]
		if sl.idx == 0 {
			return -1
		}
		if sl.hash == h && t.words[sl.idx-1] == w {
			return int(sl.idx - 1)
		}
	}
}

// add returns the index of w, adding it when new, and whether it was new.
func (t *wordTable) add(w string, h uint32) (int, bool) {
	if k := t.find(w, h); k >= 0 {
		return k, false
	}
	if 2*(len(t.words)+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]wordSlot, max(16, 2*len(old)))
		for _, sl := range old {
			if sl.idx != 0 {
				t.put(sl)
			}
		}
	}
	t.words = append(t.words, w)
	t.put(wordSlot{hash: h, idx: int32(len(t.words))})
	return len(t.words) - 1, true
}

func (t *wordTable) put(s wordSlot) {
	mask := len(t.slots) - 1
	k := slotOf(s.hash, mask)
	for t.slots[k].idx != 0 {
		k = (k + 1) & mask
	}
	t.slots[k] = s
}

// suffixHash is text.WordHash of w read backwards, so that the hashes of every ending
// of a word come one from the other.
func suffixHash(w string) uint32 {
	h := uint32(2166136261)
	for i := len(w) - 1; i >= 0; i-- {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}
