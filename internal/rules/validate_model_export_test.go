package rules

import (
	"strconv"

	"github.com/postcheck/postcheck/internal/model"
)

// ModelRuleFires runs a draft through a model rule exactly as the engine does
// (thresholds, span, allow phrases and context), but with the given head in place
// of the embedded one: out-of-fold heads measure honestly on their training set.
// lowOverride, when above zero, replaces the low threshold to show the trade-off.
func ModelRuleFires(e *Engine, ruleID string, h *model.Head, text string, langs []string, lowOverride float64) bool {
	r, ok := e.Rule(ruleID)
	if !ok {
		return false
	}
	m, err := model.Default()
	if err != nil {
		return false
	}
	shipped := m.Head(r.Spec.Params["head"])
	if shipped == nil {
		return false
	}
	low, medium := float64(shipped.Low), float64(shipped.Medium)
	if v, err := strconv.ParseFloat(r.Spec.Params["low"], 64); err == nil {
		low = v
	}
	if v, err := strconv.ParseFloat(r.Spec.Params["medium"], 64); err == nil {
		medium = v
	}
	if lowOverride > 0 {
		low, medium = lowOverride, max(medium, lowOverride)
	}
	doc := NewDoc(text, langs)
	hit, ok := ModelHit(h, doc, model.Extract(doc.Prepared, m.Bits), low, medium)
	return ok && len(e.finding(nil, doc, r, hit, "de")) > 0
}
