package model

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.jsonl"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var row struct{ Text string }
			if json.Unmarshal([]byte(line), &row) == nil {
				texts = append(texts, row.Text)
			}
		}
	}
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

// referenceEvaluate is Evaluate as it was: each head its own pass, the span always.
func referenceEvaluate(h *Head, p *text.Prepared, feats []Feature) Result {
	z := float64(h.Bias)
	for _, f := range feats {
		z += float64(h.Weights[f.Index] * f.Value)
	}
	r := Result{Score: sigmoid(z)}
	if len(p.Tokens) == 0 {
		return r
	}
	c := make([]float64, len(p.Tokens))
	for _, f := range feats {
		v := float64(h.Weights[f.Index] * f.Value)
		if f.Span == 2 {
			c[f.Tok] += v / 2
			c[f.Tok+1] += v / 2
			continue
		}
		c[f.Tok] += v
	}
	i, j, _, ok := BestWindow(c, MaxSpanTokens)
	if ok {
		r.Start, r.End, r.OK = p.Tokens[i].Start, p.Tokens[j-1].End, true
	}
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
