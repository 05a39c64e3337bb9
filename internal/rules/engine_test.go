package rules

import (
	"slices"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

func mustDefault(t testing.TB) *Engine {
	t.Helper()
	e, err := Default()
	if err != nil {
		t.Fatalf("loading embedded packs: %v", err)
	}
	return e
}

func TestEmbeddedPacksLoad(t *testing.T) {
	e := mustDefault(t)
	if len(e.Rules()) == 0 {
		t.Fatal("no rules loaded")
	}
}

func TestMatchFindsSpansInTheOriginal(t *testing.T) {
	e := mustDefault(t)
	text := "🌞 Du Vollidiot!"
	fs := e.Match(check.MatchRequest{Text: text, Languages: []string{"de"}, MessageLang: "de"})
	// The statistical estimate may flag the same words; the checker drops it there.
	fs = slices.DeleteFunc(fs, func(f check.Finding) bool { return check.IsEstimate(f.RuleID) })
	if len(fs) != 1 || text[fs[0].Span.Start:fs[0].Span.End] != "Vollidiot" {
		t.Fatalf("got %+v", fs)
	}
	if fs[0].Severity != check.High {
		t.Errorf("an insult aimed at 'du' should be raised to high, got %s", fs[0].Severity)
	}
}
