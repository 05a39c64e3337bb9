package text

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/corpus"
)

// scannerTexts are the labelled drafts of the repository and random drafts built
// from what the byte scanner treats apart: ASCII
// words and signs, umlauts, combining and enclosing marks after ASCII letters,
// joiners, addresses, invisible characters, other scripts and broken UTF-8.
func scannerTexts(t *testing.T) []string {
	t.Helper()
	texts := corpus.Texts(t, "*.jsonl")
	pieces := []string{
		"a", "B", "idiot", "Idiooot", "McDonald", "#AusländerRaus", "@anna", "anna@example.de", "x@y",
		"Sch**ße", "f.u.c.k", "I d i o t", "e\u0301", "a\u20DD", "o\u0308", "\u034F", "\u200B", "\u00AD",
		"ä", "Ö", "ß", "ẞ", "é", "日本", "😀", "\xff", "\xc3", "1", "42", "h3ll0", "$", "!", "|", "€",
		"’", "'", "_", "*", "#", "@", ".", ",", " ", "  ", "\n", "-", "ﬁ", "ǆ", "Ⓐ", "а", "ο",
		"don't", "DON'T", "I'm", "rock'n'roll", "aa'a", "o''o", "don’t",
		"für's", "Grüße", "ÄÖÜ", "Straße", "Schloßsee", "Müüüll", "Öl", "ßß", "aäe", "Üe", "süß", "Maßstab",
		"–", "„", "“", "…", "®", "™", "½", "•", "→", "❤️", "\uFFFD", "´", "‘", "¿", "№",
	}
	// a space after a third of the pieces
	return append(texts, corpus.Mix(rand.New(rand.NewPCG(11, 17)), 20000, 12, pieces, []string{" ", "", ""})...)
}

// TestPrepareMatchesThePlainWay compares Prepare, which scans the bytes and splits
// only the words that need folding into segments, with the plain way over all
// segments: same normalised text, offset maps, tokens and variant.
func TestPrepareMatchesThePlainWay(t *testing.T) {
	for _, s := range scannerTexts(t) {
		got, want := Prepare(s), preparePlain(s)
		if got.Norm != want.Norm || !slices.Equal(got.srcStart, want.srcStart) || !slices.Equal(got.srcEnd, want.srcEnd) {
			t.Fatalf("%q: norm %q, plain %q (or their offset maps differ)", s, got.Norm, want.Norm)
		}
		if len(got.Tokens) != len(want.Tokens) || len(got.Tokens) > 0 && !reflect.DeepEqual(got.Tokens, want.Tokens) {
			t.Fatalf("%q: tokens %+v, plain %+v", s, got.Tokens, want.Tokens)
		}
		if len(got.Tokens) > maxWords(s) {
			t.Fatalf("%q: %d tokens, more than the bound %d", s, len(got.Tokens), maxWords(s))
		}
		if !reflect.DeepEqual(got.Variant, want.Variant) {
			t.Fatalf("%q: variant %+v, plain %+v", s, got.Variant, want.Variant)
		}
	}
}

// BenchmarkPrepare prepares the labelled drafts of the repository joined into posts
// of about 1,500 bytes.
func BenchmarkPrepare(b *testing.B) {
	var posts []string
	var cur strings.Builder
	for _, s := range corpus.Texts(b, "*.jsonl") {
		cur.WriteString(s)
		cur.WriteString("\n")
		if cur.Len() >= 1500 {
			posts = append(posts, cur.String())
			cur.Reset()
		}
	}
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		Prepare(posts[k%len(posts)])
		k++
	}
}

// TestSignsThatFoldToThemselves checks foldsToItself against foldSegment for every
// rune of the first two planes that is no word rune or is invisible, as Prepare asks.
func TestSignsThatFoldToThemselves(t *testing.T) {
	kept := 0
	for r := rune(utf8.RuneSelf); r < 0x20000; r++ {
		if wordRune(r) && !invisible(r) || r >= 0xD800 && r < 0xE000 {
			continue
		}
		seg := string(r)
		if foldsToItself(seg, r) {
			kept++
			if got := foldSegment(seg, false); got != seg {
				t.Fatalf("%U: folds to %q, not to itself", r, got)
			}
		}
	}
	if kept < 1000 {
		t.Fatalf("only %d signs fold to themselves: the shortcut is never taken", kept)
	}
}
