package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/rules"
)

// Set is an immutable collection of policies. It implements check.PolicySource:
// the default policy answers to "" and "default".
type Set struct {
	list   []*check.Policy // default first, then by name
	byName map[string]*check.Policy
}

var _ check.PolicySource = (*Set)(nil)

// NewSet builds a set from policies; the built-in default is added unless one of
// them is named "default". Names must be unique.
func NewSet(ps ...*check.Policy) (*Set, error) {
	s := &Set{byName: map[string]*check.Policy{}}
	for _, p := range ps {
		if prev, dup := s.byName[p.Name]; dup {
			return nil, fmt.Errorf("policy %q is defined twice: in %s and in %s", p.Name, sourceName(prev), sourceName(p))
		}
		s.byName[p.Name] = p
	}
	if _, ok := s.byName[check.DefaultPolicyName]; !ok {
		s.byName[check.DefaultPolicyName] = check.DefaultPolicy()
	}
	for _, p := range s.byName {
		s.list = append(s.list, p)
	}
	slices.SortFunc(s.list, func(a, b *check.Policy) int {
		switch {
		case a.Name == check.DefaultPolicyName:
			return -1
		case b.Name == check.DefaultPolicyName:
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return s, nil
}

func sourceName(p *check.Policy) string {
	if p.Source == "" {
		return "the built-in policies"
	}
	return p.Source
}

// Policy returns the policy with the name; "" means "default".
func (s *Set) Policy(name string) (*check.Policy, bool) {
	if name == "" {
		name = check.DefaultPolicyName
	}
	p, ok := s.byName[name]
	return p, ok
}

// List returns every policy, the default first, then by name.
func (s *Set) List() []*check.Policy { return slices.Clone(s.list) }

// Names returns the policy names in List order.
func (s *Set) Names() []string {
	out := make([]string, len(s.list))
	for i, p := range s.list {
		out[i] = p.Name
	}
	return out
}

var (
	defaultOnce  sync.Once
	defaultIDs   map[string]bool
	defaultIDErr error
)

// defaultKnown reports rule ids of the embedded packs.
func defaultKnown() (func(string) bool, error) {
	defaultOnce.Do(func() {
		e, err := rules.Default()
		if err != nil {
			defaultIDErr = err
			return
		}
		defaultIDs = map[string]bool{}
		for _, r := range e.Rules() {
			defaultIDs[r.ID] = true
		}
	})
	if defaultIDErr != nil {
		return nil, defaultIDErr
	}
	return func(id string) bool { return defaultIDs[id] }, nil
}

// LoadPaths reads policy files and directories (every *.yaml and *.yml directly in
// them) into a Set. Rule ids are checked against the embedded packs. Errors name
// file:line.
func LoadPaths(paths ...string) (*Set, error) {
	known, err := defaultKnown()
	if err != nil {
		return nil, err
	}
	return Load(known, paths...)
}

// Load is LoadPaths with the rule ids of another engine: known reports whether a
// rule id exists there (use RuleIDs(engine.Rules())).
func Load(known func(id string) bool, paths ...string) (*Set, error) {
	files, err := policyFiles(paths)
	if err != nil {
		return nil, err
	}
	var ps []*check.Policy
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		p, err := Parse(f, data, known)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return NewSet(ps...)
}

// Parse reads one policy from data; file names the source in errors.
func Parse(file string, data []byte, known func(id string) bool) (*check.Policy, error) {
	if known == nil {
		known = func(string) bool { return false }
	}
	return parse(file, data, known)
}

// RuleIDs returns a lookup over the ids of rules, for Load.
func RuleIDs(rs []check.RuleInfo) func(string) bool {
	m := make(map[string]bool, len(rs))
	for _, r := range rs {
		m[r.ID] = true
	}
	return func(id string) bool { return m[id] }
}

// policyFiles expands directories into their policy files, in a stable order.
func policyFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
		var found []string
		for _, e := range entries {
			if !e.IsDir() && isPolicyFile(e.Name()) {
				found = append(found, filepath.Join(p, e.Name()))
			}
		}
		slices.Sort(found)
		out = append(out, found...)
	}
	return out, nil
}

func isPolicyFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(name, ".")
}

// Info describes a policy for listings such as GET /api/v1/policies.
type Info struct {
	Name        string           `json:"name"`
	Description string           `json:"description"`
	Audience    string           `json:"audience"`
	Categories  []check.Category `json:"categories"`
	Thresholds  struct {
		Review check.Severity `json:"review"`
		Block  check.Severity `json:"block"`
	} `json:"thresholds"`
	DisabledRules []string                  `json:"disabledRules"`
	Overrides     map[string]check.Severity `json:"overrides"`
	AllowPhrases  int                       `json:"allowPhrases"`
	ExtraRules    []string                  `json:"extraRules"`
	Default       bool                      `json:"default"`
}

// Describe returns the listing of a policy. It names no files: clients need not
// know where the server keeps its policies.
func Describe(p *check.Policy) Info {
	in := Info{Name: p.Name, Description: p.Description, Audience: p.Audience,
		Categories: p.Categories, DisabledRules: []string{}, Overrides: map[string]check.Severity{},
		AllowPhrases: len(p.Allow), ExtraRules: []string{}, Default: p.Name == check.DefaultPolicyName}
	if len(in.Categories) == 0 {
		in.Categories = slices.Clone(check.Categories)
	}
	in.Thresholds.Review, in.Thresholds.Block = p.Thresholds.Review, p.Thresholds.Block
	for id, off := range p.Disabled {
		if off {
			in.DisabledRules = append(in.DisabledRules, id)
		}
	}
	slices.Sort(in.DisabledRules)
	for id, s := range p.Overrides {
		in.Overrides[id] = s
	}
	if p.Extra != nil {
		for _, r := range p.Extra.Rules() {
			in.ExtraRules = append(in.ExtraRules, r.ID)
		}
	}
	return in
}
