package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/eval"
	"github.com/postcheck/postcheck/internal/model"
	"github.com/postcheck/postcheck/internal/rules"
)

// modelRow is a dataset line with the GAHD twin link.
type modelRow struct {
	ID     string   `json:"id"`
	Lang   string   `json:"lang"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
	Gold   struct {
		Contrastive string `json:"contrastive"`
	} `json:"gold"`
}

func readModelRows(t *testing.T, path string) []modelRow {
	t.Helper()
	return readJSONL[modelRow](t, path)
}

// predictions holds, per row, which findings the label's categories got.
type predictions struct {
	rules     []bool // a hand-written rule fired (through the whole checker)
	offModel  []bool // tone.model_offensive_de fires (on its own: the checker drops an estimate a rule covers)
	hateModel []bool // hate.model_hate_de fires
}

func predict(t *testing.T, c *check.Checker, e *rules.Engine, rows []modelRow, label string) predictions {
	m, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	off, hate := m.Head("offensive_de"), m.Head("hate_de")
	p := predictions{make([]bool, len(rows)), make([]bool, len(rows)), make([]bool, len(rows))}
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if strings.TrimSpace(rows[i].Text) == "" {
					continue
				}
				for _, f := range toneHateFindings(t, c, rows[i].Text, rows[i].Lang) {
					if (label == "offensive" || f.Category == check.Hate) && !check.IsEstimate(f.RuleID) {
						p.rules[i] = true
					}
				}
				langs := []string{rows[i].Lang}
				p.offModel[i] = rules.ModelRuleFires(e, "tone.model_offensive_de", off, rows[i].Text, langs, 0)
				p.hateModel[i] = rules.ModelRuleFires(e, "hate.model_hate_de", hate, rows[i].Text, langs, 0)
			}
		}()
	}
	for i := range rows {
		next <- i
	}
	close(next)
	wg.Wait()
	return p
}

func confusion(rows []modelRow, label string, pred func(i int) bool) eval.Counts {
	var c eval.Counts
	for i, r := range rows {
		gold, p := slices.Contains(r.Labels, label), pred(i)
		switch {
		case gold && p:
			c.TP++
		case p:
			c.FP++
		case gold:
			c.FN++
		default:
			c.TN++
		}
	}
	return c
}

func describe(c eval.Counts) string {
	s := c.Score("", "")
	return fmt.Sprintf("P %.3f R %.3f macro-F1 %.3f GermEval-F1 %.3f (tp %d fp %d fn %d tn %d)",
		s.Precision, s.Recall, s.MacroF1, s.GermEvalF1, c.TP, c.FP, c.FN, c.TN)
}

// outOfFold reports, per row, whether the model rule fires when the row is scored
// by a head trained, as the shipped one, on the other folds only (5 folds, as the
// training command): the honest estimate for the set the shipped head learnt from.
// The head's words go through the same thresholds, span and context as in the engine.
func outOfFold(e *rules.Engine, rows []modelRow, label, ruleID string, lows ...float64) [][]bool {
	ex := make([]model.Example, len(rows))
	labels := make([]bool, len(rows))
	for i, r := range rows {
		labels[i] = slices.Contains(r.Labels, label)
		ex[i] = model.Example{Text: r.Text, Label: labels[i], Group: model.TwinGroup(r.ID, r.Gold.Contrastive)}
	}
	opt := model.DefaultTrainOptions
	folds := model.Folds(ex, 5)
	heads := model.FoldHeads(model.Vectorise(ex, opt.Bits), labels, folds, 5, opt)
	if len(lows) == 0 {
		lows = []float64{0}
	}
	fires := make([][]bool, len(lows))
	for k := range fires {
		fires[k] = make([]bool, len(rows))
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				for k, low := range lows {
					fires[k][i] = rules.ModelRuleFires(e, ruleID, heads[folds[i]], rows[i].Text, []string{"de"}, low)
				}
			}
		}()
	}
	for i := range rows {
		next <- i
	}
	close(next)
	wg.Wait()
	return fires
}

// TestModelDatasets measures the sets with and without the statistical rules. On
// GermEval 2018 the offensive head was trained on the very set, so its honest figure
// uses out-of-fold scores (5 folds, as the training command); GAHD dev is held out
// from the hate head's training data and is measured directly. Run with -v.
func TestModelDatasets(t *testing.T) {
	if testing.Short() {
		t.Skip("measuring the datasets takes a while; skipped in -short mode")
	}
	if _, err := os.Stat(toneDatasetDir); err != nil {
		t.Skipf("datasets not present (%v); skipping the measurement", err)
	}
	c, e := fullChecker(t)

	ge := readModelRows(t, filepath.Join(toneDatasetDir, "germeval2018-train.jsonl"))
	p := predict(t, c, e, ge, "offensive")
	oof := outOfFold(e, ge, "offensive", "tone.model_offensive_de")[0]
	t.Logf("GermEval 2018 train, offensive, n=%d", len(ge))
	t.Logf("  rules only:                   %s", describe(confusion(ge, "offensive", func(i int) bool { return p.rules[i] })))
	t.Logf("  rules + model, out of fold:   %s", describe(confusion(ge, "offensive", func(i int) bool {
		return p.rules[i] || p.hateModel[i] || oof[i]
	})))
	t.Logf("  model alone (hate head as shipped, offensive head out of fold): %s", describe(confusion(ge, "offensive", func(i int) bool { return p.hateModel[i] || oof[i] })))
	t.Logf("  rules + shipped model (in-sample, optimistic, not a result): %s", describe(confusion(ge, "offensive", func(i int) bool {
		return p.rules[i] || p.hateModel[i] || p.offModel[i]
	})))

	dev := readModelRows(t, filepath.Join(toneDatasetDir, "gahd-dev.jsonl"))
	p = predict(t, c, e, dev, "hate")
	t.Logf("GAHD dev, hate, n=%d (held out from training)", len(dev))
	t.Logf("  rules only:    %s", describe(confusion(dev, "hate", func(i int) bool { return p.rules[i] })))
	t.Logf("  rules + model: %s", describe(confusion(dev, "hate", func(i int) bool { return p.rules[i] || p.hateModel[i] })))
	t.Logf("  model alone:   %s", describe(confusion(dev, "hate", func(i int) bool { return p.hateModel[i] })))

	if os.Getenv("POSTCHECK_MODEL_TRAIN") != "" {
		// The hate head on its own training split, out of fold: where its threshold
		// was chosen.
		tr := readModelRows(t, filepath.Join(toneDatasetDir, "gahd-train.jsonl"))
		p = predict(t, c, e, tr, "hate")
		lows := []float64{0, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8}
		oofs := outOfFold(e, tr, "hate", "hate.model_hate_de", lows...)
		t.Logf("GAHD train, hate, n=%d, out of fold", len(tr))
		t.Logf("  rules only:    %s", describe(confusion(tr, "hate", func(i int) bool { return p.rules[i] })))
		for k, low := range lows {
			t.Logf("  rules + model, low threshold %.2f (0: shipped): %s", low, describe(confusion(tr, "hate", func(i int) bool { return p.rules[i] || oofs[k][i] })))
		}
	}
}

func TestModelFindingsSpeakAsEstimates(t *testing.T) {
	c, _ := fullChecker(t)
	tests := []struct {
		name, text, lang, rule string
		want                   bool
	}{
		{"contempt in words no rule lists gets a tone estimate", "Bei denen zu Hause gibt es sowas halt nicht, die kennen keine Kultur.", "de", "tone.model_offensive_de", true},
		{"a call to send a group home gets a hate estimate beside the rule's", "Muslime gehören nicht zu uns und sollen zurück in ihre Heimat.", "de", "hate.model_hate_de", true},
		{"greeting a group is no estimate", "Unsere muslimischen Kolleginnen und Kollegen feiern heute das Zuckerfest, wir gratulieren!", "de", "", false},
		{"women in leadership are no estimate", "Frauen in Führungspositionen sind bei uns selbstverständlich.", "de", "", false},
		{"an estimate gives way to a rule on the same words", "Du bist so ein Vollidiot, halt einfach deinen Mund.", "de", "", false},
		{"a friendly German post gets none", "Vielen Dank an das ganze Team für die tolle Zusammenarbeit in diesem Jahr!", "de", "", false},
		{"an English post gets none from the German heads", "These parasites should finally disappear, right now.", "en", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := c.Check(context.Background(), check.Draft{Text: tc.text, Language: tc.lang})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, f := range rep.Findings {
				if !check.IsEstimate(f.RuleID) {
					continue
				}
				if tc.rule == "" || f.RuleID != tc.rule {
					t.Errorf("unexpected %s on %q", f.RuleID, tc.text[f.Span.Start:f.Span.End])
					continue
				}
				found = true
				if f.Severity > check.Medium {
					t.Errorf("severity %s above medium", f.Severity)
				}
				if f.Span.End-f.Span.Start >= len(strings.TrimRight(tc.text, ".!")) {
					t.Errorf("the span is the whole draft: %q", tc.text[f.Span.Start:f.Span.End])
				}
				if !strings.Contains(f.Message, "statistische Schätzung") || !strings.Contains(f.Explanation, "Statistische Schätzung: 0.") {
					t.Errorf("the finding does not say it is an estimate: %q / %q", f.Message, f.Explanation)
				}
			}
			if found != tc.want {
				t.Errorf("found %s: %v, want %v", tc.rule, found, tc.want)
			}
		})
	}
}
