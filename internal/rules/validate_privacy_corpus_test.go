package rules_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/check"
)

// privacyEntity maps each privacy rule to the entity type its findings count as.
var privacyEntity = map[string]string{
	"privacy.email": "EMAIL", "privacy.phone": "PHONE", "privacy.iban": "IBAN", "privacy.bic": "BIC",
	"privacy.payment_card": "CARD", "privacy.tax_id_de": "TAX_ID", "privacy.social_security": "SOCIAL_SECURITY",
	"privacy.id_document": "ID_DOCUMENT", "privacy.postal_address": "ADDRESS", "privacy.date_of_birth": "DATE_OF_BIRTH",
	"privacy.licence_plate": "LICENCE_PLATE", "privacy.coordinates": "COORDINATES", "privacy.ip_address": "IP_ADDRESS",
	"privacy.password": "PASSWORD", "privacy.api_key": "API_KEY", "privacy.one_time_code": "OTP",
	"privacy.booking_code": "BOOKING_CODE", "privacy.health": "HEALTH", "privacy.sexual_orientation": "SEXUAL_ORIENTATION",
	"privacy.religion": "RELIGION", "privacy.ethnicity": "ETHNICITY", "privacy.trade_union": "TRADE_UNION",
	"privacy.criminal_record": "CRIMINAL", "privacy.absence": "ABSENCE", "privacy.live_location": "LIVE_LOCATION",
	"privacy.routine": "ROUTINE",
}

// presidioEntity maps the presidio-synth-pii entity types we detect to ours. The
// others (PERSON, ORGANIZATION, GPE, NRP, TITLE, AGE, DATE_TIME, ZIP_CODE, DOMAIN_NAME)
// are not flagged on purpose; see docs in the privacy pack.
var presidioEntity = map[string]string{
	"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "IBAN_CODE": "IBAN", "CREDIT_CARD": "CARD",
	"US_SSN": "SOCIAL_SECURITY", "STREET_ADDRESS": "ADDRESS", "IP_ADDRESS": "IP_ADDRESS", "US_DRIVER_LICENSE": "ID_DOCUMENT",
}

type spanRow struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Spans []struct {
		Entity string `json:"entity"`
		Start  int    `json:"start"`
		End    int    `json:"end"`
	} `json:"spans"`
}

type cpSpan struct {
	entity     string
	start, end int
}

// spanScore counts, per entity type, predicted spans that overlap a gold span of the
// same type (precision) and gold spans that some prediction of the type overlaps (recall).
// Overlap, not identity, is the criterion because contextual findings ("Haus steht leer",
// "ist schon wieder krank") have no single right boundary; the exact column shows how
// often the boundaries agree as well.
type spanScore struct {
	pred, predHit, gold, goldHit map[string]int
	// exact counts gold spans that some prediction of the type matches exactly.
	exact          map[string]int
	misses, falses []string
}

func newSpanScore() *spanScore {
	return &spanScore{pred: map[string]int{}, predHit: map[string]int{}, gold: map[string]int{}, goldHit: map[string]int{}, exact: map[string]int{}}
}

func (s *spanScore) add(id, text string, gold, pred []cpSpan) {
	overlap := func(a, b cpSpan) bool { return a.entity == b.entity && a.start < b.end && b.start < a.end }
	runes := []rune(text)
	for _, p := range pred {
		s.pred[p.entity]++
		if slices.ContainsFunc(gold, func(g cpSpan) bool { return overlap(p, g) }) {
			s.predHit[p.entity]++
		} else {
			s.falses = append(s.falses, fmt.Sprintf("%s %s %q", id, p.entity, string(runes[p.start:p.end])))
		}
	}
	for _, g := range gold {
		s.gold[g.entity]++
		if slices.Contains(pred, g) {
			s.exact[g.entity]++
		}
		if slices.ContainsFunc(pred, func(p cpSpan) bool { return overlap(p, g) }) {
			s.goldHit[g.entity]++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("%s %s %q", id, g.entity, string(runes[g.start:g.end])))
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// table renders the scores and returns overall precision and recall over the types in gold.
func (s *spanScore) table(judged map[string]bool) (string, float64, float64) {
	types := map[string]bool{}
	for t := range s.gold {
		types[t] = true
	}
	for t := range s.pred {
		if judged == nil || judged[t] {
			types[t] = true
		}
	}
	names := make([]string, 0, len(types))
	for t := range types {
		names = append(names, t)
	}
	slices.Sort(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s %6s %6s %9s %6s %6s\n", "entity", "gold", "pred", "precision", "recall", "exact")
	var p, ph, g, gh, ex int
	for _, t := range names {
		fmt.Fprintf(&b, "%-20s %6d %6d %9.3f %6.3f %6.3f\n", t, s.gold[t], s.pred[t], ratio(s.predHit[t], s.pred[t]), ratio(s.goldHit[t], s.gold[t]), ratio(s.exact[t], s.gold[t]))
		p, ph, g, gh, ex = p+s.pred[t], ph+s.predHit[t], g+s.gold[t], gh+s.goldHit[t], ex+s.exact[t]
	}
	fmt.Fprintf(&b, "%-20s %6d %6d %9.3f %6.3f %6.3f\n", "ALL", g, p, ratio(ph, p), ratio(gh, g), ratio(ex, g))
	return b.String(), ratio(ph, p), ratio(gh, g)
}

// scoreFile runs every row of a span-labelled JSONL file through the checker.
func scoreFile(t *testing.T, path string, mapGold func(string) (string, bool)) *spanScore {
	t.Helper()
	c, _ := fullChecker(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := newSpanScore()
	in := bufio.NewScanner(f)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	for in.Scan() {
		var row spanRow
		if err := json.Unmarshal(in.Bytes(), &row); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var gold []cpSpan
		for _, s := range row.Spans {
			if e, ok := mapGold(s.Entity); ok {
				gold = append(gold, cpSpan{e, s.Start, s.End})
			}
		}
		rep, err := c.Check(context.Background(), check.Draft{Text: row.Text, Categories: []string{"privacy"}})
		if err != nil {
			t.Fatalf("%s: %v", row.ID, err)
		}
		var pred []cpSpan
		for _, fd := range rep.Findings {
			e, ok := privacyEntity[fd.RuleID]
			if !ok {
				continue
			}
			pred = append(pred, cpSpan{e, utf8.RuneCountInString(row.Text[:fd.Span.Start]), utf8.RuneCountInString(row.Text[:fd.Span.End])})
		}
		sc.add(row.ID, row.Text, gold, pred)
	}
	if err := in.Err(); err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestPrivacyCorpusSpans measures span precision and recall per entity type on the
// labelled privacy corpus and holds the rules to their targets.
func TestPrivacyCorpusSpans(t *testing.T) {
	sc := scoreFile(t, filepath.Join("..", "..", "testdata", "privacy", "corpus.jsonl"), func(e string) (string, bool) { return e, true })
	tab, p, r := sc.table(nil)
	t.Logf("privacy corpus, span overlap per entity type:\n%s", tab)
	for _, m := range sc.misses {
		t.Logf("missed: %s", m)
	}
	for _, m := range sc.falses {
		t.Logf("false:  %s", m)
	}
	for _, e := range []string{"EMAIL", "PHONE", "IBAN", "CARD"} {
		if pp, rr := ratio(sc.predHit[e], sc.pred[e]), ratio(sc.goldHit[e], sc.gold[e]); pp < 0.99 || rr < 0.98 {
			t.Errorf("%s: precision %.3f (want ≥ 0.99), recall %.3f (want ≥ 0.98)", e, pp, rr)
		}
	}
	if p < 0.95 || r < 0.90 {
		t.Errorf("overall: precision %.3f (want ≥ 0.95), recall %.3f (want ≥ 0.90)", p, r)
	}
}

// TestPrivacyPresidioSpans reports span precision and recall on Presidio's synthetic
// PII sentences for the entity types we detect. It asserts nothing: the set is
// US-centric and labels names and places we deliberately leave alone.
func TestPrivacyPresidioSpans(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "datasets", "presidio-synth-pii.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared datasets not available (%v); skipping the Presidio measurement", err)
	}
	sc := scoreFile(t, path, func(e string) (string, bool) { m, ok := presidioEntity[e]; return m, ok })
	judged := map[string]bool{}
	for _, e := range presidioEntity {
		judged[e] = true
	}
	tab, _, _ := sc.table(judged)
	t.Logf("presidio-synth-pii, span overlap per entity type (types we flag):\n%s", tab)
	var other []string
	for e, n := range sc.pred {
		if !judged[e] {
			other = append(other, fmt.Sprintf("%s=%d", e, n))
		}
	}
	slices.Sort(other)
	t.Logf("findings of types the set does not label (not scored): %s", strings.Join(other, " "))
	for _, m := range sc.misses {
		if testing.Verbose() && os.Getenv("PRIVACY_SHOW") != "" {
			t.Logf("missed: %s", m)
		}
	}
	for _, m := range sc.falses {
		if os.Getenv("PRIVACY_SHOW") != "" {
			t.Logf("false:  %s", m)
		}
	}
}
