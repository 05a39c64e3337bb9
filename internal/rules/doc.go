package rules

import (
	"regexp"
	"strings"
	"sync"

	"github.com/postcheck/postcheck/internal/model"
	"github.com/postcheck/postcheck/internal/pii"
	"github.com/postcheck/postcheck/internal/text"
)

// Doc is a prepared draft as rules see it.
type Doc struct {
	*text.Prepared
	// Langs are the rule languages that run for this draft.
	Langs []string

	foldOnce, foldNormOnce sync.Once
	folded, foldedNorm     *text.Haystack

	scanOnce, scanNormOnce sync.Once
	scanOrig, scanNorm     *scanText

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
	d.foldOnce.Do(func() { d.folded = text.NewHaystack(text.Fold(d.Original)) })
	return d.folded
}

// FoldedNorm is text.Fold of the normalised text, indexed.
func (d *Doc) FoldedNorm() *text.Haystack {
	d.foldNormOnce.Do(func() { d.foldedNorm = text.NewHaystack(text.Fold(d.Norm)) })
	return d.foldedNorm
}

// scanOriginal is the original text with its word starts, found once per draft for
// the word scans of every rule.
func (d *Doc) scanOriginal() *scanText {
	d.scanOnce.Do(func() { d.scanOrig = newScanText(d.Original) })
	return d.scanOrig
}

// scanNormalised is the normalised text with its word starts.
func (d *Doc) scanNormalised() *scanText {
	d.scanNormOnce.Do(func() { d.scanNorm = newScanText(d.Norm) })
	return d.scanNorm
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
	return &Doc{Prepared: text.Prepare(s), Langs: langs}
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
