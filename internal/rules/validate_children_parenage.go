package rules

import "strings"

// A capitalised word with a bracket after it is tried as "Emma (4)" in every draft
// that has one; the regular expression costs a microsecond a try, most of it setting
// up its machine. parenAgeMatch reads the same few bytes by hand.

// parenAgeUnits are what may stand between the age and the closing bracket of
// parenAgeRe, after at most one white space byte.
var parenAgeUnits = []string{"J", "J.", "Jahre", "y", "yrs", "years", "yo"}

// parenAgeMatch is parenAgeRe.FindStringSubmatchIndex(s): the match and the age's
// digits, or nil.
func parenAgeMatch(s string) []int {
	p := 0
	if p < len(s) && isSpaceByte(s[p]) {
		p++
	}
	if p >= len(s) || s[p] != '(' {
		return nil
	}
	p++
	d := p
	for p < len(s) && p-d < 2 && isDigit(s[p]) {
		p++
	}
	if p == d {
		return nil
	}
	de := p
	// \d{1,2} gives back a digit only to meet a digit, which nothing after it accepts
	if p < len(s) && s[p] == ')' {
		return []int{0, p + 1, d, de}
	}
	if p < len(s) && isSpaceByte(s[p]) {
		p++
	}
	for _, u := range parenAgeUnits {
		if rest := s[p:]; strings.HasPrefix(rest, u) && len(rest) > len(u) && rest[len(u)] == ')' {
			return []int{0, p + len(u) + 1, d, de}
		}
	}
	return nil
}
