package text

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"testing"
)

func maxLenOfExpr(t *testing.T, expr string) int {
	t.Helper()
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return MaxLen(re.Simplify())
}

func TestMaxLenBoundsEveryMatch(t *testing.T) {
	tests := []struct {
		expr string
		want int
	}{
		{`a[bc]`, 2},
		{`(?i)k`, 4}, // the Kelvin sign is three bytes
		{`é`, 4},
		{`x*`, -1},
		{`\b(?:ab){2,3}\b`, 6},
		{`[a-z]{0,5}`, 5},
		{`[^a]`, 4},
		{`.`, 4},
		{`(?:\b)*`, 0},
		{`ab|cde`, 3},
	}
	for _, tc := range tests {
		if got := maxLenOfExpr(t, tc.expr); got != tc.want {
			t.Errorf("MaxLen(%q) = %d, want %d", tc.expr, got, tc.want)
		}
	}
	// No match is ever longer than the bound, invalid bytes and folded letters included.
	exprs := []string{`(?i)[a-z]{1,3}k?`, `[^ ]{0,4}`, `(?:x|ÿü){1,3}`, `.{2}`, `(?i)ſ?s{1,2}`}
	alphabet := []string{"a", "k", "K", "\u212a", "s", "\u017f", "x", "ÿ", "ü", " ", "\xff", "z"}
	rng := rand.New(rand.NewPCG(4, 2))
	for _, e := range exprs {
		bound := maxLenOfExpr(t, e)
		re := regexp.MustCompile(e)
		for range 3000 {
			var s string
			for range rng.IntN(12) {
				s += alphabet[rng.IntN(len(alphabet))]
			}
			for _, m := range re.FindAllStringIndex(s, -1) {
				if m[1]-m[0] > bound {
					t.Fatalf("%q matches %q (%d bytes) in %q, beyond MaxLen %d", e, s[m[0]:m[1]], m[1]-m[0], s, bound)
				}
			}
		}
	}
}
