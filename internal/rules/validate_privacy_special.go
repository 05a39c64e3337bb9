package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/text"
)

// A special-category fact (GDPR Art. 9) is flagged only when it is about someone: the
// author ("ich habe Depressionen") or another person ("Kollege Müller ist krank"). Advice
// and general statements ("Depressionen sind behandelbar") name nobody and pass.

// phrase is a sequence of normalised words: a word ending in '*' matches as a prefix,
// one starting with '*' as a suffix, "a|b" matches either word and "_" any one word.
// Words marked with a leading '=' are the part reported (all words when none is marked):
// in "ist _ =schwul" the finding is "schwul", not the verb before it.
type phrase struct {
	words      [][]string
	focusStart int
	focusEnd   int
}

func parsePhrases(list string) []phrase {
	var out []phrase
	for _, p := range strings.Split(list, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		ph := phrase{focusStart: -1}
		for i, w := range strings.Fields(p) {
			if strings.HasPrefix(w, "=") {
				w = w[1:]
				if ph.focusStart < 0 {
					ph.focusStart = i
				}
				ph.focusEnd = i + 1
			}
			ph.words = append(ph.words, strings.Split(w, "|"))
		}
		if ph.focusStart < 0 {
			ph.focusStart, ph.focusEnd = 0, len(ph.words)
		}
		out = append(out, ph)
	}
	return out
}

// copula builds, for each term, the phrases "COP =term", "COP _ =term" and "=term COP": a term counts
// only as what someone is ("ist Muslimin", "is gay", "ist übrigens schwul"), not as a
// word in a slur or a compound ("gay ass", "Katholikentag").
func copula(terms string) string {
	const cop = "ist|sei|war|waere|bin|bist|wurde|is|was|be|been|being|are|am|als|as|he's|she's|hes|shes|i'm|im"
	var b strings.Builder
	for _, t := range strings.Split(terms, ",") {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		f := "=" + strings.ReplaceAll(t, " ", " =")
		// German subordinate clauses put the verb last: "dass unser Chef schwul ist".
		fmt.Fprintf(&b, "%s %s, %s _ %s, %s ist|sei|war|waere|sind|waren, ", cop, f, cop, f, f)
	}
	return b.String()
}

func wordMatches(pattern []string, w string) bool {
	for _, p := range pattern {
		switch {
		case p == "_":
			return true
		case len(p) > 1 && p[0] == '*':
			if strings.HasSuffix(w, p[1:]) && len(w) > len(p)+2 {
				return true
			}
		case strings.HasSuffix(p, "*"):
			if strings.HasPrefix(w, p[:len(p)-1]) {
				return true
			}
		case w == p:
			return true
		}
	}
	return false
}

// specialCategory is one kind of sensitive fact.
type specialCategory struct {
	terms []phrase
	// self is the severity when the fact is about the author; SeverityNone skips it.
	self check.Severity
	// other is the severity when it is about someone else.
	other check.Severity
}

var specialCategories = map[string]specialCategory{
	"health": {terms: parsePhrases(`
		ist|bin|war|waren|sind|wird|wurde|bist|schon|wieder|schwer|chronisch|psychisch =krank, krankgeschrieben, krankschreibung, krank geschrieben,
		krankenhaus, krankheit, erkrankt, erkrankung, burnout, burn-out, depression*, depressiv*, krebs, krebserkrankung, brustkrebs, darmkrebs, lungenkrebs,
		tumor*, chemo, chemotherapie, diagnose, diagnostiziert, therapie, psychotherapie, therapeut*, psychiater*, psychiatrie, psychiatrisch*,
		psychische =probleme|erkrankung|stoerung, reha, schwanger, schwangerschaft*, fehlgeburt, behinderung, schwerbehindert*, rollstuhl, diabetes,
		diabetiker*, hiv, hiv-positiv, epilepsie, epileptiker*, adhs, autismus, autist, autistin, autistisch*, angststoerung*, panikattacke*, bipolar*,
		schizophren*, essstoerung*, magersucht, magersuechtig, bulimie, alkoholiker*, alkoholsucht, alkoholkrank, suchtklinik, entzug, entzugsklinik,
		drogensucht, antidepressiva, medikament*, insulin, demenz, dement, alzheimer, herzinfarkt, schlaganfall, operiert, multiple|multipler|multiplen =sklerose, migraene,
		unfruchtbar, kuenstliche befruchtung, abtreibung, suizid*, selbstmord*, zwangsstoerung*, ptbs, pflegegrad, pflegefall, blinddarm*,
		bandscheibenvorfall, grippe, bein|arm =gebrochen, hab|habe|hat|hatte|hatten =corona|covid|ms|aids, hab|habe|hat|hatte|hatten _ _ =corona|covid, corona-positiv, covid-positiv,
		is|was|got|am|been|feeling|off|calling|called =sick, sick leave, is|was|got|fell|been =ill, illness, burned|burnt =out, depressed, cancer,
		chemotherapy, diagnosed, diagnosis, therapy, therapist, psychiatrist, psychiatric, rehab, pregnant, pregnancy, miscarriage, disability,
		wheelchair, diabetic, epilepsy, epileptic, adhd, autism, autistic, anxiety, panic =attack*, schizophrenia, schizophrenic, eating disorder,
		anorexia, anorexic, bulimia, alcoholic, addiction, antidepressant*, medication, meds, dementia, alzheimer's, alzheimers,
		had|has|suffered _ =stroke, his|her|my|the|a =stroke, heart attack, surgery, has|had|have|got =covid|aids|ms, tested positive, multiple sclerosis, migraine*, infertile,
		infertility, ivf, abortion, suicidal, suicide attempt, self-harm, ocd, ptsd, hospitalized, hospitalised, in =hospital, mental breakdown,
		nervous breakdown, appendicitis, broke|broken _ =leg|arm, nach|vor der|meiner|seiner|ihrer =op, mutterschutz, parkinson, parkinson's, been|stayed =sober, =sober for|since, =clean for|since _ years|months|weeks|days|year,
		ms-schub, long covid, long-covid`),
		self: check.Medium, other: check.High},
	"sexual_orientation": {terms: parsePhrases(copula(`schwul, lesbisch, bi, bisexuell, homosexuell, queer, trans, transgender,
		gay, lesbian, bisexual, homosexual`) + `sich =geoutet, hat _ =geoutet, came|coming =out as, outed, ist|is =asexuell|asexual`),
		self: check.SeverityNone, other: check.High},
	"religion": {terms: parsePhrases(copula(`muslim, muslima, muslimin, moslem, moslemin, jude, juedin, juedisch, katholisch, katholik,
		katholikin, evangelisch, christ, christin, atheist, atheistin, buddhist, buddhistin, hindu, mormone, mormonin, scientologe, scientologin,
		zeuge jehovas, zeugin jehovas, jewish, catholic, christian, evangelical, mormon, sikh, jehovah's witness, scientologist`) +
		`konvertiert, converted to =islam|christianity|judaism|catholicism|buddhism|hinduism, trat|tritt _ =aus der kirche aus`),
		self: check.Low, other: check.High},
	"ethnicity": {terms: parsePhrases(`hat|has =migrationshintergrund, mit =migrationshintergrund, *staemmig,
		` + copula(`roma, sinti, romni`) + `roma|sinti =descent|herkunft|abstammung|familie|family, of _ =descent|heritage|origin`),
		self: check.Low, other: check.High},
	"trade_union": {terms: parsePhrases(`gewerkschaftsmitglied*, gewerkschafter*, in|bei der =gewerkschaft, bei =verdi, in der =ig metall,
		union member, union rep, joined the =union, member of the =union, in the =union`),
		self: check.Low, other: check.High},
	"criminal": {terms: parsePhrases(`vorbestraft, vorstrafe*, haftstrafe, bewaehrungsstrafe, auf =bewaehrung, straffaellig,
		sass|sitzt|sitzen|war|ist|kam|kommt _ =knast|gefaengnis, sass|sitzt|sitzen|war|ist|kam|kommt _ _ =knast|gefaengnis, im =knast|gefaengnis, aus dem =knast|gefaengnis,
		wurde =festgenommen|verhaftet|verurteilt, criminal record, convicted, was|is|been|went|sent|got|just =arrested,
		was|is|been|went|sent|served _ =jail|prison, got out of =jail|prison, on =probation, =felony =conviction`),
		self: check.Medium, other: check.High},
}

// Person markers. All normalised.
var (
	selfWords = set("ich", "mir", "mich", "mein", "meine", "meinen", "meinem", "meiner", "meines", "i", "me", "my", "i'm", "im", "i've", "ive", "myself", "i'd", "i'll")
	// Third-person words that point at one person; German "sie"/"ihr" are left out
	// because they also mean "they" and the polite "you".
	thirdWords = set("er", "ihm", "ihn", "sein", "seine", "seinen", "seinem", "seiner", "he", "him", "his", "she", "her", "he's", "she's", "hes", "shes")
	relations  = set("kollege", "kollegin", "kollegen", "chef", "chefin", "nachbar", "nachbarin", "nachbarn", "freund", "freundin", "schwester", "bruder",
		"mutter", "vater", "mama", "papa", "tochter", "sohn", "frau", "mann", "ehefrau", "ehemann", "partner", "partnerin", "oma", "opa", "tante", "onkel",
		"cousin", "cousine", "mitarbeiter", "mitarbeiterin", "azubi", "praktikant", "praktikantin", "trainer", "trainerin", "lehrer", "lehrerin",
		"schueler", "schuelerin", "patient", "patientin", "bewohner", "bewohnerin", "kunde", "kundin", "intern", "trainee", "coach", "teacher", "student", "pupil", "resident", "client",
		"hausmeister", "hausmeisterin", "sekretaerin", "sekretaer", "assistent", "assistentin", "putzfrau", "reinigungskraft", "fahrer", "fahrerin",
		"betriebsrat", "betriebsraetin", "erzieher", "erzieherin", "betreuer", "betreuerin", "neuzugang", "receptionist", "assistant", "secretary",
		"janitor", "caretaker", "cleaner", "driver", "hire", "newbie", "nanny", "babysitter", "housemate", "neighbours", "neighbors", "schwager", "schwaegerin", "schwiegermutter", "schwiegervater", "vorgesetzter", "vorgesetzte", "teamleiter", "teamleiterin", "ex",
		"colleague", "coworker", "co-worker", "boss", "manager", "neighbour", "neighbor", "friend", "sister", "brother", "mother", "mom", "mum", "dad",
		"father", "daughter", "son", "wife", "husband", "girlfriend", "boyfriend", "grandma", "grandpa", "aunt", "uncle", "employee", "flatmate", "roommate", "teammate", "classmate", "landlord", "tenant", "mieter", "mieterin", "vermieter", "vermieterin")
	possessives = set("mein", "meine", "meinen", "meinem", "meiner", "dein", "deine", "unser", "unsere", "unseren", "unserem", "unserer", "sein", "seine", "seinem", "seinen",
		"ihre", "ihrem", "ihren", "der", "die", "den", "dem", "des", "my", "our", "your", "his", "her", "their", "the", "a", "eine", "ein", "einer", "einem")
	titles = set("herr", "herrn", "frau", "hr", "fr", "mr", "mrs", "ms", "miss", "dr", "prof")
	// Words that start a sentence in capitals but are no person's name.
	notNames = set("das", "die", "der", "es", "man", "wer", "was", "wie", "wo", "warum", "wenn", "ob", "dass", "als", "und", "aber", "jeder", "jede", "viele", "alle",
		"this", "that", "it", "everyone", "anyone", "people", "nobody", "there", "what", "who", "why", "how", "when", "if", "and", "but",
		"heute", "today", "gestern", "yesterday", "morgen", "tomorrow", "hier", "here", "sport", "stress", "bewegung", "schlaf", "wasser")
	personVerbs = set("ist", "hat", "war", "wurde", "wird", "leidet", "nimmt", "muss", "geht", "liegt", "sitzt", "bekam", "bekommt", "is", "has", "was", "got", "had", "takes", "suffers", "went", "goes", "lies", "sits", "needs")
	// "Tom from accounting", "Herr Becker aus der Buchhaltung": a name with where they work.
	origins = set("from", "aus", "vom", "von")
	hedges  = set("kein", "keine", "keinen", "nicht", "not", "no", "never", "nie", "if", "wenn", "falls", "ob", "whether")
)

// specialNames fixes the order of the categories in the shared index.
var specialNames = []string{"health", "sexual_orientation", "religion", "ethnicity", "trade_union", "criminal"}

// specialValidator flags special-category facts about a person; see specialCategories.
// The six categories are matched together in one pass over the tokens, once per
// draft, and each rule takes its category's hits.
func specialValidator(params map[string]string) (MatchFunc, error) {
	c := slices.Index(specialNames, params["category"])
	if _, ok := specialCategories[params["category"]]; !ok || c < 0 {
		return nil, fmt.Errorf("param category must be one of health, sexual_orientation, religion, ethnicity, trade_union, criminal; got %q", params["category"])
	}
	all := specialAll()
	return func(doc *Doc) []Hit {
		return all.hits(doc)[c]
	}, nil
}

// specialIndex indexes the phrases of all categories together, category after
// category, so that a token is looked up once for all of them.
type specialIndex struct {
	phrases []phrase
	// first[c] is the first phrase of category c; first[len(cats)] ends the last.
	first []int
	cats  []specialCategory
	idx   *phraseIndex
}

var specialAll = sync.OnceValue(func() *specialIndex {
	x := &specialIndex{}
	for _, name := range specialNames {
		cat := specialCategories[name]
		x.first = append(x.first, len(x.phrases))
		x.phrases = append(x.phrases, cat.terms...)
		x.cats = append(x.cats, cat)
	}
	x.first = append(x.first, len(x.phrases))
	x.idx = newPhraseIndex(x.phrases)
	return x
})

// hits returns the hits of every category on a draft, in the order of specialNames,
// matched once per draft for the six rules.
func (x *specialIndex) hits(doc *Doc) [][]Hit {
	return doc.special.get(func() [][]Hit { return x.match(doc) })
}

// match finds the hits of every category: at each token, the candidates of the
// shared index, which come in ascending order and so category by category, are
// tried for each category as its own index would have given them.
func (x *specialIndex) match(doc *Doc) [][]Hit {
	hits := make([][]Hit, len(x.cats))
	var cand []int
	for i := range doc.Tokens {
		cand = x.idx.candidates(doc.Tokens, i, cand[:0])
		for rest := cand; len(rest) > 0; {
			c, _ := slices.BinarySearch(x.first, rest[0]+1)
			c--
			n, _ := slices.BinarySearch(rest, x.first[c+1])
			hits[c] = specialAt(doc, x.cats[c], x.phrases, rest[:n], i, hits[c])
			rest = rest[n:]
		}
	}
	return hits
}

// specialAt appends the hit of a category at toks[i], if any, to hits; cand are
// the category's phrases in ps that may match there, in ascending order.
func specialAt(doc *Doc, cat specialCategory, ps []phrase, cand []int, i int, hits []Hit) []Hit {
	toks := doc.Tokens
	ph, ok := matchPhrases(doc, ps, cand, i)
	if !ok {
		return hits
	}
	n := len(ph.words)
	if i > 0 && hedges[toks[i-1].Norm] || hypothetical(doc, i) || groupBefore(toks, i) {
		return hits
	}
	who := aboutWhom(doc, i, i+n)
	sev := cat.self
	if who == whoOther {
		sev = cat.other
	}
	if who == whoNobody || sev == check.SeverityNone {
		return hits
	}
	fa, fb := i+ph.focusStart, i+ph.focusEnd
	h := Hit{Start: toks[fa].Start, End: toks[fb-1].End, TokStart: fa, TokEnd: fb, Severity: sev}
	if who == whoOther {
		h.Note = Text{"de": "Es geht um eine andere Person – sie hat nicht zugestimmt, dass das öffentlich wird.", "en": "This is about another person, who has not agreed to it being made public."}
	} else {
		h.Note = Text{"de": "Es geht um Sie selbst – das ist Ihre Entscheidung, aber es bleibt dauerhaft auffindbar.", "en": "This is about you – your decision, but it stays findable for good."}
	}
	if !overlapsHits(h, hits) {
		hits = append(hits, h)
	}
	return hits
}

// phraseIndex finds the phrases whose first word may match a token, so that a token
// is compared with a handful of phrases instead of all of them. Phrases whose first
// word may be anything ("_ ist schwul") are indexed by their second word in then.
type phraseIndex struct {
	exact    map[string][]int
	prefix   map[string][]int
	suffix   map[string][]int
	prefixNs []int // the lengths of the keys of prefix
	suffixNs []int
	always   []int // phrases whose indexed word may be anything
	// then indexes by their second word the phrases of two words or more whose first
	// word may be anything; nil when there are none.
	then *phraseIndex
	// pairs indexes by first and second word the phrases whose first two words are
	// plain words ("mein mann …"): a pronoun starts many phrases, few of them go on
	// with the word that follows it.
	pairs map[string]map[string][]int
	// skips indexes by first and third word the phrases of a plain word, any word and
	// a plain word ("ist _ =schwul"): a copula starts dozens of them, and the third
	// word rules out nearly all.
	skips map[string]map[string][]int
	// Filters that rule most words out before any map lookup: hashed whole words of
	// exact and pairs, the first two bytes of prefix keys and the last two of suffix
	// keys (short keys switch their filter off).
	words          [1 << 16 / 64]uint64
	pre2, suf2     [1 << 16 / 64]uint64
	noPre2, noSuf2 bool
}

func (x *phraseIndex) addWord(w string) {
	b := wordBit(w)
	x.words[b>>6] |= 1 << (b & 63)
}

// hasBit reports whether the word filter holds the word of bit b (hashBit of a
// token's hash): most tokens are then ruled out before any map lookup.
func (x *phraseIndex) hasBit(b uint32) bool { return x.words[b>>6]&(1<<(b&63)) != 0 }

// plain reports whether every alternative of a phrase word is a whole word.
func plain(alts []string) bool {
	for _, w := range alts {
		if w == "_" || strings.HasPrefix(w, "*") || strings.HasSuffix(w, "*") {
			return false
		}
	}
	return true
}

func newPhraseIndex(ps []phrase) *phraseIndex {
	all := make([]int, len(ps))
	for i := range ps {
		all[i] = i
	}
	return indexPhrases(ps, all, 0)
}

// indexPhrases indexes the phrases ps[ids] by their word at pos.
func indexPhrases(ps []phrase, ids []int, pos int) *phraseIndex {
	x := &phraseIndex{exact: map[string][]int{}, prefix: map[string][]int{}, suffix: map[string][]int{}, pairs: map[string]map[string][]int{},
		skips: map[string]map[string][]int{}}
	var open []int
	for _, i := range ids {
		if words := ps[i].words; pos == 0 && len(words) > 2 && plain(words[0]) && slices.Equal(words[1], []string{"_"}) && plain(words[2]) {
			for _, a := range words[0] {
				if x.skips[a] == nil {
					x.skips[a] = map[string][]int{}
					x.addWord(a)
				}
				for _, c := range words[2] {
					x.skips[a][c] = append(x.skips[a][c], i)
				}
			}
			continue
		}
		if words := ps[i].words; pos == 0 && len(words) > 1 && plain(words[0]) && plain(words[1]) {
			for _, a := range words[0] {
				if x.pairs[a] == nil {
					x.pairs[a] = map[string][]int{}
					x.addWord(a)
				}
				for _, b := range words[1] {
					x.pairs[a][b] = append(x.pairs[a][b], i)
				}
			}
			continue
		}
		for _, w := range ps[i].words[pos] {
			switch {
			case w == "_" || w == "*":
				if pos == 0 && len(ps[i].words) > 1 {
					open = append(open, i)
				} else {
					x.always = append(x.always, i)
				}
			case len(w) > 1 && w[0] == '*':
				k := w[1:]
				x.suffix[k] = append(x.suffix[k], i)
				if len(k) < 2 {
					x.noSuf2 = true
				} else {
					setPair(&x.suf2, k[len(k)-2], k[len(k)-1])
				}
				if !slices.Contains(x.suffixNs, len(k)) {
					x.suffixNs = append(x.suffixNs, len(k))
				}
			case strings.HasSuffix(w, "*"):
				k := w[:len(w)-1]
				x.prefix[k] = append(x.prefix[k], i)
				if len(k) < 2 {
					x.noPre2 = true
				} else {
					setPair(&x.pre2, k[0], k[1])
				}
				if !slices.Contains(x.prefixNs, len(k)) {
					x.prefixNs = append(x.prefixNs, len(k))
				}
			default:
				x.exact[w] = append(x.exact[w], i)
				x.addWord(w)
			}
		}
	}
	if len(open) > 0 {
		x.then = indexPhrases(ps, slices.Compact(open), 1)
	}
	return x
}

// candidates appends to dst, in ascending order without repeats, the phrases that may
// match at toks[i]: by the token's word, with the next or the one after for the
// phrases in pairs and skips, or, for phrases whose first word may be anything, by
// the next token's.
func (x *phraseIndex) candidates(toks []text.Token, i int, dst []int) []int {
	w := toks[i].Norm
	known := x.hasBit(hashBit(toks[i].Hash))
	dst = x.lookup(w, known, dst)
	if i+1 < len(toks) {
		if known {
			if next := x.pairs[w]; next != nil {
				dst = append(dst, next[toks[i+1].Norm]...)
			}
			if i+2 < len(toks) {
				if third := x.skips[w]; third != nil {
					dst = append(dst, third[toks[i+2].Norm]...)
				}
			}
		}
		if x.then != nil {
			dst = x.then.lookup(toks[i+1].Norm, x.then.hasBit(hashBit(toks[i+1].Hash)), dst)
		}
	}
	if len(dst) > 1 {
		slices.Sort(dst)
		dst = slices.Compact(dst)
	}
	return dst
}

// lookup appends the phrases whose indexed word may match w; known is what the word
// filter says of w.
func (x *phraseIndex) lookup(w string, known bool, dst []int) []int {
	dst = append(dst, x.always...)
	if known {
		dst = append(dst, x.exact[w]...)
	}
	if x.noPre2 || len(w) >= 2 && hasPair(&x.pre2, w[0], w[1]) {
		for _, n := range x.prefixNs {
			if n <= len(w) {
				dst = append(dst, x.prefix[w[:n]]...)
			}
		}
	}
	if x.noSuf2 || len(w) >= 2 && hasPair(&x.suf2, w[len(w)-2], w[len(w)-1]) {
		for _, n := range x.suffixNs {
			if n <= len(w) {
				dst = append(dst, x.suffix[w[len(w)-n:]]...)
			}
		}
	}
	return dst
}

// matchPhrases returns the longest phrase that matches at toks[i] within one sentence;
// among equally long ones the first in ps. Only the phrases at the indexes cand, in
// ascending order, can match.
func matchPhrases(doc *Doc, ps []phrase, cand []int, i int) (phrase, bool) {
	toks := doc.Tokens
	var best phrase
	found := false
	for _, c := range cand {
		p := ps[c]
		n := len(p.words)
		if i+n > len(toks) || found && n <= len(best.words) {
			continue
		}
		ok := true
		for k, w := range p.words {
			t := toks[i+k]
			if !wordMatches(w, t.Norm) || k > 0 && strings.ContainsAny(doc.Original[toks[i+k-1].End:t.Start], ".!?\n") ||
				len(w) == 1 && w[0] == "_" && hedges[t.Norm] {
				ok = false
				break
			}
		}
		if ok {
			best, found = p, true
		}
	}
	return best, found
}

type whom int

const (
	whoNobody whom = iota
	whoSelf
	whoOther
)

// window is how many words around a term a person marker may stand.
const window = 16

// aboutWhom decides whether the words toks[a:b] speak about another person, the author
// or nobody in particular, from markers in the same sentence near the term.
func aboutWhom(doc *Doc, a, b int) whom {
	toks := doc.Tokens
	ss := doc.SentenceStart(toks[a].Start)
	se := doc.SentenceEnd(toks[b-1].End)
	lo, hi := a, b
	for lo > 0 && toks[lo-1].Start >= ss && a-lo < window {
		lo--
	}
	for hi < len(toks) && toks[hi].End <= se && hi-b < window {
		hi++
	}
	self := false
	for k := lo; k < hi; k++ {
		if k >= a && k < b {
			continue
		}
		t := toks[k]
		w := t.Norm
		switch {
		case t.Mention && !leadingMention(toks, k) && (k < a && a-k <= 4 || k >= b && k-b < 2):
			return whoOther
		case thirdWords[w]:
			return whoOther
		case relations[w] && (determined(toks, k, ss) || k+1 < a && capitalised(doc, toks[k+1])):
			return whoOther
		case titles[w] && k+1 < len(toks) && capitalised(doc, toks[k+1]):
			return whoOther
		case k+1 < len(toks) && toks[k+1].Norm == "from" && capitalised(doc, t) && !notNames[w] && !selfWords[w]:
			// "Mark from sales is gay": an English name with where the person works.
			return whoOther
		case k == lo && t.Start == firstLetter(doc, ss) && capitalised(doc, t) && !notNames[w] && !selfWords[w] && !thirdWords[w] &&
			k+1 < len(toks) && (personVerbs[toks[k+1].Norm] || origins[toks[k+1].Norm]) && !nounLike(w):
			return whoOther
		case selfWords[w]:
			self = true
		}
	}
	if self {
		return whoSelf
	}
	return whoNobody
}

// nounLike reports German abstract-noun endings, which start many sentences but never name a person.
func nounLike(w string) bool {
	for _, suf := range []string{"ung", "heit", "keit", "ion", "taet", "schaft", "ismus", "nis", "tum"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func capitalised(doc *Doc, t text.Token) bool {
	r := []rune(doc.Original[t.Start:t.End])
	return len(r) > 1 && unicode.IsUpper(r[0]) && t.Upper < t.Letters
}

// firstLetter returns the offset of the first word character at or after pos.
func firstLetter(doc *Doc, pos int) int {
	i := doc.TokenAt(pos)
	if i < len(doc.Tokens) {
		return doc.Tokens[i].Start
	}
	return pos
}

// determined reports a possessive or article up to two words before toks[k] in the
// sentence ("meine Kollegin", "unsere neue Kollegin", "my new boss").
func determined(toks []text.Token, k, sentStart int) bool {
	for j := k - 1; j >= 0 && j >= k-3 && toks[j].Start >= sentStart; j-- {
		if possessives[toks[j].Norm] {
			return true
		}
	}
	return false
}

// leadingMention reports a mention in the run of addressees that opens a reply
// ("@a @b …") or follows "RT": it says whom the post answers, not whom it is about.
func leadingMention(toks []text.Token, k int) bool {
	for j := 0; j < k; j++ {
		if !toks[j].Mention && toks[j].Norm != "rt" {
			return false
		}
	}
	return true
}

var (
	// conditionals make the fact hypothetical: "Wenn mein Sohn schwul wäre …".
	conditionals = set("wenn", "falls", "sofern", "ob", "wuerde", "wuerden", "if", "whether", "would", "unless")
	// groups before a term make it a statement about many: "Menschen mit Behinderung".
	groups = set("menschen", "leute", "personen", "frauen", "maenner", "kinder", "patienten", "people", "persons", "women", "men", "children", "patients", "those", "anyone", "everyone", "alle", "viele", "jeder", "jede")
)

// hypothetical reports a conditional earlier in the sentence of toks[i].
func hypothetical(doc *Doc, i int) bool {
	ss := doc.SentenceStart(doc.Tokens[i].Start)
	for k := i - 1; k >= 0 && doc.Tokens[k].Start >= ss; k-- {
		if conditionals[doc.Tokens[k].Norm] {
			return true
		}
	}
	return false
}

// groupBefore reports a group noun up to three words before toks[i].
func groupBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if groups[toks[k].Norm] {
			return true
		}
	}
	return false
}
