package wire_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/rules"
	"github.com/postcheck/postcheck/internal/text"
	"github.com/postcheck/postcheck/internal/wire"
)

func TestDecodeRequestRejectsBadBodiesWithCodes(t *testing.T) {
	tests := []struct {
		name, body, code string
	}{
		{"broken JSON", `{oops`, check.EInvalidJSON},
		{"unknown field", `{"text":"x","nope":1}`, check.EUnknownField},
		{"wrong type for text", `{"text":5}`, check.EInvalidJSON},
		{"wrong type for categories", `{"text":"x","categories":"tone"}`, check.EInvalidJSON},
		{"an array instead of an object", `["x"]`, check.EInvalidJSON},
		{"trailing data", `{"text":"x"} {"text":"y"}`, check.EInvalidJSON},
		{"invalid UTF-8", "{\"text\":\"\xff\"}", check.EInvalidJSON},
		{"empty body", ``, check.EInvalidJSON},
		{"truncated", `{"text":"x"`, check.EInvalidJSON},
		{"deeply nested", strings.Repeat(`{"context":`, 20000) + strings.Repeat("}", 20000), check.EInvalidJSON},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := wire.DecodeRequest([]byte(tc.body))
			if check.ErrorCode(err) != tc.code {
				t.Errorf("code %q (%v), want %q", check.ErrorCode(err), err, tc.code)
			}
		})
	}
}

func TestRequestWithoutTextIsTextRequired(t *testing.T) {
	req, err := wire.DecodeRequest([]byte(`{"language":"de"}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := req.Draft(); check.ErrorCode(err) != check.ETextRequired {
		t.Errorf("got %v", err)
	}
}

func TestRequestCarriesEveryContractField(t *testing.T) {
	body := `{"text":"Hallo","language":"de","categories":["tone"],"disabledRules":["tone.x"],"minSeverity":"medium",
	"policy":"default","context":{"platform":"linkedin","audience":"customers"},"redact":true,"explain":true,"offsetUnit":"codepoint"}`
	req, err := wire.DecodeRequest([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	d, unit, err := req.Draft()
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "Hallo" || d.Language != "de" || d.Categories[0] != "tone" || d.DisabledRules[0] != "tone.x" || d.MinSeverity != "medium" ||
		d.Policy != "default" || d.Platform != "linkedin" || d.Audience != "customers" || !d.Redact || !d.Explain || unit != text.CodePoint {
		t.Errorf("draft %+v unit %s", d, unit)
	}
	if _, _, err := (&wire.Request{Text: new(string), OffsetUnit: "furlong"}).Draft(); err == nil {
		t.Error("an unknown offset unit must fail")
	}
}

var (
	once    sync.Once
	checker *check.Checker
)

func fullChecker(t testing.TB) *check.Checker {
	once.Do(func() {
		e, err := rules.Default()
		if err != nil {
			t.Fatalf("packs: %v", err)
		}
		checker = check.NewChecker(lang.New(), e)
	})
	return checker
}

// FuzzCheckOffsets asserts for any draft: every finding's text equals the original
// slice and 0 ≤ start < end ≤ length, in every offset unit.
func FuzzCheckOffsets(f *testing.F) {
	for _, s := range []string{
		"Meine Tochter Emma (4) 🌞 geht in die Kita Sonnenschein. Du Vollidiot! Mail: anna.keller@example.de",
		"👨‍👩‍👧 Du A*schloch, 𝐈𝐝𝐢𝐨𝐭 und I d i o t", "Scho\u0308n, du Idiooot", "Id\u200Biot \u00AD", "\x00\x01 text",
		"IBAN DE89 3704 0044 0532 0130 00 📞 +49 171 2345678", "",
	} {
		f.Add(s)
	}
	c := fullChecker(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the checker refuses invalid UTF-8 with an error, tested elsewhere
		}
		rep, err := c.Check(context.Background(), check.Draft{Text: s, Redact: true})
		if err != nil {
			if code := check.ErrorCode(err); code != check.ETextRequired && code != check.ETextTooLong {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, unit := range []text.Unit{text.UTF16, text.CodePoint, text.Byte} {
			resp := wire.NewResponse(rep, unit, "fuzz")
			for _, fd := range resp.Findings {
				if fd.Start < 0 || fd.Start >= fd.End || fd.End > resp.TextLength {
					t.Fatalf("%s: finding %s at %d..%d of %d", unit, fd.RuleID, fd.Start, fd.End, resp.TextLength)
				}
				if got := slice(s, fd.Start, fd.End, unit); got != fd.Text {
					t.Fatalf("%s: slice %q != text %q", unit, got, fd.Text)
				}
			}
			if resp.Redacted != nil {
				for _, it := range resp.Redacted.Items {
					if got := slice(resp.Redacted.Text, it.Start, it.End, unit); got != it.Text {
						t.Fatalf("%s: redacted item %q != %q", unit, got, it.Text)
					}
				}
			}
		}
	})
}

// slice cuts s by offsets in unit, the way a client in that unit would.
func slice(s string, a, b int, unit text.Unit) string {
	switch unit {
	case text.Byte:
		return s[a:b]
	case text.CodePoint:
		r := []rune(s)
		return string(r[a:b])
	}
	var u []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			u = append(u, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		} else {
			u = append(u, uint16(r))
		}
	}
	return decode16(u[a:b])
}

func decode16(u []uint16) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if c >= 0xD800 && c < 0xDC00 && i+1 < len(u) {
			c = 0x10000 + (c-0xD800)<<10 + (rune(u[i+1]) - 0xDC00)
			i++
		}
		b.WriteRune(c)
	}
	return b.String()
}

// FuzzDecodeRequest feeds the request decoder any bytes: a request or a coded error.
func FuzzDecodeRequest(f *testing.F) {
	for _, s := range []string{`{"text":"x"}`, `{"text":"x","nope":1}`, `{"text":5}`, `{oops`, `[]`, `null`, "{\"text\":\"\xff\"}",
		`{"text":"x","context":{"audience":"customers"},"categories":["tone"]}`, `{"text":"x"} trailing`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := wire.DecodeRequest(data)
		if err != nil {
			switch check.ErrorCode(err) {
			case check.EInvalidJSON, check.EUnknownField:
			default:
				t.Fatalf("unexpected code for %q: %v", data, err)
			}
			return
		}
		if req == nil {
			t.Fatal("nil request without error")
		}
		if _, _, err := req.Draft(); err != nil && check.ErrorCode(err) == check.EInternal {
			t.Fatalf("internal error: %v", err)
		}
	})
}
