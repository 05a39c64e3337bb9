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
	// minSentenceLetters is the least a sentence needs to count for a mixed post.
	minSentenceLetters = 25
)

// Detector implements check.LanguageDetector. It is safe for concurrent use.
type Detector struct {
	d lingua.LanguageDetector
}

// New builds the detector with its models preloaded, so the first request is not slow.
func New() *Detector {
	d := lingua.NewLanguageDetectorBuilder().
		FromLanguages(Languages...).
		WithPreloadedLanguageModels().
		Build()
	return &Detector{d: d}
}

// Detect returns the most likely language with its confidence. Short drafts and drafts
// where no language leads clearly are marked unreliable.
func (det *Detector) Detect(text string) check.Detection {
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters == 0 {
		return check.Detection{Language: check.Language{Code: "und", Name: "Undetermined", Source: "detected"}}
	}
	values := det.d.ComputeLanguageConfidenceValues(text)
	if len(values) == 0 || values[0].Value() == 0 {
		return check.Detection{Language: check.Language{Code: "und", Name: "Undetermined", Source: "detected"}}
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
	// Mixed posts: a sentence in the other rule language makes its rules run too.
	for _, sent := range sentences(text) {
		l, ok := det.d.DetectLanguageOf(sent)
		if !ok {
			continue
		}
		c := strings.ToLower(l.IsoCode639_1().String())
		if (c == "de" || c == "en") && c != code && !slices.Contains(res.Also, c) {
			res.Also = append(res.Also, c)
		}
	}
	return res
}

// sentences returns the sentences of a text with enough letters to be judged alone;
// nil when the text is a single sentence.
func sentences(text string) []string {
	var out []string
	start := 0
	flush := func(end int) {
		s := text[start:end]
		n := 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				n++
			}
		}
		if n >= minSentenceLetters {
			out = append(out, s)
		}
	}
	for i, r := range text {
		if r == '.' || r == '!' || r == '?' || r == '\n' {
			flush(i)
			start = i + 1
		}
	}
	if start == 0 {
		return nil
	}
	flush(len(text))
	return out
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
