package model

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/postcheck/postcheck/internal/text"
)

// Head is one trained classifier: a weight per hashed feature and a bias.
type Head struct {
	Name string
	// Low and Medium are the score thresholds for a low and a medium finding,
	// chosen by the training command on out-of-fold predictions.
	Low, Medium float32
	Bias        float32
	Weights     []float32
}

// Model is a set of heads sharing one feature table size.
type Model struct {
	Bits  uint
	Heads []*Head
	// pair holds the weights of the two heads of a two-head model side by side,
	// so that scoring both reads one place of memory per feature; nil otherwise.
	// They are kept as the file's 16-bit steps, half the memory of float32 and so
	// fewer cache misses; q*pairScale[h] is the head's weight bit for bit, the
	// very product Read makes. Read fills it: the weights of a loaded model do not
	// change.
	pair      []int16
	pairScale [2]float32
}

// Head returns the head with the given name, or nil.
func (m *Model) Head(name string) *Head {
	for _, h := range m.Heads {
		if h.Name == name {
			return h
		}
	}
	return nil
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Score is the probability-like score of a head for extracted features.
func (h *Head) Score(feats []Feature) float64 {
	z := float64(h.Bias)
	for _, f := range feats {
		z += float64(h.Weights[f.Index] * f.Value)
	}
	return sigmoid(z)
}

// Scores returns the score of every head of the model, in the order of Heads, in
// one pass over the features. Each equals the head's Score bit for bit: every head
// sums in the same order.
func (m *Model) Scores(feats []Feature) []float64 {
	out := make([]float64, len(m.Heads))
	if !m.paired() {
		for i, h := range m.Heads {
			out[i] = h.Score(feats)
		}
		return out
	}
	z0, z1 := float64(m.Heads[0].Bias), float64(m.Heads[1].Bias)
	w, s0, s1 := m.pair, m.pairScale[0], m.pairScale[1]
	for _, f := range feats {
		ws := w[2*int(f.Index) : 2*int(f.Index)+2]
		w0, w1 := float32(ws[0])*s0, float32(ws[1])*s1
		z0 += float64(w0 * f.Value)
		z1 += float64(w1 * f.Value)
	}
	out[0], out[1] = sigmoid(z0), sigmoid(z1)
	return out
}

// paired reports whether the two heads' weights are side by side in pair.
func (m *Model) paired() bool {
	return len(m.Heads) == 2 && len(m.pair) == 2*len(m.Heads[0].Weights) && len(m.Heads[0].Weights) == len(m.Heads[1].Weights)
}

// featureBufs are scratch feature slices for ScoreDraft, reused across drafts.
var featureBufs sync.Pool

// indexBufs are scratch index slices for ScoreDraft, reused across drafts.
var indexBufs sync.Pool

// ScoreDraft returns the score of every head of the model on a prepared draft, as
// Scores of its Extract, without keeping the features: most drafts need nothing
// but their scores, so the features go to a buffer that the next draft reuses.
func (m *Model) ScoreDraft(p *text.Prepared) []float64 {
	if !m.paired() {
		b, _ := featureBufs.Get().(*[]Feature)
		if b == nil {
			b = new([]Feature)
		}
		defer featureBufs.Put(b)
		*b = extract(p, m.Bits, *b)
		return m.Scores(*b)
	}
	// Only the indices are made; each value is read from the counts as the heads
	// sum, the very products and sums, in the same order, that Scores of Extract makes.
	b, _ := indexBufs.Get().(*[]uint32)
	if b == nil {
		b = new([]uint32)
	}
	defer indexBufs.Put(b)
	var x extraction
	if !x.runIndices(p, m.Bits, *b) {
		return m.Scores(nil)
	}
	*b = x.idx
	inv, n, w, s0, s1 := x.inverses(), *x.counts, m.pair, m.pairScale[0], m.pairScale[1]
	z0, z1 := float64(m.Heads[0].Bias), float64(m.Heads[1].Bias)
	for _, i := range x.idx {
		v := inv.of(n[i])
		ws := w[2*int(i) : 2*int(i)+2]
		w0, w1 := float32(ws[0])*s0, float32(ws[1])*s1
		z0 += float64(w0 * v)
		z1 += float64(w1 * v)
	}
	x.release()
	return []float64{sigmoid(z0), sigmoid(z1)}
}

// Contributions returns each token's share of the score: the weighted features it
// produced, a bigram split between its two words.
func (h *Head) Contributions(feats []Feature, tokens int) []float64 {
	c := make([]float64, tokens)
	for _, f := range feats {
		v := float64(h.Weights[f.Index] * f.Value)
		if f.Span == 2 {
			c[f.Tok] += v / 2
			c[f.Tok+1] += v / 2
			continue
		}
		c[f.Tok] += v
	}
	return c
}

// BestWindow returns the stretch of at most maxLen tokens [i, j) that carries the
// score: the shortest window holding at least four fifths of what the best window
// holds, so that the words around the decisive ones stay out. ok is false when no
// stretch adds to the score.
func BestWindow(contrib []float64, maxLen int) (i, j int, sum float64, ok bool) {
	best := 0.0
	for a := range contrib {
		s := 0.0
		for b := a; b < len(contrib) && b-a < maxLen; b++ {
			s += contrib[b]
			best = max(best, s)
		}
	}
	if best <= 0 {
		return 0, 0, 0, false
	}
	for n := 1; n <= maxLen; n++ {
		for a := 0; a+n <= len(contrib); a++ {
			s := 0.0
			for _, v := range contrib[a : a+n] {
				s += v
			}
			if s >= 0.8*best && (!ok || s > sum) {
				i, j, sum, ok = a, a+n, s, true
			}
		}
		if ok {
			return i, j, sum, ok
		}
	}
	return i, j, sum, ok
}

// file format: "PCM1", version, bits, head count; per head: name length, name,
// low, medium, bias, scale (float32), then 2^bits int16 weights (weight = q*scale).
var magic = []byte("PCM1")

// Write stores the model compactly: weights quantised to 16 bits per head.
func (m *Model) Write(w io.Writer) error {
	var buf bytes.Buffer
	buf.Write(magic)
	buf.WriteByte(Version)
	buf.WriteByte(byte(m.Bits))
	buf.WriteByte(byte(len(m.Heads)))
	for _, h := range m.Heads {
		if len(h.Weights) != 1<<m.Bits {
			return fmt.Errorf("head %s has %d weights, want %d", h.Name, len(h.Weights), 1<<m.Bits)
		}
		buf.WriteByte(byte(len(h.Name)))
		buf.WriteString(h.Name)
		maxAbs := float32(0)
		for _, v := range h.Weights {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
		scale := maxAbs / 32767
		if scale == 0 {
			scale = 1
		}
		for _, v := range []float32{h.Low, h.Medium, h.Bias, scale} {
			binary.Write(&buf, binary.LittleEndian, v)
		}
		q := make([]int16, len(h.Weights))
		for i, v := range h.Weights {
			q[i] = int16(math.Round(float64(v / scale)))
		}
		binary.Write(&buf, binary.LittleEndian, q)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Read loads a model written by Write.
func Read(data []byte) (*Model, error) {
	r := bytes.NewReader(data)
	head := make([]byte, 7)
	if _, err := io.ReadFull(r, head); err != nil || !bytes.Equal(head[:4], magic) {
		return nil, errors.New("model: not a postcheck model file")
	}
	if head[4] != Version {
		return nil, fmt.Errorf("model: file has feature version %d, code has %d: retrain", head[4], Version)
	}
	m := &Model{Bits: uint(head[5])}
	if m.Bits < 10 || m.Bits > 24 {
		return nil, fmt.Errorf("model: implausible table size 2^%d", m.Bits)
	}
	var steps [][]int16
	var scales []float32
	for range int(head[6]) {
		n, err := r.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("model: truncated: %v", err)
		}
		name := make([]byte, n)
		if _, err := io.ReadFull(r, name); err != nil {
			return nil, fmt.Errorf("model: truncated: %v", err)
		}
		var vals [4]float32
		if err := binary.Read(r, binary.LittleEndian, &vals); err != nil {
			return nil, fmt.Errorf("model: truncated: %v", err)
		}
		q := make([]int16, 1<<m.Bits)
		if err := binary.Read(r, binary.LittleEndian, q); err != nil {
			return nil, fmt.Errorf("model: truncated weights of %s: %v", name, err)
		}
		h := &Head{Name: string(name), Low: vals[0], Medium: vals[1], Bias: vals[2], Weights: make([]float32, len(q))}
		for i, v := range q {
			h.Weights[i] = float32(v) * vals[3]
		}
		m.Heads = append(m.Heads, h)
		steps, scales = append(steps, q), append(scales, vals[3])
	}
	if r.Len() != 0 {
		return nil, errors.New("model: trailing bytes")
	}
	if len(m.Heads) == 2 {
		m.pair = make([]int16, 2<<m.Bits)
		for h, q := range steps {
			m.pairScale[h] = scales[h]
			for i, v := range q {
				m.pair[2*i+h] = v
			}
		}
	}
	return m, nil
}

//go:embed weights.bin
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, loaded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Read(embedded) })
	return defaultModel, defaultErr
}

// Result is the verdict of one head on one draft.
type Result struct {
	Score float64
	// Start and End are the byte span in the original text of the words that
	// carried the score; ok is false when no words did.
	Start, End int
	OK         bool
}

// MaxSpanTokens bounds the reported span.
const MaxSpanTokens = 6

// Evaluate scores a prepared draft with a head and finds the words behind the score.
func (h *Head) Evaluate(p *text.Prepared, feats []Feature) Result {
	r := Result{Score: h.Score(feats)}
	r.Start, r.End, r.OK = h.Span(p, feats)
	return r
}

// Span returns the byte span in the original text of the words that carried a
// head's score; ok is false when no words did. It is the costly half of Evaluate,
// which a caller that already knows the score can skip below its threshold.
func (h *Head) Span(p *text.Prepared, feats []Feature) (start, end int, ok bool) {
	if len(p.Tokens) == 0 {
		return 0, 0, false
	}
	i, j, _, ok := BestWindow(h.Contributions(feats, len(p.Tokens)), MaxSpanTokens)
	if !ok {
		return 0, 0, false
	}
	return p.Tokens[i].Start, p.Tokens[j-1].End, true
}
