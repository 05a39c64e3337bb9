// Package check holds postcheck's domain: drafts, findings, severities, categories,
// verdicts and reports, and the Checker that runs a draft through the pipeline.
//
// It depends on no other postcheck package: language detection and rule matching
// reach it through the small interfaces in checker.go, which cmd/ wires up.
package check

import (
	"encoding/json"
	"fmt"
)

// Severity orders findings: Low < Medium < High. The zero value means "none".
type Severity int

// The three severities. SeverityNone is only used for "no finding".
const (
	SeverityNone Severity = iota
	Low
	Medium
	High
)

var severityNames = [...]string{"", "low", "medium", "high"}

// String returns "low", "medium", "high" or "" for SeverityNone.
func (s Severity) String() string {
	if s < SeverityNone || s > High {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity parses "low", "medium" or "high"; it returns an EInvalidSeverity error otherwise.
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "low":
		return Low, nil
	case "medium":
		return Medium, nil
	case "high":
		return High, nil
	}
	return SeverityNone, Errorf(EInvalidSeverity, "unknown severity %q: use low, medium or high", s)
}

// Raise returns s moved up by n steps, capped at High.
func (s Severity) Raise(n int) Severity {
	r := s + Severity(n)
	if r > High {
		r = High
	}
	return r
}

// Lower returns s moved down by n steps; the result may be SeverityNone.
func (s Severity) Lower(n int) Severity {
	r := s - Severity(n)
	if r < SeverityNone {
		r = SeverityNone
	}
	return r
}

// MarshalJSON writes the severity as its name, or null for SeverityNone.
func (s Severity) MarshalJSON() ([]byte, error) {
	if s == SeverityNone {
		return []byte("null"), nil
	}
	return json.Marshal(s.String())
}

// UnmarshalJSON reads a severity name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Category is one of the five tips that produce findings.
type Category string

// The categories, in the order of the six tips.
const (
	Children Category = "children"
	Customer Category = "customer"
	Tone     Category = "tone"
	Privacy  Category = "privacy"
	Hate     Category = "hate"
)

// Categories lists every category in tip order.
var Categories = []Category{Children, Customer, Tone, Privacy, Hate}

// ParseCategory returns the category with that id or an EUnknownCategory error.
func ParseCategory(s string) (Category, error) {
	for _, c := range Categories {
		if string(c) == s {
			return c, nil
		}
	}
	return "", Errorf(EUnknownCategory, "unknown category %q: use children, customer, tone, privacy or hate", s)
}

// CategoryInfo describes a category for people.
type CategoryInfo struct {
	ID          Category `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
}

// CategoryInfos returns the categories with names and descriptions in lang ("de" or "en").
func CategoryInfos(lang string) []CategoryInfo {
	de := lang == "de"
	pick := func(d, e string) string {
		if de {
			return d
		}
		return e
	}
	return []CategoryInfo{
		{Children, pick("Kinder", "Children"), pick("Lassen Sie Kinder raus aus Ihren sozialen Medien.", "Keep children out of your social media.")},
		{Customer, pick("Kundensicht", "Customer view"), pick("Posten Sie nur das, was auch ein Kunde sehen darf.", "Post only what a customer may see.")},
		{Tone, pick("Ton", "Tone"), pick("Pflegen Sie einen angemessenen Ton.", "Keep an appropriate tone.")},
		{Privacy, pick("Privatsphäre", "Privacy"), pick("Überlegen Sie, bevor Sie posten – muss das wirklich jeder wissen?", "Think before posting: does everyone really need to know?")},
		{Hate, pick("Hetze", "Hate"), pick("Finger weg von Hetze, Propaganda, Bashing!", "Hands off hate speech, propaganda and bashing!")},
	}
}

// Verdict is the one answer for the whole draft.
type Verdict string

// The verdicts.
const (
	Pass   Verdict = "pass"
	Review Verdict = "review"
	Block  Verdict = "block"
)

// Span is a byte range [Start, End) in the original draft text.
type Span struct {
	Start int
	End   int
}

// Suggestion proposes a better wording.
type Suggestion struct {
	Message      string   `json:"message"`
	Replacements []string `json:"replacements"`
}

// Redaction says how a finding's span is hidden in a redacted copy.
type Redaction struct {
	Operator string `json:"operator"` // "mask" or "replace"
	Text     string `json:"text"`
}

// Finding is one flagged span. Start and End are byte offsets into the original text.
type Finding struct {
	RuleID      string
	Category    Category
	Severity    Severity
	Span        Span
	Message     string
	Explanation string
	Suggestion  *Suggestion
	Redaction   *Redaction
}

// Language is the language result of a report.
type Language struct {
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Source     string  `json:"source"` // "detected", "request" or "fallback"
	Confidence float64 `json:"confidence"`
	Reliable   bool    `json:"reliable"`
}

// CategoryCount summarises one category of a report.
type CategoryCount struct {
	Count       int      `json:"count"`
	MaxSeverity Severity `json:"maxSeverity"`
}

// Report is the result of checking one draft.
type Report struct {
	Text        string // the original text; findings index into it
	Verdict     Verdict
	MaxSeverity Severity
	Language    Language
	Findings    []Finding
	Categories  map[Category]CategoryCount
	Summary     string
	Redacted    *Redacted
	Warnings    []string
	Policy      string
	DurationMs  float64
}

// Redacted is the draft with findings hidden. Items index into Text in bytes.
type Redacted struct {
	Text  string
	Items []RedactedItem
}

// RedactedItem is one replaced stretch of a redacted text, with byte offsets into Redacted.Text.
type RedactedItem struct {
	RuleID   string
	Category Category
	Operator string
	Span     Span
}
