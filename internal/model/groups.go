package model

import "strings"

// Words that name a group of people by religion, origin, gender, orientation or
// disability are replaced by one placeholder before hashing. The training tweets
// talk about some groups mostly in anger, so a model that saw the words themselves
// would learn "Türken" or "Frauen" as signs of offence and flag a post that praises
// them; with the placeholder it can only learn what is said about a group. Slurs are
// not listed: they stay features of their own.
var groupPrefixes = []string{
	"muslim", "moslem", "islam", "juedisch", "juedin", "jude", "juden", "christ", "kathol", "evangel", "hindu", "buddhist",
	"auslaend", "migrant", "fluechtling", "gefluechtet", "asylbewerb", "asylsuch", "einwander", "zuwander",
	"tuerk", "araber", "arabisch", "afrika", "asiat", "chines", "pakistan", "rumaen", "bulgar", "ukrain",
	"afghan", "marokk", "albaner", "albanisch", "kurde", "kurdi", "tamil", "italien", "griech", "japan", "vietnam",
	"mexik", "latino", "frau", "schwul", "lesb", "homosex", "transsex", "transgender", "transfrau", "transmann",
	"queer", "behindert", "syrer", "syrisch", "russisch", "polnisch", "indisch",
}

// groupWords are whole words that a prefix would over-match ("inder" in "Rinder" is
// safe, but "roma" as a prefix would catch "Roman").
var groupWords = map[string]bool{
	"inder": true, "roma": true, "sinti": true, "russen": true, "polen": true, "schwarze": true, "schwarzen": true,
	"weisse": true, "weissen": true, "trans": true, "mann": true, "maenner": true, "maennern": true, "lgbt": true, "lgbtq": true,
}

const groupPlaceholder = "<grp>"

// groupsByFirst holds the group words and prefixes by their first byte, so that a
// word is compared with the few that can match it.
var groupsByFirst = func() (t [256][]groupEntry) {
	for w := range groupWords {
		if len(w) < 2 {
			panic("model: group word " + w + " is shorter than two bytes")
		}
	}
	for _, p := range groupPrefixes {
		if len(p) < 2 {
			panic("model: group prefix " + p + " is shorter than two bytes")
		}
	}
	for w := range groupWords {
		t[w[0]] = append(t[w[0]], groupEntry{w, true})
	}
	for _, p := range groupPrefixes {
		t[p[0]] = append(t[p[0]], groupEntry{p, false})
	}
	return t
}()

// groupStarts has a bit for every first two bytes of a group word or prefix: most
// words are turned away by one lookup.
var groupStarts = func() (b [1 << 16 / 64]uint64) {
	for _, l := range groupsByFirst {
		for _, e := range l {
			k := uint(e.s[0])<<8 | uint(e.s[1])
			b[k/64] |= 1 << (k % 64)
		}
	}
	return b
}()

type groupEntry struct {
	s     string
	whole bool
}

func isGroupWord(w string) bool {
	if w == "" {
		return false
	}
	// Every entry is two bytes long at least, and comparing the second byte first
	// turns most entries away without a call.
	if len(w) < 2 {
		return false
	}
	if k := uint(w[0])<<8 | uint(w[1]); groupStarts[k/64]&(1<<(k%64)) == 0 {
		return false
	}
	for _, e := range groupsByFirst[w[0]] {
		if e.s[1] != w[1] {
			continue
		}
		if e.whole && w == e.s || !e.whole && strings.HasPrefix(w, e.s) {
			return true
		}
	}
	return false
}
