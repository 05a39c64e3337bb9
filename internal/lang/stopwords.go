package lang

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Function words are a cheap second opinion on German and English: short posts,
// dialect and slang fool n-gram models more often than they remove "und", "nicht",
// "the" or "you". A language whose function words are frequent enough runs its rules
// even when lingua names another language.
var (
	germanWords = words("der die das den dem des ein eine einen einem einer und oder aber nicht kein keine ist sind waren " +
		"ich du er sie es wir ihr mich dich mir dir uns euch mein meine dein deine sein seine unser unsere " +
		"mit von zu zum zur bei auf aus nach für über unter vor wie wer warum weil dass wenn auch noch schon " +
		"hat habe haben hast wird werden wurde kann können muss müssen soll sollte doch mal nur sehr heute jetzt hier " +
		"im beim vom ins alle allen diese dieser dieses sich dann denn ob nichts etwas viele mehr ganz danke gestern")
	englishWords = words("the a and or but not no is are were be been being i you he she it we they me him her us them " +
		"my your his its our their this that these those with from to of in on at by for about as what who where why " +
		"because if when just very have has had will would can could should must do does did don't i'm it's you're " +
		"today now here there all thanks yesterday")
)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// functionWordLanguages returns "de" and/or "en" when their function words make up a
// clear share of the words of the text or of one of its sentences.
func functionWordLanguages(text string) []string {
	out := shareLanguages(text)
	if len(out) == 2 {
		return out
	}
	for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '\n' }) {
		for _, l := range shareLanguages(sent) {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

func shareLanguages(text string) []string {
	de, en, n := countFunctionWords(text)
	// Two function words and a share of one in eight words: real prose has far more,
	// a stray "die" or "war" in another language stays below.
	var out []string
	if de >= 2 && de*8 >= n {
		out = append(out, "de")
	}
	if en >= 2 && en*8 >= n {
		out = append(out, "en")
	}
	return out
}

// countFunctionWords counts German and English function words and all words. It
// lowers each word into a small buffer; the map lookups with string(buf) do not allocate.
func countFunctionWords(text string) (de, en, n int) {
	var buf [32]byte
	w := buf[:0]
	long := false
	flush := func() {
		if len(w) > 0 || long {
			n++
			if !long {
				if germanWords[string(w)] {
					de++
				}
				if englishWords[string(w)] {
					en++
				}
			}
		}
		w, long = buf[:0], false
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			r = unicode.ToLower(r)
		case r == '\'' || r == '’':
			r = '\''
		default:
			flush()
			continue
		}
		if len(w)+utf8.RuneLen(r) > len(buf) {
			long = true
			continue
		}
		w = utf8.AppendRune(w, r)
	}
	flush()
	return de, en, n
}

// dominantLanguage reports "de" or "en" when one language's function words clearly
// carry the text: at least minDominant of them, one word in five, and the other
// language's at most a tenth as many (Dutch "die … is …" counts for both and fails).
// share is the leading language's part of all function words found.
func dominantLanguage(text string) (string, float64, bool) {
	de, en, n := countFunctionWords(text)
	lead, other, code := de, en, "de"
	if en > de {
		lead, other, code = en, de, "en"
	}
	if lead < minDominant || lead*5 < n || other*10 > lead {
		return "", 0, false
	}
	return code, float64(lead) / float64(lead+other), true
}

// minDominant is the least number of function words that settles a language alone.
const minDominant = 5
