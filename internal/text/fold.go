// Package text prepares a draft for matching: a normalised copy with a map back to
// the original bytes, word tokens with their original offsets, and conversion of byte
// offsets to the units clients use (UTF-16, code points).
//
// Normalisation is for matching only and never shown: NFKC, case folding, removal of
// zero-width characters and soft hyphens, confusables and mathematical alphanumerics
// folded to Latin letters, umlauts spelled out (ä→ae, ß→ss), other diacritics dropped,
// leet digits and masked letters inside words, and stretched letters collapsed.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// invisible reports runes that are dropped entirely: zero-width characters, soft
// hyphens, variation selectors and other format characters used to split words.
func invisible(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u180E', '\u034F':
		return true
	}
	if r >= '\uFE00' && r <= '\uFE0F' {
		return true
	}
	return unicode.Is(unicode.Cf, r) && r != '\u200E' && r != '\u200F'
}

// confusables maps Cyrillic and Greek look-alikes to the Latin letter they imitate.
var confusables = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p',
	'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd',
	'ɡ': 'g', 'һ': 'h', 'ӏ': 'l', 'ո': 'n', 'ս': 'u',
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p',
	'τ': 't', 'υ': 'u', 'χ': 'x', 'ϲ': 'c', 'ω': 'w',
	'ı': 'i', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h',
}

// leet maps digits and symbols used as letters inside words.
var leet = map[rune]rune{
	'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i', '€': 'e', '|': 'l',
}

// foldSegment normalises one segment (a rune with its combining marks) for matching.
// confusable says whether Cyrillic and Greek look-alikes become Latin letters.
func foldSegment(seg string, confusable bool) string {
	if len(seg) == 1 && seg[0] < utf8.RuneSelf {
		c := seg[0]
		if 'A' <= c && c <= 'Z' {
			return string(rune(c + 'a' - 'A'))
		}
		return seg
	}
	r0, _ := utf8.DecodeRuneInString(seg)
	if invisible(r0) {
		return ""
	}
	var b strings.Builder
	for _, r := range norm.NFKC.String(seg) {
		if invisible(r) {
			continue
		}
		r = unicode.ToLower(r)
		if confusable {
			if l, ok := confusables[r]; ok {
				r = l
			}
		}
		switch r {
		case 'ä':
			b.WriteString("ae")
		case 'ö':
			b.WriteString("oe")
		case 'ü':
			b.WriteString("ue")
		case 'ß', 'ẞ':
			b.WriteString("ss")
		case '’', '‘', 'ʼ', '`', '´':
			b.WriteByte('\'')
		default:
			if r < utf8.RuneSelf || !unicode.IsLetter(r) {
				b.WriteRune(r)
				continue
			}
			// Drop other diacritics (é→e) but keep letters of other scripts.
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(d)
				}
			}
		}
	}
	return b.String()
}

// isLatinLetter reports an ASCII or Latin-1/Latin Extended letter.
func isLatinLetter(r rune) bool {
	return unicode.Is(unicode.Latin, r)
}
