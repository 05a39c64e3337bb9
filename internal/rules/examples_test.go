package rules_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/rules"
)

var (
	checkerOnce sync.Once
	checker     *check.Checker
	engine      *rules.Engine
)

func fullChecker(t testing.TB) (*check.Checker, *rules.Engine) {
	t.Helper()
	checkerOnce.Do(func() {
		e, err := rules.Default()
		if err != nil {
			t.Fatalf("packs: %v", err)
		}
		engine = e
		checker = check.NewChecker(lang.New(), e)
	})
	if checker == nil {
		t.Fatal("checker could not be built")
	}
	return checker, engine
}

// TestEveryRuleExample runs each rule's examples through the whole checker: a bad
// example must yield the rule (or its language twin), a good one must not.
func TestEveryRuleExample(t *testing.T) {
	c, e := fullChecker(t)
	for _, r := range e.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			for _, ex := range r.Examples.Bad {
				if !hasRule(t, c, ex, r.ID) {
					t.Errorf("bad example not flagged: %q", ex)
				}
			}
			for _, ex := range r.Examples.Good {
				if hasRule(t, c, ex, r.ID) {
					t.Errorf("good example flagged: %q", ex)
				}
			}
		})
	}
}

func hasRule(t *testing.T, c *check.Checker, text, id string) bool {
	t.Helper()
	rep, err := c.Check(context.Background(), check.Draft{Text: text})
	if err != nil {
		t.Fatalf("Check(%q): %v", text, err)
	}
	for _, f := range rep.Findings {
		if f.RuleID == id || f.RuleID == twin(id) {
			return true
		}
	}
	return false
}

// twin names the other-language twin of a rule ("tone.insult_de" ↔ "tone.insult_en"):
// when a short draft runs both rule sets, the checker shows one of the two on a span.
func twin(id string) string {
	if b, ok := strings.CutSuffix(id, "_de"); ok {
		return b + "_en"
	}
	if b, ok := strings.CutSuffix(id, "_en"); ok {
		return b + "_de"
	}
	return ""
}
