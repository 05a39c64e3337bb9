package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// at returns the byte span of the first occurrence of sub in text.
func at(text, sub string) Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("test text lacks " + sub)
	}
	return Span{i, i + len(sub)}
}

func mask(rule string, sev Severity, sp Span) Finding {
	return Finding{RuleID: rule, Category: Privacy, Severity: sev, Span: sp, Redaction: &Redaction{Operator: "mask"}}
}

func replace(rule string, sev Severity, sp Span, with string) Finding {
	return Finding{RuleID: rule, Category: Privacy, Severity: sev, Span: sp, Redaction: &Redaction{Operator: "replace", Text: with}}
}

func TestRedact(t *testing.T) {
	addr := "Lindenstraße 12, 50667 Köln"
	tests := []struct {
		name  string
		text  string
		fs    func(text string) []Finding
		want  string
		items int
	}{
		{
			name:  "a phone number after emoji and umlauts is masked in place, keeping its last two digits",
			text:  "😀🇩🇪 Grüße aus Köln! Ruft an: 0171 2345678 ✌️",
			fs:    func(s string) []Finding { return []Finding{mask("privacy.phone", Medium, at(s, "0171 2345678"))} },
			want:  "😀🇩🇪 Grüße aus Köln! Ruft an: •••• •••••78 ✌️",
			items: 1,
		},
		{
			name: "an address is replaced and a phone inside it is merged into the same stretch",
			text: "Party: " + addr + " – bis dann",
			fs: func(s string) []Finding {
				return []Finding{replace("privacy.postal_address", Medium, at(s, addr), "[Adresse]"), mask("privacy.phone", Low, at(s, "50667 Köln"))}
			},
			want:  "Party: [Adresse] – bis dann",
			items: 1,
		},
		{
			name: "the most severe finding of an overlapping stretch decides how it is hidden",
			text: "Konto DE89 3704 0044 0532 0130 00 jetzt",
			fs: func(s string) []Finding {
				return []Finding{replace("privacy.phone", Low, at(s, "3704 0044"), "[Telefon]"), mask("privacy.iban", High, at(s, "DE89 3704 0044 0532 0130 00"))}
			},
			want:  "Konto •••• •••• •••• •••• •••• 00 jetzt",
			items: 1,
		},
		{
			name: "a chain of overlapping findings becomes one stretch",
			text: "abc 111 222 333 444 end",
			fs: func(s string) []Finding {
				return []Finding{mask("privacy.a", Low, at(s, "111 222")), mask("privacy.b", Low, at(s, "222 333")), mask("privacy.c", Low, at(s, "333 444"))}
			},
			want:  "abc ••• ••• ••• •44 end",
			items: 1,
		},
		{
			name: "separate findings stay separate items",
			text: "PIN 4821 und Mail anna@example.de",
			fs: func(s string) []Finding {
				return []Finding{mask("privacy.password", High, at(s, "4821")), replace("privacy.email", Medium, at(s, "anna@example.de"), "[E-Mail]")}
			},
			want:  "PIN •••• und Mail [E-Mail]",
			items: 2,
		},
		{
			name: "findings without redaction and spans outside the text or inside a character are left alone",
			text: "Grüße 0171 2345678",
			fs: func(s string) []Finding {
				bad := Span{strings.Index(s, "ü") + 1, len(s)}
				return []Finding{{RuleID: "tone.x", Span: at(s, "Grüße")}, mask("privacy.x", High, Span{5, 500}), mask("privacy.y", High, bad)}
			},
			want:  "Grüße 0171 2345678",
			items: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Redact(tt.text, tt.fs(tt.text))
			if r.Text != tt.want {
				t.Errorf("redacted\n got %q\nwant %q", r.Text, tt.want)
			}
			if len(r.Items) != tt.items {
				t.Fatalf("got %d items %+v, want %d", len(r.Items), r.Items, tt.items)
			}
			for _, it := range r.Items {
				part := r.Text[it.Span.Start:it.Span.End]
				if !utf8.ValidString(part) || strings.TrimLeft(part, "•[") == part && !strings.ContainsRune(part, '•') {
					t.Errorf("item %+v points at %q, not at a redaction", it, part)
				}
			}
		})
	}
}

func TestMaskKeepsTheLastTwoDigitsOfLongNumbersOnly(t *testing.T) {
	tests := []struct{ in, want string }{
		{"4111 1111 1111 1111", "•••• •••• •••• ••11"},
		{"DE89 3704 0044 0532 0130 00", "•••• •••• •••• •••• •••• 00"},
		{"4821", "••••"},
		{"Katze123", "••••••••"},
		{"märz.müller@web.de", "••••.••••••@•••.••"},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
