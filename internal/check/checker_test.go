package check

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// fakeDetector answers a fixed detection.
type fakeDetector struct{ d Detection }

func (f fakeDetector) Detect(string) Detection { return f.d }

// fakeEngine flags every occurrence of its words with a fixed rule per word.
type fakeEngine struct {
	words map[string]Finding
	seen  *MatchRequest
}

func (e fakeEngine) Match(req MatchRequest) []Finding {
	if e.seen != nil {
		*e.seen = req
	}
	var out []Finding
	for w, tmpl := range e.words {
		for _, sp := range FindFold(req.Text, w) {
			f := tmpl
			f.Span = sp
			out = append(out, f)
		}
	}
	return out
}
func (fakeEngine) Rules() []RuleInfo {
	return []RuleInfo{{ID: "tone.x", Description: "Rule description."}}
}
func (fakeEngine) Version() string { return "test" }

func german() fakeDetector {
	return fakeDetector{Detection{Language: Language{Code: "de", Name: "German", Source: "detected", Confidence: 0.9, Reliable: true}}}
}

func newTestChecker(opts ...Option) (*Checker, *MatchRequest) {
	seen := &MatchRequest{}
	e := fakeEngine{seen: seen, words: map[string]Finding{
		"idiot":  {RuleID: "tone.x", Category: Tone, Severity: Medium, Message: "insult", Redaction: &Redaction{Operator: "replace", Text: "[…]"}},
		"nazi":   {RuleID: "hate.y", Category: Hate, Severity: High, Message: "hate"},
		"intern": {RuleID: "customer.z", Category: Customer, Severity: Low, Message: "internal"},
	}}
	return NewChecker(german(), e, opts...), seen
}

func TestCheckRejectsInvalidDrafts(t *testing.T) {
	c, _ := newTestChecker(WithMaxTextBytes(10))
	tests := []struct {
		name string
		d    Draft
		code string
	}{
		{"empty text is required", Draft{Text: ""}, ETextRequired},
		{"blank text is required", Draft{Text: " \n\t"}, ETextRequired},
		{"too long text is refused, not cut", Draft{Text: strings.Repeat("a", 11)}, ETextTooLong},
		{"invalid UTF-8 is refused", Draft{Text: "ab\xffcd"}, EInvalid},
		{"unknown category", Draft{Text: "hi", Categories: []string{"weather"}}, EUnknownCategory},
		{"unknown severity", Draft{Text: "hi", MinSeverity: "huge"}, EInvalidSeverity},
		{"unknown policy", Draft{Text: "hi", Policy: "nope"}, EUnknownPolicy},
		{"unknown audience", Draft{Text: "hi", Audience: "aliens"}, EInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Check(context.Background(), tc.d)
			if ErrorCode(err) != tc.code {
				t.Errorf("code = %q (%v), want %q", ErrorCode(err), err, tc.code)
			}
		})
	}
}

func TestVerdictFollowsTheHighestSeverity(t *testing.T) {
	c, _ := newTestChecker()
	tests := []struct {
		text    string
		verdict Verdict
	}{
		{"Alles gut heute.", Pass},
		{"Das ist intern.", Review},
		{"Du idiot.", Review},
		{"Du idiot, nazi.", Block},
	}
	for _, tc := range tests {
		rep, err := c.Check(context.Background(), Draft{Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Verdict != tc.verdict {
			t.Errorf("%q: verdict %s, want %s", tc.text, rep.Verdict, tc.verdict)
		}
		if len(rep.Categories) != len(Categories) {
			t.Errorf("categories must list all five, got %d", len(rep.Categories))
		}
		if rep.Summary == "" {
			t.Error("summary is empty")
		}
	}
}

func TestFiltersApplyCategoriesRulesAndMinimumSeverity(t *testing.T) {
	c, _ := newTestChecker()
	text := "idiot nazi intern"
	tests := []struct {
		name  string
		d     Draft
		rules []string
	}{
		{"all by default, sorted by start", Draft{Text: text}, []string{"tone.x", "hate.y", "customer.z"}},
		{"categories restrict", Draft{Text: text, Categories: []string{"hate"}}, []string{"hate.y"}},
		{"disabled rules drop", Draft{Text: text, DisabledRules: []string{"hate.y"}}, []string{"tone.x", "customer.z"}},
		{"minimum severity drops lower ones", Draft{Text: text, MinSeverity: "medium"}, []string{"tone.x", "hate.y"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := c.Check(context.Background(), tc.d)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range rep.Findings {
				got = append(got, f.RuleID)
			}
			if strings.Join(got, ",") != strings.Join(tc.rules, ",") {
				t.Errorf("rules %v, want %v", got, tc.rules)
			}
		})
	}
}

func TestLanguageDecidesWhichRulesRun(t *testing.T) {
	tests := []struct {
		name  string
		det   Detection
		hint  string
		langs []string
		warn  bool
	}{
		{"reliable German runs German rules", Detection{Language: Language{Code: "de", Reliable: true}}, "", []string{"de"}, false},
		{"unreliable runs both", Detection{Language: Language{Code: "en", Reliable: false}}, "", []string{"de", "en"}, false},
		{"mixed post runs both", Detection{Language: Language{Code: "de", Reliable: true}, Also: []string{"en"}}, "", []string{"de", "en"}, false},
		{"unsupported language runs only language-independent rules", Detection{Language: Language{Code: "fr", Name: "French", Reliable: true}}, "", nil, true},
		{"a request hint wins", Detection{Language: Language{Code: "fr", Reliable: true}}, "en", []string{"en"}, false},
		{"an unsupported hint warns", Detection{}, "tr", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			seen := &MatchRequest{}
			c := NewChecker(fakeDetector{tc.det}, fakeEngine{seen: seen})
			rep, err := c.Check(context.Background(), Draft{Text: "some text", Language: tc.hint})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(seen.Languages, ",") != strings.Join(tc.langs, ",") {
				t.Errorf("languages %v, want %v", seen.Languages, tc.langs)
			}
			if (len(rep.Warnings) > 0) != tc.warn {
				t.Errorf("warnings %v, want warning=%v", rep.Warnings, tc.warn)
			}
		})
	}
}

func TestPolicyOverridesThresholdsAllowPhrasesAndAudience(t *testing.T) {
	strict := &Policy{Name: "strict", Thresholds: Thresholds{Review: Low, Block: Medium},
		Overrides: map[string]Severity{"customer.z": High}, Disabled: map[string]bool{"hate.y": true},
		Allow: []AllowPhrase{{Phrase: "du idiot, sagte die Puppe", Rules: []string{"tone.x"}}}}
	c, _ := newTestChecker(WithPolicies(StaticPolicies(DefaultPolicy(), strict)))
	ctx := context.Background()

	rep, _ := c.Check(ctx, Draft{Text: "Du idiot.", Policy: "strict"})
	if rep.Verdict != Block {
		t.Errorf("strict policy blocks on medium, got %s", rep.Verdict)
	}
	rep, _ = c.Check(ctx, Draft{Text: "Das ist intern.", Policy: "strict"})
	if rep.MaxSeverity != High {
		t.Errorf("override should raise customer.z to high, got %s", rep.MaxSeverity)
	}
	rep, _ = c.Check(ctx, Draft{Text: "nazi", Policy: "strict"})
	if len(rep.Findings) != 0 {
		t.Errorf("disabled rule still reported: %+v", rep.Findings)
	}
	rep, _ = c.Check(ctx, Draft{Text: "„Du idiot, sagte die Puppe“ – ein Kinderbuch.", Policy: "strict"})
	if len(rep.Findings) != 0 {
		t.Errorf("allow phrase did not silence: %+v", rep.Findings)
	}
	rep, _ = c.Check(ctx, Draft{Text: "Das ist intern.", Audience: "customers"})
	if rep.Findings[0].Severity != Medium || !strings.Contains(rep.Findings[0].Explanation, "Kunden") {
		t.Errorf("audience customers should raise customer findings and say so: %+v", rep.Findings[0])
	}
}

func TestExplainAddsTheRuleDescription(t *testing.T) {
	c, _ := newTestChecker()
	rep, _ := c.Check(context.Background(), Draft{Text: "idiot", Explain: true})
	if !strings.Contains(rep.Findings[0].Explanation, "Rule description.") {
		t.Errorf("explanation %q lacks the rule description", rep.Findings[0].Explanation)
	}
}

func TestRedactMergesOverlapsAndKeepsOffsetsAfterEmoji(t *testing.T) {
	text := "🌞 Grüße, idiot: IBAN DE89 3704 0044 0532 0130 00"
	ib := strings.Index(text, "DE89")
	fs := []Finding{
		{RuleID: "tone.x", Category: Tone, Severity: Medium, Span: Span{strings.Index(text, "idiot"), strings.Index(text, "idiot") + 5}, Redaction: &Redaction{Operator: "replace", Text: "[…]"}},
		{RuleID: "privacy.iban", Category: Privacy, Severity: High, Span: Span{ib, len(text)}, Redaction: &Redaction{Operator: "mask"}},
		{RuleID: "privacy.other", Category: Privacy, Severity: Low, Span: Span{ib + 5, ib + 9}, Redaction: &Redaction{Operator: "replace", Text: "X"}},
	}
	r := Redact(text, fs)
	want := "🌞 Grüße, […]: IBAN •••• •••• •••• •••• •••• 00"
	if r.Text != want {
		t.Errorf("redacted\n got %q\nwant %q", r.Text, want)
	}
	if len(r.Items) != 2 {
		t.Fatalf("items %+v, want 2 (overlaps merged)", r.Items)
	}
	if got := r.Text[r.Items[0].Span.Start:r.Items[0].Span.End]; got != "[…]" {
		t.Errorf("item 0 points at %q", got)
	}
}

func TestErrorsMapToStatusesInOnePlace(t *testing.T) {
	for code, status := range map[string]int{EInvalidJSON: 400, EUnknownField: 400, ETextRequired: 422, ETextTooLong: 422,
		EBodyTooLarge: 413, EUnsupportedMediaType: 415, EUnknownPolicy: 422, ENotFound: 404, EInternal: 500, "whatever": 500} {
		if got := HTTPStatus(code); got != status {
			t.Errorf("HTTPStatus(%s) = %d, want %d", code, got, status)
		}
	}
	if ErrorCode(errors.New("boom")) != EInternal || ErrorMessage(errors.New("secret detail")) != "internal error" {
		t.Error("plain errors must be internal with a generic message")
	}
}

func TestSeverityJSONRoundTrips(t *testing.T) {
	for _, s := range []Severity{Low, Medium, High} {
		b, _ := s.MarshalJSON()
		var back Severity
		if err := back.UnmarshalJSON(b); err != nil || back != s {
			t.Errorf("%s: %s → %v (%v)", s, b, back, err)
		}
	}
	if b, _ := SeverityNone.MarshalJSON(); string(b) != "null" {
		t.Errorf("none marshals as %s", b)
	}
}

func TestDedupeKeepsTheWidestSpanOfARule(t *testing.T) {
	fs := []Finding{
		{RuleID: "a", Span: Span{10, 17}, Severity: Low},
		{RuleID: "a", Span: Span{2, 17}, Severity: Low},
		{RuleID: "a", Span: Span{2, 17}, Severity: Medium},
		{RuleID: "b", Span: Span{10, 17}, Severity: Low},
		{RuleID: "a", Span: Span{20, 25}, Severity: Low},
	}
	got := dedupe(fs)
	if len(got) != 3 || got[0].Span != (Span{2, 17}) || got[0].Severity != Medium || got[1].RuleID != "b" || got[2].Span != (Span{20, 25}) {
		t.Errorf("dedupe = %+v", got)
	}
}

func TestFindingsAreCappedWithAWarning(t *testing.T) {
	c, _ := newTestChecker(WithMaxFindings(3))
	rep, err := c.Check(context.Background(), Draft{Text: "intern intern idiot intern nazi intern"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 3 || len(rep.Warnings) != 1 {
		t.Fatalf("findings %d warnings %v", len(rep.Findings), rep.Warnings)
	}
	if rep.Findings[0].RuleID != "customer.z" || rep.Findings[1].RuleID != "tone.x" || rep.Findings[2].RuleID != "hate.y" {
		t.Errorf("kept %+v, want the most severe in text order", rep.Findings)
	}
	if rep.MaxSeverity != High || rep.Categories[Customer].Count != 4 {
		t.Errorf("verdict and counts must cover every finding, not only the listed ones: %v %+v", rep.MaxSeverity, rep.Categories)
	}
}

func TestLanguageTwinsOnOneSpanShowOnce(t *testing.T) {
	fs := []Finding{
		{RuleID: "tone.insult_de", Span: Span{0, 5}, Severity: Medium},
		{RuleID: "tone.insult_en", Span: Span{0, 5}, Severity: High},
		{RuleID: "tone.insult_en", Span: Span{9, 12}, Severity: High},
		{RuleID: "tone.other", Span: Span{0, 5}, Severity: Low},
	}
	got := dedupeLanguages(append([]Finding(nil), fs...), "de")
	if len(got) != 3 || got[0].RuleID != "tone.insult_de" {
		t.Errorf("German draft: %+v", got)
	}
	got = dedupeLanguages(append([]Finding(nil), fs...), "fr")
	if len(got) != 3 || got[0].RuleID != "tone.insult_en" {
		t.Errorf("other language keeps the more severe twin: %+v", got)
	}
}

func TestSummaryOfAPassWithMinorFindingsReadsRight(t *testing.T) {
	lenient := &Policy{Name: "lenient", Thresholds: Thresholds{Review: Medium, Block: High}}
	c, _ := newTestChecker(WithPolicies(StaticPolicies(DefaultPolicy(), lenient)))
	for text, want := range map[string]string{
		"Das ist intern.":         "1 kleiner Hinweis",
		"Intern und auch intern.": "2 kleine Hinweise",
	} {
		rep, err := c.Check(context.Background(), Draft{Text: text, Policy: "lenient"})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Verdict != Pass || !strings.Contains(rep.Summary, want) {
			t.Errorf("%q: %s %q, want pass with %q", text, rep.Verdict, rep.Summary, want)
		}
	}
}
