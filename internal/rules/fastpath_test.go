package rules

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// TestPunctuationStormMatchesTheWholeTextSearch compares the run-by-run search with the
// expression over the whole draft on random mixes of '!', '?', letters and spaces.
func TestPunctuationStormMatchesTheWholeTextSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	alphabet := []string{"!", "?", "a", " ", "!", "?", "ü", "!!!", "?!"}
	for range 20000 {
		var s string
		for range rng.IntN(30) {
			s += alphabet[rng.IntN(len(alphabet))]
		}
		var want, got [][2]int
		for _, loc := range punctRe.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{loc[0], loc[1]})
		}
		for _, h := range punctuationStorm(&Doc{Prepared: &text.Prepared{Original: s}}) {
			got = append(got, [2]int{h.Start, h.End})
		}
		if !slices.Equal(got, want) {
			t.Fatalf("punctuationStorm(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPatternScansFindWhatTheWholeExpressionsFind runs every pattern rule's expression
// that has a word scan over the labelled drafts, the rule examples and generated
// drafts, both ways, and compares the submatches.
func TestPatternScansFindWhatTheWholeExpressionsFind(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(repoTexts(t, "*.jsonl"), exampleTexts(e)...)
	// Examples run together with stray words between them: matches at every distance
	// from each other and from the start.
	seps := []string{" ", " ", ", ", "! ", "\n", "", "-"}
	texts = append(texts, runTogether(e, rand.New(rand.NewPCG(1, 2)), 8000, 6, nil, seps)...)
	scans, found := 0, 0
	for _, r := range e.rules {
		m, ok := r.matcher.(*patternMatcher)
		if !ok {
			continue
		}
		for i, re := range m.res {
			if m.scans[i] == nil {
				continue
			}
			scans++
			for _, s := range texts {
				subject := s
				if !m.raw {
					subject = text.Prepare(s).Norm
				}
				got, want := m.scans[i].findAllSubmatch(re, subject), re.FindAllStringSubmatchIndex(subject, -1)
				found += len(want)
				if !slices.EqualFunc(got, want, slices.Equal) {
					t.Fatalf("%s %v in %q: the scan finds %v, the whole expression %v", r.Spec.ID, re, subject, got, want)
				}
			}
		}
	}
	if scans == 0 || found < 200 {
		t.Errorf("%d scans, %d matches: the comparison proves little", scans, found)
	}
	t.Logf("%d scanned expressions, %d matches compared on %d drafts", scans, found, len(texts))
}

// TestLabelledScansFindWhatTheWholeExpressionsFind compares, from every offset the
// labelled validator may resume at, the first match of each scanned expression with
// the whole-text search, on the labelled drafts, the examples and generated drafts.
func TestLabelledScansFindWhatTheWholeExpressionsFind(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := exampleTexts(e)
	var words []string
	for _, ex := range texts {
		words = append(words, strings.Fields(ex)...)
	}
	values := []string{"M-AB 1234", "HH AB 123", "ÖHR-X 9E", "Ü Z-12", "AB12 CDE", "AB12CDE", "Kennzeichen", "Auto", "B-", "X 1",
		"Passwort:", "PIN", "geb.", "12.03.2019", "1234", "xM-AB 12", "Code für den Keller 4711"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 6000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			if rng.IntN(3) == 0 {
				b.WriteString(values[rng.IntN(len(values))])
			} else {
				b.WriteString(words[rng.IntN(len(words))])
			}
			b.WriteString([]string{" ", " ", ", ", ": ", "\n", "", "-"}[rng.IntN(7)])
		}
		texts = append(texts, b.String())
	}
	scans, found := 0, 0
	for kind, ps := range labelledKinds {
		for _, p := range ps {
			if p.scan == nil {
				continue
			}
			scans++
			for _, s := range texts {
				for off := 0; off < len(s); off += 1 + len(s)/4 {
					got, want := p.scan.first(p.re.Regexp, s[off:]), p.re.FindStringSubmatchIndex(s[off:])
					if want != nil {
						found++
					}
					if !slices.Equal(got, want) {
						t.Fatalf("%s %v in %q: the scan finds %v, the whole expression %v", kind, p.re.Regexp, s[off:], got, want)
					}
				}
			}
		}
	}
	if scans < 2 || found < 300 {
		t.Errorf("%d scans, %d matches: the comparison proves little", scans, found)
	}
	t.Logf("%d scanned expressions, %d matches compared", scans, found)
}

// TestLexiconSecondWordIndexHidesNoTerm scans the labelled drafts with the lexicon as
// built and with its second-word indexes removed: same matches, same order.
func TestLexiconSecondWordIndexHidesNoTerm(t *testing.T) {
	indexed, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := Default()
	n := 0
	for k := range plain.lex.firsts {
		if f := &plain.lex.firsts[k]; f.bySecond != nil {
			f.bySecond, f.open = nil, nil
			n++
		}
	}
	if n == 0 {
		t.Fatal("no first word is indexed by the next: the comparison proves nothing")
	}
	texts := append(repoTexts(t, "*.jsonl"), exampleTexts(indexed)...)
	found := 0
	for _, s := range texts {
		doc := NewDoc(s, []string{"de", "en"})
		var got, want [][3]int
		indexed.lex.scan(doc, func(int) bool { return true }, func(o, a, b int) { got = append(got, [3]int{o, a, b}) })
		plain.lex.scan(doc, func(int) bool { return true }, func(o, a, b int) { want = append(want, [3]int{o, a, b}) })
		if !slices.Equal(got, want) {
			t.Fatalf("%q: indexed %v, plain %v", s, got, want)
		}
		found += len(want)
	}
	t.Logf("%d first words indexed; %d matches compared on %d drafts", n, found, len(texts))
}

func TestPlainWordsNormaliseToThemselves(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for range 20000 {
		b := make([]byte, 1+rng.IntN(10))
		for i := range b {
			b[i] = "aabeilnorstuzxyq"[rng.IntN(16)]
		}
		w := string(b)
		if !plainWord(w) {
			continue
		}
		toks := text.Prepare(w).Tokens
		if len(toks) != 1 || toks[0].Norm != w {
			t.Fatalf("%q is plain but prepares to %+v", w, toks)
		}
	}
}

// TestContemptPhraseIndexFindsWhatTryingEveryPhraseFinds runs the customer pack's
// contempt validators over the labelled drafts and the examples, once with the index
// by first word and once with an index that offers every phrase at every word.
func TestContemptPhraseIndexFindsWhatTryingEveryPhraseFinds(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(repoTexts(t, "*.jsonl"), exampleTexts(e)...)
	// Stretched letters give tokens a second form (Alt), which the index must offer too:
	// "doooof" is Norm "dof" and Alt "doof".
	stretch := strings.NewReplacer("o", "ooo", "e", "eee", "i", "iii")
	for _, ex := range exampleTexts(e) {
		texts = append(texts, stretch.Replace(ex))
	}
	n := 0
	for _, r := range e.rules {
		if r.Spec.Validator != "customer_contempt" {
			continue
		}
		v, err := parseContempt(r.Spec.Params)
		if err != nil {
			t.Fatal(err)
		}
		every := make([]int32, len(v.contempt))
		for i := range every {
			every[i] = int32(i)
		}
		// Each phrase after a role word, with double letters stretched ("doof" →
		// "doooof", whose Norm is "dof" and whose Alt is "doof").
		role := ""
		for w := range v.roles {
			role = max(role, w)
		}
		drafts := texts
		for _, ph := range v.contempt {
			p := strings.Join(ph, " ")
			for _, c := range "abcdefghijklmnopqrstuvwxyz" {
				p = strings.ReplaceAll(p, string(c)+string(c), strings.Repeat(string(c), 4))
			}
			drafts = append(drafts, "Der "+role+" ist "+p+".", "The "+role+" is "+p+".")
		}
		for _, s := range drafts {
			doc := NewDoc(s, []string{"de", "en"})
			want := v.match(doc)
			plain := *v
			plain.byFirst = map[string][]int32{}
			for _, tok := range doc.Tokens {
				plain.byFirst[tok.Norm], plain.byFirst[tok.Alt] = every, every
			}
			if got := plain.match(doc); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %q: index finds %v, every phrase finds %v", r.Spec.ID, s, want, got)
			}
			n += len(want)
		}
	}
	if n < 20 {
		t.Fatalf("%d contempt hits in the drafts: too few for the comparison to mean much", n)
	}
}

// insultEmoji jumps from one 0xF0 byte to the next: every emoji it looks for must be
// encoded in four bytes.
func TestInsultEmojiAreAllOutsideTheBasicPlane(t *testing.T) {
	for r := range aimedEmoji {
		if utf8.RuneLen(r) != 4 {
			t.Errorf("aimed emoji %U is not four bytes long: insultEmoji would skip it", r)
		}
	}
	if utf8.RuneLen(middleFinger) != 4 {
		t.Errorf("the middle finger %U is not four bytes long", middleFinger)
	}
}
