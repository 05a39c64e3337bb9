package httpapi

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/rules"
	"github.com/postcheck/postcheck/web"
)

// benchTexts are the labelled drafts of every corpus, the mix the load test sends.
func benchTexts(b *testing.B) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "corpus.jsonl"))
	var out []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			var row struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &row) == nil && strings.TrimSpace(row.Text) != "" {
				out = append(out, row.Text)
			}
		}
		fh.Close()
	}
	if len(out) == 0 {
		b.Skip("no corpus drafts found")
	}
	return out
}

// BenchmarkCheckOverHTTP measures one check of a corpus draft through the API handler
// (JSON in, offsets, JSON out) next to the same check called directly, so that the
// difference is what HTTP handling costs.
func BenchmarkCheckOverHTTP(b *testing.B) {
	texts := benchTexts(b)
	e, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	c := check.NewChecker(lang.New(), e)
	pages, err := web.Templates()
	if err != nil {
		b.Fatal(err)
	}
	h := New(c, pages, web.Static(), WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))).Handler()
	bodies := make([]string, len(texts))
	for i, t := range texts {
		j, _ := json.Marshal(map[string]string{"text": t})
		bodies[i] = string(j)
	}
	b.Run("handler", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			req := httptest.NewRequest("POST", "/api/v1/check", strings.NewReader(bodies[i%len(bodies)]))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			i++
		}
	})
	b.Run("checker", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := c.Check(context.Background(), check.Draft{Text: texts[i%len(texts)]}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
