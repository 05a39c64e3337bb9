package httpapi

import "testing"

func TestTrimVerdictDropsOnlyTheRepeatedLabel(t *testing.T) {
	tests := []struct{ name, summary, label, want string }{
		{"the same words", "Nicht posten: 1 Hinweis (Ton 1).", "Nicht posten", "1 Hinweis (Ton 1)."},
		{"the label with a word more", "Do not post yet: 4 findings.", "Do not post", "4 findings."},
		{"a summary in the other language", "Do not post yet: 4 findings.", "Nicht posten", "Do not post yet: 4 findings."},
		{"a summary without a colon", "Nothing found – the draft is fine to post.", "Fine to post", "Nothing found – the draft is fine to post."},
		{"a colon much later", "Fine to post the text, but note: x", "Fine to post", "Fine to post the text, but note: x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trimVerdict(tt.summary, tt.label); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
