// Command postcheck-train trains the statistical tone and hate model from the public
// labelled sets and writes the compact weights file that the checker embeds.
//
//	go run ./cmd/postcheck-train --data ../shared/datasets --out internal/model/weights.bin
//
// It trains two German heads: offensive (GermEval 2018 training set) and hate (GAHD
// training split; the GAHD dev split is left for measurement). Thresholds are chosen
// on out-of-fold predictions of the training data (five folds, GAHD twins in one
// fold): for offensive, the lowest score at which the model alone reaches the
// wanted precision; for hate, the score at which the model alone has its best
// macro-F1 (see model.HeadSpecs).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/postcheck/postcheck/internal/model"
)

type row struct {
	ID     string          `json:"id"`
	Lang   string          `json:"lang"`
	Text   string          `json:"text"`
	Labels []string        `json:"labels"`
	Gold   json.RawMessage `json:"gold"`
}

func main() {
	data := flag.String("data", "../shared/datasets", "folder with the labelled JSONL sets")
	out := flag.String("out", "internal/model/weights.bin", "model file to write")
	folds := flag.Int("folds", 5, "folds for the out-of-fold predictions that choose the thresholds")
	flag.Parse()
	if err := run(*data, *out, *folds); err != nil {
		fmt.Fprintln(os.Stderr, "postcheck-train:", err)
		os.Exit(1)
	}
}

func run(data, out string, k int) error {
	opt := model.DefaultTrainOptions
	m := &model.Model{Bits: opt.Bits}
	for _, spec := range model.HeadSpecs {
		ex, err := load(filepath.Join(data, spec.File), spec.Label)
		if err != nil {
			return err
		}
		feats := model.Vectorise(ex, opt.Bits)
		labels := make([]bool, len(ex))
		for i, e := range ex {
			labels[i] = e.Label
		}
		scores := model.OutOfFold(feats, labels, model.Folds(ex, k), k, opt)
		low, okL := model.ThresholdFor(scores, labels, spec.LowPrecision, spec.MinHits)
		lowRule := fmt.Sprintf("precision ≥ %.2f", spec.LowPrecision)
		if spec.LowBalanced {
			low, okL = model.BalancedThreshold(scores, labels, spec.LowPrecision, spec.MinHits)
			lowRule = fmt.Sprintf("best macro-F1, precision ≥ %.2f", spec.LowPrecision)
		}
		med, okM := model.ThresholdFor(scores, labels, spec.MediumPrecision, spec.MinHits)
		if !okL {
			return fmt.Errorf("%s: no threshold reaches precision %.2f out of fold", spec.Name, spec.LowPrecision)
		}
		if !okM {
			// The model never earns a medium finding; 1.01 is beyond any score.
			med = 1.01
		}
		med = max(med, low)
		fmt.Printf("%s: %d drafts, %d positive; out of fold (%d folds):\n", spec.Name, len(ex), count(labels), k)
		for _, t := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, low, med} {
			c := model.CountAt(scores, labels, t)
			fmt.Printf("  threshold %.3f: %s\n", t, c)
		}
		h := model.Train(spec.Name, feats, labels, nil, opt)
		h.Low, h.Medium = float32(low), float32(med)
		fmt.Printf("  chosen: low %.3f (%s), medium %.3f (precision ≥ %.2f)\n", low, lowRule, med, spec.MediumPrecision)
		m.Heads = append(m.Heads, h)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := m.Write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, _ := os.Stat(out)
	fmt.Printf("wrote %s (%d bytes)\n", out, st.Size())
	return nil
}

func count(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}

// load reads one labelled set; the GAHD twin id becomes the fold group.
func load(path, label string) ([]model.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var ex []model.Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		var gold struct {
			Contrastive string `json:"contrastive"`
		}
		_ = json.Unmarshal(r.Gold, &gold)
		ex = append(ex, model.Example{Text: r.Text, Label: slices.Contains(r.Labels, label), Group: model.TwinGroup(r.ID, gold.Contrastive)})
	}
	return ex, sc.Err()
}
