package rules_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/rules"
)

// rulesOnlyChecker loads every pack but the statistical one, so that a measurement
// shows what the hand-written rules catch on their own.
func rulesOnlyChecker(t *testing.T) *check.Checker {
	t.Helper()
	src := os.DirFS("packs")
	names, err := fs.Glob(src, "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("packs: %v", err)
	}
	mem := fstest.MapFS{}
	for _, n := range names {
		if n == "model.yaml" {
			continue
		}
		data, err := fs.ReadFile(src, n)
		if err != nil {
			t.Fatal(err)
		}
		mem["packs/"+n] = &fstest.MapFile{Data: data}
	}
	e, err := rules.LoadFS(mem, "packs")
	if err != nil {
		t.Fatalf("packs: %v", err)
	}
	return check.NewChecker(lang.New(), e)
}

// TestHateRulesOnlyDatasets measures the rules without the statistical model on the
// public sets when they are present: hate on GAHD and Davidson, offensive on
// GermEval. Run with -v; POSTCHECK_SET picks one file, POSTCHECK_DUMP=1 logs misses
// and false alarms.
func TestHateRulesOnlyDatasets(t *testing.T) {
	if testing.Short() {
		t.Skip("measuring the datasets takes a while; skipped in -short mode")
	}
	if _, err := os.Stat(toneDatasetDir); err != nil {
		t.Skipf("datasets not present (%v); skipping the measurement", err)
	}
	c := rulesOnlyChecker(t)
	sets := []struct{ file, label string }{
		{"gahd-train.jsonl", "hate"},
		{"germeval2018-train.jsonl", "offensive"},
		{"davidson2017.jsonl", "hate"},
	}
	if only := os.Getenv("POSTCHECK_SET"); only != "" {
		sets = []struct{ file, label string }{{only, "hate"}}
		if strings.HasPrefix(only, "germeval") {
			sets[0].label = "offensive"
		}
	}
	dump := os.Getenv("POSTCHECK_DUMP") != ""
	for _, set := range sets {
		path := filepath.Join(toneDatasetDir, set.file)
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s missing, skipped", set.file)
			continue
		}
		var s toneScores
		for _, r := range readToneCorpus(t, path) {
			if strings.TrimSpace(r.Text) == "" {
				continue
			}
			rep, err := c.Check(context.Background(), check.Draft{Text: r.Text, Language: r.Lang})
			if err != nil {
				t.Fatalf("Check(%q): %v", r.Text, err)
			}
			var fs []check.Finding
			for _, f := range rep.Findings {
				if f.Category == check.Hate || set.label == "offensive" && f.Category == check.Tone {
					fs = append(fs, f)
				}
			}
			pred, gold := len(fs) > 0, slices.Contains(r.Labels, set.label)
			switch {
			case gold && pred:
				s.tp++
			case gold:
				s.fn++
				if dump {
					t.Logf("MISS %s %q", r.ID, r.Text)
				}
			case pred:
				s.fp++
				if dump {
					t.Logf("FALSE %s %q:%s", r.ID, r.Text, describeToneFindings(fs, r.Text))
				}
			default:
				s.tn++
			}
		}
		p, rc, mf, _ := s.figures()
		t.Logf("rules only, %s %s: precision=%.3f recall=%.3f macro-F1=%.3f (tp=%d fp=%d fn=%d tn=%d)",
			set.file, set.label, p, rc, mf, s.tp, s.fp, s.fn, s.tn)
	}
}
