package rules

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/corpus"
)

// childExpressions are the expressions the children analysis runs through startRe.
func childExpressions() []*regexp.Regexp {
	res := []*regexp.Regexp{youthTeamRe, clubRe, venueRe, teamBeforeU, clubAbbr, schoolEN, hyphenSchool,
		streetDE, spotDE, namedSpotDE, namedSpotEN, streetEN, townDE, townEN, timeRe, routineRe, routeRe, aloneRe}
	res = append(res, ageAnchorRes...)
	res = append(res, parentRes...)
	res = append(res, settingResDE...)
	res = append(res, settingResEN...)
	res = append(res, birthRes...)
	for _, e := range exposureRes {
		res = append(res, e.re)
	}
	for _, ap := range agePatterns {
		res = append(res, ap.re)
	}
	return res
}

// fastReTexts are drafts to compare on: the labelled corpora of the repository and,
// when present, the shared datasets.
func fastReTexts(t *testing.T) []string {
	t.Helper()
	files := corpus.Files(t, "*.jsonl")
	if shared := corpus.Shared(t, "*.jsonl"); len(shared) > 0 {
		files = append(files, shared...)
	} else {
		t.Log("../shared/datasets not found: comparing on the repository's corpora only")
	}
	// a few hundred drafts of each file keep the test quick
	var out []string
	for _, r := range corpus.Rows(t, files, 200, func(r corpus.Row) bool { return r.Text != "" }) {
		out = append(out, r.Text)
	}
	if len(out) < corpus.MinTexts {
		t.Fatalf("%d drafts in the corpora: too few to compare on", len(out))
	}
	return out
}

// mutate makes harder inputs from corpus drafts: splices, cuts inside runes, case
// changes, invalid bytes and odd separators next to the words the expressions look for.
func mutate(r *rand.Rand, texts []string) string {
	pick := func() string { return texts[r.IntN(len(texts))] }
	s := pick()
	for range r.IntN(4) {
		o := pick()
		a := r.IntN(len(o) + 1)
		b := a + r.IntN(len(o)-a+1)
		cut := r.IntN(len(s) + 1)
		s = s[:cut] + o[a:b] + s[cut:]
	}
	bits := []string{"\xff", "\xc3", "\xe2\x82", "Ä", "ü", "ß", "K", "\u212a", "_", "-", ".", "\n", "  ", "1", "12", "(", ")", "#", "’s", "'", "!", "?"}
	for range r.IntN(6) {
		cut := r.IntN(len(s) + 1)
		s = s[:cut] + bits[r.IntN(len(bits))] + s[cut:]
	}
	switch r.IntN(4) {
	case 0:
		s = strings.ToUpper(s)
	case 1:
		s = strings.ToLower(s)
	}
	return s
}

func compareStartRe(t *testing.T, re *regexp.Regexp, s string) bool {
	t.Helper()
	f := startOf(re)
	want := re.FindAllStringSubmatchIndex(s, -1)
	if got := f.findAll(s); !reflect.DeepEqual(got, want) {
		t.Errorf("%s on %q:\nstart-anchored finds %v\nthe plain expression %v", re, s, got, want)
		return false
	}
	if got, want := f.findIndex(s), re.FindStringIndex(s); !reflect.DeepEqual(got, want) {
		t.Errorf("first match of %s on %q: start-anchored %v, plain %v", re, s, got, want)
		return false
	}
	return true
}

// TestStartAnchoredMatchesAreThePlainExpressionsMatches compares every children
// expression run through startRe with the plain expression on the corpora, on their
// lower-cased and sentence-cut forms and on mutated drafts.
func TestStartAnchoredMatchesAreThePlainExpressionsMatches(t *testing.T) {
	texts := fastReTexts(t)
	res := childExpressions()
	var inputs []string
	for _, s := range texts {
		inputs = append(inputs, s, lowerSameLen(s))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 400 {
		m := mutate(r, texts)
		inputs = append(inputs, m, lowerSameLen(m))
	}
	// sentences, as the routine search cuts them
	for _, s := range texts[:min(len(texts), 300)] {
		for _, sent := range strings.FieldsFunc(lowerSameLen(s), func(r rune) bool { return strings.ContainsRune(".!?\n", r) }) {
			inputs = append(inputs, sent)
		}
	}
	for _, re := range res {
		fails := 0
		for _, s := range inputs {
			if !compareStartRe(t, re, s) {
				if fails++; fails > 3 {
					break
				}
			}
		}
	}
}

// TestStartAnalysisCoversTheChildrenExpressions keeps the fast path in use: an
// expression it gives up on runs over every byte of a draft again.
func TestStartAnalysisCoversTheChildrenExpressions(t *testing.T) {
	for _, re := range childExpressions() {
		if !startOf(re).ok {
			t.Errorf("no start analysis for %s", re)
		}
	}
}

func TestStartAnalysisOnSmallExpressions(t *testing.T) {
	tests := []struct {
		name, expr string
		ok         bool
		inputs     []string
	}{
		{"a word list finds whole words only", `\b(?:kita|schule)\b`, true, []string{"die Kita, die kita und schulen", "kita", "xkita kita_ kita"}},
		{"an expression that can match nothing runs as it is", `a*`, false, []string{"baaa"}},
		{"a leading wildcard runs as it is", `.b`, false, []string{"ab"}},
		{"case folding finds every case", `(?i)\bkid\b`, true, []string{"KID Kid k\u212aid kid"}},
		{"a word boundary before a non-word start", `\b#(?:momlife)\b`, true, []string{"a#momlife #momlife x #momlifes"}},
		{"an end anchor keeps its meaning", `\bist (\d)(?:\s*$|!)`, true, []string{"ist 5", "ist 5 ", "ist 5 x", "ist 5!"}},
		{"an unbounded name stops where its letters end", `\bin ([A-Z][a-z]+)`, true, []string{"in Berlin, in Hamburgerland", "in Ä in Köln"}},
		{"invalid bytes before a match", `\bab\b`, true, []string{"\xffab", "\xc3ab", "\xe2\x82ab", "äab ab"}},
		{"a window ends after as many spaces as a match may hold", `\b(?:in|an) der ([A-Z]\w*(?:straße|weg))`, true,
			[]string{"in der Lindenstraße", "an der Linden straße", "in der Am Weg weg", "in der  Feldweg", "in der\tFeldweg"}},
		{"a needed string out of reach skips the start", `\b((?:[A-Z][a-z]+ ){1,3})U ?\d{1,2}\b`, true,
			[]string{"Eintracht Frankfurt U9", "Eintracht Nord Frankfurt Ost U 12", "Team Blau und U9", "Unser Team U12x U12"}},
		{"a lazy gap and a bounded window", `\b(?:hole|holt)\b[^.!?\n]{0,10}\bab`, true,
			[]string{"ich hole sie ab", "ich hole sie um halb drei ab", "holt. ab", "hole ab hole x ab"}},
		{"a match runs over any white space but over no more words than it holds", `\b(?:is|was) (\d)(?:\s*[!.]|\s*$|\s+(?:and|now)\b|\s*[^\sa-z0-9])`, true,
			[]string{"is 5", "is 5 \n\n\t !", "was 5     and x", "is 5 x is 6\n\n\n\nnow", "is 5 \xff", "is 5   \u00e4", "is 5\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n."}},
		{"words that begin every match are not looked for again", `\b(?:in|at)\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)`, true,
			[]string{"in Berlin at Home", "into Berlin", "in\tNew York", "at  Home", "bin Laden in"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re := regexp.MustCompile(tt.expr)
			if got := newStartRe(re).ok; got != tt.ok {
				t.Fatalf("analysis of %s: ok = %v, want %v", tt.expr, got, tt.ok)
			}
			for _, s := range tt.inputs {
				compareStartRe(t, re, s)
			}
		})
	}
}

// FuzzStartRe compares the start-anchored search with the plain one on any input.
func FuzzStartRe(f *testing.F) {
	for _, s := range []string{"Unsere Emma (4) geht in die Kita Sonnenschein.", "my son walks home alone every day at 3pm",
		"TSV 1860 München U9 des FC Bayern", "\xffum 15.30 uhr\xc3", "Mama von zwei #momlife"} {
		f.Add(s)
	}
	res := childExpressions()
	f.Fuzz(func(t *testing.T, s string) {
		for _, re := range res {
			compareStartRe(t, re, s)
			compareStartRe(t, re, lowerSameLen(s))
		}
	})
}

// TestMisspeltKinIsOneOfTheWordsOneEditAway compares the indexed typoKin with a scan
// of the whole kinship map: it finds a word exactly when the scan does, and one that
// the scan accepts.
func TestMisspeltKinIsOneOfTheWordsOneEditAway(t *testing.T) {
	words := map[string]bool{}
	for _, s := range fastReTexts(t) {
		for _, tok := range NewDoc(s, []string{"de", "en"}).Tokens {
			words[tok.Norm] = true
		}
	}
	// every kinship word with one letter dropped, doubled or swapped
	for _, m := range []map[string]kinInfo{kinDE, kinEN} {
		for w := range m {
			for i := range len(w) {
				words[w[:i]+w[i+1:]] = true
				words[w[:i]+w[i:i+1]+w[i:]] = true
				if i+1 < len(w) {
					words[w[:i]+w[i+1:i+2]+w[i:i+1]+w[i+2:]] = true
				}
			}
		}
	}
	for _, c := range []struct {
		index *typoIndex
		words map[string]kinInfo
	}{{typoDE, kinDE}, {typoEN, kinEN}} {
		for n := range words {
			var accepted []kinInfo
			if len(n) >= 6 && !kinFillersDE[n] && !kinFillersEN[n] && !littleWords[n] && !commonNotKin[n] {
				for w, info := range c.words {
					if len(w) >= 6 && !info.adj && !info.needsLittle && w[0] == n[0] && editOne(n, w) {
						accepted = append(accepted, info)
					}
				}
			}
			got, ok := typoKin(n, c.index)
			if ok != (len(accepted) > 0) || ok && !slices.Contains(accepted, got) {
				t.Errorf("typoKin(%q) = %v, %v; a scan of the map accepts %v", n, got, ok, accepted)
			}
		}
	}
}

// TestBracketAgeOnAWindowIsTheAgeOnTheWholeRest compares parenAge and the comma age,
// which look at a few bytes after a token, with the expressions run on the rest of
// the draft.
func TestBracketAgeOnAWindowIsTheAgeOnTheWholeRest(t *testing.T) {
	texts := fastReTexts(t)
	texts = append(texts, "Emma (4)", "Emma (12 Jahre) und Ben ( 3)", "Ben\t(7 yrs)", "Mia (4 J.) ", "Sophie, 9, hat", "Sophie,9 Jahre,", "Leo,12 years,x")
	for _, s := range texts {
		doc := NewDoc(s, []string{"de", "en"})
		sc := &childScan{doc: doc, toks: doc.Tokens}
		for i, tok := range doc.Tokens {
			rest := s[tok.End:]
			age, start, end, ok := sc.parenAge(i)
			var want []int
			if m := parenAgeRe.FindStringSubmatchIndex(rest); m != nil {
				want = m
			}
			if ok != (want != nil) {
				t.Errorf("parenAge after %q in %q: found %v, the expression on the rest %v", tok.Norm, s, ok, want)
				continue
			}
			if ok {
				n, _ := strconv.Atoi(rest[want[2]:want[3]])
				if age != n || end != tok.End+want[1] || start != tok.End+want[0]+strings.Index(rest[want[0]:want[1]], "(") {
					t.Errorf("parenAge after %q in %q = %d [%d,%d), want %v", tok.Norm, s, age, start, end, want)
				}
			}
			got := commaAgeRe.FindStringSubmatchIndex(rest[:min(len(rest), commaAgeWindow)])
			if !strings.HasPrefix(rest, ",") {
				got = nil
			}
			if want := commaAgeRe.FindStringSubmatchIndex(rest); !reflect.DeepEqual(got, want) {
				t.Errorf("comma age after %q in %q: window finds %v, the whole rest %v", tok.Norm, s, got, want)
			}
		}
	}
}

func TestStartAnalysisBounds(t *testing.T) {
	tests := []struct {
		name, expr string
		solid      int
		need       bool
	}{
		{"white space runs add nothing to the solid bytes", `\bis (\d)(?:\s*!|\s*$)`, 7, false},
		{"a needed word after the start is looked for", `\bin\s[A-Z]\w*strasse`, -1, true},
		{"a class with other runes counts as a whole rune", `\bis(?:\s*[^\sa-z])`, 6, false},
		{"an unbounded word has no bound", `\bin ([A-Z][a-z]+)`, -1, false},
		{"a needed word that begins every match is not looked for", `\b(?:in|at)\s[A-Z]`, 6, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newStartRe(regexp.MustCompile(tt.expr))
			if f.maxSolid != tt.solid {
				t.Errorf("maxSolid of %s = %d, want %d", tt.expr, f.maxSolid, tt.solid)
			}
			if (f.need != nil) != tt.need {
				t.Errorf("need of %s = %q, want one: %v", tt.expr, f.need, tt.need)
			}
		})
	}
}
