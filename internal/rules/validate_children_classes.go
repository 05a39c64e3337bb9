package rules

import "github.com/postcheck/postcheck/internal/text"

// The children analysis asks a dozen word lists about every token. One map from a
// word to the lists that hold it answers all of them with a single lookup per token.

// childClass is a set of the word lists of the children analysis.
type childClass uint32

const (
	ccKinDE childClass = 1 << iota
	ccOwnKinDE
	ccKinEN
	ccFirstName
	ccAmbiguousName
	ccNameStop
	ccPlaceStop
	ccBusiness
	ccGroupContext
	ccGroupPlace
	ccAdultContext
	ccChildContext
	ccExposure
	ccPhotoDE
	ccPhotoEN
	ccInstHeadDE
	ccAdultKin
	ccTypoStop // words typoKin never takes for a misspelling
	ccFirstPerson
	ccNegator
)

// firstPersonWords make a draft speak in the first person.
var firstPersonWords = set("ich", "wir", "mein", "meine", "meinen", "meinem", "meiner", "unser", "unsere", "unseren", "unserem", "unserer",
	"i", "we", "my", "our", "i'm", "we're", "uns", "us")

var childClasses = buildChildClasses()

func buildChildClasses() map[string]childClass {
	m := map[string]childClass{}
	addSet := func(c childClass, words map[string]bool) {
		for w, ok := range words {
			if ok {
				m[w] |= c
			}
		}
	}
	addKin := func(c childClass, words map[string]kinInfo) {
		for w := range words {
			m[w] |= c
		}
	}
	addKin(ccKinDE, kinDE)
	addKin(ccOwnKinDE, ownKinDE)
	addKin(ccKinEN, kinEN)
	addSet(ccFirstName, firstNames)
	addSet(ccAmbiguousName, ambiguousNames)
	addSet(ccNameStop, nameStop)
	addSet(ccPlaceStop, placeStop)
	addSet(ccBusiness, businessWords)
	addSet(ccGroupContext, groupContext)
	addSet(ccGroupPlace, groupPlaces)
	addSet(ccAdultContext, adultContext)
	addSet(ccChildContext, childContext)
	for w := range exposureWords {
		m[w] |= ccExposure
	}
	addSet(ccPhotoDE, photoDE)
	addSet(ccPhotoEN, photoEN)
	for w := range instHeadDE {
		m[w] |= ccInstHeadDE
	}
	addSet(ccAdultKin, adultKin)
	for _, s := range []map[string]bool{kinFillersDE, kinFillersEN, littleWords, commonNotKin} {
		addSet(ccTypoStop, s)
	}
	addSet(ccFirstPerson, firstPersonWords)
	addSet(ccNegator, negators)
	return m
}

// classOf returns the word lists that hold the normalised word w.
func classOf(w string) childClass { return childClasses[w] }

// has reports whether token i is in one of the lists of c.
func (s *childScan) has(i int, c childClass) bool {
	return i >= 0 && i < len(s.cls) && s.cls[i]&c != 0
}

// childClassTable answers classOf for a token by the hash Prepare made of its word,
// which spares hashing the word again in a map lookup for each of a draft's tokens.
var childClassTable = newClassTable(childClasses)

// classTable is an open-addressing table from words to their classes, keyed by
// text.WordHash. Hashes and classes lie in small arrays that stay in cache (a probe
// reads eight bytes); the word is compared only when the hash agrees, so a colliding
// hash never answers. Every listed word has a class, so class 0 marks an empty slot.
type classTable struct {
	mask   uint32
	hashes []uint32
	cls    []childClass
	words  []string
}

func newClassTable(m map[string]childClass) *classTable {
	n := 1
	for n < 2*len(m) {
		n <<= 1
	}
	t := &classTable{mask: uint32(n - 1), hashes: make([]uint32, n), cls: make([]childClass, n), words: make([]string, n)}
	for w, c := range m {
		if c == 0 {
			continue
		}
		h := text.WordHash(w)
		i := h & t.mask
		for t.cls[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.hashes[i], t.cls[i], t.words[i] = h, c, w
	}
	return t
}

// get returns the classes of w, whose text.WordHash is h.
func (t *classTable) get(w string, h uint32) childClass {
	for i := h & t.mask; t.cls[i] != 0; i = (i + 1) & t.mask {
		if t.hashes[i] == h && t.words[i] == w {
			return t.cls[i]
		}
	}
	return 0
}

// classOfToken is classOf(t.Norm), read by the token's hash.
func classOfToken(t *text.Token) childClass { return childClassTable.get(t.Norm, t.Hash) }
