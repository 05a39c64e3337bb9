package rules

import (
	"testing"

	"github.com/postcheck/postcheck/internal/text"
)

// TestGuardProbesAgreeWithTheScanOnRuleExpressions compares, for the guard of every
// pattern rule's expression, the test on the draft's Haystack (a probe bit per literal
// first) with the search of the folded text for every literal, on the labelled drafts
// and the rule examples.
func TestGuardProbesAgreeWithTheScanOnRuleExpressions(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(repoTexts(t, "*.jsonl"), exampleTexts(e)...)
	var all []*text.Guard
	for _, r := range e.rules {
		if m, ok := r.matcher.(*patternMatcher); ok {
			all = append(all, m.guards...)
		}
	}
	// The validators' expressions get their guards when first asked; checking the
	// drafts once asks for them all.
	for _, s := range texts {
		e.MatchDoc(NewDoc(s, []string{"de", "en"}), "de")
	}
	guards.Range(func(_, g any) bool {
		all = append(all, g.(*text.Guard))
		return true
	})
	if len(all) < 50 || len(texts) < 500 {
		t.Fatalf("%d guards, %d drafts: the comparison proves little", len(all), len(texts))
	}
	passed := 0
	for _, s := range texts {
		doc := NewDoc(s, []string{"de", "en"})
		orig, norm := text.Fold(doc.Original), text.Fold(doc.Norm)
		for k, g := range all {
			if got, want := g.MayMatchIn(doc.Folded()), g.MayMatch(orig); got != want {
				t.Fatalf("guard %d %q on %q: MayMatchIn %v, MayMatch %v", k, g.Literals(), s, got, want)
			}
			got, want := g.MayMatchIn(doc.FoldedNorm()), g.MayMatch(norm)
			if got != want {
				t.Fatalf("guard %d %q on the normalised %q: MayMatchIn %v, MayMatch %v", k, g.Literals(), doc.Norm, got, want)
			}
			if want {
				passed++
			}
		}
	}
	if passed < 1000 {
		t.Fatalf("only %d guards let a draft through: the comparison proves little", passed)
	}
}
