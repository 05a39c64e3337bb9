package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/policy"
	"github.com/postcheck/postcheck/internal/rules"
)

const acmeFile = "../../examples/acme-policy.yaml"

var (
	setupOnce sync.Once
	detector  check.LanguageDetector
	engine    *rules.Engine
	setupErr  error
)

// newChecker returns a checker over the embedded packs and the given policies.
func newChecker(t testing.TB, src check.PolicySource) *check.Checker {
	t.Helper()
	setupOnce.Do(func() {
		detector = lang.New()
		engine, setupErr = rules.Default()
	})
	if setupErr != nil {
		t.Fatalf("embedded packs: %v", setupErr)
	}
	return check.NewChecker(detector, engine, check.WithPolicies(src))
}

func loadAcme(t testing.TB) *policy.Set {
	t.Helper()
	set, err := policy.LoadPaths(acmeFile)
	if err != nil {
		t.Fatalf("LoadPaths: %v", err)
	}
	return set
}

func run(t *testing.T, c *check.Checker, d check.Draft) *check.Report {
	t.Helper()
	rep, err := c.Check(context.Background(), d)
	if err != nil {
		t.Fatalf("Check(%q): %v", d.Text, err)
	}
	return rep
}

// finding returns the first finding of rule id, or nil.
func finding(rep *check.Report, id string) *check.Finding {
	for i := range rep.Findings {
		if rep.Findings[i].RuleID == id {
			return &rep.Findings[i]
		}
	}
	return nil
}

func TestTheExamplePolicyLoadsWithEveryField(t *testing.T) {
	set := loadAcme(t)
	if got := strings.Join(set.Names(), ","); got != "default,acme" {
		t.Fatalf("names = %s, want default,acme", got)
	}
	if def, _ := set.Policy(""); def.Name != check.DefaultPolicyName {
		t.Errorf(`Policy("") = %s, want the default`, def.Name)
	}
	p, ok := set.Policy("acme")
	if !ok {
		t.Fatal("acme missing")
	}
	if p.Description == "" || p.Audience != "customers" || len(p.Categories) != 5 {
		t.Errorf("description/audience/categories not read: %+v", p)
	}
	if !p.Disabled["customer.confidential_word_de"] {
		t.Error("disable not read")
	}
	if p.Overrides["customer.competitor_bashing_de"] != check.High || p.Overrides["customer.org_competitors"] != check.Medium {
		t.Errorf("overrides = %v", p.Overrides)
	}
	if p.Thresholds != (check.Thresholds{Review: check.Low, Block: check.Medium}) {
		t.Errorf("thresholds = %+v", p.Thresholds)
	}
	if len(p.Allow) != 3 {
		t.Errorf("allow = %+v", p.Allow)
	}
	info := policy.Describe(p)
	want := []string{"customer.org_projects", "customer.org_customers", "customer.org_competitors", "customer.org_abbreviations", "customer.acme_discount"}
	if strings.Join(info.ExtraRules, ",") != strings.Join(want, ",") {
		t.Errorf("extra rules = %v, want %v", info.ExtraRules, want)
	}
	if p.Source != acmeFile {
		t.Errorf("source = %q", p.Source)
	}
}

// TestEveryPolicyFieldChangesTheReport runs drafts through the full checker with
// the example policy and, where it helps, the default policy for comparison.
func TestEveryPolicyFieldChangesTheReport(t *testing.T) {
	c := newChecker(t, loadAcme(t))
	type want struct {
		rule     string         // a finding of this rule must (or, with absent, must not) be there
		absent   bool           // the rule must not fire
		severity check.Severity // when set, the finding's severity
		verdict  check.Verdict  // when set, the report's verdict
		inText   string         // when set, a text the message or redaction must contain
	}
	cases := []struct {
		name  string
		draft check.Draft
		want  want
	}{
		{"a confidential project name is a high finding and blocks",
			check.Draft{Text: "Projekt Seerose startet im Mai, wir freuen uns!", Policy: "acme"},
			want{rule: "customer.org_projects", severity: check.High, verdict: check.Block}},
		{"a project name is a whole word, not part of a compound",
			check.Draft{Text: "Unser Seerosenteich ist fertig.", Policy: "acme"},
			want{rule: "customer.org_projects", absent: true}},
		{"a project name is found in capitals too",
			check.Draft{Text: "SEEROSE kommt!", Policy: "acme"},
			want{rule: "customer.org_projects"}},
		{"a term group's own allow phrase keeps the plant variety clean",
			check.Draft{Text: "Im Teich blüht jetzt eine weiße Seerose.", Policy: "acme"},
			want{rule: "customer.org_projects", absent: true}},
		{"a category allow-phrase silences customer findings inside the blog series title",
			check.Draft{Text: "Neu im Blog: Seerose des Monats, diesmal mit Pflegetipps.", Policy: "acme"},
			want{rule: "customer.org_projects", absent: true}},
		{"a rule allow-phrase silences the customer name inside the award",
			check.Draft{Text: "Wir gratulieren allen Gewinnern zum Sonnenhof-Preis 2026!", Policy: "acme"},
			want{rule: "customer.org_customers", absent: true}},
		{"a customer name outside the award is found and raised for the customer audience",
			check.Draft{Text: "Heute neue Beete für den Sonnenhof angelegt.", Policy: "acme"},
			want{rule: "customer.org_customers", severity: check.High}},
		{"an allow-phrase without rules silences every rule inside the product name",
			check.Draft{Text: "Der Streng geheim Rasendünger ist wieder da!", Policy: "acme"},
			want{rule: "customer.confidential_marker_de", absent: true}},
		{"the same words outside the product name are still a confidentiality marker",
			check.Draft{Text: "Streng geheim: Wir eröffnen bald eine Filiale in Passau.", Policy: "acme"},
			want{rule: "customer.confidential_marker_de", verdict: check.Block}},
		{"a disabled rule does not fire under the policy",
			check.Draft{Text: "Hier ein Blick in unsere vertraulichen Planungen für 2027.", Policy: "acme"},
			want{rule: "customer.confidential_word_de", absent: true}},
		{"the same rule fires under the default policy",
			check.Draft{Text: "Hier ein Blick in unsere vertraulichen Planungen für 2027."},
			want{rule: "customer.confidential_word_de", severity: check.Medium, verdict: check.Review}},
		{"a severity override raises a built-in rule",
			check.Draft{Text: "Die Konkurrenz verkauft doch nur Schrott.", Policy: "acme", Audience: "public"},
			want{rule: "customer.competitor_bashing_de", severity: check.High}},
		{"without the policy the built-in rule keeps its severity",
			check.Draft{Text: "Die Konkurrenz verkauft doch nur Schrott.", Audience: "public"},
			want{rule: "customer.competitor_bashing_de", severity: check.Medium}},
		{"a severity override applies to organisation terms too",
			check.Draft{Text: "Wir haben den Auftrag gegen GrünWerk gewonnen.", Policy: "acme", Audience: "public"},
			want{rule: "customer.org_competitors", severity: check.Medium, verdict: check.Block}},
		{"a low finding needs review under the policy's thresholds",
			check.Draft{Text: "Morgen ist wieder AZV im Betriebshof.", Policy: "acme", Audience: "public"},
			want{rule: "customer.org_abbreviations", severity: check.Low, verdict: check.Review}},
		{"a term group's message replaces the kind's default message",
			check.Draft{Text: "Morgen ist wieder AZV im Betriebshof.", Policy: "acme", Audience: "public"},
			want{rule: "customer.org_abbreviations", inText: "Acme-internes Kürzel"}},
		{"a medium finding blocks under the policy's thresholds",
			check.Draft{Text: "Mein Chef hat keine Ahnung, wie Gartenbau funktioniert.", Policy: "acme", Audience: "public"},
			want{rule: "customer.complaint_de", severity: check.Medium, verdict: check.Block}},
		{"the policy's audience raises customer findings by one step",
			check.Draft{Text: "Mein Chef hat keine Ahnung, wie Gartenbau funktioniert.", Policy: "acme"},
			want{rule: "customer.complaint_de", severity: check.High}},
		{"an extra rule from the policy file fires",
			check.Draft{Text: "Nur diese Woche: 30 % Rabatt auf alle Rasenmäher!", Policy: "acme", Audience: "public"},
			want{rule: "customer.acme_discount", severity: check.Medium}},
		{"the extra rule keeps to its pattern",
			check.Draft{Text: "Nur diese Woche: 10 % Rabatt auf alle Rasenmäher!", Policy: "acme"},
			want{rule: "customer.acme_discount", absent: true}},
		{"organisation terms are unknown to the default policy",
			check.Draft{Text: "Projekt Seerose startet im Mai, wir freuen uns!"},
			want{rule: "customer.org_projects", absent: true}},
		{"a term group's replacement redacts the project name",
			check.Draft{Text: "Projekt Seerose startet im Mai.", Policy: "acme", Redact: true},
			want{rule: "customer.org_projects", inText: "[Projekt] startet im Mai."}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rep := run(t, c, tc.draft)
			f := finding(rep, tc.want.rule)
			if tc.want.absent {
				if f != nil {
					t.Fatalf("%s fired: %+v", tc.want.rule, *f)
				}
				return
			}
			if f == nil {
				t.Fatalf("%s did not fire; findings: %+v", tc.want.rule, rep.Findings)
			}
			if tc.want.severity != check.SeverityNone && f.Severity != tc.want.severity {
				t.Errorf("severity = %s, want %s", f.Severity, tc.want.severity)
			}
			if tc.want.verdict != "" && rep.Verdict != tc.want.verdict {
				t.Errorf("verdict = %s, want %s (findings %+v)", rep.Verdict, tc.want.verdict, rep.Findings)
			}
			if tc.want.inText != "" {
				got := f.Message
				if rep.Redacted != nil {
					got += " " + rep.Redacted.Text
				}
				if !strings.Contains(got, tc.want.inText) {
					t.Errorf("%q does not contain %q", got, tc.want.inText)
				}
			}
		})
	}
}

func TestACategoryListLeavesOtherCategoriesOut(t *testing.T) {
	p, err := policy.Parse("tone-only.yaml", []byte("name: tone-only\ncategories: [tone]\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	set, err := policy.NewSet(p)
	if err != nil {
		t.Fatal(err)
	}
	c := newChecker(t, set)
	text := "Dieser Kunde nervt einfach nur noch."
	if rep := run(t, c, check.Draft{Text: text}); finding(rep, "customer.complaint_de") == nil {
		t.Fatalf("the default policy should flag %q", text)
	}
	if rep := run(t, c, check.Draft{Text: text, Policy: "tone-only"}); rep.Categories[check.Customer].Count != 0 {
		t.Errorf("a tone-only policy reported customer findings: %+v", rep.Findings)
	}
}

// TestAudienceCustomersRaisesCustomerFindingsByOneStep pins the checker's audience
// rule: customer findings rise one step (capped at high), other categories do not.
func TestAudienceCustomersRaisesCustomerFindingsByOneStep(t *testing.T) {
	c := newChecker(t, check.StaticPolicies(check.DefaultPolicy()))
	cases := []struct {
		name, text, rule string
		public, customer check.Severity
	}{
		{"a medium complaint becomes high", "Dieser Kunde nervt einfach nur noch.", "customer.complaint_de", check.Medium, check.High},
		{"a medium English internal document becomes high", "Just saw the internal numbers for Q3 and wow.", "customer.internal_document_en", check.Medium, check.High},
		{"a high marker stays high", "Nicht weitersagen: Unser neues Modell kommt im März.", "customer.confidential_marker_de", check.High, check.High},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pub := finding(run(t, c, check.Draft{Text: tc.text, Audience: "public"}), tc.rule)
			cus := finding(run(t, c, check.Draft{Text: tc.text, Audience: "customers"}), tc.rule)
			if pub == nil || cus == nil {
				t.Fatalf("%s missing (public %v, customers %v)", tc.rule, pub, cus)
			}
			if pub.Severity != tc.public || cus.Severity != tc.customer {
				t.Errorf("public %s, customers %s; want %s, %s", pub.Severity, cus.Severity, tc.public, tc.customer)
			}
			if tc.public != tc.customer && !strings.Contains(cus.Explanation, "Kunden") && !strings.Contains(cus.Explanation, "customers") {
				t.Errorf("the explanation should name the audience: %q", cus.Explanation)
			}
		})
	}
	t.Run("other categories keep their severity", func(t *testing.T) {
		text := "Du Vollidiot!"
		pub := run(t, c, check.Draft{Text: text, Audience: "public"})
		cus := run(t, c, check.Draft{Text: text, Audience: "customers"})
		if pub.MaxSeverity == check.SeverityNone || pub.MaxSeverity != cus.MaxSeverity {
			t.Errorf("tone severity moved with the audience: public %s, customers %s", pub.MaxSeverity, cus.MaxSeverity)
		}
	})
}

func TestBadPolicyFilesFailWithFileAndLine(t *testing.T) {
	known := func(id string) bool { return id == "customer.complaint_de" }
	cases := []struct{ name, doc, want string }{
		{"an unknown field is named with its line", "name: x\naudiense: customers\n", `bad.yaml:2:1: unknown field "audiense"`},
		{"an unknown nested field is named", "name: x\nthresholds:\n  reveiw: low\n", `bad.yaml:3:3: unknown field "reveiw"`},
		{"a bad name is refused", "name: Acme GmbH\n", "bad.yaml:1:7: name is required"},
		{"a missing name is refused", "description: no name\n", "bad.yaml:1:1: name is required"},
		{"an unknown audience is refused", "name: x\naudience: everyone\n", `bad.yaml:2:11: unknown audience "everyone"`},
		{"an unknown category is refused", "name: x\ncategories: [customer, gossip]\n", `bad.yaml:2:24: unknown category "gossip"`},
		{"an unknown rule in disable is refused", "name: x\ndisable:\n  - customer.nope\n", `bad.yaml:3:5: disable: unknown rule "customer.nope"`},
		{"a bad override severity is refused", "name: x\noverrides:\n  customer.complaint_de: severe\n", `bad.yaml:3:26: overrides.customer.complaint_de: unknown severity "severe"`},
		{"an override of an unknown rule is refused", "name: x\noverrides:\n  tone.nope: low\n", `bad.yaml:3:3: overrides: unknown rule "tone.nope"`},
		{"a bad threshold is refused", "name: x\nthresholds: {review: low, block: never}\n", `bad.yaml:2:34: thresholds.block: unknown severity "never"`},
		{"review above block is refused", "name: x\nthresholds: {review: high, block: medium}\n", "bad.yaml:2:13: thresholds.review (high) must not be above thresholds.block (medium)"},
		{"an unknown term kind is refused", "name: x\nterms:\n  - kind: rival\n    category: customer\n    terms: [Foo]\n", `bad.yaml:3:5: terms[0]: unknown kind "rival"`},
		{"a term group without terms is refused", "name: x\nterms:\n  - kind: customer\n    category: customer\n", "bad.yaml:3:5: terms[0]: terms must list at least one term"},
		{"a term that expands to too many phrases is refused", "name: x\nterms:\n  - category: customer\n    terms: [\"{a|b|c|d}{a|b|c|d}{a|b|c|d}{a|b|c|d}{a|b|c|d}\"]\n", "bad.yaml:3:5: terms[0]: term"},
		{"a term group with a bad severity is refused", "name: x\nterms:\n  - category: customer\n    severity: huge\n    terms: [Foo]\n", `bad.yaml:3:5: terms[0]: unknown severity "huge"`},
		{"an allow-phrase without phrase is refused", "name: x\nallow:\n  - rules: [customer.complaint_de]\n", "bad.yaml:3:5: allow[0]: phrase is required"},
		{"an allow-phrase naming an unknown rule is refused", "name: x\nallow:\n  - phrase: foo\n    rules: [customer.nah]\n", `bad.yaml:4:12: allow[0]: unknown rule "customer.nah"`},
		{"an extra rule keeps its own line", "name: x\ndescription: d\nrules:\n  - id: customer.x\n    category: customer\n    severity: low\n    languages: [de]\n    kind: magic\n", `bad.yaml:4: rule "customer.x"`},
		{"an extra rule's unknown field is named", "name: x\nrules:\n  - id: customer.x\n    term: [a]\n", `bad.yaml:4:5: unknown field "term"`},
		{"an extra rule may not reuse a built-in id", "name: x\nrules:\n" + validRule("customer.complaint_de"), `bad.yaml:3: rule "customer.complaint_de" already exists`},
		{"broken YAML names its line", "name: x\ncategories: [a\n", "bad.yaml:"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := policy.Parse("bad.yaml", []byte(tc.doc), known)
			if err == nil {
				t.Fatalf("no error for:\n%s", tc.doc)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

func validRule(id string) string {
	return "  - id: " + id + `
    category: customer
    severity: low
    languages: [de]
    kind: terms
    name: n
    description: d
    terms: [foo]
    message: {de: m, en: m}
    examples: {bad: [foo], good: [bar]}
`
}

func TestDirectoriesLoadEveryPolicyFileAndNamesMustBeUnique(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", "name: alpha\n")
	write(t, dir, "b.yml", "name: beta\naudience: private\n")
	write(t, dir, "notes.txt", "not a policy")
	set, err := policy.LoadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(set.Names(), ","); got != "default,alpha,beta" {
		t.Errorf("names = %s", got)
	}
	write(t, dir, "c.yaml", "name: alpha\n")
	if _, err := policy.LoadPaths(dir); err == nil || !strings.Contains(err.Error(), `policy "alpha" is defined twice`) {
		t.Errorf("duplicate names: err = %v", err)
	}
	if _, err := policy.LoadPaths(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("a missing file should be an error")
	}
}

func TestAFileNamedDefaultReplacesTheBuiltInDefault(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "default.yaml", "name: default\ndescription: ours\nthresholds: {review: medium, block: high}\n")
	set, err := policy.LoadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := set.Policy("")
	if p.Description != "ours" || len(set.List()) != 1 {
		t.Errorf("default = %+v, list %d", p, len(set.List()))
	}
	c := newChecker(t, set)
	rep := run(t, c, check.Draft{Text: "Morgen ist wieder AZV im Betriebshof. Die Konkurrenz verkauft doch nur Schrott."})
	if rep.Verdict != check.Review {
		t.Errorf("verdict = %s, want review under the replaced default", rep.Verdict)
	}
}

func TestAStoreReloadsAndKeepsTheLastGoodSet(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "team.yaml", "name: team\ndescription: one\n")
	st, err := policy.NewStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := st.Policy("team")

	write(t, dir, "team.yaml", "name: team\ndescription: two\n")
	if err := st.Reload(); err != nil {
		t.Fatal(err)
	}
	after, _ := st.Policy("team")
	if after.Description != "two" || before.Description != "one" {
		t.Errorf("a policy fetched before the reload must stay as it was: before %q, after %q", before.Description, after.Description)
	}

	write(t, dir, "team.yaml", "name: team\naudience: nobody\n")
	err = st.Reload()
	if err == nil || !strings.Contains(err.Error(), "team.yaml:2:") {
		t.Fatalf("a broken file should fail with file:line, got %v", err)
	}
	if p, _ := st.Policy("team"); p.Description != "two" {
		t.Errorf("a failed reload replaced the set: %+v", p)
	}
}

func TestAStoreWatchReloadsChangedFiles(t *testing.T) {
	dir := t.TempDir()
	file := write(t, dir, "team.yaml", "name: team\ndescription: one\n")
	st, err := policy.NewStore(file)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reports := make(chan error, 8)
	done := make(chan struct{})
	go func() {
		st.Watch(ctx, 20*time.Millisecond, func(err error) { reports <- err })
		close(done)
	}()

	write(t, dir, "team.yaml", "name: team\ndescription: a longer two\n")
	if err := waitReport(t, reports); err != nil {
		t.Fatalf("reload failed: %v", err)
	}
	if p, _ := st.Policy("team"); p.Description != "a longer two" {
		t.Errorf("watch did not reload: %q", p.Description)
	}

	write(t, dir, "team.yaml", "name: team\nthresholds: {block: extreme}\n")
	if err := waitReport(t, reports); err == nil {
		t.Error("a broken file should be reported")
	}
	if p, _ := st.Policy("team"); p.Description != "a longer two" {
		t.Errorf("a failed reload replaced the set: %q", p.Description)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Watch did not return after cancel")
	}
}

func TestAStoreWithoutPathsHoldsOnlyTheDefault(t *testing.T) {
	st, err := policy.NewStore()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(st.Set().Names(), ","); got != "default" {
		t.Errorf("names = %s", got)
	}
	if _, ok := st.Policy("acme"); ok {
		t.Error("unknown policies must not be found")
	}
}

func waitReport(t *testing.T, ch <-chan error) error {
	t.Helper()
	select {
	case err := <-ch:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("no reload reported within 5s")
	}
	return nil
}

// write writes a file and moves its modification time forward, so that a change
// within the same clock tick is still seen by the watcher.
func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	var next time.Time
	if fi, err := os.Stat(p); err == nil {
		next = fi.ModTime().Add(time.Second)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if !next.IsZero() {
		if err := os.Chtimes(p, next, next); err != nil {
			t.Fatal(err)
		}
	}
	return p
}
