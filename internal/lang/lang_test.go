package lang

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/postcheck/postcheck/internal/corpus"
)

var (
	once sync.Once
	det  *Detector
)

func detector() *Detector {
	once.Do(func() { det = New() })
	return det
}

func TestDetectNamesTheLanguageOfClearDrafts(t *testing.T) {
	tests := []struct{ text, code string }{
		{"Heute war ein wunderschöner Tag am See mit der ganzen Familie.", "de"},
		{"We had a wonderful day at the lake with the whole family.", "en"},
		{"Nous avons passé une journée magnifique au bord du lac avec toute la famille.", "fr"},
		{"Hemos pasado un día maravilloso en el lago con toda la familia y los amigos del barrio.", "es"},
		{"Bugün bütün aileyle birlikte gölde harika bir gün geçirdik, akşam da arkadaşlarla yemek yedik.", "tr"},
	}
	for _, tc := range tests {
		got := detector().Detect(tc.text)
		if got.Language.Code != tc.code || !got.Language.Reliable {
			t.Errorf("Detect(%q) = %+v, want reliable %s", tc.text, got.Language, tc.code)
		}
	}
}

func TestShortDraftsAreUnreliable(t *testing.T) {
	// A short line in another language is not trusted either: German and English rules
	// still run rather than nothing.
	for _, s := range []string{"Du Idiot", "lol", "👍👍", "12345", "Garage sale this weekend! Questions?", "Hola a todos, qué tal?"} {
		if got := detector().Detect(s); got.Language.Reliable {
			t.Errorf("Detect(%q) = %+v, want unreliable", s, got.Language)
		}
	}
}

func TestMixedPostsNameTheSecondRuleLanguage(t *testing.T) {
	got := detector().Detect("Was für ein Tag heute im Büro, wirklich anstrengend. Anyway, what a fucking day, I am so done with this.")
	langs := append([]string{got.Language.Code}, got.Also...)
	hasDE, hasEN := false, false
	for _, l := range langs {
		hasDE = hasDE || l == "de"
		hasEN = hasEN || l == "en"
	}
	if !hasDE || !hasEN {
		t.Errorf("mixed post gave %v, want de and en", langs)
	}
}

func TestFunctionWordsRescueShortDrafts(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Use code SUMMER20 for 20% off all orders!", "en"},
		{"My nephew Ben starts kindergarten tomorrow!", "en"},
		{"Ich bin heute nicht im Büro.", "de"},
	}
	for _, tc := range tests {
		got := detector().Detect(tc.text)
		ok := !got.Language.Reliable || got.Language.Code == tc.want || slices.Contains(got.Also, tc.want)
		if !ok {
			t.Errorf("Detect(%q) = %+v: the %s rules would not run", tc.text, got, tc.want)
		}
	}
	if got := functionWordLanguages("Nous avons passé une journée magnifique au bord du lac."); len(got) != 0 {
		t.Errorf("French prose has no German or English function words, got %v", got)
	}
}

func TestSampleCutsLongDraftsAtAWord(t *testing.T) {
	long := strings.Repeat("Wort ", 400)
	s := sample(long)
	if len(s) > maxSample || !strings.HasSuffix(s, "Wort") {
		t.Errorf("sample of %d bytes ends %q", len(s), s[len(s)-6:])
	}
	if sample("kurz") != "kurz" {
		t.Error("short drafts are read whole")
	}
}

func TestProseDropsWhatCarriesNoLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"RT @anna_b: so true &#128514;&#128514; http://t.co/abc", "so true"},
		{"Heute &amp; morgen: www.example.de (Link)", "Heute morgen: (Link)"},
		{"Q&A mit @max, &lt;3", "Q&A mit &lt;3"},
		{"Nichts zu entfernen.", "Nichts zu entfernen."},
	}
	for _, tc := range tests {
		if got := prose(tc.in); got != tc.want {
			t.Errorf("prose(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestOnePassFunctionWordsMatchSentenceBySentence compares the single pass with
// counting the whole text and then each sentence on its own, as the rule reads.
func TestOnePassFunctionWordsMatchSentenceBySentence(t *testing.T) {
	texts := append([]string{}, foreignShortPosts...)
	texts = append(texts, "Was für ein Tag heute im Büro. Anyway, what a day, I am done!\nUnd jetzt?", "", "...", "a. b! c? d\n\ne",
		"Ich bin heute nicht im Büro, ab Montag wieder.", "This is the best coffee I have had all week")
	texts = append(texts, corpus.Texts(t, "*.jsonl")...)
	for _, text := range texts {
		want := shareLanguages(text)
		if len(want) < 2 {
			for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '\n' }) {
				for _, l := range shareLanguages(sent) {
					if !slices.Contains(want, l) {
						want = append(want, l)
					}
				}
			}
		}
		st := scanFunctionWords(text)
		de, en, n := countFunctionWords(text)
		if got := st.languages(); !slices.Equal(got, want) || st.de != de || st.en != en || st.n != n {
			t.Errorf("%q: one pass gives %v (%d/%d/%d), sentence by sentence %v (%d/%d/%d)", text, got, st.de, st.en, st.n, want, de, en, n)
		}
	}
}
