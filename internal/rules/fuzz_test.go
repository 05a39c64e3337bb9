package rules

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/check"
)

// FuzzEngineMatch runs every matcher kind (terms, pattern, near, validators) over any
// text: no panic, and every span lies on the original text's rune boundaries.
func FuzzEngineMatch(f *testing.F) {
	for _, s := range []string{"Du Vollidiot!", "A*schloch sh1t I d i o t", "Meine Tochter Emma (4) geht in die Kita.",
		"IBAN DE89 3704 0044 0532 0130 00, +49 171 2345678, anna@example.de", "Ausländer raus! 88 HH", "\u200B\u00AD🌞👨‍👩‍👧",
		"Scho\u0308n", "#IchBinKeinRassist", strings.Repeat("!", 50), "ЅСНЕІЅЅЕ"} {
		f.Add(s)
	}
	e, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			// The checker refuses invalid UTF-8 before matching, and a rune
			// boundary means nothing next to a stray continuation byte.
			t.Skip()
		}
		for _, langs := range [][]string{{"de"}, {"en"}, {"de", "en"}, nil} {
			for _, fd := range e.Match(check.MatchRequest{Text: s, Languages: langs, MessageLang: "de"}) {
				a, b := fd.Span.Start, fd.Span.End
				if a < 0 || a >= b || b > len(s) {
					t.Fatalf("%s: span %d..%d of %d", fd.RuleID, a, b, len(s))
				}
				if !boundary(s, a) || !boundary(s, b) {
					t.Fatalf("%s: span %d..%d cuts a rune in %q", fd.RuleID, a, b, s)
				}
			}
		}
	})
}

func boundary(s string, i int) bool {
	return i == len(s) || i == 0 || (s[i]&0xC0) != 0x80
}

// FuzzParseSpecs feeds the pack loader any bytes: it fails with file:line, never panics.
func FuzzParseSpecs(f *testing.F) {
	data, _ := packs.ReadFile("packs/tone.yaml")
	f.Add(data)
	f.Add([]byte("rules:\n  - id: tone.x\n    term: [a]\n"))
	f.Add([]byte("rules: [{id: 1}]"))
	f.Add([]byte("{{{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		specs, err := ParseSpecs("fuzz.yaml", data)
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || le.File != "fuzz.yaml" || le.Line < 1 {
				t.Fatalf("error without file:line: %v", err)
			}
			return
		}
		if _, err := New(specs); err != nil {
			var le *LoadError
			if !errors.As(err, &le) || le.Line < 1 {
				t.Fatalf("compile error without file:line: %v", err)
			}
		}
	})
}

func TestBrokenPacksFailWithFileAndLine(t *testing.T) {
	good := `rules:
  - id: tone.demo
    category: tone
    severity: low
    languages: [de]
    kind: terms
    name: Demo
    description: A demo rule.
    terms: [mist]
    message: {de: "Mist", en: "Crap"}
    examples: {bad: ["So ein Mist"], good: ["Alles gut"]}
`
	tests := []struct {
		name, pack, want string
	}{
		{"a typo in a field name", strings.Replace(good, "terms:", "term:", 1), `demo.yaml:9:5: unknown field "term"`},
		{"an unknown kind", strings.Replace(good, "kind: terms", "kind: magic", 1), `demo.yaml:2: rule "tone.demo": unknown kind "magic"`},
		{"a bad severity", strings.Replace(good, "severity: low", "severity: awful", 1), `demo.yaml:2: rule "tone.demo": unknown severity`},
		{"a missing message", strings.Replace(good, `message: {de: "Mist", en: "Crap"}`, `message: {de: "Mist"}`, 1), "message.en is required"},
		{"an id of another category", strings.Replace(good, "id: tone.demo", "id: hate.demo", 1), "must start with its category"},
		{"a broken regex", strings.Replace(strings.Replace(good, "kind: terms", "kind: pattern", 1), "terms: [mist]", "patterns: ['(']", 1), "pattern \"(\""},
		{"broken YAML", good + "  - [", "demo.yaml:"},
		{"no examples", strings.Replace(good, `examples: {bad: ["So ein Mist"], good: ["Alles gut"]}`, "", 1), "examples need"},
		{"a duplicate id", good + strings.TrimPrefix(good, "rules:\n"), `already defined at packs/demo.yaml:2`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadFS(fstest.MapFS{"packs/demo.yaml": {Data: []byte(tc.pack)}}, "packs")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
	if _, err := LoadFS(fstest.MapFS{"packs/demo.yaml": {Data: []byte(good)}}, "packs"); err != nil {
		t.Errorf("the good pack fails: %v", err)
	}
}
