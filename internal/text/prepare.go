package text

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is a word of the draft. Start and End are byte offsets into the original text.
type Token struct {
	Start, End int
	// Norm is the normalised form used for matching; '*' stands for a masked letter.
	Norm string
	// Alt is a second form when stretched letters were collapsed ("idiooot" → Norm
	// "idiot", Alt "idioot"); empty otherwise.
	Alt     string
	Letters int // letters in the original token
	Upper   int // upper-case letters in the original token
	Digits  int
	Index   int // position in Tokens
	// Hash is WordHash(Norm), made once here for the word lists of every rule.
	Hash    uint32
	Masked  bool // Norm contains '*' wildcards
	Hashtag bool // the token follows a '#'
	Mention bool // the token follows an '@'
}

// WordHash is the 32-bit FNV-1a hash of w.
func WordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

// markFollows marks a token that follows a '#' or an '@' in s.
func (t *Token) markFollows(s string) {
	if t.Start > 0 {
		switch s[t.Start-1] {
		case '#':
			t.Hashtag = true
		case '@':
			t.Mention = true
		}
	}
}

// Cap reports whether the token starts with an upper-case letter.
func (t Token) Cap(original string) bool {
	r, _ := utf8.DecodeRuneInString(original[t.Start:t.End])
	return unicode.IsUpper(r)
}

// Prepared is a draft ready for matching.
type Prepared struct {
	Original string
	// Norm is the normalised text; NormToOriginal maps its offsets back.
	Norm string
	// srcStart[i] and srcEnd[i] are the original bytes that produced Norm[i].
	srcStart, srcEnd []int32
	// Tokens are the words in order.
	Tokens []Token
	// Variant is a second token sequence where hashtags and camelCase words are split
	// into their parts and spaced letters ("I d i o t") joined; nil when no such word exists.
	Variant []Token
	// bufs, set by PrepareReleasable, takes the tokens and maps back on Release.
	bufs *buffers
}

type segment struct {
	start, end int
	r          rune // first rune
}

// segments splits s into runes with their following combining marks.
func segments(s string) []segment { return appendSegments(make([]segment, 0, len(s)), s) }

// appendSegments appends the segments of s to out.
func appendSegments(out []segment, s string) []segment {
	for i := 0; i < len(s); {
		sg := segmentAt(s, i)
		out = append(out, sg)
		i = sg.end
	}
	return out
}

// segmentAt returns the segment of s that starts at byte i: its rune with the
// combining marks that follow.
func segmentAt(s string, i int) segment {
	var r rune
	j := i + 1
	if c := s[i]; c < utf8.RuneSelf {
		r = rune(c)
	} else {
		var w int
		r, w = utf8.DecodeRuneInString(s[i:])
		j = i + w
	}
	for j < len(s) {
		if s[j] < 0xCC {
			break // combining marks start at U+0300, encoded from 0xCC
		}
		m, mw := utf8.DecodeRuneInString(s[j:])
		if !unicode.Is(unicode.Mn, m) && !unicode.Is(unicode.Me, m) {
			break
		}
		j += mw
	}
	return segment{i, j, r}
}

// asciiClass sorts the ASCII bytes for the scanner: word bytes (digits and letters)
// and, among them, letters.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case '0' <= c && c <= '9':
			t[c] = classWord
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = classWord | classLetter
		}
	}
	return t
}()

const (
	classWord = 1 << iota
	classLetter
)

func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&classWord != 0
	}
	if r <= unicode.MaxLatin1 {
		// No combining mark and no digit but 0-9 lies below U+0100.
		return unicode.IsLetter(r)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joiner runes may sit inside a word: masks, leet symbols, apostrophes.
func joiner(r rune) bool {
	switch r {
	case '*', '@', '$', '!', '\'', '’', '€', '|', '#', '_':
		return true
	}
	return false
}

// maxJoinRun is the longest run of joiners kept inside a word ("Sch**ße").
const maxJoinRun = 3

// Prepare normalises s and splits it into tokens. It never fails; invalid UTF-8
// bytes are kept as they are.
//
// It reads the draft segment by segment without storing the segments: an ASCII byte
// not followed by a combining mark is a segment of its own, and a word of ASCII
// letters, the most common word, is taken straight from the bytes. Only the other
// words are split into segments for folding.
func Prepare(s string) *Prepared { return prepare(s, nil) }

// prepare is Prepare, taking the tokens and offset maps from b when they are large
// enough and recording them in b for Release.
func prepare(s string, b *buffers) *Prepared {
	sc := scratchPool.Get().(*scratch)
	segs, norm, later := sc.segs[:0], sc.norm[:0], sc.later[:0]
	var p *Prepared
	if b != nil {
		p = &b.prep
	} else {
		p = new(Prepared)
	}
	p.Original, p.bufs = s, b
	var toks []Token
	if words := maxWords(s); b != nil && b.toks != nil && cap(b.toks) >= words {
		toks = b.toks[:0]
	} else {
		toks = make([]Token, 0, words)
	}
	// Both maps share one allocation; a longer Norm makes either grow on its own.
	n := len(s) + 8
	var src []int32
	if b != nil && cap(b.src) >= 2*n {
		src = b.src[:2*n]
	} else {
		src = make([]int32, 2*n)
	}
	if b != nil {
		b.toks, b.src = nil, src
	}
	srcStart, srcEnd := src[:0:n], src[n:n:2*n]
	emit := func(str string, a, b int) {
		norm = append(norm, str...)
		for range len(str) {
			srcStart = append(srcStart, int32(a))
			srcEnd = append(srcEnd, int32(b))
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			cls := asciiClass[c]
			if cls&classWord == 0 && (i+1 == len(s) || s[i+1] < 0xCC) {
				// An ASCII byte that is no word byte is no letter either and stays as it is.
				norm = append(norm, c)
				srcStart = append(srcStart, int32(i))
				srcEnd = append(srcEnd, int32(i+1))
				i++
				continue
			}
		}
		if c < utf8.RuneSelf && asciiClass[c]&classLetter != 0 || c == 0xC3 && i+1 < len(s) && umlauts[s[i+1]].a != 0 {
			// A run of ASCII letters and German umlauts that ends at a byte which
			// neither continues nor joins a word is a word that umlautToken or
			// asciiToken would take, unless it holds stretched letters: lowered,
			// folded, hashed and mapped in one pass.
			// The word is written past the ends of the slices as it is read, as many
			// bytes as it has, and taken in only when it is such a word.
			rest, l, ml := len(s)-i, len(norm), len(srcStart)
			if cap(norm)-l < rest {
				norm = slices.Grow(norm, rest)
			}
			if cap(srcStart)-ml < rest {
				srcStart = slices.Grow(srcStart, rest)
			}
			if cap(srcEnd)-ml < rest {
				srcEnd = slices.Grow(srcEnd, rest)
			}
			if w, ok := foldRun(s, i, norm[l:l+rest], srcStart[ml:ml+rest], srcEnd[ml:ml+rest]); ok {
				j, n := w.end, w.end-i
				norm, srcStart, srcEnd = norm[:l+n], srcStart[:ml+n], srcEnd[:ml+n]
				// The token is written in place: its fields are zero, and a Token
				// copied as a whole costs a typed copy with write barriers.
				if len(toks) == cap(toks) {
					toks = slices.Grow(toks, 1)
				}
				toks = toks[:len(toks)+1]
				t := &toks[len(toks)-1]
				t.Start, t.End, t.Letters, t.Upper, t.Hash, t.Index = i, j, w.letters, w.upper, w.hash, len(toks)-1
				t.markFollows(s)
				if w.upper == 0 && !w.folded {
					t.Norm = s[i:j]
				} else {
					later = append(later, pending{int32(len(toks) - 1), int32(l), int32(l + n)})
				}
				i = j
				continue
			}
		}
		sg := segmentAt(s, i)
		if !wordRune(sg.r) || invisible(sg.r) {
			if seg := s[sg.start:sg.end]; foldsToItself(seg, sg.r) {
				emit(seg, sg.start, sg.end)
			} else {
				emit(foldSegment(seg, false), sg.start, sg.end)
			}
			i = sg.end
			continue
		}
		j := wordEndAt(s, sg)
		t, ok := asciiWord(s, i, j)
		if ok {
			// Each byte of a plain ASCII word comes from the byte in the same place.
			norm = append(norm, t.Norm...)
			for k := i; k < j; k++ {
				srcStart = append(srcStart, int32(k))
				srcEnd = append(srcEnd, int32(k+1))
			}
			t.Hash = WordHash(t.Norm)
		} else {
			segs = appendSegmentsAt(segs[:0], s, i, j)
			before := len(norm)
			if t, norm, ok = umlautFold(s, segs, norm); ok {
				// Each folded byte comes from its letter, which folds to as many bytes as it has.
				for _, sg := range segs {
					for range sg.end - sg.start {
						srcStart = append(srcStart, int32(sg.start))
						srcEnd = append(srcEnd, int32(sg.end))
					}
				}
				later = append(later, pending{int32(len(toks)), int32(before), int32(len(norm))})
			} else {
				norm = norm[:before]
				t = foldToken(s, segs, emit)
				t.Hash = WordHash(t.Norm)
			}
		}
		t.Index = len(toks)
		toks = append(toks, t)
		i = j
	}
	p.Norm = string(norm)
	p.srcStart, p.srcEnd = srcStart, srcEnd
	p.Tokens = toks
	// Words that were lowered or folded take their form from Norm, where it is already.
	for _, l := range later {
		t := &p.Tokens[l.tok]
		t.Norm = p.Norm[l.a:l.b]
		t.Hash = WordHash(t.Norm)
	}
	sc.segs, sc.norm, sc.later = segs[:0], norm[:0], later[:0]
	if cap(norm) <= 1<<18 {
		scratchPool.Put(sc)
	}
	p.Variant = variant(p)
	for i := range p.Variant {
		p.Variant[i].Hash = WordHash(p.Variant[i].Norm)
	}
	return p
}

// maxWords bounds the number of words of s, so that the tokens are allocated once.
// A word starts with an ASCII letter or digit or with a longer rune that is a word
// rune, and never right after an ASCII letter or digit, which would have continued
// the word before. Only such longer runes are decoded.
func maxWords(s string) int {
	n := 0
	prev := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		word := c < utf8.RuneSelf && asciiClass[c]&classWord != 0
		if !prev && (word || c >= 0xC0 && startsWord(s[i:])) {
			n++
		}
		prev = word
	}
	return n
}

// startsWord reports whether the rune at the start of s is a word rune.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return wordRune(r)
}

// scratch holds the buffers of one Prepare, reused across drafts.
type scratch struct {
	segs  []segment
	norm  []byte
	later []pending
}

// pending is a token whose Norm is Norm[a:b], set once Norm is made.
type pending struct{ tok, a, b int32 }

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// umlauts maps the second byte of the German umlauts, whose first byte is 0xC3, to
// their folded letters; a is 0 for every other byte.
var umlauts = func() (t [256]struct {
	a, b  byte
	upper bool
}) {
	for _, u := range []struct {
		r     rune
		fold  string
		upper bool
	}{{'ä', "ae", false}, {'ö', "oe", false}, {'ü', "ue", false}, {'ß', "ss", false}, {'Ä', "ae", true}, {'Ö', "oe", true}, {'Ü', "ue", true}} {
		enc := string(u.r)
		t[enc[1]].a, t[enc[1]].b, t[enc[1]].upper = u.fold[0], u.fold[1], u.upper
	}
	return t
}()

// foldsToItself reports whether foldSegment(seg, false) is seg for a segment that
// is no word, without the allocations of folding it: a single rune beyond ASCII
// (emoji, dashes, typographic quotes) that is no letter, not invisible, its own lower
// case, none of the quotes folded to an apostrophe, and already in NFKC.
func foldsToItself(seg string, r rune) bool {
	if _, size := utf8.DecodeRuneInString(seg); size != len(seg) {
		return false // marks follow, or a broken byte
	}
	return r >= utf8.RuneSelf && r != utf8.RuneError && !invisible(r) && !unicode.IsLetter(r) &&
		unicode.ToLower(r) == r && r != '’' && r != '‘' && r != '´' && norm.NFKC.IsNormalString(seg)
}

// foldedWord is what foldRun found.
type foldedWord struct {
	end            int // the byte after the word
	letters, upper int
	hash           uint32 // WordHash of the folded word
	folded         bool   // an umlaut was spelled out, so the word differs from the original
}

// foldRun reads the word that starts at s[start] if it is made of ASCII letters,
// German umlauts and single apostrophes between ASCII letters, and ends at a byte
// that neither continues nor joins a word: a word that asciiToken, umlautToken or
// foldToken folds the same way, letters in lower case and each umlaut spelled out
// (ä → "ae"), which foldRun writes to dst as it reads it, with the original bytes
// of each folded byte in ws and we. The word folds to as many bytes as it has; dst,
// ws and we hold the rest of s. ok is false for any other word and for stretched
// letters (three equal letters in a row once folded), which it leaves to the
// general path.
func foldRun(s string, start int, dst []byte, ws, we []int32) (w foldedWord, ok bool) {
	h := uint32(2166136261)
	var p1, p2 byte // the two bytes before, folded; 0 before the word
	k := start
	for k < len(s) {
		c := s[k]
		o := k - start
		if c < utf8.RuneSelf {
			switch {
			case asciiClass[c]&classLetter != 0:
				w.letters++
				if c <= 'Z' {
					w.upper++
				}
				c |= 0x20
			case c == '\'' && k > start && k+1 < len(s) && s[k+1] < utf8.RuneSelf && asciiClass[s[k+1]]&classLetter != 0:
				// One apostrophe between letters ("don't") joins them and stays as it
				// is, as in foldToken.
			default:
				goto end
			}
			if c == p1 && c == p2 {
				return w, false
			}
			p2, p1 = p1, c
			h = (h ^ uint32(c)) * 16777619
			dst[o], ws[o], we[o] = c, int32(k), int32(k+1)
			k++
			continue
		}
		if c != 0xC3 || k+1 == len(s) || umlauts[s[k+1]].a == 0 {
			break
		}
		u := umlauts[s[k+1]]
		w.letters++
		if u.upper {
			w.upper++
		}
		if u.a == p1 && u.a == p2 || u.b == u.a && u.a == p1 {
			return w, false
		}
		p2, p1 = u.a, u.b
		h = (h ^ uint32(u.a)) * 16777619
		h = (h ^ uint32(u.b)) * 16777619
		dst[o], dst[o+1] = u.a, u.b
		a, b := int32(k), int32(k+2)
		ws[o], we[o], ws[o+1], we[o+1] = a, b, a, b
		w.folded = true
		k += 2
	}
end:
	if k < len(s) && (s[k] >= utf8.RuneSelf || asciiClass[s[k]]&classWord != 0 || joiner(rune(s[k]))) {
		return w, false
	}
	w.end, w.hash = k, h
	return w, true
}

// appendSegmentsAt appends the segments of s[a:b], with offsets into s, to out. a and
// b lie on segment boundaries of s, so these are the segments of s in between.
func appendSegmentsAt(out []segment, s string, a, b int) []segment {
	for i := a; i < b; {
		sg := segmentAt(s[:b], i)
		out = append(out, sg)
		i = sg.end
	}
	return out
}

// wordEndAt returns the byte after the word whose first segment is first.
func wordEndAt(s string, first segment) int {
	j := first.end
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf && asciiClass[c]&classWord != 0 && (j+1 == len(s) || s[j+1] < 0xCC) {
			j++
			continue
		}
		sg := segmentAt(s, j)
		r := sg.r
		if wordRune(r) || invisible(r) {
			j = sg.end
			continue
		}
		if joiner(r) {
			k, run := j, 0
			for k < len(s) && run < maxJoinRun {
				js := segmentAt(s, k)
				if !joiner(js.r) {
					break
				}
				k = js.end
				run++
			}
			if k < len(s) && run > 0 && wordRune(segmentAt(s, k).r) && !(r == '@' && domainFollows(s, k)) {
				j = k
				continue
			}
		}
		break
	}
	return j
}

// domainFollows reports whether the word starting at byte k continues as a domain
// name ("anna@example.de"), so that an '@' before it is an address, not a letter.
func domainFollows(s string, k int) bool {
	for k < len(s) {
		sg := segmentAt(s, k)
		if !wordRune(sg.r) {
			return sg.r == '.' && sg.end < len(s) && wordRune(segmentAt(s, sg.end).r)
		}
		k = sg.end
	}
	return false
}

// makeToken normalises one word; emit (if not nil) receives its normalised bytes.
func makeToken(s string, segs []segment, emit func(string, int, int)) Token {
	if emit == nil {
		emit = func(string, int, int) {}
	}
	if t, ok := asciiToken(s, segs); ok {
		if emit != nil {
			for i := range len(t.Norm) {
				emit(t.Norm[i:i+1], t.Start+i, t.Start+i+1)
			}
		}
		return t
	}
	if t, ok := umlautToken(s, segs); ok {
		k := 0
		for _, sg := range segs {
			for range sg.end - sg.start {
				emit(t.Norm[k:k+1], sg.start, sg.end)
				k++
			}
		}
		return t
	}
	return foldToken(s, segs, emit)
}

// umlautToken is makeToken for the most common words after the ASCII one: ASCII letters
// and the German ä ö ü ß Ä Ö Ü, without three equal letters in a row once folded, and
// numbers (ASCII digits only, which are never collapsed). Each
// letter folds to as many bytes as it has (ä → "ae"), with no NFKC, leet or masks;
// ok is false for every other word.
func umlautToken(s string, segs []segment) (Token, bool) {
	var buf [64]byte
	t, norm, ok := umlautFold(s, segs, buf[:0])
	if ok {
		t.Norm = string(norm)
	}
	return t, ok
}

// umlautFold is umlautToken appending the folded word to out instead of setting Norm.
// When ok is false, out holds some bytes more, which the caller drops.
func umlautFold(s string, segs []segment, out []byte) (Token, []byte, bool) {
	start, end := segs[0].start, segs[len(segs)-1].end
	norm := out
	upper, digits := 0, 0
	for _, sg := range segs {
		switch sg.end - sg.start {
		case 1:
			c := s[sg.start]
			switch {
			case 'a' <= c && c <= 'z':
			case 'A' <= c && c <= 'Z':
				upper++
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				digits++
			default:
				return Token{}, norm, false
			}
			norm = append(norm, c)
		case 2:
			switch sg.r {
			case 'ä':
				norm = append(norm, 'a', 'e')
			case 'ö':
				norm = append(norm, 'o', 'e')
			case 'ü':
				norm = append(norm, 'u', 'e')
			case 'ß':
				norm = append(norm, 's', 's')
			case 'Ä':
				norm = append(norm, 'a', 'e')
				upper++
			case 'Ö':
				norm = append(norm, 'o', 'e')
				upper++
			case 'Ü':
				norm = append(norm, 'u', 'e')
				upper++
			default:
				return Token{}, norm, false
			}
		default:
			return Token{}, norm, false // a combining mark or a rune of three or four bytes
		}
	}
	if digits > 0 && digits < len(segs) {
		return Token{}, norm, false // digits among letters may be leet
	}
	for i := len(out) + 2; i < len(norm) && digits == 0; i++ {
		if norm[i] == norm[i-1] && norm[i] == norm[i-2] {
			return Token{}, norm, false // stretched letters
		}
	}
	t := Token{Start: start, End: end, Letters: len(segs) - digits, Digits: digits, Upper: upper}
	t.markFollows(s)
	return t, norm, true
}

// foldToken is makeToken for any word.
func foldToken(s string, segs []segment, emit func(string, int, int)) Token {
	t := Token{Start: segs[0].start, End: segs[len(segs)-1].end}
	latin, allConfusable := false, true
	for _, sg := range segs {
		r := sg.r
		switch {
		case unicode.IsLetter(r):
			t.Letters++
			if unicode.IsUpper(r) {
				t.Upper++
			}
			if isLatinLetter(r) {
				latin = true
			} else if _, ok := confusables[unicode.ToLower(r)]; !ok {
				allConfusable = false
			}
		case unicode.IsDigit(r):
			t.Digits++
		}
	}
	confusable := latin || allConfusable
	t.markFollows(s)
	// Fold each segment; leet and masks apply only in words with letters.
	type piece struct {
		str  string
		a, b int
	}
	pieces := make([]piece, 0, len(segs))
	useLeet := t.Letters >= 2 && t.Digits < t.Letters
	for k, sg := range segs {
		raw := s[sg.start:sg.end]
		var f string
		switch {
		case sg.r == '*' || sg.r == '_' || (sg.r == '#' && k > 0):
			f = "*"
		case useLeet && leetable(segs, k):
			f = string(leet[sg.r])
		default:
			f = foldSegment(raw, confusable)
		}
		pieces = append(pieces, piece{f, sg.start, sg.end})
	}
	// Collapse stretched letters: runs of three or more equal letters.
	var norm, alt strings.Builder
	stretched := false
	type out struct {
		c    byte
		a, b int
	}
	var chars []out
	for _, pc := range pieces {
		for i := 0; i < len(pc.str); i++ {
			chars = append(chars, out{pc.str[i], pc.a, pc.b})
		}
	}
	for i := 0; i < len(chars); {
		j := i + 1
		for j < len(chars) && chars[j].c == chars[i].c {
			j++
		}
		n := j - i
		c := chars[i].c
		isLetter := c >= 'a' && c <= 'z'
		if n >= 3 && isLetter {
			stretched = true
			norm.WriteByte(c)
			alt.WriteByte(c)
			alt.WriteByte(c)
			emit(string(c), chars[i].a, chars[j-1].b)
		} else {
			for k := i; k < j; k++ {
				norm.WriteByte(chars[k].c)
				alt.WriteByte(chars[k].c)
				emit(string(chars[k].c), chars[k].a, chars[k].b)
			}
		}
		i = j
	}
	t.Norm = norm.String()
	if stretched {
		t.Alt = alt.String()
	}
	t.Masked = strings.Contains(t.Norm, "*")
	return t
}

// asciiToken is makeToken for the most common word: ASCII letters only, without
// three equal letters in a row. Such a word needs no folding, leet, masks or
// collapsing, only lower case; ok is false for every other word.
func asciiToken(s string, segs []segment) (Token, bool) {
	return asciiWord(s, segs[0].start, segs[len(segs)-1].end)
}

// asciiWord is asciiToken of the word s[start:end]. A word of ASCII letters has no
// combining mark, whose bytes are not ASCII, so each of its bytes is a segment.
func asciiWord(s string, start, end int) (Token, bool) {
	raw := s[start:end]
	upper := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			upper++
		default:
			return Token{}, false
		}
		if i >= 2 && c|0x20 == raw[i-1]|0x20 && c|0x20 == raw[i-2]|0x20 {
			return Token{}, false // stretched letters
		}
	}
	t := Token{Start: start, End: end, Letters: len(raw), Upper: upper}
	t.markFollows(s)
	t.Norm = raw
	if upper > 0 {
		t.Norm = strings.ToLower(raw)
	}
	return t, true
}

// leetable reports whether segs[k] is a leet character next to a letter.
func leetable(segs []segment, k int) bool {
	if _, ok := leet[segs[k].r]; !ok {
		return false
	}
	left := k > 0 && unicode.IsLetter(segs[k-1].r)
	right := k+1 < len(segs) && unicode.IsLetter(segs[k+1].r)
	if segs[k].r == '!' || segs[k].r == '|' {
		return left && right
	}
	return left || right
}

// ToOriginal maps a byte range of Norm to the original text. The result always lies
// on the original's segment boundaries and satisfies 0 ≤ start ≤ end ≤ len(Original).
func (p *Prepared) ToOriginal(nStart, nEnd int) (int, int) {
	if len(p.srcStart) == 0 || nStart >= nEnd {
		return 0, 0
	}
	nStart = max(0, min(nStart, len(p.srcStart)-1))
	nEnd = max(nStart+1, min(nEnd, len(p.srcEnd)))
	return int(p.srcStart[nStart]), int(p.srcEnd[nEnd-1])
}

// TokenAt returns the index of the first token that ends after orig, or len(Tokens).
func (p *Prepared) TokenAt(orig int) int {
	lo, hi := 0, len(p.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if p.Tokens[m].End <= orig {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
