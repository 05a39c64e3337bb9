package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCheckBadInput: every bad input gets a clear message and exit 2, or a correct
// report — never a panic or a silent cut.
func TestCheckBadInput(t *testing.T) {
	tests := []struct {
		name    string
		content string
		code    int
		stderr  string
	}{
		{"an empty file is refused", "", 2, "text is required"},
		{"a blank file is refused", " \n\t\n", 2, "text is required"},
		{"invalid UTF-8 is refused", "Hallo \xff\xfe Welt", 2, "not valid UTF-8"},
		{"1 MB of one character is refused, not cut", strings.Repeat("a", 1<<20), 2, "larger than 100000 bytes"},
		{"NUL and control characters are checked", "Du\x00 Idiot\x07!", 0, ""},
		{"only emoji are checked", "🌞🌞🌞👍", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, "draft.txt", tc.content)
			code, _, errs := run(t, "", "check", "--fail-on", "high", p)
			if code != tc.code && !(tc.code == 0 && code == 1) {
				t.Errorf("exit %d, want %d (stderr %s)", code, tc.code, errs)
			}
			if tc.stderr != "" && !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tc.stderr)
			}
		})
	}
}

func TestJSONLBadLines(t *testing.T) {
	lines := []string{
		`{"id":"a","text":5}`,
		`{"id":"b","text":"ok","language":7}`,
		"{\"id\":\"c\",\"text\":\"bad \xff utf8\"}",
		`{"id":"d","text":""}`,
		`[1,2,3]`,
		`{"id":"e","text":"Hallo","categories":["weather"]}`,
		`{"id":"f","text":"Hallo","minSeverity":"huge"}`,
		`{"id":"g","text":"Hallo","policy":"nope"}`,
		strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		`{"id":"h","text":"Du Vollidiot"}`,
	}
	code, out, errs := run(t, strings.Join(lines, "\n")+"\n", "check", "--jsonl", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := strings.Split(strings.TrimSpace(out), "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d answers for %d lines", len(got), len(lines))
	}
	wantCodes := []string{"invalid_json", "invalid_json", "invalid_json", "text_required", "invalid_json", "unknown_category", "invalid_severity", "unknown_policy", "invalid_json", ""}
	for i, l := range got {
		var v struct {
			Error *struct{ Code string }
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("line %d is not JSON: %v", i, err)
		}
		code := ""
		if v.Error != nil {
			code = v.Error.Code
		}
		if code != wantCodes[i] {
			t.Errorf("line %d: code %q, want %q (%s)", i, code, wantCodes[i], l)
		}
	}
}
