package lang

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/corpus"
)

// The plain way of counting function words, as it was before the hashed word table:
// each word lowered rune by rune and looked up in the word maps.

func plainEachWord(text string, f func(w []byte, long bool)) {
	var buf [32]byte
	w := buf[:0]
	long := false
	flush := func() {
		if len(w) > 0 || long {
			f(w, long)
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
}

func plainCountFunctionWords(text string) (de, en, n int) {
	plainEachWord(text, func(w []byte, long bool) {
		n++
		if !long {
			if germanWords[string(w)] {
				de++
			}
			if englishWords[string(w)] {
				en++
			}
		}
	})
	return de, en, n
}

func plainLooseDominant(text string) (string, float64, bool) {
	var de, en, deOnly, enOnly, foreign, n int
	var seenDE, seenEN []string
	plainEachWord(text, func(w []byte, long bool) {
		n++
		if long {
			return
		}
		ger, eng, shared := germanWords[string(w)], englishWords[string(w)], sharedWords[string(w)]
		if !shared && ger && !eng {
			deOnly++
			if len(w) >= 2 && !slices.Contains(seenDE, string(w)) {
				seenDE = append(seenDE, string(w))
			}
		}
		if !shared && eng && !ger {
			enOnly++
			if len(w) >= 2 && !slices.Contains(seenEN, string(w)) {
				seenEN = append(seenEN, string(w))
			}
		}
		if ger || shared {
			de++
		}
		if eng || shared {
			en++
		}
		if foreignWords[string(w)] {
			foreign++
		}
	})
	return looseDecision(de, en, deOnly, enOnly, len(seenDE), len(seenEN), n, foreign)
}

// plainScanFunctionWords is scanFunctionWords the plain way: the text cut into
// sentences first, each counted on its own.
func plainScanFunctionWords(text string) (de, en, n int, sentences []string) {
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '.' && text[i] != '!' && text[i] != '?' && text[i] != '\n' {
			continue
		}
		if i > start {
			sde, sen, sn := plainCountFunctionWords(text[start:i])
			de, en, n = de+sde, en+sen, n+sn
			for _, l := range shareOf(sde, sen, sn) {
				if !slices.Contains(sentences, l) {
					sentences = append(sentences, l)
				}
			}
		}
		start = i + 1
	}
	return de, en, n, sentences
}

// plainProse is prose the plain way: every field split off, the kept ones joined.
func plainProse(text string) string {
	drop := func(w string) bool {
		if charRefs(w) {
			return true
		}
		w = strings.Trim(w, "\"'“”„.,:;!?()")
		return strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "www.") ||
			strings.HasPrefix(w, "@") || w == "RT"
	}
	fields := strings.Fields(text)
	var kept []string
	changed := false
	for _, w := range fields {
		if drop(w) {
			changed = true
			continue
		}
		kept = append(kept, w)
	}
	if !changed {
		return text
	}
	return strings.Join(kept, " ")
}

func plainCountLetters(text string) int {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// scanTexts are the labelled drafts of the repository and random drafts of function
// words of every list in any case, other words, long words, apostrophes, other
// scripts, broken UTF-8 and sentence ends.
func scanTexts(t *testing.T) []string {
	t.Helper()
	texts := corpus.Texts(t, "*.jsonl")
	var pieces []string
	for _, m := range []map[string]bool{germanWords, englishWords, sharedWords, foreignWords} {
		for w := range m {
			pieces = append(pieces, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
		}
	}
	slices.Sort(pieces) // the maps' order is random; the drafts should not be
	pieces = append(pieces, "Haus", "Kelvin", "\u212A", "İ", "ǅ", "don’t", "it's", "'", "’", "日本語", "😀",
		"\xff", "\xc3", strings.Repeat("x", 31), strings.Repeat("y", 32), strings.Repeat("ü", 16), strings.Repeat("z", 40),
		"1", "2024", "-", ".", "!", "?", "\n", " ", " ", ", ", "e\u0301",
		"http://x.de", "https://t.co/abc", "www.example.com", "@user", "(@user)", "&amp;", "&#128514;&amp;", "&", "RT",
		"RTL", "\u00a0", "\u0085", "\t", "\r\n", "“http://a.b”", "mail@example.de")
	// a space after three pieces in four
	return append(texts, corpus.Mix(rand.New(rand.NewPCG(5, 9)), 20000, 25, pieces, []string{" ", " ", " ", ""})...)
}

// TestWordTableMatchesTheWordMaps compares the function-word counts, the sentence
// scan, the loose decision, prose and the letter count, which read words through the hashed
// table in one pass, with the plain way through the word maps, sentence by sentence.
func TestWordTableMatchesTheWordMaps(t *testing.T) {
	decided := 0
	for _, s := range scanTexts(t) {
		de, en, n := countFunctionWords(s)
		pde, pen, pn := plainCountFunctionWords(s)
		if de != pde || en != pen || n != pn {
			t.Fatalf("%q: counts %d %d %d, plain %d %d %d", s, de, en, n, pde, pen, pn)
		}
		code, share, ok := looseDominant(s)
		pcode, pshare, pok := plainLooseDominant(s)
		if code != pcode || share != pshare || ok != pok {
			t.Fatalf("%q: loose %q %v %v, plain %q %v %v", s, code, share, ok, pcode, pshare, pok)
		}
		if ok {
			decided++
		}
		st := scanFunctionWords(s)
		pde, pen, pn, psent := plainScanFunctionWords(s)
		if st.de != pde || st.en != pen || st.n != pn || !slices.Equal(st.sentences[:st.ns], psent) {
			t.Fatalf("%q: scan %d %d %d %v, plain %d %d %d %v", s, st.de, st.en, st.n, st.sentences[:st.ns], pde, pen, pn, psent)
		}
		if got, want := prose(s), plainProse(s); got != want {
			t.Fatalf("%q: prose %q, plain %q", s, got, want)
		}
		if got, want := countLetters(s), plainCountLetters(s); got != want {
			t.Fatalf("%q: %d letters, plain %d", s, got, want)
		}
	}
	if decided < 100 {
		t.Fatalf("only %d drafts decided by function words: the comparison proves little", decided)
	}
}
