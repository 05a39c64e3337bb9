package text

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestASCIITokensMatchTheGeneralPath compares the ASCII shortcut with the general
// normalisation on random words: same token, same normalised bytes, same offsets.
func TestASCIITokensMatchTheGeneralPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	letters := "aAbBeEiIoOsSzZ"
	prefixes := []string{"", " ", "#", "@", "x "}
	for range 20000 {
		w := make([]byte, 1+rng.IntN(8))
		for i := range w {
			w[i] = letters[rng.IntN(len(letters))]
		}
		s := prefixes[rng.IntN(len(prefixes))] + string(w)
		segs := segments(s)
		k := len(segs) - len(w)
		type emitted struct {
			str  string
			a, b int
		}
		var fast, slow []emitted
		ft, ok := asciiToken(s, segs[k:])
		for i := range len(ft.Norm) {
			fast = append(fast, emitted{ft.Norm[i : i+1], ft.Start + i, ft.Start + i + 1})
		}
		st := foldToken(s, segs[k:], func(str string, a, b int) {
			for i := range len(str) {
				slow = append(slow, emitted{str[i : i+1], a, b})
			}
		})
		if !ok {
			continue // stretched letters take the general path
		}
		if !reflect.DeepEqual(ft, st) || !reflect.DeepEqual(fast, slow) {
			t.Fatalf("%q: fast %+v %v, general %+v %v", s, ft, fast, st, slow)
		}
	}
}
