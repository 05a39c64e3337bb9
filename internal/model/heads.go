package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/postcheck/postcheck/internal/eval"
)

// HeadSpec says how one head is trained and how its thresholds are chosen.
type HeadSpec struct {
	Name  string
	File  string // labelled set in the datasets folder
	Label string // the label that makes an example positive
	// LowPrecision and MediumPrecision are the out-of-fold precisions the model
	// alone must reach for a low and a medium finding.
	LowPrecision, MediumPrecision float64
	// LowBalanced, when set, puts the low threshold where the model alone has its
	// best out-of-fold macro-F1 instead, with LowPrecision as a floor: for a head
	// whose precision target would leave most of the positives unflagged.
	LowBalanced bool
	MinHits     int
}

// HeadSpecs are the heads of the shipped model. Only sets whose licence allows
// training are used: GermEval 2018 and GAHD are CC BY 4.0.
var HeadSpecs = []HeadSpec{
	{Name: "offensive_de", File: "germeval2018-train.jsonl", Label: "offensive", LowPrecision: 0.85, MediumPrecision: 0.95, MinHits: 50},
	{Name: "hate_de", File: "gahd-train.jsonl", Label: "hate", LowPrecision: 0.75, LowBalanced: true, MediumPrecision: 0.9, MinHits: 50},
}

// TwinGroup names the fold group of a GAHD text: the smaller of its id and its
// twin's, so both land in the same fold. Other sets have no twins.
func TwinGroup(id, twin string) string {
	if twin == "" {
		return ""
	}
	id = strings.TrimPrefix(id, "gahd-")
	ids := []string{id, twin}
	sort.Strings(ids)
	return ids[0]
}

// Confusion counts predictions against labels at one threshold.
type Confusion struct{ TP, FP, FN, TN int }

// CountAt counts the predictions score ≥ t.
func CountAt(scores []float64, labels []bool, t float64) Confusion {
	var c Confusion
	for i, s := range scores {
		switch p := s >= t; {
		case p && labels[i]:
			c.TP++
		case p:
			c.FP++
		case labels[i]:
			c.FN++
		default:
			c.TN++
		}
	}
	return c
}

// MacroF1 is the mean F1 of the positive and the negative class.
func (c Confusion) MacroF1() float64 {
	return eval.Counts{TP: c.TP, FP: c.FP, FN: c.FN, TN: c.TN}.Score("", "").MacroF1
}

func (c Confusion) String() string {
	sc := eval.Counts{TP: c.TP, FP: c.FP, FN: c.FN, TN: c.TN}.Score("", "")
	return fmt.Sprintf("P %.3f R %.3f macro-F1 %.3f (tp %d fp %d fn %d tn %d)", sc.Precision, sc.Recall, sc.MacroF1, c.TP, c.FP, c.FN, c.TN)
}
