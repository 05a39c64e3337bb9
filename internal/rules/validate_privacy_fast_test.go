package rules

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/postcheck/postcheck/internal/corpus"
)

// privacyFastTexts are the repository's labelled drafts, the rules' examples and
// generated drafts full of the words the whereabouts and plate expressions start with
// and need, the long s and the Kelvin sign among them.
func privacyFastTexts(t *testing.T) []string {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(repoTexts(t, "*.jsonl"), exampleTexts(e)...)
	parts := []string{"I'm", "i am", "we're", "We are", "sitting", "waiting", "right now", "Right now", "now", "NOW", "rn", "atm", "Currently",
		"just arrived", "Just landed", "at", "in", "the", "Starbucks", "Central Park", "Café", "knowing", "nowhere", "atmosphere",
		"jeden", "Jede", "immer", "every", "each", "Dienstag", "morning", "um", "UM", "at", "ab", "gegen", "around", "from", "datum", "17", "7:30",
		"Uhr", "pm", "im", "Park", "Gym", "montags", "Sonntags", "abends", "Mondays", "mein", "wir", "my", "we",
		"ein", "eine", "einen", "zwei", "drei", "Fünf", "zwölf", "paar", "2", "12", "Wochen", "WOCHE", "Tage", "tagelang", "Monate", "Monat",
		"lang", "Urlaub", "Mallorca", "weg", "for", "away for", "two", "a", "couple of", "week", "weeks", "days", "months", "month",
		"sind", "bin", "ist", "bis", "BIS", "zum", "12.", "Montag", "Ende", "away", "gone", "off", "until", "till", "til", "through", "the 5th",
		"on holiday", "abroad", "out of town", "on vacation", "I'll be", "we'll be", "vacation", "holiday", "town",
		"Kennzeichen", "M-AB 1234", "HH AB 123", "AB12 CDE", "B-XY 99E", "Auto", "car", "Car", "van", "driver", "parking", "plate",
		"licence plate", "number plate", "cards", "caravan", "Wagen", "Parkplatz", "BMW",
		"for two weeks", "away for 3 days", "for a few months", "For 12 Days", "sind bis zum 12. weg", "bin bis Ende Mai",
		"away until Monday", "gone till the 5th", "off through mid-May", "abroad until June 3rd", "ist noch bis Freitag",
		"I'm at the Starbucks right now", "we are sitting in Central Park now", "Just arrived at Gate B12", "currently in Berlin",
		"jeden Dienstag um 17 Uhr im Park", "every morning at 7 at the gym", "Montags ab 18 Uhr", "Sundays around 9am with my dog",
		"Das Haus steht leer", "die Wohnung ist ab Montag leer", "our house will be empty", "Haus", "steht", "leer", "EMPTY", "unoccupied",
		"Niemand ist zu Hause", "nobody is home", "keiner daheim", "no one at home", "Zuhause", "hause", "home", "niemand", "Nobody",
		"Gerade im Café Sacher", "Wir sitzen jetzt am Hauptbahnhof", "bin grad in der Mall", "Momentan im Park", "im Moment", "gerade", "jetzt",
		"\u017find", "\u212a", "ä", "\xff", "_", ",", ".", "!", "?", "\n", "'", "📍", "-", ":"}
	seps := []string{"", "  ", "\t", " ", " ", " ", " ", " ", " "}
	return append(texts, corpus.Mix(rand.New(rand.NewPCG(21, 21)), 12000, 18, parts, seps)...)
}

// TestPrivacyFastPathsFindWhatThePlainWayFinds compares the whereabouts and labelled
// validators with and without their necessary conditions, and every condition with
// the expression it stands for.
func TestPrivacyFastPathsFindWhatThePlainWayFinds(t *testing.T) {
	texts := privacyFastTexts(t)
	hits := map[string]int{}
	for _, s := range texts {
		for kind, pats := range whereaboutsKinds {
			fast, plain := whereaboutsMatch(pats, true), whereaboutsMatch(pats, false)
			got, want := fast(NewDoc(s, nil)), plain(NewDoc(s, nil))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("whereabouts %s in %q: fast %v, plain %v", kind, s, got, want)
			}
			hits["whereabouts "+kind] += len(want)
		}
		for kind, pats := range labelledKinds {
			fast, plain := labelledMatch(kind, pats, true), labelledMatch(kind, pats, false)
			got, want := fast(NewDoc(s, nil)), plain(NewDoc(s, nil))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("labelled %s in %q: fast %v, plain %v", kind, s, got, want)
			}
			hits["labelled "+kind] += len(want)
		}
		// The conditions themselves, against the expressions run over the whole text.
		doc := NewDoc(s, nil)
		for kind, pats := range whereaboutsKinds {
			for k, p := range pats {
				if p.pre == nil && p.at == nil {
					continue
				}
				want := p.re.FindAllStringIndex(s, -1)
				if len(want) > 0 {
					hits["expression "+kind+" "+itoaTest(k)]++
				}
				if p.pre != nil && len(want) > 0 && !doc.scanOriginal().longS && !p.pre(doc) {
					t.Fatalf("%s pattern %d in %q: the draft condition fails, the expression finds %v", kind, k, s, want)
				}
				if p.at != nil {
					if got := scanWith(p.words, p.re.Regexp, doc.scanOriginal(), p.at); !slices.EqualFunc(got, want, slices.Equal) {
						t.Fatalf("%s pattern %d in %q: the scan finds %v, the expression %v", kind, k, s, got, want)
					}
				}
			}
		}
		if plateContextRe.MatchString(s) && !doc.scanOriginal().longS && !plateWords.in(doc) {
			t.Fatalf("%q: the plate context expression matches but no plate word is found", s)
		}
	}
	for _, k := range []string{"expression absence 0", "expression absence 1", "expression live_location 0", "expression live_location 2",
		"expression live_location 3", "whereabouts absence", "whereabouts live_location", "whereabouts routine", "labelled licence_plate",
		"expression absence 2", "expression absence 3", "expression absence 4", "expression absence 5", "expression live_location 1",
		"expression routine 0", "expression routine 1"} {
		if hits[k] < 30 {
			t.Errorf("%s: only %d matches, the comparison proves little", k, hits[k])
		}
	}
	t.Log(hits)
}

func itoaTest(n int) string { return string(rune('0' + n)) }
