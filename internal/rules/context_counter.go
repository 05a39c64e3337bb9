package rules

import (
	"strings"

	"github.com/postcheck/postcheck/internal/text"
)

// Counter-speech: a post that names hate in order to reject it. The words are
// normalised; phrases are matched on consecutive tokens.
var (
	counterWords = set("rassismus", "rassistisch", "rassistische", "rassistischen", "rassist", "rassisten", "hetze", "hetzer",
		"menschenverachtend", "menschenverachtende", "menschenfeindlich", "menschenfeindliche", "volksverhetzung", "strafbar",
		"angezeigt", "anzeigen", "anzeige", "verurteilen", "verurteile", "inakzeptabel", "unertraeglich", "schaemen", "schaemt",
		"solidaritaet", "widersprechen", "widerspreche", "dagegenhalten", "antisemitismus", "antisemitisch", "homophob", "homophobie",
		"sexistisch", "sexismus", "transfeindlich", "queerfeindlich", "diskriminierung", "diskriminierend", "beleidigend",
		"racist", "racism", "racists", "bigot", "bigots", "bigotry", "bigoted", "hateful", "unacceptable", "condemn", "condemns",
		"homophobic", "homophobia", "transphobic", "sexist", "misogynist", "misogynistic", "antisemitic", "antisemitism", "xenophobic",
		"reported", "slur", "slurs",
		// reporting that debunks: "eine Verschwörungserzählung", "Faktencheck". Not "verurteilt": "gehören
		// verurteilt" is a call for punishment as often as a court report.
		"verschwoerungserzaehlung", "verschwoerungserzaehlungen", "verschwoerungstheorie", "verschwoerungstheorien",
		"verschwoerungsmythos", "verschwoerungsideologie", "faktencheck",
		// critique of prejudice: "als gierig abgestempelt", "dieses Narrativ", "stereotypes"
		"abgestempelt", "stigmatisiert", "verunglimpft", "diffamiert", "pauschalisiert", "verallgemeinert", "verallgemeinerung",
		"stereotyp", "stereotype", "stereotypen", "vorurteil", "vorurteile", "vorurteilen", "klischee", "klischees", "narrativ",
		"stereotyped", "stereotypes", "stereotyping", "prejudice", "prejudices", "stigmatized", "stigmatised", "stigma")
	// counterTags count only as hashtags: "niewieder" in a sentence can mean anything.
	counterTags = set("nohatespeech", "nohate", "noracism", "gegenrassismus", "gegenhass", "refugeeswelcome", "niewieder",
		"nazisraus", "fckafd", "fcknzs", "keinplatzfuerrassismus", "noafd", "nonazis", "lovewins")
	counterPhrases = [][]string{
		{"nazis", "raus"}, {"gegen", "rechts"}, {"gegen", "hass"}, {"not", "okay"}, {"not", "ok"}, {"stand", "against"}, {"speak", "up"}, {"hate", "speech"},
		{"stop", "saying"}, {"stop", "calling"}, {"people", "who"}, {"anyone", "who"}, {"those", "who"}, {"whoever"},
		{"diejenigen", "die"}, {"leute", "die"}, {"menschen", "die"}, {"typen", "die"},
		// "Hören Sie auf zu sagen, dass …", "Kommentare wie …": the post quotes a view to reject it.
		{"hoer", "auf"}, {"hoert", "auf"}, {"hoeren", "sie", "auf"}, {"aufhoeren", "zu", "sagen"},
		{"kommentare", "wie"}, {"aussagen", "wie"}, {"sprueche", "wie"}, {"comments", "like"},
		{"conspiracy", "theory"}, {"conspiracy", "theories"}, {"fact", "check"},
	}
	// objectPhrases count as counter-speech only when what they reject is hate itself:
	// "Kein Platz für Rassismus", "Nie wieder Faschismus", but not "Kein Platz für Juden"
	// nor "Nie wieder Ryanair".
	objectPhrases = [][]string{{"kein", "platz"}, {"keinen", "platz"}, {"no", "place"}, {"nie", "wieder"}}
	// counterObjects are what those phrases reject.
	counterObjects = set("hass", "hetze", "rassismus", "rassisten", "nazis", "nazi", "faschismus", "faschisten", "antisemitismus",
		"antisemiten", "diskriminierung", "menschenfeindlichkeit", "homophobie", "sexismus", "intoleranz", "extremismus",
		"rechtsextremismus", "krieg", "auschwitz", "diktatur", "gewalt", "ausgrenzung", "voelkermord", "holocaust", "ns", "hate",
		"racism", "racists", "nazism", "fascism", "fascists", "bigotry", "antisemitism", "discrimination", "homophobia", "sexism",
		"intolerance", "extremism", "violence", "war", "genocide")
	// Words that talk about a word rather than use it: "der Begriff „Lügenpresse“".
	mentionWords = set("begriff", "begriffe", "wort", "woerter", "unwort", "ausdruck", "bezeichnung", "parole", "parolen", "schimpfwort",
		"term", "terms", "word", "words", "phrase", "slogan", "slogans", "expression", "label")
	// "Wer … ruft" puts the slogan in the mouth of someone the post then judges.
	counterSpeakers = set("wer", "whoever")
	speechVerbs     = set("ruft", "rufen", "sagt", "sagen", "schreibt", "schreiben", "bruellt", "bruellen", "skandiert", "skandieren",
		"postet", "posten", "teilt", "teilen", "verwendet", "verwenden", "benutzt", "benutzen", "grölt", "groelt", "groelen",
		"says", "say", "shouts", "shout", "writes", "write", "uses", "use", "posts", "post", "chants", "chant", "calls", "call")
)

// counterSpeech reports whether the span sits in a sentence that rejects hate: a
// judgement such as "rassistisch" or "strafbar", "kein Platz für", or "Wer … ruft".
// Judgements that are themselves negated ("ich bin kein Rassist") do not count; that
// disclaimer usually introduces hate rather than rejecting it.
func counterSpeech(doc *Doc, start, end int) bool {
	a := doc.SentenceStart(start)
	b := doc.SentenceEnd(end)
	// The judgement often follows in the next sentence: "„Ausländer raus“. Das ist Hetze."
	if b < len(doc.Original) {
		b = doc.SentenceEnd(min(len(doc.Original), b+1))
	}
	i, j := doc.TokenRange(a, b)
	toks := doc.Tokens[i:j]
	speaker, verb, mention := false, false, false
	for k, t := range toks {
		// A verb of saying may fall inside a long hit: in "Wer „Ausländer raus“ ruft, hat
		// hier nichts verloren" the group rule spans from the slogan to "verloren".
		if speechVerbs[t.Norm] {
			verb = true
		}
		if t.Start >= start && t.End <= end {
			continue
		}
		negated := k > 0 && negators[toks[k-1].Norm] || k > 1 && negators[toks[k-2].Norm]
		if counterWords[t.Norm] && !negated || counterTags[t.Norm] && t.Hashtag {
			return true
		}
		if counterSpeakers[t.Norm] && t.End <= start {
			speaker = true
		}
		if mentionWords[t.Norm] {
			mention = true
		}
		for _, ph := range counterPhrases {
			if k+len(ph) > len(toks) {
				continue
			}
			ok := true
			for n, w := range ph {
				if toks[k+n].Norm != w {
					ok = false
					break
				}
			}
			if ok && !negated {
				return true
			}
		}
		for _, ph := range objectPhrases {
			if phraseAtWords(toks, k, ph) && !negated && rejectsHate(toks[k+len(ph):]) {
				return true
			}
		}
	}
	if speaker && verb || (mention || verb || reported(toks)) && quoted(doc, start, end) {
		return true
	}
	if victimReport(doc, start) {
		return true
	}
	// Hashtags of counter-campaigns are split into parts in the variant sequence.
	if doc.Variant != nil && strings.Contains(doc.Norm, "#") {
		for _, t := range doc.Variant {
			if t.Hashtag && counterWords[t.Norm] {
				return true
			}
		}
	}
	return false
}

// phraseAtWords reports the words of ph at toks[k:].
func phraseAtWords(toks []text.Token, k int, ph []string) bool {
	if k+len(ph) > len(toks) {
		return false
	}
	for n, w := range ph {
		if toks[k+n].Norm != w {
			return false
		}
	}
	return true
}

// rejectsHate reports a counter object among the first four words of rest ("für
// Hass und Hetze", "Faschismus"), or "ist jetzt" ("Nie wieder ist jetzt").
func rejectsHate(rest []text.Token) bool {
	if len(rest) >= 2 && rest[0].Norm == "ist" && rest[1].Norm == "jetzt" || len(rest) >= 2 && rest[0].Norm == "is" && rest[1].Norm == "now" {
		return true
	}
	for k := 0; k < len(rest) && k < 4; k++ {
		if counterObjects[rest[k].Norm] || counterWords[rest[k].Norm] {
			return true
		}
	}
	return false
}

// Words that introduce a self-description: "ich bin", "I'm a", "als", "as a", "wir".
var (
	selfCopula     = set("bin", "sind", "am", "are", "i'm", "im", "we're", "were")
	selfGroup      = set("wir", "we", "us", "uns")
	selfSubject    = set("ich", "i", "wir", "we")
	selfPossessive = set("mein", "meine", "meinen", "my", "unsere", "our")
	articles       = set("ein", "eine", "a", "an", "stolze", "stolzer", "proud", "queere", "queer")
)

// reclaimed reports self-identification right before the span: "ich bin schwul",
// "ich als Transe", "as a queer woman", "we dykes". before holds the words before
// the span, nearest first. "ich hasse …" is not self-identification.
func reclaimed(doc *Doc, before []string) bool {
	k := 0
	for k < len(before) && k < 2 && articles[before[k]] {
		k++
	}
	if k >= len(before) {
		return false
	}
	w := before[k]
	next := ""
	if k+1 < len(before) {
		next = before[k+1]
	}
	switch {
	case (selfGroup[w] || selfPossessive[w]) && k == 0:
		return true
	case aboutSelf(before) && hasCopula(before):
		return true
	case w == "i'm" || w == "im" || w == "we're":
		return true
	case selfCopula[w]:
		return selfSubject[next]
	case w == "als" || w == "as":
		return next == "" || selfSubject[next]
	}
	return false
}

// reported reports a verb of saying among the tokens ("er nannte", "she called").
func reported(toks []text.Token) bool {
	for _, t := range toks {
		if reporting[t.Norm] {
			return true
		}
	}
	return false
}

// victims are the objects of a reported insult: "sie nennen mich …", "called me a …".
var victims = set("mich", "uns", "me", "us", "meinen", "meine", "my")

// victimReport reports an insult the author received: a verb of calling with the
// author as object right before the span ("Sie nennen mich Schwuchtel", "he called me a …").
func victimReport(doc *Doc, start int) bool {
	i := doc.TokenAt(start)
	for k := i - 1; k >= 1 && k >= i-3; k-- {
		if victims[doc.Tokens[k].Norm] && (reporting[doc.Tokens[k-1].Norm] || callVerbs[doc.Tokens[k-1].Norm]) {
			return true
		}
	}
	return false
}

var callVerbs = set("nennen", "nannten", "beschimpfen", "beschimpften", "beschimpft", "call", "called", "calling", "schimpfen")

// hasCopula reports "bin", "am", "sind" … among the words before the span.
func hasCopula(before []string) bool {
	for _, w := range before {
		if selfCopula[w] {
			return true
		}
	}
	return false
}
