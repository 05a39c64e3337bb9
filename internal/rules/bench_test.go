package rules_test

import (
	"context"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

var benchDrafts = map[string]string{
	"de": "Was für ein Tag! Unser Team hat heute das neue Projekt vorgestellt und die Kunden waren begeistert. " +
		"Meine Tochter Emma (4) war auch dabei, sie geht in die Kita Sonnenschein. Ruft mich an: 0171 2345678. ",
	"en": "What a day! Our team presented the new project today and the customers loved it. " +
		"My daughter Emma (4) came along, she goes to Sunshine Daycare. Call me on +44 20 7946 0958 any time. ",
}

// sized repeats the draft to n bytes, cut at a word boundary.
func sized(s string, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(s)
	}
	out := b.String()[:n]
	if i := strings.LastIndexByte(out, ' '); i > 0 {
		out = out[:i]
	}
	return out
}

// BenchmarkCheck measures one whole check, language detection included.
func BenchmarkCheck(b *testing.B) {
	c, _ := fullChecker(b)
	for _, lang := range []string{"de", "en"} {
		for _, n := range []int{280, 1500, 20000} {
			text := sized(benchDrafts[lang], n)
			b.Run(lang+"/"+itoa(n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := c.Check(context.Background(), check.Draft{Text: text}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}
