package check

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Detection is what a LanguageDetector says about a text.
type Detection struct {
	Language Language
	// Also lists further rule languages ("de", "en") found in sections of a mixed post.
	Also []string
}

// LanguageDetector detects the language of a draft. Implementations are built once
// and must be safe for concurrent use.
type LanguageDetector interface {
	Detect(text string) Detection
}

// Examples are texts a rule must flag (Bad) and must not flag (Good).
type Examples struct {
	Bad  []string `json:"bad"`
	Good []string `json:"good"`
}

// RuleInfo describes one rule for listings.
type RuleInfo struct {
	ID          string   `json:"id"`
	Category    Category `json:"category"`
	Severity    Severity `json:"severity"`
	Languages   []string `json:"languages"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Kind        string   `json:"kind"`
	Examples    Examples `json:"examples"`
}

// MatchRequest is one engine call: the text, the rule languages to run ("de", "en";
// language-independent rules always run) and the language for messages.
type MatchRequest struct {
	Text        string
	Languages   []string
	MessageLang string
}

// Engine matches rules against a text. Implementations must be safe for concurrent use.
type Engine interface {
	Match(req MatchRequest) []Finding
	Rules() []RuleInfo
	Version() string
}

// Draft is one check request.
type Draft struct {
	Text          string
	Language      string // "auto" or "" to detect, else an ISO 639-1 code
	Categories    []string
	DisabledRules []string
	MinSeverity   string
	Policy        string
	Platform      string
	Audience      string
	Redact        bool
	Explain       bool
}

// RuleLanguages are the languages that have language-specific rules.
var RuleLanguages = []string{"de", "en"}

// Checker runs drafts through detection, matching, policy and verdict.
// It is safe for concurrent use.
type Checker struct {
	detector     LanguageDetector
	engine       Engine
	policies     PolicySource
	maxTextBytes int
	maxFindings  int
	now          func() time.Time
}

// Option configures a Checker.
type Option func(*Checker)

// WithMaxTextBytes sets the largest accepted draft in bytes (default 100,000).
func WithMaxTextBytes(n int) Option { return func(c *Checker) { c.maxTextBytes = n } }

// WithMaxFindings caps the findings of one report (default 500); a report over the
// cap keeps the most severe findings and says so in a warning.
func WithMaxFindings(n int) Option { return func(c *Checker) { c.maxFindings = n } }

// WithPolicies sets where named policies come from (default: only the built-in default).
func WithPolicies(p PolicySource) Option { return func(c *Checker) { c.policies = p } }

// NewChecker returns a Checker over a language detector and a rule engine.
func NewChecker(d LanguageDetector, e Engine, opts ...Option) *Checker {
	c := &Checker{detector: d, engine: e, maxTextBytes: 100_000, maxFindings: 500, now: time.Now}
	for _, o := range opts {
		o(c)
	}
	if c.policies == nil {
		c.policies = StaticPolicies(DefaultPolicy())
	}
	return c
}

// Engine returns the rule engine the checker runs.
func (c *Checker) Engine() Engine { return c.engine }

// Policies returns the checker's policy source.
func (c *Checker) Policies() PolicySource { return c.policies }

// MaxTextBytes is the largest draft the checker accepts, in bytes.
func (c *Checker) MaxTextBytes() int { return c.maxTextBytes }

// Check checks one draft. It returns a coded *Error for invalid drafts
// (ETextRequired, ETextTooLong, EInvalid, EUnknownCategory, EInvalidSeverity, EUnknownPolicy).
func (c *Checker) Check(ctx context.Context, d Draft) (*Report, error) {
	start := c.now()
	if strings.TrimSpace(d.Text) == "" {
		return nil, Errorf(ETextRequired, "text is required and must not be blank")
	}
	if len(d.Text) > c.maxTextBytes {
		return nil, Errorf(ETextTooLong, "text is %d bytes long; the limit is %d bytes", len(d.Text), c.maxTextBytes)
	}
	if !utf8.ValidString(d.Text) {
		return nil, Errorf(EInvalid, "text is not valid UTF-8")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pol, ok := c.policies.Policy(d.Policy)
	if !ok {
		return nil, Errorf(EUnknownPolicy, "unknown policy %q", d.Policy)
	}
	cats, err := c.categories(d, pol)
	if err != nil {
		return nil, err
	}
	minSev := Low
	if d.MinSeverity != "" {
		if minSev, err = ParseSeverity(d.MinSeverity); err != nil {
			return nil, err
		}
	}
	audience := d.Audience
	if audience == "" {
		audience = pol.Audience
	}
	if audience != "" && !slices.Contains(Audiences, audience) {
		return nil, Errorf(EInvalid, "unknown audience %q: use public, customers or private", audience)
	}

	rep := &Report{Text: d.Text, Policy: pol.Name}
	langs := c.language(d, rep)
	msgLang := "en"
	if rep.Language.Code == "de" {
		msgLang = "de"
	}
	req := MatchRequest{Text: d.Text, Languages: langs, MessageLang: msgLang}
	found := c.engine.Match(req)
	if pol.Extra != nil {
		found = append(found, pol.Extra.Match(req)...)
	}

	disabled := make(map[string]bool, len(d.DisabledRules))
	for _, id := range d.DisabledRules {
		disabled[id] = true
	}
	var ruleDesc map[string]string
	if d.Explain {
		ruleDesc = make(map[string]string)
		rs := c.engine.Rules()
		if pol.Extra != nil {
			rs = append(rs, pol.Extra.Rules()...)
		}
		for _, r := range rs {
			ruleDesc[r.ID] = r.Description
		}
	}
	kept := found[:0]
	for _, f := range found {
		if !cats.has(f.Category) || disabled[f.RuleID] || pol.Disabled[f.RuleID] {
			continue
		}
		if s, ok := pol.Overrides[f.RuleID]; ok {
			f.Severity = s
		}
		if audience == "customers" && f.Category == Customer && f.Severity < High {
			f.Severity = f.Severity.Raise(1)
			f.Explanation = joinSentences(f.Explanation, msg(msgLang, "Die Zielgruppe sind Kunden: strenger bewertet.", "The audience is customers: rated more strictly."))
		}
		if pol.allowed(d.Text, f) || f.Severity < minSev || f.Severity == SeverityNone {
			continue
		}
		if d.Explain && ruleDesc[f.RuleID] != "" {
			f.Explanation = joinSentences(f.Explanation, ruleDesc[f.RuleID])
		}
		kept = append(kept, f)
	}
	rep.Findings = SortFindings(dedupeLanguages(dropCoveredEstimates(dedupe(kept)), msgLang))
	rep.Categories = make(map[Category]CategoryCount, len(Categories))
	for _, cat := range Categories {
		rep.Categories[cat] = CategoryCount{}
	}
	for _, f := range rep.Findings {
		cc := rep.Categories[f.Category]
		cc.Count++
		cc.MaxSeverity = max(cc.MaxSeverity, f.Severity)
		rep.Categories[f.Category] = cc
		rep.MaxSeverity = max(rep.MaxSeverity, f.Severity)
	}
	// Counts and verdict cover every finding; the list itself is capped.
	if c.maxFindings > 0 && len(rep.Findings) > c.maxFindings {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("%d findings; only the %d most severe are listed", len(rep.Findings), c.maxFindings))
		rep.Findings = capFindings(rep.Findings, c.maxFindings)
	}
	rep.Verdict = pol.Thresholds.Verdict(rep.MaxSeverity)
	rep.Summary = summary(msgLang, rep)
	if d.Redact {
		r := Redact(d.Text, rep.Findings)
		rep.Redacted = &r
	}
	rep.DurationMs = float64(c.now().Sub(start).Microseconds()) / 1000
	return rep, nil
}

// categorySet holds categories by their place in Categories: a map would be
// allocated on every check.
type categorySet uint64

func (cs categorySet) has(c Category) bool {
	i := slices.Index(Categories, c)
	return i >= 0 && cs&(1<<i) != 0
}

func (c *Checker) categories(d Draft, pol *Policy) (categorySet, error) {
	var on categorySet
	for i, cat := range Categories {
		if len(pol.Categories) == 0 || slices.Contains(pol.Categories, cat) {
			on |= 1 << i
		}
	}
	if len(d.Categories) == 0 {
		return on, nil
	}
	var asked categorySet
	for _, s := range d.Categories {
		cat, err := ParseCategory(s)
		if err != nil {
			return 0, err
		}
		if i := slices.Index(Categories, cat); i >= 0 {
			asked |= 1 << i
		}
	}
	return on & asked, nil
}

// language fills rep.Language (and warnings) and returns the rule languages to run.
func (c *Checker) language(d Draft, rep *Report) []string {
	hint := strings.ToLower(strings.TrimSpace(d.Language))
	if hint != "" && hint != "auto" {
		rep.Language = Language{Code: hint, Name: LanguageName(hint), Source: "request", Confidence: 1, Reliable: true}
		if slices.Contains(RuleLanguages, hint) {
			return []string{hint}
		}
		rep.Warnings = append(rep.Warnings, "language "+hint+" has no language-specific rules; only language-independent rules (personal data, credentials) ran")
		return nil
	}
	det := c.detector.Detect(d.Text)
	rep.Language = det.Language
	switch {
	case !det.Language.Reliable:
		return RuleLanguages
	case slices.Contains(RuleLanguages, det.Language.Code):
		langs := []string{det.Language.Code}
		for _, l := range det.Also {
			if !slices.Contains(langs, l) && slices.Contains(RuleLanguages, l) {
				langs = append(langs, l)
			}
		}
		return langs
	default:
		var langs []string
		for _, l := range det.Also {
			if slices.Contains(RuleLanguages, l) && !slices.Contains(langs, l) {
				langs = append(langs, l)
			}
		}
		if len(langs) > 0 {
			rep.Warnings = append(rep.Warnings, "the draft looks like "+det.Language.Name+" but has "+strings.Join(langs, " and ")+" passages; their rules ran")
			return langs
		}
		rep.Warnings = append(rep.Warnings, "the draft looks like "+det.Language.Name+", which postcheck does not check yet; only language-independent rules (personal data, credentials) ran")
		return nil
	}
}

// languageNames is read-only: a map literal inside LanguageName would be built on
// every check.
var languageNames = map[string]string{"de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian",
	"nl": "Dutch", "pl": "Polish", "tr": "Turkish", "pt": "Portuguese", "und": "Undetermined"}

// LanguageName returns the English name of an ISO 639-1 code we know, else the code.
func LanguageName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	return code
}

// dedupe drops a finding when another of the same rule covers its span (the same
// span, or a larger one: "Seerose" inside "Projekt Seerose"); of equal spans the more
// severe one stays.
func dedupe(fs []Finding) []Finding { return dedupeBy(fs, len(fs) <= maxLinear) }

// dedupeBy is dedupe; linear finds the findings of a rule by going through all.
func dedupeBy(fs []Finding, linear bool) []Finding {
	var small [maxLinear]bool
	var drop []bool
	if linear {
		if len(fs) <= maxLinear {
			drop = small[:len(fs)]
		} else {
			drop = make([]bool, len(fs))
		}
		// Few findings: a rule's other findings are found by going through all of
		// them, in the order the lists below hold them.
		for i := range fs {
			for j := range fs {
				if fs[j].RuleID == fs[i].RuleID && covered(fs, drop, i, j) {
					drop[i] = true
					break
				}
			}
		}
	} else {
		drop = make([]bool, len(fs))
		byRule := make(map[string][]int, len(fs))
		for i, f := range fs {
			byRule[f.RuleID] = append(byRule[f.RuleID], i)
		}
		for _, idx := range byRule {
			if len(idx) < 2 {
				continue
			}
			for _, i := range idx {
				for _, j := range idx {
					if covered(fs, drop, i, j) {
						drop[i] = true
						break
					}
				}
			}
		}
	}
	out := fs[:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}

// covered reports whether finding j, of the same rule and still kept, covers
// finding i so that i goes.
func covered(fs []Finding, drop []bool, i, j int) bool {
	if i == j || drop[j] {
		return false
	}
	a, b := fs[i].Span, fs[j].Span
	inside := b.Start <= a.Start && a.End <= b.End
	same := a == b
	return inside && (!same || fs[j].Severity > fs[i].Severity || (fs[j].Severity == fs[i].Severity && j < i))
}

// maxLinear is the number of findings up to which dedupe and dedupeLanguages go
// through them to find another of the same rule or span instead of building a map.
const maxLinear = 64

// capFindings keeps the n most severe findings (earlier ones first among equals), in
// text order.
func capFindings(fs []Finding, n int) []Finding {
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return int(fs[b].Severity - fs[a].Severity) })
	keep := idx[:n]
	slices.Sort(keep)
	out := make([]Finding, n)
	for i, k := range keep {
		out[i] = fs[k]
	}
	return out
}

// dedupeLanguages keeps one of two findings on the same span whose rules are the
// German and English twins of one rule ("tone.insult_de", "tone.insult_en"): when a
// short draft runs both rule sets, the author should not see the same card twice.
// The twin in the draft's language stays, else the more severe one.
func dedupeLanguages(fs []Finding, lang string) []Finding {
	return dedupeLanguagesBy(fs, lang, len(fs) <= maxLinear)
}

// dedupeLanguagesBy is dedupeLanguages; linear finds a twin by going through the
// findings kept so far.
func dedupeLanguagesBy(fs []Finding, lang string, linear bool) []Finding {
	type key struct {
		base string
		span Span
	}
	var seen map[key]int
	if !linear {
		seen = make(map[key]int, len(fs))
	}
	out := fs[:0]
	for _, f := range fs {
		base, l, ok := languageTwin(f.RuleID)
		if !ok {
			out = append(out, f)
			continue
		}
		k := key{base, f.Span}
		var i int
		var dup bool
		if seen != nil {
			i, dup = seen[k]
		} else {
			// Few findings: the first kept twin of the same base and span is the one the
			// map would hold, as a replacement keeps both.
			for m := range out {
				if out[m].Span == f.Span {
					if b, _, ok := languageTwin(out[m].RuleID); ok && b == base {
						i, dup = m, true
						break
					}
				}
			}
		}
		if !dup {
			if seen != nil {
				seen[k] = len(out)
			}
			out = append(out, f)
			continue
		}
		_, prevLang, _ := languageTwin(out[i].RuleID)
		if (l == lang && prevLang != lang) || (l != lang && prevLang != lang && f.Severity > out[i].Severity) {
			out[i] = f
		}
	}
	return out
}

// languageTwin splits "tone.insult_de" into "tone.insult" and "de".
func languageTwin(id string) (base, lang string, ok bool) {
	for _, l := range RuleLanguages {
		if b, found := strings.CutSuffix(id, "_"+l); found {
			return b, l, true
		}
	}
	return id, "", false
}

// SortFindings sorts by start, then severity descending, then end, then rule id.
func SortFindings(fs []Finding) []Finding {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		switch {
		case a.Span.Start != b.Span.Start:
			return a.Span.Start - b.Span.Start
		case a.Severity != b.Severity:
			return int(b.Severity - a.Severity)
		case a.Span.End != b.Span.End:
			return a.Span.End - b.Span.End
		}
		return strings.Compare(a.RuleID, b.RuleID)
	})
	return fs
}

func msg(lang, de, en string) string {
	if lang == "de" {
		return de
	}
	return en
}

func joinSentences(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}
