package text

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/corpus"
)

// reuseTexts are the scanner's drafts in a random order, with posts of about 1,500
// bytes and a draft too long for the pool among them, so that buffers pass from long
// drafts to short ones and back.
func reuseTexts(t *testing.T) []string {
	texts := scannerTexts(t)
	var post strings.Builder
	for _, s := range corpus.Texts(t, "*.jsonl") {
		post.WriteString(s + "\n")
		if post.Len() > 1500 {
			texts = append(texts, post.String())
			post.Reset()
		}
	}
	texts = append(texts, strings.Repeat("Grüße an Anna! idiooot #AusländerRaus ", 2000))
	rng := rand.New(rand.NewPCG(5, 8))
	rng.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	return texts
}

// TestReleasedBuffersPrepareLikeFreshOnes prepares every draft with the buffers of
// the drafts before it and compares the result with a fresh Prepare; the strings
// kept from released drafts must not change as their buffers serve later ones.
func TestReleasedBuffersPrepareLikeFreshOnes(t *testing.T) {
	type kept struct {
		norm  string
		words []string
	}
	var keep []kept
	var keepWant []kept
	for i, s := range reuseTexts(t) {
		got, want := PrepareReleasable(s), Prepare(s)
		if got.Norm != want.Norm || !slices.Equal(got.srcStart, want.srcStart) || !slices.Equal(got.srcEnd, want.srcEnd) {
			t.Fatalf("%q: norm %q, fresh %q (or their offset maps differ)", s, got.Norm, want.Norm)
		}
		if !reflect.DeepEqual(got.Tokens, want.Tokens) || !reflect.DeepEqual(got.Variant, want.Variant) {
			t.Fatalf("%q: tokens %+v\nfresh %+v", s, got.Tokens, want.Tokens)
		}
		if i%50 == 0 {
			keep = append(keep, kept{got.Norm, norms(got.Tokens)})
			keepWant = append(keepWant, kept{want.Norm, norms(want.Tokens)})
		}
		got.Release()
		if got.Tokens != nil || got.srcStart != nil || got.bufs != nil {
			t.Fatalf("%q: a released Prepared still holds its buffers", s)
		}
		got.Release() // a second release gives nothing back twice
	}
	if !reflect.DeepEqual(keep, keepWant) {
		t.Fatal("words kept from released drafts changed when their buffers were reused")
	}
}

// TestHaystackResetIsANewHaystack indexes texts one after another in one Haystack,
// folded by the caller and by ResetFold, released in between now and then.
func TestHaystackResetIsANewHaystack(t *testing.T) {
	var h, hf Haystack
	for i, s := range reuseTexts(t)[:5000] {
		f := Fold(s)
		want := NewHaystack(f)
		h.Reset(f)
		hf.ResetFold(s)
		if h.set != want.set || h.Text() != f || hf.set != want.set || hf.Text() != f {
			t.Fatalf("%q: a reset haystack differs from a new one", s)
		}
		if i%7 == 0 {
			hf.Release()
		}
	}
}
