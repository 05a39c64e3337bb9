package rules

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestParenAgeMatchIsTheExpressionsMatch compares the hand-written reading of "(4)"
// with parenAgeRe after every byte of the corpora and on made-up brackets.
func TestParenAgeMatchIsTheExpressionsMatch(t *testing.T) {
	inputs := []string{"(4)", " (4)", "(12)", "(123)", "(4 J.)", "(4J)", "(4 Jahre)", "(4 y)", "(4yrs)", "(4 years)", "(4 yo)",
		"(4  y)", "(4 )", "(4 J.", "\t(7 Jahre)", "(0)", "()", "(a)", "((4)", " (4", "\n(4 yo) and more", "(4 Jahren)", "(4 yrs.)"}
	r := rand.New(rand.NewPCG(5, 8))
	parts := []string{"(", ")", " ", "\t", "1", "4", "12", "J", ".", "Jahre", "y", "yrs", "years", "yo", "a", "ä", "\n"}
	pick := func(ps ...string) string { return ps[r.IntN(len(ps))] }
	for range 20000 {
		s := ""
		for range 1 + r.IntN(6) {
			s += parts[r.IntN(len(parts))]
		}
		// and one shaped like a bracketed age, right or nearly
		shaped := pick("", " ", "\t", "  ", "a") + pick("(", "(", "[") + pick("4", "12", "123", "", "x") + pick("", "", " ", "  ", "\n") +
			pick("", "J", "J.", "Jahre", "y", "yrs", "years", "yo", "Y", "j", "yr", "J..") + pick(")", ")", "", " )", ")x")
		inputs = append(inputs, s, shaped)
	}
	for _, s := range fastReTexts(t) {
		for i := range len(s) {
			if s[i] == '(' || i+1 < len(s) && s[i+1] == '(' {
				inputs = append(inputs, s[i:])
			}
		}
	}
	matched := 0
	for _, s := range inputs {
		want := parenAgeRe.FindStringSubmatchIndex(s)
		if got := parenAgeMatch(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("on %q: by hand %v, the expression %v", s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 100 {
		t.Fatalf("only %d inputs match: the comparison proves little", matched)
	}
}
