package rules

import (
	"strings"

	"github.com/postcheck/postcheck/internal/check"
)

// Words that change how a finding reads. All are normalised (lower case, ä→ae, ß→ss).
var (
	negators = set("kein", "keine", "keinen", "keiner", "keinem", "keines", "nicht", "nie", "niemals",
		"not", "no", "never", "isn't", "aren't", "wasn't", "weren't", "ain't", "don't", "doesn't", "nor", "nobody")
	firstPerson  = set("ich", "i", "i'm", "im", "i've", "mich", "mir", "myself", "me", "wir", "we", "we're")
	secondPerson = set("du", "dich", "dir", "dein", "deine", "ihr", "euch", "you", "you're", "youre", "your", "u", "ur", "ya", "yourself")
	reporting    = set("nannte", "nennt", "nennen", "genannt", "sagte", "sagt", "schrieb", "schreibt", "rief", "ruft", "beschimpfte",
		"bezeichnete", "bezeichnet", "zitiert", "zitat", "called", "calls", "said", "says", "wrote", "writes", "shouted", "yelled", "quote", "quoted", "nennt")
	// exclamations before an insult aim it at whoever is being talked about.
	aimers = set("was fuer ein", "was fuer eine", "so ein", "so eine", "what an", "what a", "such an", "such a")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lookback is how many words before a finding its context may sit.
const lookback = 4

// adjust applies the rule's context options to a hit. It returns the new severity and
// the explanation notes in German and English for the contexts that applied.
func adjust(doc *Doc, r *Rule, h Hit, sev check.Severity) (check.Severity, []Text) {
	if len(r.context) == 0 {
		return sev, nil
	}
	i, _ := doc.TokenRange(h.Start, h.End)
	sent := doc.SentenceStart(h.Start)
	var before []string // nearest first, within the sentence
	for k := i - 1; k >= 0 && len(before) < lookback; k-- {
		t := doc.Tokens[k]
		if t.Start < sent {
			break
		}
		before = append(before, t.Norm)
	}
	has := func(words map[string]bool, within int) bool {
		for k, w := range before {
			if k >= within {
				break
			}
			if words[w] {
				return true
			}
		}
		return false
	}
	var notes []Text
	switch {
	case r.context[CtxNegation] && has(negators, 2) && !commaBetween(doc, h.Start, 2):
		sev = sev.Lower(2)
		notes = append(notes, Text{"de": "Verneint („kein …“), daher milder bewertet.", "en": "Negated (“not …”), so rated lower."})
	case r.context[CtxCounter] && counterSpeech(doc, h.Start, h.End):
		sev = sev.Lower(3)
		notes = append(notes, Text{"de": "Steht in einer Gegenrede (der Beitrag weist Hetze zurück), daher milder bewertet.", "en": "Part of counter-speech (the post rejects hate), so rated lower."})
	case r.context[CtxReclaimed] && reclaimed(doc, before):
		sev = sev.Lower(2)
		notes = append(notes, Text{"de": "Selbstbezeichnung („ich bin …“, „als …“), daher milder bewertet.", "en": "Self-identification (“I am …”, “as a …”), so rated lower."})
	case r.context[CtxQuote] && (quoted(doc, h.Start, h.End) || has(reporting, lookback)):
		sev = sev.Lower(1)
		notes = append(notes, Text{"de": "Zitiert oder wiedergegeben, daher milder bewertet – prüfen Sie, ob das Zitat nötig ist.", "en": "Quoted or reported, so rated lower – check whether the quote is needed."})
	case r.context[CtxSelf] && aboutSelf(before):
		sev = sev.Lower(1)
		notes = append(notes, Text{"de": "Bezieht sich auf Sie selbst, daher milder bewertet.", "en": "About yourself, so rated lower."})
	case r.context[CtxTarget] && (has(secondPerson, 3) || aimed(doc, before) || mentionBefore(doc, i) || formalYou(doc, i)):
		sev = sev.Raise(1)
		notes = append(notes, Text{"de": "Richtet sich direkt gegen eine Person, daher strenger bewertet.", "en": "Aimed directly at a person, so rated higher."})
	case r.context[CtxTarget] && namedSubject(doc, i):
		sev = sev.Raise(1)
		notes = append(notes, Text{"de": "Richtet sich gegen eine namentlich genannte Person oder Firma – das kann als Beleidigung strafbar sein (§ 185 StGB), daher strenger bewertet.",
			"en": "Aimed at a named person or company – that can be a criminal insult or defamation, so rated higher."})
	}
	return sev, notes
}

// aimed reports an exclamation such as "was für ein" or "what an" right before the hit.
func aimed(doc *Doc, before []string) bool {
	for n := 2; n <= 3 && n <= len(before); n++ {
		words := make([]string, n)
		for k := 0; k < n; k++ {
			words[n-1-k] = before[k]
		}
		if aimers[strings.Join(words, " ")] {
			return true
		}
	}
	return false
}

// mentionBefore reports an @mention among the three words before token i.
func mentionBefore(doc *Doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if doc.Tokens[k].Mention {
			return true
		}
	}
	return false
}

// commaBetween reports a comma between the hit and the n words before it, which
// separates a negation from the finding ("nicht, du Idiot").
func commaBetween(doc *Doc, start, n int) bool {
	i := doc.TokenAt(start)
	from := max(0, i-n)
	if from >= len(doc.Tokens) {
		return false
	}
	return strings.ContainsAny(doc.Original[doc.Tokens[from].End:start], ",;:")
}

// quoted reports whether the span sits inside quotation marks within its sentence.
func quoted(doc *Doc, start, end int) bool {
	a, b := doc.SentenceStart(start), doc.SentenceEnd(end)
	before, after := doc.Original[a:start], doc.Original[end:b]
	if strings.HasSuffix(before, "'") && strings.HasPrefix(after, "'") {
		return true
	}
	return strings.ContainsAny(before, "„“»\"‚«") && strings.ContainsAny(after, "“”«\"‘»")
}

// selfFillers may stand between the author and the word they call themselves:
// "ich war so ein Idiot", "I was such an idiot", "ich habe mich wie ein Depp benommen".
var selfFillers = set("bin", "war", "waere", "bin", "bleibe", "am", "was", "i'm", "im", "be", "been", "being", "so", "such", "ein", "eine",
	"einen", "a", "an", "the", "total", "voll", "echt", "really", "wirklich", "mal", "wieder", "again", "auch", "too", "just", "nur",
	"halt", "doch", "der", "die", "das", "groesste", "biggest", "complete", "totaler", "totale", "absoluter", "absolute", "kleiner",
	"little", "wie", "like", "ja", "schon", "ganz", "komplett", "totally", "kind", "of", "bit", "etwas", "ziemlich", "pretty", "quite",
	"stolz", "darauf", "proud", "to", "zu", "sein", "manchmal", "oft", "sometimes", "often", "echter", "echte", "richtiger", "richtige",
	"real")

// aboutSelf reports the author calling themselves the word: a first-person word
// followed only by copulas, articles and intensifiers. "ich hasse dumme Menschen"
// is not about the author.
func aboutSelf(before []string) bool {
	for _, w := range before {
		switch {
		case firstPerson[w], w == "bin", w == "am": // "bin" and "am" can only follow "ich", "I"
			return true
		case secondPerson[w] || !selfFillers[w]:
			return false
		}
	}
	return false
}

// formalYou reports the polite "Sie" among the three words before token i: capitalised
// and not the first word of its sentence, where it could also mean "she" or "they".
func formalYou(doc *Doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := doc.Tokens[k]
		if t.Norm != "sie" || doc.Original[t.Start] != 'S' {
			continue
		}
		if start := doc.SentenceStart(t.Start); strings.TrimSpace(doc.Original[start:t.Start]) != "" {
			return true
		}
	}
	return false
}
