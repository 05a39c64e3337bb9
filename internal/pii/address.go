package pii

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

const (
	upper = `[A-ZÄÖÜ]`
	lower = `[a-zäöüßéèàç]`
	// German, Austrian and Swiss street types, written as a word's tail ("Lindenstraße")
	// or as a word of their own after an adjective ("Mariahilfer Straße").
	deStreetTail = `(?:straße|strasse|str\.|gasse|weg|allee|platz|ring|damm|ufer|chaussee|steig|pfad|graben|kai|zeile|stieg|twiete|wall|promenade|markt|berg|feld|garten|hof` +
		// Nordic, Dutch and other street tails, common in travel and expat posts.
		`|katu|gatan|gata|vägen|vej|veien|gade|straat|laan|stræti)`
	deStreetWord = `(?:Straße|Strasse|Str\.|Gasse|Weg|Allee|Platz|Ring|Damm|Ufer|Chaussee|Steig|Pfad|Graben|Kai|Zeile|Markt|Berg|Feld|Garten|Hof)`
	deHouse      = `[1-9]\d{0,2}(?:\s?[a-zA-Z]\b)?(?:\s?[-/]\s?[1-9]\d{0,2}[a-z]?)?`
	dePlace      = `(?:,\s*|\s+(?:in\s+)?)(?:(?:D|A|CH)-)?[1-9]\d{3,4}\s` + upper + `[\p{L}\-]+(?:\s(?:am|an der|im|bei|ob der)\s` + upper + `[\p{L}]+|\s\(` + upper + `[\p{L}]+\))?`
	enStreetType = `(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Gardens|Grove|Place|Pl|Terrace|Court|Ct|Square|Sq|Mews|Row|Hill|Boulevard|Blvd|Parkway|Pkwy|Circle|Cir|Trail|Highway|Hwy|Walk|Plaza)`
	ukPostcode   = `(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})`
	// Without a street or label only the spaced form counts: "X7K9QZ" is a booking code.
	ukPostcodeSpaced = `(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2})`
)

// deAddressExpr is a German, Austrian or Swiss street with house number and perhaps
// postcode and town.
const deAddressExpr = `(?:\b` + upper + lower + `{2,}(?:-` + upper + lower + `+)*` + deStreetTail +
	`|\b(?:` + upper + lower + `+(?:er|sche|scher)|Alte|Neue|Obere|Untere|Lange|Hohe|Breite|Kurze)\s` + deStreetWord +
	`|\b(?:Am|An der|An den|Auf der|Auf dem|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Via|Viale|Rue|Calle|Avenida|Rua|ul\.)\s` + upper + lower + `{2,}(?:-` + upper + lower + `+)*)` +
	`\s` + deHouse + `(?:` + dePlace + `)?`

var (
	// deAddressRe is run only where a match can start; see deAddressMatches.
	deAddressRe = regexp.MustCompile(`^(?:` + deAddressExpr + `)`)
	// deAddressAfter is deAddressRe with the rune before the start, which \b looks at.
	deAddressAfter = regexp.MustCompile(`^(?s:.)(` + deAddressExpr + `)`)
	enAddressRe    = guardedAnchored(
		`\b[1-9]\d{0,4}[A-Za-z]?\s(?:[NSEW]\.?\s)?(?:[A-Z][a-z]+\s){1,3}` + enStreetType + `\b\.?` +
			`(?:,?\s(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.?\s?#?[0-9A-Z]+){0,2}` +
			`(?:,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})?` +
			`(?:,?\s(?:[A-Z]{2}\s\d{5}(?:-\d{4})?|` + ukPostcode + `))?`)
	ukPostcodeRe = guarded(`(?:,\s*|\b)(?:London|[A-Z][a-z]+)\s` + ukPostcodeSpaced + `\b|(?i:postcode|post code)\s*:?\s*` + ukPostcode + `\b`)
	// Compounds with a street tail that name no street: "Sitzplatz 23A", "Tabellenplatz 3".
	notStreet = map[string]bool{"sitzplatz": true, "parkplatz": true, "stellplatz": true, "arbeitsplatz": true, "spielplatz": true,
		"campingplatz": true, "sportplatz": true, "tabellenplatz": true, "startplatz": true, "studienplatz": true, "kitaplatz": true,
		"ausbildungsplatz": true, "stehplatz": true, "lebensweg": true, "rückweg": true, "heimweg": true}
	// Words that end like "Berliner" but are articles or pronouns: "Der Weg 3" is no street.
	notAdjective = map[string]bool{"Der": true, "Jeder": true, "Unser": true, "Euer": true, "Dieser": true, "Jener": true, "Welcher": true, "Aller": true, "Oder": true, "Aber": true, "Immer": true, "Wieder": true, "Later": true, "Keiner": true, "Einer": true, "Meiner": true, "Deiner": true, "Seiner": true, "Ihrer": true}
)

// Addresses finds postal addresses: a German, Austrian or Swiss street with house number
// ("Lindenstraße 12", "Mariahilfer Straße 45, 1060 Wien", "Am Markt 3"), an English or US
// street address ("221B Baker Street, London NW1 6XE", "1600 Pennsylvania Ave, Washington, DC 20500"),
// or a UK postcode after its town. A street without a number is not an address.
func Addresses(s string) []Match { return addresses(s, newIndex(s)) }

// AddressesFolded is Addresses for a text whose text.NewHaystack(text.Fold(s)) is at hand.
func AddressesFolded(s string, folded *text.Haystack) []Match {
	f := newIndex(s)
	f.h = folded
	return addresses(s, f)
}

func addresses(s string, f *index) []Match {
	var out []Match
	for _, loc := range deAddressMatches(s, f.houses) {
		a, b := loc[0], loc[1]
		if wordAfter(s, b) || (b < len(s) && (s[b] == '.' || s[b] == ',') && b+1 < len(s) && s[b+1] >= '0' && s[b+1] <= '9') {
			continue
		}
		if sp := strings.IndexByte(s[a:b], ' '); sp > 0 && (notAdjective[s[a:a+sp]] || notStreet[strings.ToLower(s[a:a+sp])]) {
			continue
		}
		if isUnitAfter(s[b:]) {
			continue
		}
		out = append(out, Match{Start: a, End: b, Kind: Address, Detail: "de"})
	}
	for _, loc := range enAddresses(s, f) {
		m := Match{Start: loc[0], End: loc[1], Kind: Address, Detail: "en"}
		// "2064 Supreme Court Confirmation Hearing": a capitalised word right after the
		// street type makes it a name, not an address.
		if !overlaps(m, out) && !isUnitAfter(s[m.End:]) && !capitalAfterRe.MatchString(s[m.End:]) {
			out = append(out, m)
		}
	}
	for _, loc := range ukPostcodes(s, f) {
		a := loc[0]
		for a < loc[1] && (s[a] == ',' || s[a] == ' ') {
			a++
		}
		m := Match{Start: a, End: loc[1], Kind: Address, Detail: "uk"}
		if !overlaps(m, out) {
			out = append(out, m)
		}
	}
	return out
}

// enAddresses is enAddressRe.findAll: a match begins with one to five digits, perhaps
// a letter, a space and a capital.
func enAddresses(s string, f *index) [][]int {
	if !enAddressRe.guard.MayMatchIn(f.get()) {
		return nil
	}
	return enAddressRe.findAll(s, f.digitStarts, func(s string, i int) bool {
		n := digitRun(s, i)
		q := i + n
		if s[i] == '0' || n > 5 {
			return false
		}
		if q < len(s) && isLetter(s[q]) {
			q++
		}
		return q+1 < len(s) && isSpaceByte(s[q]) && isUpper(s[q+1])
	})
}

// ukPostcodes is ukPostcodeRe.findAll. Every match holds a capital followed by a digit,
// which most drafts lack.
func ukPostcodes(s string, f *index) [][]int {
	if !f.upperDigit {
		return nil
	}
	return ukPostcodeRe.findAll(s, f)
}

// isUnitAfter reports a unit after the number ("Platz 3 Minuten", "Weg 5 km"), which
// makes the number a quantity, not a house number.
var unitAfterRe = regexp.MustCompile(`^\s*(?:%|€|km|m\b|min|minuten|minutes|stunden|hours|tage|days|jahre|years|uhr|mal|times|prozent|percent|euro|punkte|points|\.\s?(?:platz|rang))`)

var capitalAfterRe = regexp.MustCompile(`^ [A-Z][a-z]`)

func isUnitAfter(rest string) bool { return unitAfterRe.MatchString(rest) }

// deAddressMatches returns what FindAllStringIndex of the street expression would: the
// leftmost match, then the leftmost after it, and so on. Scanning a whole draft with an
// expression this size is slow, and a match can only start at a capital (or "ul.") in
// a run of letters, hyphens, dots and spaces that ends in white space and a house
// number [1-9], so the expression runs anchored at those places only. houses are the
// digits 1–9 after white space, in order (index.houses); the run before each is found
// by reading back from it.
func deAddressMatches(s string, houses []int) [][]int {
	var out [][]int
	pos := 0 // where the search goes on: the end of the last match
	for _, i := range houses {
		if i < pos {
			continue
		}
		runStart := i // where the run of street runes before i begins, not before pos
		for runStart > pos {
			r, w := utf8.DecodeLastRuneInString(s[:runStart])
			if !streetRune(r) {
				break
			}
			runStart -= w
		}
		for p := runStart; p < i; p++ {
			if !streetStart(s, p) {
				continue
			}
			if loc := deAddressAt(s, p); loc != nil {
				// the match holds this house number, so it ends after i
				out = append(out, loc)
				pos = loc[1]
				break
			}
		}
	}
	return out
}

// deAddressAt is the match of the street expression that starts at p, if any.
func deAddressAt(s string, p int) []int {
	if p == 0 {
		return deAddressRe.FindStringIndex(s)
	}
	_, w := utf8.DecodeLastRuneInString(s[:p])
	m := deAddressAfter.FindStringSubmatchIndex(s[p-w:])
	if m == nil {
		return nil
	}
	return []int{m[2] + p - w, m[3] + p - w}
}

// streetRune reports the runes a street name may hold before its house number.
func streetRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isLetter(byte(r)) || r == '-' || r == '.' || isSpaceByte(byte(r))
	}
	return unicode.IsLetter(r)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// streetStart reports where a street may begin: a capital A–Z, Ä, Ö, Ü or "ul.".
func streetStart(s string, p int) bool {
	c := s[p]
	switch {
	case c >= 'A' && c <= 'Z':
		return true
	case c == 'u':
		return strings.HasPrefix(s[p:], "ul.")
	case c == 0xC3 && p+1 < len(s):
		return s[p+1] == 0x84 || s[p+1] == 0x96 || s[p+1] == 0x9C
	}
	return false
}
