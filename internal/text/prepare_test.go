package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func norms(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
	}
	return out
}

func TestPrepareNormalisesWordsForMatching(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"case and umlauts fold", "Schöne Grüße", []string{"schoene", "gruesse"}},
		{"eszett and ss are the same", "Scheiße Scheisse", []string{"scheisse", "scheisse"}},
		{"zero-width and soft hyphen are dropped", "Id\u200Bi\u00ADot", []string{"idiot"}},
		{"leet digits inside words become letters", "sh1t W1chser", []string{"shit", "wichser"}},
		{"masked letters become wildcards", "f*ck Sch**ße A*schloch", []string{"f*ck", "sch**sse", "a*schloch"}},
		{"stretched letters collapse", "idiooooot", []string{"idiot"}},
		{"mathematical alphanumerics fold", "𝐈𝐝𝐢𝐨𝐭", []string{"idiot"}},
		{"Cyrillic look-alikes fold in Latin words", "Idiоt", []string{"idiot"}},
		{"whole Cyrillic words that only use look-alikes fold", "аре", []string{"ape"}},
		{"real Cyrillic words stay", "Привет", []string{"привет"}},
		{"fullwidth letters fold", "ＩＤＩＯＴ", []string{"idiot"}},
		{"accents are dropped", "Café naïve", []string{"cafe", "naive"}},
		{"combining umlaut equals precomposed", "Scho\u0308n", []string{"schoen"}},
		{"numbers stay numbers", "1488 in 2024 for 18,50 €", []string{"1488", "in", "2024", "for", "18", "50"}},
		{"e-mail addresses are not merged into one word", "anna@example.de", []string{"anna", "example", "de"}},
		{"apostrophes stay inside words", "don’t", []string{"don't"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := norms(Prepare(tc.in).Tokens)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Prepare(%q) tokens = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestStretchedLettersKeepADoubleLetterAlternative(t *testing.T) {
	tok := Prepare("Kaffeeeee").Tokens[0]
	if tok.Norm != "kaffe" || tok.Alt != "kaffee" {
		t.Errorf("got Norm %q Alt %q, want kaffe / kaffee", tok.Norm, tok.Alt)
	}
}

func TestVariantSplitsHashtagsAndJoinsSpacedLetters(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"#IchBinKeinRassist", []string{"ich", "bin", "kein", "rassist"}},
		{"du I d i o t", []string{"du", "idiot"}},
		{"so f.u.c.k it", []string{"so", "fuck", "it"}},
	}
	for _, tc := range tests {
		p := Prepare(tc.in)
		if got := norms(p.Variant); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Prepare(%q).Variant = %q, want %q", tc.in, got, tc.want)
		}
		for _, tok := range p.Variant {
			if tok.Start < 0 || tok.End > len(tc.in) || tok.Start >= tok.End {
				t.Errorf("bad span %d..%d", tok.Start, tok.End)
			}
		}
	}
	if Prepare("Ganz normaler Satz.").Variant != nil {
		t.Error("a plain sentence needs no variant")
	}
}

func TestToOriginalMapsBackAcrossEmojiAndUmlauts(t *testing.T) {
	s := "🌞 Grüße an Straße"
	p := Prepare(s)
	i := strings.Index(p.Norm, "strasse")
	if i < 0 {
		t.Fatalf("norm %q lacks strasse", p.Norm)
	}
	a, b := p.ToOriginal(i, i+len("strasse"))
	if s[a:b] != "Straße" {
		t.Errorf("mapped back to %q, want Straße", s[a:b])
	}
}

func TestTokensCarryOriginalOffsets(t *testing.T) {
	s := "👶 Émma (4) geht\u200Bin die Kita"
	for _, tok := range Prepare(s).Tokens {
		if !utf8.ValidString(s[tok.Start:tok.End]) {
			t.Errorf("token %q cuts a rune", s[tok.Start:tok.End])
		}
	}
}

func TestOffsetsConvertToEveryUnit(t *testing.T) {
	s := "a😀ä b"
	b := strings.Index(s, "b")
	for _, tc := range []struct {
		unit Unit
		want int
	}{{UTF16, 5}, {CodePoint, 4}, {Byte, b}} {
		o := NewOffsets(s, tc.unit)
		if got := o.Convert(b); got != tc.want {
			t.Errorf("%s: offset of b = %d, want %d", tc.unit, got, tc.want)
		}
		if o.Length() != Length(s, tc.unit) {
			t.Errorf("%s: Length mismatch %d vs %d", tc.unit, o.Length(), Length(s, tc.unit))
		}
	}
}

func FuzzPrepareKeepsOffsetsInsideTheText(f *testing.F) {
	for _, s := range []string{"", "Hallo 🌞 Welt", "f*ck sh1t", "Id\u200Biot", "I d i o t", "#IchBinKeinRassist", "\xff\xfe", "Scho\u0308n", "ａｂｃ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := Prepare(s)
		if len(p.srcStart) != len(p.Norm) || len(p.srcEnd) != len(p.Norm) {
			t.Fatalf("map length %d/%d for norm length %d", len(p.srcStart), len(p.srcEnd), len(p.Norm))
		}
		for i := range p.srcStart {
			if p.srcStart[i] < 0 || int(p.srcEnd[i]) > len(s) || p.srcStart[i] >= p.srcEnd[i] {
				t.Fatalf("norm byte %d maps to %d..%d of %d", i, p.srcStart[i], p.srcEnd[i], len(s))
			}
		}
		for _, seq := range [][]Token{p.Tokens, p.Variant} {
			for _, tok := range seq {
				if tok.Start < 0 || tok.Start >= tok.End || tok.End > len(s) {
					t.Fatalf("token %d..%d outside %d", tok.Start, tok.End, len(s))
				}
			}
		}
		if len(p.Norm) > 0 {
			a, b := p.ToOriginal(0, len(p.Norm))
			if a < 0 || a > b || b > len(s) {
				t.Fatalf("ToOriginal = %d..%d", a, b)
			}
		}
	})
}
