package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/eval"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/rules"
)

func TestMaxLetsAHarmlessDraftCarryAMildFinding(t *testing.T) {
	e, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := check.NewChecker(lang.New(), e)
	// Mild swearing about a train: a low finding by design.
	const text = "So ein Mist, der Zug fällt schon wieder aus."
	for _, tc := range []struct {
		max    string
		wantFP int
	}{{"", 1}, {"low", 0}, {"medium", 0}} {
		items, err := eval.Read(strings.NewReader(`{"id":1,"lang":"de","text":"` + text + `","labels":[],"max":"` + tc.max + `"}`))
		if err != nil {
			t.Fatal(err)
		}
		res, err := eval.Run(context.Background(), c, items, eval.Options{Labels: []string{"offensive"}})
		if err != nil {
			t.Fatal(err)
		}
		if fp := res.Scores[0].FP; fp != tc.wantFP {
			t.Errorf("max %q: %d false alarms, want %d", tc.max, fp, tc.wantFP)
		}
	}
}

func TestReadRefusesMaxOnALabelledDraft(t *testing.T) {
	for _, line := range []string{
		`{"id":1,"text":"a","labels":["offensive"],"max":"low"}`,
		`{"id":1,"text":"a","labels":[],"max":"mild"}`,
	} {
		if _, err := eval.Read(strings.NewReader(line)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%s: err = %v, want one naming line 1", line, err)
		}
	}
}
