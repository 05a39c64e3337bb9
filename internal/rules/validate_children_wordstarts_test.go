package rules

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestWordStartSearchIsTheByteSearch compares the search that steps from word start
// to word start with the byte-by-byte one, for every children expression, on the
// corpora, their lower-cased forms (searched with the original's word starts, as the
// analysis does) and mutated drafts, over the whole text and over random spans.
func TestWordStartSearchIsTheByteSearch(t *testing.T) {
	texts := fastReTexts(t)
	r := rand.New(rand.NewPCG(7, 11))
	for range 300 {
		texts = append(texts, mutate(r, texts))
	}
	used := 0
	for _, re := range childExpressions() {
		f := startOf(re)
		if !f.ok || !f.wordFirst || f.lead != "" {
			continue
		}
		used++
		for _, orig := range texts {
			words := wordStarts(orig)
			for _, s := range []string{orig, lowerSameLen(orig)} {
				if got, want := f.findAllWords(s, words), f.findAll(s); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s on %q:\nword starts find %v\nbyte steps %v", re, s, got, want)
				}
				if s == "" {
					continue
				}
				a := r.IntN(len(s))
				sp := f.widen(s, []byteSpan{{a, a + 1 + r.IntN(len(s)-a)}})
				if got, want := f.findAllInWords(s, sp, words), f.findAllIn(s, sp); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s on %q in %v:\nword starts find %v\nbyte steps %v", re, s, sp, got, want)
				}
			}
		}
	}
	if used == 0 {
		t.Fatal("no children expression begins only where a word begins: the test proves nothing")
	}
}
