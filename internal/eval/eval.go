// Package eval measures the checker on labelled drafts: precision, recall, F1,
// macro-F1 and GermEval's macro-F1 per label and per language.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/postcheck/postcheck/internal/check"
)

// Item is one labelled draft, in the format of the shared datasets. Our own
// corpora may add Max to a harmless draft: the highest severity its text deserves
// ("low" for mild swearing about a thing, a cheerful "!!!"); findings up to it are
// no false alarm there.
type Item struct {
	ID     any      `json:"id"`
	Lang   string   `json:"lang"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
	Max    string   `json:"max,omitempty"`
}

// Predicts maps each label to the categories whose findings predict it.
var Predicts = map[string][]check.Category{
	"offensive": {check.Tone, check.Hate},
	"hate":      {check.Hate},
	"tone":      {check.Tone},
	"children":  {check.Children},
	"customer":  {check.Customer},
	"privacy":   {check.Privacy},
}

// Read parses labelled JSONL. Blank lines are skipped; a broken line is an error
// naming its line number.
func Read(r io.Reader) ([]Item, error) {
	var items []Item
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(trim(line)) > 0 {
			var it Item
			if jerr := json.Unmarshal(line, &it); jerr != nil {
				return nil, fmt.Errorf("line %d: %v", n, jerr)
			}
			if it.Max != "" {
				if _, serr := check.ParseSeverity(it.Max); serr != nil {
					return nil, fmt.Errorf("line %d: max: %v", n, serr)
				}
				if len(it.Labels) > 0 {
					return nil, fmt.Errorf("line %d: max is for harmless drafts, which carry no label", n)
				}
			}
			items = append(items, it)
		}
		if err == io.EOF {
			return items, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func trim(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}

// Counts is a confusion matrix for one label.
type Counts struct {
	TP, FP, FN, TN int
}

// Scores are the figures derived from Counts.
type Scores struct {
	Label          string  `json:"label"`
	Lang           string  `json:"lang"`
	N              int     `json:"n"`
	Positives      int     `json:"positives"`
	TP             int     `json:"tp"`
	FP             int     `json:"fp"`
	FN             int     `json:"fn"`
	TN             int     `json:"tn"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	MacroF1        float64 `json:"macroF1"`
	GermEvalF1     float64 `json:"germevalMacroF1"`
	FalseAlarmRate float64 `json:"falseAlarmRate"`
}

func div(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func f1(p, r float64) float64 { return div(2*p*r, p+r) }

// Score computes the figures of a confusion matrix.
func (c Counts) Score(label, lang string) Scores {
	tp, fp, fn, tn := float64(c.TP), float64(c.FP), float64(c.FN), float64(c.TN)
	p, r := div(tp, tp+fp), div(tp, tp+fn)
	np, nr := div(tn, tn+fn), div(tn, tn+fp) // the negative class
	mp, mr := (p+np)/2, (r+nr)/2
	return Scores{Label: label, Lang: lang, N: c.TP + c.FP + c.FN + c.TN, Positives: c.TP + c.FN,
		TP: c.TP, FP: c.FP, FN: c.FN, TN: c.TN, Precision: round(p), Recall: round(r), F1: round(f1(p, r)),
		MacroF1: round((f1(p, r) + f1(np, nr)) / 2), GermEvalF1: round(f1(mp, mr)), FalseAlarmRate: round(div(fp, fp+tn))}
}

func round(f float64) float64 { return math.Round(f*10000) / 10000 }

// Outcome is the prediction for one item and label.
type Outcome struct {
	Item      Item
	Label     string
	Gold      bool
	Predicted bool
	RuleIDs   []string
}

// Result holds the scores and the wrong predictions.
type Result struct {
	Scores []Scores
	Wrong  []Outcome
	Errors int
}

// Options tune a run.
type Options struct {
	Labels      []string // labels to score; empty: every label that occurs in the items
	MinSeverity check.Severity
	Workers     int
}

// Run checks every item and scores each label overall and per language.
func Run(ctx context.Context, c *check.Checker, items []Item, opt Options) (*Result, error) {
	labels := opt.Labels
	if len(labels) == 0 {
		seen := map[string]bool{}
		for _, it := range items {
			for _, l := range it.Labels {
				if _, ok := Predicts[l]; ok && !seen[l] {
					seen[l] = true
					labels = append(labels, l)
				}
			}
		}
		sort.Strings(labels)
	}
	for _, l := range labels {
		if _, ok := Predicts[l]; !ok {
			return nil, fmt.Errorf("unknown label %q: use offensive, hate, tone, children, customer or privacy", l)
		}
	}
	if opt.MinSeverity == check.SeverityNone {
		opt.MinSeverity = check.Low
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	found := make([]map[check.Category][]string, len(items))
	failed := make([]bool, len(items))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rep, err := c.Check(ctx, check.Draft{Text: items[i].Text})
				if err != nil {
					failed[i] = true
					continue
				}
				floor := opt.MinSeverity
				if items[i].Max != "" {
					allowed, _ := check.ParseSeverity(items[i].Max)
					floor = max(floor, allowed+1)
				}
				m := map[check.Category][]string{}
				for _, f := range rep.Findings {
					if f.Severity >= floor {
						m[f.Category] = append(m[f.Category], f.RuleID)
					}
				}
				found[i] = m
			}
		}()
	}
	for i := range items {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res := &Result{}
	for _, label := range labels {
		per := map[string]*Counts{"all": {}}
		for i, it := range items {
			if failed[i] {
				continue
			}
			gold := slices.Contains(it.Labels, label)
			var rules []string
			for _, cat := range Predicts[label] {
				rules = append(rules, found[i][cat]...)
			}
			pred := len(rules) > 0
			lang := it.Lang
			if lang == "" {
				lang = "?"
			}
			if per[lang] == nil {
				per[lang] = &Counts{}
			}
			for _, c := range []*Counts{per["all"], per[lang]} {
				switch {
				case gold && pred:
					c.TP++
				case !gold && pred:
					c.FP++
				case gold && !pred:
					c.FN++
				default:
					c.TN++
				}
			}
			if gold != pred {
				res.Wrong = append(res.Wrong, Outcome{Item: it, Label: label, Gold: gold, Predicted: pred, RuleIDs: rules})
			}
		}
		langs := make([]string, 0, len(per))
		for l := range per {
			if l != "all" {
				langs = append(langs, l)
			}
		}
		sort.Strings(langs)
		res.Scores = append(res.Scores, per["all"].Score(label, "all"))
		if len(langs) > 1 {
			for _, l := range langs {
				res.Scores = append(res.Scores, per[l].Score(label, l))
			}
		}
	}
	for _, f := range failed {
		if f {
			res.Errors++
		}
	}
	return res, nil
}
