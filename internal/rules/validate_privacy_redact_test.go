package rules_test

import (
	"context"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

// TestPrivacyRedactionThroughTheChecker checks the redacted copy the whole checker
// produces for privacy findings: numbers masked with their last digits, addresses and
// e-mail addresses replaced, and text before them (emoji, umlauts) untouched.
func TestPrivacyRedactionThroughTheChecker(t *testing.T) {
	c, _ := fullChecker(t)
	tests := []struct {
		name string
		text string
		want []string // substrings of the redacted text
		gone []string // substrings that must not survive
	}{
		{
			name: "a German invitation hides address, phone and IBAN",
			text: "🎉🎉 Einweihung! Lindenstraße 12, 50667 Köln. Fragen: 0171 2345678. Geschenk: DE89 3704 0044 0532 0130 00 💶",
			want: []string{"🎉🎉 Einweihung! [Adresse].", "Fragen: •••• •••••78.", "•••• •••• •••• •••• •••• 00 💶"},
			gone: []string{"Lindenstraße", "2345678", "0532"},
		},
		{
			name: "an English post hides the e-mail address and the card number",
			text: "Hello everyone from the Ünïcode café ☕ – please write to jake.miller1990@gmail.com, my card 4111 1111 1111 1111 got declined again today",
			want: []string{"Ünïcode café ☕ – please write to [e-mail],", "card •••• •••• •••• ••11 got declined"},
			gone: []string{"jake.miller", "4111"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := c.Check(context.Background(), check.Draft{Text: tt.text, Categories: []string{"privacy"}, Redact: true})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Redacted == nil {
				t.Fatal("no redacted text")
			}
			got := rep.Redacted.Text
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("redacted %q lacks %q", got, w)
				}
			}
			for _, g := range tt.gone {
				if strings.Contains(got, g) {
					t.Errorf("redacted %q still contains %q", got, g)
				}
			}
		})
	}
}
