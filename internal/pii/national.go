package pii

import (
	"regexp"
	"strconv"
	"strings"
)

// ValidSteuerID reports whether s (spaces allowed) is a German tax identification number
// (Steuer-IdNr): 11 digits, no leading zero, in the first ten one digit appears twice or
// three times (never three in a row) and every other digit at most once, and the last
// digit is the ISO 7064 MOD 11,10 check digit.
func ValidSteuerID(s string) bool {
	d := digitsOf(s)
	if len(d) != 11 || d[0] == '0' || len(strings.Trim(s, "0123456789 /")) != 0 {
		return false
	}
	var count [10]int
	for _, c := range d[:10] {
		count[c-'0']++
	}
	multi := 0
	for _, n := range count {
		switch {
		case n == 2 || n == 3:
			multi++
		case n > 3:
			return false
		}
	}
	if multi != 1 {
		return false
	}
	for i := 0; i+2 < 10; i++ {
		if d[i] == d[i+1] && d[i+1] == d[i+2] {
			return false
		}
	}
	p := 10
	for _, c := range d[:10] {
		sum := (int(c-'0') + p) % 10
		if sum == 0 {
			sum = 10
		}
		p = (sum * 2) % 11
	}
	check := 11 - p
	if check == 10 {
		check = 0
	}
	return check == int(d[10]-'0')
}

var steuerIDRe = newAnchored(`\b[1-9]\d(?: ?\d{3}){3}\b|\b[1-9]\d{10}\b`)
var taxLabelRe = regexp.MustCompile(`(?i)(steuer[\- ]?id(?:entifikations)?(?:nummer|nr\.?)?|steuerliche identifikationsnummer|identifikationsnummer|idnr\.?|tax id|tax identification number|\btin\b)[^.!?\n]{0,25}$`)

// TaxIDsDE finds German tax identification numbers that pass the checksum and follow a
// label such as "Steuer-ID" within the sentence. Without the label an 11-digit number
// is too often something else to call it a tax number.
func TaxIDsDE(s string) []Match { return taxIDsDE(s, newIndex(s)) }

func taxIDsDE(s string, f *index) []Match {
	var out []Match
	for _, loc := range steuerIDSpans(s, f) {
		a, b := loc[0], loc[1]
		if !ValidSteuerID(s[a:b]) || !taxLabelRe.MatchString(s[max(0, a-70):a]) {
			continue
		}
		out = append(out, Match{Start: a, End: b, Kind: TaxIDDE})
	}
	return out
}

// svRe is the German social-insurance number: area, birth date, initial, serial, check.
var svRe = regexp.MustCompile(svExpr)

const svExpr = `\b(\d{2}) ?(\d{2})(\d{2})(\d{2}) ?([A-Za-z]) ?(\d{2})(\d)\b`

var svScan = newAnchored(svExpr)

// ValidSVNummer reports whether s is a German social-insurance (pension) number such
// as "65 170839 J 003" with a plausible birth date and the right check digit.
func ValidSVNummer(s string) bool {
	m := svRe.FindStringSubmatch(s)
	if m == nil || m[0] != strings.TrimSpace(s) {
		return false
	}
	day, _ := strconv.Atoi(m[2])
	month, _ := strconv.Atoi(m[3])
	if day%50 < 1 || day%50 > 31 || month < 1 || month > 12 {
		return false
	}
	letter := int(strings.ToUpper(m[5])[0]-'A') + 1
	digits := m[1] + m[2] + m[3] + m[4] + strconv.Itoa(letter/10) + strconv.Itoa(letter%10) + m[6]
	weights := []int{2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1}
	sum := 0
	for i, w := range weights {
		v := int(digits[i]-'0') * w
		sum += v/10 + v%10
	}
	return sum%10 == int(m[7][0]-'0')
}

// ssnRe is a US social security number written with dashes.
var ssnRe = newAnchored(`\b(\d{3})-(\d{2})-(\d{4})\b`)
var ssnBareRe = newAnchored(`\b\d{9}\b`)
var ssnLabelRe = regexp.MustCompile(`(?i)(ssn|social security|soc\.? sec\.?)[^.!?\n]{0,30}$`)

// ValidSSN reports whether area, group and serial are numbers the SSA issues.
func ValidSSN(area, group, serial string) bool {
	return area != "000" && area != "666" && area[0] != '9' && group != "00" && serial != "0000"
}

// SocialSecurity finds German social-insurance numbers (checksum) and US social security
// numbers (dashed form with valid parts, or undashed after an "SSN" label).
func SocialSecurity(s string) []Match { return socialSecurity(s, newIndex(s)) }

func socialSecurity(s string, f *index) []Match {
	var out []Match
	for _, loc := range svSpans(s, f) {
		if ValidSVNummer(s[loc[0]:loc[1]]) {
			out = append(out, Match{Start: loc[0], End: loc[1], Kind: SocialSec, Detail: "de"})
		}
	}
	for _, m := range ssnSpans(s, f) {
		a, b := m[0], m[1]
		if a > 0 && (s[a-1] == '-' || s[a-1] == '+') || b < len(s) && s[b] == '-' {
			continue
		}
		if ValidSSN(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]) {
			out = append(out, Match{Start: a, End: b, Kind: SocialSec, Detail: "us"})
		}
	}
	for _, loc := range ssnBareSpans(s, f) {
		a, b := loc[0], loc[1]
		if ssnLabelRe.MatchString(s[max(0, a-40):a]) && ValidSSN(s[a:a+3], s[a+3:a+5], s[a+5:b]) {
			out = append(out, Match{Start: a, End: b, Kind: SocialSec, Detail: "us"})
		}
	}
	return out
}

// The spans of the expressions above, found at the starts of digit runs only.

func steuerIDSpans(s string, f *index) [][]int {
	return steuerIDRe.findAll(s, f.digitStarts, steuerIDAt)
}

func svSpans(s string, f *index) [][]int { return svScan.findAll(s, f.digitStarts, svAt) }

// steuerIDAt reports whether steuerIDRe matches at i, a digit after no word byte:
// [1-9], a digit, three groups of three digits each perhaps after a space, and no
// word byte after them. The compact alternative is the first without its spaces.
func steuerIDAt(s string, i int) bool {
	if s[i] == '0' || i+1 >= len(s) || !isDigit(s[i+1]) {
		return false
	}
	j := i + 2
	for range 3 {
		if j < len(s) && s[j] == ' ' {
			j++
		}
		if digitRun(s, j) < 3 {
			return false
		}
		j += 3
	}
	return j == len(s) || !isWordByte(s[j])
}

// svAt reports whether svExpr matches at i, a digit after no word byte: two digits,
// perhaps a space, six digits, perhaps a space, a letter, perhaps a space, three
// digits and no word byte after them. Each optional space stands before a digit or a
// letter, so there is one way to read the text.
func svAt(s string, i int) bool {
	j := i
	part := func(n int) bool {
		if digitRun(s, j) < n {
			return false
		}
		j += n
		return true
	}
	space := func() {
		if j < len(s) && s[j] == ' ' {
			j++
		}
	}
	if !part(2) {
		return false
	}
	space()
	if !part(6) {
		return false
	}
	space()
	if j >= len(s) || !isLetter(s[j]) {
		return false
	}
	j++
	space()
	return part(3) && (j == len(s) || !isWordByte(s[j]))
}

func ssnSpans(s string, f *index) [][]int {
	return ssnRe.findAll(s, f.digitStarts, func(s string, i int) bool { return digitRun(s, i) == 3 && i+3 < len(s) && s[i+3] == '-' })
}

func ssnBareSpans(s string, f *index) [][]int {
	return ssnBareRe.findAll(s, f.digitStarts, func(s string, i int) bool { return digitRun(s, i) == 9 })
}
