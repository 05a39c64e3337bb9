package text

import (
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestGuardLiterals(t *testing.T) {
	tests := []struct {
		name, re string
		want     []string
	}{
		{"a case-insensitive alternation of labels needs one of its labels", `(?i)\b(?:geb\.|geboren|born)\s*(\d+)`, []string{"born", "geb.", "geboren"}},
		{"an optional part is not required, the digits are", `(?i)\b(?:passwort)?\s*(\d{4})`, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{"a plain word is required as written, folded", `\bKennzeichen\b`, []string{"kennzeichen"}},
		{"a required literal after a repetition is found", `\d+\s*(?:km|meilen)`, []string{"km", "meilen"}},
		{"an expression of any characters has no literal", `.+`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewGuard(regexp.MustCompile(tt.re)).Literals()
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("literals of %q = %q, want %q", tt.re, got, tt.want)
			}
		})
	}
}

func TestFoldMapsEveryCaseVariantToOneForm(t *testing.T) {
	for in, want := range map[string]string{
		"Straße STRASSE": "straße strasse",
		"\u212Aelvin":    "kelvin", // the Kelvin sign matches k under (?i)
		"\u017Fecret":    "secret", // so does the long s
		"ÄÖÜ äöü":        Fold("äöü äöü"),
		"a\xffb":         "a\xffb",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGuardNeverHidesAMatch: wherever an expression matches, its guard lets the text through.
func TestGuardTestsEveryPartOfASequence(t *testing.T) {
	g := NewGuard(regexp.MustCompile(`(?i)\b(?:du|ihr)\s+(?:\p{L}+e\s+)?(clowns?|pfeifen?)\b`))
	for s, want := range map[string]bool{
		"Du bist heute aber früh dran.": false, // "du" alone
		"Die Clowns kommen morgen.":     false, // "clown" alone
		"Ihr Clowns!":                   true,
		"Du alte Pfeife.":               true,
	} {
		if got := g.MayMatchIn(NewHaystack(Fold(s))); got != want {
			t.Errorf("MayMatchIn(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestGuardNeverHidesAMatch(t *testing.T) {
	exprs := []string{
		`(?i)\b(?:geb\.|geboren(?:\s+am)?|geburtsdatum\s*:?|born(?:\s+on)?)\s*(\d{1,2}\.\d{1,2}\.)`,
		`(?i)\b(?:pin|pin-code|türcode|door code)[^.!?\n\d]{0,30}?\b(\d{4,8})\b`,
		`\+?\(?\+?\d[\d ()/\-–]{4,26}\d(?:\s?(?:x|ext\.?|Durchwahl|DW)\s?\d{1,5}\b)?`,
		`(?i)[\p{L}\p{N}._%+\-]+@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9]+)*\.[a-z]{2,24}`,
		`(?i)\b(?:jeden|immer|every)\s+(?:montag|tag|day)\b[^.!?\n]{0,60}?\b(?:um|at)\s+\d{1,2}`,
		`(?i)secret|KEY|(?-i:Tochter)\s+\d`,
		`(?i)ab+c{2,3}(?:de)?f`,
		`(?i)\b(?:du|ihr|so (?:ein|eine))\s+(?:\p{L}+(?:e|en)\s+)?(clowns?|pfeifen?|kuh|kühe)\b`,
	}
	words := []string{"geb.", "Geboren", "GEBURTSDATUM", "born", "on", "am", "1.2.", "12.10.", "PIN", "Türcode", "TÜRCODE", "door", "code", "1234", "12345678",
		"+49", "(0)", "171", "2345678", "ext", "x", "mail@Example.COM", "jeden", "Montag", "every", "day", "um", "at", "7", "\u212Aey", "\u017Fecret", "tochter", "Tochter",
		"abbccdef", "ABBCCF", "ab", "c", ".", "\n", "!", " ", " ", "-",
		"du", "DU", "ihr", "so", "ein", "eine", "blöde", "alten", "Clown", "clowns", "Pfeife", "KUH", "Kühe", "KÜHE"}
	rng := rand.New(rand.NewSource(1))
	for _, e := range exprs {
		re := regexp.MustCompile(e)
		g := NewGuard(re)
		for range 20000 {
			n := 1 + rng.Intn(16)
			s := ""
			for range n {
				s += words[rng.Intn(len(words))]
				if rng.Intn(3) > 0 {
					s += " "
				}
			}
			if re.MatchString(s) && (!g.MayMatch(Fold(s)) || !g.MayMatchIn(NewHaystack(Fold(s)))) {
				t.Fatalf("guard %q of %q hides the match in %q", g.Literals(), e, s)
			}
		}
	}
}

func TestHaystackAgreesWithContains(t *testing.T) {
	long := "Ein längerer Text über die Lindenstraße 12 in 50667 Köln, Tel. 0171 2345678."
	texts := []string{"", "a", "kurz", long, strings.Repeat(long+" ", 5)}
	lits := []string{"", "a", "ab", "lindenstr", "straße", " 1", "tel.", "köln", "xyz", "0171", "8."}
	for _, s := range texts {
		h := NewHaystack(Fold(s))
		for _, l := range lits {
			if got, want := h.has(l), strings.Contains(Fold(s), l); got != want {
				t.Errorf("has(%q) in %q = %v, want %v", l, s, got, want)
			}
		}
	}
}

// TestGuardOnAHaystackAgreesWithTheScan compares MayMatchIn, which probes one bit per
// literal before it looks further, with MayMatch, which searches the folded text for
// every literal, on random texts of the guards' own words and of near misses.
func TestGuardOnAHaystackAgreesWithTheScan(t *testing.T) {
	exprs := []string{
		`(?i)\b(?:du|ihr|so (?:ein|eine))\s+(?:\p{L}+(?:e|en)\s+)?(clowns?|pfeifen?|kuh|kühe)\b`,
		`(?i)\b(?:jeden|immer|every)\s+(?:montag|tag|day)\b[^.!?\n]{0,60}?\b(?:um|at)\s+\d{1,2}`,
		`(?i)secret|KEY|(?-i:Tochter)\s+\d`,
		`(?i)ab+c{2,3}(?:de)?f`,
		`(?i)x(?:a|b)?y`,
		`(?i)\b(?:geb\.|geboren(?:\s+am)?|born(?:\s+on)?)\s*(\d{1,2}\.\d{1,2}\.)`,
	}
	words := []string{"du", "ihr", "so", "ein", "eine", "clown", "clowns", "pfeif", "pfeifen", "kuh", "KÜHE", "kü",
		"jeden", "immer", "every", "montag", "tag", "day", "um", "at", "7", "secret", "secre", "key", "ke", "Tochter", "tochter",
		"abbccf", "abccdef", "ab", "cc", "xy", "xay", "x", "y", "geb.", "geboren", "born", "on", "12.10.", " ", "\n", ".", "a"}
	rng := rand.New(rand.NewSource(2))
	agreed, passed := 0, 0
	for _, e := range exprs {
		g := NewGuard(regexp.MustCompile(e))
		if g.Literals() == nil {
			t.Fatalf("%q has no guard: the comparison proves nothing", e)
		}
		for range 5000 {
			var b strings.Builder
			for range rng.Intn(12) {
				b.WriteString(words[rng.Intn(len(words))])
				if rng.Intn(3) > 0 {
					b.WriteByte(' ')
				}
			}
			f := Fold(b.String())
			want := g.MayMatch(f)
			if got := g.MayMatchIn(NewHaystack(f)); got != want {
				t.Fatalf("guard %q of %q on %q: MayMatchIn %v, MayMatch %v", g.Literals(), e, f, got, want)
			}
			agreed++
			if want {
				passed++
			}
		}
	}
	if passed < agreed/20 || passed > agreed-agreed/20 {
		t.Fatalf("%d of %d texts passed: too one-sided to compare", passed, agreed)
	}
}

// TestHaystackHoldsEveryByteRunOfTheText builds the Haystack's set the plain way, a
// byte, pair and triple at each offset, and compares it with NewHaystack's.
func TestHaystackHoldsEveryByteRunOfTheText(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	alphabet := "aeinrst .,äöüß\n"
	for range 3000 {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		s := string(b)
		var want Haystack
		set := func(k uint32) { want.set[k>>6] |= 1 << (k & 63) }
		set(alwaysBit)
		for i := 0; i < len(s); i++ {
			set(byteOff + uint32(s[i]))
			if i+1 < len(s) {
				set(pairOff + pairHash(s[i], s[i+1]))
			}
			if i+2 < len(s) {
				set(tripleOff + tripleHash(s[i], s[i+1], s[i+2]))
			}
		}
		if got := NewHaystack(s); got.set != want.set {
			t.Fatalf("NewHaystack(%q) differs from the byte-by-byte set", s)
		}
	}
}
