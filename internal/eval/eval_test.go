package eval

import (
	"strings"
	"testing"
)

func TestScoreComputesTheFiguresOfTheSharedDatasetsReadme(t *testing.T) {
	s := Counts{TP: 8, FP: 2, FN: 2, TN: 88}.Score("offensive", "all")
	if s.Precision != 0.8 || s.Recall != 0.8 || s.F1 != 0.8 {
		t.Errorf("positive class: %+v", s)
	}
	// negative class: P = 88/90, R = 88/90; macro-F1 = (0.8 + 0.9778)/2
	if s.MacroF1 != 0.8889 {
		t.Errorf("macro-F1 = %v, want 0.8889", s.MacroF1)
	}
	if s.GermEvalF1 != 0.8889 {
		t.Errorf("GermEval macro-F1 = %v, want 0.8889", s.GermEvalF1)
	}
	if s.FalseAlarmRate != 0.0222 {
		t.Errorf("false-alarm rate = %v", s.FalseAlarmRate)
	}
}

func TestGermEvalF1FlattersACheckerThatFlagsLittle(t *testing.T) {
	// 3% recall, perfect precision: the official figure stays high, macro-F1 does not.
	s := Counts{TP: 3, FP: 0, FN: 97, TN: 200}.Score("offensive", "all")
	if s.GermEvalF1 <= s.MacroF1 {
		t.Errorf("GermEval %v should exceed macro-F1 %v here", s.GermEvalF1, s.MacroF1)
	}
}

func TestReadNamesTheBrokenLine(t *testing.T) {
	_, err := Read(strings.NewReader("{\"id\":1,\"text\":\"a\",\"labels\":[]}\n{broken\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err = %v, want one naming line 2", err)
	}
	items, err := Read(strings.NewReader("{\"id\":1,\"text\":\"a\",\"labels\":[\"hate\"],\"gold\":{}}\n\n"))
	if err != nil || len(items) != 1 || items[0].Labels[0] != "hate" {
		t.Errorf("items %+v err %v", items, err)
	}
}
