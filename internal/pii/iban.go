package pii

import (
	"regexp"
	"strings"
)

// ibanLengths is the length of a valid IBAN per country (SWIFT IBAN registry).
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
	"BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
	"EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
	"GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
	"IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
	"LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
	"NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
	"RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
	"SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

// ibanStartRe finds where an IBAN may begin: a country code and two check digits.
var ibanStartRe = guarded(`(?i)\b[a-z]{2}[0-9]{2}`)

// ValidIBAN reports whether s (spaces allowed, any case) is an IBAN with the right
// length for its country and a correct ISO 7064 mod-97 checksum.
func ValidIBAN(s string) bool {
	c := strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	if len(c) < 4 {
		return false
	}
	n, ok := ibanLengths[c[:2]]
	if !ok || len(c) != n {
		return false
	}
	return mod97(c[4:]+c[:4]) == 1
}

// mod97 computes the remainder of the number that s spells when letters count as 10–35.
// It returns -1 when s holds anything else.
func mod97(s string) int {
	r := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= '0' && ch <= '9':
			r = (r*10 + int(ch-'0')) % 97
		case ch >= 'A' && ch <= 'Z':
			v := int(ch-'A') + 10
			r = (r*100 + v) % 97
		default:
			return -1
		}
	}
	return r
}

// IBANs finds IBANs written compact ("DE89370400440532013000") or in groups separated
// by single spaces ("DE89 3704 0044 0532 0130 00"). The country's length decides where
// the IBAN ends, so a following word is never swallowed; a bad checksum is no IBAN.
func IBANs(s string) []Match { return ibanList(s, newIndex(s)) }

func ibanList(s string, f *index) []Match {
	var out []Match
	for _, loc := range ibanStarts(s, f) {
		a := loc[0]
		if len(out) > 0 && a < out[len(out)-1].End {
			continue
		}
		n, ok := ibanLengths[strings.ToUpper(s[a:a+2])]
		if !ok {
			continue
		}
		var b strings.Builder
		i := a
		for i < len(s) && b.Len() < n {
			ch := s[i]
			switch {
			case isAlnum(ch):
				b.WriteByte(ch)
				i++
			case ch == ' ' && i+1 < len(s) && isAlnum(s[i+1]) && b.Len() >= 4 && s[i-1] != ' ':
				i++
			default:
				goto done
			}
		}
	done:
		if b.Len() != n || (i < len(s) && isAlnum(s[i])) {
			continue
		}
		if !ValidIBAN(b.String()) {
			continue
		}
		out = append(out, Match{Start: a, End: i, Kind: IBAN, Detail: strings.ToUpper(s[a : a+2])})
	}
	return out
}

// ibanStarts is ibanStartRe.FindAllStringIndex(s, -1): two ASCII letters at the start
// of a word and two digits. Only the long s and the Kelvin sign, which (?i) reads as
// letters, need the expression.
func ibanStarts(s string, f *index) [][]int {
	if f.oddFold {
		return ibanStartRe.findAll(s, f)
	}
	var out [][]int
	next := 0 // a start found, the next may begin four bytes on
	for _, a := range f.ibanAt {
		if a >= next {
			out = append(out, []int{a, a + 4})
			next = a + 4
		}
	}
	return out
}

// bicStarts are where a BIC may begin: six ASCII capitals at the start of a word.
func bicStarts(s string) []int {
	var out []int
	run := 0 // capitals before i
	for i := 0; i < len(s); i++ {
		if isUpper(s[i]) {
			run++
			if run == 6 && (i < 6 || !isWordByte(s[i-6])) {
				out = append(out, i-5)
			}
			continue
		}
		run = 0
	}
	return out
}

func isAlnum(ch byte) bool {
	return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z'
}

var bicRe = newAnchored(`\b[A-Z]{4}([A-Z]{2})[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?\b`)
var bicLabelRe = regexp.MustCompile(`(?i)\b(?:bic|swift|swift-code|swift code)\b\s*[:=]?\s*$`)

// BICs finds bank identifier codes that stand within 80 bytes of one of the ibans or right
// after a "BIC"/"SWIFT" label. A BIC alone looks like any capitalised word, hence the context.
func BICs(s string, ibans []Match) []Match { return bics(s, ibans, bicStarts(s)) }

// bics is BICs given where BICs may begin (bicStarts).
func bics(s string, ibans []Match, starts []int) []Match {
	var out []Match
	for _, m := range bicRe.findAll(s, starts, nil) {
		a, b := m[0], m[1]
		if _, ok := ibanLengths[s[m[2]:m[3]]]; !ok && s[m[2]:m[3]] != "US" {
			continue
		}
		near := bicLabelRe.MatchString(s[max(0, a-20):a])
		for _, ib := range ibans {
			if a >= ib.End && a-ib.End <= 80 || b <= ib.Start && ib.Start-b <= 80 {
				near = true
			}
		}
		if near {
			out = append(out, Match{Start: a, End: b, Kind: BIC})
		}
	}
	return out
}
