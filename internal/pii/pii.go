// Package pii finds personal identifiers and secrets in running text and validates them
// with their checksums, number plans and issuer ranges. Every function is pure, never
// panics on any input, and reports byte offsets into the string it was given.
package pii

import (
	"regexp"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/text"
)

// Kind names the type of a match.
type Kind string

// The kinds of identifiers this package finds.
const (
	Email      Kind = "EMAIL"
	Phone      Kind = "PHONE"
	IBAN       Kind = "IBAN"
	BIC        Kind = "BIC"
	Card       Kind = "CARD"
	TaxIDDE    Kind = "TAX_ID_DE"
	SocialSec  Kind = "SOCIAL_SECURITY"
	IDDocument Kind = "ID_DOCUMENT"
	Address    Kind = "ADDRESS"
	Coordinate Kind = "COORDINATES"
	IPAddress  Kind = "IP_ADDRESS"
	Secret     Kind = "API_KEY"
)

// Match is one found identifier: a byte span of the input and its kind.
type Match struct {
	Start, End int
	Kind       Kind
	// Detail is a sub-type, such as the card issuer ("visa") or the key vendor ("aws").
	Detail string
}

// Text returns the matched part of s.
func (m Match) Text(s string) string { return s[m.Start:m.End] }

// overlaps reports whether m overlaps any of ms.
func overlaps(m Match, ms []Match) bool {
	for _, o := range ms {
		if m.Start < o.End && o.Start < m.End {
			return true
		}
	}
	return false
}

// digitsOf returns the ASCII digits of s in order.
func digitsOf(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			out = append(out, s[i])
		}
	}
	return out
}

// wordBefore reports whether the rune before byte i is a letter or digit, so that a
// match starting at i would begin inside a word.
func wordBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordAfter reports whether the rune at byte i is a letter or digit.
func wordAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// folded is an input with its case-folded form, made on first use and shared by the
// finders of one call.
type folded struct {
	s string
	h *text.Haystack
}

func (x *folded) get() *text.Haystack {
	if x.h == nil {
		x.h = text.NewHaystack(text.Fold(x.s))
	}
	return x.h
}

// guardedRe is a candidate expression with the guard that skips inputs it cannot
// match: most drafts hold no '@', no street type, no digit after a dot.
type guardedRe struct {
	*regexp.Regexp
	guard *text.Guard
}

func guarded(expr string) guardedRe {
	re := regexp.MustCompile(expr)
	return guardedRe{re, text.NewGuard(re)}
}

// guardedAnchoredRe is an anchored expression with the guard of its whole form.
type guardedAnchoredRe struct {
	*anchored
	guard *text.Guard
}

func guardedAnchored(expr string) guardedAnchoredRe {
	a := newAnchored(expr)
	return guardedAnchoredRe{a, text.NewGuard(a.whole)}
}

// findAll is FindAllStringIndex, skipped when the guard rules a match out.
func (g guardedRe) findAll(s string, f *index) [][]int {
	if !g.guard.MayMatchIn(f.get()) {
		return nil
	}
	return g.FindAllStringIndex(s, -1)
}

// matchString is MatchString for short inputs such as the words before a number,
// skipped when the guard rules a match out.
func (g guardedRe) matchString(s string) bool {
	return g.guard.MayMatch(text.Fold(s)) && g.MatchString(s)
}

// findAllSubmatch is FindAllStringSubmatchIndex, skipped when the guard rules a match out.
func (g guardedRe) findAllSubmatch(s string, f *index) [][]int {
	if !g.guard.MayMatchIn(f.get()) {
		return nil
	}
	return g.FindAllStringSubmatchIndex(s, -1)
}

// All runs every finder in this package and returns the matches ordered by position.
// Where two matches overlap, the one found first in the order below wins: secrets,
// e-mail, IBAN, card, tax and social-security numbers, coordinates, IP addresses, phone numbers.
func All(s string) []Match { return all(s, newIndex(s)) }

// AllFolded is All for a text whose text.NewHaystack(text.Fold(s)) is already at hand,
// as it is for every rule that looks at a draft.
func AllFolded(s string, folded *text.Haystack) []Match {
	f := newIndex(s)
	f.h = folded
	return all(s, f)
}

// AllAndAddressesFolded is AllFolded followed by AddressesFolded, both found with one
// index of the draft: the rules of a draft ask for every kind.
func AllAndAddressesFolded(s string, folded *text.Haystack) []Match {
	f := indexes.Get().(*index)
	f.fill(s)
	f.h = folded
	out := all(s, f)
	out = append(out, addresses(s, f)...)
	f.fill("") // keep neither the draft nor its folded text alive in the pool
	indexes.Put(f)
	return out
}

func all(s string, f *index) []Match {
	var out []Match
	add := func(ms []Match) {
		for _, m := range ms {
			if !overlaps(m, out) {
				out = append(out, m)
			}
		}
	}
	add(secrets(s, &f.folded))
	add(emails(s, f))
	ibans := ibanList(s, f)
	add(ibans)
	add(bics(s, ibans, f.bicAt))
	add(cards(s, f))
	add(taxIDsDE(s, f))
	add(socialSecurity(s, f))
	add(coordinates(s, f))
	add(ipAddresses(s, f))
	add(phones(s, f))
	slices.SortFunc(out, func(a, b Match) int { return a.Start - b.Start })
	return out
}
