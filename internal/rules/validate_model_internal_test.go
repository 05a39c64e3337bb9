package rules

import "testing"

func TestModelFeaturesAreMadeOncePerDraft(t *testing.T) {
	m, err := modelDefault()
	if err != nil {
		t.Fatal(err)
	}
	doc := NewDoc("Diese ganzen Schmarotzer sollen endlich verschwinden.", []string{"de"})
	a, b := modelFeatures(m, doc), modelFeatures(m, doc)
	if len(a) == 0 || &a[0] != &b[0] {
		t.Error("the second head recomputed the features of the same draft")
	}
	other := NewDoc("Diese ganzen Schmarotzer sollen endlich verschwinden.", []string{"de"})
	if c := modelFeatures(m, other); &c[0] == &a[0] {
		t.Error("a different draft with the same text shared the cached slice")
	}
}
