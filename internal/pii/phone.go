package pii

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

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
	notPhoneLabelRe = newSuffixRe(`(?i)(bestell|auftrag|rechnung|kunden|artikel|vertrag|vorgang|ticket|sendung|tracking|order|invoice|account|konto|isbn|issn|ean|art\.?-?nr|ref|referenz|reference|case|serial|serien|seriennummer|version|v\.|nr\.|no\.|#|plz|blz|iban|bic|hotline|service|servicenummer|kundenservice|support|zentrale|customer care|helpline|help line|infoline|info-line)[^.!?\n\d]{0,14}[:#]?\s*$`)
	// An IBAN-shaped prefix ("NL00 ABCD ") makes the digits the rest of an account number.
	ibanShapeRe  = regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4})+ $`)
	phoneLabelRe = newSuffixRe(`(?i)(tel\.?|telefon\w*|fon|phone|mobil\w*|handy\w*|cell|call|ruf\w*|anruf\w*|whatsapp|signal|fax|nummer|number|erreichbar|reach)[^.!?\n\d]{0,20}$`)
)

// phoneRegions are tried in order for numbers written in national form.
var phoneRegions = []string{"DE", "AT", "CH", "GB"}

// Phones finds phone numbers of Germany, Austria, Switzerland, the UK and North
// America in national form, and any country's numbers in international form ("+44 …",
// "0049 …"). Every candidate is validated against the number plan of libphonenumber;
// dates, year ranges, prices, order numbers and toll-free or premium service numbers
// (a company's public hotline) are not reported.
func Phones(s string) []Match { return phones(s, newIndex(s)) }

func phones(s string, f *index) []Match {
	var out []Match
	for _, loc := range phoneCandidatesAt(s, f.phoneStarts) {
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
	// Every extension holds an 'x' or a 'D'; the digits before it hold neither.
	if strings.ContainsAny(raw, "xD") {
		if loc := extRe.FindStringIndex(raw); loc != nil {
			raw = raw[:loc[0]]
		}
	}
	if n := digitCount(raw); n < 7 || n > 15 || dateLike(raw) {
		return none, false
	}
	before := s[max(0, a-40):a]
	if notPhoneLabelled(before) || ibanShaped(before) {
		return none, false
	}
	region, ok := phoneVerdict(raw, labelCounts(raw) && phoneLabelRe.matchString(before))
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

// digitCount is len(digitsOf(s)).
func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// dateLike is dateLikeRe.MatchString(raw), which needs a '/', '-' or '–' and at most
// thirteen bytes.
func dateLike(raw string) bool {
	return len(raw) <= 13 && strings.ContainsAny(raw, "/-–") && dateLikeRe.MatchString(raw)
}

// notPhoneLabels are the labels of notPhoneLabelRe but "art.-nr", lower case, by their
// last byte.
var notPhoneLabels = func() (t [256][]string) {
	for _, l := range []string{"bestell", "auftrag", "rechnung", "kunden", "artikel", "vertrag", "vorgang", "ticket", "sendung", "tracking",
		"order", "invoice", "account", "konto", "isbn", "issn", "ean", "ref", "referenz", "reference", "case", "serial", "serien",
		"seriennummer", "version", "v.", "nr.", "no.", "#", "plz", "blz", "iban", "bic", "hotline", "service", "servicenummer",
		"kundenservice", "support", "zentrale", "customer care", "helpline", "help line", "infoline", "info-line"} {
		c := l[len(l)-1]
		t[c] = append(t[c], l)
	}
	return
}()

// notPhoneLabelled is notPhoneLabelRe.matchString(before): a label ends where at most
// fourteen runes other than '.', '!', '?', a line break or a digit follow it, then
// perhaps a ':' or '#' and white space to the end. Labels are compared in ASCII, so a
// text with the long s or the Kelvin sign, which (?i) reads as 's' and 'k', goes to
// the expression.
func notPhoneLabelled(before string) bool {
	if strings.Contains(before, "\u017f") || strings.Contains(before, "\u212a") {
		return notPhoneLabelRe.matchString(before)
	}
	e := len(before)
	for e > 0 && isSpaceByte(before[e-1]) {
		e--
	}
	limit := 14
	if e > 0 && (before[e-1] == ':' || before[e-1] == '#') {
		limit++ // the optional [:#] is one of the runes the class would take as well
	}
	for p, n := e, 0; ; n++ {
		if labelEndsAt(before, p) {
			return true
		}
		if p == 0 || n == limit {
			return false
		}
		r, w := utf8.DecodeLastRuneInString(before[:p])
		if r == '.' || r == '!' || r == '?' || r == '\n' || r >= '0' && r <= '9' {
			return false
		}
		p -= w
	}
}

// labelEndsAt reports whether one of notPhoneLabelRe's labels ends at byte p of s.
func labelEndsAt(s string, p int) bool {
	if p == 0 {
		return false
	}
	c := lowerByte(s[p-1])
	for _, l := range notPhoneLabels[c] {
		if p >= len(l) && asciiFoldEqual(s[p-len(l):p], l) {
			return true
		}
	}
	// art\.?-?nr
	if c == 'r' && p >= 5 && lowerByte(s[p-2]) == 'n' {
		q := p - 2
		if s[q-1] == '-' {
			q--
		}
		if q >= 4 && s[q-1] == '.' {
			q--
		}
		return q >= 3 && asciiFoldEqual(s[q-3:q], "art")
	}
	return false
}

func lowerByte(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

// asciiFoldEqual reports whether s equals lower, itself in lower case, with ASCII
// capitals read as small letters.
func asciiFoldEqual(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != lower[i] {
			return false
		}
	}
	return true
}

// ibanShaped is ibanShapeRe.MatchString(before), which needs a space after four
// capitals or digits at the end.
func ibanShaped(before string) bool {
	n := len(before)
	if n < 10 || before[n-1] != ' ' {
		return false
	}
	for _, c := range []byte(before[n-5 : n-1]) {
		if !isUpper(c) && !isDigit(c) {
			return false
		}
	}
	return ibanShapeRe.MatchString(before)
}

// labelCounts reports whether a label before the number can change the verdict on raw:
// only a bare North American number of ten digits (eleven with the leading 1) needs one;
// international numbers, numbers with a trunk zero and the North American layout do not.
func labelCounts(raw string) bool {
	n, first := 0, byte(0)
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; isDigit(c) || c == '+' {
			if n == 0 {
				first = c
			}
			n++
		}
	}
	return first != '+' && first != '0' && (n == 10 || n == 11 && first == '1')
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

// phoneCandidates is phoneCandRe.FindAllStringIndex(s, -1), found by hand: the
// expression has a single way to match from each start, so a scan over digits and
// separators finds the same stretches without stepping a machine over every byte.
func phoneCandidates(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '+' && c != '(' && !isDigit(c) {
			continue
		}
		if b := phoneCandAt(s, i); b > 0 {
			out = append(out, []int{i, b})
			i = b - 1
		}
	}
	return out
}

// phoneCandidatesAt is phoneCandidates given every position of a digit, '+' or '('
// in order, the only bytes where a candidate can begin.
func phoneCandidatesAt(s string, starts []int) [][]int {
	var out [][]int
	pos := 0
	for _, i := range starts {
		if i < pos {
			continue
		}
		if b := phoneCandAt(s, i); b > 0 {
			out = append(out, []int{i, b})
			pos = b
		}
	}
	return out
}

// phoneCandAt is the end of phoneCandRe's match at i, or 0.
func phoneCandAt(s string, i int) int {
	j := i
	if s[j] == '+' {
		j++
	}
	if j < len(s) && s[j] == '(' {
		j++
	}
	if j < len(s) && s[j] == '+' {
		j++
	}
	if j >= len(s) || !isDigit(s[j]) {
		return 0
	}
	// [\d ()/\-–]{4,26}\d, greedy: the last digit among the first 27 separator runes
	// that has at least four of them before it.
	end := 0
	q := j + 1
	for k := 0; k <= 26 && q < len(s); k++ {
		c := s[q]
		w := 1
		switch {
		case isDigit(c):
			if k >= 4 {
				end = q + 1
			}
		case c == ' ' || c == '(' || c == ')' || c == '/' || c == '-':
		case strings.HasPrefix(s[q:], "–"):
			w = len("–")
		default:
			k = 27
			continue
		}
		q += w
	}
	if end == 0 {
		return 0
	}
	// (?:\s?(?:x|ext\.?|Durchwahl|DW)\s?\d{1,5}\b)?
	q = end
	if q < len(s) && isSpaceByte(s[q]) {
		q++
	}
	rest := s[q:]
	switch {
	case strings.HasPrefix(rest, "x"):
		q++
	case strings.HasPrefix(rest, "ext."):
		q += 4
	case strings.HasPrefix(rest, "ext"):
		q += 3
	case strings.HasPrefix(rest, "Durchwahl"):
		q += 9
	case strings.HasPrefix(rest, "DW"):
		q += 2
	default:
		return end
	}
	if q < len(s) && isSpaceByte(s[q]) {
		q++
	}
	if n := digitRun(s, q); n >= 1 && n <= 5 && (q+n == len(s) || !isWordByte(s[q+n])) {
		return q + n
	}
	return end
}
