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
)

// toneRow is one line of a labelled corpus.
type toneRow struct {
	ID     string   `json:"id"`
	Lang   string   `json:"lang"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
	// Max is the highest tone or hate severity the text deserves ("low" for mild
	// swearing or a reported insult); empty means none.
	Max string `json:"max"`
}

func readToneCorpus(t *testing.T, path string) []toneRow {
	t.Helper()
	return readJSONL[toneRow](t, path)
}

// toneHateFindings returns the tone and hate findings of one text.
func toneHateFindings(t testing.TB, c *check.Checker, text, lang string) []check.Finding {
	t.Helper()
	rep, err := c.Check(context.Background(), check.Draft{Text: text, Language: lang})
	if err != nil {
		t.Fatalf("Check(%q): %v", text, err)
	}
	var out []check.Finding
	for _, f := range rep.Findings {
		if f.Category == check.Tone || f.Category == check.Hate {
			out = append(out, f)
		}
	}
	return out
}

func describeToneFindings(fs []check.Finding, text string) string {
	s := ""
	for _, f := range fs {
		s += fmt.Sprintf(" %s/%s %q;", f.RuleID, f.Severity, text[f.Span.Start:f.Span.End])
	}
	return s
}

// TestToneTrapsStayBelowMedium checks innocent words that look like insults or hate
// codes: none may give a tone or hate finding above low.
func TestToneTrapsStayBelowMedium(t *testing.T) {
	c, _ := fullChecker(t)
	rows := readToneCorpus(t, filepath.Join("..", "..", "testdata", "tone", "traps.jsonl"))
	if len(rows) < 150 {
		t.Errorf("the trap list has %d entries; keep at least 150", len(rows))
	}
	for _, r := range rows {
		for _, f := range toneHateFindings(t, c, r.Text, "") {
			if f.Severity > check.Low {
				t.Errorf("trap %s %q: %s/%s on %q", r.ID, r.Text, f.RuleID, f.Severity, r.Text[f.Span.Start:f.Span.End])
			}
		}
	}
}

// maxToneFalseAlarms is the share of everyday posts that may carry any tone or hate finding.
const maxToneFalseAlarms = 0.02

// minEverydayPosts is how many ordinary posts everyday.jsonl must hold on its own,
// without the traps, for the false-alarm rate to mean something.
const minEverydayPosts = 300

// TestEverydayPostsRarelyAlarm runs ordinary posts through the checker: at most 2% may
// get a tone or hate finding above what the post deserves (nothing, or low for mild
// swearing and reported insults), and none may get one above low. The bar holds for
// the everyday posts alone and again with the traps added, so a clean trap list cannot
// hide alarms on ordinary posts.
func TestEverydayPostsRarelyAlarm(t *testing.T) {
	c, _ := fullChecker(t)
	everyday := readToneCorpus(t, filepath.Join("..", "..", "testdata", "tone", "everyday.jsonl"))
	traps := readToneCorpus(t, filepath.Join("..", "..", "testdata", "tone", "traps.jsonl"))
	if len(everyday) < minEverydayPosts {
		t.Errorf("everyday.jsonl has %d posts; keep at least %d without counting the traps", len(everyday), minEverydayPosts)
	}
	alarmsIn := func(rows []toneRow) int {
		alarms := 0
		for _, r := range rows {
			if len(r.Labels) > 0 {
				t.Errorf("%s: the everyday corpus holds only innocent posts, got labels %v", r.ID, r.Labels)
			}
			allowed := check.SeverityNone
			if r.Max != "" {
				s, err := check.ParseSeverity(r.Max)
				if err != nil {
					t.Fatalf("%s: max: %v", r.ID, err)
				}
				allowed = s
			}
			fs := toneHateFindings(t, c, r.Text, "")
			worst := check.SeverityNone
			for _, f := range fs {
				worst = max(worst, f.Severity)
			}
			if worst <= allowed {
				continue
			}
			alarms++
			t.Logf("alarm %s:%s", r.ID, describeToneFindings(fs, r.Text))
			for _, f := range fs {
				if f.Severity > check.Low {
					t.Errorf("everyday post %s %q: %s/%s", r.ID, r.Text, f.RuleID, f.Severity)
				}
			}
		}
		return alarms
	}
	dayAlarms := alarmsIn(everyday)
	trapAlarms := alarmsIn(traps)
	for _, m := range []struct {
		name   string
		alarms int
		posts  int
	}{
		{"everyday posts alone", dayAlarms, len(everyday)},
		{"everyday posts and traps", dayAlarms + trapAlarms, len(everyday) + len(traps)},
	} {
		rate := float64(m.alarms) / float64(max(m.posts, 1))
		t.Logf("false alarms on %s: %d of %d (%.1f%%)", m.name, m.alarms, m.posts, 100*rate)
		if rate > maxToneFalseAlarms {
			t.Errorf("false-alarm rate on %s is %.1f%%, above %.0f%%", m.name, 100*rate, 100*maxToneFalseAlarms)
		}
	}
}

// toneScores are the figures the shared tasks report for one label.
type toneScores struct {
	tp, fp, fn, tn int
}

func (s toneScores) figures() (p, r, macroF1, germevalF1 float64) {
	sc := eval.Counts{TP: s.tp, FP: s.fp, FN: s.fn, TN: s.tn}.Score("", "")
	return sc.Precision, sc.Recall, sc.MacroF1, sc.GermEvalF1
}

// toneDatasetDir is the shared data folder, a sibling of the repository.
var toneDatasetDir = filepath.Join("..", "..", "..", "shared", "datasets")

// TestToneHateDatasets measures the offensive and hate labels on the public sets when
// they are present. It logs the figures; run with -v to see them, and set
// POSTCHECK_DUMP=1 to log every miss and false alarm.
func TestToneHateDatasets(t *testing.T) {
	if testing.Short() {
		t.Skip("measuring the datasets takes a while; skipped in -short mode")
	}
	if _, err := os.Stat(toneDatasetDir); err != nil {
		t.Skipf("datasets not present (%v); skipping the measurement", err)
	}
	c, _ := fullChecker(t)
	sets := []struct{ file, label string }{
		{"germeval2018-train.jsonl", "offensive"},
		{"gahd-dev.jsonl", "hate"},
		{"gahd-train.jsonl", "hate"},
		{"davidson2017.jsonl", "offensive"},
		{"davidson2017.jsonl", "hate"},
	}
	if only := os.Getenv("POSTCHECK_SET"); only != "" {
		sets = slices.DeleteFunc(sets, func(s struct{ file, label string }) bool { return s.file != only })
	}
	dump := os.Getenv("POSTCHECK_DUMP") != ""
	for _, set := range sets {
		path := filepath.Join(toneDatasetDir, set.file)
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s missing, skipped", set.file)
			continue
		}
		rows := readToneCorpus(t, path)
		pred := make([]bool, len(rows))
		why := make([]string, len(rows))
		var wg sync.WaitGroup
		next := make(chan int)
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					if strings.TrimSpace(rows[i].Text) == "" {
						continue // the checker rejects blank drafts; nothing to flag
					}
					fs := toneHateFindings(t, c, rows[i].Text, rows[i].Lang)
					for _, f := range fs {
						if set.label == "offensive" || f.Category == check.Hate {
							pred[i] = true
						}
					}
					why[i] = describeToneFindings(fs, rows[i].Text)
				}
			}()
		}
		for i := range rows {
			next <- i
		}
		close(next)
		wg.Wait()
		var s toneScores
		for i, r := range rows {
			gold := slices.Contains(r.Labels, set.label)
			switch {
			case gold && pred[i]:
				s.tp++
				if dump {
					t.Logf("HIT %s %q:%s", r.ID, r.Text, why[i])
				}
			case gold:
				s.fn++
				if dump {
					t.Logf("MISS %s %q", r.ID, r.Text)
				}
			case pred[i]:
				s.fp++
				if dump {
					t.Logf("FALSE %s %q:%s", r.ID, r.Text, why[i])
				}
			default:
				s.tn++
			}
		}
		p, rc, mf, gf := s.figures()
		t.Logf("%s %s: n=%d precision=%.3f recall=%.3f macro-F1=%.3f GermEval-F1=%.3f (tp=%d fp=%d fn=%d tn=%d)",
			set.file, set.label, len(rows), p, rc, mf, gf, s.tp, s.fp, s.fn, s.tn)
	}
}
