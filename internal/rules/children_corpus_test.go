package rules_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

// TestChildrenDebug prints the children findings of CHILDREN_DEBUG (lines); it is a
// tool for rule writers and skips without the variable.
func TestChildrenDebug(t *testing.T) {
	in := os.Getenv("CHILDREN_DEBUG")
	if in == "" {
		t.Skip("set CHILDREN_DEBUG to texts, one a line")
	}
	c, _ := fullChecker(t)
	for _, line := range strings.Split(in, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		rep, err := c.Check(context.Background(), check.Draft{Text: line, Redact: true})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("== %s [%s]\n", line, rep.Language.Code)
		for _, f := range rep.Findings {
			if f.Category != check.Children {
				continue
			}
			fmt.Printf("   %-30s %-6s %q | %s\n", f.RuleID, f.Severity, line[f.Span.Start:f.Span.End], f.Explanation)
		}
		if rep.Redacted != nil {
			fmt.Printf("   -> %s\n", rep.Redacted.Text)
		}
	}
}
