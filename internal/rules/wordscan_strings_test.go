package rules

import "regexp"

// The scans on a bare string, for the tests that compare them with the whole-text
// search; the validators call the *In forms with the draft's cached word starts.

// findAll is re.FindAllStringIndex(s, -1), re being the expression of w.
func (w *wordScan) findAll(re *regexp.Regexp, s string) [][]int {
	return w.findAllIn(re, newScanText(s))
}

// findAllSubmatch is re.FindAllStringSubmatchIndex(s, -1).
func (w *wordScan) findAllSubmatch(re *regexp.Regexp, s string) [][]int {
	return w.findAllSubmatchIn(re, newScanText(s))
}

// first is re.FindStringSubmatchIndex(s).
func (w *wordScan) first(re *regexp.Regexp, s string) []int {
	return w.firstIn(re, newScanText(s), 0)
}
