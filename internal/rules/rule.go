package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/text"
)

// Context adjustments a rule may opt into.
const (
	CtxNegation = "negation" // "kein Idiot", "not an idiot": lowered by two steps
	CtxSelf     = "self"     // "ich war so dumm", "I was an idiot": lowered by one
	CtxQuote    = "quote"    // quoted or reported speech: lowered by one
	CtxTarget   = "target"   // aimed at someone ("du Idiot", "you idiot", "@name"): raised by one
	// CtxCounter is counter-speech ("Wer 'Ausländer raus' ruft, …"): the finding is dropped.
	CtxCounter = "counter"
	// CtxReclaimed is self-identification ("ich bin schwul", "as a queer woman"): lowered by two.
	CtxReclaimed = "reclaimed"
)

var knownContexts = []string{CtxNegation, CtxSelf, CtxQuote, CtxTarget, CtxCounter, CtxReclaimed}

// Rule kinds.
const (
	KindTerms     = "terms"
	KindPattern   = "pattern"
	KindNear      = "near"
	KindValidator = "validator"
)

// Hit is a raw match of one rule: a byte span of the original text, the token range
// it covers (or -1 when it did not come from tokens), and optional adjustments.
type Hit struct {
	Start, End int
	TokStart   int // index of the first token in the sequence it was found in, or -1
	TokEnd     int
	// Severity, when set, replaces the rule's severity (validators rate their own hits).
	Severity check.Severity
	// Note is appended to the explanation ("Name + Alter + Kita …").
	Note Text
	// Replacements, when set, replace the rule's suggestions.
	Replacements Texts
	// Redaction, when set, replaces the rule's redaction text.
	Redaction Text
}

// matcher finds the hits of one rule in a prepared text.
type matcher interface {
	match(doc *Doc) []Hit
}

// Rule is a compiled rule.
type Rule struct {
	Spec     *Spec
	Category check.Category
	Severity check.Severity
	langs    []string // nil means every language
	matcher  matcher
	allow    [][]string // normalised allow phrases
	context  map[string]bool
}

// AnyLanguage in a rule's languages marks a language-independent rule.
const AnyLanguage = "*"

// Info returns the public description of the rule.
func (r *Rule) Info() check.RuleInfo {
	langs := r.Spec.Languages
	return check.RuleInfo{ID: r.Spec.ID, Category: r.Category, Severity: r.Severity, Languages: langs,
		Name: r.Spec.Name, Description: r.Spec.Description, Kind: r.Spec.Kind, Examples: r.Spec.Examples}
}

// runsFor reports whether the rule runs for the given rule languages.
func (r *Rule) runsFor(langs []string) bool {
	if r.langs == nil {
		return true
	}
	for _, l := range r.langs {
		if slices.Contains(langs, l) {
			return true
		}
	}
	return false
}

var idRe = regexp.MustCompile(`^[a-z]+\.[a-z0-9_]+$`)

// compile validates a spec and builds its rule.
// Terms rules are added to lex under owner; the engine scans all of them in one pass.
func compile(s *Spec, lex *lexicon, owner int) (*Rule, error) {
	fail := func(format string, args ...any) error {
		return &LoadError{File: s.file, Line: s.line, Msg: fmt.Sprintf("rule %q: ", s.ID) + fmt.Sprintf(format, args...)}
	}
	if !idRe.MatchString(s.ID) {
		return nil, fail("id must look like category.snake_name")
	}
	cat, err := check.ParseCategory(s.Category)
	if err != nil {
		return nil, fail("%v", err)
	}
	if !strings.HasPrefix(s.ID, s.Category+".") {
		return nil, fail("id must start with its category %q", s.Category+".")
	}
	sev, err := check.ParseSeverity(s.Severity)
	if err != nil {
		return nil, fail("%v", err)
	}
	r := &Rule{Spec: s, Category: cat, Severity: sev, context: map[string]bool{}}
	if len(s.Languages) == 0 {
		return nil, fail("languages is required: de, en or * for language-independent rules")
	}
	for _, l := range s.Languages {
		switch l {
		case AnyLanguage:
			if len(s.Languages) > 1 {
				return nil, fail("'*' must be the only language")
			}
		case "de", "en":
			r.langs = append(r.langs, l)
		default:
			return nil, fail("unsupported language %q: use de, en or *", l)
		}
	}
	if s.Name == "" || s.Description == "" {
		return nil, fail("name and description are required")
	}
	for _, l := range []string{"de", "en"} {
		if s.Message[l] == "" {
			return nil, fail("message.%s is required", l)
		}
	}
	for _, c := range s.Context {
		if !slices.Contains(knownContexts, c) {
			return nil, fail("unknown context %q (known: %s)", c, strings.Join(knownContexts, ", "))
		}
		r.context[c] = true
	}
	if s.Redaction != nil && s.Redaction.Operator != "mask" && s.Redaction.Operator != "replace" {
		return nil, fail("redaction.operator must be mask or replace")
	}
	if len(s.Examples.Bad) == 0 || len(s.Examples.Good) == 0 {
		return nil, fail("examples need at least one bad and one good text")
	}
	for _, a := range s.Allow {
		r.allow = append(r.allow, normWords(a))
	}
	switch s.Kind {
	case KindTerms:
		if len(s.Terms) == 0 {
			return nil, fail("a terms rule needs terms")
		}
		if err := lex.add(owner, s.Terms, s.Compound, s.Inflect); err != nil {
			return nil, fail("%v", err)
		}
	case KindPattern:
		m, err := newPatternMatcher(s.Patterns, s.On, s.Group)
		if err != nil {
			return nil, fail("%v", err)
		}
		r.matcher = m
	case KindNear:
		if s.Near == nil {
			return nil, fail("a near rule needs near: {a, b, within}")
		}
		m, err := newNearMatcher(s.Near)
		if err != nil {
			return nil, fail("%v", err)
		}
		r.matcher = m
	case KindValidator:
		v, ok := validators[s.Validator]
		if !ok {
			return nil, fail("unknown validator %q (known: %s)", s.Validator, strings.Join(ValidatorNames(), ", "))
		}
		m, err := v(s.Params)
		if err != nil {
			return nil, fail("validator %s: %v", s.Validator, err)
		}
		r.matcher = m
	default:
		return nil, fail("unknown kind %q: use terms, pattern, near or validator", s.Kind)
	}
	return r, nil
}

// normWords returns the normalised words of a phrase. The packs name the same words
// many times over (every hate rule reads the list of groups), so the answers are kept;
// a returned slice is shared and must not be changed (its capacity is its length, so
// an append copies).
func normWords(s string) []string {
	if plainWord(s) {
		return []string{s} // normalising changes nothing
	}
	normMu.Lock()
	out, ok := normCache[s]
	normMu.Unlock()
	if ok {
		return out
	}
	toks := text.Prepare(s).Tokens
	out = make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
	}
	normMu.Lock()
	if len(normCache) < maxNormCache {
		normCache[s] = out
	}
	normMu.Unlock()
	return out
}

var (
	normMu    sync.Mutex
	normCache = map[string][]string{}
)

// maxNormCache bounds the kept answers; policies loaded again and again add words.
const maxNormCache = 1 << 17

// pick returns the text for lang, falling back to English, then German.
func (t Text) pick(lang string) string {
	if v := t[lang]; v != "" {
		return v
	}
	if v := t["en"]; v != "" {
		return v
	}
	return t["de"]
}

func (t Texts) pick(lang string) []string {
	if v := t[lang]; len(v) > 0 {
		return v
	}
	if v := t["en"]; len(v) > 0 {
		return v
	}
	return t["de"]
}

// plainWord reports whether s is one word of small ASCII letters without three equal
// letters in a row: text.Prepare would give it back as it is.
func plainWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' || i >= 2 && s[i] == s[i-1] && s[i] == s[i-2] {
			return false
		}
	}
	return true
}
