package pii

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"

	"github.com/postcheck/postcheck/internal/corpus"

	"github.com/postcheck/postcheck/internal/text"
)

// scanParts are fragments of drafts full of near-identifiers: digit groups with every
// separator the expressions know, capitals before digits, labels, hemispheres, the
// long s and the Kelvin sign that (?i) reads as letters, and broken UTF-8.
var scanParts = []string{
	"0171", "2345678", "+49", "(0)221", "+44", "20", "7946", "0958", "(415)", "555-2671", "415.555.2671", "1-800-555-0199",
	"0049", "30", "12345678", "x", "ext.", "ext", "Durchwahl", "DW", "12", "123456", "–", "-", "/", "(", ")", "+", "((", "++",
	"4111", "1111", "4111111111111111", "5500-0000-0000-0004", "378282246310005", "12 345 678 901", "65", "170839", "J", "003",
	"65170839J003", "078-05-1120", "078051120", "123-45-6789", "86095742719", "860 957 427 19", "DE89", "3704", "0044", "0532",
	"0130", "00", "DE89370400440532013000", "GB82", "WEST", "1234", "5698", "NL91ABNA0417164300", "COBADEFFXXX", "DEUTDEFF",
	"BIC:", "SWIFT", "221B", "Baker", "Street,", "London", "NW1", "6XE", "SW1A", "1AA", "Postcode:", "post code", "1600",
	"Pennsylvania", "Ave,", "Washington,", "DC", "20500", "N", "E.", "Main", "St", "Apt", "4B", "A4", "MP3", "Emma", "(4)",
	"Tel.", "Telefon:", "Handy", "Bestellnr.", "Kunden-Nr.", "Hotline:", "Ticket", "#", "v.", "no.", "IBAN", "Ruft", "mich",
	"an:", "call", "me", "on", "WhatsApp", "SSN", "Steuer-ID:", "Steuer-ID", "TIN", "é", "ä", "Ä", "€", "\u017f", "\u212a",
	"\xff", "\xe2\x80", "\n", "\t", ",", ".", ":", "1", "9", "0", "abc", "_", "1.1", "3.50", "2024", "2023-2024", "12/05/2024",
	"221B Baker Street", "10 Downing Street", "12 N Main St", "1600 Pennsylvania Ave", "London SW1A 1AA", "Manchester M1 1AE",
	", Leeds LS1 4AP", "postcode EC1A 1BB", "4 Privet Drive", "Hill", "Road",
	"Lindenstraße 12", "Am Markt 3", "Mariahilfer Straße 45, 1060 Wien", "Weg", "Str.", "Art.-Nr.", "art-nr", "ARTNR", "Art.Nr:",
	"Seriennummer", "customer care", "help line", "Info-Line", "Kundenservice:", "Order#", "REF", "Version", "tracking", "EAN", "plz",
	"!", "?",
}

func scanDrafts(seed uint64, n int) []string {
	return corpus.Mix(rand.New(rand.NewPCG(seed, seed)), n, 16, scanParts, []string{"", "  ", "-", " ", " ", " ", " "})
}

// TestScansFindWhatTheWholeExpressionsFind compares every finder that runs its
// expression only where a match can start with the expression run over the whole text.
var deWhole = regexp.MustCompile(deAddressExpr)

func spans(starts []int) [][]int {
	var out [][]int
	for _, i := range starts {
		out = append(out, []int{i, i})
	}
	return out
}

func TestScansFindWhatTheWholeExpressionsFind(t *testing.T) {
	type scan struct {
		name  string
		fast  func(s string, f *index) [][]int
		whole func(s string) [][]int
	}
	whole := func(a *anchored) func(string) [][]int {
		return func(s string) [][]int { return a.whole.FindAllStringSubmatchIndex(s, -1) }
	}
	scans := []scan{
		{"phone candidates", func(s string, f *index) [][]int { return phoneCandidatesAt(s, f.phoneStarts) },
			func(s string) [][]int { return phoneCandRe.FindAllStringIndex(s, -1) }},
		{"cards", cardSpans, whole(cardRe)},
		{"tax numbers", steuerIDSpans, whole(steuerIDRe)},
		{"social-insurance numbers", svSpans, whole(svScan)},
		{"dashed social security numbers", ssnSpans, whole(ssnRe)},
		{"bare social security numbers", ssnBareSpans, whole(ssnBareRe)},
		{"IBAN starts", ibanStarts, func(s string) [][]int { return ibanStartRe.FindAllStringIndex(s, -1) }},
		{"German addresses", func(s string, f *index) [][]int { return deAddressMatches(s, f.houses) },
			func(s string) [][]int { return deWhole.FindAllStringIndex(s, -1) }},
		{"BICs", func(s string, f *index) [][]int { return bicRe.findAll(s, f.bicAt, nil) }, whole(bicRe)},
		{"BIC starts", func(s string, f *index) [][]int { return spans(f.bicAt) }, func(s string) [][]int { return spans(bicStarts(s)) }},
		{"English addresses", enAddresses, whole(enAddressRe.anchored)},
		{"UK postcodes", ukPostcodes, func(s string) [][]int { return ukPostcodeRe.FindAllStringIndex(s, -1) }},
	}
	found := map[string]int{}
	for _, s := range scanDrafts(11, 25000) {
		f := newIndex(s)
		for _, sc := range scans {
			got, want := sc.fast(s, f), sc.whole(s)
			found[sc.name] += len(want)
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s in %q: the scan finds %v, the whole expression %v", sc.name, s, got, want)
			}
		}
	}
	for _, sc := range scans {
		if found[sc.name] < 50 {
			t.Errorf("%s: only %d matches in the generated drafts, the comparison proves little", sc.name, found[sc.name])
		}
	}
	t.Log(found)
}

// TestReversedExpressionsMatchWhereTheForwardOnesDo checks the label expressions that
// must match at the end of the text before a number, run backwards.
func TestReversedExpressionsMatchWhereTheForwardOnesDo(t *testing.T) {
	hits, labels := 0, 0
	for _, d := range scanDrafts(12, 6000) {
		for _, cut := range []int{len(d), len(d) / 2, len(d) - 1, len(d) - 2, len(d) / 3} {
			if cut < 0 {
				continue
			}
			before := d[max(0, cut-40):cut]
			for _, re := range []suffixRe{notPhoneLabelRe, phoneLabelRe} {
				want := re.fwd.MatchString(before)
				if want {
					hits++
				}
				if got := re.matchString(before); got != want {
					t.Fatalf("%v on %q: backwards %v, forwards %v", re.fwd, before, got, want)
				}
			}
			if got, want := notPhoneLabelled(before), notPhoneLabelRe.fwd.MatchString(before); got != want {
				t.Fatalf("label before %q: the hand scan says %v, the expression %v", before, got, want)
			} else if got {
				labels++
			}
			if got, want := dateLike(before), dateLikeRe.MatchString(before); got != want {
				t.Fatalf("date shape of %q: %v, the expression says %v", before, got, want)
			}
			if got, want := ibanShaped(before), ibanShapeRe.MatchString(before); got != want {
				t.Fatalf("IBAN shape before %q: %v, the expression says %v", before, got, want)
			}
		}
	}
	if hits < 1000 || labels < 1000 {
		t.Errorf("only %d label matches, %d by hand: the comparison proves little", hits, labels)
	}
}

// TestALabelChangesNoVerdictWhereItIsNotLookedFor: the phone label before a number is
// only looked for where it can change the verdict.
func TestALabelChangesNoVerdictWhereItIsNotLookedFor(t *testing.T) {
	checked := 0
	for _, d := range scanDrafts(13, 3000) {
		for _, loc := range phoneCandidates(d) {
			raw := d[loc[0]:loc[1]]
			if labelCounts(raw) {
				continue
			}
			r1, ok1 := phoneVerdict(raw, false)
			r2, ok2 := phoneVerdict(raw, true)
			if r1 != r2 || ok1 != ok2 {
				t.Fatalf("%q: a label changes the verdict from %q %v to %q %v", raw, r1, ok1, r2, ok2)
			}
			checked++
		}
	}
	t.Logf("%d candidates", checked)
}

// TestOneIndexFindsWhatTwoCallsFind: the identifiers and the addresses found with one
// index of a draft are those of All and Addresses, each in its order.
func TestOneIndexFindsWhatTwoCallsFind(t *testing.T) {
	kinds := map[Kind]int{}
	for _, s := range scanDrafts(14, 8000) {
		h := text.NewHaystack(text.Fold(s))
		got := AllAndAddressesFolded(s, h)
		want := append(AllFolded(s, h), AddressesFolded(s, h)...)
		if !slices.Equal(got, want) {
			t.Fatalf("in %q: one index finds %v, two calls %v", s, got, want)
		}
		for _, m := range got {
			kinds[m.Kind]++
		}
	}
	for _, k := range []Kind{Phone, IBAN, Card, SocialSec, Address, BIC} {
		if kinds[k] < 20 {
			t.Errorf("only %d matches of %s: the comparison proves little", kinds[k], k)
		}
	}
	t.Log(kinds)
}
