package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestWordScansFindWhatTheWholeExpressionsFind compares the whereabouts expressions run
// only where one of their first words begins a word with the expressions run over the
// whole text, on the labelled drafts, the rules' examples and generated drafts.
func TestWordScansFindWhatTheWholeExpressionsFind(t *testing.T) {
	texts := repoTexts(t, "corpus.jsonl")
	parts := []string{"I'm", "i'm", "IM", "Im", "I am", "i am", "we're", "We're", "were", "WE ARE", "we are", "sitting", "Standing", "chilling",
		"waiting", "Right now", "right now", "RIGHT NOW", "Currently", "currently", "Just arrived", "just landed", "Just Landed", "at", "in",
		"the", "The", "Starbucks", "Central Park", "Café", "Zürich", "gate", "B12", "now", "rn", "atm", "NOW", "here", "with", "friends", "x",
		"\u017fitting", "\u212a", "ä", "\xff", "_", "1", ",", ".", "!", "\n", "📍", "'", "swimming", "Imagine", "weird", "situation",
		"I'm at the Starbucks right now", "we are sitting in Central Park now", "Just arrived at Gate B12", "currently in Berlin",
		"chilling at the beach rn", "Right now in Café Sacher", "waiting in the Hotel Adlon lobby atm",
		"jeden", "Jeden", "JEDE", "jedes", "immer", "Immer", "every", "Every", "each", "Dienstag", "Morgen", "morning", "day", "um", "17", "7:30",
		"Uhr", "am", "pm", "beim", "Training", "montags", "Sonntags", "MORGENS", "abends", "Mondays", "sundays", "everyday", "Jedermann",
		"jeden Dienstag um 17 Uhr im Park", "every morning at 7 at the gym", "Montags ab 18 Uhr", "Sundays around 9am",
		"Haus", "HÜTTE", "Hütte", "steht", "ist", "leer", "empty", "Niemand", "nobody", "no one", "zu Hause", "home", "3", "12", "zwei",
		"Fünf", "FÜNF", "zwölf", "ein", "eine", "paar", "Wochen", "Tage", "Monate", "lang", "Urlaub", "Mallorca", "for", "away for", "two",
		"a", "weeks", "days", "sind", "bin", "bis", "zum", "12.", "3.5.", "Montag", "Ende", "gone", "off", "until", "till", "the", "5th",
		"we're", "we'll be", "I'll be", "on holiday", "abroad", "away",
		"Das Haus steht ab morgen leer", "niemand ist zu Hause", "drei Wochen Mallorca", "for two weeks away", "sind bis zum 12. weg",
		"we're away", "off until Monday", "I am on vacation"}
	rng := rand.New(rand.NewSource(5))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.Intn(14) {
			b.WriteString(parts[rng.Intn(len(parts))])
			if rng.Intn(8) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	found, scans := 0, 0
	for _, ps := range whereaboutsKinds {
		for _, p := range ps {
			if p.words == nil {
				continue
			}
			scans++
			for _, s := range texts {
				got, want := p.words.findAll(p.re.Regexp, s), p.re.FindAllStringIndex(s, -1)
				found += len(want)
				if !slices.EqualFunc(got, want, slices.Equal) {
					t.Fatalf("%v in %q: the scan finds %v, the whole expression %v", p.re.Regexp, s, got, want)
				}
			}
		}
	}
	if scans == 0 || found < 500 {
		t.Errorf("%d scans, %d matches: the comparison proves little", scans, found)
	}
	t.Logf("%d scans, %d matches compared", scans, found)
}
