package rules

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/postcheck/postcheck/internal/check"
)

//go:embed packs/*.yaml
var packs embed.FS

// Engine holds compiled rules and implements check.Engine. It is immutable after
// construction and safe for concurrent use.
type Engine struct {
	rules   []*Rule
	byID    map[string]*Rule
	lex     *lexicon
	version string
}

// Default loads the embedded rule packs.
func Default() (*Engine, error) {
	return LoadFS(packs, "packs")
}

// LoadFS loads every *.yaml file in dir of fsys. Errors name file:line.
func LoadFS(fsys fs.FS, dir string) (*Engine, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var specs []*Spec
	h := sha256.New()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		h.Write(data)
		s, err := ParseSpecs(name, data)
		if err != nil {
			return nil, err
		}
		specs = append(specs, s...)
	}
	e, err := New(specs)
	if err != nil {
		return nil, err
	}
	e.version = "packs-" + hex.EncodeToString(h.Sum(nil))[:12]
	return e, nil
}

// New compiles specs into an engine; ids must be unique.
func New(specs []*Spec) (*Engine, error) {
	e := &Engine{byID: map[string]*Rule{}, lex: newLexicon()}
	for _, s := range specs {
		if prev, dup := e.byID[s.ID]; dup {
			return nil, &LoadError{File: s.file, Line: s.line, Msg: fmt.Sprintf("rule %q already defined at %s", s.ID, prev.Spec.Pos())}
		}
		r, err := compile(s, e.lex, len(e.rules))
		if err != nil {
			return nil, err
		}
		e.rules = append(e.rules, r)
		e.byID[s.ID] = r
	}
	h := sha256.New()
	for _, r := range e.rules {
		h.Write([]byte(r.Spec.ID))
	}
	e.version = "rules-" + hex.EncodeToString(h.Sum(nil))[:12]
	return e, nil
}

// Version identifies the rule set.
func (e *Engine) Version() string { return e.version }

// Rules lists every rule in pack order.
func (e *Engine) Rules() []check.RuleInfo {
	out := make([]check.RuleInfo, len(e.rules))
	for i, r := range e.rules {
		out[i] = r.Info()
	}
	return out
}

// Rule returns the rule with the id.
func (e *Engine) Rule(id string) (*Rule, bool) {
	r, ok := e.byID[id]
	return r, ok
}

// Match runs every rule for the request's languages (and every language-independent
// rule) and returns the findings with byte spans into req.Text.
func (e *Engine) Match(req check.MatchRequest) []check.Finding {
	doc := NewDoc(req.Text, req.Languages)
	out := e.MatchDoc(doc, req.MessageLang)
	doc.release()
	return out
}

// maxLinearSeen is the number of lexicon hits up to which MatchDoc looks for a
// repeated one by going through them; a longer draft's hits go into a map.
const maxLinearSeen = 64

// MatchDoc is Match on an already prepared draft. It works in the Doc's buffers, so
// two calls must not share a Doc at the same time.
func (e *Engine) MatchDoc(doc *Doc, msgLang string) []check.Finding {
	b := doc.buffers()
	out := b.found[:0]
	runs := b.runs[:0]
	for _, r := range e.rules {
		runs = append(runs, r.runsFor(doc.Langs))
	}
	b.runs = runs
	seen := b.seen[:0]
	var dup map[lexHit]bool
	e.lex.scan(doc, func(o int) bool { return runs[o] }, func(o, a, b int) {
		h := lexHit{o, a, b}
		if dup != nil {
			if dup[h] {
				return
			}
			dup[h] = true
		} else {
			if slices.Contains(seen, h) {
				return
			}
			seen = append(seen, h)
			if len(seen) > maxLinearSeen {
				dup = make(map[lexHit]bool, 2*len(seen))
				for _, s := range seen {
					dup[s] = true
				}
			}
		}
		out = e.finding(out, doc, e.rules[o], Hit{Start: a, End: b}, msgLang)
	})
	b.seen = seen
	for i, r := range e.rules {
		if !runs[i] || r.matcher == nil {
			continue
		}
		for _, h := range r.matcher.match(doc) {
			out = e.finding(out, doc, r, h, msgLang)
		}
	}
	b.found = out
	if len(out) == 0 {
		return nil
	}
	// The findings are copied out at their number: growing the slice would cost
	// about as much again, and the buffer stays for the next draft.
	return slices.Clone(out)
}

// finding turns a hit into a finding unless an allow phrase or the context removes it.
func (e *Engine) finding(out []check.Finding, doc *Doc, r *Rule, h Hit, lang string) []check.Finding {
	if h.Start < 0 || h.End > len(doc.Original) || h.Start >= h.End || allowed(doc, r, h) {
		return out
	}
	sev := r.Severity
	if h.Severity != check.SeverityNone {
		sev = h.Severity
	}
	sev, notes := adjust(doc, r, h, sev)
	if sev == check.SeverityNone {
		return out
	}
	s := r.Spec
	matched := doc.Original[h.Start:h.End]
	expl := fill(s.Explanation.pick(lang), matched)
	expl = appendNote(expl, h.Note, lang)
	for _, n := range notes {
		expl = appendNote(expl, n, lang)
	}
	f := check.Finding{
		RuleID: s.ID, Category: r.Category, Severity: sev, Span: check.Span{Start: h.Start, End: h.End},
		Message: fill(s.Message.pick(lang), matched), Explanation: expl,
	}
	repl := s.Replacements.pick(lang)
	if h.Replacements != nil {
		repl = h.Replacements.pick(lang)
	}
	if sg := s.Suggestion.pick(lang); sg != "" || len(repl) > 0 {
		f.Suggestion = &check.Suggestion{Message: fill(sg, matched), Replacements: append([]string{}, repl...)}
	}
	if s.Redaction != nil {
		txt := s.Redaction.Text.pick(lang)
		if h.Redaction != nil {
			txt = h.Redaction.pick(lang)
		}
		f.Redaction = &check.Redaction{Operator: s.Redaction.Operator, Text: txt}
	}
	return append(out, f)
}

// appendNote adds the note in lang to the explanation.
func appendNote(expl string, n Text, lang string) string {
	if t := n.pick(lang); t != "" {
		return strings.TrimSpace(expl + " " + t)
	}
	return expl
}

// fill puts the matched text in place of {match}.
func fill(s, matched string) string {
	if !strings.Contains(s, "{match}") {
		return s
	}
	return strings.ReplaceAll(s, "{match}", matched)
}

// allowed reports whether the hit lies inside one of the rule's allow phrases.
func allowed(doc *Doc, r *Rule, h Hit) bool {
	if len(r.allow) == 0 {
		return false
	}
	i, j := doc.TokenRange(h.Start, h.End)
	for _, phrase := range r.allow {
		n := len(phrase)
		for s := max(0, j-n); s <= i && s+n <= len(doc.Tokens); s++ {
			if s+n < j {
				continue
			}
			ok := true
			for k, w := range phrase {
				if doc.Tokens[s+k].Norm != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}
