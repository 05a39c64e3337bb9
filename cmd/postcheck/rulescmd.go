package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/eval"
	"github.com/postcheck/postcheck/internal/rules"
)

func (m *Main) rules(args []string) error {
	fs := m.flags("rules")
	format := fs.String("format", "text", "text or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	e, err := rules.Default()
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSONLine(m.Stdout, map[string]any{"rulesetVersion": e.Version(), "categories": check.CategoryInfos("en"), "rules": e.Rules()})
	}
	if *format != "text" {
		return fmt.Errorf("--format must be text or json")
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCATEGORY\tSEVERITY\tLANGUAGES\tKIND\tNAME")
	for _, r := range e.Rules() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Category, r.Severity, strings.Join(r.Languages, ","), r.Kind, r.Name)
	}
	fmt.Fprintf(tw, "\n%d rules, %s\n", len(e.Rules()), e.Version())
	return tw.Flush()
}

func (m *Main) eval(ctx context.Context, args []string) error {
	fs := m.flags("eval")
	labels := fs.String("labels", "", "comma-separated labels to score (default: those in the file): offensive, hate, tone, children, customer, privacy")
	minSev := fs.String("min-severity", "low", "count findings at or above this severity")
	format := fs.String("format", "text", "text or json")
	show := fs.Int("show", 0, "print up to N wrong predictions per label (texts of the file, on stderr)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("give one labelled FILE.jsonl")
	}
	sev, err := check.ParseSeverity(*minSev)
	if err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	items, err := eval.Read(f)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	c, _, err := buildChecker(nil)
	if err != nil {
		return err
	}
	opt := eval.Options{MinSeverity: sev}
	if *labels != "" {
		opt.Labels = strings.Split(*labels, ",")
	}
	res, err := eval.Run(ctx, c, items, opt)
	if err != nil {
		return err
	}
	if *format == "json" {
		return json.NewEncoder(m.Stdout).Encode(map[string]any{"file": fs.Arg(0), "items": len(items), "errors": res.Errors, "scores": res.Scores})
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(m.Stdout, "%s: %d drafts, min severity %s\n", fs.Arg(0), len(items), sev)
	fmt.Fprintln(tw, "label\tlang\tn\tpos\tTP\tFP\tFN\tprecision\trecall\tF1\tmacro-F1\tGermEval-F1\tfalse-alarms\t")
	for _, s := range res.Scores {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", s.Label, s.Lang, s.N, s.Positives, s.TP, s.FP, s.FN,
			s.Precision, s.Recall, s.F1, s.MacroF1, s.GermEvalF1, s.FalseAlarmRate)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if res.Errors > 0 {
		fmt.Fprintf(m.Stdout, "%d drafts could not be checked (empty or too long)\n", res.Errors)
	}
	if *show > 0 {
		shown := map[string]int{}
		for _, w := range res.Wrong {
			key := w.Label + fmt.Sprint(w.Gold)
			if shown[key] >= *show {
				continue
			}
			shown[key]++
			kind := "missed"
			if !w.Gold {
				kind = "false alarm " + strings.Join(w.RuleIDs, ",")
			}
			fmt.Fprintf(m.Stderr, "%s %s [%v]: %s\n", w.Label, kind, w.Item.ID, w.Item.Text)
		}
	}
	return nil
}
