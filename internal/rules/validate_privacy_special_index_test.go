package rules

import (
	"reflect"
	"slices"
	"testing"
)

// specialTexts are the labelled drafts of the repository and the examples of every
// rule: enough special-category facts to prove the shared index right.
func specialTexts(t *testing.T) []string {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return append(repoTexts(t, "*.jsonl"), exampleTexts(e)...)
}

// TestSharedSpecialIndexHidesNoPhrase compares, at every token, what the index of all
// categories together lets through for each category with trying all its phrases.
func TestSharedSpecialIndexHidesNoPhrase(t *testing.T) {
	x := specialAll()
	found := 0
	for _, s := range specialTexts(t) {
		doc := NewDoc(s, []string{"de", "en"})
		for i := range doc.Tokens {
			cand := x.idx.candidates(doc.Tokens, i, nil)
			if !slices.IsSorted(cand) || len(slices.Compact(slices.Clone(cand))) != len(cand) {
				t.Fatalf("%q at token %d: candidates %v are not ascending without repeats", s, i, cand)
			}
			for c, name := range specialNames {
				ps := specialCategories[name].terms
				all := make([]int, len(ps))
				for k := range all {
					all[k] = k
				}
				var mine []int
				for _, k := range cand {
					if k >= x.first[c] && k < x.first[c+1] {
						mine = append(mine, k-x.first[c])
					}
				}
				want, wok := matchPhrases(doc, ps, all, i)
				got, gok := matchPhrases(doc, ps, mine, i)
				if wok != gok || !slices.EqualFunc(want.words, got.words, slices.Equal) {
					t.Fatalf("%s in %q at token %d: shared index gives %v %v, all phrases %v %v", name, s, i, got.words, gok, want.words, wok)
				}
				if wok {
					found++
				}
			}
		}
	}
	if found < 100 {
		t.Errorf("only %d phrases found: the comparison proves little", found)
	}
	t.Logf("%d phrase matches compared", found)
}

// TestSharedSpecialMatchingEqualsOneCategoryAtATime compares the hits of the one
// pass over all categories with each category matched on its own, all phrases tried.
func TestSharedSpecialMatchingEqualsOneCategoryAtATime(t *testing.T) {
	x := specialAll()
	hits := 0
	for _, s := range specialTexts(t) {
		doc := NewDoc(s, []string{"de", "en"})
		got := x.match(doc)
		for c, name := range specialNames {
			cat := specialCategories[name]
			all := make([]int, len(cat.terms))
			for k := range all {
				all[k] = k
			}
			var want []Hit
			for i := range doc.Tokens {
				want = specialAt(doc, cat, cat.terms, all, i, want)
			}
			if !reflect.DeepEqual(got[c], want) {
				t.Fatalf("%s in %q: shared pass %+v, on its own %+v", name, s, got[c], want)
			}
			hits += len(want)
		}
	}
	if hits < 50 {
		t.Errorf("only %d hits: the comparison proves little", hits)
	}
	t.Logf("%d hits compared", hits)
}

func TestSpecialRulesOfOneDraftShareOneMatching(t *testing.T) {
	health, _ := specialValidator(map[string]string{"category": "health"})
	religion, _ := specialValidator(map[string]string{"category": "religion"})
	doc := NewDoc("Meine Kollegin ist Muslimin und hat Krebs.", []string{"de"})
	h, r := health(doc), religion(doc)
	if len(h) != 1 || len(r) != 1 {
		t.Fatalf("health %v, religion %v: want one hit each", h, r)
	}
	if a, b := specialAll().hits(doc), specialAll().hits(doc); &a[0] != &b[0] {
		t.Error("the second category matched the same draft again")
	}
	other := NewDoc("Meine Kollegin ist Muslimin und hat Krebs.", []string{"de"})
	if a, b := specialAll().hits(doc), specialAll().hits(other); &a[0] == &b[0] {
		t.Error("a different draft with the same text shared the cached hits")
	}
}
