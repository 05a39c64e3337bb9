package text

import "strings"

// preparePlain is Prepare the plain way, as it was before the byte scanner: every
// segment of the draft first, then the words over the segments. The tests compare
// Prepare with it.
func preparePlain(s string) *Prepared {
	segs := segments(s)
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
		j := plainWordEnd(segs, i)
		t := makeToken(s, segs[i:j], emit)
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

// plainWordEnd returns the index after the word that starts at segs[i].
func plainWordEnd(segs []segment, i int) int {
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
			if k < len(segs) && wordRune(segs[k].r) && k > j && !(r == '@' && plainDomainFollows(segs, k)) {
				j = k
				continue
			}
		}
		break
	}
	return j
}

// plainDomainFollows reports whether the word starting at segs[k] continues as a
// domain name.
func plainDomainFollows(segs []segment, k int) bool {
	for k < len(segs) && wordRune(segs[k].r) {
		k++
	}
	return k+1 < len(segs) && segs[k].r == '.' && wordRune(segs[k+1].r)
}
