package rules

import (
	"regexp"
	"strings"
	"sync"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/model"
	"github.com/postcheck/postcheck/internal/pii"
	"github.com/postcheck/postcheck/internal/text"
)

// Doc is a prepared draft as rules see it.
type Doc struct {
	*text.Prepared
	// Langs are the rule languages that run for this draft.
	Langs []string

	// The folded texts for the guards and the texts with their word starts for the
	// word scans, in the Doc's pooled buffers.
	folded, foldedNorm memo[*text.Haystack]
	scanOrig, scanNorm memo[*scanText]

	// Work several rules of one draft share: the children analysis (ten rules), the
	// personal identifiers (eleven), the special categories (six) and the model's
	// scores and features (its heads).
	children    memo[*childAnalysis]
	identifiers memo[[]pii.Match]
	special     memo[[][]Hit]
	modelScores memo[[]float64]
	modelFeats  memo[[]model.Feature]
	lexIndex    memo[*tokenIndex]
	lexSpans    lexSpans
	asciiWords  memo[*wordHashes] // the privacy validators' draft conditions

	// bufs holds the memory of the work above that can serve the next draft.
	bufs *docBuffers
}

// docBuffers is the memory of a Doc that its check no longer needs once Engine.Match
// returns: a check allocates less, and garbage collections come fewer.
type docBuffers struct {
	// doc is the Doc itself, zero while in the pool.
	doc                Doc
	folded, foldedNorm text.Haystack
	scanOrig, scanNorm scanText
	index              tokenIndex
	// runs and seen are MatchDoc's: the rules that run, the lexicon hits found.
	runs []bool
	seen []lexHit
	// found collects the findings, copied out once their number is known.
	found []check.Finding
}

// lexHit is a lexicon hit: the rule and the span.
type lexHit struct{ owner, a, b int }

// maxPooledItems bounds the tables and lists a pooled docBuffers keeps.
const maxPooledItems = 1 << 13

var docPool = sync.Pool{New: func() any { return new(docBuffers) }}

// buffers returns the buffers of d, taking them when d was made without NewDoc.
func (d *Doc) buffers() *docBuffers {
	if d.bufs == nil {
		d.bufs = docPool.Get().(*docBuffers)
	}
	return d.bufs
}

// release gives the memory of d and of its prepared text to later drafts; d must
// not be used after. Nothing a check returns points into that memory: findings
// keep strings, which are never reused, and copies.
func (d *Doc) release() {
	b := d.bufs
	d.Prepared.Release()
	// Zero, the Doc drops the rest of its draft's work, and is ready for NewDoc when
	// it is b's own.
	*d = Doc{}
	// Memory a long draft grew stays out of the pool (see text.Release).
	if b == nil || cap(b.index.slots) > maxPooledItems || cap(b.index.entries) > maxPooledItems ||
		cap(b.scanOrig.starts) > maxPooledItems || cap(b.scanNorm.starts) > maxPooledItems || cap(b.found) > maxPooledItems/8 {
		return
	}
	// The pool keeps no string of this draft alive.
	b.folded.Release()
	b.foldedNorm.Release()
	b.scanOrig.s, b.scanNorm.s = "", ""
	b.index.release()
	clear(b.found[:cap(b.found)])
	b.found, b.seen = b.found[:0], b.seen[:0]
	docPool.Put(b)
}

// memo is a value of a draft computed once, by whichever rule asks first.
type memo[T any] struct {
	once sync.Once
	v    T
}

func (m *memo[T]) get(f func() T) T {
	m.once.Do(func() { m.v = f() })
	return m.v
}

// Folded is text.Fold of the original text, indexed and made once per draft for the
// guards of every rule's expressions.
func (d *Doc) Folded() *text.Haystack {
	return d.folded.get(func() *text.Haystack { return foldInto(&d.buffers().folded, d.Original) })
}

// FoldedNorm is text.Fold of the normalised text, indexed.
func (d *Doc) FoldedNorm() *text.Haystack {
	return d.foldedNorm.get(func() *text.Haystack { return foldInto(&d.buffers().foldedNorm, d.Norm) })
}

func foldInto(h *text.Haystack, s string) *text.Haystack {
	h.ResetFold(s)
	return h
}

// scanOriginal is the original text with its word starts, found once per draft for
// the word scans of every rule.
func (d *Doc) scanOriginal() *scanText {
	return d.scanOrig.get(func() *scanText { return scanInto(&d.buffers().scanOrig, d.Original) })
}

// scanNormalised is the normalised text with its word starts.
func (d *Doc) scanNormalised() *scanText {
	return d.scanNorm.get(func() *scanText { return scanInto(&d.buffers().scanNorm, d.Norm) })
}

func scanInto(t *scanText, s string) *scanText {
	t.reset(s)
	return t
}

// guardedRe is a regular expression with the guard that skips drafts it cannot match.
type guardedRe struct {
	*regexp.Regexp
	guard *text.Guard
}

func guarded(re *regexp.Regexp) guardedRe { return guardedRe{re, text.NewGuard(re)} }

func mustGuarded(expr string) guardedRe { return guarded(regexp.MustCompile(expr)) }

// may reports whether the expression can match the original text of doc.
func (g guardedRe) may(doc *Doc) bool { return g.guard.MayMatchIn(doc.Folded()) }

// mayNorm reports whether the expression can match the normalised text of doc.
func (g guardedRe) mayNorm(doc *Doc) bool { return g.guard.MayMatchIn(doc.FoldedNorm()) }

// NewDoc prepares text for matching.
func NewDoc(s string, langs []string) *Doc {
	b := docPool.Get().(*docBuffers)
	d := &b.doc
	d.Prepared, d.Langs, d.bufs = text.PrepareReleasable(s), langs, b
	return d
}

// TokenRange returns the indexes [i, j) of the tokens that overlap the byte span.
func (d *Doc) TokenRange(start, end int) (int, int) {
	i := d.TokenAt(start)
	j := i
	for j < len(d.Tokens) && d.Tokens[j].Start < end {
		j++
	}
	return i, j
}

// SentenceStart returns the byte offset where the sentence containing pos begins.
func (d *Doc) SentenceStart(pos int) int {
	s := d.Original[:pos]
	i := strings.LastIndexAny(s, ".!?\n;")
	return i + 1
}

// SentenceEnd returns the byte offset where the sentence containing pos ends.
func (d *Doc) SentenceEnd(pos int) int {
	i := strings.IndexAny(d.Original[pos:], ".!?\n;")
	if i < 0 {
		return len(d.Original)
	}
	return pos + i
}

// guards holds the guard of every expression asked about, derived once.
var guards sync.Map // *regexp.Regexp → *text.Guard

// guardOf returns the guard of re.
func guardOf(re *regexp.Regexp) *text.Guard {
	if g, ok := guards.Load(re); ok {
		return g.(*text.Guard)
	}
	g, _ := guards.LoadOrStore(re, text.NewGuard(re))
	return g.(*text.Guard)
}

// findAllOrig is re.FindAllStringSubmatchIndex on the original text, skipped when the
// draft holds none of the literals every match needs.
func findAllOrig(doc *Doc, re *regexp.Regexp) [][]int {
	if !guardOf(re).MayMatchIn(doc.Folded()) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(doc.Original, -1)
}
