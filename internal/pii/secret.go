package pii

import (
	"math"
	"regexp"
	"slices"
)

// secretPatterns are the shapes of credentials whose vendors give them a fixed prefix.
// need lists literals (lower case) of which one must occur for the pattern to be tried,
// so that long drafts without any key skip the expensive expressions.
var secretPatterns = []struct {
	vendor string
	need   []string
	re     *regexp.Regexp
}{
	{"private_key", []string{"-----begin"}, regexp.MustCompile(`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?s:.*?)(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)`)},
	{"aws", []string{"akia", "asia", "abia", "acca"}, regexp.MustCompile(`\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b`)},
	{"aws_secret", []string{"secret"}, regexp.MustCompile(`(?i)aws_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})\b`)},
	{"github", []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}, regexp.MustCompile(`\bgh[pousr]_[A-Za-z0-9]{36,255}\b`)},
	{"github", []string{"github_pat_"}, regexp.MustCompile(`\bgithub_pat_[A-Za-z0-9_]{22,255}\b`)},
	{"slack", []string{"xox"}, regexp.MustCompile(`\bxox[baprse]-[A-Za-z0-9-]{10,200}`)},
	{"slack", []string{"hooks.slack.com"}, regexp.MustCompile(`https://hooks\.slack\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+`)},
	{"stripe", []string{"_live_", "_test_"}, regexp.MustCompile(`\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,247}\b`)},
	{"stripe", []string{"whsec_"}, regexp.MustCompile(`\bwhsec_[A-Za-z0-9]{24,}\b`)},
	{"google", []string{"aiza"}, regexp.MustCompile(`\bAIza[0-9A-Za-z_\-]{35}\b`)},
	{"google", []string{"ya29."}, regexp.MustCompile(`\bya29\.[0-9A-Za-z_\-]{20,}`)},
	{"openai", []string{"sk-"}, regexp.MustCompile(`\bsk-(?:proj-|ant-)?[A-Za-z0-9_\-]{32,}\b`)},
	{"jwt", []string{"eyj"}, regexp.MustCompile(`\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{16,}`)},
	{"generic", []string{"api", "token", "secret", "bearer"}, regexp.MustCompile(`(?i)\b(?:api[_\- ]?key|api[_\- ]?token|access[_\- ]?token|auth[_\- ]?token|secret[_\- ]?key|client[_\- ]?secret|bearer)["']?\s*[:=]?\s*["']?([A-Za-z0-9_\-+/=.]{20,200})`)},
}

// Secrets finds API keys, tokens and private-key blocks. Keys with a vendor prefix are
// found by shape; a value after a generic label ("api_key=", "Bearer") must also look
// random (mixed character classes, high entropy) so that prose is not taken for a key.
func Secrets(s string) []Match { return secrets(s, &folded{s: s}) }

// secrets is Secrets with the draft's folded text. Every match of an expression holds
// one of its literals in the folded text (Fold maps what (?i) matches to the same
// ASCII letters), so testing the literals there never skips a match.
func secrets(s string, f *folded) []Match {
	var out []Match
	h := f.get()
	for _, p := range secretPatterns {
		if !slices.ContainsFunc(p.need, h.Contains) {
			continue
		}
		for _, m := range p.re.FindAllStringSubmatchIndex(s, -1) {
			a, b := m[0], m[1]
			if len(m) > 2 && m[2] >= 0 {
				a, b = m[2], m[3]
				if p.vendor == "generic" && !randomLooking(s[a:b]) {
					continue
				}
			}
			mm := Match{Start: a, End: b, Kind: Secret, Detail: p.vendor}
			if !overlaps(mm, out) {
				out = append(out, mm)
			}
		}
	}
	return out
}

// randomLooking reports whether s mixes letters and digits and has the entropy of a
// generated token rather than of a word.
func randomLooking(s string) bool {
	var lower, upper, digit bool
	freq := map[rune]int{}
	for _, r := range s {
		freq[r]++
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		}
	}
	if !digit || !(lower || upper) {
		return false
	}
	h := 0.0
	n := float64(len([]rune(s)))
	for _, c := range freq {
		p := float64(c) / n
		h -= p * math.Log2(p)
	}
	return h >= 3.5
}
