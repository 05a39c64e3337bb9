package rules

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/text"
)

// freshEngine matches every draft on memory of its own, never reused: the way
// before Engine.Match handed a draft's buffers to the next.
type freshEngine struct{ *Engine }

func (e freshEngine) Match(req check.MatchRequest) []check.Finding {
	doc := &Doc{Prepared: text.Prepare(req.Text), Langs: req.Languages, bufs: new(docBuffers)}
	return e.MatchDoc(doc, req.MessageLang)
}

// reportJSON is a report as the API writes it, without its duration.
func reportJSON(t testing.TB, c *check.Checker, s string) string {
	rep, err := c.Check(context.Background(), check.Draft{Text: s, Redact: true})
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	rep.DurationMs = 0
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReleasedDraftsLeaveNothingInReports runs drafts through checkers on several
// goroutines at once, each draft's buffers going on to the next, and compares every
// report with that of a check on fresh memory: once when it is returned and again
// after all checks, when the buffers of its draft have served many others. Run it
// with -race as well: a buffer in use by two checks at once is a race.
func TestReleasedDraftsLeaveNothingInReports(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for i, s := range append(repoTexts(t, "*.jsonl"), exampleTexts(e)...) {
		if i%3 == 0 && strings.TrimSpace(s) != "" { // a third is plenty, and -race is slow
			texts = append(texts, s)
		}
	}
	// Posts of about 1,500 bytes, and one draft too long for the pool.
	var post strings.Builder
	for _, s := range texts {
		post.WriteString(s + "\n\n")
		if post.Len() > 1500 {
			texts = append(texts, post.String())
			post.Reset()
		}
	}
	texts = append(texts, strings.Repeat("Anna (5) geht in die Kita Sonnenschein, ruf an: 0171 2345678. Du Idiot! ", 600))
	det := lang.New()
	fresh, pooled := check.NewChecker(det, freshEngine{e}), check.NewChecker(det, e)
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = reportJSON(t, fresh, s)
	}

	const workers = 4
	reports := make([][]*check.Report, workers)
	var wg sync.WaitGroup
	for w := range workers {
		reports[w] = make([]*check.Report, len(texts))
		wg.Go(func() {
			order := rand.New(rand.NewPCG(uint64(w), 7)).Perm(len(texts))
			for _, i := range order {
				rep, err := pooled.Check(context.Background(), check.Draft{Text: texts[i], Redact: true})
				if err != nil {
					t.Errorf("%q: %v", texts[i], err)
					return
				}
				rep.DurationMs = 0
				if b, _ := json.Marshal(rep); string(b) != want[i] {
					t.Errorf("%q: report on reused memory\n%s\nfresh\n%s", texts[i], b, want[i])
				}
				reports[w][i] = rep
			}
		})
	}
	wg.Wait()
	for w := range reports {
		for i, rep := range reports[w] {
			if rep == nil {
				continue
			}
			if b, _ := json.Marshal(rep); string(b) != want[i] {
				t.Fatalf("%q: report changed after its draft was released\n%s\nfresh\n%s", texts[i], b, want[i])
			}
		}
	}
}

// TestReleasedDocIsEmpty checks that a released Doc holds nothing of its draft, so
// that a use after release fails loudly instead of reading another draft.
func TestReleasedDocIsEmpty(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := NewDoc("Anna (5) geht in die Kita Sonnenschein. #AusländerRaus", []string{"de"})
	p := doc.Prepared
	e.MatchDoc(doc, "de")
	doc.release()
	if doc.Prepared != nil || doc.bufs != nil || doc.folded.v != nil || doc.scanOrig.v != nil || p.Tokens != nil {
		t.Fatal("a released Doc still holds its draft")
	}
}
