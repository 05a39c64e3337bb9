package rules_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

// corpusRow is one labelled draft.
type corpusRow struct {
	ID     string   `json:"id"`
	Lang   string   `json:"lang"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
}

func readCorpus(t *testing.T, path string) []corpusRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var rows []corpusRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r corpusRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func childrenFindings(t *testing.T, c *check.Checker, text string) []check.Finding {
	t.Helper()
	rep, err := c.Check(context.Background(), check.Draft{Text: text})
	if err != nil {
		t.Fatalf("Check(%q): %v", text, err)
	}
	var out []check.Finding
	for _, f := range rep.Findings {
		if f.Category == check.Children {
			out = append(out, f)
		}
	}
	return out
}

// TestChildrenCorpus measures the children rules on the labelled corpus: precision
// must reach 0.95 and recall 0.90 in German and in English.
func TestChildrenCorpus(t *testing.T) {
	c, _ := fullChecker(t)
	rows := readCorpus(t, "../../testdata/children/corpus.jsonl")
	type counts struct{ tp, fp, fn, pos, neg int }
	per := map[string]*counts{}
	for _, r := range rows {
		want := false
		for _, l := range r.Labels {
			want = want || l == "children"
		}
		got := len(childrenFindings(t, c, r.Text)) > 0
		k := per[r.Lang]
		if k == nil {
			k = &counts{}
			per[r.Lang] = k
		}
		if want {
			k.pos++
		} else {
			k.neg++
		}
		switch {
		case got && want:
			k.tp++
		case got && !want:
			k.fp++
			t.Logf("false positive %s: %s", r.ID, r.Text)
		case !got && want:
			k.fn++
			t.Logf("missed %s: %s", r.ID, r.Text)
		}
	}
	for _, lang := range []string{"de", "en"} {
		k := per[lang]
		if k == nil || k.pos < 60 || k.neg < 60 {
			t.Fatalf("%s: the corpus needs at least 60 positives and 60 negatives, has %+v", lang, k)
		}
		p := float64(k.tp) / float64(max(1, k.tp+k.fp))
		r := float64(k.tp) / float64(k.pos)
		t.Logf("%s: precision %.3f recall %.3f (tp %d fp %d fn %d, %d positives, %d negatives)", lang, p, r, k.tp, k.fp, k.fn, k.pos, k.neg)
		if p < 0.95 {
			t.Errorf("%s: precision %.3f is below 0.95", lang, p)
		}
		if r < 0.90 {
			t.Errorf("%s: recall %.3f is below 0.90", lang, r)
		}
	}
}

// TestChildrenDebug prints the children findings of CHILDREN_DEBUG (texts, one a line)
// or of the "text" fields of the JSON Lines file CHILDREN_DEBUG_FILE. It is a tool for
// rule writers and skips without either variable.
func TestChildrenDebug(t *testing.T) {
	var texts []string
	if in := os.Getenv("CHILDREN_DEBUG"); in != "" {
		texts = strings.Split(in, "\n")
	}
	if path := os.Getenv("CHILDREN_DEBUG_FILE"); path != "" {
		for _, r := range readCorpus(t, path) {
			texts = append(texts, r.Text)
		}
	}
	if len(texts) == 0 {
		t.Skip("set CHILDREN_DEBUG or CHILDREN_DEBUG_FILE")
	}
	c, _ := fullChecker(t)
	only := os.Getenv("CHILDREN_DEBUG_FILE") != ""
	for _, line := range texts {
		if strings.TrimSpace(line) == "" {
			continue
		}
		rep, err := c.Check(context.Background(), check.Draft{Text: line, Redact: true})
		if err != nil {
			t.Fatal(err)
		}
		var fs []check.Finding
		for _, f := range rep.Findings {
			if f.Category == check.Children {
				fs = append(fs, f)
			}
		}
		if only && len(fs) == 0 {
			continue
		}
		fmt.Printf("== %s [%s]\n", line, rep.Language.Code)
		for _, f := range fs {
			fmt.Printf("   %-30s %-6s %q | %s\n", f.RuleID, f.Severity, line[f.Span.Start:f.Span.End], f.Explanation)
		}
		if rep.Redacted != nil && !only {
			fmt.Printf("   -> %s\n", rep.Redacted.Text)
		}
	}
}
