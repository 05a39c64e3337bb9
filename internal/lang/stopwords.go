package lang

import (
	"slices"
	"strings"
	"unicode"
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
	de, en, n := 0, 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	}) {
		w = strings.ReplaceAll(w, "’", "'")
		n++
		if germanWords[w] {
			de++
		}
		if englishWords[w] {
			en++
		}
	}
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
