package rules

import (
	"math/rand/v2"
	"strings"
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

// runTogether returns n drafts of one to maxParts pieces — rule examples of e, their
// words and the extra pieces — each followed by one of seps, so that matches stand
// at every distance from each other and from the start.
func runTogether(e *Engine, rng *rand.Rand, n, maxParts int, extra, seps []string) []string {
	examples := exampleTexts(e)
	var words []string
	for _, ex := range examples {
		words = append(words, strings.Fields(ex)...)
	}
	out := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(maxParts) {
			switch k := rng.IntN(4); {
			case k == 0, k == 1 && len(extra) == 0:
				b.WriteString(examples[rng.IntN(len(examples))])
			case k == 1:
				b.WriteString(extra[rng.IntN(len(extra))])
			default:
				b.WriteString(words[rng.IntN(len(words))])
			}
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		out = append(out, b.String())
	}
	return out
}
