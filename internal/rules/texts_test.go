package rules

import (
	"testing"

	"github.com/postcheck/postcheck/internal/corpus"
)

// repoTexts returns the texts of the repository's labelled files testdata/*/name
// (a glob: "corpus.jsonl", "*.jsonl"), the drafts the comparison tests run on.
func repoTexts(t testing.TB, name string) []string {
	t.Helper()
	return corpus.Texts(t, name)
}

// exampleTexts returns the bad and good examples of every rule of e.
func exampleTexts(e *Engine) []string {
	var texts []string
	for _, r := range e.rules {
		texts = append(texts, r.Spec.Examples.Bad...)
		texts = append(texts, r.Spec.Examples.Good...)
	}
	return texts
}
