package rules

import (
	"testing"
)

// TestGuardsNeverSkipAMatchOnTheCorpora runs every guarded expression — pattern rules,
// labelled privacy values, whereabouts — over the labelled drafts and the rules' own
// examples and fails when a guard would have skipped a draft the expression matches.
func TestGuardsNeverSkipAMatchOnTheCorpora(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(repoTexts(t, "corpus.jsonl"), exampleTexts(e)...)
	if len(texts) < 500 {
		t.Fatalf("only %d drafts found", len(texts))
	}
	var raw []guardedRe
	for _, ps := range labelledKinds {
		for _, p := range ps {
			raw = append(raw, p.re)
		}
	}
	for _, ps := range whereaboutsKinds {
		for _, p := range ps {
			raw = append(raw, p.re)
		}
	}
	var pats []*patternMatcher
	for _, r := range e.rules {
		if m, ok := r.matcher.(*patternMatcher); ok {
			pats = append(pats, m)
		}
	}
	checked := 0
	for _, s := range texts {
		doc := NewDoc(s, []string{"de", "en"})
		for _, g := range raw {
			if !g.may(doc) && g.MatchString(s) {
				t.Errorf("guard %q skips %q, which %v matches", g.guard.Literals(), s, g.Regexp)
			}
			checked++
		}
		for _, m := range pats {
			for i, re := range m.res {
				subject, hay := doc.Norm, doc.FoldedNorm()
				if m.raw {
					subject, hay = doc.Original, doc.Folded()
				}
				if !m.guards[i].MayMatchIn(hay) && re.MatchString(subject) {
					t.Errorf("guard %q skips %q, which %v matches", m.guards[i].Literals(), subject, re)
				}
				checked++
			}
		}
	}
	t.Logf("%d drafts, %d expression checks", len(texts), checked)
}
