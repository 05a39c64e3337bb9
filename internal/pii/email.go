package pii

import (
	"strings"
)

var emailRe = guarded(`(?i)[\p{L}\p{N}._%+\-]+@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}`)

// Emails finds e-mail addresses. The local part may not start or end with a dot and the
// domain needs a top-level label of letters, so "@name" mentions and "a@b" are not addresses.
func Emails(s string) []Match { return emails(s, newIndex(s)) }

func emails(s string, f *index) []Match {
	var out []Match
	for _, loc := range emailRe.findAll(s, f) {
		a, b := loc[0], loc[1]
		at := strings.IndexByte(s[a:b], '@') + a
		for a < at && s[a] == '.' {
			a++
		}
		local := s[a:at]
		if local == "" || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
			continue
		}
		if wordBefore(s, a) && s[a-1] != '.' || wordAfter(s, b) {
			continue
		}
		out = append(out, Match{Start: a, End: b, Kind: Email})
	}
	return out
}
