package rules_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

// corpusRow is one labelled draft.
type corpusRow struct {
	ID     string   `json:"id"`
	Lang   string   `json:"lang"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
}

func readCorpus(t *testing.T, path string) []corpusRow {
	t.Helper()
	return readJSONL[corpusRow](t, path)
}

func childrenFindings(t *testing.T, c *check.Checker, text string) []check.Finding {
	t.Helper()
	rep, err := c.Check(context.Background(), check.Draft{Text: text})
	if err != nil {
		t.Fatalf("Check(%q): %v", text, err)
	}
	var out []check.Finding
	for _, f := range rep.Findings {
		if f.Category == check.Children {
			out = append(out, f)
		}
	}
	return out
}

// TestChildrenCorpus measures the children rules on the labelled corpus: precision
// must reach 0.95 and recall 0.90 in German and in English.
func TestChildrenCorpus(t *testing.T) {
	c, _ := fullChecker(t)
	rows := readCorpus(t, "../../testdata/children/corpus.jsonl")
	type counts struct{ tp, fp, fn, pos, neg int }
	per := map[string]*counts{}
	for _, r := range rows {
		want := false
		for _, l := range r.Labels {
			want = want || l == "children"
		}
		got := len(childrenFindings(t, c, r.Text)) > 0
		k := per[r.Lang]
		if k == nil {
			k = &counts{}
			per[r.Lang] = k
		}
		if want {
			k.pos++
		} else {
			k.neg++
		}
		switch {
		case got && want:
			k.tp++
		case got && !want:
			k.fp++
			t.Logf("false positive %s: %s", r.ID, r.Text)
		case !got && want:
			k.fn++
			t.Logf("missed %s: %s", r.ID, r.Text)
		}
	}
	for _, lang := range []string{"de", "en"} {
		k := per[lang]
		if k == nil || k.pos < 60 || k.neg < 60 {
			t.Fatalf("%s: the corpus needs at least 60 positives and 60 negatives, has %+v", lang, k)
		}
		p := float64(k.tp) / float64(max(1, k.tp+k.fp))
		r := float64(k.tp) / float64(k.pos)
		t.Logf("%s: precision %.3f recall %.3f (tp %d fp %d fn %d, %d positives, %d negatives)", lang, p, r, k.tp, k.fp, k.fn, k.pos, k.neg)
		if p < 0.95 {
			t.Errorf("%s: precision %.3f is below 0.95", lang, p)
		}
		if r < 0.90 {
			t.Errorf("%s: recall %.3f is below 0.90", lang, r)
		}
	}
}

// TestChildrenDebug prints the children findings of CHILDREN_DEBUG (texts, one a line)
// or of the "text" fields of the JSON Lines file CHILDREN_DEBUG_FILE. It is a tool for
// rule writers and skips without either variable.
func TestChildrenDebug(t *testing.T) {
	var texts []string
	if in := os.Getenv("CHILDREN_DEBUG"); in != "" {
		texts = strings.Split(in, "\n")
	}
	if path := os.Getenv("CHILDREN_DEBUG_FILE"); path != "" {
		for _, r := range readCorpus(t, path) {
			texts = append(texts, r.Text)
		}
	}
	if len(texts) == 0 {
		t.Skip("set CHILDREN_DEBUG or CHILDREN_DEBUG_FILE")
	}
	c, _ := fullChecker(t)
	only := os.Getenv("CHILDREN_DEBUG_FILE") != ""
	for _, line := range texts {
		if strings.TrimSpace(line) == "" {
			continue
		}
		rep, err := c.Check(context.Background(), check.Draft{Text: line, Redact: true})
		if err != nil {
			t.Fatal(err)
		}
		var fs []check.Finding
		for _, f := range rep.Findings {
			if f.Category == check.Children {
				fs = append(fs, f)
			}
		}
		if only && len(fs) == 0 {
			continue
		}
		fmt.Printf("== %s [%s]\n", line, rep.Language.Code)
		for _, f := range fs {
			fmt.Printf("   %-30s %-6s %q | %s\n", f.RuleID, f.Severity, line[f.Span.Start:f.Span.End], f.Explanation)
		}
		if rep.Redacted != nil && !only {
			fmt.Printf("   -> %s\n", rep.Redacted.Text)
		}
	}
}

// TestChildrenSeverity checks that severity follows exposure: a mere reference is low,
// a name or age medium, several details together high, and an institution speaking of
// its children as a group one step lower than a parent.
func TestChildrenSeverity(t *testing.T) {
	c, _ := fullChecker(t)
	tests := []struct {
		name, text, rule string
		want             check.Severity
	}{
		{"a mere reference to one's own child is low", "Unsere Tochter hatte heute einen schönen Tag.", "children.child_mention", check.Low},
		{"a parent naming their child is medium", "Unsere Tochter Emma hat heute Laufen gelernt.", "children.child_name", check.Medium},
		{"an age next to the child is medium", "My 7-year-old asked me about taxes today.", "children.child_age", check.Medium},
		{"name, age, daycare and town together are high", "Unsere Emma (4) geht jetzt in die Kita Sonnenschein in Musterstadt!", "children.identifiable_child", check.High},
		{"a school naming a pupil is lower than a parent", "Unsere Kinder der Klasse 2b haben beim Sportfest gewonnen! Emma (7) lief am schnellsten.", "children.child_name", check.Low},
		{"a school's combined finding is medium", "Unsere Kinder der Klasse 2b haben beim Sportfest gewonnen! Emma (7) lief am schnellsten.", "children.identifiable_child", check.Medium},
		{"a naked child is high", "Unser Kleiner nackt am Strand 😂", "children.child_exposure", check.High},
		{"a tantrum shown in a video is high", "Video von meiner Tochter mit Trotzanfall im Supermarkt 😂", "children.child_exposure", check.High},
		{"a tantrum told in words is medium", "My daughter had a massive tantrum at the store today.", "children.child_exposure", check.Medium},
		{"walking home alone at a fixed time is high", "My kids walk home alone from school every day at 3:15.", "children.child_routine", check.High},
		{"a class photo by a teacher is low", "Our students had a blast at field day! Pics in the gallery 📸", "children.child_photo", check.Low},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got check.Severity
			for _, f := range childrenFindings(t, c, tt.text) {
				if f.RuleID == tt.rule {
					got = max(got, f.Severity)
				}
			}
			if got != tt.want {
				t.Errorf("%s on %q: severity %v, want %v", tt.rule, tt.text, got, tt.want)
			}
		})
	}
}

// TestChildrenTopicIsNotFlagged checks that children as a subject yield nothing.
func TestChildrenTopicIsNotFlagged(t *testing.T) {
	c, _ := fullChecker(t)
	for _, text := range []string{
		"Kinderarmut in Deutschland steigt weiter.",
		"Müller & Söhne – seit 1890 Ihr Schreiner.",
		"Mit Kind und Kegel zum Sommerfest!",
		"Wir müssen das Kind beim Namen nennen.",
		"Mein Sohn (34) hat gestern geheiratet.",
		"Our subsidiary in Singapore had a record quarter.",
		"My son-in-law built us a new deck.",
		"I never post photos of my kids online.",
	} {
		if fs := childrenFindings(t, c, text); len(fs) > 0 {
			t.Errorf("%q: unexpected %s on %q", text, fs[0].RuleID, text[fs[0].Span.Start:fs[0].Span.End])
		}
	}
}

// TestChildrenCombinedExplanation checks that the combined finding names its pieces
// and the child, and spans the whole stretch.
func TestChildrenCombinedExplanation(t *testing.T) {
	c, _ := fullChecker(t)
	tests := []struct{ text, wantSpan, wantNote string }{
		{"Unsere Emma (4) geht jetzt in die Kita Sonnenschein in Musterstadt!",
			"Unsere Emma (4) geht jetzt in die Kita Sonnenschein in Musterstadt", "Name + Alter + Kita + Ort machen Emma auffindbar."},
		{"My son Jack turns 7 today – so proud of him at Lincoln Elementary!",
			"My son Jack turns 7 today – so proud of him at Lincoln Elementary", "Name + age + school make Jack findable."},
	}
	for _, tt := range tests {
		found := false
		for _, f := range childrenFindings(t, c, tt.text) {
			if f.RuleID != "children.identifiable_child" {
				continue
			}
			found = true
			if got := tt.text[f.Span.Start:f.Span.End]; got != tt.wantSpan {
				t.Errorf("span %q, want %q", got, tt.wantSpan)
			}
			if !strings.Contains(f.Explanation, tt.wantNote) {
				t.Errorf("explanation %q lacks %q", f.Explanation, tt.wantNote)
			}
		}
		if !found {
			t.Errorf("no combined finding for %q", tt.text)
		}
	}
}

// TestChildrenRedaction checks that a draft redacted for children findings still reads naturally.
func TestChildrenRedaction(t *testing.T) {
	c, _ := fullChecker(t)
	tests := []struct{ text, want string }{
		{"Unsere Emma (4) geht jetzt in die Kita Sonnenschein in Musterstadt!", "Unsere Kleine geht jetzt in die Kita hier in der Gegend!"},
		{"My son Jack turns 7 today – so proud of him at Lincoln Elementary!", "My son has a birthday today – so proud of him at school!"},
		{"Ich hole meine Tochter jeden Tag um 15 Uhr an der Grundschule am Lindenpark ab.", "Ich hole meine Tochter regelmäßig an der Grundschule ab."},
		{"Meine Tochter Lina (6) hat heute ihren ersten Wackelzahn verloren.", "Meine Tochter hat heute ihren ersten Wackelzahn verloren."},
		{"Mein Großer geht seit heute auf das Goethe-Gymnasium.", "Mein Großer geht seit heute auf das Gymnasium."},
	}
	for _, tt := range tests {
		// only children findings: other categories' redactions would merge with these
		rep, err := c.Check(context.Background(), check.Draft{Text: tt.text, Redact: true, Categories: []string{"children"}})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Redacted == nil || rep.Redacted.Text != tt.want {
			got := ""
			if rep.Redacted != nil {
				got = rep.Redacted.Text
			}
			t.Errorf("redacted %q\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestChildrenConcurrentChecks checks that concurrent drafts get the same children
// findings as one at a time: the analysis is shared between the children rules.
func TestChildrenConcurrentChecks(t *testing.T) {
	c, _ := fullChecker(t)
	rows := readCorpus(t, "../../testdata/children/corpus.jsonl")[:64]
	want := make([]int, len(rows))
	for i, r := range rows {
		want[i] = len(childrenFindings(t, c, r.Text))
	}
	got := make([]int, len(rows))
	done := make(chan struct{})
	for w := 0; w < 4; w++ {
		go func(w int) {
			defer func() { done <- struct{}{} }()
			for i := w; i < len(rows); i += 4 {
				rep, err := c.Check(context.Background(), check.Draft{Text: rows[i].Text})
				if err != nil {
					return
				}
				for _, f := range rep.Findings {
					if f.Category == check.Children {
						got[i]++
					}
				}
			}
		}(w)
	}
	for w := 0; w < 4; w++ {
		<-done
	}
	for i := range rows {
		if got[i] != want[i] {
			t.Errorf("%s: %d children findings concurrently, %d alone", rows[i].ID, got[i], want[i])
		}
	}
}
