package rules

import (
	"strings"

	"github.com/postcheck/postcheck/internal/text"
)

// Doc is a prepared draft as rules see it.
type Doc struct {
	*text.Prepared
	// Langs are the rule languages that run for this draft.
	Langs []string
}

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
