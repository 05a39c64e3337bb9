// Package lang detects the language of a draft with lingua-go.
//
// The detector is restricted to German, English and the languages people most often
// mix with them here (French, Spanish, Italian, Dutch, Polish, Turkish, Portuguese),
// so it can say honestly "this is not German or English". It is built once.
package lang

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"github.com/postcheck/postcheck/internal/check"
)

// Languages the detector distinguishes.
var Languages = []lingua.Language{
	lingua.German, lingua.English, lingua.French, lingua.Spanish, lingua.Italian,
	lingua.Dutch, lingua.Polish, lingua.Turkish, lingua.Portuguese,
}

// Tuning. A draft is reliable when the best language leads with at least
// minConfidence and the text has at least minLetters letters; a second rule
// language with at least mixedShare of the confidence is run as well.
const (
	minConfidence = 0.5
	minLetters    = 12
	mixedShare    = 0.2
	// minConfirmedLetters is the length from which lingua alone is trusted.
	minConfirmedLetters = 80
	// minForeignLetters is the length from which a sure verdict for another language counts.
	minForeignLetters = 60
)

// Detector implements check.LanguageDetector. It is safe for concurrent use.
type Detector struct {
	d lingua.LanguageDetector
}

// New builds the detector with its models preloaded, so the first request is not slow.
//
// It uses lingua's low-accuracy mode (trigram models only): 8 MB instead of 173 MB of
// models, about half a second to load instead of several, and two to three times
// faster. Its weakness, short drafts, is covered by function words (see Detect), which
// also settle most German and English drafts before lingua is asked: on 9,887 labelled
// German and English drafts the draft's own rules failed to run for 0.03%
// (TestRuleLanguagesCoverLabelledDrafts).
func New() *Detector {
	d := lingua.NewLanguageDetectorBuilder().
		FromLanguages(Languages...).
		WithPreloadedLanguageModels().
		WithLowAccuracyMode().
		Build()
	return &Detector{d: d}
}

// maxSample is how much of a draft lingua reads: a long post's language is clear
// from its first kilobyte, and detection then costs the same for every length.
const maxSample = 1000

// Detect returns the most likely language with its confidence. Short drafts and drafts
// where no language leads clearly are marked unreliable. Also lists German and English
// when their function words are frequent in the draft or in one of its sentences, so
// mixed posts and posts lingua misreads still get the rules of their language. Links,
// user names and character references are left out first (see prose).
func (det *Detector) Detect(draft string) check.Detection {
	text := prose(draft)
	letters := countLetters(text)
	und := check.Detection{Language: check.Language{Code: "und", Name: "Undetermined", Source: "detected"}}
	if letters == 0 {
		return und
	}
	fw := scanFunctionWords(text)
	if letters >= minLetters {
		code, share, ok := "", 0.0, false
		if letters >= minConfirmedLetters {
			code, share, ok = dominantOf(fw.de, fw.en, fw.n)
		}
		if !ok {
			code, share, ok = looseDominant(text)
		}
		if ok {
			// Function words alone settle German or English drafts whose function
			// words leave no doubt; lingua, the costliest stage of a check, is only
			// asked when they do not.
			res := check.Detection{Language: check.Language{Code: code, Name: check.LanguageName(code), Source: "detected",
				Confidence: round3(share), Reliable: true}}
			for _, c := range fw.languages() {
				if c != code {
					res.Also = append(res.Also, c)
				}
			}
			return res
		}
	}
	values := det.d.ComputeLanguageConfidenceValues(sample(text))
	if len(values) == 0 || values[0].Value() == 0 {
		und.Also = fw.languages()
		return und
	}
	best := values[0]
	code := strings.ToLower(best.Language().IsoCode639_1().String())
	res := check.Detection{Language: check.Language{
		Code:       code,
		Name:       best.Language().String(),
		Source:     "detected",
		Confidence: round3(best.Value()),
		Reliable:   letters >= minLetters && best.Value() >= minConfidence,
	}}
	for _, v := range values[1:] {
		c := strings.ToLower(v.Language().IsoCode639_1().String())
		if (c == "de" || c == "en") && v.Value() >= mixedShare {
			res.Also = append(res.Also, c)
		}
	}
	fwLangs := fw.languages()
	for _, c := range fwLangs {
		if c != code && !slices.Contains(res.Also, c) {
			res.Also = append(res.Also, c)
		}
	}
	// A short draft is trusted only when its function words agree with lingua
	// ("Use code SUMMER20 for 20% off" reads as German to n-grams), or, for another
	// language, when lingua is sure and no German or English function words speak
	// against it.
	if letters < minConfirmedLetters && !slices.Contains(fwLangs, code) {
		foreignSure := code != "de" && code != "en" && len(fwLangs) == 0 && letters >= minForeignLetters && best.Value() >= 0.9
		res.Language.Reliable = res.Language.Reliable && foreignSure
	}
	return res
}

// prose drops what carries no language and only costs lingua time: links, user names,
// HTML character references ("&#128514;", "&amp;") and the retweet mark "RT". Other
// text is kept as it is; when nothing is dropped, text itself is returned.
func prose(text string) string {
	drop := func(w string) bool {
		// Only a word holding one of these can be dropped; most words hold none
		// and are kept without trimming.
		if w[0] != '&' && strings.IndexByte(w, '@') < 0 && !strings.Contains(w, "http") &&
			!strings.Contains(w, "www.") && !strings.Contains(w, "RT") {
			return false
		}
		if charRefs(w) {
			return true
		}
		w = strings.Trim(w, "\"'“”„.,:;!?()")
		return strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "www.") ||
			strings.HasPrefix(w, "@") || w == "RT"
	}
	// Most drafts hold nothing to drop.
	if !strings.Contains(text, "http") && !strings.Contains(text, "www.") && strings.IndexByte(text, '@') < 0 && strings.IndexByte(text, '&') < 0 && !strings.Contains(text, "RT") {
		return text
	}
	// The kept words (strings.Fields) are joined by single spaces; nothing is
	// written until the first word is dropped, when the words before it are.
	var out []byte
	changed := false
	keep := func(w string) {
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, w...)
	}
	for i := 0; ; {
		a, b := nextField(text, i)
		if a == b {
			break
		}
		i = b
		w := text[a:b]
		switch {
		case drop(w):
			if !changed {
				changed = true
				out = make([]byte, 0, len(text))
				for k := 0; ; {
					c, d := nextField(text, k)
					if c >= a {
						break
					}
					keep(text[c:d])
					k = d
				}
			}
		case changed:
			keep(w)
		}
	}
	if !changed {
		return text
	}
	return string(out)
}

// nextField returns the bounds of the first field (as strings.Fields has it: a run
// of runes that are not unicode.IsSpace) of text at or after byte i; a == b at the
// end.
func nextField(text string, i int) (a, b int) {
	space := func(i int) (bool, int) {
		if c := text[i]; c < utf8.RuneSelf {
			return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r', 1
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		return unicode.IsSpace(r), size
	}
	for i < len(text) {
		sp, size := space(i)
		if !sp {
			break
		}
		i += size
	}
	a = i
	for i < len(text) {
		sp, size := space(i)
		if sp {
			break
		}
		i += size
	}
	return a, i
}

// charRefs reports whether w is nothing but HTML character references ("&#128514;&amp;").
func charRefs(w string) bool {
	if w == "" {
		return false
	}
	for w != "" {
		end := strings.IndexByte(w, ';')
		if w[0] != '&' || end < 2 || end > 10 || strings.ContainsAny(w[1:end], "& ") {
			return false
		}
		w = w[end+1:]
	}
	return true
}

// countLetters counts the letters of text; ASCII bytes are told apart without
// decoding them.
func countLetters(text string) int {
	n := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			n++
		}
		i += size
	}
	return n
}

// sample cuts text to at most maxSample bytes at a word boundary.
func sample(text string) string {
	if len(text) <= maxSample {
		return text
	}
	cut := strings.LastIndexAny(text[:maxSample], " \n\t")
	if cut < maxSample/2 {
		cut = maxSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return text[:cut]
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
