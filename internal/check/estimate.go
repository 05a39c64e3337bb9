package check

import "strings"

// IsEstimate reports whether a rule gives a statistical estimate rather than a
// hand-written judgement. Such rules carry ".model_" in their id
// (tone.model_offensive_de, hate.model_hate_de).
func IsEstimate(ruleID string) bool { return strings.Contains(ruleID, ".model_") }

// dropCoveredEstimates removes an estimate where a hand-written rule of the same
// category already flags some of its words: the reader sees the precise reason once,
// not a vaguer second opinion on the same words.
func dropCoveredEstimates(fs []Finding) []Finding {
	out := fs[:0]
	for i, f := range fs {
		covered := false
		if IsEstimate(f.RuleID) {
			for j, g := range fs {
				if j != i && g.Category == f.Category && !IsEstimate(g.RuleID) &&
					g.Span.Start < f.Span.End && f.Span.Start < g.Span.End {
					covered = true
					break
				}
			}
		}
		if !covered {
			out = append(out, f)
		}
	}
	return out
}
