// Package policy reads organisation policies from YAML files: which categories run,
// which rules are off or rated differently, when a draft needs review or is blocked,
// the organisation's own terms (project code names, customers, competitors, internal
// abbreviations), allow-phrases and extra rules in the format of the embedded packs.
//
// A Set is an immutable collection of policies that implements check.PolicySource;
// a Store holds the current Set, reloads it on demand and can watch the files.
package policy

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/rules"
)

// fileSpec is a policy file as written. Field names are the YAML keys.
type fileSpec struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description"`
	Audience    string            `yaml:"audience"`
	Categories  []string          `yaml:"categories"`
	Disable     []string          `yaml:"disable"`
	Overrides   map[string]string `yaml:"overrides"`
	Thresholds  *thresholdSpec    `yaml:"thresholds"`
	Terms       []termSpec        `yaml:"terms"`
	Allow       []allowSpec       `yaml:"allow"`
	// Rules are extra rules in the format of the embedded packs.
	Rules []yaml.Node `yaml:"rules"`
}

type thresholdSpec struct {
	Review string `yaml:"review"`
	Block  string `yaml:"block"`
}

// termSpec is one group of organisation terms that share a rating and a message.
type termSpec struct {
	ID          string     `yaml:"id"`
	Kind        string     `yaml:"kind"`
	Category    string     `yaml:"category"`
	Severity    string     `yaml:"severity"`
	Languages   []string   `yaml:"languages"`
	Terms       []string   `yaml:"terms"`
	Allow       []string   `yaml:"allow"`
	Message     rules.Text `yaml:"message"`
	Explanation rules.Text `yaml:"explanation"`
	Suggestion  rules.Text `yaml:"suggestion"`
	Replace     []string   `yaml:"replace"`
}

type allowSpec struct {
	Phrase     string   `yaml:"phrase"`
	Rules      []string `yaml:"rules"`
	Categories []string `yaml:"categories"`
}

// Term kinds an organisation may list; each has a default message.
var termKinds = []string{"project", "customer", "competitor", "abbreviation", "term"}

var (
	nameRe   = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)
	termIDRe = regexp.MustCompile(`^[a-z0-9_]+$`)
)

// parse reads one policy file. known reports whether a rule id exists in the main
// engine; ids of the file's own terms and extra rules are always known.
func parse(file string, data []byte, known func(string) bool) (*check.Policy, error) {
	fail := func(n *yaml.Node, format string, args ...any) error {
		line, col := 1, 0
		if n != nil {
			line, col = n.Line, n.Column
		}
		return &rules.LoadError{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		return nil, rules.YAMLError(file, err)
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fail(nil, "a policy file must be a mapping with at least a name")
	}
	doc := root.Content[0]
	if err := rules.CheckKeys(file, doc, reflect.TypeOf(fileSpec{})); err != nil {
		return nil, err
	}
	var fs fileSpec
	if err := doc.Decode(&fs); err != nil {
		return nil, rules.YAMLError(file, err)
	}
	node := func(key string) *yaml.Node { return valueNode(doc, key) }

	p := &check.Policy{
		Name:        fs.Name,
		Description: strings.TrimSpace(fs.Description),
		Audience:    fs.Audience,
		Thresholds:  check.Thresholds{Review: check.Low, Block: check.High},
		Source:      file,
	}
	if !nameRe.MatchString(p.Name) {
		return nil, fail(orDoc(node("name"), doc), "name is required: lower-case letters, digits, '-' and '_' (got %q)", p.Name)
	}
	if p.Audience == "" {
		p.Audience = "public"
	} else if !slices.Contains(check.Audiences, p.Audience) {
		return nil, fail(node("audience"), "unknown audience %q: use %s", p.Audience, strings.Join(check.Audiences, ", "))
	}
	for i, c := range fs.Categories {
		cat, err := check.ParseCategory(c)
		if err != nil {
			return nil, fail(item(node("categories"), i), "%v", err)
		}
		if !slices.Contains(p.Categories, cat) {
			p.Categories = append(p.Categories, cat)
		}
	}
	if node("categories") != nil && len(p.Categories) == 0 {
		return nil, fail(node("categories"), "categories is empty: list at least one, or leave it out for all")
	}
	if t := fs.Thresholds; t != nil {
		tn := node("thresholds")
		for _, x := range []struct {
			key string
			val string
			dst *check.Severity
		}{{"review", t.Review, &p.Thresholds.Review}, {"block", t.Block, &p.Thresholds.Block}} {
			if x.val == "" {
				continue
			}
			s, err := check.ParseSeverity(x.val)
			if err != nil {
				return nil, fail(valueNode(tn, x.key), "thresholds.%s: %v", x.key, err)
			}
			*x.dst = s
		}
		if p.Thresholds.Review > p.Thresholds.Block {
			return nil, fail(tn, "thresholds.review (%s) must not be above thresholds.block (%s)", p.Thresholds.Review, p.Thresholds.Block)
		}
	}

	// The file's own rules first: their ids are valid targets for disable and overrides.
	var specs []*rules.Spec
	own := map[string]bool{}
	termNodes := node("terms")
	for i := range fs.Terms {
		s, err := termRule(p.Name, &fs.Terms[i], i)
		if err != nil {
			return nil, fail(item(termNodes, i), "terms[%d]: %v", i, err)
		}
		if own[s.ID] {
			return nil, fail(item(termNodes, i), "terms[%d]: id %q is used twice", i, s.ID)
		}
		own[s.ID] = true
		specs = append(specs, s)
	}
	if rn := node("rules"); rn != nil {
		extra, err := rules.ParseSpecs(file, onlyKey(data, doc, "rules"))
		if err != nil {
			return nil, err
		}
		for _, s := range extra {
			if own[s.ID] || known(s.ID) {
				return nil, &rules.LoadError{File: file, Line: lineOf(s), Msg: fmt.Sprintf("rule %q already exists; extra rules need new ids", s.ID)}
			}
			own[s.ID] = true
		}
		specs = append(specs, extra...)
	}
	if len(specs) > 0 {
		e, err := rules.New(specs)
		if err != nil {
			var le *rules.LoadError
			if errors.As(err, &le) && le.File == "" {
				// Term rules are built here, not read: point at the terms list.
				le.File, le.Line = file, orDoc(termNodes, doc).Line
			}
			return nil, err
		}
		p.Extra = e
	}
	isRule := func(id string) bool { return own[id] || known(id) }

	for i, id := range fs.Disable {
		if !isRule(id) {
			return nil, fail(item(node("disable"), i), "disable: unknown rule %q", id)
		}
		if p.Disabled == nil {
			p.Disabled = map[string]bool{}
		}
		p.Disabled[id] = true
	}
	if on := node("overrides"); on != nil {
		for i := 0; i+1 < len(on.Content); i += 2 {
			k, v := on.Content[i], on.Content[i+1]
			if !isRule(k.Value) {
				return nil, fail(k, "overrides: unknown rule %q", k.Value)
			}
			s, err := check.ParseSeverity(v.Value)
			if err != nil {
				return nil, fail(v, "overrides.%s: %v", k.Value, err)
			}
			if p.Overrides == nil {
				p.Overrides = map[string]check.Severity{}
			}
			p.Overrides[k.Value] = s
		}
	}
	allowNodes := node("allow")
	for i, a := range fs.Allow {
		an := item(allowNodes, i)
		if strings.TrimSpace(a.Phrase) == "" {
			return nil, fail(an, "allow[%d]: phrase is required", i)
		}
		ap := check.AllowPhrase{Phrase: strings.TrimSpace(a.Phrase)}
		for _, id := range a.Rules {
			if !isRule(id) {
				return nil, fail(valueNode(an, "rules"), "allow[%d]: unknown rule %q", i, id)
			}
			ap.Rules = append(ap.Rules, id)
		}
		for _, c := range a.Categories {
			cat, err := check.ParseCategory(c)
			if err != nil {
				return nil, fail(valueNode(an, "categories"), "allow[%d]: %v", i, err)
			}
			ap.Categories = append(ap.Categories, cat)
		}
		p.Allow = append(p.Allow, ap)
	}
	return p, nil
}

// termRule turns an organisation term group into a terms rule.
func termRule(policy string, t *termSpec, i int) (*rules.Spec, error) {
	kind := t.Kind
	if kind == "" {
		kind = "term"
	}
	if !slices.Contains(termKinds, kind) {
		return nil, fmt.Errorf("unknown kind %q: use %s", kind, strings.Join(termKinds, ", "))
	}
	if t.Category == "" {
		return nil, fmt.Errorf("category is required")
	}
	if _, err := check.ParseCategory(t.Category); err != nil {
		return nil, err
	}
	sev := t.Severity
	if sev == "" {
		sev = "medium"
	}
	if _, err := check.ParseSeverity(sev); err != nil {
		return nil, err
	}
	if len(t.Terms) == 0 {
		return nil, fmt.Errorf("terms must list at least one term")
	}
	for _, term := range t.Terms {
		if strings.TrimSpace(term) == "" {
			return nil, fmt.Errorf("terms may not be blank")
		}
		if n := alternatives(term); n > maxAlternatives {
			return nil, fmt.Errorf("term %q expands to %d phrases; the limit is %d", term, n, maxAlternatives)
		}
	}
	id := t.ID
	if id == "" {
		id = fmt.Sprintf("%s_%d", kind, i+1)
	}
	if !termIDRe.MatchString(id) {
		return nil, fmt.Errorf("id %q: use lower-case letters, digits and '_'", id)
	}
	langs := t.Languages
	if len(langs) == 0 {
		langs = []string{rules.AnyLanguage}
	}
	d := kindDefaults[kind]
	s := &rules.Spec{
		ID:          t.Category + ".org_" + id,
		Category:    t.Category,
		Severity:    sev,
		Languages:   langs,
		Kind:        rules.KindTerms,
		Name:        d.name,
		Description: fmt.Sprintf("%s (policy %s): %s.", d.name, policy, strings.Join(t.Terms, ", ")),
		Message:     merge(t.Message, d.message),
		Explanation: merge(t.Explanation, d.explanation),
		Suggestion:  merge(t.Suggestion, d.suggestion),
		Terms:       t.Terms,
		Allow:       t.Allow,
		Examples:    check.Examples{Bad: t.Terms, Good: []string{"Schönes Wochenende! / Have a nice weekend!"}},
	}
	if len(t.Replace) > 0 {
		s.Replacements = rules.Texts{"de": t.Replace, "en": t.Replace}
		s.Redaction = &rules.RedactionSpec{Operator: "replace", Text: rules.Text{"de": t.Replace[0], "en": t.Replace[0]}}
	}
	return s, nil
}

// maxAlternatives bounds what one term may expand to, so that "{a|b}{c|d}…" in a
// policy file cannot make loading take forever.
const maxAlternatives = 1000

// alternatives counts the phrases a term with {a|b} groups expands to.
func alternatives(term string) int {
	n := 1
	for {
		i := strings.IndexByte(term, '{')
		if i < 0 {
			return n
		}
		j := strings.IndexByte(term[i:], '}')
		if j < 0 {
			return n
		}
		n *= strings.Count(term[i:i+j], "|") + 1
		if n > maxAlternatives {
			return n
		}
		term = term[i+j+1:]
	}
}

// merge fills the languages t lacks from def.
func merge(t, def rules.Text) rules.Text {
	out := rules.Text{}
	for k, v := range def {
		out[k] = v
	}
	for k, v := range t {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

type kindText struct {
	name                             string
	message, explanation, suggestion rules.Text
}

var kindDefaults = map[string]kindText{
	"project": {
		name:        "Confidential project name",
		message:     rules.Text{"de": "„{match}“ ist ein vertraulicher Projektname.", "en": "“{match}” is a confidential project name."},
		explanation: rules.Text{"de": "Ihre Organisation führt diesen Namen als intern; öffentlich verrät er Pläne, bevor sie angekündigt sind.", "en": "Your organisation lists this name as internal; in public it gives away plans before they are announced."},
		suggestion:  rules.Text{"de": "Lassen Sie den Namen weg oder warten Sie auf die offizielle Ankündigung.", "en": "Leave the name out or wait for the official announcement."},
	},
	"customer": {
		name:        "Customer name",
		message:     rules.Text{"de": "„{match}“ ist ein Kunde Ihrer Organisation.", "en": "“{match}” is a customer of your organisation."},
		explanation: rules.Text{"de": "Kunden öffentlich zu nennen braucht deren Zustimmung.", "en": "Naming customers in public needs their consent."},
		suggestion:  rules.Text{"de": "Nennen Sie den Kunden nur mit Freigabe, sonst allgemein („ein Kunde aus dem Handel“).", "en": "Name the customer only with approval, otherwise describe them in general (“a retail customer”)."},
	},
	"competitor": {
		name:        "Competitor name",
		message:     rules.Text{"de": "„{match}“ ist ein Mitbewerber.", "en": "“{match}” is a competitor."},
		explanation: rules.Text{"de": "Aussagen über Mitbewerber wirken schnell abwertend und können wettbewerbsrechtlich heikel sein.", "en": "Statements about competitors easily read as disparaging and can raise fair-competition issues."},
		suggestion:  rules.Text{"de": "Sprechen Sie über Ihre eigenen Stärken statt über Mitbewerber.", "en": "Talk about your own strengths instead of competitors."},
	},
	"abbreviation": {
		name:        "Internal abbreviation",
		message:     rules.Text{"de": "„{match}“ ist eine interne Abkürzung.", "en": "“{match}” is an internal abbreviation."},
		explanation: rules.Text{"de": "Interne Kürzel verstehen Kunden nicht, und sie verraten interne Abläufe.", "en": "Customers do not understand internal abbreviations, and they reveal internal processes."},
		suggestion:  rules.Text{"de": "Schreiben Sie aus, was gemeint ist, oder lassen Sie es weg.", "en": "Spell out what you mean or leave it out."},
	},
	"term": {
		name:        "Organisation term",
		message:     rules.Text{"de": "„{match}“ steht auf der Liste Ihrer Organisation.", "en": "“{match}” is on your organisation's list."},
		explanation: rules.Text{"de": "Ihre Organisation möchte diesen Begriff nicht öffentlich sehen.", "en": "Your organisation does not want this term in public."},
		suggestion:  rules.Text{"de": "Formulieren Sie ohne diesen Begriff.", "en": "Rephrase without this term."},
	},
}

// valueNode returns the value of key in mapping n, or nil.
func valueNode(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// item returns element i of sequence n, or n itself when it has no such element.
func item(n *yaml.Node, i int) *yaml.Node {
	if n != nil && n.Kind == yaml.SequenceNode && i < len(n.Content) {
		return n.Content[i]
	}
	return n
}

func orDoc(n, doc *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return doc
}

// onlyKey returns data with every top-level entry except key blanked out, line for
// line, so that rules.ParseSpecs reads the extra rules and reports their real lines.
func onlyKey(data []byte, doc *yaml.Node, key string) []byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	from, to := -1, len(lines)
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k := doc.Content[i]
		if k.Value == key {
			from = k.Line - 1
			continue
		}
		if from >= 0 && k.Line-1 > from {
			to = min(to, k.Line-1)
		}
	}
	out := make([]byte, 0, len(data))
	for i, l := range lines {
		if i < from || i >= to {
			if bytes.HasSuffix(l, []byte("\n")) {
				out = append(out, '\n')
			}
			continue
		}
		out = append(out, l...)
	}
	return out
}

// lineOf reads a spec's line from its position "file:line".
func lineOf(s *rules.Spec) int {
	pos := s.Pos()
	var line int
	fmt.Sscan(pos[strings.LastIndexByte(pos, ':')+1:], &line)
	return line
}
