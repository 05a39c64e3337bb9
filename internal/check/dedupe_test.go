package check

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// randomFindings makes n findings of a few rules, language twins among them, on a few
// overlapping spans, so that most of them have another of the same rule or twin on or
// around their span.
func randomFindings(r *rand.Rand, n int) []Finding {
	ids := []string{"tone.insult_de", "tone.insult_en", "privacy.phone", "hate.slur_de", "hate.slur_en", "customer.contempt"}
	fs := make([]Finding, n)
	for i := range fs {
		start := r.IntN(12)
		fs[i] = Finding{
			RuleID:      ids[r.IntN(len(ids))],
			Severity:    Severity(1 + r.IntN(3)),
			Span:        Span{Start: start, End: start + 1 + r.IntN(4)},
			Explanation: fmt.Sprint(i), // tells equal findings apart
		}
	}
	return fs
}

// The few findings of most drafts are compared with each other instead of through a
// map; both ways must keep the same findings in the same order.
func TestDedupeWithoutAMapKeepsWhatTheMapKeeps(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 3000 {
		fs := randomFindings(r, r.IntN(40))
		for _, lang := range []string{"de", "en"} {
			want := dedupeLanguagesBy(dedupeBy(slices.Clone(fs), false), lang, false)
			got := dedupeLanguagesBy(dedupeBy(slices.Clone(fs), true), lang, true)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %s: %d findings\n got %v\nwant %v", round, lang, len(fs), got, want)
			}
		}
	}
}

// Past maxLinear findings dedupe takes the map; the result is the same as going
// through them.
func TestDedupeOfManyFindingsTakesTheMapAndKeepsTheSame(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		fs := randomFindings(r, maxLinear+1+r.IntN(100))
		want := dedupeLanguagesBy(dedupeBy(slices.Clone(fs), true), "de", true)
		got := dedupeLanguages(dedupe(slices.Clone(fs)), "de")
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%d findings\n got %v\nwant %v", len(fs), got, want)
		}
	}
}
