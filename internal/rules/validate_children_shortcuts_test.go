package rules

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// plainScan runs the children analysis with every shortcut off, recovering from a
// panic as scanChildren does.
func plainScan(doc *Doc, noShortcuts bool) (a *childAnalysis) {
	defer func() {
		if recover() != nil {
			a = &childAnalysis{hits: map[string][]Hit{}}
		}
	}()
	return (&childScan{doc: doc, noShortcuts: noShortcuts}).run()
}

// TestChildrenShortcutsChangeNoFinding compares the analysis with its shortcuts (no
// later finder without a child reference, the draft's folded haystack for the
// guards) with the plain one on the corpora and on mutated drafts, in every
// language setting.
func TestChildrenShortcutsChangeNoFinding(t *testing.T) {
	texts := fastReTexts(t)
	r := rand.New(rand.NewPCG(7, 11))
	for range 1500 {
		texts = append(texts, mutate(r, texts))
	}
	texts = append(texts, "", "Unsere Emma (4)", "EMMA (4) UND BEN", "İstanbul mit meiner Tochter", "\u212aita mit meinem Sohn, 5")
	withRef := 0
	for _, s := range texts {
		for _, langs := range [][]string{{"de"}, {"en"}, {"de", "en"}} {
			doc := NewDoc(s, langs)
			got, want := plainScan(doc, false), plainScan(doc, true)
			if !reflect.DeepEqual(got.hits, want.hits) {
				t.Fatalf("langs %v, draft %q:\nwith shortcuts %+v\nwithout %+v", langs, s, got.hits, want.hits)
			}
			if len(want.hits) > 0 {
				withRef++
			}
		}
	}
	if withRef == 0 {
		t.Fatal("no draft with a children finding: the comparison proves nothing")
	}
}

// lowerSameLenPlain is lowerSameLen rune by rune, as it was first written.
func lowerSameLenPlain(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		l := unicode.ToLower(r)
		if r == utf8.RuneError || utf8.RuneLen(l) != w {
			b.WriteString(s[i : i+w])
		} else {
			b.WriteRune(l)
		}
		i += w
	}
	return b.String()
}

func TestLowerSameLenFold(t *testing.T) {
	tests := []struct {
		name, in string
		sameFold bool
	}{
		{"plain lower-case text needs no copy", "unsere tochter emma (4)", true},
		{"German capitals and umlauts fold alike", "Unsere TOCHTER Jürgen ÄÖÜ ẞ", true},
		{"a capital I with a dot keeps its bytes", "İstanbul", true},
		{"the Kelvin sign keeps its bytes", "\u212a", true},
		{"Greek capitals fold alike", "ΣΟΦΙΑ ϴ", true},
		{"invalid bytes stay", "A\xffB\xc3", true},
		{"the empty draft", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, same := lowerSameLenFold(tt.in)
			if want := lowerSameLenPlain(tt.in); got != want {
				t.Errorf("lowerSameLenFold(%q) = %q, want %q", tt.in, got, want)
			}
			if same != tt.sameFold {
				t.Errorf("lowerSameLenFold(%q) same fold = %v, want %v", tt.in, same, tt.sameFold)
			}
			if same && text.Fold(got) != text.Fold(tt.in) {
				t.Errorf("lowerSameLenFold(%q) says the folds agree, but %q != %q", tt.in, text.Fold(got), text.Fold(tt.in))
			}
		})
	}
	// every rune that lower-cases to one of its own width
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		got, same := lowerSameLenFold(s)
		if want := lowerSameLenPlain(s); got != want {
			t.Fatalf("lowerSameLenFold(%U) = %q, want %q", r, got, want)
		}
		if same != (text.Fold(got) == text.Fold(s)) {
			t.Fatalf("lowerSameLenFold(%U): same fold %v, but Fold gives %q and %q", r, same, text.Fold(got), text.Fold(s))
		}
	}
}

// TestLowerSameLenFoldOnDrafts compares the eight-bytes-at-a-time lower-casing with
// the rune-by-rune one on the corpora and on made-up strings of the bytes around
// 'A'..'Z' mixed with runes of two to four bytes.
func TestLowerSameLenFoldOnDrafts(t *testing.T) {
	texts := fastReTexts(t)
	r := rand.New(rand.NewPCG(9, 4))
	parts := []string{"@", "A", "Z", "[", "`", "a", "z", "{", "\x7f", " ", "M", "Ä", "ẞ", "İ", "\u212a", "😅", "\xff", "Σ"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		got, same := lowerSameLenFold(s)
		if want := lowerSameLenPlain(s); got != want {
			t.Fatalf("lowerSameLenFold(%q) = %q, want %q", s, got, want)
		}
		if same && text.Fold(got) != text.Fold(s) {
			t.Fatalf("lowerSameLenFold(%q) says the folds agree, but they differ", s)
		}
	}
}
