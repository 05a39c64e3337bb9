package rules

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/text"
)

// The children validator finds posts that expose one's own (or a specific) child:
// a child reference ("unsere Tochter", "my toddler", "Mama von zwei"), identifying
// details linked to it (name, age, birth date, school or club, place, route and time),
// exposure (intimate or embarrassing moments, health, school trouble) and photos.
// Children as a topic ("Kinderarmut", "Kinder haben Rechte") have no reference and
// yield nothing. One analysis serves every children rule; the rule's `emit` param
// says which part it reports.

func init() { RegisterValidator("children", newChildrenValidator) }

var childEmits = []string{"mention", "name", "age", "birthdate", "institution", "place", "routine", "exposure", "photo", "identifiable"}

func newChildrenValidator(p map[string]string) (MatchFunc, error) {
	emit := p["emit"]
	if !slices.Contains(childEmits, emit) {
		return nil, fmt.Errorf("param emit must be one of %s, not %q", strings.Join(childEmits, ", "), emit)
	}
	return func(doc *Doc) []Hit { return analyseChildren(doc).hits[emit] }, nil
}

// childKind is the kind of an identifying detail.
type childKind int

const (
	ckName childKind = iota
	ckAge
	ckBirth
	ckInstitution
	ckPlace
	ckRoutine
)

var childEmitOf = map[childKind]string{ckName: "name", ckAge: "age", ckBirth: "birthdate", ckInstitution: "institution", ckPlace: "place", ckRoutine: "routine"}

// childAnchor is a reference to a child.
type childAnchor struct {
	start, end     int  // bytes
	tokA, tokB     int  // tokens [tokA, tokB)
	weak           bool // no finding on its own ("unsere Kinder")
	generic        bool // children in general ("die Zukunft unserer Kinder"): ignored
	needsChild     bool // "unsere Emma": a child only when a child's age, school or another reference is near
	group          bool // an institution speaking of its children: one step lower
	kin            Text // neutral reference in the draft's words ("unsere Tochter")
	fem, neut, plu bool
	used           bool
	adult          bool
}

// childPiece is a detail, an exposure or a photo near a child reference.
type childPiece struct {
	kind       childKind
	start, end int
	tokA, tokB int
	sev        check.Severity
	// the texts of a finding, made into maps only for the pieces that are reported
	labelDE, labelEN string
	noteDE, noteEN   string
	red              bool   // a redaction and a replacement: rde, ren
	rde, ren         string // the redaction, also the replacement
	name             string // the child's name, for the combined finding
	ageYears         int    // for ages: years, or -1
	youth            bool   // a youth team ("F-Jugend", "U9")
}

type childAnalysis struct {
	hits map[string][]Hit
}

// analyseChildren runs the analysis once per draft for all the children rules.
func analyseChildren(doc *Doc) *childAnalysis {
	return doc.children.get(func() *childAnalysis { return scanChildren(doc) })
}

// scanChildren runs the analysis. A bug in it must not take a check down: it then
// reports nothing for children rather than panicking on a user's draft.
func scanChildren(doc *Doc) (a *childAnalysis) {
	defer func() {
		if recover() != nil {
			a = &childAnalysis{hits: map[string][]Hit{}}
		}
	}()
	return (&childScan{doc: doc}).run()
}

// childScan holds the state of one analysis.
type childScan struct {
	doc      *Doc
	de, en   bool
	toks     []text.Token
	cls      []childClass // the word lists of each token
	lower    string
	anchors  []*childAnchor
	details  []*childPiece
	exposure []*childPiece
	photos   []*childPiece
	firstP   bool // the draft speaks in the first person
	business bool
	groupCtx bool
	sorted   int // len(anchors) when they were last sorted
	// routineMay says which of routineExprs may match the draft at all
	routineMay [4]bool
	hay        *text.Haystack
	sameFold   bool // text.Fold(lower) is text.Fold(doc.Original)
	// noShortcuts runs every step on every draft, for tests that compare the shortcuts
	// with the plain analysis
	noShortcuts bool
	// near holds the stretches near child references the later finders search, nil
	// for the whole draft; ageG and placeG check that leaving the rest out changes
	// no overlap check of ages, and of institutions and places
	near         []byteSpan
	noNear       bool
	ageG, placeG nearGroup
}

// lowerHay is the folded lower-cased text for the guards of the expressions run on it.
func (s *childScan) lowerHay() *text.Haystack {
	if s.hay == nil {
		if s.sameFold && !s.noShortcuts {
			s.hay = s.doc.Folded()
		} else {
			s.hay = text.NewHaystack(text.Fold(s.lower))
		}
	}
	return s.hay
}

const (
	childWindow    = 25 // tokens between a detail and its child reference
	exposureWindow = 12
)

func (s *childScan) run() *childAnalysis {
	d := s.doc
	s.de = slices.Contains(d.Langs, "de")
	s.en = slices.Contains(d.Langs, "en")
	s.toks = d.Tokens
	s.lower, s.sameFold = lowerSameLenFold(d.Original)
	s.cls = make([]childClass, len(s.toks))
	for i := range s.toks {
		t := &s.toks[i]
		c := classOfToken(t)
		s.cls[i] = c
		if c&ccFirstPerson != 0 {
			s.firstP = true
		}
		if c&ccBusiness != 0 {
			s.business = true
		}
		if c&ccGroupContext != 0 {
			s.groupCtx = true
		}
		// "Igelgruppe", "Klasse 2b", "Room 4"
		if strings.HasSuffix(t.Norm, "gruppe") && len(t.Norm) > 8 {
			s.groupCtx = true
		}
		if (t.Norm == "klasse" || t.Norm == "room" || t.Norm == "class") && t.Index+1 < len(d.Tokens) && d.Tokens[t.Index+1].Digits > 0 {
			s.groupCtx = true
		}
		if c&ccGroupPlace != 0 && t.Index > 0 {
			if p := d.Tokens[t.Index-1].Norm; strings.HasPrefix(p, "unser") || p == "our" {
				s.groupCtx = true
			}
		}
	}
	s.findAnchors()
	s.findNames()
	// every finding hangs on a child reference, and the finders after these add none
	if len(s.anchors) == 0 && !s.noShortcuts {
		return &childAnalysis{hits: map[string][]Hit{}}
	}
	if !s.noShortcuts && !s.noNear {
		s.near = s.nearSpans()
	}
	s.findAges()
	s.findBirth()
	s.findInstitutions()
	s.findPlaces()
	if s.near != nil && !(s.ageG.sound() && s.placeG.sound()) {
		// a candidate reaches into a part left out: the whole draft decides
		return (&childScan{doc: d, noNear: true}).run()
	}
	s.findRoutines()
	s.markAdults()
	s.findExposure()
	s.findPhotos()
	return s.emit()
}

// --- helpers ---

func (s *childScan) cap(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	// an ASCII first letter is upper case when it is one of A-Z (unicode.IsUpper)
	if t := &s.toks[i]; t.Start < t.End {
		if c := s.doc.Original[t.Start]; c < utf8.RuneSelf {
			return 'A' <= c && c <= 'Z'
		}
	}
	return s.toks[i].Cap(s.doc.Original)
}

func (s *childScan) norm(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Norm
}

// breakBetween reports a sentence or paragraph end between tokens i and j (i < j).
func (s *childScan) breakBetween(i, j int) bool {
	if i < 0 || j >= len(s.toks) || i >= j {
		return false
	}
	gap := s.doc.Original[s.toks[i].End:s.toks[j].Start]
	return strings.ContainsAny(gap, ".!?\n;:")
}

// paraBreak reports a blank line between byte offsets a < b.
func (s *childScan) paraBreak(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	return strings.Contains(s.doc.Original[a:b], "\n\n")
}

// sentenceStart reports whether token i begins a sentence.
func (s *childScan) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	gap := strings.TrimSpace(s.doc.Original[s.toks[i-1].End:s.toks[i].Start])
	return gap != "" && strings.ContainsAny(gap[len(gap)-1:], ".!?\n:") || strings.Contains(s.doc.Original[s.toks[i-1].End:s.toks[i].Start], "\n")
}

// titleCase reports a sentence around token i where most words are capitalised
// (headlines), where capitals say nothing about names.
func (s *childScan) titleCase(i int) bool {
	a, b := i, i
	for a > 0 && !s.breakBetween(a-1, a) {
		a--
	}
	for b+1 < len(s.toks) && !s.breakBetween(b, b+1) {
		b++
	}
	if b-a < 3 {
		return false
	}
	caps := 0
	for k := a; k <= b; k++ {
		if s.cap(k) {
			caps++
		}
	}
	return caps*10 >= (b-a+1)*7
}

func (s *childScan) span(a, b int) (int, int) { return s.toks[a].Start, s.toks[b-1].End }

func (s *childScan) tokRange(start, end int) (int, int) { return s.doc.TokenRange(start, end) }

func (s *childScan) orig(a, b int) string { return s.doc.Original[a:b] }

// regexHits runs a regular expression on the lower-cased original and returns spans
// of the group (0 for the whole match) with the submatches, umlauts folded ("fünf" → "fuenf").
// The normalised text is not used here: its leet folding turns "3rd" into "erd".
func (s *childScan) regexHits(re *regexp.Regexp, group int) []reHit {
	return s.regexHitsNear(re, group, nil)
}

// regexHitsNear is regexHits, only near child references once they are known; g
// notes what was searched for the overlap checks of its candidates.
func (s *childScan) regexHitsNear(re *regexp.Regexp, group int, g *nearGroup) []reHit {
	var out []reHit
	if !guardOf(re).MayMatchIn(s.lowerHay()) {
		return nil
	}
	for _, loc := range s.findNear(re, s.lower, g) {
		a, b := loc[2*group], loc[2*group+1]
		if a < 0 || a >= b {
			continue
		}
		subs := make([]string, len(loc)/2)
		for k := range subs {
			if loc[2*k] >= 0 {
				subs[k] = foldUmlauts(s.lower[loc[2*k]:loc[2*k+1]])
			}
		}
		out = append(out, reHit{a, b, subs})
	}
	return out
}

// reHit is a match of regexHits: the span of the group asked for and every submatch.
type reHit struct {
	a, b int
	subs []string
}

// findAllOrig is findAllOrig(s.doc, re), run only where a match can begin and, once
// the child references are known, only near them. Its callers are the institutions
// and places, which share one overlap check.
func (s *childScan) findAllOrig(re *regexp.Regexp) [][]int {
	if !guardOf(re).MayMatchIn(s.doc.Folded()) {
		return nil
	}
	return s.findNear(re, s.doc.Original, &s.placeG)
}

var umlautFold = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

func foldUmlauts(s string) string {
	// ä, ö, ü and ß are the only runes replaced, and none of them is ASCII
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return umlautFold.Replace(s)
		}
	}
	return s
}

// lowerSameLen lower-cases s rune by rune, keeping a rune whose lower case has another
// byte length, so that offsets stay those of the original.
func lowerSameLen(s string) string {
	l, _ := lowerSameLenFold(s)
	return l
}

// lowerSameLenFold is lowerSameLen that also reports whether text.Fold turns the
// result into the same string as s: then the guards may use the draft's folded
// haystack, made once for every rule, instead of one of their own.
func lowerSameLenFold(s string) (string, bool) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s, true
	}
	// every rune keeps its width, so the result has the length of s; bytes that
	// stay as they are (invalid ones, runes whose lower case has another width)
	// are already in place
	b := make([]byte, len(s))
	copy(b, s)
	sameFold := true
	for i < len(s) {
		// eight ASCII bytes at a time: a byte gets 0x20 when it is in 'A'..'Z'
		if i+8 <= len(b) {
			if x := binary.LittleEndian.Uint64(b[i:]); x&0x8080808080808080 == 0 {
				up := (x + 0x3f3f3f3f3f3f3f3f) &^ (x + 0x2525252525252525) & 0x8080808080808080
				binary.LittleEndian.PutUint64(b[i:], x|up>>2)
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); r != utf8.RuneError && utf8.RuneLen(l) == w {
			utf8.EncodeRune(b[i:], l)
			if l != r && !sameOrbit(r, l) {
				sameFold = false
			}
		}
		i += w
	}
	// b is never written again, so the string may share its bytes
	return unsafe.String(&b[0], len(b)), sameFold
}

// sameOrbit reports whether l is one of the runes r folds to.
func sameOrbit(r, l rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == l {
			return true
		}
	}
	return false
}

// reU compiles a pattern written with ae/oe/ue so that it also matches ä/ö/ü.
func reU(p string) *regexp.Regexp {
	p = strings.NewReplacer("ae", "(?:ä|ae)", "oe", "(?:ö|oe)", "ue", "(?:ü|ue)").Replace(p)
	return regexp.MustCompile(p)
}

func both(s string) Text { return Text{"de": s, "en": s} }

// --- anchors ---

func (s *childScan) addAnchor(a *childAnchor) {
	for _, o := range s.anchors {
		if a.start < o.end && o.start < a.end {
			return
		}
	}
	s.anchors = append(s.anchors, a)
}

func (s *childScan) findAnchors() {
	for i := range s.toks {
		n := s.toks[i].Norm
		c := s.cls[i]
		// "my daughter's", "our little one’s"
		if m := strings.TrimSuffix(strings.TrimSuffix(n, "'s"), "’s"); m != n {
			n, c = m, classOf(m)
		}
		if s.de {
			if c&ccKinDE != 0 {
				s.kinAnchor(i, kinDE[n], possessiveDE, kinFillersDE, "de")
			} else if c&ccOwnKinDE != 0 {
				info := ownKinDE[n]
				s.addAnchor(&childAnchor{start: s.toks[i].Start, end: s.toks[i].End, tokA: i, tokB: i + 1,
					kin: Text{"de": "unser " + info.de, "en": "our " + info.en}, fem: info.fem})
			} else if info, ok := typoKin(n, typoDE); ok {
				s.kinAnchor(i, info, possessiveDE, kinFillersDE, "de")
			}
		}
		if s.en {
			if c&ccKinEN != 0 {
				s.kinAnchor(i, kinEN[n], possessiveEN, kinFillersEN, "en")
			} else if info, ok := typoKin(n, typoEN); ok {
				s.kinAnchor(i, info, possessiveEN, kinFillersEN, "en")
			}
		}
	}
	// emoji children in a first-person post
	if s.firstP && !s.business {
		for _, e := range childEmoji {
			for _, a := range occurrences(s.doc.Original, e) {
				ti := s.doc.TokenAt(a)
				s.addAnchor(&childAnchor{start: a, end: a + len(e), tokA: ti, tokB: ti, kin: Text{"de": "unser Kind", "en": "our little one"}, neut: true})
			}
		}
	}
	for _, re := range ageAnchorRes {
		for _, h := range s.regexHits(re, 0) {
			a, b := h.a, h.b
			if n := numOf(h.subs[1]); n < 0 || n >= 18 {
				continue
			}
			i, j := s.tokRange(a, b)
			s.addAnchor(&childAnchor{start: a, end: b, tokA: i, tokB: j, kin: Text{"de": "unser Kind", "en": "my child"}, neut: true})
		}
	}
	// a club's youth team speaking of its players: a group of children
	for _, h := range s.regexHits(youthTeamRe, 0) {
		a, b := h.a, h.b
		i, j := s.tokRange(a, b)
		s.addAnchor(&childAnchor{start: a, end: b, tokA: i, tokB: j, kin: Text{"de": "unsere Mannschaft", "en": "our team"}, plu: true, weak: true, group: true})
	}
	for _, re := range parentRes {
		for _, h := range s.regexHits(re, 0) {
			a, b := h.a, h.b
			i, j := s.tokRange(a, b)
			// "Mama von zwei" describes the author; "kills mother of 2" someone else
			if i < len(s.toks) && !s.sentenceStart(i) && !s.firstPersonNear(i, i, 3) && !strings.HasPrefix(s.lower[a:], "#") {
				continue
			}
			s.addAnchor(&childAnchor{start: a, end: b, tokA: i, tokB: j, kin: Text{"de": "unsere Kinder", "en": "my kids"}, plu: true})
		}
	}
	if s.firstP && !s.business {
		var res []*regexp.Regexp
		if s.de {
			res = append(res, settingResDE...)
		}
		if s.en {
			res = append(res, settingResEN...)
		}
		for _, re := range res {
			for _, h := range s.regexHits(re, 0) {
				a, b := h.a, h.b
				i, j := s.tokRange(a, b)
				if !s.parentsNear(i, j, 15) || s.negatedNear(i, 3) || s.lookingBack(a) {
					continue
				}
				s.addAnchor(&childAnchor{start: a, end: b, tokA: i, tokB: j, kin: Text{"de": "unser Kind", "en": "our child"}, neut: true})
			}
		}
	}
}

var lookBackRe = reU(`\b(?:throwback|tbt|damals|frueher|als ich|when i was|back in|vor \d+ jahren|years ago|(?:19[5-9]\d|200\d))\b`)

// lookingBack reports a sentence that remembers the author's own childhood
// ("Throwback to my first day of school in 1992").
func (s *childScan) lookingBack(pos int) bool {
	a, b := s.doc.SentenceStart(pos), s.doc.SentenceEnd(pos)
	return lookBackRe.MatchString(s.lower[a:b])
}

// parentsNear reports "wir", "unser", "we", "our" or a child reference within n tokens of
// [i, j): a family speaking, not someone going back to school themselves.
func (s *childScan) parentsNear(i, j, n int) bool {
	for k := max(0, i-n); k < min(len(s.toks), j+n); k++ {
		switch s.toks[k].Norm {
		case "wir", "unser", "unsere", "unseren", "unserem", "unserer", "uns", "we", "our", "us", "we're":
			return true
		}
	}
	for _, a := range s.anchors {
		if !a.weak && !a.needsChild && a.tokA <= j+n && a.tokB >= i-n {
			return true
		}
	}
	return false
}

// firstPersonNear reports a first-person word within n tokens of [i, j).
func (s *childScan) firstPersonNear(i, j, n int) bool {
	for k := max(0, i-n); k < min(len(s.toks), j+n); k++ {
		switch s.toks[k].Norm {
		case "ich", "wir", "mein", "meine", "meinen", "meinem", "meiner", "unser", "unsere", "unseren", "unserem", "unserer", "uns",
			"i", "we", "my", "our", "i'm", "we're", "us", "me", "mir", "mich":
			return true
		}
	}
	return false
}

// negatedNear reports a negation within n tokens before token i.
func (s *childScan) negatedNear(i, n int) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if s.cls[k]&ccNegator != 0 || s.toks[k].Norm == "keine" || s.toks[k].Norm == "ohne" || s.toks[k].Norm == "without" {
			return true
		}
		if s.breakBetween(k, k+1) {
			break
		}
	}
	return false
}

// typoKin matches a misspelt kinship word one edit away ("Tocher", "daugther"); only
// words of six letters or more, so that short words never collide.
func typoKin(n string, x *typoIndex) (kinInfo, bool) {
	if len(n) < 6 {
		return kinInfo{}, false
	}
	// no word of the bucket is within one letter of n's length: none is one edit away
	if l := len(n); l <= 64 && x.lens[n[0]]&(7<<(l-2)) == 0 {
		return kinInfo{}, false
	}
	for k := x.at[n[0]]; k < x.at[int(n[0])+1]; k++ {
		if w := &x.words[k]; editOne(n, w.w) {
			if classOf(n)&ccTypoStop != 0 {
				return kinInfo{}, false
			}
			return w.info, true
		}
	}
	return kinInfo{}, false
}

// typoIndex is a list of typoWords in a fixed order with, for each first byte, where
// the words that begin with it stand: words[at[c]:at[c+1]].
type typoIndex struct {
	words []typoWord
	at    [257]int
	// lens[c] has bit l-1 set when a word of l bytes begins with c (l <= 64; longer
	// words set every bit, so that they are always tried)
	lens [256]uint64
}

// typoWord is a kinship word that a misspelling may stand for.
type typoWord struct {
	w    string
	info kinInfo
}

// typoDE and typoEN are the kinship words of six letters or more that are neither
// adjectives nor in need of "little", in a fixed order: when a misspelling is one edit
// from two of them, the same one is taken every time.
var typoDE, typoEN = typoWords(kinDE), typoWords(kinEN)

func typoWords(words map[string]kinInfo) *typoIndex {
	x := &typoIndex{}
	for w, info := range words {
		if len(w) >= 6 && !info.adj && !info.needsLittle {
			x.words = append(x.words, typoWord{w, info})
		}
	}
	slices.SortFunc(x.words, func(a, b typoWord) int { return strings.Compare(a.w, b.w) })
	for _, w := range x.words {
		if l := len(w.w); l <= 64 {
			x.lens[w.w[0]] |= 1 << (l - 1)
		} else {
			x.lens[w.w[0]] = ^uint64(0)
		}
	}
	// sorted words that begin with the same byte stand together
	for c := range 257 {
		x.at[c] = len(x.words)
		for k, w := range x.words {
			if int(w.w[0]) >= c {
				x.at[c] = k
				break
			}
		}
	}
	return x
}

// commonNotKin are words one edit away from a kinship word ("little" ~ "littles").
var commonNotKin = set("little", "kinda", "sunday", "nichts", "kindle", "kindly", "kinder", "sonnen", "months")

// editOne reports whether a and b differ by one insertion, deletion, substitution or
// swap of neighbouring letters.
func editOne(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}

var verbAfterAdj = set("ist", "hat", "wird", "war", "kann", "darf", "will", "liebt", "schlaeft", "geht", "und", "spielt", "macht", "hatte",
	"is", "was", "has", "had", "just", "started", "starts", "turned", "turns", "got", "loves", "said", "asked", "who", "will", "can",
	"and", "made", "lost", "learned", "finally", "also", "now", "today", "heute", "jetzt", "endlich", "schon", "auch", "gestern", "yesterday")

// adjNouns are plural nouns after "my oldest" that make it no child ("my oldest friends").
var adjNouns = set("friends", "brothers", "sisters", "cousins", "colleagues", "memories", "photos", "clothes", "shoes", "jeans", "boots",
	"books", "records", "sons", "daughters", "kids", "grandkids", "grandchildren", "nieces", "nephews", "girls", "boys", "pals", "mates", "buddies")

// kinAnchor records a kinship word when a possessive stands before it.
func (s *childScan) kinAnchor(i int, info kinInfo, poss, fillers map[string]bool, lang string) {
	p := -1
	little := false
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if s.breakBetween(k, k+1) {
			break
		}
		n := s.toks[k].Norm
		if poss[n] {
			p = k
			break
		}
		if littleWords[n] {
			little = true
		}
		if !fillers[n] && s.toks[k].Digits == 0 {
			break
		}
	}
	if p < 0 {
		return
	}
	needsChild := info.needsLittle && !little
	if info.needsLittle && !little && lang == "en" && s.toks[p].Norm == "our" && !info.plural {
		needsChild = true
	}
	// "son-in-law"
	if i+2 < len(s.toks) && s.toks[i+1].Norm == "in" && s.toks[i+2].Norm == "law" {
		return
	}
	if info.de == "Baby" || info.de == "Babys" {
		for k := i + 1; k < len(s.toks) && k <= i+8; k++ {
			if metaphorBaby[s.toks[k].Norm] {
				return
			}
		}
		if i+1 < len(s.toks) {
			switch s.toks[i+1].Norm {
			case "daddy", "mama", "momma", "mother", "father", "dad", "mom", "daddys", "mamas":
				return
			}
		}
		// in English "my baby" is as often a partner as a child
		if lang == "en" {
			needsChild = true
		}
	}
	next := i + 1
	if info.adj {
		if next < len(s.toks) && !s.breakBetween(i, next) {
			nn := s.toks[next].Norm
			if _, isKin := kinDE[nn]; isKin {
				return
			}
			if _, isKin := kinEN[nn]; isKin {
				return
			}
			if lang == "de" && s.cap(next) {
				return
			}
			// "my oldest graduates", "my youngest loved": a verb follows, not a noun
			enVerb := lang == "en" && (strings.HasSuffix(nn, "s") || strings.HasSuffix(nn, "ed")) && !adjNouns[nn]
			if _, _, _, paren := s.parenAge(i); !verbAfterAdj[nn] && !(lang == "de" && s.cap(i)) && !paren && !enVerb {
				return
			}
		}
	}
	// a company ("unsere Tochter XY GmbH", "Müller & Söhne")
	if info.de == "Tochter" || info.de == "Söhne" || info.de == "Sohn" {
		for k := i + 1; k < len(s.toks) && k <= i+5; k++ {
			if companyWords[s.toks[k].Norm] {
				return
			}
		}
	}
	a := &childAnchor{start: s.toks[p].Start, end: s.toks[i].End, tokA: p, tokB: i + 1, fem: info.fem, neut: info.neut, plu: info.plural,
		needsChild: needsChild}
	a.kin = both(s.orig(a.start, a.end))
	if info.plural {
		pn := s.toks[p].Norm
		generic := false
		for k := max(0, p-6); k < min(len(s.toks), i+6); k++ {
			if genericVerbsDE[s.toks[k].Norm] || genericVerbsEN[s.toks[k].Norm] {
				generic = true
			}
		}
		if generic {
			a.generic = true
		}
		if strings.HasPrefix(pn, "uns") || pn == "our" {
			a.weak = true
			a.group = s.groupCtx
		}
	}
	s.addAnchor(a)
}

// markAdults drops child references next to grown-up signs: an age of 18 or more,
// an obituary, a wedding.
func (s *childScan) markAdults() {
	for _, a := range s.anchors {
		for k := max(0, a.tokA-30); k < min(len(s.toks), a.tokB+30); k++ {
			if s.cls[k]&ccAdultContext != 0 && !s.paraBreak(s.toks[k].Start, a.start) {
				a.adult = true
			}
		}
	}
	for _, p := range s.details {
		if p.kind == ckAge && p.ageYears >= 0 {
			if best := s.nearest(p, 8); best != nil {
				if p.ageYears >= 18 {
					best.adult = true
				} else {
					best.adult = false
				}
			}
		}
	}
	// a child age anywhere next to the reference wins over a wedding in the same post
	kept := s.details[:0]
	for _, p := range s.details {
		if p.kind == ckAge && p.ageYears >= 18 {
			continue
		}
		kept = append(kept, p)
	}
	s.details = kept
}

// nearest returns the closest child reference within n tokens of p in the same paragraph.
// References are kept sorted by position, so only neighbours are looked at.
func (s *childScan) nearest(p *childPiece, n int) *childAnchor {
	s.sortAnchors()
	k := sort.Search(len(s.anchors), func(i int) bool { return s.anchors[i].tokA >= p.tokB })
	var best *childAnchor
	bestD := n + 1
	consider := func(a *childAnchor) {
		d := 0
		switch {
		case p.tokB <= a.tokA:
			d = a.tokA - p.tokB
		case a.tokB <= p.tokA:
			d = p.tokA - a.tokB
		}
		if d < bestD && !s.paraBreak(min(a.start, p.start), max(a.end, p.end)) {
			best, bestD = a, d
		}
	}
	for i := k; i < len(s.anchors) && s.anchors[i].tokA-p.tokB <= n; i++ {
		consider(s.anchors[i])
	}
	// references are a few words long, so one that starts far before p cannot be near
	for i := k - 1; i >= 0 && p.tokA-s.anchors[i].tokA <= n+maxAnchorLen; i-- {
		consider(s.anchors[i])
	}
	return best
}

// maxAnchorLen bounds the length of a child reference in tokens.
const maxAnchorLen = 12

func (s *childScan) sortAnchors() {
	if s.sorted == len(s.anchors) {
		return
	}
	slices.SortStableFunc(s.anchors, func(a, b *childAnchor) int { return a.tokA - b.tokA })
	s.sorted = len(s.anchors)
}

// --- names ---

var nameStop = set("ich", "du", "er", "sie", "es", "wir", "ihr", "i", "he", "she", "we", "they", "the", "and", "und", "mama", "papa",
	"mom", "dad", "mum", "oma", "opa", "happy", "alles", "gute", "herzlichen", "glueckwunsch", "heute", "today", "endlich", "wow",
	"omg", "lol", "haha", "danke", "thanks", "thank", "love", "liebe", "ja", "nein", "yes", "no", "hallo", "hi", "hey", "bitte", "please",
	"gestern", "morgen", "yesterday", "tomorrow", "sorry", "einschulung", "kita", "schule", "school", "daycare", "kindergarten", "baby",
	"jahre", "years", "the", "this", "that", "what", "wenn", "als", "wie", "weil", "dass", "aber", "doch", "so", "jetzt", "now")

// isName reports whether token i is a child's given name by itself (not ambiguous).
func (s *childScan) isName(i int, afterKin bool) bool {
	if !s.has(i, ccFirstName) || !s.cap(i) || s.toks[i].Mention || s.toks[i].Digits > 0 {
		return false
	}
	t := s.toks[i]
	if t.Upper > 1 && t.Upper == t.Letters {
		return false
	}
	return afterKin || s.cls[i]&ccAmbiguousName == 0
}

// parenNext reports whether a bracket follows token i, at once or after one space:
// parenAge finds nothing otherwise.
func (s *childScan) parenNext(i int) bool {
	rest := s.doc.Original[s.toks[i].End:]
	return strings.HasPrefix(rest, "(") || len(rest) > 1 && rest[1] == '(' && isSpaceByte(rest[0])
}

// parenAge returns the age in "(4)" or "(4 J.)" right after token i, with its byte end.
func (s *childScan) parenAge(i int) (int, int, int, bool) {
	rest := s.doc.Original[s.toks[i].End:]
	// the bracket comes first or after one space; the expression runs on a window as
	// long as its longest match, not on the rest of the draft
	if !strings.HasPrefix(rest, "(") && !(len(rest) > 1 && rest[1] == '(' && isSpaceByte(rest[0])) {
		return 0, 0, 0, false
	}
	m := parenAgeMatch(rest)
	if m == nil {
		return 0, 0, 0, false
	}
	n, err := strconv.Atoi(rest[m[2]:m[3]])
	if err != nil {
		return 0, 0, 0, false
	}
	return n, s.toks[i].End + m[0] + strings.Index(rest[m[0]:m[1]], "("), s.toks[i].End + m[1], true
}

var commaAgeRe = regexp.MustCompile(`^,\s?(\d{1,2})\s?(?:J\.|Jahre|years)?,`)

// commaAgeWindow is more than the longest match of commaAgeRe.
var commaAgeWindow = windowOf(commaAgeRe)

// parenAgeRe is the bracketed age after a name; parenAgeMatch reads it by hand.
var parenAgeRe = reU(`^\s?\((\d{1,2})(?:\s?(?:J\.?|Jahre|y|yrs|years|yo))?\)`)

// isSpaceByte reports the white space of \s.
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func (s *childScan) findNames() {
	claimed := make([]bool, len(s.toks))
	addName := func(i int, a *childAnchor, start int, kinRedact Text) {
		if claimed[i] {
			return
		}
		claimed[i] = true
		end := s.toks[i].End
		p := &childPiece{kind: ckName, start: start, end: end, tokA: s.doc.TokenAt(start), tokB: i + 1, sev: check.Medium,
			name: s.orig(s.toks[i].Start, s.toks[i].End), labelDE: "Name", labelEN: "name"}
		if age, _, pe, ok := s.parenAge(i); ok && age < 18 {
			p.end = pe
		}
		// a surname right after the given name makes a full name
		if j := i + 1; j < len(s.toks) && s.cap(j) && !s.breakBetween(i, j) && s.doc.Original[s.toks[i].End:s.toks[j].Start] == " " &&
			!firstNames[s.toks[j].Norm] && !placeStop[s.toks[j].Norm] && !nameStop[s.toks[j].Norm] && s.toks[j].Letters >= 3 &&
			s.toks[j].Upper == 1 && !s.titleCase(i) && !s.commonNounDE(j) {
			p.end = max(p.end, s.toks[j].End)
			p.tokB = j + 1
			p.sev = check.High
			p.labelDE, p.labelEN = "vollständiger Name", "full name"
			p.noteDE, p.noteEN = "Vor- und Nachname zusammen machen das Kind im Netz auffindbar.", "First and last name together make the child findable online."
		}
		if kinRedact != nil {
			p.red, p.rde, p.ren = true, kinRedact["de"], kinRedact["en"]
		} else {
			de, en := "unser Kind", "our child"
			if a != nil && a.kin != nil && !a.weak {
				de, en = neutralKin(a)
			}
			if s.sentenceStart(s.doc.TokenAt(start)) {
				de, en = upperFirst(de), upperFirst(en)
			}
			p.red, p.rde, p.ren = true, de, en
		}
		s.details = append(s.details, p)
	}
	// "unsere Emma", "our little Emma": a possessive before a given name
	for i := range s.toks {
		if !s.isName(i, true) {
			continue
		}
		p, little := i-1, false
		if p >= 0 && (littleWords[s.toks[p].Norm] || s.toks[p].Norm == "kleine" || s.toks[p].Norm == "kleiner" || s.toks[p].Norm == "kleinen" || s.toks[p].Norm == "suesse") {
			p, little = p-1, true
		}
		if p < 0 || s.breakBetween(p, i) || !(possessiveDE[s.toks[p].Norm] && s.de || possessiveEN[s.toks[p].Norm] && s.en) {
			continue
		}
		poss := s.orig(s.toks[p].Start, s.toks[p].End)
		de, en := poss+" Kleiner", poss+" little one"
		if strings.HasSuffix(s.toks[p].Norm, "e") {
			de = poss + " Kleine"
		}
		if s.toks[p].Norm == "meinem" || s.toks[p].Norm == "unserem" {
			de = poss + " Kleinen"
		}
		a := &childAnchor{start: s.toks[p].Start, end: s.toks[i].End, tokA: p, tokB: i + 1, kin: Text{"de": de, "en": en}, needsChild: !little}
		s.addAnchor(a)
		addName(i, a, s.toks[p].Start, Text{"de": de, "en": en})
	}
	// a name right after a kinship word: "unsere Tochter Emma", "my son, Jack,"
	for _, a := range s.anchors {
		j := a.tokB
		if j >= len(s.toks) || a.tokA == a.tokB || s.breakBetween(a.tokB-1, j) {
			continue
		}
		gap := s.doc.Original[a.end:s.toks[j].Start]
		if strings.TrimSpace(strings.Trim(gap, ",–-")) != "" {
			continue
		}
		ok := s.isName(j, true)
		if !ok && s.cap(j) {
			if _, _, _, paren := s.parenAge(j); paren {
				ok = true
			}
			// English does not capitalise nouns, so a capital after "my son" is a name
			if !s.de && !nameStop[s.toks[j].Norm] && !placeStop[s.toks[j].Norm] && !s.titleCase(j) && s.toks[j].Upper == 1 {
				ok = true
			}
		}
		if ok {
			addName(j, a, a.start, both(s.orig(a.start, a.end)))
			// "unsere Kinder Emma und Ben": one stretch, so the redacted draft keeps "unsere Kinder"
			if k := j + 2; k < len(s.toks) && (s.toks[j+1].Norm == "und" || s.toks[j+1].Norm == "and") && s.isName(k, true) {
				addName(k, a, s.toks[k].Start, nil)
				if n := len(s.details); n >= 2 && s.details[n-1].start == s.toks[k].Start && s.details[n-2].kind == ckName {
					s.details[n-2].end = max(s.details[n-2].end, s.details[n-1].end)
				}
			}
		}
	}
	// "heißt Emma", "named Jack"
	for i := range s.toks {
		n := s.toks[i].Norm
		if n == "heisst" || n == "namens" || n == "named" || n == "called" || (n == "is" && i > 0 && s.toks[i-1].Norm == "name") {
			if j := i + 1; j < len(s.toks) && s.cap(j) && !s.breakBetween(i, j) && !nameStop[s.toks[j].Norm] {
				a := s.nearestAnchor(i, 8)
				if a != nil {
					addName(j, a, s.toks[j].Start, nil)
				}
			}
		}
	}
	// "Emma (4)": a capitalised word with a child's age in brackets is a child reference
	for i := range s.toks {
		if claimed[i] || s.cls[i]&(ccNameStop|ccPlaceStop|ccKinDE|ccKinEN|ccAdultKin) != 0 || !s.parenNext(i) || !s.cap(i) {
			continue
		}
		age, _, _, ok := s.parenAge(i)
		if !ok || age >= 18 || i > 0 && claimed[i-1] {
			continue
		}
		t := s.toks[i]
		a := &childAnchor{start: t.Start, end: t.End, tokA: i, tokB: i + 1, kin: Text{"de": "unser Kind", "en": "our child"}, neut: true,
			needsChild: s.cls[i]&ccFirstName == 0}
		s.addAnchor(a)
		// "Patenkind Mia (2)", "Grandson Leo (6)": keep the kinship word
		if k := i - 1; k >= 0 && !s.breakBetween(k, i) && s.doc.Original[s.toks[k].End:t.Start] == " " {
			if s.cls[k]&(ccKinDE|ccKinEN) != 0 {
				w := s.orig(s.toks[k].Start, s.toks[k].End)
				addName(i, a, s.toks[k].Start, both(w))
				continue
			}
		}
		addName(i, a, t.Start, nil)
	}
	// a given name near a child reference: "Mein Sohn … Ben ist stolz"
	for i := range s.toks {
		if claimed[i] {
			continue
		}
		if !s.isName(i, false) {
			// "Emma's", "Bens": every suffix dropped here ends in s
			norm := s.toks[i].Norm
			if !strings.HasSuffix(norm, "s") || !s.cap(i) {
				continue
			}
			c := classOf(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(norm, "'s"), "’s"), "s"))
			if !(c&ccFirstName != 0 && c&ccAmbiguousName == 0) {
				continue
			}
		}
		if i > 0 && s.cls[i-1]&ccAdultKin != 0 {
			continue
		}
		if i > 1 && s.cls[i-2]&ccAdultKin != 0 && (s.toks[i-1].Norm == "und" || s.toks[i-1].Norm == "and") {
			continue
		}
		// "Charlie Villanueva": a full name on its own is mostly a public figure
		if j := i + 1; j < len(s.toks) && s.cap(j) && !s.breakBetween(i, j) && s.cls[j]&ccFirstName == 0 {
			continue
		}
		if i > 0 && s.cap(i-1) && !s.breakBetween(i-1, i) && !s.sentenceStart(i) {
			continue
		}
		a := s.nearestAnchor(i, 12)
		if a == nil || (a.weak && !a.group) || a.adult || a.generic || a.needsChild {
			continue
		}
		addName(i, a, s.toks[i].Start, nil)
	}
}

// commonNounDE rejects German nouns that follow names in everyday posts.
func (s *childScan) commonNounDE(j int) bool {
	switch s.toks[j].Norm {
	case "geburtstag", "kuchen", "party", "feier", "mama", "papa", "oma", "opa", "kita", "schule", "freunde", "heute", "gestern",
		"birthday", "mom", "dad", "today", "yesterday", "tag", "day", "zeit", "time", "fan", "fans":
		return true
	}
	return false
}

// nearestAnchor returns the closest child reference within n tokens of token i.
func (s *childScan) nearestAnchor(i, n int) *childAnchor {
	p := &childPiece{tokA: i, tokB: i + 1, start: s.toks[i].Start, end: s.toks[i].End}
	return s.nearest(p, n)
}

// neutralKin returns a neutral reference for a child ("unsere Tochter", "my daughter").
func neutralKin(a *childAnchor) (string, string) {
	switch {
	case a.plu:
		return "unsere Kinder", "our kids"
	case a.fem:
		return "unsere Tochter", "our daughter"
	case a.neut:
		return "unser Kind", "our child"
	}
	return "unser Sohn", "our son"
}

func upperFirst(s string) string {
	r, w := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[w:]
}

// --- ages ---

const numWords = `\d{1,2}|eins?|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf|dreizehn|vierzehn|fuenfzehn|sechzehn|siebzehn|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen`

var numValue = map[string]int{"ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8,
	"neun": 9, "zehn": 10, "elf": 11, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3, "vierte": 4, "vierten": 4, "fuenfte": 5, "fuenften": 5,
	"sechste": 6, "sechsten": 6, "siebte": 7, "siebten": 7, "achte": 8, "achten": 8, "neunte": 9, "neunten": 9, "zehnte": 10, "zehnten": 10,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

func numOf(s string) int {
	if v, ok := numValue[s]; ok {
		return v
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return v
}

// agePattern is an age phrase: the number group, the unit (years unless months/weeks)
// and the neutral text that replaces it.
type agePattern struct {
	re     *regexp.Regexp
	spanG  int      // group of the reported span (0: whole match)
	numG   int      // group of the number (0 means 1)
	verb   bool     // "wird heute 5", "is 5": the replacement follows the verb
	need   []string // the pattern runs only when one of these occurs in the lower-cased draft
	lang   string
	months bool
	de, en string // replacement; "" drops to a generic one
}

var agePatterns = []agePattern{
	{re: reU(`\b((?:wird|wurde|ist|bist|wirst|sind|werden) (?:heute |morgen |jetzt |schon |endlich |gerade |bald |nun |ja |naechste woche )*(` + numWords + `)(?: jahre(?: alt)?)?(?: geworden)?)(?:\s*[!.?,)]|\s*$|\s+(?:und|yay|juhu|wow)\b|\s*[^\sa-z0-9])`), lang: "de", spanG: 1, numG: 2, verb: true, need: []string{"wird", "wurde", "ist", "bist", "wirst", "sind", "werden"}},
	{re: reU(`\b(` + numWords + `) ?- ?jaehrige?[rnms]?\b`), lang: "de", de: "kleine", need: []string{"hrig"}},
	{re: reU(`\b(eins|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf)jaehrige?[rnms]?\b`), lang: "de", de: "kleine", need: []string{"hrig"}},
	{re: reU(`\b(` + numWords + `) jahre? alt\b`), lang: "de", de: "schon groß", need: []string{"alt"}},
	{re: reU(`\b(` + numWords + `) (?:monate?|wochen) alt\b`), lang: "de", months: true, de: "noch klein", need: []string{"alt"}},
	{re: reU(`\bmit (` + numWords + `) jahren\b`), lang: "de", de: "schon früh", need: []string{"jahren"}},
	{re: reU(`\b(\d{1,2})\. ?geburtstag\b`), lang: "de", de: "Geburtstag", need: []string{"geburtstag"}},
	{re: reU(`\b(erste|ersten|zweite|zweiten|dritte|dritten|vierte|vierten|fuenfte|fuenften|sechste|sechsten|siebte|siebten|achte|achten|neunte|neunten|zehnte|zehnten)n? geburtstag\b`), lang: "de", de: "Geburtstag", need: []string{"geburtstag"}},
	{re: reU(`\b(` + numWords + `)[- ]years?[- ]olds?\b`), lang: "en", en: "child", need: []string{"old"}},
	{re: reU(`\b(` + numWords + `)[- ](?:months?|weeks?)[- ]olds?\b`), lang: "en", months: true, en: "growing", need: []string{"old"}},
	{re: reU(`\bturns? (` + numWords + `)\b`), lang: "en", en: "has a birthday", need: []string{"turn"}},
	{re: reU(`\bturned (` + numWords + `)\b`), lang: "en", en: "had a birthday", need: []string{"turn"}},
	{re: reU(`\bturning (` + numWords + `)\b`), lang: "en", en: "is having a birthday", need: []string{"turn"}},
	{re: reU(`\b((?:is|was|are) (?:now |just |already |finally |officially )?(` + numWords + `)(?: today| now| years old| already)?)(?:\s*[!.?,)]|\s*$|\s+(?:and|today|now|already)\b|\s*[^\sa-z0-9])`), lang: "en", spanG: 1, numG: 2, verb: true, need: []string{"is ", "was ", "are "}},
	{re: reU(`\b(\d{1,2})(?:st|nd|rd|th) birthday\b`), lang: "en", en: "birthday", need: []string{"birthday"}},
	{re: reU(`\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) birthday\b`), lang: "en", en: "birthday", need: []string{"birthday"}},
	{re: reU(`\baged? (` + numWords + `)\b`), lang: "en", en: "young", need: []string{"age"}},
	{re: reU(`\b(\d{1,2}) ?(?:yo|y/o|yrs? old)\b`), lang: "en", en: "child", need: []string{"yo", "y/o", "yr"}},
}

// ageNeeds are the strings of every agePattern's need, each once: patterns share
// them, and a draft is searched for each at most once.
var ageNeeds = newAgeNeeds()

type ageNeedIndex struct {
	strs   []string
	guards []*text.Guard // say when a string cannot be in the draft without a search
	of     [][]int       // indexes into strs for each pattern
}

func newAgeNeeds() ageNeedIndex {
	var x ageNeedIndex
	at := map[string]int{}
	for _, ap := range agePatterns {
		var ids []int
		for _, n := range ap.need {
			k, ok := at[n]
			if !ok {
				k = len(x.strs)
				at[n] = k
				x.strs = append(x.strs, n)
				x.guards = append(x.guards, text.NewGuard(regexp.MustCompile(regexp.QuoteMeta(n))))
			}
			ids = append(ids, k)
		}
		x.of = append(x.of, ids)
	}
	return x
}

// ageNeedsMet reports whether s.lower holds one of agePatterns[k].need (or the list
// is empty), looking for each string once per draft.
func (s *childScan) ageNeedsMet(k int, seen, found []bool) bool {
	ids := ageNeeds.of[k]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			found[id] = ageNeeds.guards[id].MayMatchIn(s.lowerHay()) && strings.Contains(s.lower, ageNeeds.strs[id])
		}
		if found[id] {
			return true
		}
	}
	return len(ids) == 0
}

func (s *childScan) findAges() {
	seen, found := make([]bool, len(ageNeeds.strs)), make([]bool, len(ageNeeds.strs))
	for k, ap := range agePatterns {
		if (ap.lang == "de" && !s.de) || (ap.lang == "en" && !s.en) || !s.ageNeedsMet(k, seen, found) {
			continue
		}
		for _, h := range s.regexHitsNear(ap.re, ap.spanG, &s.ageG) {
			a, b := h.a, h.b
			subs := h.subs
			ng := ap.numG
			if ng == 0 {
				ng = 1
			}
			n := numOf(subs[ng])
			if n < 0 {
				continue
			}
			b = trimRightPunct(s.doc.Original, a, b)
			if a >= b {
				continue
			}
			years := n
			if ap.months {
				years = n / 12
			}
			i, j := s.tokRange(a, b)
			rde, ren := ap.de, ap.en
			if ap.verb {
				rde, ren = verbAgeReplacement(subs[ap.spanG])
			}
			if strings.Contains(ap.re.String(), "hrig") {
				// "unsere 6-Jährige" (a noun) or "6-jährige Tochter" (an adjective)
				rest := strings.TrimLeft(s.doc.Original[b:], " ")
				r, _ := utf8.DecodeRuneInString(rest)
				if unicode.IsUpper(r) {
					rde = "kleine"
				} else {
					rde = "Kleine"
				}
			}
			if rde == "" {
				rde = "[Alter]"
			}
			if ren == "" {
				ren = "[age]"
			}
			s.details = append(s.details, &childPiece{kind: ckAge, start: a, end: b, tokA: i, tokB: j, sev: check.Medium, ageYears: years,
				labelDE: "Alter", labelEN: "age", red: true, rde: rde, ren: ren})
		}
	}
	// "Sophie, 9, hat …"
	for i := range s.toks {
		if s.cls[i]&ccFirstName == 0 || !s.cap(i) {
			continue
		}
		rest := s.doc.Original[s.toks[i].End:]
		if !strings.HasPrefix(rest, ",") {
			continue
		}
		m := commaAgeRe.FindStringSubmatchIndex(rest[:min(len(rest), commaAgeWindow)])
		if m == nil {
			continue
		}
		age, _ := strconv.Atoi(s.doc.Original[s.toks[i].End+m[2] : s.toks[i].End+m[3]])
		a, b := s.toks[i].End, s.toks[i].End+m[3]
		_, tj := s.tokRange(a, b)
		// the span starts at the name, so that the name's redaction covers ", 9" too
		s.details = append(s.details, &childPiece{kind: ckAge, start: s.toks[i].Start, end: b, tokA: i, tokB: tj, sev: check.Medium, ageYears: age,
			labelDE: "Alter", labelEN: "age", red: true, rde: "unser Kind", ren: "our child"})
	}
	if s.near != nil {
		for _, p := range s.details {
			if p.kind == ckAge {
				s.ageG.note(p.start, p.end)
			}
		}
	}
	s.dedupeAges()
	// "Emma (4)", "unser Sohn (7)": the bracket goes together with the word before it,
	// so that the redacted draft keeps a neutral word there
	for i := range s.toks {
		age, _, pe, ok := s.parenAge(i)
		if !ok {
			continue
		}
		kin := s.cls[i]&(ccKinDE|ccKinEN) != 0
		if !s.cap(i) && !kin {
			continue
		}
		word := s.orig(s.toks[i].Start, s.toks[i].End)
		de, en := word, word
		if k := i - 1; !kin && k >= 0 && s.doc.Original[s.toks[k].End:s.toks[i].Start] == " " {
			if s.cls[k]&(ccKinDE|ccKinEN) != 0 {
				w := s.orig(s.toks[k].Start, s.toks[k].End)
				s.details = append(s.details, &childPiece{kind: ckAge, start: s.toks[k].Start, end: pe, tokA: k, tokB: s.doc.TokenAt(pe-1) + 1,
					sev: check.Medium, ageYears: age, labelDE: "Alter", labelEN: "age", red: true, rde: w, ren: w})
				continue
			}
		}
		if !kin {
			de, en = "unser Kind", "our child"
			if s.sentenceStart(i) {
				de, en = "Unser Kind", "Our child"
			}
		}
		s.details = append(s.details, &childPiece{kind: ckAge, start: s.toks[i].Start, end: pe, tokA: i, tokB: s.doc.TokenAt(pe-1) + 1,
			sev: check.Medium, ageYears: age, labelDE: "Alter", labelEN: "age", red: true, rde: de, ren: en})
	}
}

// dedupeAges keeps the longest of overlapping age phrases ("ist 7 Jahre alt" over "7 Jahre alt").
func (s *childScan) dedupeAges() {
	kept := s.details[:0]
	for _, p := range s.details {
		drop := false
		for _, q := range s.details {
			if p != q && p.kind == ckAge && q.kind == ckAge && p.start < q.end && q.start < p.end &&
				(q.end-q.start > p.end-p.start || q.end-q.start == p.end-p.start && q.start < p.start) {
				drop = true
			}
		}
		if !drop {
			kept = append(kept, p)
		}
	}
	s.details = kept
}

// verbAgeReplacement rewrites "wird heute 5" as "hat heute Geburtstag" and "ist 7 Jahre
// alt" as "ist schon groß", keeping the verb's person and tense.
func verbAgeReplacement(m string) (string, string) {
	f := strings.Fields(m)
	heute := strings.Contains(m, "heute")
	morgen := strings.Contains(m, "morgen")
	when := ""
	switch {
	case heute:
		when = "heute "
	case morgen:
		when = "morgen "
	}
	switch f[0] {
	case "wird":
		return "hat " + when + "Geburtstag", "is growing up"
	case "werden":
		return "haben " + when + "Geburtstag", "are growing up"
	case "wirst":
		return "hast " + when + "Geburtstag", "are growing up"
	case "wurde":
		return "hatte " + when + "Geburtstag", "is growing up"
	case "sind":
		if strings.HasSuffix(m, "geworden") {
			return "hatten " + when + "Geburtstag", "are growing up"
		}
		return "sind schon groß", "are growing up"
	case "are":
		return "sind schon groß", "are growing up"
	case "was":
		return "ist schon groß", "was little"
	}
	if strings.HasSuffix(m, "geworden") {
		return "hatte " + when + "Geburtstag", "is growing up"
	}
	return "ist schon groß", "is growing up"
}

// trimRightPunct drops trailing punctuation and spaces from [a, b).
func trimRightPunct(s string, a, b int) int {
	for b > a {
		r, w := utf8.DecodeLastRuneInString(s[a:b])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ')' && strings.Contains(s[a:b], "(") {
			break
		}
		b -= w
	}
	return b
}

// --- birth ---

const dateRe = `(\d{1,2}\.\s?\d{1,2}\.(?:\s?(\d{2,4}))?|\d{1,2}\.\s?(?:januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)(?:\s(\d{4}))?|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s(\d{4}))?|\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:,?\s(\d{4}))?|\d{1,2}/\d{1,2}/(\d{2,4}))`

var (
	birthRes = []*regexp.Regexp{
		reU(`\b(?:geboren|geb\.|kam|erblickte|geburtstermin|geburtstag ist)\b[^.!?\n]{0,30}?((?:am |den )?` + dateRe + `)`),
		reU(`\b(?:born|arrived|birthday is|birthday on|due date)\b[^.!?\n]{0,25}?((?:on |the )?` + dateRe + `)`),
		reU(`((?:am |den )?` + dateRe + `)\s(?:geboren|zur welt gekommen|auf die welt gekommen)\b`),
		reU(`\b(\d{3,4}) ?(?:g|gramm|grams)\b[^.!?\n]{0,12}?\b\d{2}(?:[.,]\d)? ?cm\b`),
		reU(`\b\d{1,2} ?(?:lbs?|pounds?) ?\d{1,2} ?(?:oz|ounces?)\b`),
	}
	birthSelf = reU(`\b(?:ich bin|i was|bin ich)\b`)
)

func (s *childScan) findBirth() {
	maxAdultYear := time.Now().Year() - 18
	for k, re := range birthRes {
		group := 1
		if k >= 3 {
			group = 0
		}
		for _, h := range s.regexHits(re, group) {
			a, b := h.a, h.b
			subs := h.subs
			year := -1
			for _, y := range subs[min(2, len(subs)):] {
				if v, err := strconv.Atoi(y); err == nil {
					year = v
					if year < 100 {
						year += 2000
					}
				}
			}
			i, j := s.tokRange(a, b)
			si := s.doc.SentenceStart(a)
			if birthSelf.MatchString(s.lower[si:a]) {
				continue
			}
			if year > 0 && year <= maxAdultYear {
				continue
			}
			rde, ren := "kürzlich", "recently"
			if k >= 3 { // weight and length
				rde, ren = "gesund", "healthy"
			}
			s.details = append(s.details, &childPiece{kind: ckBirth, start: a, end: b, tokA: i, tokB: j, sev: check.Medium,
				labelDE: "Geburtsdatum", labelEN: "date of birth", red: true, rde: rde, ren: ren})
		}
	}
}

// --- institutions ---

var (
	instHeadDE = map[string]string{"kita": "Kita", "kindertagesstaette": "Kita", "kindergarten": "Kita", "krippe": "Kita", "kinderkrippe": "Kita",
		"hort": "Kita", "kinderhaus": "Kita", "kinderladen": "Kita", "waldkindergarten": "Kita", "grundschule": "Schule", "schule": "Schule",
		"gymnasium": "Schule", "realschule": "Schule", "gesamtschule": "Schule", "hauptschule": "Schule", "oberschule": "Schule",
		"mittelschule": "Schule", "gemeinschaftsschule": "Schule", "montessorischule": "Schule", "waldorfschule": "Schule", "volksschule": "Schule"}
	instNameStop = set("eingewoehnung", "streik", "gebuehren", "platz", "plaetze", "beitraege", "alltag", "start", "jahr", "ferien", "zeit", "tag",
		"fest", "gruppe", "leitung", "kinder", "eltern", "app", "essen", "heute", "morgen", "gestern", "abholen", "schluss", "aus", "beginn",
		"anfang", "ende", "und", "oder")
	clubRe       = reU(`\b(?:[A-G]-(?:Jugend|Junioren|Juniorinnen|Jgd\.)|U ?\d{1,2})(?:\s(?:des|beim|vom|im|der|von|bei|of|for|at)\s(?:[A-ZÄÖÜ][\wÄÖÜäöüß.-]*|\d{2,4})(?:\s(?:[A-ZÄÖÜ][\wäöüß-]+|\d{2,4})){0,2})?`)
	venueRe      = regexp.MustCompile(`\b((?:[A-Z][a-z]+ ){1,3}(?:Ballet|Dance|Swim|Music|Karate|Judo|Gymnastics|Riding|Art)(?: Studio| School| Academy| Club| Center| Centre)|(?:Ballett|Tanz|Musik|Schwimm|Turn|Karate|Judo|Reit|Mal)(?:studio|schule|verein|akademie)\s[A-ZÄÖÜ][\wäöüß]+)`)
	teamBeforeU  = regexp.MustCompile(`\b(?:the )?((?:[A-Z][a-z]+ ){1,3})U ?\d{1,2}\b`)
	clubAbbr     = reU(`\b(?:TSV|TuS|TSG|FC|SV|SC|VfB|VfL|SpVgg|JSG|SG|DJK|TV|TC|SSV|ESV|FSV|BSC|MTV|TTC|RSV|ASV|SpFr|JFG|TuRa|Turnverein|Sportverein|Fußballverein)(?:\s\d{2,4})?(?:\s[A-ZÄÖÜ][\wäöüß-]+){1,2}`)
	schoolEN     = reU(`\b((?:(?:St\.|[A-Z][a-z'’]+)\s){1,3})(Elementary|Primary|Middle School|High School|Junior High|Preschool|Pre-School|Nursery|Daycare|Day Care|Kindergarten|Montessori|Academy|Childcare|Child Care|Learning Center|Little League|Infant School|Junior School|Prep)(\s(?:School|Center|Centre))?\b`)
	hyphenSchool = reU(`\b((?:[A-ZÄÖÜ][\wäöüß]+-){1,3})(Grundschule|Schule|Gymnasium|Realschule|Gesamtschule|Kita|Kindergarten|Oberschule|Mittelschule)\b`)
)

var schoolENStop = set("my", "our", "the", "this", "his", "her", "their", "a", "an", "at", "first", "last", "next", "new", "back", "public",
	"private", "local", "every", "summer", "sunday", "high", "middle", "junior", "senior", "elementary", "primary", "to", "from", "and", "in", "of")

func (s *childScan) addInst(a, b int, de, en string) {
	s.addInstAs(a, b, de, en, "", "")
}

// addInstAs records an institution; rde and ren, when set, replace it in a redacted draft.
func (s *childScan) addInstAs(a, b int, de, en, rde0, ren0 string) {
	if s.near != nil {
		s.placeG.note(a, b)
	}
	i, j := s.tokRange(a, b)
	for _, p := range s.details {
		if p.kind == ckInstitution && a < p.end && p.start < b {
			return
		}
	}
	rde, ren := de, en
	switch de {
	case "Kita":
		ren = "daycare"
	case "Schule":
		ren = "school"
	case "Verein":
		ren = "the club"
		rde = "Verein"
	}
	if rde0 != "" {
		rde, ren = rde0, ren0
	}
	s.details = append(s.details, &childPiece{kind: ckInstitution, start: a, end: b, tokA: i, tokB: j, sev: check.Medium,
		labelDE: de, labelEN: en, red: true, rde: rde, ren: ren})
}

func (s *childScan) findInstitutions() {
	o := s.doc.Original
	if s.de {
		for i := range s.toks {
			if s.cls[i]&ccInstHeadDE == 0 {
				continue
			}
			label := instHeadDE[s.toks[i].Norm]
			j := i + 1
			if j >= len(s.toks) || s.breakBetween(i, j) {
				continue
			}
			gap := o[s.toks[i].End:s.toks[j].Start]
			end := -1
			switch n := s.toks[j].Norm; {
			case n == "am" || n == "im" || n == "an" || n == "st" || n == "sankt" || n == "zum" || n == "zur" || n == "in":
				k := j + 1
				if k < len(s.toks) && (s.toks[k].Norm == "der" || s.toks[k].Norm == "dem") {
					k++
				}
				if k < len(s.toks) && s.cap(k) && !placeStop[s.toks[k].Norm] {
					end = s.toks[k].End
					if k+1 < len(s.toks) && s.cap(k+1) && strings.TrimSpace(o[s.toks[k].End:s.toks[k+1].Start]) == "" {
						end = s.toks[k+1].End
					}
				}
			case strings.ContainsAny(gap, "„\"“»"):
				end = s.toks[j].End
				if q := strings.IndexAny(o[end:], "“\"”«"); q >= 0 && q < 40 {
					end += q + len(string([]rune(o[end+q:])[0]))
				}
			case strings.TrimSpace(gap) == "" && s.cap(j) && !instNameStop[n] && !placeStop[n] && !nameStop[n] && s.toks[j].Letters >= 3:
				end = s.toks[j].End
			}
			if end > 0 {
				en := map[string]string{"Kita": "daycare", "Schule": "school"}[label]
				s.addInstAs(s.toks[i].Start, end, label, en, s.orig(s.toks[i].Start, s.toks[i].End), en)
			}
		}
		for _, m := range s.findAllOrig(hyphenSchool) {
			head := strings.ToLower(o[m[4]:m[5]])
			label, en := "Schule", "school"
			if strings.Contains(head, "kita") || strings.Contains(head, "kindergarten") {
				label, en = "Kita", "daycare"
			}
			s.addInstAs(m[0], m[1], label, en, o[m[4]:m[5]], en)
		}
	}
	for _, m := range s.findAllOrig(clubRe) {
		// "U9" or "F-Jugend" alone is an age group; it needs a club or team name after it
		if !strings.Contains(o[m[0]:m[1]], " ") {
			continue
		}
		team := o[m[0]:m[1]]
		team = team[:strings.IndexByte(team, ' ')]
		s.addInstAs(m[0], m[1], "Verein", "club", team, team)
		if n := len(s.details); n > 0 && s.details[n-1].start == m[0] {
			s.details[n-1].youth = true
		}
	}
	for _, m := range s.findAllOrig(teamBeforeU) {
		words := strings.Fields(o[m[2]:m[3]])
		if schoolENStop[strings.ToLower(words[0])] {
			continue
		}
		s.addInstAs(m[2], m[1], "Verein", "club", "Team", "team")
		if n := len(s.details); n > 0 && s.details[n-1].start == m[2] {
			s.details[n-1].youth = true
		}
	}
	if s.de {
		for _, m := range s.findAllOrig(clubAbbr) {
			s.addInst(m[0], m[1], "Verein", "club")
		}
	}
	for _, m := range s.findAllOrig(venueRe) {
		a, b := m[2], m[3]
		words := strings.Fields(o[a:b])
		if schoolENStop[strings.ToLower(words[0])] {
			continue
		}
		s.addInstAs(a, b, "Verein", "club", "Studio", "the studio")
		if n := len(s.details); n > 0 && s.details[n-1].start == a {
			s.details[n-1].youth = true
		}
	}
	if s.en {
		for _, m := range s.findAllOrig(schoolEN) {
			words := strings.Fields(o[m[2]:m[3]])
			ok := true
			for _, w := range words {
				if schoolENStop[strings.ToLower(strings.TrimSuffix(w, "."))] && w != "St." {
					ok = false
				}
			}
			if !ok {
				continue
			}
			head := strings.ToLower(o[m[4]:m[5]])
			de, en := "Schule", "school"
			switch {
			case strings.Contains(head, "daycare") || strings.Contains(head, "day care") || strings.Contains(head, "nursery") ||
				strings.Contains(head, "preschool") || strings.Contains(head, "pre-school") || strings.Contains(head, "child") ||
				strings.Contains(head, "kindergarten") || strings.Contains(head, "montessori") || strings.Contains(head, "learning"):
				de, en = "Kita", "daycare"
			case strings.Contains(head, "league"):
				de, en = "Verein", "club"
			}
			s.addInst(m[0], m[1], de, en)
		}
	}
}

// --- places ---

var (
	streetDE    = reU(`\b(?:(?:in|an|auf|aus|zur|von) der |die |der )?([A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|allee|gasse|ring|damm|ufer|chaussee)(?:\s\d{1,3}[a-z]?)?)`)
	spotDE      = reU(`\b(Spielplatz|Schwimmbad|Freibad|Hallenbad|Park|Bolzplatz|Turnhalle|Bücherei|Bibliothek|Skatepark|Waldspielplatz)\s(?:am|an der|im|in der|hinter der|beim|bei der|vor der|auf der)\s[A-ZÄÖÜ][\wäöüß-]+`)
	namedSpotDE = regexp.MustCompile(`\b(Spielplatz|Schwimmbad|Freibad|Hallenbad|Waldbad|Skatepark|Bolzplatz)\s([A-ZÄÖÜ][\wäöüß-]+)`)
	namedSpotEN = regexp.MustCompile(`\bthe ([A-Z][a-z]+) (pool|playground|park|library|rec center|skatepark)\b`)
	streetEN    = reU(`\b(?:on|at|near|off|down|by)\s((?:[A-Z][a-z]+\s){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Crescent|Close|Park|Playground|Pool|Library|Field|Fields|Rec Center|Plaza|Mall))\b`)
	townDE      = reU(`\b(?:in|aus|bei|nahe|nach)\s([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)`)
	townEN      = reU(`\b(?:in|from|near|at)\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)`)
	townSuf     = reU(`(?:dorf|heim|hausen|burg|berg|stadt|feld|bach|ingen|hofen|kirchen|rode|born|furt|hagen|stedt|beck|lingen|see|tal|witz|ow|brück|bruck|mund|lar|lohe|wald)$`)
	cityDE      = set("berlin", "hamburg", "muenchen", "koeln", "frankfurt", "stuttgart", "duesseldorf", "leipzig", "dortmund", "essen", "bremen",
		"dresden", "hannover", "nuernberg", "duisburg", "bochum", "wuppertal", "bielefeld", "bonn", "muenster", "mannheim", "karlsruhe",
		"augsburg", "wiesbaden", "kiel", "mainz", "freiburg", "rostock", "kassel", "potsdam", "erfurt", "luebeck", "regensburg", "wien",
		"graz", "linz", "salzburg", "zuerich", "bern", "basel", "ulm", "jena", "trier", "passau", "koblenz", "aachen", "heidelberg", "darmstadt")
)

var streetGeneric = set("spielplatz", "heimweg", "schulweg", "rueckweg", "hinweg", "ausweg", "umweg", "radweg", "fussweg", "gehweg", "waldweg",
	"feldweg", "wanderweg", "spazierweg", "lebensweg", "weg", "heimweg", "kitaweg", "nachhauseweg", "zebrastreifen", "ring", "damm", "ufer",
	"strasse", "allee", "gasse", "seeufer", "flussufer", "rheinufer", "deich", "boxring", "eisring")

func (s *childScan) addPlace(a, b int, sev check.Severity, de, en string) {
	if s.near != nil {
		s.placeG.note(a, b)
	}
	for _, p := range s.details {
		if (p.kind == ckPlace || p.kind == ckInstitution) && a < p.end && p.start < b {
			return
		}
	}
	i, j := s.tokRange(a, b)
	s.details = append(s.details, &childPiece{kind: ckPlace, start: a, end: b, tokA: i, tokB: j, sev: sev, labelDE: "Ort", labelEN: "place",
		red: true, rde: de, ren: en})
}

func (s *childScan) findPlaces() {
	o := s.doc.Original
	if s.de {
		for _, m := range s.findAllOrig(spotDE) {
			s.addPlace(m[0], m[1], check.Medium, o[m[2]:m[3]], "the "+strings.ToLower(o[m[2]:m[3]]))
		}
		// "Freibad Westend", "Spielplatz Lindenhof"
		for _, m := range s.findAllOrig(namedSpotDE) {
			if w := strings.ToLower(foldUmlauts(o[m[4]:m[5]])); placeStop[w] || instNameStop[w] || nameStop[w] {
				continue
			}
			s.addPlace(m[0], m[1], check.Medium, o[m[2]:m[3]], "the "+strings.ToLower(o[m[2]:m[3]]))
		}
		for _, m := range s.findAllOrig(streetDE) {
			w := o[m[2]:m[3]]
			n := text.Prepare(w).Tokens
			if len(n) == 0 || streetGeneric[n[0].Norm] || (len(n) == 1 && m[0] == m[2] && !strings.Contains(w, "-")) {
				continue
			}
			s.addPlace(m[0], m[1], check.Medium, "in der Nähe", "nearby")
		}
		for _, m := range s.findAllOrig(townDE) {
			w := o[m[2]:m[3]]
			tn := text.Prepare(w).Tokens
			if len(tn) == 0 || placeStop[tn[0].Norm] || nameStop[tn[0].Norm] || firstNames[tn[0].Norm] || instHeadDE[tn[0].Norm] != "" {
				continue
			}
			if !cityDE[tn[0].Norm] && !townSuf.MatchString(tn[len(tn)-1].Norm) {
				continue
			}
			prep := strings.ToLower(strings.Fields(o[m[0]:m[1]])[0])
			rep := "hier in der Gegend"
			if prep == "aus" {
				rep = "aus der Gegend"
			}
			s.addPlace(m[0], m[1], check.Low, rep, "around here")
		}
	}
	if s.en {
		for _, m := range s.findAllOrig(streetEN) {
			s.addPlace(m[0], m[1], check.Medium, "in der Nähe", "nearby")
		}
		// "the Westend pool"
		for _, m := range s.findAllOrig(namedSpotEN) {
			if placeStop[strings.ToLower(o[m[2]:m[3]])] {
				continue
			}
			s.addPlace(m[0], m[1], check.Medium, "in der Nähe", "the local "+o[m[4]:m[5]])
		}
		for _, m := range s.findAllOrig(townEN) {
			w := o[m[2]:m[3]]
			first := strings.ToLower(strings.Fields(w)[0])
			if placeStop[first] || nameStop[first] || firstNames[first] || s.de && instHeadDE[first] != "" {
				continue
			}
			i := s.doc.TokenAt(m[2])
			if s.sentenceStart(i) || s.titleCase(i) {
				continue
			}
			if rest := o[m[3]:]; len(rest) > 1 && rest[0] == ' ' && unicode.IsUpper(rune(rest[1])) {
				continue // part of a longer name ("at Pirouette Ballet Studio")
			}
			if _, k := kinEN[first]; k {
				continue
			}
			// an English capital mid-sentence is a proper noun; a German one may be any noun
			if s.de && !cityDE[first] && !townSuf.MatchString(first) {
				continue
			}
			prep := strings.ToLower(strings.Fields(o[m[0]:m[1]])[0])
			rep := "around here"
			if prep == "from" {
				rep = "from around here"
			}
			s.addPlace(m[0], m[1], check.Low, "hier in der Gegend", rep)
		}
	}
}

// --- routines ---

var (
	timeRe    = reU(`\b(?:um|ab|gegen|at|by|around) (\d{1,2})(?:[:.](\d{2}))? ?(?:uhr|am|pm|o'?clock)\b|\b(?:um|at|gegen|around) (\d{1,2})[:.](\d{2})\b`)
	routineRe = reU(`\b(?:jede[nmr]? (?:tag|morgen|mittag|nachmittag|abend|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|woche)|taeglich|immer (?:montags|dienstags|mittwochs|donnerstags|freitags|morgens|mittags|nachmittags|um)|montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags|every (?:day|morning|afternoon|evening|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)|daily|on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)|each (?:morning|afternoon|day))\b`)
	routeRe   = reU(`\b(?:abholen|abgeholt|(?:hole|holt|holen|holst)\b[^.!?\n]{0,40}\bab|(?:bringe|bringt|bringen)\b[^.!?\n]{0,30}\b(?:zur|zum|in die|in den)|schulweg|heimweg|nach hause|zur schule|zur kita|in die kita|in den kindergarten|zum kindergarten|zum training|bushaltestelle|haltestelle|schulbus|pick(?:s|ed|ing)? (?:him|her|them|\w+) up|pick ?ups?|drop(?:s|ped)? (?:him|her|them) off|drop-?off|walks? (?:home|to school)|bikes? (?:home|to school)|rides? (?:his|her) bike|bus stop|school bus|walk(?:s|ing)? home|way home|way to school|zur \w*schule|zum gymnasium|mit der linie \d+|mit dem (?:bus|schulbus|rad|fahrrad)|mit der (?:u-|s-)?bahn|mit der tram|takes? the (?:number \d+ |\d+ )?(?:bus|train|subway|tram)|by bus|to (?:\w+ )?(?:elementary|middle school|high school|school))\b`)
	aloneRe   = reU(`\b(?:allein|alleine|alone|by (?:him|her)self|on (?:his|her) own|ohne begleitung)\b`)
)

// routineExprs are the time, routine, route and alone expressions, in routineMay's order.
var routineExprs = [4]*regexp.Regexp{timeRe, routineRe, routeRe, aloneRe}

func (s *childScan) findRoutines() {
	// whether each expression may match anywhere in the draft, asked once per draft
	for k, re := range routineExprs {
		s.routineMay[k] = guardOf(re).MayMatchIn(s.lowerHay())
	}
	tm, rt, route, alone := s.routineMay[0], s.routineMay[1], s.routineMay[2], s.routineMay[3]
	if !(rt && tm || tm && route || rt && route || alone && route) {
		return // no sentence can hold a routine
	}
	norm := s.lower
	// sentence by sentence
	start := 0
	for start < len(norm) {
		end := strings.IndexAny(norm[start:], ".!?\n")
		if end < 0 {
			end = len(norm)
		} else {
			end += start
		}
		// "15.30 Uhr" has a dot inside: keep going when digits surround it
		for end < len(norm) && norm[end] == '.' && end > 0 && end+1 < len(norm) && isDigit(norm[end-1]) && isDigit(norm[end+1]) {
			nx := strings.IndexAny(norm[end+1:], ".!?\n")
			if nx < 0 {
				end = len(norm)
			} else {
				end += 1 + nx
			}
		}
		// a routine lies inside its sentence: one that no stretch near a child
		// reference touches is far from all of them
		if s.near == nil || touchesAny(s.near, start, end) {
			s.routineIn(start, end)
		}
		start = end + 1
	}
}

var hourRe = regexp.MustCompile(`(\d{1,2})(?:[:.]\d{2})? ?(am|pm)?`)

// partOfDay turns "um 15 Uhr" into "nachmittags" and "at 3pm" into "in the afternoon".
func partOfDay(m string) (string, string) {
	g := hourRe.FindStringSubmatch(m)
	if g == nil {
		return "regelmäßig", "regularly"
	}
	h, _ := strconv.Atoi(g[1])
	if g[2] == "pm" && h < 12 || g[2] == "" && h >= 1 && h <= 6 && !strings.Contains(m, "uhr") {
		h += 12
	}
	switch {
	case h < 11:
		return "morgens", "in the morning"
	case h < 14:
		return "mittags", "at midday"
	case h < 18:
		return "nachmittags", "in the afternoon"
	}
	return "abends", "in the evening"
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (s *childScan) routineIn(a, b int) {
	sent := s.lower[a:b]
	find := func(k int) []int {
		if !s.routineMay[k] {
			return nil
		}
		if l := startOf(routineExprs[k]).findIndex(sent); l != nil {
			return []int{a + l[0], a + l[1]}
		}
		return nil
	}
	tm, rt, alone := find(0), find(1), find(3)
	if tm == nil && rt == nil && alone == nil {
		return // a route alone is no routine; its expression is the costliest
	}
	route := find(2)
	// the time and the routine are what a stranger needs; the route verb stays in a
	// redacted draft ("Ich hole sie regelmäßig ab")
	var parts [][]int
	sev := check.Medium
	switch {
	case rt != nil && tm != nil:
		parts = [][]int{rt, tm}
	case tm != nil && route != nil:
		parts = [][]int{tm}
	case rt != nil && route != nil:
		parts = [][]int{rt}
	case alone != nil && route != nil:
		parts = [][]int{alone}
	default:
		return
	}
	if alone != nil && route != nil && (tm != nil || rt != nil) {
		sev = check.High
	}
	lo, hi := parts[0][0], parts[0][1]
	for _, p := range parts {
		lo, hi = min(lo, p[0]), max(hi, p[1])
	}
	i, j := s.tokRange(lo, hi)
	rde, ren := "regelmäßig", "regularly"
	if rt == nil && tm != nil {
		rde, ren = partOfDay(s.lower[tm[0]:tm[1]])
	}
	if tm == nil && rt == nil {
		// nothing to replace in "geht allein zur Schule": the suggestion asks to leave it out
		w := s.orig(lo, hi)
		rde, ren = w, w
	}
	s.details = append(s.details, &childPiece{kind: ckRoutine, start: lo, end: hi, tokA: i, tokB: j, sev: sev,
		labelDE: "Weg und Uhrzeit", labelEN: "route and time", red: true, rde: rde, ren: ren,
		noteDE: "Wer weiß, wann und wo ein Kind regelmäßig unterwegs ist, kann es dort abpassen.", noteEN: "Anyone who knows when and where a child regularly is can wait there."})
}

// --- exposure and photos ---

var laughing = set("lachen", "gelacht", "lacht", "laughing", "laughed", "laugh", "freude", "joy", "happy", "gluecks", "rührung", "ruehrung")

func (s *childScan) findExposure() {
	for i := range s.toks {
		if s.cls[i]&ccExposure == 0 {
			continue
		}
		info := exposureWords[s.toks[i].Norm]
		s.addExposure(i, i+1, info.sev, info.de, info.en)
	}
	for _, ph := range exposureRes {
		for _, h := range s.regexHits(ph.re, 0) {
			i, j := s.tokRange(h.a, h.b)
			s.addExposure(i, j, ph.sev, ph.de, ph.en)
		}
	}
}

func (s *childScan) addExposure(i, j, sevN int, de, en string) {
	if s.negatedNear(i, 2) {
		return
	}
	for k := max(0, i-3); k < i; k++ {
		if s.breakBetween(k, i) {
			continue
		}
		switch s.toks[k].Norm {
		case "ich", "i", "i'm", "wir", "we", "mama", "papa", "mom", "dad", "mum", "me", "mir", "mich", "you", "you're", "du", "ihr":
			return // the parent (or reader) cried, not the child
		}
	}
	for k := max(0, i-4); k < min(len(s.toks), j+4); k++ {
		if laughing[s.toks[k].Norm] && (de == "Weinen") {
			return
		}
	}
	sev := check.Medium
	if sevN >= 3 {
		sev = check.High
	}
	a, b := s.span(i, j)
	s.exposure = append(s.exposure, &childPiece{start: a, end: b, tokA: i, tokB: j, sev: sev, labelDE: de, labelEN: en})
}

func (s *childScan) findPhotos() {
	for i := range s.toks {
		n := s.toks[i].Norm
		ok := (s.de && s.cls[i]&ccPhotoDE != 0) || (s.en && s.cls[i]&ccPhotoEN != 0)
		// every compound ending below ends in s, o, d or r
		if !ok && s.de && n != "" && strings.IndexByte("sodr", n[len(n)-1]) >= 0 {
			for _, suf := range []string{"fotos", "foto", "bilder", "bild", "videos", "video"} {
				if strings.HasSuffix(n, suf) && len(n) >= len(suf)+3 && !strings.HasSuffix(n, "vorbild") && !strings.HasSuffix(n, "leitbild") &&
					!strings.HasSuffix(n, "ausbild") && !strings.HasSuffix(n, "weiterbild") {
					ok = true
				}
			}
		}
		if !ok {
			continue
		}
		if i > 0 && (s.toks[i-1].Norm == "laut" || s.toks[i-1].Norm == "der" && n == "bild") {
			continue
		}
		if s.negatedNear(i, 3) {
			continue
		}
		s.photos = append(s.photos, &childPiece{start: s.toks[i].Start, end: s.toks[i].End, tokA: i, tokB: i + 1, sev: check.Medium})
	}
	for _, e := range photoEmoji {
		for _, a := range occurrences(s.doc.Original, e) {
			ti := s.doc.TokenAt(a)
			s.photos = append(s.photos, &childPiece{start: a, end: a + len(e), tokA: ti, tokB: ti, sev: check.Medium})
		}
	}
}

// --- results ---

func lowerFor(a *childAnchor, sev check.Severity) check.Severity {
	if a.group {
		return sev.Lower(1)
	}
	return sev
}

var groupNote = Text{"de": "Eine Einrichtung spricht über Kinder als Gruppe, daher milder bewertet.", "en": "An institution speaks of children as a group, so rated lower."}

func (s *childScan) emit() *childAnalysis {
	out := &childAnalysis{hits: map[string][]Hit{}}
	add := func(emit string, h Hit) { out.hits[emit] = append(out.hits[emit], h) }
	s.resolveNeedsChild()
	if s.groupCtx && !s.ownSingular() {
		for _, a := range s.anchors {
			a.group = true
		}
	}
	var linked []*childPiece
	var reds redactions
	for _, p := range s.details {
		a := s.nearest(p, childWindow)
		if a == nil || a.adult || a.generic {
			continue
		}
		a.used = true
		sev := lowerFor(a, p.sev)
		if sev == check.SeverityNone {
			continue
		}
		h := Hit{Start: p.start, End: p.end, TokStart: -1, Severity: sev}
		if p.noteDE != "" || p.noteEN != "" {
			h.Note = Text{"de": p.noteDE, "en": p.noteEN}
		}
		if p.red {
			h.Replacements, h.Redaction = reds.of(p.rde, p.ren)
		}
		if a.group {
			h.Note = groupNote
		}
		add(childEmitOf[p.kind], h)
		linked = append(linked, p)
	}
	photoNear := func(p *childPiece) bool {
		for _, ph := range s.photos {
			if abs(ph.tokA-p.tokA) <= exposureWindow && !s.paraBreak(ph.start, p.start) {
				return true
			}
		}
		return false
	}
	for _, p := range s.exposure {
		a := s.nearest(p, exposureWindow)
		if a == nil || a.adult || a.generic {
			continue
		}
		a.used = true
		sev := p.sev
		note := Text{"de": "Gezeigt wird: " + p.labelDE + ".", "en": "It shows: " + p.labelEN + "."}
		if photoNear(p) && sev < check.High {
			sev = check.High
			note = Text{"de": note["de"] + " Als Foto oder Video bleibt der Moment für immer im Netz.", "en": note["en"] + " As a photo or video the moment stays online for good."}
		}
		sev = lowerFor(a, sev)
		if a.group {
			note = groupNote
		}
		if sev != check.SeverityNone {
			add("exposure", Hit{Start: p.start, End: p.end, TokStart: -1, Severity: sev, Note: note})
		}
	}
	for _, p := range s.photos {
		a := s.nearest(p, exposureWindow)
		if a == nil || a.adult || a.generic {
			continue
		}
		a.used = true
		h := Hit{Start: p.start, End: p.end, TokStart: -1, Severity: lowerFor(a, check.Medium)}
		if a.group {
			h.Note = groupNote
		}
		add("photo", h)
	}
	// the combined finding
	kinds := map[childKind]bool{}
	var labelsDE, labelsEN []string
	name := ""
	lo, hi := -1, -1
	group := true
	for _, p := range linked {
		a := s.nearest(p, childWindow)
		group = group && a.group
		if p.kind == ckName && name == "" {
			name = p.name
		}
		lo, hi = minPos(lo, p.start), max(hi, p.end)
		lo, hi = minPos(lo, a.start), max(hi, a.end)
		if kinds[p.kind] {
			continue
		}
		kinds[p.kind] = true
		labelsDE = append(labelsDE, p.labelDE)
		labelsEN = append(labelsEN, p.labelEN)
	}
	if len(kinds) >= 2 {
		subjDE, subjEN := "Ihr Kind", "your child"
		if name != "" {
			subjDE, subjEN = name, name
		} else if group {
			subjDE, subjEN = "die Kinder", "the children"
		}
		labelsEN[0] = upperFirst(labelsEN[0])
		sev := check.High
		if group {
			sev = check.Medium
		}
		add("identifiable", Hit{Start: lo, End: hi, TokStart: -1, Severity: sev,
			Note: Text{"de": strings.Join(labelsDE, " + ") + " machen " + subjDE + " auffindbar.",
				"en": strings.Join(labelsEN, " + ") + " make " + subjEN + " findable."}})
	}
	// a child reference with nothing else: one low finding
	for _, a := range s.anchors {
		if len(out.hits) > 0 {
			break
		}
		if a.used || a.weak || a.generic || a.group || a.adult || a.start >= a.end || s.negatedPosting(a) || s.hypothetical(a) {
			continue
		}
		add("mention", Hit{Start: a.start, End: a.end, TokStart: -1, Severity: check.Low})
		break
	}
	return out
}

// ownSingular reports a parent's own single child ("mein Sohn", "our daughter"), which
// keeps full severity even in a post that mentions a school or a class.
func (s *childScan) ownSingular() bool {
	for _, a := range s.anchors {
		if a.tokB-a.tokA >= 2 && !a.plu && !a.generic && !a.needsChild {
			// "unsere Tochter" is a family too: institutions speak of children in the plural
			p := s.toks[a.tokA].Norm
			if strings.HasPrefix(p, "mein") || p == "my" || strings.HasPrefix(p, "uns") || p == "our" {
				return true
			}
		}
	}
	return false
}

// resolveNeedsChild keeps "unsere Emma" only when something near says it is a child:
// a child's age, a Kita or school, or another child reference; otherwise it may be a
// colleague ("unsere Lisa aus dem Vertrieb").
func (s *childScan) resolveNeedsChild() {
	evidence := map[*childAnchor]bool{}
	for _, p := range s.details {
		if p.kind == ckAge && p.ageYears >= 0 && p.ageYears < 18 || p.kind == ckInstitution && (p.labelDE != "Verein" || p.youth) || p.kind == ckBirth {
			if a := s.nearest(p, childWindow); a != nil && p.start != a.start {
				evidence[a] = true
			}
		}
	}
	s.sortAnchors()
	drop := map[int]bool{}
	for idx, a := range s.anchors {
		if !a.needsChild || evidence[a] {
			continue
		}
		child := false
		for _, step := range []int{-1, 1} {
			for k := idx + step; k >= 0 && k < len(s.anchors) && abs(s.anchors[k].tokA-a.tokA) <= childWindow; k += step {
				o := s.anchors[k]
				if !o.needsChild && !o.generic && !s.paraBreak(o.start, a.start) {
					child = true
				}
			}
		}
		for k := max(0, a.tokA-childWindow); k < min(len(s.toks), a.tokB+childWindow) && !child; k++ {
			if s.cls[k]&ccChildContext != 0 && !s.paraBreak(s.toks[k].Start, a.start) {
				child = true
			}
		}
		if !child {
			a.generic = true
			drop[a.start] = true
		}
	}
	if len(drop) > 0 {
		kept := s.details[:0]
		for _, p := range s.details {
			if !(p.kind == ckName && drop[p.start]) {
				kept = append(kept, p)
			}
		}
		s.details = kept
	}
}

// negatedPosting reports "ich poste nie Fotos meiner Kinder": a reference inside a
// sentence that says the author does not post about children.
func (s *childScan) negatedPosting(a *childAnchor) bool {
	neg, post := false, false
	for k := a.tokA - 1; k >= 0 && !s.breakBetween(k, k+1); k-- {
		neg = neg || negators[s.toks[k].Norm]
		post = post || postVerbs[s.toks[k].Norm]
	}
	return neg && post
}

var hypotheticalWords = set("waere", "haette", "wuerde", "wuerden", "koennte", "koennten", "haetten", "waeren", "would", "could", "falls")

// reportWords with a third person next to them ("…, sagt sie") report someone else's words.
var (
	reportWords = set("sagt", "sagte", "says", "said", "erzaehlt", "erzaehlte", "meint", "meinte")
	thirdPerson = set("sie", "er", "he", "she", "they")
)

// hypothetical reports a reference in a sentence that imagines or reports
// ("wäre mein Sohn …, würde ich", "…, sagt sie"): no real child is shown.
func (s *childScan) hypothetical(a *childAnchor) bool {
	from, to := s.doc.TokenRange(s.doc.SentenceStart(a.start), s.doc.SentenceEnd(a.end))
	for k := from; k < to && k < len(s.toks); k++ {
		if hypotheticalWords[s.toks[k].Norm] {
			return true
		}
		if reportWords[s.toks[k].Norm] && (thirdPerson[s.norm(k-1)] || thirdPerson[s.norm(k+1)]) {
			return true
		}
	}
	return false
}

func minPos(a, b int) int {
	if a < 0 {
		return b
	}
	return min(a, b)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

var (
	youthTeamRe  = reU(`\b(?:unser\w*|our) (?:[a-g]-jugend|[a-g]-junioren|u ?\d{1,2})\b`)
	ageAnchorRes = []*regexp.Regexp{
		reU(`\b(?:my|our) (?:little |sweet |youngest |eldest |oldest )?(` + numWords + `)[- ]?(?:years?|months?|weeks?)[- ]?olds?\b`),
		reU(`\b(?:mein|unser)e?[nmrs]? (` + numWords + `) ?- ?jaehrige?[rnms]?\b`),
		reU(`\b(?:mein|unser)e?[nmrs]? (eins|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf)jaehrige?[rnms]?\b`),
	}
	parentRes    = compileAll(parentPhrases)
	settingResDE = compileAll(settingPhrasesDE)
	settingResEN = compileAll(settingPhrasesEN)
	exposureRes  = compileExposure()
)

func compileAll(ps []string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(ps))
	for i, p := range ps {
		out[i] = reU(p)
	}
	return out
}

type exposureRe struct {
	re     *regexp.Regexp
	sev    int
	de, en string
}

func compileExposure() []exposureRe {
	out := make([]exposureRe, len(exposurePhrases))
	for i, p := range exposurePhrases {
		out[i] = exposureRe{reU(p.re), p.sev, p.de, p.en}
	}
	return out
}

// occurrences returns the byte offsets of every non-overlapping occurrence of sub in s.
func occurrences(s, sub string) []int {
	var out []int
	for off := 0; ; {
		k := strings.Index(s[off:], sub)
		if k < 0 {
			return out
		}
		out = append(out, off+k)
		off += k + len(sub)
	}
}
