package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/postcheck/postcheck/internal/check"
)

// Whereabouts: telling everyone that a home is empty, where one is right now, or where
// one will be at a fixed time every week. Each is harmless alone for most people and
// exactly what a burglar or a stalker looks for.

const (
	numWordsDE = `(?:\d{1,2}|ein|eine|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|paar)`
	numWordsEN = `(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|couple of|few)`
	weekday    = `(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
	placeName  = `(?-i:(?:[A-ZÄÖÜ"„“][\p{L}'’\-]*)(?:\s(?:[A-ZÄÖÜ][\p{L}'’\-]*|am|an der|im|in der|auf der|on|the|of|de|\d{1,3}[A-Z]?|` + venues + `)){0,4})`
	venues     = `(?:mall|café|cafe|coffee shop|bar|pub|gym|park|station|airport|hotel|restaurant|beach|club|cinema|library|office|market|square|stadium|arena)`
)

// The absence expressions: "Haus steht leer", "niemand zu Hause", "drei Wochen
// Mallorca", "for two weeks", "bis zum 12.", "we're away".
const (
	absenceEmpty   = `(?i)\b(?:haus|wohnung|bude|hütte|house|flat|apartment|home|place)\s+(?:steht|ist|bleibt|will be|is|stays|'s)\s+(?:\S+\s+){0,4}?(?:leer|unbewohnt|empty|unoccupied)\b`
	absenceNobody  = `(?i)\b(?:niemand|keiner|nobody|no one|no-one)\s+(?:ist\s+|is\s+|will be\s+|'s\s+)?(?:\S+\s+){0,3}?(?:zu\s*hause|daheim|home|at home)\b`
	absenceWeeksDE = `(?i)\b` + numWordsDE + `\s+(?:wochen|tage|monate|woche|monat)\s+(?:lang\s+)?(?:(?:urlaub|ferien|weg|in|auf|nach|im|an der|am)\b(?:\s+[\p{L}\-]+){0,2}|(?-i:[A-ZÄÖÜ][\p{L}\-]+)(?:\s(?-i:[A-ZÄÖÜ][\p{L}\-]+))?)`
	absenceWeeksEN = `(?i)\b(?:for|away for)\s+` + numWordsEN + `\s+(?:weeks?|days|months?)\b`
	absenceUntil   = `(?i)\b(?:(?:sind|bin|ist|seid)\s+(?:\S+\s+){0,3}?bis\s+(?:zum\s+|einschließlich\s+)?(?:\d{1,2}\.(?:\s?\d{1,2}\.)?|\d{1,2}\.\s?[a-zä]+|` + weekday + `|ende\s+\S+|mitte\s+\S+)|(?:away|gone|out of town|on holiday|on vacation|abroad|off)\s+(?:until|till|til|through)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|` + weekday + `|\S+\s\d{1,2}(?:st|nd|rd|th)?|end of \S+|mid-\S+))`
	absenceAway    = `(?i)\b(?:we'?re|we are|i'?m|i am|we'll be|i'll be)\s+(?:away|out of town|on holiday|on vacation|abroad)\b`
)

// routineEvery is "jeden Dienstag … um 17 Uhr", "every morning at 7"; routineDays is
// "montags um 17 Uhr", "Sundays at 9".
const (
	routineTime  = `[^.!?\n]{0,60}?\b(?:um|at|ab|gegen|around|from)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:uhr|am|pm|h\b)?[^.!?\n]{0,50}`
	routineEvery = `(?i)\b(?:jeden|jede|jedes|immer|every|each)\s+(?:` + weekday + `|morgen|abend|mittag|nachmittag|tag|wochenende|morning|evening|afternoon|day|weekday|weekend|night|nacht)\b` + routineTime
	routineDays  = `(?i)\b(?:montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags|morgens|abends|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b` + routineTime
)

// hereNowEN is "I'm at the X right now", "Just landed in X".
const hereNowEN = `(?:\b(?i:i'?m|i am|we'?re|we are|sitting|standing|chilling|waiting)\s+(?:\S+\s+){0,2}?(?:at|in)\s+(?:the\s+)?` + placeName + `\s+(?:right now|now|rn|atm)\b|\b(?:[Rr]ight now|[Cc]urrently|[Jj]ust arrived|[Jj]ust landed)\s+(?:\S+\s+){0,2}?(?:at|in)\s+(?:the\s+)?` + placeName + `)`

type whereaboutsPattern struct {
	re  guardedRe
	sev check.Severity
	// need, when set, must match the sentence; not, when set, must not; also, when set,
	// must match as well.
	need, not, also *regexp.Regexp
	// words, when set, runs re only where a match can begin (see wordScan).
	words *wordScan
	// pre, when set, must hold for a draft that re matches; at, when set, must hold
	// at every start of a match (validate_privacy_fast.go).
	pre func(doc *Doc) bool
	at  func(s string, i int) bool
}

// wordsIn is the condition that one of the words stands in the draft.
func wordsIn(words ...string) func(doc *Doc) bool { return newASCIIWords(words...).in }

func hasPin(doc *Doc) bool { return strings.Contains(doc.Original, "📍") }

var (
	pastRe   = regexp.MustCompile(`(?i)\b(?:waren|war|gewesen|hatten|letzte[nrsm]?|letztes|vergangene[nrsm]?|were|was|had|last|ago|vor \d+ (?:jahren|wochen|tagen)|damals|zurück aus|back from|wieder da|wieder zuhause|wieder zu hause)\b`)
	futureRe = regexp.MustCompile(`(?i)\b(?:morgen|übermorgen|nächste[nrsm]?|tomorrow|next|later|später|bald|soon|heute abend|tonight|am wochenende|this weekend)\b`)
	awayRe   = regexp.MustCompile(`(?i)\b(?:urlaub|ferien|verreist|weg|unterwegs|im ausland|nicht da|nicht zu hause|nicht zuhause|away|vacation|holiday|holidays|out of town|abroad|travelling|traveling|not home|off to|fliegen|fliegt|flieg|fahren|geht'?s|gehts|reisen|trip|reise)\b`)
	nowRe    = regexp.MustCompile(`(?i)\b(?:gerade|grad|jetzt|im moment|momentan|right now|now|currently|rn|atm|just arrived|just landed|soeben)\b`)
)

var whereaboutsKinds = map[string][]whereaboutsPattern{
	"absence": {
		{re: mustGuarded(absenceEmpty), sev: check.High, pre: wordsIn("leer", "unbewohnt", "empty", "unoccupied"),
			words: newWordScan(absenceEmpty, "haus", "wohnung", "bude", "hütte", "hÜtte", "house", "flat", "apartment", "home", "place")},
		{re: mustGuarded(absenceNobody), sev: check.High, pre: wordsIn("zuhause", "hause", "daheim", "home"), words: newWordScan(absenceNobody, "niemand", "keiner", "nobody", "no one", "no-one")},
		{re: mustGuarded(absenceWeeksDE), sev: check.Medium, need: awayOrPlace, not: notNowRe, at: unitAfterNumber,
			words: newWordScan(absenceWeeksDE, "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "ein", "zwei", "drei", "vier", "fünf", "fÜnf",
				"sechs", "sieben", "acht", "neun", "zehn", "zwölf", "zwÖlf", "paar")},
		{re: mustGuarded(absenceWeeksEN), sev: check.Medium, need: awayRe, not: notNowRe, words: newWordScan(absenceWeeksEN, "for", "away for"),
			pre: wordsIn("week", "weeks", "days", "month", "months")},
		{re: mustGuarded(absenceUntil), sev: check.Medium, need: awayRe, not: pastRe, pre: wordsIn("bis", "until", "till", "til", "through"),
			words: newWordScan(absenceUntil, "sind", "bin", "ist", "seid", "away", "gone", "out of town", "on holiday", "on vacation", "abroad", "off")},
		{re: mustGuarded(absenceAway), sev: check.Medium, not: notNowRe, words: newWordScan(absenceAway, "we", "i"),
			pre: wordsIn("away", "town", "holiday", "vacation", "abroad")},
	},
	"live_location": {
		{re: mustGuarded(`\b(?:[Gg]erade|grad|[Jj]etzt|[Ii]m Moment|[Mm]omentan)\s+(?:(?:noch|schon|mal|auch|wieder|hier|da|so|endlich|zusammen)\s+)?(?:im|in der|am|an der|beim|auf dem|auf der|vor dem|vor der)\s+` + placeName), sev: check.Medium, need: hereDE, not: futurePast,
			pre: wordsIn("gerade", "grad", "jetzt", "moment", "momentan")},
		{re: mustGuarded(hereNowEN), sev: check.Medium, not: futurePast, pre: wordsIn("now", "rn", "atm", "currently", "arrived", "landed"),
			words: newWordScan(hereNowEN, "i'm", "im", "i am", "we're", "were", "we are", "sitting", "standing", "chilling", "waiting",
				"right now", "currently", "just arrived", "just landed")},
		{re: mustGuarded(`(?i)\b(?:at|am|an)\s+gate\s+[A-Z]?\d{1,3}[A-Z]?\b`), sev: check.Medium, need: nowRe, not: futurePast, pre: wordsIn("gate")},
		{re: mustGuarded(`📍\s*` + placeName), sev: check.Low, pre: hasPin},
	},
	"routine": {
		{re: mustGuarded(routineEvery), sev: check.Medium, need: routinePlace, also: ownRoutine, not: openingHours, pre: hasTimeCue,
			words: newWordScan(routineEvery, "jede", "immer", "every", "each")},
		{re: mustGuarded(routineDays), sev: check.Medium, need: routinePlace, also: ownRoutine, not: openingHours, pre: hasTimeCue,
			words: newWordScan(routineDays, "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags", "morgens", "abends",
				"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays")},
	},
}

var (
	awayOrPlace = regexp.MustCompile(`(?i)\b(?:urlaub|ferien|weg|verreist|endlich|mallorca|italien|spanien|türkei|griechenland|kroatien|thailand|usa|haus|wohnung|ab morgen|ab heute|ab samstag|ab freitag|ab montag|geht'?s|gehts|fliegen|fahren|nächsten|kommenden)\b`)
	// notNowRe: past trips, ongoing durations ("seit drei Wochen") and far-off plans are no announced absence.
	notNowRe = regexp.MustCompile(`(?i)\b(?:seit|since|nächstes jahr|next year|irgendwann|someday|eines tages|träume?|dream|want|wish|would|wanna|möchte|würde|wünsche|können|could|if|wenn|falls)\b|` + pastRe.String()[4:])
	// hereDE: the German live-location phrase must be about the author ("Sitze gerade im …",
	// "Wir sind jetzt am …"), not "Jetzt auf der Hauptbühne: …" or "gerade im TV gesehen".
	hereDE     = regexp.MustCompile(`(?i)\b(?:ich|wir|bin|sind|sitze|sitzen|stehe|stehen|hänge|hängen|warte|warten|chille|chillen|liege|liegen|trinke|trinken|feiere|feiern|esse|essen|hocke|hocken|arbeite|arbeiten|lerne|lernen|genieße|genießen|jogge|shoppe|frühstücke|frühstücken)\b`)
	futurePast = regexp.MustCompile(`(?i)\b(?:morgen|übermorgen|nächste[nrsm]?|tomorrow|next|later|waren|war|gewesen|were|was|yesterday|gestern|last)\b`)
	// ownRoutine: the routine is the author's or their household's, not a shop's.
	ownRoutine   = regexp.MustCompile(`(?i)\b(?:ich|wir|mich|uns|unser\w*|mein\w*|i|we|me|us|our|ours|my|i'm|we're)\b`)
	openingHours = regexp.MustCompile(`(?i)\b(?:geöffnet|öffnungszeiten|open|opening|hours|sprechstunde|sprechzeiten|service|gottesdienst|messe|mass|livestream|stream|sendung|episode|newsletter)\b`)
	routinePlace = regexp.MustCompile(`(?:\b(?:im|in der|am|an der|beim|auf dem|zum|zur|at the|in the|at|to the)\s+[\p{Lu}\p{Ll}]|\b(?:park|studio|gym|fitness\w*|schwimmbad|pool|kita|schule|school|büro|office|wald|forest|see|lake|fluss|river|club|verein|halle)\b)`)
)

// notPlaceRe: nouns after "gerade im/auf der" that are no place ("auf der Suche", "im TV").
var notPlaceRe = regexp.MustCompile(`(?:\s(?:im|in der|am|an der|auf der|auf dem|beim|bei)\s(?:Suche|Seite|Lage|Höhe|Meinung|Zeit|Moment|Hinsicht|Stress|Gespräch|Urlaub|Begriff|Ernst|Griff|TV|Fernsehen|Radio|Internet|Netz|Zeitung|Bett|Arbeit)\b)`)

// whereaboutsValidator flags absence, live location or routines (param kind).
func whereaboutsValidator(params map[string]string) (MatchFunc, error) {
	pats, ok := whereaboutsKinds[params["kind"]]
	if !ok {
		return nil, fmt.Errorf("param kind must be one of absence, live_location, routine; got %q", params["kind"])
	}
	return whereaboutsMatch(pats, true), nil
}

// whereaboutsMatch finds the patterns' hits; fast says whether to use the conditions
// of validate_privacy_fast.go, which the tests compare with going without.
func whereaboutsMatch(pats []whereaboutsPattern, fast bool) MatchFunc {
	return func(doc *Doc) []Hit {
		var hits []Hit
		s := doc.Original
		for _, p := range pats {
			if fast && p.pre != nil && !doc.scanOriginal().longS && !p.pre(doc) {
				continue
			}
			if !p.re.may(doc) {
				continue
			}
			var locs [][]int
			if p.words != nil {
				at := p.at
				if !fast {
					at = nil
				}
				locs = scanWith(p.words, p.re.Regexp, doc.scanOriginal(), at)
			} else {
				locs = p.re.FindAllStringIndex(s, -1)
			}
			for _, loc := range locs {
				a, b := loc[0], loc[1]
				for b > a && (s[b-1] == ' ' || s[b-1] == ',') {
					b--
				}
				sent := sentenceAround(s, a, b)
				if notPlaceRe.MatchString(s[a:b]) {
					continue
				}
				if p.need != nil && !p.need.MatchString(sent) || p.also != nil && !p.also.MatchString(sent) || p.not != nil && p.not.MatchString(sent) {
					continue
				}
				h := Hit{Start: a, End: b, TokStart: -1, TokEnd: -1, Severity: p.sev}
				if !overlapsHits(h, hits) {
					hits = append(hits, h)
				}
			}
		}
		return hits
	}
}
