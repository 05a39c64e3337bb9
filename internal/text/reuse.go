package text

import (
	"sync"
	"unsafe"
)

// buffers are the tokens and offset maps of one Prepared, kept for the next draft:
// for a post they are most of the bytes a check allocates, and each allocation
// brings the next garbage collection closer.
type buffers struct {
	// prep is the Prepared itself, zero while in the pool.
	prep Prepared
	// toks has length 0 and every element zero up to its capacity: Prepare writes
	// some tokens in place, counting on fields it does not set being zero.
	toks []Token
	// src backs both offset maps.
	src []int32
}

// Buffers over these sizes (a draft of some 30 KB) go to the garbage collector,
// so that one long draft does not keep its memory for the short ones after it.
const (
	maxPooledTokens = 4096
	maxPooledSrc    = 1 << 16
)

var bufferPool = sync.Pool{New: func() any { return new(buffers) }}

// PrepareReleasable is Prepare with buffers that Release hands to later drafts.
func PrepareReleasable(s string) *Prepared {
	return prepare(s, bufferPool.Get().(*buffers))
}

// Release gives the tokens and offset maps of p, made by PrepareReleasable, to later
// drafts, and empties p: neither p nor any slice of its Tokens may be used after.
// Strings stay valid (Norm and the tokens' words are never reused), so a finding
// may keep them. Release of a Prepared made by Prepare only empties it.
func (p *Prepared) Release() {
	b := p.bufs
	toks := p.Tokens
	*p = Prepared{}
	if b == nil {
		return
	}
	if cap(toks) > maxPooledTokens || cap(b.src) > maxPooledSrc {
		return
	}
	// Clearing also drops the words of this draft, which the pool must not keep alive.
	clear(toks[:cap(toks)])
	b.toks = toks[:0]
	bufferPool.Put(b)
}

// Reset indexes folded in place of the text h held, reusing h's memory.
func (h *Haystack) Reset(folded string) {
	clear(h.set[:])
	h.fill(folded)
}

// ResetFold is Reset(Fold(s)), folding s into memory of h that the next ResetFold
// reuses: Text is valid only until then.
func (h *Haystack) ResetFold(s string) {
	i := foldedPrefix(s)
	if i == len(s) {
		h.Reset(s)
		return
	}
	h.buf = appendFold(append(h.buf[:0], s[:i]...), s[i:])
	h.Reset(unsafe.String(unsafe.SliceData(h.buf), len(h.buf)))
}

// Release lets go of h's text; h keeps memory for the next ResetFold unless it is
// larger than a pooled Prepared's.
func (h *Haystack) Release() {
	h.s = ""
	if cap(h.buf) > maxPooledSrc {
		h.buf = nil
	}
}
