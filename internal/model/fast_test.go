package model

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/corpus"

	"github.com/postcheck/postcheck/internal/text"
)

// identityTexts are the labelled drafts of the repository and a few made to reach
// the edges of the extraction: long words, other scripts, broken UTF-8, groups.
func identityTexts(t *testing.T) []string {
	texts := []string{
		"", "!!! ... 🙂", "a", "ab", "Du bist ein VOLLIDIOT, @max!",
		"Die Türken im Viertel sind alle Schmarotzer und die Flüchtlinge auch",
		"https://example.com/" + strings.Repeat("abcdefghij", 20) + " ok",
		strings.Repeat("ü", 60) + " " + strings.Repeat("日本語", 30) + " " + strings.Repeat("😀", 50),
		"bad \xff\xfe bytes \xc3 here " + strings.Repeat("x\xe2\x82", 40),
		"#HashtagChainsAreLong #UndNochEiner 12345 @user_1 RT",
		strings.Repeat("Die Muslime und die Frauen sagen das. ", 200),
	}
	texts = append(texts, corpus.Texts(t, "*.jsonl")...)
	return texts
}

func TestFastExtractionIsBitIdentical(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := identityTexts(t)
	if len(texts) < 100 {
		t.Fatalf("only %d texts: the comparison proves little", len(texts))
	}
	for _, s := range texts {
		p := text.Prepare(s)
		got, want := Extract(p, m.Bits), referenceExtract(p, m.Bits)
		if len(got) != len(want) {
			t.Fatalf("%q: %d features, reference %d", s, len(got), len(want))
		}
		for k := range got {
			g, w := got[k], want[k]
			if g.Index != w.Index || g.Tok != w.Tok || g.Span != w.Span || math.Float32bits(g.Value) != math.Float32bits(w.Value) {
				t.Fatalf("%q feature %d: %+v, reference %+v", s, k, g, w)
			}
		}
		scores := m.Scores(got)
		if again := m.ScoreDraft(p); len(again) != len(scores) || math.Float64bits(again[0]) != math.Float64bits(scores[0]) ||
			math.Float64bits(again[len(again)-1]) != math.Float64bits(scores[len(scores)-1]) {
			t.Fatalf("%q: ScoreDraft %v, Scores of Extract %v", s, again, scores)
		}
		for i, h := range m.Heads {
			r, ref := h.Evaluate(p, got), referenceEvaluate(h, p, want)
			if math.Float64bits(scores[i]) != math.Float64bits(ref.Score) || r != ref {
				t.Fatalf("%q head %s: %+v and %v, reference %+v", s, h.Name, r, scores[i], ref)
			}
		}
	}
}

// referenceEvaluate is Evaluate as it was: each head its own pass over the
// features for the score. The span has no fast path, so it is the package's own.
func referenceEvaluate(h *Head, p *text.Prepared, feats []Feature) Result {
	z := float64(h.Bias)
	for _, f := range feats {
		z += float64(h.Weights[f.Index] * f.Value)
	}
	r := Result{Score: sigmoid(z)}
	r.Start, r.End, r.OK = h.Span(p, feats)
	return r
}

func TestGroupWordLookupAgreesWithTheLists(t *testing.T) {
	slow := func(w string) bool {
		if groupWords[w] {
			return true
		}
		for _, p := range groupPrefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
		return false
	}
	words := []string{"", "i", "inder", "inderin", "rinder", "roma", "roman", "frau", "frauen", "trans", "transport", "transfrau", "mann", "manne", "juedin", "jude", "jud"}
	for w := range groupWords {
		words = append(words, w, w+"x", w[:len(w)-1])
	}
	for _, p := range groupPrefixes {
		words = append(words, p, p+"en", p[:len(p)-1])
	}
	for _, w := range words {
		if isGroupWord(w) != slow(w) {
			t.Errorf("%q: lookup says %v, the lists %v", w, isGroupWord(w), slow(w))
		}
	}
}

// BenchmarkScoreDraft scores the labelled drafts of the repository joined into
// posts of about 1,500 bytes, prepared beforehand.
func BenchmarkScoreDraft(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var posts []*text.Prepared
	var cur strings.Builder
	for _, s := range identityTexts(&testing.T{}) {
		cur.WriteString(s)
		cur.WriteString("\n")
		if cur.Len() >= 1500 {
			posts = append(posts, text.Prepare(cur.String()))
			cur.Reset()
		}
	}
	b.ResetTimer()
	k := 0
	for b.Loop() {
		m.ScoreDraft(posts[k%len(posts)])
		k++
	}
}

// TestPairedWeightsAreTheHeadsWeights checks that the 16-bit steps scoring reads give
// every head's weight bit for bit.
func TestPairedWeightsAreTheHeadsWeights(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !m.paired() {
		t.Fatal("the embedded model has no paired weights: scoring takes the slow path")
	}
	for h, head := range m.Heads {
		for i, w := range head.Weights {
			if got := float32(m.pair[2*i+h]) * m.pairScale[h]; math.Float32bits(got) != math.Float32bits(w) {
				t.Fatalf("head %s weight %d: paired %v, head %v", head.Name, i, got, w)
			}
		}
	}
}

// generatedDrafts are drafts made from a small vocabulary, so that words, pairs
// and n-grams repeat as in long posts, with the edges of the extraction: group
// words beyond the cap on pairings, capitals, mentions, numbers, long words,
// other scripts, empty and wordless drafts, and a feature repeated more than a
// uint16 counts.
func generatedDrafts() []string {
	vocab := []string{
		"die", "der", "und", "ist", "nicht", "Idiot", "VOLLIDIOT", "Flüchtlinge", "Muslime", "Frauen",
		"schön", "Grüße", "@anna", "12345", "#Hashtag", "Schmarotzer", "ärgerlich", "straße", "the", "and",
		"you", "are", "great", "Ünïcödé", "日本語", "😀", "x\xe2\x82", "https://example.com/a/b?c=d",
		strings.Repeat("lang", 15), "Team", "Kunden", "danke", "Mist", "so", "ein",
	}
	r := rand.New(rand.NewPCG(7, 8))
	drafts := []string{"", " ", "!!! ... 🙂", "\n\n", "12 34 56", "@a @b @c"}
	for _, n := range []int{1, 2, 3, 10, 50, 250, 1000, 5000} {
		for range 4 {
			var b strings.Builder
			for k := range n {
				if k > 0 {
					b.WriteString([]string{" ", ", ", ". ", "\n", " - "}[r.IntN(5)])
				}
				b.WriteString(vocab[r.IntN(len(vocab))])
			}
			drafts = append(drafts, b.String())
		}
	}
	// "a" alone 70,000 times: its word, its pair with itself and its n-grams
	// occur more often than a uint16 counts.
	drafts = append(drafts, strings.Repeat("a ", 70000), strings.Repeat("Die Muslime ", 600))
	return drafts
}

// TestScoreDraftMatchesTheReference compares the scores of every draft, bit for
// bit, with the heads' scores of the reference extraction, and the features with
// it; each draft is scored twice, so that a table left dirty by one draft would
// show in the next.
func TestScoreDraftMatchesTheReference(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	drafts := append(generatedDrafts(), identityTexts(t)...)
	for round := range 2 {
		for _, s := range drafts {
			p := text.Prepare(s)
			got, want := m.ScoreDraft(p), m.Scores(referenceExtract(p, m.Bits))
			if len(got) != len(want) {
				t.Fatalf("%.60q: %d scores, the reference %d", s, len(got), len(want))
			}
			for h := range got {
				if math.Float64bits(got[h]) != math.Float64bits(want[h]) {
					t.Fatalf("round %d, %.60q head %d: %v, the reference %v", round, s, h, got[h], want[h])
				}
			}
			if round > 0 {
				continue
			}
			fs, ref := Extract(p, m.Bits), referenceExtract(p, m.Bits)
			if len(fs) != len(ref) {
				t.Fatalf("%.60q: %d features, reference %d", s, len(fs), len(ref))
			}
			for k := range fs {
				if fs[k] != ref[k] {
					t.Fatalf("%.60q feature %d: %+v, reference %+v", s, k, fs[k], ref[k])
				}
			}
		}
	}
}

// TestGeneratedDraftsReachTheEdges checks that the generated drafts hold what
// they are there for: a feature counted past the largest uint16, and an empty draft.
func TestGeneratedDraftsReachTheEdges(t *testing.T) {
	counted, empty := false, false
	for _, s := range generatedDrafts() {
		fs := Extract(text.Prepare(s), 18)
		if len(fs) == 0 {
			empty = true
		}
		n := map[uint32]int{}
		for _, f := range fs {
			n[f.Index]++
		}
		for _, c := range n {
			counted = counted || c > math.MaxUint16
		}
	}
	if !counted || !empty {
		t.Fatalf("a feature past 65,535 occurrences: %v; an empty draft: %v", counted, empty)
	}
}
