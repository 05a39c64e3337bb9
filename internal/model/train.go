package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/postcheck/postcheck/internal/text"
)

// Example is one labelled training draft.
type Example struct {
	Text  string
	Label bool
	// Group keeps related drafts (a text and its minimally edited twin) in the same
	// fold when predictions are made out of fold.
	Group string
}

// TrainOptions tune logistic regression with AdaGrad.
type TrainOptions struct {
	Bits   uint
	Epochs int
	Rate   float64 // AdaGrad base learning rate
	L2     float64 // L2 penalty per update on the touched weights
	Seed   uint64
	// PosWeight scales the loss of positive examples (1 when zero).
	PosWeight float64
}

// DefaultTrainOptions are the settings the shipped weights are trained with.
var DefaultTrainOptions = TrainOptions{Bits: 18, Epochs: 12, Rate: 0.2, L2: 1e-4, Seed: 2018}

// Vectorise extracts the features of every example once.
func Vectorise(ex []Example, bits uint) [][]Feature {
	out := make([][]Feature, len(ex))
	for i, e := range ex {
		out[i] = Extract(text.Prepare(e.Text), bits)
	}
	return out
}

// Train fits one head on the examples whose index is listed (all when idx is nil).
// It is deterministic: the same data, order and options give the same weights.
func Train(name string, feats [][]Feature, labels []bool, idx []int, opt TrainOptions) *Head {
	if idx == nil {
		idx = make([]int, len(feats))
		for i := range idx {
			idx[i] = i
		}
	}
	order := append([]int(nil), idx...)
	dim := 1 << opt.Bits
	w := make([]float64, dim)
	g2 := make([]float64, dim)
	var b, gb float64
	posW := opt.PosWeight
	if posW == 0 {
		posW = 1
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	for range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			z := b
			for _, f := range feats[k] {
				z += w[f.Index] * float64(f.Value)
			}
			y, cw := 0.0, 1.0
			if labels[k] {
				y, cw = 1, posW
			}
			g := (sigmoid(z) - y) * cw
			for _, f := range feats[k] {
				gi := g*float64(f.Value) + opt.L2*w[f.Index]
				g2[f.Index] += gi * gi
				w[f.Index] -= opt.Rate * gi / math.Sqrt(g2[f.Index]+1e-8)
			}
			gb += g * g
			b -= opt.Rate * g / math.Sqrt(gb+1e-8)
		}
	}
	h := &Head{Name: name, Bias: float32(b), Weights: make([]float32, dim)}
	for i, v := range w {
		h.Weights[i] = float32(v)
	}
	return h
}

// Folds assigns each example to one of k folds by a hash of its group (or its
// index when it has none), so twins stay together and the split is reproducible.
func Folds(ex []Example, k int) []int {
	out := make([]int, len(ex))
	for i, e := range ex {
		key := e.Group
		if key == "" {
			out[i] = i % k
			continue
		}
		out[i] = int(hashStr(fnvOffset, key) % uint32(k))
	}
	return out
}

// OutOfFold trains k heads, each without one fold, and returns every example's
// score from the head that did not see it.
func OutOfFold(feats [][]Feature, labels []bool, folds []int, k int, opt TrainOptions) []float64 {
	heads := FoldHeads(feats, labels, folds, k, opt)
	scores := make([]float64, len(feats))
	for i, f := range folds {
		scores[i] = heads[f].Score(feats[i])
	}
	return scores
}

// FoldHeads trains k heads; head f has not seen the examples of fold f.
func FoldHeads(feats [][]Feature, labels []bool, folds []int, k int, opt TrainOptions) []*Head {
	heads := make([]*Head, k)
	for f := range k {
		var train []int
		for i, fi := range folds {
			if fi != f {
				train = append(train, i)
			}
		}
		heads[f] = Train(fmt.Sprintf("fold%d", f), feats, labels, train, opt)
	}
	return heads
}

// BalancedThreshold returns the score threshold at which the predictions above it
// give the best macro-F1 (the mean F1 of both classes), among thresholds with at
// least minHits predictions and a precision of at least minPrecision; ok is false
// when no threshold qualifies. Macro-F1 peaks near the balanced point, far below
// the threshold a high precision needs, which trades most of the recall away.
func BalancedThreshold(scores []float64, labels []bool, minPrecision float64, minHits int) (float64, bool) {
	idx := make([]int, len(scores))
	pos := 0
	for i := range idx {
		idx[i] = i
		if labels[i] {
			pos++
		}
	}
	sort.Slice(idx, func(a, b int) bool { return scores[idx[a]] > scores[idx[b]] })
	tp, best, bestF, ok := 0, 1.0, -1.0, false
	for n, i := range idx {
		if labels[i] {
			tp++
		}
		if n+1 < len(idx) && scores[idx[n+1]] == scores[i] {
			continue
		}
		hits := n + 1
		if hits < minHits || float64(tp)/float64(hits) < minPrecision {
			continue
		}
		c := Confusion{TP: tp, FP: hits - tp, FN: pos - tp, TN: len(idx) - hits - (pos - tp)}
		if f := c.MacroF1(); f > bestF {
			best, bestF, ok = scores[i], f, true
		}
	}
	return best, ok
}

// ThresholdFor returns the lowest score threshold at which the predictions above it
// reach the wanted precision, considering only thresholds with at least minHits
// predictions; ok is false when no threshold does.
func ThresholdFor(scores []float64, labels []bool, precision float64, minHits int) (float64, bool) {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return scores[idx[a]] > scores[idx[b]] })
	tp, best, ok := 0, 1.0, false
	for n, i := range idx {
		if labels[i] {
			tp++
		}
		// Only cut between distinct scores.
		if n+1 < len(idx) && scores[idx[n+1]] == scores[i] {
			continue
		}
		if n+1 >= minHits && float64(tp)/float64(n+1) >= precision {
			best, ok = scores[i], true
		}
	}
	return best, ok
}
