package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Token is a word of the draft. Start and End are byte offsets into the original text.
type Token struct {
	Start, End int
	// Norm is the normalised form used for matching; '*' stands for a masked letter.
	Norm string
	// Alt is a second form when stretched letters were collapsed ("idiooot" → Norm
	// "idiot", Alt "idioot"); empty otherwise.
	Alt     string
	Masked  bool // Norm contains '*' wildcards
	Letters int  // letters in the original token
	Upper   int  // upper-case letters in the original token
	Digits  int
	Hashtag bool // the token follows a '#'
	Mention bool // the token follows an '@'
	Index   int  // position in Tokens
	// Hash is WordHash(Norm), made once here for the word lists of every rule.
	Hash uint32
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
}

type segment struct {
	start, end int
	r          rune // first rune
}

// segments splits s into runes with their following combining marks.
func segments(s string) []segment { return appendSegments(make([]segment, 0, len(s)), s) }

// segmentPool keeps the segment buffers of Prepare, which lives only as long as the
// call: a long draft would otherwise allocate and clear 24 bytes per byte of text.
var segmentPool = sync.Pool{New: func() any { return new([]segment) }}

// appendSegments appends the segments of s to out.
func appendSegments(out []segment, s string) []segment {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		j := i + w
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
		out = append(out, segment{i, j, r})
		i = j
	}
	return out
}

func wordRune(r rune) bool {
	if r <= unicode.MaxLatin1 {
		// No combining mark and no digit but 0-9 lies below U+0100.
		return '0' <= r && r <= '9' || unicode.IsLetter(r)
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
func Prepare(s string) *Prepared {
	buf := segmentPool.Get().(*[]segment)
	segs := appendSegments((*buf)[:0], s)
	defer func() {
		if cap(segs) <= 1<<16 { // keep the pool's buffers at a sensible size
			*buf = segs[:0]
			segmentPool.Put(buf)
		}
	}()
	// Each word begins where a word rune follows another rune; joiners only merge
	// words, so this many tokens is the most there can be.
	words := 0
	prev := false
	for i := range segs {
		w := wordRune(segs[i].r)
		if w && !prev {
			words++
		}
		prev = w
	}
	p := &Prepared{Original: s, Tokens: make([]Token, 0, words)}
	var nb strings.Builder
	nb.Grow(len(s) + len(s)/8)
	// Both maps share one allocation; a longer Norm makes either grow on its own.
	n := len(s) + 8
	src := make([]int32, 2*n)
	p.srcStart, p.srcEnd = src[:0:n], src[n:n:2*n]
	emit := func(str string, a, b int) {
		nb.WriteString(str)
		for range len(str) {
			p.srcStart = append(p.srcStart, int32(a))
			p.srcEnd = append(p.srcEnd, int32(b))
		}
	}
	for i := 0; i < len(segs); {
		if !wordRune(segs[i].r) || invisible(segs[i].r) {
			emit(foldSegment(s[segs[i].start:segs[i].end], false), segs[i].start, segs[i].end)
			i++
			continue
		}
		j := wordEnd(segs, i)
		t, ok := asciiToken(s, segs[i:j])
		if ok {
			// Each byte of a plain ASCII word comes from the byte in the same place.
			nb.WriteString(t.Norm)
			for k := range len(t.Norm) {
				p.srcStart = append(p.srcStart, int32(t.Start+k))
				p.srcEnd = append(p.srcEnd, int32(t.Start+k+1))
			}
		} else if t, ok = umlautToken(s, segs[i:j]); ok {
			// Each folded byte comes from its letter, which folds to as many bytes as it has.
			nb.WriteString(t.Norm)
			for _, sg := range segs[i:j] {
				for range sg.end - sg.start {
					p.srcStart = append(p.srcStart, int32(sg.start))
					p.srcEnd = append(p.srcEnd, int32(sg.end))
				}
			}
		} else {
			t = foldToken(s, segs[i:j], emit)
		}
		t.Index = len(p.Tokens)
		p.Tokens = append(p.Tokens, t)
		i = j
	}
	p.Norm = nb.String()
	for i := range p.Tokens {
		p.Tokens[i].Hash = WordHash(p.Tokens[i].Norm)
	}
	p.Variant = variant(p)
	for i := range p.Variant {
		p.Variant[i].Hash = WordHash(p.Variant[i].Norm)
	}
	return p
}

// wordEnd returns the index after the word that starts at segs[i].
func wordEnd(segs []segment, i int) int {
	j := i + 1
	for j < len(segs) {
		r := segs[j].r
		if wordRune(r) || invisible(r) {
			j++
			continue
		}
		if joiner(r) {
			k := j
			for k < len(segs) && joiner(segs[k].r) && k-j < maxJoinRun {
				k++
			}
			if k < len(segs) && wordRune(segs[k].r) && k > j && !(r == '@' && domainFollows(segs, k)) {
				j = k
				continue
			}
		}
		break
	}
	return j
}

// domainFollows reports whether the word starting at segs[k] continues as a domain
// name ("anna@example.de"), so that an '@' before it is an address, not a letter.
func domainFollows(segs []segment, k int) bool {
	for k < len(segs) && wordRune(segs[k].r) {
		k++
	}
	return k+1 < len(segs) && segs[k].r == '.' && wordRune(segs[k+1].r)
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
	start, end := segs[0].start, segs[len(segs)-1].end
	var buf [64]byte
	norm := buf[:0]
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
				return Token{}, false
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
				return Token{}, false
			}
		default:
			return Token{}, false // a combining mark or a rune of three or four bytes
		}
	}
	if digits > 0 && digits < len(segs) {
		return Token{}, false // digits among letters may be leet
	}
	for i := 2; i < len(norm) && digits == 0; i++ {
		if norm[i] == norm[i-1] && norm[i] == norm[i-2] {
			return Token{}, false // stretched letters
		}
	}
	t := Token{Start: start, End: end, Letters: len(segs) - digits, Digits: digits, Upper: upper, Norm: string(norm)}
	t.markFollows(s)
	return t, true
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
	start, end := segs[0].start, segs[len(segs)-1].end
	if end-start != len(segs) {
		return Token{}, false // a multi-byte rune or a combining mark
	}
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
