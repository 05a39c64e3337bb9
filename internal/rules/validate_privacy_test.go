package rules

import (
	"testing"
	"unicode/utf8"
)

// privacyMatchers builds every privacy validator with every parameter it accepts.
func privacyMatchers(t testing.TB) map[string]MatchFunc {
	t.Helper()
	out := map[string]MatchFunc{}
	add := func(name string, f ValidatorFactory, key string, values []string) {
		for _, v := range values {
			m, err := f(map[string]string{key: v})
			if err != nil {
				t.Fatalf("%s %s=%s: %v", name, key, v, err)
			}
			out[name+"/"+v] = m
		}
	}
	var pii []string
	for k := range piiKinds {
		pii = append(pii, k)
	}
	var labelled []string
	for k := range labelledKinds {
		labelled = append(labelled, k)
	}
	var special []string
	for k := range specialCategories {
		special = append(special, k)
	}
	var where []string
	for k := range whereaboutsKinds {
		where = append(where, k)
	}
	add("privacy_pii", piiValidator, "kind", pii)
	add("privacy_labelled", labelledValidator, "kind", labelled)
	add("privacy_special", specialValidator, "category", special)
	add("privacy_whereabouts", whereaboutsValidator, "kind", where)
	return out
}

func TestPrivacyValidatorsRejectUnknownParams(t *testing.T) {
	for name, f := range map[string]ValidatorFactory{"privacy_pii": piiValidator, "privacy_labelled": labelledValidator,
		"privacy_whereabouts": whereaboutsValidator} {
		if _, err := f(map[string]string{"kind": "nonsense"}); err == nil {
			t.Errorf("%s accepted an unknown kind", name)
		}
	}
	if _, err := specialValidator(map[string]string{"category": "nonsense"}); err == nil {
		t.Error("privacy_special accepted an unknown category")
	}
}

func TestSpecialCategoriesNeedAPerson(t *testing.T) {
	health, _ := specialValidator(map[string]string{"category": "health"})
	tests := []struct {
		name string
		text string
		want int
	}{
		{"a colleague's diagnosis is flagged", "Kollege Müller hat Burnout.", 1},
		{"the author's own diagnosis is flagged", "Ich habe Diabetes seit zehn Jahren.", 1},
		{"advice without a person is not flagged", "Wer Diabetes hat, sollte auf Zucker achten.", 0},
		{"a hypothetical is not flagged", "Wenn mein Sohn krank wäre, bliebe ich zu Hause.", 0},
		{"a statement about a group is not flagged", "People with diabetes should check their feet.", 0},
		{"a reply mention alone does not make it about someone", "@anna_b depression is treatable, talk to someone", 0},
		{"a negated fact is not flagged", "Meine Schwester ist nicht schwanger, das war ein Gerücht.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(health(NewDoc(tt.text, []string{"de", "en"}))); got != tt.want {
				t.Errorf("got %d hits, want %d", got, tt.want)
			}
		})
	}
}

// FuzzPrivacyValidators checks that no input makes a privacy validator panic or report
// a span outside the text or inside a character.
func FuzzPrivacyValidators(f *testing.F) {
	for _, s := range []string{"Passwort: Katze123!", "Kollege Müller ist krank", "geb. 3. Mai 1985", "😀 gerade im Café Mocca am Markt",
		"PIN ist 4821", "K-AB 1234 parkt", "Jeden Dienstag um 7 Uhr im Park", "\xffPasswort\xfe: x"} {
		f.Add(s)
	}
	ms := privacyMatchers(f)
	f.Fuzz(func(t *testing.T, s string) {
		doc := NewDoc(s, []string{"de", "en"})
		for name, m := range ms {
			for _, h := range m(doc) {
				if h.Start < 0 || h.End > len(s) || h.Start >= h.End {
					t.Fatalf("%s: bad span %d..%d in %q", name, h.Start, h.End, s)
				}
				if utf8.ValidString(s) && (!utf8.ValidString(s[:h.Start]) || !utf8.ValidString(s[h.End:])) {
					t.Fatalf("%s: span %d..%d cuts a character in %q", name, h.Start, h.End, s)
				}
			}
		}
	})
}
