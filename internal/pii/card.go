package pii

import (
	"strconv"
)

// cardRe finds 12–19 digits, compact or grouped with single spaces or dashes; cardAt
// reads it by hand, and the tests compare the two.
var cardRe = newAnchored(`\b\d(?:[ \-]?\d){11,18}\b`)

// cardSpans is cardRe's FindAllStringSubmatchIndex, read by hand at the digits that
// follow no word byte (cardAt).
func cardSpans(s string, f *index) [][]int {
	var out [][]int
	pos := 0
	for _, i := range f.digitStarts {
		if i < pos {
			continue
		}
		if b := cardAt(s, i); b > 0 {
			out = append(out, []int{i, b})
			pos = b
		}
	}
	return out
}

// cardAt is the end of cardRe's match at i, a digit after no word byte, or 0. The
// expression takes up to nineteen digits, each after at most one space or dash, and
// gives back digits until a \b follows: the match ends after the most digits, twelve
// at least, that stand before the end of s or a byte that is no word character.
func cardAt(s string, i int) int {
	var ends [19]int // ends[k]: the end of the (k+1)th digit
	n := 0
	for j := i; n < len(ends) && j < len(s) && isDigit(s[j]); {
		ends[n] = j + 1
		n++
		j++
		if j+1 < len(s) && (s[j] == ' ' || s[j] == '-') && isDigit(s[j+1]) {
			j++
		}
	}
	for ; n >= 12; n-- {
		if e := ends[n-1]; e == len(s) || !isWordByte(s[e]) {
			return e
		}
	}
	return 0
}

// Luhn reports whether the digits of s pass the Luhn (mod 10) check.
func Luhn(s string) bool {
	d := digitsOf(s)
	if len(d) < 2 {
		return false
	}
	sum := 0
	for i := range d {
		v := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// issuer is a range of card number prefixes and the lengths its cards have.
type issuer struct {
	name    string
	lo, hi  int // inclusive prefix range, compared on the first len(lo) digits
	digits  int // number of prefix digits
	lengths []int
}

var issuers = []issuer{
	{"amex", 34, 34, 2, []int{15}}, {"amex", 37, 37, 2, []int{15}},
	{"visa", 4, 4, 1, []int{13, 16, 19}},
	{"mastercard", 51, 55, 2, []int{16}}, {"mastercard", 2221, 2720, 4, []int{16}},
	{"discover", 6011, 6011, 4, []int{16, 19}}, {"discover", 644, 649, 3, []int{16, 19}}, {"discover", 65, 65, 2, []int{16, 19}},
	{"diners", 300, 305, 3, []int{14, 16, 19}}, {"diners", 36, 36, 2, []int{14, 16, 19}}, {"diners", 38, 39, 2, []int{14, 16, 19}},
	{"jcb", 3528, 3589, 4, []int{16, 17, 18, 19}}, {"jcb", 1800, 1800, 4, []int{15}}, {"jcb", 2131, 2131, 4, []int{15}},
	{"unionpay", 62, 62, 2, []int{16, 17, 18, 19}},
	{"maestro", 50, 50, 2, []int{12, 13, 14, 15, 16, 17, 18, 19}}, {"maestro", 56, 58, 2, []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"maestro", 63, 63, 2, []int{12, 13, 14, 15, 16, 17, 18, 19}}, {"maestro", 67, 67, 2, []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"mir", 2200, 2204, 4, []int{16, 17, 18, 19}},
}

// CardIssuer returns the issuer of a card number (digits only) or "" when no issuer
// range and length fits.
func CardIssuer(d string) string {
	for _, is := range issuers {
		if len(d) < is.digits {
			continue
		}
		p, err := strconv.Atoi(d[:is.digits])
		if err != nil || p < is.lo || p > is.hi {
			continue
		}
		for _, n := range is.lengths {
			if n == len(d) {
				return is.name
			}
		}
	}
	return ""
}

// ValidCard reports whether s holds a payment card number: an issuer's prefix and
// length and a correct Luhn digit.
func ValidCard(s string) bool {
	d := string(digitsOf(s))
	return CardIssuer(d) != "" && Luhn(d)
}

// Cards finds payment card numbers. Separators must be used consistently (all spaces or
// all dashes, or none), numbers glued to letters or other digits are ignored.
func Cards(s string) []Match { return cards(s, newIndex(s)) }

func cards(s string, f *index) []Match {
	var out []Match
	for _, loc := range cardSpans(s, f) {
		a, b := loc[0], loc[1]
		raw := s[a:b]
		if !consistentSeparators(raw) || (a > 0 && (s[a-1] == '+' || s[a-1] == '.' || s[a-1] == ',')) {
			continue
		}
		d := string(digitsOf(raw))
		is := CardIssuer(d)
		if is == "" || !Luhn(d) {
			continue
		}
		out = append(out, Match{Start: a, End: b, Kind: Card, Detail: is})
	}
	return out
}

// consistentSeparators reports whether s uses at most one kind of separator.
func consistentSeparators(s string) bool {
	var sep byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '-' {
			if sep != 0 && sep != c {
				return false
			}
			sep = c
		}
	}
	return true
}
