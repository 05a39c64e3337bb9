package rules

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/postcheck/postcheck/internal/text"
)

// TestPunctuationStormMatchesTheWholeTextSearch compares the run-by-run search with the
// expression over the whole draft on random mixes of '!', '?', letters and spaces.
func TestPunctuationStormMatchesTheWholeTextSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	alphabet := []string{"!", "?", "a", " ", "!", "?", "ü", "!!!", "?!"}
	for range 20000 {
		var s string
		for range rng.IntN(30) {
			s += alphabet[rng.IntN(len(alphabet))]
		}
		var want, got [][2]int
		for _, loc := range punctRe.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{loc[0], loc[1]})
		}
		for _, h := range punctuationStorm(&Doc{Prepared: &text.Prepared{Original: s}}) {
			got = append(got, [2]int{h.Start, h.End})
		}
		if !slices.Equal(got, want) {
			t.Fatalf("punctuationStorm(%q) = %v, want %v", s, got, want)
		}
	}
}
