package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/check"
)

func init() {
	RegisterValidator("tone_shouting", func(map[string]string) (MatchFunc, error) { return shouting, nil })
	RegisterValidator("tone_punctuation", func(map[string]string) (MatchFunc, error) { return punctuationStorm, nil })
	RegisterValidator("tone_emoji", func(map[string]string) (MatchFunc, error) { return insultEmoji, nil })
}

// acronyms are capitalised words that name things rather than raise the voice.
var acronyms = set("nato", "unesco", "unicef", "nasa", "fifa", "uefa", "covid", "opec", "asap", "diy", "faq", "html", "json",
	"ikea", "adac", "gmbh", "ag", "dsgvo", "gdpr", "usa", "eu", "uk", "cdu", "csu", "spd", "fdp", "afd", "bvb", "dfb", "ard", "zdf",
	"wdr", "ndr", "swr", "mdr", "ceo", "cto", "cfo", "hr", "it", "ki", "ai", "api", "pdf", "kfz", "tuev", "lol", "omg", "btw", "nrw",
	"bmw", "vw", "dhl", "ups", "sap", "ibm", "nhs", "bbc", "cnn", "fbi", "cia", "wlan", "usb", "led", "pin", "tan", "iban", "bic",
	"nyc", "la", "ok", "okay", "tv", "pc", "dj", "mvp", "rip", "wm", "em", "pkw", "lkw", "ice", "db", "oepnv", "ubahn", "sbahn",
	"seo", "crm", "erp", "saas", "b2b", "b2c", "kpi", "roi", "q1", "q2", "q3", "q4", "fyi", "aka", "tbt", "ootd")

// shoutWord reports a word written mostly in capitals that is not a known acronym.
func shoutWord(doc *Doc, i int) bool {
	t := doc.Tokens[i]
	if t.Letters < 2 || t.Hashtag || t.Mention || acronyms[t.Norm] {
		return false
	}
	return t.Upper*10 >= t.Letters*8
}

// shouting finds runs of at least three words in capitals with at least two real
// words of four letters or more. Single capitals ("I", "A") and numbers may sit in
// a run but do not count, so "EU und NATO" or "Q3 KPI" never shout.
func shouting(doc *Doc) []Hit {
	var hits []Hit
	toks := doc.Tokens
	for i := 0; i < len(toks); {
		if !shoutWord(doc, i) {
			i++
			continue
		}
		j, words, long, last := i, 0, 0, i
		for j < len(toks) {
			t := toks[j]
			if j > i && strings.Contains(doc.Original[toks[j-1].End:t.Start], "\n") {
				break
			}
			switch {
			case shoutWord(doc, j):
				words++
				if t.Letters >= 4 {
					long++
				}
				last = j
			case t.Letters == 1 && t.Upper == 1, t.Letters == 0:
			default:
				goto done
			}
			j++
		}
	done:
		if words >= 3 && long >= 2 {
			hits = append(hits, Hit{Start: toks[i].Start, End: toks[last].End})
		}
		i = max(j, i+1)
	}
	return hits
}

var punctRe = regexp.MustCompile(`[!?]*(?:!{3,}|(?:\?!|!\?)[!?]{2,}|\?{4,})[!?]*`)

// punctuationStorm finds "!!!", "?!?!" and "????". A storm lies within a run of '!'
// and '?' of three or more, so the expression (which could start anywhere) only runs
// on those runs.
func punctuationStorm(doc *Doc) []Hit {
	var hits []Hit
	s := doc.Original
	for i := 0; i < len(s); i++ {
		if s[i] != '!' && s[i] != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '!' || s[j] == '?') {
			j++
		}
		if j-i >= 3 {
			for _, loc := range punctRe.FindAllStringIndex(s[i:j], -1) {
				hits = append(hits, Hit{Start: i + loc[0], End: i + loc[1]})
			}
		}
		i = j
	}
	return hits
}

// Emoji that insult by themselves, and emoji that insult when aimed at a person.
const middleFinger = '\U0001F595'

var aimedEmoji = map[rune]bool{
	'\U0001F412': true, // monkey
	'\U0001F435': true, // monkey face
	'\U0001F98D': true, // gorilla
	'\U0001F437': true, // pig face
	'\U0001F416': true, // pig
	'\U0001F400': true, // rat
	'\U0001F4A9': true, // pile of poo
	'\U0001F921': true, // clown
	'\U0001F40D': true, // snake
}

var apeEmoji = map[rune]bool{'\U0001F412': true, '\U0001F435': true, '\U0001F98D': true}

// insultEmoji finds the middle finger anywhere and animal or excrement emoji right
// after "du", "you" or an @mention. Monkey emoji aimed at a person are rated high:
// they are a common racist insult.
func insultEmoji(doc *Doc) []Hit {
	var hits []Hit
	s := doc.Original
	for i := 0; i < len(s); {
		// Every emoji looked for lies above U+FFFF, so its first byte is 0xF0, which
		// no other character's encoding contains.
		j := strings.IndexByte(s[i:], 0xF0)
		if j < 0 {
			break
		}
		i += j
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == middleFinger:
			end := i + w
			for end < len(s) {
				m, mw := utf8.DecodeRuneInString(s[end:])
				if (m < 0x1F3FB || m > 0x1F3FF) && m != middleFinger && m != 0xFE0F {
					break
				}
				end += mw
			}
			h := Hit{Start: i, End: end}
			if aimedAt(doc, i) {
				h.Severity = check.High
			}
			hits = append(hits, h)
			i = end
			continue
		case aimedEmoji[r] && aimedAt(doc, i):
			h := Hit{Start: i, End: i + w}
			if apeEmoji[r] {
				h.Severity = check.High
			}
			hits = append(hits, h)
		}
		i += w
	}
	return hits
}

// aimedAt reports a second-person word or an @mention among the three words before
// pos in the same sentence, with nothing but emoji and spaces after the last of them.
func aimedAt(doc *Doc, pos int) bool {
	k := doc.TokenAt(pos) - 1
	sent := doc.SentenceStart(pos)
	for n := 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		t := doc.Tokens[k]
		if t.Start < sent {
			return false
		}
		if t.Mention || secondPerson[t.Norm] || t.Norm == "sie" && n == 0 {
			return true
		}
	}
	return false
}
