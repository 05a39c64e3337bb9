package model

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/text"
)

func TestExtractIsDeterministicAndNormalised(t *testing.T) {
	a := Extract(text.Prepare("Du bist ein VOLLIDIOT, @max!"), 18)
	b := Extract(text.Prepare("Du bist ein VOLLIDIOT, @max!"), 18)
	if len(a) == 0 || !slices.Equal(a, b) {
		t.Fatalf("the same text gave different features: %d vs %d", len(a), len(b))
	}
	// Normalisation happens before hashing: case, umlauts and mentions do not matter.
	c := Extract(text.Prepare("du bist ein vollidiot, @anna!"), 18)
	idx := func(fs []Feature) []uint32 {
		var out []uint32
		for _, f := range fs {
			out = append(out, f.Index)
		}
		slices.Sort(out)
		return out
	}
	capsMarker := hashStr(fnvOffset, "\x00caps") & (1<<18 - 1)
	withoutCaps := slices.DeleteFunc(slices.Clone(a), func(f Feature) bool { return f.Index == capsMarker })
	if len(withoutCaps) != len(a)-1 || !slices.Equal(idx(withoutCaps), idx(c)) {
		t.Errorf("case or mention changed the features beyond the capitals marker")
	}
	for _, f := range a {
		if f.Index >= 1<<18 {
			t.Fatalf("index %d outside the table", f.Index)
		}
		if f.Span == 2 && int(f.Tok)+1 >= len(text.Prepare("Du bist ein VOLLIDIOT, @max!").Tokens) {
			t.Fatalf("a bigram points past the last token")
		}
	}
}

func TestExtractOfAWordlessDraftIsEmpty(t *testing.T) {
	if fs := Extract(text.Prepare("!!! ... 🙂"), 18); len(fs) != 0 {
		t.Errorf("got %d features for a draft without words", len(fs))
	}
}

// toy is a tiny synthetic task: posts with "mist" or "doof" are positive.
func toy() ([]Example, []bool) {
	pos := []string{"das ist mist", "so ein mist heute", "du bist doof", "doof und mist", "wie doof ist das", "mist mist mist"}
	neg := []string{"das ist schön", "so ein tag heute", "du bist nett", "nett und schön", "wie schön ist das", "sonne sonne sonne"}
	var ex []Example
	var labels []bool
	for i := range pos {
		ex = append(ex, Example{Text: pos[i], Label: true}, Example{Text: neg[i]})
		labels = append(labels, true, false)
	}
	return ex, labels
}

func TestTrainingIsDeterministicAndLearns(t *testing.T) {
	ex, labels := toy()
	opt := TrainOptions{Bits: 12, Epochs: 30, Rate: 0.5, L2: 1e-4, Seed: 7}
	feats := Vectorise(ex, opt.Bits)
	h1 := Train("toy", feats, labels, nil, opt)
	h2 := Train("toy", feats, labels, nil, opt)
	if h1.Bias != h2.Bias || !slices.Equal(h1.Weights, h2.Weights) {
		t.Fatal("two trainings with the same seed differ")
	}
	score := func(s string) float64 { return h1.Score(Extract(text.Prepare(s), opt.Bits)) }
	if p, n := score("was für ein mist"), score("was für ein schöner tag"); p <= 0.5 || n >= 0.5 {
		t.Errorf("toy model: positive %.2f, negative %.2f", p, n)
	}
	other := Train("toy", feats, labels, nil, TrainOptions{Bits: 12, Epochs: 30, Rate: 0.5, L2: 1e-4, Seed: 8})
	if slices.Equal(other.Weights, h1.Weights) {
		t.Error("the seed has no effect on the order of updates")
	}
}

func TestFoldsKeepTwinsTogether(t *testing.T) {
	ex := []Example{{Group: TwinGroup("gahd-aa", "bb")}, {Group: TwinGroup("gahd-bb", "aa")}, {}, {}, {}}
	f := Folds(ex, 5)
	if f[0] != f[1] {
		t.Errorf("twins in folds %d and %d", f[0], f[1])
	}
	if !slices.Equal(f, Folds(ex, 5)) {
		t.Error("folds are not reproducible")
	}
}

func TestBestWindowPicksTheWordsThatCarryTheScore(t *testing.T) {
	tests := []struct {
		name    string
		contrib []float64
		i, j    int
		ok      bool
	}{
		{"one strong word", []float64{-0.1, 0.05, 2, 0.02, -0.3}, 2, 3, true},
		{"two strong neighbours", []float64{0, 1, 1.2, 0, 0}, 1, 3, true},
		{"nothing positive", []float64{-1, -0.2, 0}, 0, 0, false},
		{"a gap worth bridging", []float64{1, -0.1, 1, 0, 0, 0}, 0, 3, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i, j, _, ok := BestWindow(tc.contrib, MaxSpanTokens)
			if ok != tc.ok || ok && (i != tc.i || j != tc.j) {
				t.Errorf("got [%d,%d) ok=%v, want [%d,%d) ok=%v", i, j, ok, tc.i, tc.j, tc.ok)
			}
		})
	}
}

func TestWriteAndReadRoundTrip(t *testing.T) {
	ex, labels := toy()
	opt := TrainOptions{Bits: 12, Epochs: 10, Rate: 0.5, Seed: 1}
	h := Train("toy", Vectorise(ex, opt.Bits), labels, nil, opt)
	h.Low, h.Medium = 0.6, 0.9
	var buf bytes.Buffer
	if err := (&Model{Bits: opt.Bits, Heads: []*Head{h}}).Write(&buf); err != nil {
		t.Fatal(err)
	}
	m, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	g := m.Head("toy")
	if g == nil || g.Low != 0.6 || g.Medium != 0.9 || g.Bias != h.Bias {
		t.Fatalf("head lost its settings: %+v", g)
	}
	fs := Extract(text.Prepare("so ein mist"), opt.Bits)
	if d := g.Score(fs) - h.Score(fs); d > 0.001 || d < -0.001 {
		t.Errorf("quantisation moved the score by %.4f", d)
	}
}

func TestReadRejectsBrokenFiles(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":       nil,
		"wrong magic": []byte("XXXX\x01\x12\x00"),
		"truncated":   append([]byte("PCM1\x01\x0c\x01\x03toy"), make([]byte, 20)...),
	} {
		if _, err := Read(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestEmbeddedModelScoresObviousCases(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"offensive_de", "hate_de"} {
		h := m.Head(name)
		if h == nil {
			t.Fatalf("no head %s", name)
		}
		if !(0.5 < h.Low && h.Low <= h.Medium) {
			t.Errorf("%s thresholds low %.3f medium %.3f", name, h.Low, h.Medium)
		}
	}
	tests := []struct {
		head, text string
		high       bool
		span       string
	}{
		{"offensive_de", "Was für ein dummes Geschwätz von diesem Schwachkopf, halt einfach dein Maul.", true, ""},
		{"offensive_de", "Wir freuen uns sehr auf das Sommerfest am Samstag mit allen Nachbarn!", false, ""},
		{"offensive_de", "Vielen Dank an das ganze Team für die tolle Zusammenarbeit in diesem Jahr.", false, ""},
		{"hate_de", "Muslime gehören nicht zu uns und sollen zurück in ihre Heimat.", true, "Heimat"},
		{"hate_de", "Die Regierung hat heute ein neues Gesetz zur Rente beschlossen.", false, ""},
		{"hate_de", "Unsere Gäste reisen morgen zurück in ihre Heimat.", false, ""},
	}
	for _, tc := range tests {
		h := m.Head(tc.head)
		p := text.Prepare(tc.text)
		r := h.Evaluate(p, Extract(p, m.Bits))
		if tc.high != (r.Score >= float64(h.Low)) {
			t.Errorf("%s %q: score %.2f, low threshold %.2f", tc.head, tc.text, r.Score, h.Low)
		}
		if tc.high && (!r.OK || r.End-r.Start >= len(tc.text) || !strings.Contains(tc.text[r.Start:r.End], tc.span)) {
			t.Errorf("%s %q: span %q", tc.head, tc.text, tc.text[r.Start:r.End])
		}
	}
}

func BenchmarkScoreTweet(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	s := "@someone Das ist doch wieder typisch, die da oben machen was sie wollen und wir zahlen die Zeche. Unglaublich! #politik"
	for b.Loop() {
		p := text.Prepare(s)
		fs := Extract(p, m.Bits)
		for _, h := range m.Heads {
			h.Evaluate(p, fs)
		}
	}
}

// BenchmarkModelOnly measures feature extraction and both heads, without the text
// preparation the rules share, for a tweet, a long post and an article.
func BenchmarkModelOnly(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	const tweet = "@someone Das ist doch wieder typisch, die da oben machen was sie wollen und wir zahlen die Zeche. Unglaublich! #politik "
	for _, n := range []int{280, 1500, 20000} {
		s := strings.Repeat(tweet, n/len(tweet)+1)[:n]
		p := text.Prepare(s)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				fs := Extract(p, m.Bits)
				for _, h := range m.Heads {
					h.Evaluate(p, fs)
				}
			}
		})
	}
}

func TestGroupWordsBecomeOnePlaceholder(t *testing.T) {
	a := Extract(text.Prepare("Die Türken im Viertel"), 18)
	b := Extract(text.Prepare("Die Muslime im Viertel"), 18)
	c := Extract(text.Prepare("Die Nachbarn im Viertel"), 18)
	if !slices.Equal(a, b) {
		t.Error("two group words gave different features")
	}
	if slices.Equal(a, c) {
		t.Error("an ordinary word was taken for a group")
	}
	for _, w := range []string{"roman", "rinder", "polizei", "transport"} {
		if isGroupWord(w) {
			t.Errorf("%q taken for a group word", w)
		}
	}
}

func TestBalancedThresholdTradesPrecisionForMacroF1(t *testing.T) {
	// Ten drafts by falling score; five are positive. Precision 1 holds only for the
	// top two; macro-F1 peaks at 0.6, where four of five positives are found with
	// one false alarm.
	scores := []float64{0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1}
	labels := []bool{true, true, false, true, true, false, false, true, false, false}
	tests := []struct {
		name         string
		minPrecision float64
		minHits      int
		want         float64
		ok           bool
	}{
		{"without a floor the best macro-F1 wins", 0, 1, 0.6, true},
		{"a precision floor above the balanced point raises the threshold", 0.9, 1, 0.9, true},
		{"too few hits at the required precision give no threshold", 0.9, 3, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := BalancedThreshold(scores, labels, tc.minPrecision, tc.minHits)
			if ok != tc.ok || ok && got != tc.want {
				t.Errorf("got %.2f ok=%v, want %.2f ok=%v", got, ok, tc.want, tc.ok)
			}
		})
	}
	precise, _ := ThresholdFor(scores, labels, 0.85, 1)
	if balanced, _ := BalancedThreshold(scores, labels, 0, 1); balanced >= precise {
		t.Errorf("the balanced threshold %.2f is not below the precision-0.85 one %.2f", balanced, precise)
	}
}

func TestAPairWithTheNamedGroupReachesAcrossTheDraft(t *testing.T) {
	near := Extract(text.Prepare("Flüchtlinge sind Schmarotzer"), 18)
	far := Extract(text.Prepare("Die Flüchtlinge, die jeden Tag hier ankommen, sind alle Schmarotzer"), 18)
	none := Extract(text.Prepare("Die Nachbarn, die jeden Tag hier ankommen, sind alle Schmarotzer"), 18)
	pair := hashStr(hashByte(fnvOffset, 'g'), "schmarotzer") & (1<<18 - 1)
	has := func(fs []Feature) bool {
		return slices.ContainsFunc(fs, func(f Feature) bool { return f.Index == pair })
	}
	if !has(near) || !has(far) {
		t.Error("the word said about a named group is not paired with it")
	}
	if has(none) {
		t.Error("a pairing appeared in a draft that names no group")
	}
}

func TestARepeatedWordCountsOnce(t *testing.T) {
	once := Extract(text.Prepare("Schmarotzer"), 18)
	thrice := Extract(text.Prepare("Schmarotzer Schmarotzer Schmarotzer"), 18)
	sum := func(fs []Feature, idx uint32) (s float32) {
		for _, f := range fs {
			if f.Index == idx {
				s += f.Value
			}
		}
		return s
	}
	w := hashStr(hashByte(fnvOffset, 'w'), "schmarotzer") & (1<<18 - 1)
	if a, b := sum(once, w), sum(thrice, w); a == 0 || math.Abs(float64(a-b)) > 1e-6 {
		t.Errorf("the word weighs %.4f once and %.4f thrice", a, b)
	}
}
