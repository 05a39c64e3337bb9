package text

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestUmlautTokensMatchTheGeneralPath compares the umlaut shortcut with the general
// normalisation on random words: same token, same normalised bytes, same offsets. The
// alphabet also holds what the shortcut must leave to the general path (other accents,
// combining marks, the capital ẞ, digits, masks), and the words sit behind a hashtag,
// a mention or other words.
func TestUmlautTokensMatchTheGeneralPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 21))
	common := []string{"a", "e", "s", "S", "u", "U", "o", "O", "z", "ä", "ö", "ü", "ß", "Ä", "Ö", "Ü"}
	digits := []string{"0", "1", "2", "3", "4", "9"}
	rare := []string{"é", "\u0308", "ẞ", "3", "*", "_", "ø", "\u00AD", "ſ", "ǆ", "ﬁ"}
	prefixes := []string{"", " ", "#", "@", "x ", "é "}
	taken := 0
	for range 50000 {
		var b strings.Builder
		number := rng.IntN(4) == 0
		for range 1 + rng.IntN(9) {
			if number {
				b.WriteString(digits[rng.IntN(len(digits))])
				if rng.IntN(30) == 0 {
					b.WriteString(common[rng.IntN(len(common))])
				}
			} else if rng.IntN(20) == 0 {
				b.WriteString(rare[rng.IntN(len(rare))])
			} else {
				b.WriteString(common[rng.IntN(len(common))])
			}
		}
		w := b.String()
		s := prefixes[rng.IntN(len(prefixes))] + w
		type emitted struct {
			str  string
			a, b int
		}
		var fast, slow []emitted
		collect := func(out *[]emitted) func(string, int, int) {
			return func(str string, a, b int) {
				for i := range len(str) {
					*out = append(*out, emitted{str[i : i+1], a, b})
				}
			}
		}
		p := Prepare(s)
		if len(p.Tokens) == 0 {
			continue
		}
		last := p.Tokens[len(p.Tokens)-1]
		segs := segmentsAt(s, last.Start, last.End)
		ft, ok := umlautToken(s, segs)
		if !ok {
			continue
		}
		taken++
		mt := makeToken(s, segs, collect(&fast))
		st := foldToken(s, segs, collect(&slow))
		if !reflect.DeepEqual(ft, st) || !reflect.DeepEqual(mt, st) || !reflect.DeepEqual(fast, slow) {
			t.Fatalf("%q: fast %+v %v, general %+v %v", s, ft, fast, st, slow)
		}
		if last.End < len(s) {
			continue // a trailing mask or mark: the word is not where Norm ends
		}
		// Prepare takes the shortcut too: its map of the word must be the general one.
		lastNorm := p.Norm[len(p.Norm)-len(st.Norm):]
		if lastNorm != st.Norm {
			t.Fatalf("%q: Prepare ends in %q, want %q", s, p.Norm, st.Norm)
		}
		for k := range slow {
			a, b := p.ToOriginal(len(p.Norm)-len(slow)+k, len(p.Norm)-len(slow)+k+1)
			if a != slow[k].a || b != slow[k].b {
				t.Fatalf("%q: Prepare maps norm byte %d to %d..%d, the general path to %d..%d", s, k, a, b, slow[k].a, slow[k].b)
			}
		}
	}
	if taken < 10000 {
		t.Errorf("only %d words took the shortcut: the comparison proves little", taken)
	}
}

// TestPrepareOfUmlautWordsIsThatOfTheGeneralPath compares whole drafts: Prepare with
// the shortcuts against tokens made one by one by the general path.
func TestPrepareOfUmlautWordsIsThatOfTheGeneralPath(t *testing.T) {
	for _, s := range []string{"Schöne Grüße aus Köln", "ÄRGER über Öl", "Straße, Fußball; Maßstab", "Grüüüße", "Müßßig", "#SchöneGrüße", "@Jürgen", "1000 Grüße 2024", "4ever 1337 h4ll0"} {
		p := Prepare(s)
		for _, tok := range p.Tokens {
			want := foldToken(s, segmentsAt(s, tok.Start, tok.End), func(string, int, int) {})
			want.Index, want.Hash = tok.Index, tok.Hash
			if !reflect.DeepEqual(tok, want) {
				t.Errorf("%q: token %+v, general path %+v", s, tok, want)
			}
		}
	}
}
