package rules

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/model"
)

func init() {
	RegisterValidator("model", newModelValidator)
}

// newModelValidator scores a draft with one head of the embedded statistical model.
// Params: head (required), low and medium (score thresholds; the head's own,
// chosen at training, when absent). A hit is never above medium and always points
// at the words that carried the score.
func newModelValidator(p map[string]string) (MatchFunc, error) {
	m, err := modelDefault()
	if err != nil {
		return nil, err
	}
	h := m.Head(p["head"])
	if h == nil {
		return nil, fmt.Errorf("model has no head %q", p["head"])
	}
	low, medium := float64(h.Low), float64(h.Medium)
	for name, dst := range map[string]*float64{"low": &low, "medium": &medium} {
		if s := p[name]; s != "" {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || v <= 0 || v > 1.01 {
				return nil, fmt.Errorf("%s must be a score between 0 and 1", name)
			}
			*dst = v
		}
	}
	if low > medium {
		return nil, fmt.Errorf("low threshold %.3f is above medium %.3f", low, medium)
	}
	head := slices.Index(m.Heads, h)
	return func(doc *Doc) []Hit {
		// A head learnt one language and would read foreign words as its own. When
		// the detector is unsure (short or mixed drafts run the rules of both
		// languages), the draft's own function words must speak for German.
		if len(doc.Langs) != 1 && !germanLeaning(doc) {
			return nil
		}
		hit, ok := modelHit(h, doc, func() []model.Feature { return modelFeatures(m, doc) }, modelScores(m, doc)[head], low, medium)
		if !ok {
			return nil
		}
		return []Hit{hit}
	}, nil
}

// modelDefault loads the embedded model once.
var modelDefault = model.Default

// ModelHit turns a head's score on a draft into a hit: low from the low threshold,
// medium from the medium one, spanning the words that carried the score. ok is
// false below the low threshold or when no words raised the score.
func ModelHit(h *model.Head, doc *Doc, feats []model.Feature, low, medium float64) (Hit, bool) {
	return modelHit(h, doc, func() []model.Feature { return feats }, h.Score(feats), low, medium)
}

// modelHit is ModelHit for a score already known: most drafts score below the low
// threshold, and for them the words behind the score, and the features that tell
// them, are never looked for.
func modelHit(h *model.Head, doc *Doc, feats func() []model.Feature, s, low, medium float64) (Hit, bool) {
	if s < low {
		return Hit{}, false
	}
	start, end, ok := h.Span(doc.Prepared, feats())
	if !ok {
		return Hit{}, false
	}
	sev := check.Low
	if s >= medium {
		sev = check.Medium
	}
	score := fmt.Sprintf("%.2f", s)
	return Hit{Start: start, End: end, TokStart: -1, TokEnd: -1, Severity: sev, Note: Text{
		"de": "Statistische Schätzung: " + score + " (1 = sicher). Sie beruht auf Wortmustern, nicht auf einer Regel, und kann irren.",
		"en": "Statistical estimate: " + score + " (1 = certain). It rests on word patterns, not on a rule, and can be wrong.",
	}}, true
}

// modelScores returns the score of every head of m on a draft, in the order of its
// heads, computed once per draft for all of them.
func modelScores(m *model.Model, doc *Doc) []float64 {
	return doc.modelScores.get(func() []float64 { return m.ScoreDraft(doc.Prepared) })
}

// modelFeatures returns the features of a draft, made once when a span is wanted.
func modelFeatures(m *model.Model, doc *Doc) []model.Feature {
	return doc.modelFeats.get(func() []model.Feature { return model.Extract(doc.Prepared, m.Bits) })
}

// Function words that tell German from English in a short draft; words both
// languages share ("in", "so", "was") are left out.
var (
	germanFunction  = set("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "ich", "du", "wir", "ihr", "sie", "es", "mit", "von", "zu", "den", "dem", "des", "auf", "fuer", "im", "sind", "hat", "haben", "auch", "noch", "nur", "aber", "wie", "dass", "doch", "mal", "schon", "wer", "diese", "dieser", "diesen", "unsere", "unser", "sich", "man", "kein", "keine", "bei", "aus", "nach", "oder", "wenn", "werden", "wird", "war")
	englishFunction = set("the", "and", "is", "not", "a", "an", "i", "you", "we", "they", "it", "with", "of", "to", "on", "for", "are", "has", "have", "also", "only", "but", "how", "that", "this", "these", "our", "my", "your", "be", "will", "was", "just", "no", "at", "from", "or", "if")
)

// germanLeaning reports whether German function words outnumber English ones.
func germanLeaning(doc *Doc) bool {
	de, en := 0, 0
	for _, t := range doc.Tokens {
		if germanFunction[t.Norm] {
			de++
		}
		if englishFunction[t.Norm] {
			en++
		}
	}
	return de >= 2 && de > 2*en
}
