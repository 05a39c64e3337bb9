package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/postcheck/postcheck/internal/pii"
)

// The privacy validators. Identifiers (privacy_pii) are found and checked by package pii;
// values that only mean something next to a label — a date after "geb.", digits after
// "PIN" — are found by privacy_labelled; sensitive facts about people by
// privacy_special (validate_privacy_special.go); absence and whereabouts by
// privacy_whereabouts (validate_privacy_whereabouts.go).
func init() {
	RegisterValidator("privacy_pii", piiValidator)
	RegisterValidator("privacy_labelled", labelledValidator)
	RegisterValidator("privacy_special", specialValidator)
	RegisterValidator("privacy_whereabouts", whereaboutsValidator)
}

// piiKinds maps the `kind` param of privacy_pii to the kind of identifier it reports.
var piiKinds = map[string]pii.Kind{
	"email": pii.Email, "phone": pii.Phone, "iban": pii.IBAN, "bic": pii.BIC, "card": pii.Card,
	"tax_id_de": pii.TaxIDDE, "social_security": pii.SocialSec, "coordinates": pii.Coordinate,
	"ip_address": pii.IPAddress, "api_key": pii.Secret, "address": pii.Address,
}

// piiValidator reports identifiers of one kind. Overlaps between kinds are settled by
// pii.All, so a card number inside an IBAN is reported once, as the IBAN.
func piiValidator(params map[string]string) (MatchFunc, error) {
	want, ok := piiKinds[params["kind"]]
	if !ok {
		return nil, fmt.Errorf("param kind must be one of email, phone, iban, bic, card, tax_id_de, social_security, coordinates, ip_address, api_key, address; got %q", params["kind"])
	}
	return func(doc *Doc) []Hit {
		// Addresses may overlap the other kinds: pii.All settles nothing between them,
		// and the validator reports one kind, so one list serves every rule.
		ms := doc.identifiers.get(func() []pii.Match { return pii.AllAndAddressesFolded(doc.Original, doc.Folded()) })
		var hits []Hit
		for _, m := range ms {
			if m.Kind != want || want == pii.Email && roleAddress(m.Text(doc.Original)) {
				continue
			}
			h := Hit{Start: m.Start, End: m.End, TokStart: -1, TokEnd: -1}
			if want == pii.Secret && m.Detail == "private_key" {
				h.Note = Text{"de": "Ein privater Schlüssel öffnet alles, was ihm vertraut – widerrufen Sie ihn sofort.", "en": "A private key opens everything that trusts it – revoke it at once."}
			}
			hits = append(hits, h)
		}
		return hits
	}, nil
}

// labelled is a value that counts only after (or before) its label.
type labelled struct {
	re guardedRe
	// group is the submatch reported; the rest of the match is the label.
	group int
	// sep, when above zero, is the submatch between label and value, passed to ok.
	sep int
	// ok, when set, must accept the value.
	ok func(value string, labelSep string) bool
	// scan, when set, runs re only where a match can begin (see init below).
	scan *wordScan
}

func init() {
	for _, ps := range labelledKinds {
		for i := range ps {
			if ps[i].scan == nil {
				ps[i].scan = scanFor(ps[i].re.Regexp)
			}
		}
	}
}

// A German plate ("M-AB 1234", "HH AB 123") begins with a capital and has a digit
// from 1 to 9 within its first eleven bytes; a British one ("AB12 CDE") a capital with
// a digit two bytes on. Most capitals in a draft start neither.
func germanPlateStart(s string, i int) bool {
	c := s[i]
	if !(c >= 'A' && c <= 'Z' || c == 0xC3 && i+1 < len(s) && (s[i+1] == 0x84 || s[i+1] == 0x96 || s[i+1] == 0x9C)) {
		return false
	}
	for k := i + 1; k < len(s) && k <= i+10; k++ {
		if s[k] >= '1' && s[k] <= '9' {
			return true
		}
	}
	return false
}

func britishPlateStart(s string, i int) bool {
	return s[i] >= 'A' && s[i] <= 'Z' && i+2 < len(s) && s[i+2] >= '0' && s[i+2] <= '9'
}

// Licence plates, found only with a label or a car nearby (plateContextRe).
const (
	germanPlate  = `\b([A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2}[- ]?[1-9]\d{0,3}[EH]?)\b`
	britishPlate = `\b([A-Z]{2}\d{2}\s?[A-Z]{3})\b`
)

const (
	monthsDE  = `(?:Januar|Jänner|Jan\.?|Februar|Feb\.?|März|Maerz|Mär\.?|April|Apr\.?|Mai|Juni|Jun\.?|Juli|Jul\.?|August|Aug\.?|September|Sept?\.?|Oktober|Okt\.?|November|Nov\.?|Dezember|Dez\.?)`
	monthsEN  = `(?:January|Jan\.?|February|Feb\.?|March|Mar\.?|April|Apr\.?|May|June|Jun\.?|July|Jul\.?|August|Aug\.?|September|Sept?\.?|October|Oct\.?|November|Nov\.?|December|Dec\.?)`
	dateExpr  = `(?:\d{1,2}\.\s?\d{1,2}\.(?:\s?(?:19|20)?\d{2})?|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:19|20)?\d{2}|\d{1,2}\.\s?` + monthsDE + `(?:\s(?:19|20)\d{2})?|\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?` + monthsEN + `(?:,?\s(?:19|20)\d{2})?|` + monthsEN + `\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s(?:19|20)\d{2})?)`
	stopValue = `(?i)^(?:ist|is|nicht|not|sicher|secure|safe|zu|too|das|the|da|so|sehr|very|vergessen|forgotten|forgot|geändert|changed|falsch|wrong|richtig|leer|empty|ein|eine|a|an|mein|my|dein|your|bitte|please|hier|here|unten|below|oben|above|reset|zurücksetzen|ändern|change|eingeben|enter|per|via|in|im|auf|on|und|and|oder|or|manager|generator|vergessen\?|123456|\*+|x+|•+)$`
)

var stopValueRe = regexp.MustCompile(stopValue)

// labelledKinds holds the patterns of privacy_labelled by `kind`.
var labelledKinds = map[string][]labelled{
	"date_of_birth": {
		{re: mustGuarded(`(?i)(?:\bgeb\.|\bgeboren(?:\s+am)?|\bgeburtsdatum\s*:?|\bgeburtstag\s*(?:ist\s+)?(?:am\s+)?:?|\bborn(?:\s+on)?|\bdate of birth\s*:?|\bdob\s*:?|\bd\.o\.b\.\s*:?|\bbirthday\s+(?:is\s+)?(?:on\s+)?|\bbirth date\s*:?)\s*(` + dateExpr + `)`), group: 1},
		{re: mustGuarded(`(?i)\b(?:am|on)\s+(` + dateExpr + `)\s+(?:geboren|born)\b`), group: 1},
		{re: mustGuarded(`(?i)\b(?:hat|habe|haben|hast|feiert|feiere)\s+(?:am\s+)?(` + dateExpr + `)\s+(?:seinen\s+|ihren\s+|meinen\s+|\d+\.\s+)?geburtstag`), group: 1},
	},
	"licence_plate": {
		{re: mustGuarded(germanPlate), group: 1, scan: newStartScan(germanPlate, germanPlateStart)},
		{re: mustGuarded(britishPlate), group: 1, scan: newStartScan(britishPlate, britishPlateStart)},
	},
	"password": {
		{re: mustGuarded(`(?i)\b(?:passwort|password|passwd|passw\.|kennwort|pw|pwd|wlan[- ]?passwort|wlan[- ]?schlüssel|wlan[- ]?key|wifi[- ]?passwor[dt]|wi-fi[- ]?password|wlan[- ]?code|zugangsdaten)\b` +
			// an optional "für das Gäste-WLAN" / "for the family" before the separator
			`((?:\s+(?:für|for|vom|von|of|fürs|zum|zur|der|des|to)\s+[^:=\n.!?]{1,30}?)?\s*(?:\bist\b|\bis\b|\blautet\b|=|:|–)\s*|\s+)` +
			// A trailing "!" or "?" is kept in the value: masking a sentence mark costs nothing,
			// leaving the last character of a password visible does.
			`["'„“‚]?([^\s"'“”‘’]{4,64}?[!?]*)["'“”‘’]?(?:[.,;)]*(?:\s|$))`), group: 2, sep: 1, ok: passwordValue},
		{re: mustGuarded(`(?i)\b(?:pin|pin-code|pincode|pin code|geheimzahl|tresorcode|türcode|tuercode|door code|alarm code|alarmcode|schlosscode|zahlenschloss|gate code|torcode|entry code|kombination|combination|schlüsselkasten|schlüsselsafe|schlüsselbox|key ?safe|key ?box|lock ?box|code für (?:den|die|das) \S+)[^.!?\n\d]{0,30}?\b(\d{4,8})\b`), group: 1},
	},
	"one_time_code": {
		{re: mustGuarded(`(?i)\b(?:bestätigungscode|bestaetigungscode|verifizierungscode|verifikationscode|sicherheitscode|einmalcode|einmal-code|sms-code|login-code|anmeldecode|(?-i:m?TAN|OTP)|2fa-code|2fa code|2fa|verification code|security code|one-time code|one time code|one-time password|login code|auth code|authentication code|access code|zugangscode)\b[^.!?\n\d]{0,20}?\b(\d{4,8}|\d{3}[- ]\d{3})\b`), group: 1},
	},
	"booking_code": {
		{re: mustGuarded(`(?i)\b(?:buchungscode|buchungsnummer|buchungsreferenz|buchungsbestätigung|reservierungscode|reservierungsnummer|filekey|booking reference|booking code|booking ref|booking number|confirmation number|confirmation code|pnr|record locator|ticketnummer|ticket number|e-ticket|boarding pass|bordkarte|boardingpass)\b[^.!?\n]{0,20}?\b((?-i:[A-Z0-9]{5,13}))\b`), group: 1,
			ok: func(v, _ string) bool {
				return strings.ToUpper(v) == v && strings.ContainsAny(v, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") && (hasDigit(v) || len(v) == 6)
			}},
	},
	"id_document": {
		{re: mustGuarded(`(?i)\b(?:personalausweis(?:nummer)?|ausweisnummer|ausweis-nr\.?|ausweis|reisepass(?:nummer)?|passnummer|pass-nr\.?|id card(?: number)?|id number|identity card(?: number)?|passport(?: number| no\.?)?|driver'?s licen[cs]e(?: number| no\.?)?|driving licen[cs]e(?: number| no\.?)?|führerschein(?:nummer)?|fuehrerschein(?:nummer)?|licen[cs]e number)\b[^.!?\n]{0,20}?\b((?-i:[A-Z0-9]{6,18}))\b`), group: 1,
			ok: func(v, _ string) bool { return hasDigit(v) && strings.ToUpper(v) == v && !allDigitsYear(v) }},
	},
}

// plateContextRe must appear in the sentence of a licence plate: a plate-like token is
// otherwise too often a product code.
var plateContextRe = regexp.MustCompile(`(?i)\b(kennzeichen|nummernschild|autonummer|auto|autos|wagen|pkw|lkw|fahrzeug|bmw|audi|vw|mercedes|golf|tesla|porsche|opel|fahrer|fahrerin|parkt|parken|geparkt|parkplatz|falschparker|geblitzt|licen[cs]e plate|number plate|plate|registration|car|van|truck|suv|parked|parking|driver)\b`)

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func allDigitsYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20"))
}

// passwordValue accepts a value after a password label when it cannot be ordinary
// prose: it follows ':' or '=', or it mixes in digits, symbols or inner capitals.
func passwordValue(v, sep string) bool {
	if stopValueRe.MatchString(v) || strings.HasSuffix(v, ":") || strings.HasPrefix(v, "-") ||
		strings.Contains(v, "://") || strings.HasPrefix(strings.ToLower(v), "www.") || strings.HasPrefix(v, "&#") {
		return false
	}
	explicit := strings.ContainsAny(sep, ":=") || strings.Contains(strings.ToLower(sep), "lautet")
	// A sentence mark at the end says nothing about the value: "Das Passwort ist super!".
	v = strings.TrimRight(v, "!?")
	if v == "" || stopValueRe.MatchString(v) {
		return false
	}
	inner := false
	for i, r := range v {
		if i > 0 && r >= 'A' && r <= 'Z' {
			inner = true
		}
	}
	symbol := strings.IndexFunc(v, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
	}) >= 0
	if explicit {
		return true
	}
	return (hasDigit(v) || symbol || inner) && strings.ContainsFunc(v, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' })
}

// labelledValidator finds values after their labels (see labelledKinds).
func labelledValidator(params map[string]string) (MatchFunc, error) {
	kind := params["kind"]
	pats, ok := labelledKinds[kind]
	if !ok {
		return nil, fmt.Errorf("param kind must be one of date_of_birth, licence_plate, password, one_time_code, booking_code, id_document; got %q", kind)
	}
	return labelledMatch(kind, pats, true), nil
}

// plateWords are the words of plateContextRe; "licence plate" and "number plate" hold
// "plate".
var plateWords = newASCIIWords("kennzeichen", "nummernschild", "autonummer", "auto", "autos", "wagen", "pkw", "lkw", "fahrzeug", "bmw",
	"audi", "vw", "mercedes", "golf", "tesla", "porsche", "opel", "fahrer", "fahrerin", "parkt", "parken", "geparkt", "parkplatz",
	"falschparker", "geblitzt", "plate", "registration", "car", "van", "truck", "suv", "parked", "parking", "driver")

// labelledMatch finds the values of one kind; fast says whether to skip a licence
// plate's expressions in a draft without a word of its context, which every plate
// needs in its sentence (the tests compare with going without).
func labelledMatch(kind string, pats []labelled, fast bool) MatchFunc {
	return func(doc *Doc) []Hit {
		var hits []Hit
		s := doc.Original
		if fast && kind == "licence_plate" {
			if !doc.scanOriginal().longS && !plateWords.in(doc) {
				return nil
			}
		}
		for _, p := range pats {
			if !p.re.may(doc) {
				continue
			}
			// A rejected value must not hide a later label ("Zugangsdaten für X: Passwort: Y"),
			// so after a rejected value the search resumes right after its label.
			for off := 0; off < len(s); {
				var m []int
				if p.scan != nil {
					m = p.scan.firstIn(p.re.Regexp, doc.scanOriginal(), off)
				} else {
					m = p.re.FindStringSubmatchIndex(s[off:])
				}
				if m == nil {
					break
				}
				for k := range m {
					if m[k] >= 0 {
						m[k] += off
					}
				}
				next := m[1]
				if next <= m[0] {
					next = m[0] + 1
				}
				a, b := m[2*p.group], m[2*p.group+1]
				sep := ""
				if p.sep > 0 && m[2*p.sep] >= 0 {
					sep = s[m[2*p.sep]:m[2*p.sep+1]]
				}
				// "&#8230;" is an HTML entity, not a code.
				if a < 0 || a >= b || a > 0 && s[a-1] == '#' || p.ok != nil && !p.ok(s[a:b], sep) ||
					kind == "licence_plate" && !plateContextRe.MatchString(sentenceAround(s, a, b)) {
					off = next
					if p.sep > 0 && m[2*p.sep] > m[0] {
						off = m[2*p.sep] // right after the label, itself a word boundary
					}
					continue
				}
				off = next
				h := Hit{Start: a, End: b, TokStart: -1, TokEnd: -1}
				if !overlapsHits(h, hits) {
					hits = append(hits, h)
				}
			}
		}
		return hits
	}
}

func overlapsHits(h Hit, hs []Hit) bool {
	for _, o := range hs {
		if h.Start < o.End && o.Start < h.End {
			return true
		}
	}
	return false
}

// sentenceAround returns the sentence that contains s[a:b]. Unlike Doc.SentenceStart it
// does not stop at the dots of dates ("3.5."), ordinals or abbreviations ("geb.", "Tel."):
// a dot ends a sentence only before white space and a capital letter, after a letter.
func sentenceAround(s string, a, b int) string {
	start := 0
	for i := a - 1; i >= 0; i-- {
		if isSentenceEnd(s, i) {
			start = i + 1
			break
		}
	}
	end := len(s)
	for i := b; i < len(s); i++ {
		if isSentenceEnd(s, i) {
			end = i
			break
		}
	}
	return s[start:end]
}

func isSentenceEnd(s string, i int) bool {
	switch s[i] {
	case '\n', '!', '?':
		return true
	case '.':
		if i == 0 || i+2 >= len(s) || s[i+1] != ' ' {
			return i+1 >= len(s)
		}
		prev, next := s[i-1], s[i+2]
		if prev >= '0' && prev <= '9' {
			return false
		}
		word := i - 1
		for word > 0 && (s[word-1] >= 'a' && s[word-1] <= 'z' || s[word-1] >= 'A' && s[word-1] <= 'Z') {
			word--
		}
		return i-word > 3 && (next >= 'A' && next <= 'Z' || next >= 0xC3)
	}
	return false
}

// roleLocals are mailbox names of organisations ("info@", "presse@"): published on
// purpose, they identify no person.
var roleLocals = set("info", "kontakt", "contact", "hello", "hallo", "support", "service", "kundenservice", "presse", "press", "jobs", "karriere",
	"careers", "bewerbung", "bewerbungen", "office", "buero", "team", "mail", "post", "sales", "vertrieb", "marketing", "noreply", "no-reply",
	"datenschutz", "privacy", "impressum", "webmaster", "admin", "hr", "personal", "redaktion", "newsletter", "events", "anfragen", "enquiries", "help", "hilfe")

func roleAddress(addr string) bool {
	local, _, _ := strings.Cut(strings.ToLower(addr), "@")
	return roleLocals[local]
}
