package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/text"
)

// A special-category fact (GDPR Art. 9) is flagged only when it is about someone: the
// author ("ich habe Depressionen") or another person ("Kollege Müller ist krank"). Advice
// and general statements ("Depressionen sind behandelbar") name nobody and pass.

// phrase is a sequence of normalised words; a word ending in '*' matches as a prefix and
// "a|b" matches either word.
type phrase [][]string

func parsePhrases(list string) []phrase {
	var out []phrase
	for _, p := range strings.Split(list, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		var ph phrase
		for _, w := range strings.Fields(p) {
			ph = append(ph, strings.Split(w, "|"))
		}
		out = append(out, ph)
	}
	return out
}

func wordMatches(pattern []string, w string) bool {
	for _, p := range pattern {
		if len(p) > 1 && p[0] == '*' {
			if strings.HasSuffix(w, p[1:]) && len(w) > len(p)+2 {
				return true
			}
		} else if strings.HasSuffix(p, "*") {
			if strings.HasPrefix(w, p[:len(p)-1]) {
				return true
			}
		} else if w == p {
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
		ist|bin|war|waren|sind|wird|wurde|bist|schon|wieder|schwer|chronisch krank, krankgeschrieben, krankschreibung, krank geschrieben, krankenhaus, krankheit, erkrankt, erkrankung,
		burnout, burn-out, depression*, depressiv*, krebs*, brustkrebs, tumor*, chemo*, diagnose*, diagnostiziert, therapie, psychotherapie, therapeut*, psychiater*,
		psychiatrie, psychiatrisch*, psychisch*, reha, schwanger, schwangerschaft*, fehlgeburt, behinderung, schwerbehindert*, rollstuhl, diabetes, diabetiker*,
		hiv, hiv-positiv, aids, epilepsie, epileptiker*, adhs, autismus, autist, autistin, autistisch*, angststoerung*, panikattacke*, bipolar*, schizophren*,
		essstoerung*, magersucht, magersuechtig, bulimie, alkoholiker*, alkoholsucht, alkoholkrank, suchtklinik, entzug, entzugsklinik, drogensucht, antidepressiva, medikament*,
		insulin, demenz, dement, alzheimer, herzinfarkt, schlaganfall, operiert, corona-positiv, positiv getestet, multiple sklerose, migraene, unfruchtbar,
		kuenstliche befruchtung, abtreibung, suizid*, selbstmord*, zwangsstoerung*, ptbs, pflegegrad, pflegefall, fehlgeburt,
		is|was|got|am|been|feeling|off|calling|called sick, sick leave, ill, illness, burned|burnt out, depressed, cancer, chemotherapy, diagnosed, diagnosis,
		therapy, therapist, psychiatrist, psychiatric, rehab, pregnant, pregnancy, miscarriage, disability, disabled, wheelchair, diabetic, epilepsy, epileptic,
		adhd, autism, autistic, anxiety, panic attack*, schizophrenia, schizophrenic, eating disorder, anorexia, anorexic, bulimia, alcoholic, addiction, addict,
		antidepressant*, medication, meds, dementia, alzheimer's, heart attack, stroke, surgery, covid, tested positive, multiple sclerosis, migraine*,
		infertile, infertility, ivf, abortion, suicidal, suicide, self-harm, ocd, ptsd, hospitalized, hospitalised, in hospital, mental breakdown, nervous breakdown, blinddarm*, bandscheibenvorfall, hab|habe|hat|hatte|hatten|has|had|have|got corona|covid|ms, corona-positiv, covid-positiv, appendicitis, grippe, bein|arm gebrochen, broke|broken his|her|my leg|arm`),
		self: check.Medium, other: check.High},
	"sexual_orientation": {terms: parsePhrases(`
		schwul, lesbisch, bisexuell, homosexuell, queer, transgender, transsexuell, geoutet, coming-out, coming out, gay, lesbian, bisexual, homosexual, outed, came out`),
		self: check.SeverityNone, other: check.High},
	"religion": {terms: parsePhrases(`
		muslim, muslima, muslimin, moslem*, juedisch, jude, juedin, katholisch, katholik*, evangelisch, atheist*, buddhist*, hindu, zeugen jehovas, zeuge jehovas,
		konvertiert, konvertierte, mormone*, scientolog*, freikirche, jewish, catholic, christian, evangelical, buddhist, jehovah's witness, converted, mormon, sikh`),
		self: check.Low, other: check.High},
	"ethnicity": {terms: parsePhrases(`
		migrationshintergrund, *staemmig, ist|sind|is|are|als|as roma|sinti|romni, roma|sinti descent|herkunft|abstammung|familie|family,
		ethnicity, ethnic, descent, heritage`),
		self: check.Low, other: check.High},
	"trade_union": {terms: parsePhrases(`
		gewerkschaft*, gewerkschaftsmitglied, gewerkschafter*, ig metall, verdi-mitglied, union member, trade union, labor union, labour union, joined the union, union rep`),
		self: check.Low, other: check.High},
	"criminal": {terms: parsePhrases(`
		vorbestraft, vorstrafe*, knast, gefaengnis, haftstrafe, verurteilt, bewaehrung, bewaehrungsstrafe, straffaellig, festgenommen, verhaftet, sitzt|sass ein,
		criminal record, convicted, jail, prison, probation, arrested, served time, felony, felon`),
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
		"cousin", "cousine", "mitarbeiter", "mitarbeiterin", "azubi", "schwager", "schwaegerin", "schwiegermutter", "schwiegervater", "vorgesetzter", "vorgesetzte", "teamleiter", "teamleiterin", "ex",
		"colleague", "coworker", "co-worker", "boss", "manager", "neighbour", "neighbor", "friend", "sister", "brother", "mother", "mom", "mum", "dad",
		"father", "daughter", "son", "wife", "husband", "girlfriend", "boyfriend", "grandma", "grandpa", "aunt", "uncle", "employee", "flatmate", "roommate", "teammate", "classmate", "landlord", "tenant", "mieter", "mieterin", "vermieter", "vermieterin")
	possessives = set("mein", "meine", "meinen", "meinem", "meiner", "dein", "deine", "unser", "unsere", "unseren", "unserem", "unserer", "sein", "seine", "seinem", "seinen",
		"ihre", "ihrem", "ihren", "der", "die", "den", "dem", "des", "my", "our", "your", "his", "her", "their", "the", "a", "eine", "ein", "einer", "einem")
	titles = set("herr", "herrn", "frau", "hr", "fr", "mr", "mrs", "ms", "miss", "dr", "prof")
	// Words that start a sentence in capitals but are no person's name.
	notNames = set("das", "die", "der", "es", "man", "wer", "jeder", "jede", "viele", "alle", "this", "that", "it", "everyone", "anyone", "people", "nobody", "there", "what", "who",
		"heute", "today", "gestern", "yesterday", "morgen", "tomorrow", "hier", "here", "sport", "stress", "bewegung", "schlaf", "wasser")
	personVerbs = set("ist", "hat", "war", "wurde", "wird", "leidet", "nimmt", "muss", "geht", "liegt", "sitzt", "bekam", "bekommt", "is", "has", "was", "got", "had", "takes", "suffers", "went", "goes", "lies", "sits", "needs")
	// "Tom from accounting", "Herr Becker aus der Buchhaltung": a name with where they work.
	origins = set("from", "aus", "vom", "von")
	hedges  = set("kein", "keine", "keinen", "nicht", "not", "no", "never", "nie", "if", "wenn", "falls", "ob", "whether")
)

// specialValidator flags special-category facts about a person; see specialCategories.
func specialValidator(params map[string]string) (MatchFunc, error) {
	cat, ok := specialCategories[params["category"]]
	if !ok {
		return nil, fmt.Errorf("param category must be one of health, sexual_orientation, religion, ethnicity, trade_union, criminal; got %q", params["category"])
	}
	return func(doc *Doc) []Hit {
		var hits []Hit
		toks := doc.Tokens
		for i := range toks {
			n := matchPhrases(cat.terms, toks, i)
			if n == 0 {
				continue
			}
			if i > 0 && hedges[toks[i-1].Norm] {
				continue
			}
			who := aboutWhom(doc, i, i+n)
			sev := cat.self
			if who == whoOther {
				sev = cat.other
			}
			if who == whoNobody || sev == check.SeverityNone {
				continue
			}
			h := Hit{Start: toks[i].Start, End: toks[i+n-1].End, TokStart: i, TokEnd: i + n, Severity: sev}
			if who == whoOther {
				h.Note = Text{"de": "Es geht um eine andere Person – sie hat nicht zugestimmt, dass das öffentlich wird.", "en": "This is about another person, who has not agreed to it being made public."}
			} else {
				h.Note = Text{"de": "Es geht um Sie selbst – das ist Ihre Entscheidung, aber es bleibt dauerhaft auffindbar.", "en": "This is about you – your decision, but it stays findable for good."}
			}
			if !overlapsHits(h, hits) {
				hits = append(hits, h)
			}
		}
		return hits
	}, nil
}

// matchPhrases returns the length of the longest phrase starting at toks[i], or 0.
func matchPhrases(ps []phrase, toks []text.Token, i int) int {
	best := 0
	for _, p := range ps {
		if i+len(p) > len(toks) || len(p) <= best {
			continue
		}
		ok := true
		for k, w := range p {
			if !wordMatches(w, toks[i+k].Norm) {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
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
		case t.Mention:
			return whoOther
		case thirdWords[w]:
			return whoOther
		case relations[w] && (determined(toks, k, ss) || k+1 < a && capitalised(doc, toks[k+1])):
			return whoOther
		case titles[w] && k+1 < len(toks) && capitalised(doc, toks[k+1]):
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
