package rules_test

import (
	"context"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/rules"
	"github.com/postcheck/postcheck/internal/text"
)

// benchSizes are a tweet, a LinkedIn post and a long article, in bytes.
var benchSizes = []int{280, 1500, 20000}

// eachDraft runs f for German and English drafts of every benchmark size.
func eachDraft(b *testing.B, f func(b *testing.B, lang, text string)) {
	for _, l := range []string{"de", "en"} {
		for _, n := range benchSizes {
			s := sized(benchDrafts[l], n)
			b.Run(l+"/"+itoa(n), func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				b.ReportAllocs()
				f(b, l, s)
			})
		}
	}
}

// BenchmarkStagePrepare measures text preparation: normalising, tokens, variants.
func BenchmarkStagePrepare(b *testing.B) {
	eachDraft(b, func(b *testing.B, _, s string) {
		for b.Loop() {
			text.Prepare(s)
		}
	})
}

// BenchmarkStageDetect measures language detection.
func BenchmarkStageDetect(b *testing.B) {
	d := lang.New()
	eachDraft(b, func(b *testing.B, _, s string) {
		for b.Loop() {
			d.Detect(s)
		}
	})
}

// BenchmarkStageMatch measures rule matching (preparation included, as the engine
// prepares the text itself) for the draft's own language.
func BenchmarkStageMatch(b *testing.B) {
	_, e := fullChecker(b)
	eachDraft(b, func(b *testing.B, l, s string) {
		req := check.MatchRequest{Text: s, Languages: []string{l}, MessageLang: l}
		for b.Loop() {
			e.Match(req)
		}
	})
}

// BenchmarkStageScore measures what the checker does around matching: policy,
// filtering, sorting, counts, verdict and summary, with detection and matching
// replaced by their recorded answers.
func BenchmarkStageScore(b *testing.B) {
	_, e := fullChecker(b)
	eachDraft(b, func(b *testing.B, l, s string) {
		found := e.Match(check.MatchRequest{Text: s, Languages: []string{l}, MessageLang: l})
		c := check.NewChecker(fixedDetector{check.Detection{Language: check.Language{Code: l, Confidence: 1, Reliable: true}}}, recorded{e, found})
		for b.Loop() {
			if _, err := c.Check(context.Background(), check.Draft{Text: s}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

type fixedDetector struct{ d check.Detection }

func (f fixedDetector) Detect(string) check.Detection { return f.d }

// recorded answers every match with the same findings, copied so that the checker
// may filter them in place.
type recorded struct {
	*rules.Engine
	found []check.Finding
}

func (r recorded) Match(check.MatchRequest) []check.Finding {
	return append([]check.Finding(nil), r.found...)
}
