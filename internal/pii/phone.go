package pii

import (
	"regexp"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// phoneCandRe finds stretches that may be phone numbers: digits with spaces, slashes,
// dashes and brackets, optionally led by '+'. Dots are not accepted as separators, which
// keeps dates, prices and version numbers out from the start.
var phoneCandRe = guarded(`\+?\(?\+?\d[\d ()/\-–]{4,26}\d(?:\s?(?:x|ext\.?|Durchwahl|DW)\s?\d{1,5}\b)?`)

// extRe is a trailing extension, which is part of the number's span but not of the number.
var extRe = regexp.MustCompile(`\s?(?:x|ext\.?|Durchwahl|DW)\s?\d{1,5}$`)

var (
	dateLikeRe = regexp.MustCompile(`^(?:\d{1,2}[/\-]\d{1,2}[/\-]\d{2,4}|\d{4}[/\-]\d{1,2}[/\-]\d{1,2}|\d{4} ?[–\-/] ?\d{2,4}|\d{1,2} ?[–\-] ?\d{1,2})$`)
	nanpRe     = regexp.MustCompile(`^(?:\+?1[ \-.]?)?(?:\(\d{3}\) ?|\d{3}[ \-/.])\d{3}[ \-.]\d{4}$`)
	// nanpDotRe is the dotted North American style ("415.555.2671"): three, three and four
	// digits, a shape no date, version, price or IPv4 address has.
	nanpDotRe = guarded(`(?:\+?1\.)?\b\d{3}\.\d{3}\.\d{4}\b`)
	// Labels that make a number something other than a person's phone number.
	notPhoneLabelRe = guarded(`(?i)(bestell|auftrag|rechnung|kunden|artikel|vertrag|vorgang|ticket|sendung|tracking|order|invoice|account|konto|isbn|issn|ean|art\.?-?nr|ref|referenz|reference|case|serial|serien|seriennummer|version|v\.|nr\.|no\.|#|plz|blz|iban|bic|hotline|service|servicenummer|kundenservice|support|zentrale|customer care|helpline|help line|infoline|info-line)[^.!?\n\d]{0,14}[:#]?\s*$`)
	// An IBAN-shaped prefix ("NL00 ABCD ") makes the digits the rest of an account number.
	ibanShapeRe  = regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4})+ $`)
	phoneLabelRe = guarded(`(?i)(tel\.?|telefon\w*|fon|phone|mobil\w*|handy\w*|cell|call|ruf\w*|anruf\w*|whatsapp|signal|fax|nummer|number|erreichbar|reach)[^.!?\n\d]{0,20}$`)
)

// phoneRegions are tried in order for numbers written in national form.
var phoneRegions = []string{"DE", "AT", "CH", "GB"}

// Phones finds phone numbers of Germany, Austria, Switzerland, the UK and North
// America in national form, and any country's numbers in international form ("+44 …",
// "0049 …"). Every candidate is validated against the number plan of libphonenumber;
// dates, year ranges, prices, order numbers and toll-free or premium service numbers
// (a company's public hotline) are not reported.
func Phones(s string) []Match { return phones(s, &folded{s: s}) }

func phones(s string, f *folded) []Match {
	var out []Match
	for _, loc := range phoneCandRe.findAll(s, f) {
		a, b := loc[0], loc[1]
		raw := s[a:b]
		// An unbalanced bracket at either end belongs to the sentence, not the number.
		if strings.HasPrefix(raw, "(") && !strings.Contains(raw, ")") {
			a++
			raw = s[a:b]
		}
		if m, ok := phoneAt(s, a, b, raw); ok {
			out = append(out, m)
		}
	}
	for _, loc := range nanpDotRe.findAll(s, f) {
		a, b := loc[0], loc[1]
		if a > 0 && (s[a-1] == '.' || s[a-1] >= '0' && s[a-1] <= '9') || b+1 < len(s) && s[b] == '.' && s[b+1] >= '0' && s[b+1] <= '9' {
			continue
		}
		if m, ok := phoneAt(s, a, b, s[a:b]); ok && !overlaps(m, out) {
			out = append(out, m)
		}
	}
	return out
}

func phoneAt(s string, a, b int, raw string) (Match, bool) {
	none := Match{}
	if wordBefore(s, a) || wordAfter(s, b) || strings.Contains(raw, "  ") {
		return none, false
	}
	if a > 0 && strings.ContainsRune(".,€$£#/-", rune(s[a-1])) {
		return none, false
	}
	if b < len(s) && (s[b] == '.' || s[b] == ',') && b+1 < len(s) && s[b+1] >= '0' && s[b+1] <= '9' {
		return none, false
	}
	after := strings.TrimLeft(s[b:], " ")
	for _, unit := range []string{"€", "$", "£", "%", "EUR", "Euro", "USD", "CHF", "GBP", "Stück", "km", "kg", "mal", "x "} {
		if strings.HasPrefix(after, unit) {
			return none, false
		}
	}
	if loc := extRe.FindStringIndex(raw); loc != nil {
		raw = raw[:loc[0]]
	}
	d := digitsOf(raw)
	if len(d) < 7 || len(d) > 15 || dateLikeRe.MatchString(raw) {
		return none, false
	}
	before := s[max(0, a-40):a]
	if notPhoneLabelRe.matchString(before) || ibanShapeRe.MatchString(before) {
		return none, false
	}
	region, ok := phoneVerdict(raw, phoneLabelRe.matchString(before))
	if !ok {
		return none, false
	}
	return Match{Start: a, End: b, Kind: Phone, Detail: region}, true
}

// phoneVerdict says whether a candidate is a person's phone number and of which region:
// a valid number that is not toll-free, premium-rate, shared-cost or a universal access
// number. Verdicts are remembered: libphonenumber takes tens of microseconds per
// candidate, and drafts and batches repeat numbers.
func phoneVerdict(raw string, labelled bool) (string, bool) {
	k := verdictKey{raw, labelled}
	verdicts.Lock()
	v, hit := verdicts.m[k]
	verdicts.Unlock()
	if hit {
		return v.region, v.ok
	}
	num, ok := parsePhone(raw, labelled)
	if ok {
		switch phonenumbers.GetNumberType(num) {
		case phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.UAN:
			ok = false
		}
	}
	if ok {
		v = verdict{region: phonenumbers.GetRegionCodeForNumber(num), ok: true}
	}
	k.raw = strings.Clone(raw) // the key must not keep the whole draft alive
	verdicts.Lock()
	if len(verdicts.m) >= maxVerdicts {
		clear(verdicts.m)
	}
	verdicts.m[k] = v
	verdicts.Unlock()
	return v.region, v.ok
}

// maxVerdicts bounds the remembered verdicts; when full, they are forgotten at once.
const maxVerdicts = 4096

type verdictKey struct {
	raw      string
	labelled bool
}

type verdict struct {
	region string
	ok     bool
}

var verdicts = struct {
	sync.Mutex
	m map[verdictKey]verdict
}{m: map[verdictKey]verdict{}}

// parsePhone validates a candidate. International numbers need only be valid; national
// ones must carry a trunk prefix 0 (DE, AT, CH, UK) or the North American layout, and a
// bare ten-digit North American number counts only after a label such as "Tel.".
func parsePhone(raw string, labelled bool) (*phonenumbers.PhoneNumber, bool) {
	c := strings.ReplaceAll(raw, "–", "-")
	compact := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '+' {
			return r
		}
		return -1
	}, c)
	switch {
	case strings.HasPrefix(compact, "+") || strings.HasPrefix(compact, "00"):
		if strings.HasPrefix(compact, "00") {
			c = "+" + strings.TrimPrefix(strings.TrimLeft(c, "( "), "00")
		}
		// "+49 (0)221 …": the bracketed trunk zero is not dialled from abroad.
		c = strings.Replace(c, "(0)", "", 1)
		num, err := phonenumbers.Parse(c, "ZZ")
		if err != nil || !phonenumbers.IsValidNumber(num) {
			return nil, false
		}
		return num, true
	case strings.HasPrefix(compact, "0"):
		for _, region := range phoneRegions {
			num, err := phonenumbers.Parse(c, region)
			if err == nil && phonenumbers.IsValidNumberForRegion(num, region) {
				return num, true
			}
		}
		return nil, false
	}
	if !nanpRe.MatchString(strings.TrimSpace(c)) && !(labelled && (len(compact) == 10 || len(compact) == 11 && compact[0] == '1')) {
		return nil, false
	}
	// Any country of the North American plan (US, Canada, the Caribbean) will do.
	num, err := phonenumbers.Parse(c, "US")
	if err != nil || num.GetCountryCode() != 1 || !phonenumbers.IsValidNumber(num) {
		return nil, false
	}
	return num, true
}
