package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	RegisterValidator("bashing", newBashingValidator)
}

// Bashing is contempt aimed at someone the reader can identify: an @mention, a
// company by its legal form ("Muster GmbH") or its brand ("Ryanair"), a person by
// an honorific ("Frau Schmidt", "Mr Jones") or by first and last name ("Olaf
// Scholz"). A fixed word list cannot tell "Frau Schmidt" from "meine Frau", nor
// "Lidl" from a lidl-less sentence at its start; the capital letters of the draft
// can, so named targets are found on the tokens and the original text.

// honorifics introduce a surname.
var honorifics = set("herr", "herrn", "frau", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lady", "lord")

// notSurnames are capitalised words after an honorific that do not name anybody in
// particular ("Herr Gott", "Frau Doktor" is still a title).
var notSurnames = set("gott", "jesus", "doktor", "dr", "prof", "professor", "president", "praesident", "praesidentin", "minister",
	"ministerin", "der", "die", "das", "und", "and", "the", "of", "von", "im", "in", "am")

// legalForms follow a company's name.
var legalForms = set("gmbh", "ag", "se", "kg", "ohg", "ug", "inc", "ltd", "llc", "plc", "corp", "co")

// adultNames are given names of grown-ups common in German- and English-speaking
// countries and in public life; with firstNames (children's names) they start a
// "First Last" name. Names that are also ordinary words are left out.
var adultNames = set(
	"olaf", "angela", "friedrich", "markus", "thomas", "michael", "andreas", "stefan", "christian", "wolfgang", "klaus", "juergen",
	"peter", "frank", "uwe", "dieter", "horst", "hans", "heinz", "guenter", "gerhard", "helmut", "bernd", "ralf", "joerg", "martin",
	"matthias", "sabine", "susanne", "petra", "claudia", "andrea", "monika", "birgit", "karin", "ursula", "renate", "gabriele", "heike",
	"nicole", "stefanie", "sandra", "katrin", "christina", "anja", "silke", "tanja", "melanie", "kerstin", "annalena", "robert",
	"sahra", "alice", "boris", "elon", "donald", "joe", "kamala", "hillary", "barack", "rishi", "keir", "nigel", "theresa", "jeremy",
	"jeff", "steve", "sundar", "satya", "mark", "karl", "armin", "norbert", "hubertus", "nancy", "christine", "ricarda", "cem",
	"winfried", "hendrik", "volker", "jens", "sven", "dirk", "holger", "rainer", "werner", "manfred", "walter", "gerd", "detlef",
	"marco", "marc", "oliver", "daniel", "sebastian", "tobias", "florian", "patrick", "kevin", "dennis", "marcel", "pascal",
	"jennifer", "jessica", "vanessa", "sarah", "katharina", "julia", "christiane", "ulrike", "ute", "doris", "elke", "jutta",
	"bernie", "ron", "ted", "mitch", "nikki", "rudy", "rupert", "tony", "gordon", "david", "ed", "liz", "priyanka", "justin",
	"emmanuel", "vladimir", "recep", "viktor", "giorgia", "hubert", "alexander", "sigmar", "gregor", "dietmar",
)

// companies are brands a post names without a legal form; normalised, one word or
// two ("deutsche bahn"). Brands that are ordinary words (Apple, Sky, Target, Shell)
// are left out: "Apple" at the start of a sentence may be a fruit.
var companies = set(
	"telekom", "vodafone", "lidl", "aldi", "rewe", "edeka", "netto", "kaufland", "amazon", "ryanair", "lufthansa", "eurowings",
	"easyjet", "dhl", "hermes", "dpd", "gls", "ikea", "zalando", "ebay", "paypal", "klarna", "sparkasse", "commerzbank", "postbank",
	"n26", "tesla", "volkswagen", "vw", "bmw", "audi", "mercedes", "porsche", "opel", "siemens", "bosch", "allianz", "check24",
	"verivox", "mediamarkt", "tui", "airbnb", "uber", "lieferando", "deliveroo", "wolt", "flixbus", "tesco", "asda", "sainsburys",
	"morrisons", "walmart", "costco", "starbucks", "mcdonalds", "facebook", "google", "microsoft", "twitter", "netflix", "spotify",
	"samsung", "huawei", "nike", "adidas", "primark", "shein", "temu", "aliexpress", "comcast", "verizon", "o2", "1und1", "unitymedia",
	"deutsche bahn", "deutsche bank", "deutsche post", "british airways", "virgin media", "thames water", "burger king", "wells fargo",
	"media markt", "bank of america",
)

// companyHeads are the first words of the two-word companies.
var companyHeads = func() map[string]bool {
	m := map[string]bool{}
	for c := range companies {
		if h, _, ok := strings.Cut(c, " "); ok {
			m[h] = true
		}
	}
	return m
}()

// capital reports whether the token begins with an upper-case letter in the draft.
func capital(doc *Doc, k int) bool {
	t := doc.Tokens[k]
	r, _ := utf8.DecodeRuneInString(doc.Original[t.Start:t.End])
	return unicode.IsUpper(r)
}

// adjacent reports whether tokens k and k+1 are separated only by spaces (or a
// dot after an abbreviated honorific: "Dr. Müller").
func adjacent(doc *Doc, k int) bool {
	gap := strings.TrimSpace(doc.Original[doc.Tokens[k].End:doc.Tokens[k+1].Start])
	return gap == "" || gap == "."
}

// namedAt returns the end (exclusive token index) of a named target that begins at
// token k, or -1: an @mention, "Muster GmbH", "Frau Dr. Schmidt", "Olaf Scholz",
// "Ryanair", "Deutsche Bahn".
func namedAt(doc *Doc, k int) int {
	toks := doc.Tokens
	t := toks[k]
	if t.Mention {
		return k + 1
	}
	if k+1 < len(toks) && legalForms[toks[k+1].Norm] && t.Letters+t.Digits > 0 && adjacent(doc, k) &&
		capital(doc, k+1) {
		return k + 2
	}
	if !capital(doc, k) {
		return -1
	}
	if companyHeads[t.Norm] && k+1 < len(toks) && companies[t.Norm+" "+toks[k+1].Norm] && adjacent(doc, k) && !compoundAfter(doc, k+1) {
		return k + 2
	}
	if companies[t.Norm] && !compoundAfter(doc, k) {
		return k + 1
	}
	if honorifics[t.Norm] {
		j := k + 1
		for j < len(toks) && honorifics[toks[j].Norm] && adjacent(doc, j-1) { // "Frau Dr. Schmidt"
			j++
		}
		if j < len(toks) && adjacent(doc, j-1) && capital(doc, j) && toks[j].Letters >= 2 && !notSurnames[toks[j].Norm] {
			return j + 1
		}
		return -1
	}
	if (adultNames[t.Norm] || firstNames[t.Norm]) && !ambiguousNames[t.Norm] && k+1 < len(toks) && adjacent(doc, k) &&
		capital(doc, k+1) && toks[k+1].Letters >= 2 && !notSurnames[toks[k+1].Norm] && !companies[toks[k+1].Norm] {
		return k + 2
	}
	return -1
}

// compoundAfter reports a hyphen right after token k: "Telekom-Mitarbeiter" names
// employees (or people pretending to be), not the company.
func compoundAfter(doc *Doc, k int) bool {
	end := doc.Tokens[k].End
	return end < len(doc.Original) && doc.Original[end] == '-'
}

// objectPrepositions before a contempt word make it the object of the sentence, not
// what the name is called: "Frau Schmidt warnt vor Betrügern", "Ryanair fights
// against scammers".
var objectPrepositions = set("vor", "von", "gegen", "ueber", "mit", "bei", "fuer", "zu", "against", "about", "from", "of", "for",
	"with", "by", "to", "on")

// collectives are nouns for a group that a preposition joins to the contempt word.
var collectives = set("bunch", "load", "pack", "gang", "band", "lot", "herd", "den", "nest", "haufen", "bande", "horde", "verein",
	"truppe", "sauhaufen", "ansammlung")

// namedFillers may stand between a name and the insult that describes it: "Olaf
// Scholz ist ein totaler Idiot", "Mr Jones is such a complete moron".
var namedFillers = set("ist", "sind", "war", "waren", "bleibt", "is", "are", "was", "were", "remains", "ein", "eine", "einen",
	"a", "an", "the", "so", "such", "total", "totaler", "totale", "voll", "echt", "really", "wirklich", "einfach", "just",
	"complete", "absolute", "absoluter", "der", "die", "das", "groesste", "biggest", "ja", "doch", "halt", "nur",
	"und", "honestly", "literally", "simply", "auch", "too", "also", "mal", "wieder", "again")

// namedSubject reports a named target (see namedAt) that ends right before token i,
// or before it with only copulas, articles and intensifiers between, within its
// sentence: the insult describes the name.
func namedSubject(doc *Doc, i int) bool {
	sent := doc.SentenceStart(doc.Tokens[i].Start)
	for k := i - 1; k >= 0 && k >= i-8 && doc.Tokens[k].Start >= sent; k-- {
		for from := max(0, k-2); from <= k; from++ {
			if doc.Tokens[from].Start >= sent && namedAt(doc, from) == k+1 {
				return true
			}
		}
		if !namedFillers[doc.Tokens[k].Norm] {
			return false
		}
	}
	return false
}

// bashingValidator finds a contempt word (params terms: comma-separated, German
// inflections added) within `within` tokens (default 4) of a named target.
type bashingValidator struct {
	lex    *lexicon
	within int
}

func newBashingValidator(p map[string]string) (MatchFunc, error) {
	v := &bashingValidator{lex: newLexicon(), within: 4}
	for k := range p {
		switch k {
		case "terms", "within":
		default:
			return nil, fmt.Errorf("unknown param %q", k)
		}
	}
	var terms []string
	for _, t := range strings.Split(p["terms"], ",") {
		if t = strings.TrimSpace(t); t != "" {
			terms = append(terms, t)
		}
	}
	if len(terms) == 0 {
		return nil, fmt.Errorf("param terms is required")
	}
	if err := v.lex.add(0, terms, "", "de"); err != nil {
		return nil, err
	}
	if s := p["within"]; s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 15 {
			return nil, fmt.Errorf("within must be 1 to 15, not %q", s)
		}
		v.within = n
	}
	return v.match, nil
}

func (v *bashingValidator) match(doc *Doc) []Hit {
	var words []Hit
	v.lex.scan(doc, func(int) bool { return true }, func(_, a, b int) { words = append(words, Hit{Start: a, End: b}) })
	if len(words) == 0 {
		return nil
	}
	var hits []Hit
	for _, w := range words {
		wi, wj := doc.TokenRange(w.Start, w.End)
		if v.notSaidOfName(doc, wi) {
			continue
		}
		best, bestDist := [2]int{-1, -1}, 1<<30
		for k := max(0, wi-v.within-3); k < len(doc.Tokens) && k <= wj+v.within; k++ {
			end := namedAt(doc, k)
			if end < 0 || k < wj && end > wi { // the name cannot be the contempt word itself
				continue
			}
			dist := k - wj
			if end <= wi {
				dist = wi - end
			}
			if dist <= v.within && dist < bestDist {
				best, bestDist = [2]int{k, end}, dist
			}
		}
		if best[0] < 0 {
			continue
		}
		start := doc.Tokens[best[0]].Start
		if doc.Tokens[best[0]].Mention && start > 0 && doc.Original[start-1] == '@' {
			start--
		}
		end := doc.Tokens[best[1]-1].End
		hits = append(hits, Hit{Start: min(start, w.Start), End: max(end, w.End)})
	}
	return hits
}

// notSaidOfName reports a contempt word at token i that the draft does not say of
// anybody: negated ("Lidl ist kein Saftladen"), or the object of a preposition
// ("warnt vor Betrügern"), looking at the three words before it in its sentence.
func (v *bashingValidator) notSaidOfName(doc *Doc, i int) bool {
	sent := doc.SentenceStart(doc.Tokens[i].Start)
	for k := i - 1; k >= 0 && k >= i-3 && doc.Tokens[k].Start >= sent; k-- {
		if strings.ContainsAny(doc.Original[doc.Tokens[k].End:doc.Tokens[k+1].Start], ",;:") {
			return false
		}
		n := doc.Tokens[k].Norm
		if negators[n] {
			return true
		}
		// "a bunch of crooks", "ein Haufen von Betrügern" still call the name so.
		if objectPrepositions[n] && !(k > 0 && collectives[doc.Tokens[k-1].Norm]) {
			return true
		}
	}
	return false
}
