package rules

import (
	"reflect"
	"testing"

	"github.com/postcheck/postcheck/internal/text"
)

// TestTokenClassIsTheWordsClass checks the hash table against the word map on every
// token of the repository's drafts and the rules' examples, and on every listed word.
func TestTokenClassIsTheWordsClass(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(repoTexts(t, "*.jsonl"), exampleTexts(e)...)
	texts = append(texts, "Meine Tochter Emma (4) geht in die Kita", "my daughter's school", "Mein Sohn und ich")
	found := 0
	for _, s := range texts {
		p := text.Prepare(s)
		for i := range p.Tokens {
			tok := &p.Tokens[i]
			got, want := classOfToken(tok), classOf(tok.Norm)
			if got != want {
				t.Fatalf("token %q of %q: class %b, want %b", tok.Norm, s, got, want)
			}
			if want != 0 {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no token of the drafts is in a word list: the comparison proves nothing")
	}
	for w, c := range childClasses {
		if got := childClassTable.get(w, text.WordHash(w)); got != c {
			t.Errorf("listed word %q: class %b, want %b", w, got, c)
		}
	}
	if got := childClassTable.get("zzqx", text.WordHash("zzqx")); got != 0 {
		t.Errorf("unlisted word has class %b", got)
	}
}

// TestSharedRedactionsSayWhatEachDetailSays checks that details with the same
// replacement share maps that hold exactly what separate maps would.
func TestSharedRedactionsSayWhatEachDetailSays(t *testing.T) {
	var r redactions
	cases := []struct{ de, en string }{{"Kita", "the daycare"}, {"", "nearby"}, {"Kita", "the daycare"}, {"Kita", "the nursery"}, {"", "nearby"}}
	for _, c := range cases {
		repl, red := r.of(c.de, c.en)
		if want := (Texts{"de": {c.de}, "en": {c.en}}); !reflect.DeepEqual(repl, want) {
			t.Errorf("%q/%q: replacements %v, want %v", c.de, c.en, repl, want)
		}
		var want Text
		if c.de != "" {
			want = Text{"de": c.de, "en": c.en}
		}
		if !reflect.DeepEqual(red, want) {
			t.Errorf("%q/%q: redaction %v, want %v", c.de, c.en, red, want)
		}
	}
	if len(r) != 3 {
		t.Errorf("%d distinct pairs kept, want 3", len(r))
	}
}
