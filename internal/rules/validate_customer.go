package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

func init() {
	RegisterValidator("customer_contempt", newContemptValidator)
}

// contemptValidator finds a person the author works with or for (customer, boss,
// colleague, employer) and a word of contempt in the same sentence. A fixed
// distance misses "mein Chef ist ein Choleriker und keiner traut sich was zu sagen";
// the sentence is the natural unit, and what cancels a hit — thanks, a lesson
// learned, a negation right before the contempt — lives in the same sentence too.
type contemptValidator struct {
	roles    map[string]bool
	contempt [][]string         // phrases of normalised words
	byFirst  map[string][]int32 // first word → indexes into contempt, ascending
	cancel   map[string]bool
	address  map[string]bool // "Ihre Kunden", "your clients": marketing speaks to, not about
	within   int
	english  bool // attributive adjectives are told by word order, not by capitals
}

// newContemptValidator reads comma-separated word lists from params: roles,
// contempt (phrases with {a|b} allowed), cancel, address; within (tokens, default
// 15) and lang (de or en).
func newContemptValidator(p map[string]string) (MatchFunc, error) {
	v, err := parseContempt(p)
	if err != nil {
		return nil, err
	}
	return v.match, nil
}

func parseContempt(p map[string]string) (*contemptValidator, error) {
	v := &contemptValidator{roles: words(p["roles"]), cancel: words(p["cancel"]), address: words(p["address"]), within: 15}
	if len(v.roles) == 0 || p["contempt"] == "" {
		return nil, fmt.Errorf("params roles and contempt are required")
	}
	for _, ph := range strings.Split(p["contempt"], ",") {
		alts, err := expand(strings.TrimSpace(ph))
		if err != nil {
			return nil, err
		}
		for _, alt := range alts {
			if w := normWords(alt); len(w) > 0 {
				v.contempt = append(v.contempt, w)
			}
		}
	}
	v.byFirst = map[string][]int32{}
	for i, ph := range v.contempt {
		v.byFirst[ph[0]] = append(v.byFirst[ph[0]], int32(i))
	}
	if s := p["within"]; s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 30 {
			return nil, fmt.Errorf("within must be 1 to 30, not %q", s)
		}
		v.within = n
	}
	switch p["lang"] {
	case "de":
	case "en":
		v.english = true
	default:
		return nil, fmt.Errorf("lang must be de or en, not %q", p["lang"])
	}
	for k := range p {
		switch k {
		case "roles", "contempt", "cancel", "address", "within", "lang":
		default:
			return nil, fmt.Errorf("unknown param %q", k)
		}
	}
	return v, nil
}

// words normalises a comma-separated list of single words.
func words(list string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Split(list, ",") {
		for _, n := range normWords(strings.TrimSpace(w)) {
			out[n] = true
		}
	}
	return out
}

func (v *contemptValidator) match(doc *Doc) []Hit {
	var hits []Hit
	toks := doc.Tokens
	for i := 0; i < len(toks); {
		sentStart := doc.SentenceStart(toks[i].Start)
		sentEnd := doc.SentenceEnd(toks[i].Start)
		j := i
		for j < len(toks) && toks[j].Start < sentEnd {
			j++
		}
		if j == i {
			j = i + 1
		}
		hits = append(hits, v.sentence(doc, i, j, sentStart)...)
		i = j
	}
	return hits
}

// sentence looks for a role and contempt among tokens [a, b).
func (v *contemptValidator) sentence(doc *Doc, a, b, sentStart int) []Hit {
	toks := doc.Tokens
	for k := a; k < b; k++ {
		if v.cancel[toks[k].Norm] {
			return nil
		}
	}
	var roles, found []int // token indexes; found holds contempt start, end pairs
	for k := a; k < b; k++ {
		if v.roles[toks[k].Norm] && !(k > a && v.address[toks[k-1].Norm]) {
			roles = append(roles, k)
		}
	}
	if len(roles) == 0 {
		return nil
	}
	var both []int32
	for k := a; k < b; k++ {
		cands := v.candidates(toks[k], &both)
		for _, i := range cands {
			ph := v.contempt[i]
			if k+len(ph) > b || !phraseAt(toks, k, ph) {
				continue
			}
			end := k + len(ph)
			if negatedAt(doc, k, a) || (len(ph) == 1 && v.attributive(doc, k, a, b)) {
				continue
			}
			found = append(found, k, end)
		}
	}
	var hits []Hit
	for f := 0; f < len(found); f += 2 {
		cs, ce := found[f], found[f+1]
		best, bestDist := -1, 0
		for _, r := range roles {
			d := cs - r
			if r >= ce {
				d = r - ce + 1
			}
			if r >= cs && r < ce {
				continue
			}
			if d <= v.within && (best < 0 || d < bestDist) {
				bestDist = d
				best = r
			}
		}
		if best < 0 {
			continue
		}
		from, to := min(best, cs), max(best+1, ce)
		hits = append(hits, Hit{Start: toks[from].Start, End: toks[to-1].End, TokStart: from, TokEnd: to})
		break // one finding per sentence is enough
	}
	return hits
}

// candidates are the contempt phrases that can start at t, in the order of the
// list, so that the first one found stays the same as trying every phrase.
func (v *contemptValidator) candidates(t text.Token, both *[]int32) []int32 {
	byNorm := v.byFirst[t.Norm]
	if t.Alt == "" || t.Alt == t.Norm {
		return byNorm
	}
	byAlt := v.byFirst[t.Alt]
	if len(byNorm) == 0 {
		return byAlt
	}
	if len(byAlt) == 0 {
		return byNorm
	}
	*both = mergeAscending((*both)[:0], byNorm, byAlt)
	return *both
}

// mergeAscending appends the union of two ascending lists to out.
func mergeAscending(out, x, y []int32) []int32 {
	for len(x) > 0 || len(y) > 0 {
		switch {
		case len(y) == 0 || (len(x) > 0 && x[0] < y[0]):
			out, x = append(out, x[0]), x[1:]
		case len(x) == 0 || y[0] < x[0]:
			out, y = append(out, y[0]), y[1:]
		default:
			out, x, y = append(out, x[0]), x[1:], y[1:]
		}
	}
	return out
}

func phraseAt(toks []text.Token, k int, ph []string) bool {
	for n, w := range ph {
		if toks[k+n].Norm != w && toks[k+n].Alt != w {
			return false
		}
	}
	return true
}

// negatedAt reports a negator among the three words before token k, or one that
// opens the sentence ("keine dummen Fragen", "No question from a client is stupid").
func negatedAt(doc *Doc, k, a int) bool {
	if negators[doc.Tokens[a].Norm] {
		return true
	}
	for n := k - 1; n >= a && n >= k-3; n-- {
		if negators[doc.Tokens[n].Norm] {
			return true
		}
	}
	return false
}

// people may follow a contempt adjective and still mean a person ("the most
// annoying person ever").
var people = set("person", "people", "guy", "guys", "man", "woman", "lady", "human", "mensch", "menschen", "typ", "typen", "frau", "mann", "leute")

// adjectives are the English contempt words that can stand before a noun.
var adjectives = set("annoying", "stupid", "dumb", "useless", "lazy", "pathetic", "incompetent", "clueless",
	"hopeless", "insufferable", "brainless", "dumbest", "braindead")

// determiners are English words that introduce a noun phrase.
var determiners = set("a", "an", "the", "this", "that", "these", "those", "my", "our", "their", "his", "her", "its",
	"some", "such", "another", "most", "what", "which")

// linking are English words after which an adjective is predicative, not attributive.
var linking = set("and", "or", "but", "as", "to", "of", "in", "on", "at", "for", "with", "ever", "again", "today",
	"af", "lol", "too", "really", "honestly", "tbh", "though", "sometimes", "lately", "all", "i", "we", "he", "she", "they", "it",
	"who", "that", "which", "how", "what", "when", "because", "if", "so", "than")

// attributive reports a contempt adjective used on a thing, not a person:
// "nervige Formulare", "stupid restaurant policy". In German the next word is a
// capitalised noun and the adjective is inflected; in English the next word is
// simply no linking word. Role nouns and words for people keep the hit.
func (v *contemptValidator) attributive(doc *Doc, k, a, b int) bool {
	if k+1 >= b {
		return false
	}
	prev := doc.Tokens[k]
	next := doc.Tokens[k+1]
	if v.english && !adjectives[prev.Norm] {
		return false
	}
	if !v.english && k > a && prev.Cap(doc.Original) {
		return false // a capitalised word inside a German sentence is a noun ("Versager")
	}
	if v.roles[next.Norm] || people[next.Norm] || strings.TrimSpace(doc.Original[prev.End:next.Start]) != "" {
		return false
	}
	if v.english {
		// "a stupid policy", "Stupid restaurant": a determiner or the sentence start
		// before the adjective, a content word after it. "are clueless about" is predicative.
		return next.Letters > 0 && !linking[next.Norm] && (k == a || determiners[doc.Tokens[k-1].Norm])
	}
	n, _ := utf8.DecodeRuneInString(doc.Original[next.Start:next.End])
	if !unicode.IsUpper(n) {
		return false
	}
	return strings.HasSuffix(prev.Norm, "e") || strings.HasSuffix(prev.Norm, "en") || strings.HasSuffix(prev.Norm, "er") || strings.HasSuffix(prev.Norm, "es")
}
