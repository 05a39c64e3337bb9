package pii

import (
	"math/rand"
	"regexp"
	"slices"
	"testing"
)

// TestStreetScanFindsWhatTheWholeExpressionFinds compares the anchored scan with the
// expression run over the whole text, on drafts made of address fragments.
func TestStreetScanFindsWhatTheWholeExpressionFinds(t *testing.T) {
	whole := regexp.MustCompile(deAddressExpr)
	parts := []string{"Lindenstraße", "12", "3a", "Am", "Markt", "An der", "Alster", "Mariahilfer", "Straße", "45,", "1060", "Wien", "ul.", "Długa",
		"Äußere", "Öhringer", "Weg", "Über", "in", "50667", "Köln", "(Rhein)", "Neue", "Str.", "5", "-", "7/9", "0", "!", ",", ".", "\n", "\t", "Ä", "x",
		"Hauptstr.", "Berg-Gasse", "\xff", "é", "Im", "Winkel", "9b", "Tel.", "0171", "2345678", "Rue", "Calle", "Mayor", "🏠", "Der", "Zur", "Post"}
	rng := rand.New(rand.NewSource(7))
	found := 0
	for range 30000 {
		var s string
		for range 1 + rng.Intn(14) {
			s += parts[rng.Intn(len(parts))]
			switch rng.Intn(6) {
			case 0:
			case 1:
				s += "  "
			default:
				s += " "
			}
		}
		got, want := deAddressMatches(s, newIndex(s).houses), whole.FindAllStringIndex(s, -1)
		found += len(want)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("in %q: scan finds %v, the whole expression %v", s, got, want)
		}
	}
	if found < 1000 {
		t.Errorf("only %d addresses in the generated drafts: the comparison proves little", found)
	}
	t.Logf("%d addresses compared", found)
}
