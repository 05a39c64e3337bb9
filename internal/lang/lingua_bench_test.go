package lang

import (
	"os"
	"strings"
	"testing"

	"github.com/pemistahl/lingua-go"
)

// benchPosts are a German and an English post, repeated to the benchmark sizes.
var benchPosts = map[string]string{
	"de": "Was für ein Tag! Unser Team hat heute das neue Projekt vorgestellt und die Kunden waren begeistert. " +
		"Danke an alle, die seit Monaten daran gearbeitet haben – morgen geht es weiter mit der nächsten Runde. ",
	"en": "What a day! Our team presented the new project today and the customers loved it. " +
		"Thanks to everyone who has worked on it for months – tomorrow we start the next round. ",
}

func repeatTo(s string, n int) string {
	out := strings.Repeat(s, n/len(s)+1)[:n]
	if i := strings.LastIndexByte(out, ' '); i > 0 {
		out = out[:i]
	}
	return out
}

// BenchmarkLinguaOptions measures the detector configurations one could choose: the
// one in use (low accuracy, nine languages, 1 KB sample), a shorter sample, German and
// English only, and — with POSTCHECK_BENCH_HIGH=1, as its models take 173 MB and
// seconds to load — high accuracy. The function-word pass is not included.
func BenchmarkLinguaOptions(b *testing.B) {
	low := func(langs ...lingua.Language) lingua.LanguageDetector {
		return lingua.NewLanguageDetectorBuilder().FromLanguages(langs...).WithPreloadedLanguageModels().WithLowAccuracyMode().Build()
	}
	type option struct {
		name   string
		d      func() lingua.LanguageDetector
		sample int
	}
	opts := []option{
		{"low-9langs-1000B", func() lingua.LanguageDetector { return low(Languages...) }, 1000},
		{"low-9langs-300B", func() lingua.LanguageDetector { return low(Languages...) }, 300},
		{"low-de-en-1000B", func() lingua.LanguageDetector { return low(lingua.German, lingua.English) }, 1000},
	}
	if os.Getenv("POSTCHECK_BENCH_HIGH") == "1" {
		opts = append(opts, option{"high-9langs-1000B", func() lingua.LanguageDetector {
			return lingua.NewLanguageDetectorBuilder().FromLanguages(Languages...).WithPreloadedLanguageModels().Build()
		}, 1000})
	}
	for _, o := range opts {
		d := o.d()
		for _, l := range []string{"de", "en"} {
			for _, n := range []int{280, 1500} {
				text := repeatTo(benchPosts[l], n)
				if len(text) > o.sample {
					text = text[:strings.LastIndexByte(text[:o.sample], ' ')]
				}
				b.Run(o.name+"/"+l+"/"+map[int]string{280: "280", 1500: "1500"}[n], func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						d.ComputeLanguageConfidenceValues(text)
					}
				})
			}
		}
	}
}
