package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redact returns text with every finding that carries a Redaction hidden. Overlapping
// findings are merged into one stretch; the redaction of the most severe finding of a
// stretch is used. Item offsets are bytes into the redacted text.
func Redact(text string, fs []Finding) Redacted {
	type stretch struct {
		span Span
		f    Finding
	}
	var st []stretch
	for _, f := range SortFindings(append([]Finding(nil), fs...)) {
		// A span outside the text or inside a character cannot be hidden safely; skip it
		// rather than panic or emit broken UTF-8.
		if f.Redaction == nil || f.Span.Start < 0 || f.Span.End > len(text) || f.Span.Start >= f.Span.End ||
			!utf8.RuneStart(text[f.Span.Start]) || f.Span.End < len(text) && !utf8.RuneStart(text[f.Span.End]) {
			continue
		}
		if n := len(st); n > 0 && f.Span.Start < st[n-1].span.End {
			last := &st[n-1]
			last.span.End = max(last.span.End, f.Span.End)
			if f.Severity > last.f.Severity {
				last.f = f
			}
			continue
		}
		st = append(st, stretch{f.Span, f})
	}
	var b strings.Builder
	out := Redacted{}
	pos := 0
	for _, s := range st {
		b.WriteString(text[pos:s.span.Start])
		rep := s.f.Redaction.Text
		if s.f.Redaction.Operator == "mask" || rep == "" {
			rep = Mask(text[s.span.Start:s.span.End])
		}
		start := b.Len()
		b.WriteString(rep)
		out.Items = append(out.Items, RedactedItem{RuleID: s.f.RuleID, Category: s.f.Category, Operator: s.f.Redaction.Operator, Span: Span{start, b.Len()}})
		pos = s.span.End
	}
	b.WriteString(text[pos:])
	out.Text = b.String()
	return out
}

// Mask hides letters and digits with '•'. A mostly numeric value keeps its last two
// digits, so its owner can still recognise it; separators and spaces stay.
func Mask(s string) string {
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	keep := 0
	if digits >= 6 && digits > letters {
		keep = 2
	}
	var b strings.Builder
	seen := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			seen++
			if seen > digits-keep {
				b.WriteRune(r)
			} else {
				b.WriteRune('•')
			}
		case unicode.IsLetter(r):
			b.WriteRune('•')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
