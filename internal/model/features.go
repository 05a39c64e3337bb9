// Package model is a small statistical estimate of offensive tone and hate: logistic
// regression over hashed character n-grams, word uni- and bigrams and words paired
// with a group named in the same draft, all of the normalised draft. It scores in one pass (hashing and a dot product) and tells which
// words carried the score, so that a finding can point at them.
package model

import (
	"math"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// Feature is one hashed feature of a draft. Tok is the index of the token it came
// from; a word bigram also covers the next token (Span 2).
type Feature struct {
	Index uint32
	Value float32
	Tok   int32
	Span  int32
}

// Extraction settings. They are part of the model: changing them needs retraining,
// and the model file records Version to refuse weights made with other settings.
const (
	minGram = 2
	maxGram = 5
	// maxWordRunes bounds the n-grams of very long tokens (URLs, hashtag chains).
	maxWordRunes = 40
	// maxCross bounds the group pairings of one draft, so that a long text naming
	// many groups costs no more than a few tweets.
	maxCross = 400
	// Version names the feature scheme.
	Version = 3
)

// LengthFloor is the smallest feature count a draft is scaled as: without it a
// four-word post would weigh each of its few n-grams like a whole tweet's worth
// and swing to extreme scores on thin evidence.
const LengthFloor = 300

// FNV-1a, with a namespace byte so that the word "ab" and the n-gram "ab" differ.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashStr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

func hashByte(h uint32, b byte) uint32 {
	h ^= uint32(b)
	return h * fnvPrime
}

// word is the form a token contributes: mentions and numbers are collapsed so that
// user names and figures do not become features of their own.
func word(t *text.Token) string {
	switch {
	case t.Mention:
		return "@user"
	case t.Letters == 0 && t.Digits > 0:
		return "0"
	case isGroupWord(t.Norm):
		return groupPlaceholder
	}
	return t.Norm
}

// Hash seeds of the feature kinds, the namespace byte already absorbed.
var (
	seedWord  = hashByte(fnvOffset, 'w')
	seedPair  = hashByte(fnvOffset, 'b')
	seedGroup = hashByte(fnvOffset, 'g')
	hashCaps  = hashStr(fnvOffset, "\x00caps")
	seedGram  = [maxGram + 1]uint32{2: hashByte(fnvOffset, '2'), 3: hashByte(fnvOffset, '3'), 4: hashByte(fnvOffset, '4'), 5: hashByte(fnvOffset, '5')}
)

// Extract returns the hashed features of a prepared draft for a table of 2^bits
// entries. A feature counts once however often it occurs (repeating a word does
// not repeat its evidence); its value is shared among its occurrences so that each
// word keeps its part of the score, and the values are scaled to unit length so
// that long and short drafts compare. The result is empty for a draft without words.
func Extract(p *text.Prepared, bits uint) []Feature {
	return extract(p, bits, nil)
}

// extract is Extract into buf when it is large enough.
func extract(p *text.Prepared, bits uint, buf []Feature) []Feature {
	var x extraction
	if !x.run(p, bits, buf) {
		return []Feature{}
	}
	feats, n := x.feats, *x.counts
	if len(feats) > 0 {
		inv := x.inverses()
		for k := range feats {
			feats[k].Value = inv.of(n[feats[k].Index])
		}
	}
	x.release()
	return feats
}

// run makes the features of a draft into buf, when it is large enough, with their
// indices and tokens but without values, and counts the occurrences of each index;
// release must follow. It is false, having taken nothing, for a draft without words.
func (x *extraction) run(p *text.Prepared, bits uint, buf []Feature) bool {
	return x.runInto(p, bits, buf, nil, false)
}

// runIndices is run making only the table indices of the features, in the same
// order, into idx: scoring needs nothing else, and a quarter of the bytes to write
// and read again keeps them in the fastest cache.
func (x *extraction) runIndices(p *text.Prepared, bits uint, idx []uint32) bool {
	return x.runInto(p, bits, nil, idx, true)
}

func (x *extraction) runInto(p *text.Prepared, bits uint, buf []Feature, idx []uint32, indexOnly bool) bool {
	wb, _ := wordBufs.Get().(*[]string)
	if wb == nil {
		wb = new([]string)
	}
	words := slices.Grow((*wb)[:0], len(p.Tokens))[:len(p.Tokens)]
	defer func() {
		clear(words)
		*wb = words[:0]
		wordBufs.Put(wb)
	}()
	var groups bool
	// need bounds the features, so that they are allocated once: a word of r runes
	// has 4r−2 character n-grams of two to five, plus a word, a pair, a capitals mark
	// and a group pair.
	need := 0
	for i := range p.Tokens {
		words[i] = word(&p.Tokens[i])
		if words[i] == groupPlaceholder {
			groups = true
		}
		need += 4*min(len(words[i]), maxWordRunes+2) + 4
	}
	if need == 0 {
		return false
	}
	// The occurrences of each index are counted as the features are made: the
	// counter reads, which mostly miss the cache, then overlap with the hashing.
	if indexOnly {
		if cap(idx) < need {
			idx = make([]uint32, 0, need)
		}
	} else if cap(buf) < need {
		buf = make([]Feature, 0, need)
	}
	*x = extraction{feats: buf[:0], idx: idx[:0], indexOnly: indexOnly, mask: uint32(1)<<bits - 1, counts: getCounters(bits)}
	// What a draft says about a group is often far from the group's name ("Die
	// Flüchtlinge, die hier ankommen, sind alle Schmarotzer"): every other word is
	// paired with the group, attributed to that word. A pair counts once per draft.
	crosses := 0
	if groups {
		for j, w := range words {
			if w == groupPlaceholder || crosses >= maxCross {
				continue
			}
			x.add(hashStr(seedGroup, w), j, 1)
			crosses++
		}
	}
	var scratch [4*(maxWordRunes+1) + 2]byte
	// A word that comes again has the same n-grams: they are copied from its first
	// occurrence, found by the hash Prepare made of the word, instead of hashed again.
	memo := getGramMemo(len(p.Tokens))
	defer gramMemos.Put(memo)
	// pair is the hash of a word pair up to the space, seeded by the word before.
	var pair uint32
	for i := range p.Tokens {
		t, w := &p.Tokens[i], words[i]
		// The word, its pair with the word before and the start of its pair with
		// the next are hashed in one pass, three independent chains at once.
		hw, hp, hn := seedWord, pair, seedPair
		for k := 0; k < len(w); k++ {
			c := uint32(w[k])
			hw, hp, hn = (hw^c)*fnvPrime, (hp^c)*fnvPrime, (hn^c)*fnvPrime
		}
		pair = hashByte(hn, ' ')
		x.add(hw, i, 1)
		if i > 0 {
			x.add(hp, i-1, 2)
		}
		if t.Letters > 0 && t.Upper == t.Letters && t.Letters >= 3 {
			x.add(hashCaps, i, 1)
		}
		if w == groupPlaceholder || t.Mention || (t.Letters == 0 && t.Digits > 0) {
			continue
		}
		// Here w is t.Norm, whose hash is t.Hash.
		slot := memo.find(p.Tokens, t.Hash, w)
		if slot.n > 0 {
			x.again(slot.off, slot.n, int32(i))
			continue
		}
		start := x.len()
		// Only the first maxWordRunes+2 runes of "<word>" make n-grams, and each rune
		// takes four bytes at most.
		if len(w) > 4*(maxWordRunes+1) {
			w = w[:4*(maxWordRunes+1)]
		}
		x.grams(append(append(append(scratch[:0], '<'), w...), '>'), int32(i))
		*slot = memoSlot{tok: int32(i), off: int32(start), n: int32(x.len() - start)}
	}
	return true
}

// len is the number of features made so far.
func (x *extraction) len() int {
	if x.indexOnly {
		return len(x.idx)
	}
	return len(x.feats)
}

// again appends the n features made from off on once more, for token tok, and
// counts them.
func (x *extraction) again(off, n, tok int32) {
	if x.indexOnly {
		x.idx = append(x.idx, x.idx[off:off+n]...)
		for _, i := range x.idx[len(x.idx)-int(n):] {
			x.count(i)
		}
		return
	}
	for k := off; k < off+n; k++ {
		f := x.feats[k]
		f.Tok = tok
		x.feats = append(x.feats, f)
		x.count(f.Index)
	}
}

// gramMemo finds the first occurrence of a word among the tokens of a draft: open
// addressing by the word's hash over twice as many slots as tokens.
type gramMemo struct {
	mask  uint32
	slots []memoSlot
}

// memoSlot is a word's first token and where its n-grams are; n is 0 for an empty
// slot, and for a word without n-grams, which has nothing to copy.
type memoSlot struct {
	tok, off, n int32
}

// gramMemos are the memo tables of run, reused across drafts.
var gramMemos = sync.Pool{New: func() any { return new(gramMemo) }}

func getGramMemo(tokens int) *gramMemo {
	m := gramMemos.Get().(*gramMemo)
	size := 16
	for size < 2*tokens {
		size *= 2
	}
	if cap(m.slots) < size {
		m.slots = make([]memoSlot, size)
	}
	m.slots = m.slots[:size]
	clear(m.slots)
	m.mask = uint32(size - 1)
	return m
}

// find returns the slot of word w, whose hash is h: its first occurrence, or an
// empty slot for the caller to fill.
func (m *gramMemo) find(toks []text.Token, h uint32, w string) *memoSlot {
	for i := h & m.mask; ; i = (i + 1) & m.mask {
		s := &m.slots[i]
		if s.n == 0 || toks[s.tok].Norm == w {
			return s
		}
	}
}

// release resets the counters the features touched and gives them back.
func (x *extraction) release() {
	n := *x.counts
	for _, f := range x.feats {
		n[f.Index] = 0
	}
	for _, i := range x.idx {
		n[i] = 0
	}
	counters.Put(x.counts)
	x.counts = nil
}

// inverseTable holds the value of a feature whose index occurs c times, for the
// small counts nearly every index has: a division per feature costs more than
// the rest of its scoring. Each entry is the very quotient it stands for.
type inverseTable struct {
	scale float32
	small [16]float32
}

func (x *extraction) inverses() *inverseTable {
	t := &x.inv
	t.scale = float32(1 / math.Sqrt(float64(max(x.unique, LengthFloor))))
	for c := 1; c < len(t.small); c++ {
		t.small[c] = t.scale / float32(c)
	}
	return t
}

// of is scale / c.
func (t *inverseTable) of(c uint16) float32 {
	if int(c) < len(t.small) {
		return t.small[c]
	}
	return t.scale / float32(c)
}

// wordBufs are scratch word lists for run, reused across drafts.
var wordBufs sync.Pool

// extraction is the state of one Extract: the features so far and how often each
// table index occurs among them.
type extraction struct {
	feats []Feature
	// idx holds the indices alone instead of feats when indexOnly is set.
	idx       []uint32
	indexOnly bool
	mask      uint32
	counts    *[]uint16
	unique    int
	inv       inverseTable
}

// count notes one more occurrence of a table index; the count stops at its maximum.
func (x *extraction) count(i uint32) {
	n := *x.counts
	v := n[i]
	// Without branches: whether an index is new is a coin toss the processor
	// would guess wrong half the time, and a wrong guess waits for the count,
	// which mostly misses the cache, then throws away the hashing done meanwhile.
	inc, first := uint16(1), 0
	if v == math.MaxUint16 {
		inc = 0
	}
	if v == 0 {
		first = 1
	}
	n[i] = v + inc
	x.unique += first
}

func (x *extraction) add(h uint32, tok, span int) {
	i := h & x.mask
	if x.indexOnly {
		x.idx = append(x.idx, i)
	} else {
		x.feats = append(x.feats, Feature{Index: i, Tok: int32(tok), Span: int32(span)})
	}
	x.count(i)
}

// grams appends the character n-grams of the marked word bw ("<word>") over runes,
// all bigrams first, then the trigrams and so on, each in text order. The n-grams
// starting at one rune are hashed together, reading each byte once; being two runes
// at least, none is a lone edge mark.
func (x *extraction) grams(bw []byte, tok int32) {
	var buf [maxWordRunes + 3]int // byte offsets of the rune starts of the bounded word
	n, k := 0, 0
	for k < len(bw) && n < len(buf)-1 {
		buf[n] = k
		n++
		if bw[k] < utf8.RuneSelf {
			k++
			continue
		}
		_, sz := utf8.DecodeRune(bw[k:])
		k += sz
	}
	buf[n] = k
	// base[g] is where the n-grams of g runes go.
	var base [maxGram + 2]int
	base[minGram] = len(x.feats)
	if x.indexOnly {
		base[minGram] = len(x.idx)
	}
	for g := minGram; g <= maxGram; g++ {
		base[g+1] = base[g] + max(0, n-g+1)
	}
	total := base[maxGram+1]
	var feats []Feature
	var idx []uint32
	if x.indexOnly {
		idx = slices.Grow(x.idx, total-len(x.idx))[:total]
		x.idx = idx
	} else {
		if total > cap(x.feats) {
			x.feats = append(x.feats[:cap(x.feats)], make([]Feature, total-cap(x.feats))...)
		}
		feats = x.feats[:total]
		x.feats = feats
	}
	put := func(g, a int, h uint32) {
		i := h & x.mask
		if idx != nil {
			idx[base[g]+a] = i
		} else {
			feats[base[g]+a] = Feature{Index: i, Tok: tok, Span: 1}
		}
		x.count(i)
	}
	if k == n {
		// One byte per rune, the common case.
		for a := 0; a+minGram <= n; a++ {
			s := bw[a:min(a+maxGram, n)]
			c := uint32(s[0])
			h2, h3, h4, h5 := (seedGram[2]^c)*fnvPrime, (seedGram[3]^c)*fnvPrime, (seedGram[4]^c)*fnvPrime, (seedGram[5]^c)*fnvPrime
			c = uint32(s[1])
			h2, h3, h4, h5 = (h2^c)*fnvPrime, (h3^c)*fnvPrime, (h4^c)*fnvPrime, (h5^c)*fnvPrime
			put(2, a, h2)
			if len(s) > 2 {
				c = uint32(s[2])
				h3, h4, h5 = (h3^c)*fnvPrime, (h4^c)*fnvPrime, (h5^c)*fnvPrime
				put(3, a, h3)
			}
			if len(s) > 3 {
				c = uint32(s[3])
				h4, h5 = (h4^c)*fnvPrime, (h5^c)*fnvPrime
				put(4, a, h4)
			}
			if len(s) > 4 {
				put(5, a, (h5^uint32(s[4]))*fnvPrime)
			}
		}
		return
	}
	for a := 0; a+minGram <= n; a++ {
		h2, h3, h4, h5 := seedGram[2], seedGram[3], seedGram[4], seedGram[5]
		end := min(a+maxGram, n)
		for r := a; r < end; r++ {
			for _, b := range bw[buf[r]:buf[r+1]] {
				c := uint32(b)
				h2, h3, h4, h5 = (h2^c)*fnvPrime, (h3^c)*fnvPrime, (h4^c)*fnvPrime, (h5^c)*fnvPrime
			}
			switch g := r - a + 1; g {
			case 2:
				put(g, a, h2)
			case 3:
				put(g, a, h3)
			case 4:
				put(g, a, h4)
			case 5:
				put(g, a, h5)
			}
		}
	}
}

// counters are scratch tables, one count per table entry, reused across drafts:
// only the entries a draft touched are reset, so a draft costs its own length.
var counters sync.Pool

func getCounters(bits uint) *[]uint16 {
	c, _ := counters.Get().(*[]uint16)
	if c == nil || len(*c) != 1<<bits {
		t := make([]uint16, 1<<bits)
		c = &t
	}
	return c
}
