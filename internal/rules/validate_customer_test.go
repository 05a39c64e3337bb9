package rules_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

// customerCorpus is the labelled customer-view corpus, written for this project.
const customerCorpus = "../../testdata/customer/corpus.jsonl"

type corpusLine struct {
	ID     string   `json:"id"`
	Lang   string   `json:"lang"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
}

// TestCustomerCorpusPrecisionAndRecall scores the customer rules on the corpus: a
// draft is predicted "customer" when the full checker reports any customer finding.
func TestCustomerCorpusPrecisionAndRecall(t *testing.T) {
	c, _ := fullChecker(t)
	f, err := os.Open(customerCorpus)
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	defer f.Close()
	type score struct{ tp, fp, fn, n int }
	per := map[string]*score{"de": {}, "en": {}, "all": {}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var x corpusLine
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatalf("corpus line %q: %v", sc.Text(), err)
		}
		rep, err := c.Check(context.Background(), check.Draft{Text: x.Text})
		if err != nil {
			t.Fatalf("%s: %v", x.ID, err)
		}
		want := slices.Contains(x.Labels, "customer")
		got := rep.Categories[check.Customer].Count > 0
		for _, k := range []string{x.Lang, "all"} {
			s := per[k]
			s.n++
			switch {
			case want && got:
				s.tp++
			case want:
				s.fn++
			case got:
				s.fp++
			}
		}
		switch {
		case want && !got:
			t.Logf("missed %s: %s", x.ID, x.Text)
		case !want && got:
			t.Logf("false alarm %s: %s (%s)", x.ID, x.Text, rep.Findings[0].RuleID)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if per["all"].n < 200 {
		t.Fatalf("the corpus has %d drafts; it should have at least 200", per["all"].n)
	}
	for _, k := range []string{"de", "en", "all"} {
		s := per[k]
		p := float64(s.tp) / float64(max(1, s.tp+s.fp))
		r := float64(s.tp) / float64(max(1, s.tp+s.fn))
		t.Logf("%-3s n=%d precision=%.3f recall=%.3f (tp %d, fp %d, fn %d)", k, s.n, p, r, s.tp, s.fp, s.fn)
		if p < 0.90 {
			t.Errorf("%s precision %.3f is below 0.90", k, p)
		}
		if r < 0.85 {
			t.Errorf("%s recall %.3f is below 0.85", k, r)
		}
	}
}
