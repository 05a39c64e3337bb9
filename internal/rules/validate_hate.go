package rules

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

func init() {
	RegisterValidator("hate_group", newGroupPredicate)
	// The same matcher serves tone rules about non-protected groups ("Politiker sind korrupt").
	RegisterValidator("tone_group", newGroupPredicate)
	RegisterValidator("hate_codes", func(map[string]string) (MatchFunc, error) { return hateCodes, nil })
}

// splitList reads a comma-separated parameter; entries may be phrases.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// groupPredicate finds a group (by religion, origin, gender, orientation, disability …)
// and a predicate that demeans it in the same sentence: "Muslime sind Ungeziefer",
// "Ausländer raus", "women belong in the kitchen".
type groupPredicate struct {
	groups, preds *lexicon
	within        int
	// capital lists group words that count only when capitalised, because in lower
	// case they are ordinary adjectives ("schwarze Katzen" vs. "Schwarze").
	capital map[string]bool
	// groupFirst requires the group before the predicate ("Ausländer raus");
	// predFirst the other way round ("ich verachte Muslime").
	groupFirst, predFirst bool
	// rejected asks for a group right after "kein": the negation is the message
	// ("Wir brauchen keine Ausländer", "Keine Asiaten willkommen").
	rejected bool
	// final predicates count only right after the group at the end of a clause:
	// "Ausländer raus!" but not "Migranten gehen raus zum Fußball".
	final *lexicon
	// passive words before a predicate make it a report ("wurden vergast").
	passive map[string]bool
}

func newGroupPredicate(p map[string]string) (MatchFunc, error) {
	g, err := buildGroupPredicate(p)
	if err != nil {
		return nil, err
	}
	return g.match, nil
}

// buildGroupPredicate reads the parameters of a hate_group or tone_group rule.
func buildGroupPredicate(p map[string]string) (*groupPredicate, error) {
	g := &groupPredicate{preds: newLexicon(), within: 6, capital: map[string]bool{}}
	groups, preds := splitList(p["groups"]), splitList(p["predicates"])
	if len(groups) == 0 || len(preds) == 0 {
		return nil, fmt.Errorf("params groups and predicates are required (comma-separated)")
	}
	var err error
	if g.groups, err = groupLexicon(p); err != nil {
		return nil, err
	}
	if err := g.preds.add(0, preds, p["predicate_compound"], p["predicate_inflect"]); err != nil {
		return nil, fmt.Errorf("predicates: %v", err)
	}
	if f := splitList(p["final"]); len(f) > 0 {
		g.final = newLexicon()
		if err := g.final.add(0, f, "", ""); err != nil {
			return nil, fmt.Errorf("final: %v", err)
		}
	}
	g.passive = map[string]bool{}
	for _, w := range splitList(p["passive"]) {
		for _, n := range normWords(w) {
			g.passive[n] = true
		}
	}
	for _, w := range splitList(p["capitalised"]) {
		for _, n := range normWords(w) {
			g.capital[n] = true
		}
	}
	if w := p["within"]; w != "" {
		n, err := strconv.Atoi(w)
		if err != nil || n < 1 || n > 30 {
			return nil, fmt.Errorf("within must be a number from 1 to 30")
		}
		g.within = n
	}
	switch p["order"] {
	case "", "any":
	case "group_first":
		g.groupFirst = true
	case "predicate_first":
		g.predFirst = true
	default:
		return nil, fmt.Errorf("order must be any, group_first or predicate_first")
	}
	switch p["group"] {
	case "", "subject":
	case "rejected":
		g.rejected = true
	default:
		return nil, fmt.Errorf("group must be subject or rejected")
	}
	return g, nil
}

type span struct{ a, b int }

func (g *groupPredicate) collect(doc *Doc, lx *lexicon, capital bool) []span {
	if !capital {
		var out []span
		lx.scan(doc, func(int) bool { return true }, func(_, a, b int) { out = append(out, span{a, b}) })
		return out
	}
	// The group lists are shared by most rules; the draft scans each once for all.
	all := doc.lexiconSpans(lx)
	if len(g.capital) == 0 {
		return all
	}
	var out []span
	for k, s := range all {
		if !g.lowerAdjective(doc, s) {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append(make([]span, 0, len(all)), all[:k]...)
		}
	}
	if out == nil {
		return all
	}
	return out
}

// lowerAdjective reports a group word that counts only capitalised, written in lower
// case ("schwarze Katzen").
func (g *groupPredicate) lowerAdjective(doc *Doc, s span) bool {
	i, j := doc.TokenRange(s.a, s.b)
	return j-i == 1 && g.capital[doc.Tokens[i].Norm] && !doc.Tokens[i].Cap(doc.Original)
}

// Words before a group that undo a generalisation: "nicht alle Muslime", "not all men".
var (
	limiters  = set("alle", "all", "die", "the", "meisten", "most", "viele", "many", "sämtliche", "saemtliche")
	questions = set("warum", "wieso", "weshalb", "why")
)

func (g *groupPredicate) match(doc *Doc) []Hit {
	groups := g.collect(doc, g.groups, true)
	if len(groups) == 0 {
		return nil
	}
	preds := g.collect(doc, g.preds, false)
	var finals []span
	if g.final != nil {
		finals = g.collect(doc, g.final, false)
	}
	var hits []Hit
	for _, gr := range groups {
		gi, gj := doc.TokenRange(gr.a, gr.b)
		sa, sb := doc.SentenceStart(gr.a), doc.SentenceEnd(gr.b)
		neg := rejectedAt(doc, gi)
		if g.rejected != (neg >= 0) || g.negatedGroup(doc, gi) {
			continue
		}
		prep := objectOfPreposition(doc, gi)
		if f, ok := finalAfter(doc, finals, gr); ok && prep < 0 {
			hits = append(hits, Hit{Start: gr.a, End: f.b})
			continue
		}
		best, bestDist := -1, 1<<30
		for k, p := range preds {
			if p.a < gr.b && gr.a < p.b {
				continue
			}
			if p.a < sa || p.b > sb || (g.groupFirst && p.a < gr.b) || (g.predFirst && p.a > gr.a) {
				continue
			}
			pi, pj := doc.TokenRange(p.a, p.b)
			// A group after a preposition is the object of the sentence ("Gewalt gegen
			// Frauen"), unless the predicate is the preposition's own phrase ("Nein zu …").
			if prep >= 0 && pj-1 != prep {
				continue
			}
			from, to := gi, gj
			if g.rejected {
				from = neg // "brauchen keine Ausländer": the negation belongs to the group
			}
			dist := pi - to
			if pi < from {
				dist = from - pj
			}
			if dist > g.within || dist >= bestDist {
				continue
			}
			if !sameClause(doc, from, to, pi, pj) || listed(doc, from, to, pi, pj) || pj != from && negatedAfter(doc, pj) {
				continue
			}
			if negatedBetween(doc, from, to, pi, pj) || pi > 0 && g.passive[doc.Tokens[pi-1].Norm] ||
				pi > 1 && g.passive[doc.Tokens[pi-2].Norm] && pastTense[doc.Tokens[pi-2].Norm] {
				continue
			}
			best, bestDist = k, dist
		}
		if best < 0 {
			continue
		}
		p := preds[best]
		a := gr.a
		if g.rejected {
			a = doc.Tokens[neg].Start
		}
		hits = append(hits, Hit{Start: min(a, p.a), End: max(gr.b, p.b)})
	}
	return hits
}

// pastTense auxiliaries report the past even one word away: "wurden alle vergast".
var pastTense = set("wurden", "wurde", "worden", "were", "was")

// prepositions before a group make it the object of the sentence, not its subject:
// "Gewalt gegen Frauen ist widerlich", "a threat to Jews".
var prepositions = set("fuer", "gegen", "auf", "ueber", "vor", "mit", "zu", "gegenueber", "an", "for", "against", "on", "about", "with",
	"to", "towards", "toward", "at")

func objectOfPreposition(doc *Doc, gi int) int {
	k := gi - 1
	if k >= 0 && articleLike[doc.Tokens[k].Norm] {
		k--
	}
	if k >= 0 && prepositions[doc.Tokens[k].Norm] && doc.Tokens[k].End > doc.SentenceStart(doc.Tokens[gi].Start) {
		return k
	}
	return -1
}

// rejectedAt returns the index of a "kein" right before the group, with at most one
// word between ("keine weiteren Flüchtlinge"), or -1.
func rejectedAt(doc *Doc, gi int) int {
	for k := gi - 1; k >= 0 && k >= gi-2; k-- {
		if kein[doc.Tokens[k].Norm] {
			return k
		}
		if strings.ContainsAny(doc.Original[doc.Tokens[k].End:doc.Tokens[k+1].Start], ",;:.!?") {
			break
		}
	}
	return -1
}

var kein = set("kein", "keine", "keinen", "keinem", "keiner", "no")

var articleLike = set("die", "den", "der", "the", "alle", "all", "unsere", "our", "diese", "these", "those")

// finalAfter finds a final predicate right after the group that ends its clause:
// "Ausländer raus!", "#AusländerRaus", "Ausländer raus aus Deutschland".
func finalAfter(doc *Doc, finals []span, gr span) (span, bool) {
	for _, f := range finals {
		if f.a < gr.b {
			continue
		}
		gap := doc.Original[gr.b:f.a]
		if len(gap) > 3 || strings.ContainsAny(gap, ".!?;") {
			continue
		}
		rest := strings.TrimLeft(doc.Original[f.b:], " ")
		r, _ := utf8.DecodeRuneInString(rest)
		if rest == "" || strings.ContainsRune(".!?;,#\n\"“”»«'", r) || r >= 0x1F000 || strings.HasPrefix(rest, "aus ") || strings.HasPrefix(rest, "of ") {
			return f, true
		}
	}
	return span{}, false
}

// negatedGroup reports "nicht alle Muslime", "not all men", and a group the author
// belongs to: "Frauen wie ich", "people like me" (GAHD and common sense read both as
// the speaker reporting or rejecting hate, not spreading it).
func (g *groupPredicate) negatedGroup(doc *Doc, gi int) bool {
	if gi >= 2 && negators[doc.Tokens[gi-2].Norm] && limiters[doc.Tokens[gi-1].Norm] {
		return true
	}
	_, gj := gi, gi+1
	for gj < len(doc.Tokens) && gj < gi+3 {
		if w := doc.Tokens[gj].Norm; (w == "wie" || w == "like") && gj+1 < len(doc.Tokens) && selfSubject[doc.Tokens[gj+1].Norm] ||
			(w == "like") && gj+1 < len(doc.Tokens) && (doc.Tokens[gj+1].Norm == "me" || doc.Tokens[gj+1].Norm == "us") {
			return true
		}
		gj++
	}
	return false
}

// clauseBreakers start a new clause with its own subject: "Flüchtlinge würden
// zustimmen, dass Vergewaltiger Abschaum sind".
var clauseBreakers = set("dass", "das", "that", "weil", "because", "aber", "but", "obwohl", "although", "sondern", "though",
	"while", "waehrend", "wenn", "if", "when", "denn", "whereas", "unless", "ausser")

// sameClause reports whether group and predicate belong together: a predicate after
// the group with no new clause between, or an attribute right before the group
// ("kriminelle Ausländer") with no punctuation between.
func sameClause(doc *Doc, gi, gj, pi, pj int) bool {
	if pi < gi {
		gap := doc.Original[doc.Tokens[pj-1].End:doc.Tokens[gi].Start]
		return gi-pj <= 2 && !strings.ContainsAny(gap, ",;:.!?()\"„“”")
	}
	for k := gj; k < pi; k++ {
		if clauseBreakers[doc.Tokens[k].Norm] {
			return false
		}
	}
	return !strings.ContainsAny(doc.Original[doc.Tokens[gj-1].End:doc.Tokens[pi].Start], ";:()")
}

// negatedBetween reports a negation between the group and its predicate, outside the
// predicate itself (which may contain one: "nicht gleichwertig").
func negatedBetween(doc *Doc, gi, gj, pi, pj int) bool {
	from, to := gj, pi
	if pi < gi {
		from, to = pj, gi
	}
	for k := from; k < to; k++ {
		if negators[doc.Tokens[k].Norm] {
			return true
		}
	}
	// "Muslime sind dumm? Nein." and "Ich glaube nicht, dass …" put the negation before.
	for k := min(gi, pi) - 1; k >= 0 && k >= min(gi, pi)-4; k-- {
		t := doc.Tokens[k]
		if t.End <= doc.SentenceStart(doc.Tokens[min(gi, pi)].Start) {
			break
		}
		if negators[t.Norm] {
			return true
		}
	}
	return false
}

// Number codes of the far right. They count only in company of a Nazi context word,
// as a hashtag, or written with the separator that marks them ("14/88"); prices,
// years and house numbers never do.
var (
	numberCodes   = set("88", "18", "1488", "14", "hh", "28", "444", "168", "8814")
	codeContext   = set("heil", "sieg", "gruss", "gruesse", "gruessen", "reich", "fuehrer", "adolf", "hitler", "arisch", "arier", "rasse", "volk", "volksgemeinschaft", "weiss", "weisse", "weissen", "white", "aryan", "race", "nationalsozialist", "nationalsozialismus", "ns", "ss", "wotan", "odin", "rune", "runen", "skinhead", "skin", "words", "woerter", "hakenkreuz", "swastika", "reichsadler", "kameraden", "kamerad", "nationalist", "patriot", "patrioten", "blood", "honour", "honor", "blut", "ehre", "treue", "kampf", "sonnenrad", "deutschland", "germania", "vaterland")
	notCodeAfter  = set("euro", "eur", "cent", "uhr", "jahre", "jahren", "jahr", "prozent", "km", "kg", "cm", "m", "g", "ml", "l", "min", "minuten", "stunden", "tage", "stueck", "mal", "punkte", "seiten", "years", "year", "percent", "miles", "mph", "dollars", "usd", "pounds", "points", "pages", "times", "h", "kmh", "ps", "kw", "grad", "degrees", "qm", "m2")
	notCodeBefore = set("nr", "no", "nummer", "number", "str", "strasse", "weg", "platz", "allee", "seite", "page", "jahr", "year", "um", "ab", "bis", "von", "seit", "since", "im", "in", "anno", "kapitel", "chapter", "artikel", "article", "paragraph", "tel", "haus", "zimmer", "room", "gleis", "bus", "linie", "route", "teil", "part")
)

// hateCodes finds far-right number and letter codes used as codes.
func hateCodes(doc *Doc) []Hit {
	var hits []Hit
	toks := doc.Tokens
	for i, t := range toks {
		if !numberCodes[t.Norm] {
			continue
		}
		raw := doc.Original[t.Start:t.End]
		if t.Norm == "hh" && raw != "HH" {
			continue
		}
		// Money, units and addresses: "88 €", "18 Uhr", "Hauptstraße 88", "im Jahr 1488".
		if moneyOrNumber(doc.Original, t.Start, t.End) {
			continue
		}
		if i+1 < len(toks) && notCodeAfter[toks[i+1].Norm] || i > 0 && notCodeBefore[toks[i-1].Norm] {
			continue
		}
		paired := false
		switch t.Norm {
		case "14":
			// only as "14/88", "14 88" or "14 words"
			if i+1 < len(toks) && (toks[i+1].Norm == "88" || toks[i+1].Norm == "words" || toks[i+1].Norm == "woerter") {
				paired = true
			} else {
				continue
			}
		case "88", "18", "hh", "28", "444", "168":
			if i > 0 && toks[i-1].Norm == "14" && t.Norm == "88" {
				continue // reported with its "14"
			}
		}
		strong := paired
		if !strong && !t.Hashtag && !codeNear(doc, i, 6) {
			continue
		}
		end := t.End
		if paired {
			end = toks[i+1].End
		}
		hits = append(hits, Hit{Start: t.Start, End: end})
	}
	return hits
}

// codeNear reports a Nazi context word within n tokens of token i, in the same
// sentence or the line around it.
func codeNear(doc *Doc, i, n int) bool {
	for k := max(0, i-n); k < len(doc.Tokens) && k <= i+n; k++ {
		if k != i && codeContext[doc.Tokens[k].Norm] {
			return true
		}
	}
	if doc.Variant != nil {
		pos := doc.Tokens[i].Start
		for _, t := range doc.Variant {
			if t.Hashtag && codeContext[t.Norm] && absInt(t.Start-pos) < 80 {
				return true
			}
		}
	}
	return false
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// moneyOrNumber reports a number that is part of a price, a decimal, a range or a
// date: "€ 88", "88 %", "1,88", "14-18", "18.03.".
func moneyOrNumber(s string, a, b int) bool {
	before, after := s[max(0, a-3):a], s[b:min(len(s), b+3)]
	if strings.ContainsAny(before, "€$£") || strings.ContainsAny(after, "€$£%°") {
		return true
	}
	digitAt := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	if a >= 2 && strings.ContainsRune(".,:-–", rune(s[a-1])) && digitAt(a-2) && s[max(0, a-3):a] != "14/" {
		return true
	}
	if b+1 < len(s) && strings.ContainsRune(".,:-/", rune(s[b])) && digitAt(b+1) && !(s[b] == '/' && strings.HasPrefix(s[b:], "/88")) {
		return true
	}
	return false
}

func init() {
	RegisterValidator("hate_presence", newPresence)
}

// presence finds a group counted as too many or welcomed as absent: "immer mehr
// Ausländer … es wird immer schlechter", "Wo ich arbeite, gibt es keine Schwarzen!
// Fantastisch." The verdict may stand in the sentence before or after the count.
type presence struct {
	groups            *groupPredicate
	more, less        map[string]bool
	bad, good         *lexicon
	badWord, goodWord map[string]bool
}

func newPresence(p map[string]string) (MatchFunc, error) {
	pr, err := buildPresence(p)
	if err != nil {
		return nil, err
	}
	return pr.match, nil
}

// buildPresence reads the parameters of a hate_presence rule.
func buildPresence(p map[string]string) (*presence, error) {
	gp, err := newGroupLexicon(p)
	if err != nil {
		return nil, err
	}
	pr := &presence{groups: gp, more: map[string]bool{}, less: map[string]bool{}, bad: newLexicon(), good: newLexicon()}
	for _, w := range splitList(p["more"]) {
		pr.more[strings.Join(normWords(w), " ")] = true
	}
	for _, w := range splitList(p["less"]) {
		pr.less[strings.Join(normWords(w), " ")] = true
	}
	if len(pr.more) == 0 || len(pr.less) == 0 {
		return nil, fmt.Errorf("params more and less are required (comma-separated)")
	}
	if err := pr.bad.add(0, splitList(p["bad"]), "", p["verdict_inflect"]); err != nil {
		return nil, fmt.Errorf("bad: %v", err)
	}
	if err := pr.good.add(0, splitList(p["good"]), "", p["verdict_inflect"]); err != nil {
		return nil, fmt.Errorf("good: %v", err)
	}
	return pr, nil
}

// newGroupLexicon reads the group parameters shared with hate_group.
func newGroupLexicon(p map[string]string) (*groupPredicate, error) {
	g := &groupPredicate{capital: map[string]bool{}}
	if len(splitList(p["groups"])) == 0 {
		return nil, fmt.Errorf("param groups is required (comma-separated)")
	}
	var err error
	if g.groups, err = groupLexicon(p); err != nil {
		return nil, err
	}
	for _, w := range splitList(p["capitalised"]) {
		for _, n := range normWords(w) {
			g.capital[n] = true
		}
	}
	return g, nil
}

// groupLexicon builds the lexicon of the groups a rule names (param groups, with
// group_heads as heads of compounds: "Wirtschaftsflüchtlinge", "Ostasiaten"). Most hate
// rules name the same list, so a lexicon is built once per list and shared: a lexicon
// is never changed once built, and one fewer is one fewer for every garbage collection
// to mark.
func groupLexicon(p map[string]string) (*lexicon, error) {
	key := p["groups"] + "\x00" + p["group_heads"] + "\x00" + p["group_inflect"]
	groupLexicons.Lock()
	lx, ok := groupLexicons.m[key]
	groupLexicons.Unlock()
	if ok {
		return lx, nil
	}
	lx = newLexicon()
	if err := lx.add(0, splitList(p["groups"]), "", p["group_inflect"]); err != nil {
		return nil, fmt.Errorf("groups: %v", err)
	}
	if err := lx.add(0, splitList(p["group_heads"]), CompoundSuffix, p["group_inflect"]); err != nil {
		return nil, fmt.Errorf("group_heads: %v", err)
	}
	groupLexicons.Lock()
	if len(groupLexicons.m) < maxGroupLexicons {
		groupLexicons.m[key] = lx
	}
	groupLexicons.Unlock()
	return lx, nil
}

var groupLexicons = struct {
	sync.Mutex
	m map[string]*lexicon
}{m: map[string]*lexicon{}}

// maxGroupLexicons bounds the shared lexicons; policies loaded again and again may
// bring lists of their own.
const maxGroupLexicons = 64

// quantifier returns the counting word or phrase (up to two words) that ends right
// before token i, skipping one attribute ("immer mehr junge Ausländer").
func quantifier(doc *Doc, i int, words map[string]bool) (int, bool) {
	for skip := 0; skip <= 1; skip++ {
		k := i - skip
		if k < 1 {
			break
		}
		if strings.ContainsAny(doc.Original[doc.Tokens[k-1].End:doc.Tokens[k].Start], ",;:.!?()\"") {
			break
		}
		if words[doc.Tokens[k-1].Norm] {
			if k >= 2 && words[doc.Tokens[k-2].Norm+" "+doc.Tokens[k-1].Norm] {
				return k - 2, true
			}
			return k - 1, true
		}
		if k >= 2 && words[doc.Tokens[k-2].Norm+" "+doc.Tokens[k-1].Norm] {
			return k - 2, true
		}
	}
	return 0, false
}

func (pr *presence) match(doc *Doc) []Hit {
	groups := pr.groups.collect(doc, pr.groups.groups, true)
	if len(groups) == 0 {
		return nil
	}
	var bad, good []span
	pr.bad.scan(doc, func(int) bool { return true }, func(_, a, b int) { bad = append(bad, span{a, b}) })
	pr.good.scan(doc, func(int) bool { return true }, func(_, a, b int) { good = append(good, span{a, b}) })
	var hits []Hit
	for _, gr := range groups {
		gi, gj := doc.TokenRange(gr.a, gr.b)
		verdicts := bad
		q, ok := quantifier(doc, gi, pr.more)
		if !ok {
			if q, ok = quantifier(doc, gi, pr.less); !ok {
				continue
			}
			verdicts = good
		}
		// The verdict may stand in the sentence before, the same one or the next.
		sa := doc.SentenceStart(gr.a)
		if sa > 0 {
			sa = doc.SentenceStart(sa - 1)
		}
		sb := doc.SentenceEnd(gr.b)
		if sb < len(doc.Original) {
			sb = doc.SentenceEnd(min(len(doc.Original), sb+1))
		}
		for _, v := range verdicts {
			if v.a < sa || v.b > sb || v.a < gr.b && gr.a < v.b {
				continue
			}
			// "nicht schlimm" undoes the verdict; the counting "keine" itself does not.
			vi, _ := doc.TokenRange(v.a, v.b)
			negated := false
			for k := max(0, vi-2); k < vi; k++ {
				if negators[doc.Tokens[k].Norm] && (k >= gj || k < q) {
					negated = true
				}
			}
			if negated {
				continue
			}
			hits = append(hits, Hit{Start: doc.Tokens[q].Start, End: gr.b})
			break
		}
	}
	return hits
}

// listed reports a predicate that is only coordinated with the group, an item of
// the same list rather than something said about it: "Affen und Afrikaner",
// "Islamisten und Muslime".
func listed(doc *Doc, gi, gj, pi, pj int) bool {
	from, to := gj, pi
	if pi < gi {
		from, to = pj, gi
	}
	if to-from != 1 {
		return false
	}
	w := doc.Tokens[from].Norm
	return w == "und" || w == "oder" || w == "sowie" || w == "and" || w == "or"
}

// negatedAfter reports a negation right after a verb predicate, where German puts
// it: "Muslime stehlen nicht", "Schwule vermehren sich nicht".
func negatedAfter(doc *Doc, pj int) bool {
	if pj >= len(doc.Tokens) || !negators[doc.Tokens[pj].Norm] {
		return false
	}
	return !strings.ContainsAny(doc.Original[doc.Tokens[pj-1].End:doc.Tokens[pj].Start], ",;:.!?")
}
