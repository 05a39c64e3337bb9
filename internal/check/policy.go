package check

import (
	"strings"
	"unicode/utf8"
)

// Audiences a policy or request may name.
var Audiences = []string{"public", "customers", "private"}

// Thresholds map the highest severity of a report to a verdict: a report blocks at
// Block or above, needs review at Review or above, and passes below.
type Thresholds struct {
	Review Severity
	Block  Severity
}

// Verdict returns the verdict for a report whose highest severity is max.
func (t Thresholds) Verdict(max Severity) Verdict {
	switch {
	case max == SeverityNone:
		return Pass
	case max >= t.Block:
		return Block
	case max >= t.Review:
		return Review
	}
	return Pass
}

// AllowPhrase silences findings whose span lies inside the phrase. An empty Rules
// and Categories silences every rule.
type AllowPhrase struct {
	Phrase     string
	Rules      []string
	Categories []Category
}

// Policy is an organisation's view on what to flag.
type Policy struct {
	Name        string
	Description string
	Audience    string // default audience when a request names none
	Categories  []Category
	Disabled    map[string]bool
	Overrides   map[string]Severity
	Thresholds  Thresholds
	Allow       []AllowPhrase
	Extra       Engine // organisation terms and extra rules; may be nil
	Source      string // file the policy came from; "" for the built-in one
}

// DefaultPolicyName is the name of the built-in policy.
const DefaultPolicyName = "default"

// DefaultPolicy returns the built-in policy: every category, block on high, review otherwise.
func DefaultPolicy() *Policy {
	return &Policy{
		Name:        DefaultPolicyName,
		Description: "Built-in policy: every category on, block on high, review on low and medium.",
		Audience:    "public",
		Thresholds:  Thresholds{Review: Low, Block: High},
	}
}

// PolicySource looks up policies by name; "" means the default.
type PolicySource interface {
	Policy(name string) (*Policy, bool)
	List() []*Policy
}

type staticPolicies struct{ list []*Policy }

// StaticPolicies returns a PolicySource over fixed policies; the first is the default.
func StaticPolicies(ps ...*Policy) PolicySource { return staticPolicies{ps} }

func (s staticPolicies) Policy(name string) (*Policy, bool) {
	if name == "" && len(s.list) > 0 {
		return s.list[0], true
	}
	for _, p := range s.list {
		if p.Name == name {
			return p, true
		}
	}
	return nil, false
}

func (s staticPolicies) List() []*Policy { return s.list }

// allowed reports whether f lies inside an allow-phrase that covers its rule.
func (p *Policy) allowed(text string, f Finding) bool {
	for _, a := range p.Allow {
		if !a.covers(f) {
			continue
		}
		for _, sp := range FindFold(text, a.Phrase) {
			if sp.Start <= f.Span.Start && f.Span.End <= sp.End {
				return true
			}
		}
	}
	return false
}

func (a AllowPhrase) covers(f Finding) bool {
	if len(a.Rules) == 0 && len(a.Categories) == 0 {
		return true
	}
	for _, r := range a.Rules {
		if r == f.RuleID {
			return true
		}
	}
	for _, c := range a.Categories {
		if c == f.Category {
			return true
		}
	}
	return false
}

// FindFold returns every case-insensitive occurrence of phrase in text as byte spans.
func FindFold(text, phrase string) []Span {
	if phrase == "" {
		return nil
	}
	var out []Span
	n := utf8.RuneCountInString(phrase)
	for i := 0; i < len(text); {
		j, k := i, 0
		for k < n && j < len(text) {
			_, w := utf8.DecodeRuneInString(text[j:])
			j += w
			k++
		}
		if k == n && strings.EqualFold(text[i:j], phrase) {
			out = append(out, Span{i, j})
		}
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	return out
}
