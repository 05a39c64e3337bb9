package wire

import (
	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/text"
)

// Finding is one finding as clients see it; Start and End are in the response's unit.
type Finding struct {
	ID          string            `json:"id"`
	RuleID      string            `json:"ruleId"`
	Category    check.Category    `json:"category"`
	Severity    check.Severity    `json:"severity"`
	Start       int               `json:"start"`
	End         int               `json:"end"`
	Text        string            `json:"text"`
	Message     string            `json:"message"`
	Explanation string            `json:"explanation"`
	Suggestion  *check.Suggestion `json:"suggestion"`
	Redaction   *check.Redaction  `json:"redaction"`
}

// RedactedItem is one replaced stretch of the redacted text, in the response's unit.
type RedactedItem struct {
	Start    int            `json:"start"`
	End      int            `json:"end"`
	RuleID   string         `json:"ruleId"`
	Category check.Category `json:"category"`
	Operator string         `json:"operator"`
	Text     string         `json:"text"`
}

// Redacted is the draft with findings hidden.
type Redacted struct {
	Text  string         `json:"text"`
	Items []RedactedItem `json:"items"`
}

// Meta describes the engine that produced a response.
type Meta struct {
	EngineVersion  string  `json:"engineVersion"`
	RulesetVersion string  `json:"rulesetVersion"`
	Policy         string  `json:"policy"`
	DurationMs     float64 `json:"durationMs"`
}

// Response is the body of a successful check.
type Response struct {
	Verdict     check.Verdict                          `json:"verdict"`
	MaxSeverity check.Severity                         `json:"maxSeverity"`
	Language    check.Language                         `json:"language"`
	OffsetUnit  text.Unit                              `json:"offsetUnit"`
	TextLength  int                                    `json:"textLength"`
	Findings    []Finding                              `json:"findings"`
	Categories  map[check.Category]check.CategoryCount `json:"categories"`
	Summary     string                                 `json:"summary"`
	Redacted    *Redacted                              `json:"redacted"`
	Warnings    []string                               `json:"warnings"`
	Meta        Meta                                   `json:"meta"`
}

// EngineVersion is postcheck's version, set at build time.
var EngineVersion = "dev"

// NewResponse renders a report with offsets in unit.
func NewResponse(r *check.Report, unit text.Unit, rulesetVersion string) *Response {
	off := text.NewOffsets(r.Text, unit)
	resp := &Response{
		Verdict: r.Verdict, MaxSeverity: r.MaxSeverity, Language: r.Language, OffsetUnit: unit,
		TextLength: off.Length(), Findings: make([]Finding, len(r.Findings)), Categories: r.Categories,
		Summary: r.Summary, Warnings: r.Warnings,
		Meta: Meta{EngineVersion: EngineVersion, RulesetVersion: rulesetVersion, Policy: r.Policy, DurationMs: r.DurationMs},
	}
	if resp.Warnings == nil {
		resp.Warnings = []string{}
	}
	for i, f := range r.Findings {
		resp.Findings[i] = Finding{
			ID: "f" + itoa(i+1), RuleID: f.RuleID, Category: f.Category, Severity: f.Severity,
			Start: off.Convert(f.Span.Start), End: off.Convert(f.Span.End), Text: r.Text[f.Span.Start:f.Span.End],
			Message: f.Message, Explanation: f.Explanation, Suggestion: f.Suggestion, Redaction: f.Redaction,
		}
	}
	if r.Redacted != nil {
		ro := text.NewOffsets(r.Redacted.Text, unit)
		red := &Redacted{Text: r.Redacted.Text, Items: make([]RedactedItem, len(r.Redacted.Items))}
		for i, it := range r.Redacted.Items {
			red.Items[i] = RedactedItem{Start: ro.Convert(it.Span.Start), End: ro.Convert(it.Span.End), RuleID: it.RuleID,
				Category: it.Category, Operator: it.Operator, Text: r.Redacted.Text[it.Span.Start:it.Span.End]}
		}
		resp.Redacted = red
	}
	return resp
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
