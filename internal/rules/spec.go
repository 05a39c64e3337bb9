package rules

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/postcheck/postcheck/internal/check"
)

// Text is a string per language ("de", "en").
type Text map[string]string

// Texts is a list of strings per language.
type Texts map[string][]string

// Side is one side of a near rule: terms or patterns.
type Side struct {
	Terms    []string `yaml:"terms"`
	Patterns []string `yaml:"patterns"`
	Compound string   `yaml:"compound"`
	Inflect  string   `yaml:"inflect"`
}

// NearSpec configures a near rule: A within N tokens of B.
type NearSpec struct {
	A      Side   `yaml:"a"`
	B      Side   `yaml:"b"`
	Within int    `yaml:"within"`
	Order  string `yaml:"order"` // "any" (default) or "ab"
	Span   string `yaml:"span"`  // "a", "b" or "both" (default)
}

// RedactionSpec says how a rule's finding is hidden in a redacted copy.
type RedactionSpec struct {
	Operator string `yaml:"operator"` // mask or replace
	Text     Text   `yaml:"text"`
}

// Spec is one rule as written in a pack file.
type Spec struct {
	ID           string         `yaml:"id"`
	Category     string         `yaml:"category"`
	Severity     string         `yaml:"severity"`
	Languages    []string       `yaml:"languages"`
	Kind         string         `yaml:"kind"`
	Name         string         `yaml:"name"`
	Description  string         `yaml:"description"`
	Message      Text           `yaml:"message"`
	Explanation  Text           `yaml:"explanation"`
	Suggestion   Text           `yaml:"suggestion"`
	Replacements Texts          `yaml:"replacements"`
	Redaction    *RedactionSpec `yaml:"redaction"`
	Context      []string       `yaml:"context"`
	// terms
	Terms    []string `yaml:"terms"`
	Compound string   `yaml:"compound"` // none, prefix, suffix, both
	Inflect  string   `yaml:"inflect"`  // none, de, en
	Allow    []string `yaml:"allow"`
	// pattern
	Patterns []string `yaml:"patterns"`
	On       string   `yaml:"on"` // norm (default) or raw
	Group    int      `yaml:"group"`
	// near
	Near *NearSpec `yaml:"near"`
	// validator
	Validator string            `yaml:"validator"`
	Params    map[string]string `yaml:"params"`

	Examples check.Examples `yaml:"examples"`

	file string
	line int
}

// Pos returns "file:line" of the rule.
func (s *Spec) Pos() string { return fmt.Sprintf("%s:%d", s.file, s.line) }

type packFile struct {
	Rules []yaml.Node `yaml:"rules"`
}

// LoadError points at the place in a pack or policy file that is wrong.
type LoadError struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *LoadError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

var lineRe = regexp.MustCompile(`line (\d+)`)

// YAMLError turns a yaml library error into a LoadError with the line it names.
func YAMLError(file string, err error) error {
	msg := err.Error()
	line := 1
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		fmt.Sscan(m[1], &line)
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return &LoadError{File: file, Line: line, Msg: msg}
}

// ParseSpecs reads the rules of one pack file. Errors are *LoadError with file:line.
func ParseSpecs(file string, data []byte) ([]*Spec, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		return nil, YAMLError(file, err)
	}
	if len(root.Content) == 0 {
		return nil, &LoadError{File: file, Line: 1, Msg: "empty pack: want a mapping with a 'rules' list"}
	}
	doc := root.Content[0]
	if err := CheckKeys(file, doc, reflect.TypeOf(packFile{})); err != nil {
		return nil, err
	}
	var pf packFile
	if err := doc.Decode(&pf); err != nil {
		return nil, YAMLError(file, err)
	}
	var specs []*Spec
	for i := range pf.Rules {
		n := &pf.Rules[i]
		if err := CheckKeys(file, n, reflect.TypeOf(Spec{})); err != nil {
			return nil, err
		}
		s := &Spec{file: file, line: n.Line}
		if err := n.Decode(s); err != nil {
			return nil, YAMLError(file, err)
		}
		specs = append(specs, s)
	}
	return specs, nil
}

// CheckKeys rejects mapping keys that the target struct t does not know, recursively,
// so that a typo ("term:" for "terms:") fails loudly with its line; a scalar where a
// struct belongs is an error too, null is fine.
func CheckKeys(file string, n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		if t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if err := CheckKeys(file, c, t.Elem()); err != nil {
					return err
				}
			}
			return nil
		}
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == reflect.TypeOf(yaml.Node{}) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return nil
		}
		return &LoadError{File: file, Line: n.Line, Column: n.Column, Msg: "expected a mapping"}
	}
	fields := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			tag = strings.ToLower(f.Name)
		}
		if f.IsExported() {
			fields[tag] = f.Type
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ft, ok := fields[k.Value]
		if !ok {
			known := make([]string, 0, len(fields))
			for name := range fields {
				known = append(known, name)
			}
			slices.Sort(known)
			return &LoadError{File: file, Line: k.Line, Column: k.Column,
				Msg: fmt.Sprintf("unknown field %q (known: %s)", k.Value, strings.Join(known, ", "))}
		}
		if err := CheckKeys(file, v, ft); err != nil {
			return err
		}
	}
	return nil
}
