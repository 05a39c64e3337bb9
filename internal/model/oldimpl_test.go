package model

// The scoring as it was before the distinct table: one count per entry of the
// model's table, reset after each draft. Kept to prove that the new way gives
// bit-identical scores and to measure the two side by side.

import (
	"math"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// run makes the features of a draft into buf, when it is large enough, with their
// indices and tokens but without values, and counts the occurrences of each index;
// release must follow. It is false, having taken nothing, for a draft without words.
func (x *oldExtraction) run(p *text.Prepared, bits uint, buf []Feature) bool {
	return x.runInto(p, bits, buf, nil, false)
}

// runIndices is run making only the table indices of the features, in the same
// order, into idx: scoring needs nothing else, and a quarter of the bytes to write
// and read again keeps them in the fastest cache.
func (x *oldExtraction) runIndices(p *text.Prepared, bits uint, idx []uint32) bool {
	return x.runInto(p, bits, nil, idx, true)
}

func (x *oldExtraction) runInto(p *text.Prepared, bits uint, buf []Feature, idx []uint32, indexOnly bool) bool {
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
	for i, t := range p.Tokens {
		words[i] = word(&t)
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
	*x = oldExtraction{feats: buf[:0], idx: idx[:0], indexOnly: indexOnly, mask: uint32(1)<<bits - 1, counts: oldGetCounters(bits)}
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
	for i, t := range p.Tokens {
		w := words[i]
		x.add(hashStr(seedWord, w), i, 1)
		if i > 0 {
			x.add(hashStr(hashByte(hashStr(seedPair, words[i-1]), ' '), w), i-1, 2)
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
func (x *oldExtraction) len() int {
	if x.indexOnly {
		return len(x.idx)
	}
	return len(x.feats)
}

// again appends the n features made from off on once more, for token tok, and
// counts them.
func (x *oldExtraction) again(off, n, tok int32) {
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

// release resets the oldCounters the features touched and gives them back.
func (x *oldExtraction) release() {
	n := *x.counts
	for _, f := range x.feats {
		n[f.Index] = 0
	}
	for _, i := range x.idx {
		n[i] = 0
	}
	oldCounters.Put(x.counts)
	x.counts = nil
}

func (x *oldExtraction) inverses() *inverseTable {
	t := &x.inv
	t.scale = float32(1 / math.Sqrt(float64(max(x.unique, LengthFloor))))
	for c := 1; c < len(t.small); c++ {
		t.small[c] = t.scale / float32(c)
	}
	return t
}

// oldExtraction is the state of one Extract: the features so far and how often each
// table index occurs among them.
type oldExtraction struct {
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
func (x *oldExtraction) count(i uint32) {
	n := *x.counts
	switch v := n[i]; v {
	case 0:
		x.unique++
		n[i] = 1
	case math.MaxUint16:
	default:
		n[i] = v + 1
	}
}

func (x *oldExtraction) add(h uint32, tok, span int) {
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
func (x *oldExtraction) grams(bw []byte, tok int32) {
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

// oldCounters are scratch tables, one count per table entry, reused across drafts:
// only the entries a draft touched are reset, so a draft costs its own length.
var oldCounters sync.Pool

func oldGetCounters(bits uint) *[]uint16 {
	c, _ := oldCounters.Get().(*[]uint16)
	if c == nil || len(*c) != 1<<bits {
		t := make([]uint16, 1<<bits)
		c = &t
	}
	return c
}

// oldIndexBufs are scratch index slices for ScoreDraft, reused across drafts.
var oldIndexBufs sync.Pool

// oldScoreDraft is Model.ScoreDraft as it was.
func oldScoreDraft(m *Model, p *text.Prepared) []float64 {
	if !m.paired() {
		return m.Scores(Extract(p, m.Bits))
	}
	// Only the indices are made; each value is read from the counts as the heads
	// sum, the very products and sums, in the same order, that Scores of Extract makes.
	b, _ := oldIndexBufs.Get().(*[]uint32)
	if b == nil {
		b = new([]uint32)
	}
	defer oldIndexBufs.Put(b)
	var x oldExtraction
	if !x.runIndices(p, m.Bits, *b) {
		return m.Scores(nil)
	}
	*b = x.idx
	inv, n, w, s0, s1 := x.inverses(), *x.counts, m.pair, m.pairScale[0], m.pairScale[1]
	z0, z1 := float64(m.Heads[0].Bias), float64(m.Heads[1].Bias)
	for _, i := range x.idx {
		v := inv.of(n[i])
		ws := w[2*int(i) : 2*int(i)+2]
		w0, w1 := float32(ws[0])*s0, float32(ws[1])*s1
		z0 += float64(w0 * v)
		z1 += float64(w1 * v)
	}
	x.release()
	return []float64{sigmoid(z0), sigmoid(z1)}
}
