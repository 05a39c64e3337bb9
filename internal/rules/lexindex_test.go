package rules

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/text"
)

// ruleLexicons returns every word list the rules of e scan: the engine's terms, both
// sides of the near rules, and the groups, predicates, endings and verdicts of the
// hate and tone group rules.
func ruleLexicons(t testing.TB, e *Engine) []*lexicon {
	t.Helper()
	out := []*lexicon{e.lex}
	for _, r := range e.rules {
		if m, ok := r.matcher.(*nearMatcher); ok {
			for _, side := range []*sideMatcher{m.a, m.b} {
				if side.lex != nil {
					out = append(out, side.lex)
				}
			}
		}
		switch r.Spec.Validator {
		case "hate_group", "tone_group":
			g, err := buildGroupPredicate(r.Spec.Params)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, g.groups, g.preds)
			if g.final != nil {
				out = append(out, g.final)
			}
		case "hate_presence":
			pr, err := buildPresence(r.Spec.Params)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, pr.groups.groups, pr.bad, pr.good)
		}
	}
	return out
}

// lexiconDrafts are the labelled drafts, the rule examples, and examples run together
// with stray words, masks, stretched letters, hashtags and user names between them.
func lexiconDrafts(t *testing.T, e *Engine) []string {
	texts := append(repoTexts(t, "*.jsonl"), exampleTexts(e)...)
	odd := []string{"f*ck", "sch***e", "idiooot", "#DummeLeute", "@KotzenderStern", "Vollidiot", "i d i o t", "Hurensohn"}
	seps := []string{" ", " ", ", ", "! ", "\n", "\n\n", "-", " „"}
	texts = append(texts, runTogether(e, rand.New(rand.NewPCG(3, 5)), 6000, 8, odd, seps)...)
	// Drafts of stretched words, whose second forms fill the token index beyond its
	// first size.
	for k := 1; k <= 60; k += 3 {
		texts = append(texts, strings.Repeat("Idiooot suuuper ", k), strings.Repeat("f*ck Heeeyyy @jooo ", k)+"Du Vollidiooot")
	}
	return texts
}

// TestIndexedLexiconScanFindsWhatTheTokenScanFinds compares the scan that looks a
// list's first words up in the draft's token index with the scan of every token, for
// every word list of the rules, on the labelled drafts, the examples and generated
// drafts; and the matches shared between rules with those of a fresh scan.
func TestIndexedLexiconScanFindsWhatTheTokenScanFinds(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	lexes := ruleLexicons(t, e)
	if len(lexes) < 20 {
		t.Fatalf("only %d word lists found: the comparison proves little", len(lexes))
	}
	single := make([]bool, len(lexes))
	for k, lx := range lexes {
		single[k] = lx.scanAllOwners()
	}
	found, indexed := 0, 0
	for _, s := range lexiconDrafts(t, e) {
		doc := NewDoc(s, []string{"de", "en"})
		for k, lx := range lexes {
			// Owners alternate in and out, so that want is honoured both ways.
			want := func(o int) bool { return o%3 != 1 }
			var got, plain [][3]int
			lx.scan(doc, want, func(o, a, b int) { got = append(got, [3]int{o, a, b}) })
			lx.scanSeq(doc, doc.Tokens, nil, 0, want, func(o, a, b int) { plain = append(plain, [3]int{o, a, b}) })
			if doc.Variant != nil {
				lx.scanSeq(doc, doc.Variant, nil, 0, want, func(o, a, b int) { plain = append(plain, [3]int{o, a, b}) })
			}
			if !slices.Equal(got, plain) {
				t.Fatalf("list %d on %q: indexed %v, token by token %v", k, s, got, plain)
			}
			found += len(plain)
			if !lx.compound() && len(lx.firstHashes) <= doc.tokenIndex().n {
				indexed++
			}
			var spans []span
			for _, m := range plain {
				if m[0]%3 != 1 {
					spans = append(spans, span{m[1], m[2]})
				}
			}
			if single[k] {
				if shared := doc.lexiconSpans(lx); !slices.Equal(shared, spans) {
					t.Fatalf("list %d on %q: shared %v, scanned %v", k, s, shared, spans)
				}
			}
		}
	}
	if found < 1000 || indexed < 1000 {
		t.Fatalf("%d matches, %d indexed scans: the comparison proves little", found, indexed)
	}
}

// scanAllOwners reports a list of one owner (0), whose matches lexiconSpans and a scan
// wanting owner 0 both report.
func (lx *lexicon) scanAllOwners() bool {
	for _, f := range lx.firsts {
		for _, e := range f.entries {
			if e.owner != 0 {
				return false
			}
		}
	}
	return true
}

// TestWordTablesFindWhatAMapFinds looks every token of the drafts, and every beginning
// and ending of it, up in the word tables of every rule's word list and in a Go map of
// the same words.
func TestWordTablesFindWhatAMapFinds(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type tables struct {
		first, prefix, suffix map[string]int
	}
	asMap := func(wt *wordTable) map[string]int {
		m := map[string]int{}
		for k, w := range wt.words {
			m[w] = k
		}
		return m
	}
	lexes := ruleLexicons(t, e)
	maps := make([]tables, len(lexes))
	for k, lx := range lexes {
		maps[k] = tables{asMap(&lx.first), asMap(&lx.prefix), asMap(&lx.suffix)}
	}
	lookup := func(m map[string]int, w string) int {
		if k, ok := m[w]; ok {
			return k
		}
		return -1
	}
	found := 0
	for _, s := range lexiconDrafts(t, e)[:4000] {
		doc := NewDoc(s, []string{"de", "en"})
		for _, tok := range append(slices.Clone(doc.Tokens), doc.Variant...) {
			for k, lx := range lexes {
				for _, w := range []string{tok.Norm, tok.Alt} {
					if got, want := lx.first.find(w, text.WordHash(w)), lookup(maps[k].first, w); got != want {
						t.Fatalf("list %d, first word %q: table %d, map %d", k, w, got, want)
					} else if got >= 0 {
						found++
					}
				}
				if !lx.compound() {
					continue
				}
				n := tok.Norm
				for l := 1; l <= len(n); l++ {
					if got, want := lx.prefix.find(n[:l], text.WordHash(n[:l])), lookup(maps[k].prefix, n[:l]); got != want {
						t.Fatalf("list %d, head %q: table %d, map %d", k, n[:l], got, want)
					}
					end := n[len(n)-l:]
					if got, want := lx.suffix.find(end, suffixHash(end)), lookup(maps[k].suffix, end); got != want {
						t.Fatalf("list %d, tail %q: table %d, map %d", k, end, got, want)
					} else if got >= 0 {
						found++
					}
				}
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d words found: the comparison proves little", found)
	}
}

// TestNearRulesAskingTheCheaperSideFirstFindWhatBothSidesFind compares every near
// rule with matching both of its sides in their written order, on the labelled drafts,
// the examples and generated drafts.
func TestNearRulesAskingTheCheaperSideFirstFindWhatBothSidesFind(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var nears []*nearMatcher
	swapped := 0
	for _, r := range e.rules {
		if m, ok := r.matcher.(*nearMatcher); ok {
			nears = append(nears, m)
			if m.b.cost() < m.a.cost() {
				swapped++
			}
		}
	}
	if len(nears) < 5 || swapped == 0 {
		t.Fatalf("%d near rules, %d asking B first: the comparison proves little", len(nears), swapped)
	}
	found := 0
	for _, s := range lexiconDrafts(t, e) {
		doc := NewDoc(s, []string{"de", "en"})
		for k, m := range nears {
			var want []Hit
			if as, bs := m.a.match(doc), m.b.match(doc); len(as) > 0 && len(bs) > 0 {
				want = m.pair(doc, as, bs)
			}
			if got := m.match(doc); !reflect.DeepEqual(got, want) {
				t.Fatalf("near rule %d on %q: %v, both sides %v", k, s, got, want)
			}
			found += len(want)
		}
	}
	if found < 100 {
		t.Fatalf("only %d near hits: the comparison proves little", found)
	}
}

// BenchmarkLexiconScans scans every rule's word list, as a check does, over the
// labelled drafts, the token index of each draft included.
func BenchmarkLexiconScans(b *testing.B) {
	e, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	lexes := ruleLexicons(b, e)
	var prepared []*text.Prepared
	for _, s := range repoTexts(b, "*.jsonl") {
		prepared = append(prepared, text.Prepare(s))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range prepared {
			doc := &Doc{Prepared: p, Langs: []string{"de", "en"}}
			for _, lx := range lexes {
				lx.scan(doc, func(int) bool { return true }, func(int, int, int) {})
			}
		}
	}
}

// TestTokenIndexFindsEveryTokenOfAWord compares the positions the token index marks
// for each word and second form of a draft with those found by going through the
// tokens.
func TestTokenIndexFindsEveryTokenOfAWord(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	grown := 0
	for _, s := range lexiconDrafts(t, e) {
		doc := NewDoc(s, []string{"de", "en"})
		x := doc.tokenIndex()
		seqs := [][]text.Token{doc.Tokens, doc.Variant}
		first := 16
		for first < x.n+x.n/2 {
			first <<= 1
		}
		if len(x.slots) > first {
			grown++
		}
		for _, seq := range seqs {
			for _, tok := range seq {
				for _, w := range []string{tok.Norm, tok.Alt} {
					if w == "" {
						continue
					}
					h := text.WordHash(w)
					got := make([]uint64, (x.n+63)/64+1)
					want := make([]uint64, len(got))
					x.mark(h, got)
					var masked []int32
					for si, sq := range seqs {
						for i, u := range sq {
							p := i + si*x.n0
							if u.Mention {
								continue
							}
							if u.Hash == h || u.Alt != "" && text.WordHash(u.Alt) == h {
								want[p>>6] |= 1 << (p & 63)
							}
							if u.Masked {
								masked = append(masked, int32(p))
							}
							if a := x.alt(p); a != 0 && u.Alt == "" || u.Alt != "" && a != text.WordHash(u.Alt) {
								t.Fatalf("%q: second-form hash of position %d is %d", s, p, a)
							}
						}
					}
					if !slices.Equal(got, want) {
						t.Fatalf("%q, %q: index marks %x, tokens %x", s, w, got, want)
					}
					if !slices.Equal(x.masked, masked) {
						t.Fatalf("%q: masked positions %v, want %v", s, x.masked, masked)
					}
				}
			}
		}
	}
	if grown == 0 {
		t.Fatal("no index grew beyond its first size: the growth is untested")
	}
}
