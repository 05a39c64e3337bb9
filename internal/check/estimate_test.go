package check

import "testing"

func TestCoveredEstimatesGiveWay(t *testing.T) {
	rule := Finding{RuleID: "tone.insult_de", Category: Tone, Span: Span{Start: 3, End: 12}}
	tests := []struct {
		name string
		est  Finding
		kept bool
	}{
		{"an estimate over the same words gives way", Finding{RuleID: "tone.model_offensive_de", Category: Tone, Span: Span{Start: 0, End: 12}}, false},
		{"an estimate over other words stays", Finding{RuleID: "tone.model_offensive_de", Category: Tone, Span: Span{Start: 20, End: 30}}, true},
		{"an estimate of another category stays", Finding{RuleID: "hate.model_hate_de", Category: Hate, Span: Span{Start: 0, End: 12}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := dropCoveredEstimates([]Finding{tc.est, rule})
			if kept := len(got) == 2; kept != tc.kept {
				t.Errorf("kept %v, want %v", kept, tc.kept)
			}
			if got[len(got)-1].RuleID != rule.RuleID {
				t.Error("the hand-written finding was dropped")
			}
		})
	}
}
