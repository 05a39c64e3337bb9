package rules

import (
	"fmt"
	"slices"
	"testing"
)

// TestSmallLexiconFilterFindsWhatTheLargeOneFinds builds the same terms into a
// lexicon small enough for the small first-word filter and into one with the large
// filter (the same terms plus fillers that match nothing), and compares their matches.
func TestSmallLexiconFilterFindsWhatTheLargeOneFinds(t *testing.T) {
	terms := []string{"idiot", "halt {die|deine} fresse", "du _ idiot", "scheiss"}
	small, large := newLexicon(), newLexicon()
	if err := small.add(0, terms, CompoundBoth, "de"); err != nil {
		t.Fatal(err)
	}
	if err := large.add(0, terms, CompoundBoth, "de"); err != nil {
		t.Fatal(err)
	}
	var fillers []string
	for i := range filterFrom {
		fillers = append(fillers, fmt.Sprintf("fuellwort%dx", i))
	}
	if err := large.add(1, fillers, "", ""); err != nil {
		t.Fatal(err)
	}
	if small.firstMask != 1<<10-1 || large.firstMask != 1<<16-1 {
		t.Fatalf("filter of the small lexicon %d bits, of the large one %d: want 1,024 and 65,536", small.firstMask+1, large.firstMask+1)
	}
	drafts := []string{
		"Du bist ein Idiot.", "Halt die Fresse!", "halt deine fresse", "Du alter Idiot", "Vollidioten überall",
		"Scheißtag heute", "Ein ganz normaler Beitrag über Kaffee.", "", "Idioten, Idiotin, idiotisch",
	}
	found := 0
	for _, s := range drafts {
		doc := NewDoc(s, []string{"de"})
		var got, want [][3]int
		small.scan(doc, func(int) bool { return true }, func(o, a, b int) { got = append(got, [3]int{o, a, b}) })
		large.scan(doc, func(o int) bool { return o == 0 }, func(o, a, b int) { want = append(want, [3]int{o, a, b}) })
		if !slices.Equal(got, want) {
			t.Errorf("%q: without filter %v, with filter %v", s, got, want)
		}
		found += len(want)
	}
	if found < 5 {
		t.Fatalf("only %d matches: the comparison proves little", found)
	}
}
