package rules

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDraftWordStartsFindWhatTheWholeExpressionsFind compares the scans that walk a
// draft's word starts, found once per draft, with the whole-text search: every
// scanned expression of the pattern rules, whereabouts and labelled values, on the
// rule examples run together, from every offset the labelled validator may resume at.
func TestDraftWordStartsFindWhatTheWholeExpressionsFind(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var examples, words []string
	for _, r := range e.rules {
		for _, ex := range append(append([]string{}, r.Spec.Examples.Bad...), r.Spec.Examples.Good...) {
			examples = append(examples, ex)
			words = append(words, strings.Fields(ex)...)
		}
	}
	// The long s and the Kelvin sign take the whole-text search; "_" and digits are
	// word bytes to \b, umlauts are not.
	words = append(words, "\u017fein", "\u212aind", "_x", "ü", "Ö12", "x_y", "3.", "@home")
	phrases := []string{"Das Haus steht ab morgen leer", "niemand ist zu Hause", "drei Wochen Mallorca", "for two weeks away",
		"sind bis zum 12. weg", "we're away", "off until Monday", "I am on vacation", "jeden Dienstag um 7:30",
		"every Monday at the gym", "Passwort: Sommer2024!", "PIN 4711", "geb. 12.03.2019", "Kennzeichen M-AB 1234"}
	texts := append([]string{}, examples...)
	rng := rand.New(rand.NewPCG(9, 13))
	seps := []string{" ", " ", ", ", ": ", "\n", "", "-", "ä", "_"}
	for range 2500 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			switch rng.IntN(3) {
			case 0:
				b.WriteString(phrases[rng.IntN(len(phrases))])
			case 1:
				b.WriteString(examples[rng.IntN(len(examples))])
			default:
				b.WriteString(words[rng.IntN(len(words))])
			}
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		texts = append(texts, b.String())
	}
	type scanned struct {
		w   *wordScan
		re  *regexp.Regexp
		raw bool
	}
	var scans []scanned
	for _, r := range e.rules {
		if m, ok := r.matcher.(*patternMatcher); ok {
			for i, re := range m.res {
				if m.scans[i] != nil {
					scans = append(scans, scanned{m.scans[i], re, m.raw})
				}
			}
		}
	}
	for _, ps := range whereaboutsKinds {
		for _, p := range ps {
			if p.words != nil {
				scans = append(scans, scanned{p.words, p.re.Regexp, true})
			}
		}
	}
	for _, ps := range labelledKinds {
		for _, p := range ps {
			if p.scan != nil {
				scans = append(scans, scanned{p.scan, p.re.Regexp, true})
			}
		}
	}
	found := 0
	for _, s := range texts {
		doc := NewDoc(s, []string{"de", "en"})
		for _, sc := range scans {
			st, subject := doc.scanOriginal(), doc.Original
			if !sc.raw {
				st, subject = doc.scanNormalised(), doc.Norm
			}
			got, want := sc.w.findAllSubmatchIn(sc.re, st), sc.re.FindAllStringSubmatchIndex(subject, -1)
			found += len(want)
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%v in %q: the scan finds %v, the whole expression %v", sc.re, subject, got, want)
			}
			gotAll, wantAll := sc.w.findAllIn(sc.re, st), sc.re.FindAllStringIndex(subject, -1)
			if !slices.EqualFunc(gotAll, wantAll, slices.Equal) {
				t.Fatalf("%v in %q: the scan finds %v, the whole expression %v", sc.re, subject, gotAll, wantAll)
			}
			for off := 1; off < len(subject); off += 1 + rng.IntN(16) {
				got, want := sc.w.firstIn(sc.re, st, off), sc.re.FindStringSubmatchIndex(subject[off:])
				if want != nil {
					found++
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%v in %q from %d: the scan finds %v, the whole expression %v", sc.re, subject, off, got, want)
				}
			}
		}
	}
	if len(scans) < 10 || found < 1000 {
		t.Errorf("%d scans, %d matches: the comparison proves little", len(scans), found)
	}
	t.Logf("%d scanned expressions, %d matches compared on %d drafts", len(scans), found, len(texts))
}
