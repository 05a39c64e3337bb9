package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runningMain is the real program serving on a random loopback port.
type runningMain struct {
	URL    string
	cancel context.CancelFunc
	done   chan int
	logs   *syncBuffer
}

type syncBuffer struct {
	mu  chan struct{}
	buf bytes.Buffer
}

func newSyncBuffer() *syncBuffer { b := &syncBuffer{mu: make(chan struct{}, 1)}; return b }
func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu <- struct{}{}
	defer func() { <-b.mu }()
	return b.buf.Write(p)
}
func (b *syncBuffer) String() string {
	b.mu <- struct{}{}
	defer func() { <-b.mu }()
	return b.buf.String()
}

// mustRunMain starts `postcheck serve` in-process on 127.0.0.1:0 and stops it when the test ends.
func mustRunMain(t *testing.T, args ...string) *runningMain {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	logs := newSyncBuffer()
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs, Ready: ready}
	rm := &runningMain{cancel: cancel, done: make(chan int, 1), logs: logs}
	go func() { rm.done <- m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)) }()
	select {
	case addr := <-ready:
		rm.URL = "http://" + addr
	case code := <-rm.done:
		t.Fatalf("serve exited with %d: %s", code, logs.String())
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not become ready")
	}
	t.Cleanup(func() { rm.stop(t) })
	return rm
}

func (rm *runningMain) stop(t *testing.T) int {
	rm.cancel()
	select {
	case code := <-rm.done:
		rm.done <- code
		return code
	case <-time.After(30 * time.Second):
		t.Error("serve did not stop")
		return -1
	}
}

func TestServeEndToEnd(t *testing.T) {
	rm := mustRunMain(t)
	body := `{"text":"Meine Tochter Emma (4) 🌞 geht in die Kita Sonnenschein. Du Vollidiot! Mail: anna.keller@example.de"}`
	res, err := http.Post(rm.URL+"/api/v1/check", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var resp struct {
		Verdict  string
		Findings []struct{ RuleID, Text string }
	}
	if err := json.NewDecoder(res.Body).Decode(&resp); err != nil || res.StatusCode != 200 {
		t.Fatalf("%d %v", res.StatusCode, err)
	}
	if resp.Verdict != "block" {
		t.Errorf("verdict %s, want block", resp.Verdict)
	}
	texts := map[string]bool{}
	for _, f := range resp.Findings {
		texts[f.Text] = true
	}
	if !texts["Vollidiot"] {
		t.Errorf("findings %+v lack the insult", resp.Findings)
	}
	r2, err := http.Get(rm.URL + "/readyz")
	if err != nil || r2.StatusCode != 200 {
		t.Fatalf("readyz: %v %v", r2, err)
	}
	r2.Body.Close()
	if code := rm.stop(t); code != 0 {
		t.Errorf("serve exited with %d after shutdown, want 0", code)
	}
	if strings.Contains(rm.logs.String(), "Sonnenschein") {
		t.Error("the draft reached the log")
	}
	if !strings.Contains(rm.logs.String(), `"msg":"stopped"`) {
		t.Errorf("no clean stop in the log: %s", rm.logs.String())
	}
}

// run runs the CLI in-process.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	code := m.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckExitCodes(t *testing.T) {
	clean := writeFile(t, "clean.txt", "Schönes Wochenende euch allen!\n")
	rude := writeFile(t, "rude.txt", "Hallo zusammen,\ndu bist ein Arschloch.\n")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"a clean draft passes", []string{"check", clean}, 0},
		{"a high finding fails", []string{"check", rude}, 1},
		{"fail-on high ignores lower findings", []string{"check", "--fail-on", "high", clean}, 0},
		{"a missing file is an input error", []string{"check", "/nonexistent/file.txt"}, 2},
		{"a bad flag value is a usage error", []string{"check", "--fail-on", "huge", clean}, 2},
		{"an unknown flag is a usage error", []string{"check", "--nope", clean}, 2},
		{"an unknown command is a usage error", []string{"frobnicate"}, 2},
		{"no command is a usage error", nil, 2},
		{"the worst file decides", []string{"check", clean, rude, "/nonexistent"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if code, out, errs := run(t, "", tc.args...); code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errs)
			}
		})
	}
}

func TestCheckPrintsLikeACompiler(t *testing.T) {
	rude := writeFile(t, "rude.txt", "Hallo zusammen,\n🌞 du bist ein Arschloch.\n")
	_, out, _ := run(t, "", "check", rude)
	want := rude + ":2:15: high tone."
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if !strings.Contains(out, ": block (") {
		t.Errorf("output lacks the verdict:\n%s", out)
	}
	code, out, _ := run(t, "Du Vollidiot", "check", "--format", "json", "-")
	var resp map[string]any
	if err := json.Unmarshal([]byte(out), &resp); err != nil || code != 1 || resp["file"] != "<stdin>" {
		t.Errorf("json output %d %v: %s", code, err, out)
	}
	_, _, errs := run(t, strings.Repeat("a", 200), "check", "--max-text-bytes", "100", "-")
	if !strings.Contains(errs, "larger than 100 bytes") {
		t.Errorf("an oversized draft must be refused, not cut: %s", errs)
	}
}

func TestCheckJSONLKeepsOrderAndAnswersBadLines(t *testing.T) {
	var in strings.Builder
	for i := range 40 {
		if i == 7 {
			in.WriteString("{broken\n")
			continue
		}
		if i == 9 {
			in.WriteString(`{"id":9}` + "\n")
			continue
		}
		if i == 11 {
			in.WriteString(`{"id":11,"text":"` + strings.Repeat("x", 300) + `"}` + "\n")
			continue
		}
		in.WriteString(`{"id":` + itoa(i) + `,"text":"Entwurf Nummer ` + itoa(i) + ` du Idiot","labels":["offensive"]}` + "\n")
	}
	in.WriteString("\n") // blank lines are skipped
	code, out, errs := run(t, in.String(), "check", "--jsonl", "--max-line-bytes", "200", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 40 {
		t.Fatalf("%d output lines, want 40", len(lines))
	}
	for i, l := range lines {
		var v struct {
			ID    any
			Error *struct{ Code, Detail string }
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		switch i {
		case 7:
			if v.Error == nil || v.Error.Code != "invalid_json" || v.ID != nil {
				t.Errorf("line 7: %s", l)
			}
		case 9:
			if v.Error == nil || v.Error.Code != "text_required" || v.ID.(float64) != 9 {
				t.Errorf("line 9: %s", l)
			}
		case 11:
			if v.Error == nil || v.Error.Code != "text_too_long" {
				t.Errorf("line 11: %s", l)
			}
		default:
			if v.Error != nil || v.ID.(float64) != float64(i) {
				t.Errorf("line %d out of order or failed: %s", i, l)
			}
		}
	}
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + jsonNum(i)) }
func jsonNum(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

func TestRulesEvalAndVersion(t *testing.T) {
	code, out, _ := run(t, "", "rules")
	if code != 0 || !strings.Contains(out, "tone.") || !strings.Contains(out, " rules, ") {
		t.Errorf("rules: %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "rules", "--format", "json")
	if code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("rules json: %d", code)
	}
	set := writeFile(t, "set.jsonl", `{"id":1,"lang":"de","text":"Du Vollidiot!","labels":["offensive"]}
{"id":2,"lang":"de","text":"Schönes Wochenende euch allen!","labels":[]}
{"id":3,"lang":"en","text":"What a lovely day at the beach.","labels":[]}
`)
	code, out, errs := run(t, "", "eval", "--format", "json", set)
	if code != 0 {
		t.Fatalf("eval: %d %s", code, errs)
	}
	var res struct {
		Scores []struct {
			Label, Lang       string
			Precision, Recall float64
			TP, FP, FN, TN    int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Scores) == 0 {
		t.Fatalf("eval output %v: %s", err, out)
	}
	all := res.Scores[0]
	if all.Label != "offensive" || all.Lang != "all" || all.TP != 1 || all.FP != 0 || all.TN != 2 {
		t.Errorf("eval scores %+v", all)
	}
	if code, _, _ := run(t, "", "eval", "/nonexistent.jsonl"); code != 2 {
		t.Errorf("eval of a missing file: %d", code)
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "postcheck ") {
		t.Errorf("version: %d %s", code, out)
	}
}
