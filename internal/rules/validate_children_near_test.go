package rules

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// nearExprs are the expressions the children analysis runs only near child references.
func nearExprs() []*regexp.Regexp {
	res := []*regexp.Regexp{hyphenSchool, clubRe, teamBeforeU, clubAbbr, venueRe, schoolEN, spotDE, namedSpotDE, streetDE, townDE,
		streetEN, namedSpotEN, townEN}
	for _, ap := range agePatterns {
		res = append(res, ap.re)
	}
	res = append(res, birthRes...)
	for _, e := range exposureRes {
		res = append(res, e.re)
	}
	return res
}

// TestNearSearchFindsTheWholeSearchInItsSpans checks that a search of widened spans
// finds exactly the matches of the whole text that begin in them, and that every
// other match lies wholly outside them.
func TestNearSearchFindsTheWholeSearchInItsSpans(t *testing.T) {
	texts := fastReTexts(t)
	r := rand.New(rand.NewPCG(3, 5))
	for range 300 {
		texts = append(texts, mutate(r, texts))
	}
	for _, re := range nearExprs() {
		f := startOf(re)
		if !f.ok {
			continue
		}
		for _, s := range texts {
			for _, s := range []string{s, lowerSameLen(s)} {
				if s == "" {
					continue
				}
				var near []byteSpan
				for range 1 + r.IntN(3) {
					a := r.IntN(len(s))
					near = append(near, byteSpan{a, a + 1 + r.IntN(len(s)-a)})
				}
				sp := f.widen(s, mergeSpans(near))
				var want [][]int
				for _, m := range f.findAll(s) {
					if touchesAny(sp, m[0], m[0]+1) {
						want = append(want, m)
					} else if touchesAny(sp, m[0], m[1]) {
						t.Fatalf("%s on %q: the match %v runs into the searched spans %v", re, s, m, sp)
					}
				}
				if got := f.findAllIn(s, sp); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s on %q in %v:\nfinds %v\nthe whole search %v", re, s, sp, got, want)
				}
			}
		}
	}
}

// TestChildrenNearSearchChangesNoFinding compares the analysis with the plain one on
// long drafts made of several corpus drafts, where details stand far from the child
// references, across blank lines and right at the edges of the searched stretches.
func TestChildrenNearSearchChangesNoFinding(t *testing.T) {
	texts := fastReTexts(t)
	r := rand.New(rand.NewPCG(17, 19))
	seps := []string{" ", "\n\n", ". ", ", ", "\n", " und ", " and "}
	var drafts []string
	for range 1500 {
		var b strings.Builder
		for k := range 2 + r.IntN(5) {
			if k > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(texts[r.IntN(len(texts))])
		}
		drafts = append(drafts, b.String())
	}
	filler := strings.Repeat("das war ein langer und schöner Tag mit vielen Leuten ", 4)
	drafts = append(drafts,
		"Unsere Tochter Emma (4) geht in die Kita Sonnenschein. "+filler+"Wir wohnen in Neustadt an der Lindenstraße 5, die 7-Jährige ist 7 Jahre alt.",
		"Wir wohnen in Neustadt an der Lindenstraße 5 "+filler+"unsere Tochter ist 7 Jahre alt und geht jeden Morgen um 7:30 Uhr allein zur Schule.",
		"My son Jack turned 6 "+strings.Repeat("and we had a lovely long day with lots of friends ", 3)+"at Pirouette Ballet Studio on Maple Street near Springfield.",
		"Spielplatz am Rosenhof, Freibad Westend, TSV 1860 Neustadt Nord\n\nMeine Tochter (5) war heute beim Training der F-Jugend des TSV Neustadt.",
	)
	fellBack, withHits := 0, 0
	for _, s := range drafts {
		for _, langs := range [][]string{{"de"}, {"en"}, {"de", "en"}} {
			doc := NewDoc(s, langs)
			got, want := plainScan(doc, false), plainScan(doc, true)
			if !reflect.DeepEqual(got.hits, want.hits) {
				t.Fatalf("langs %v, draft %q:\nnear the references %+v\nwhole draft %+v", langs, s, got.hits, want.hits)
			}
			if len(want.hits) > 0 {
				withHits++
			}
			sc := &childScan{doc: doc}
			sc.run()
			if sc.near != nil && !(sc.ageG.sound() && sc.placeG.sound()) {
				fellBack++
			}
		}
	}
	if withHits == 0 {
		t.Fatal("no draft with a children finding: the comparison proves nothing")
	}
	t.Logf("%d of %d analyses fell back to the whole draft", fellBack, 3*len(drafts))
}
