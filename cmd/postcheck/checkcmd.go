package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/text"
	"github.com/postcheck/postcheck/internal/wire"
)

type checkOptions struct {
	format, failOn, language, categories, minSeverity, policy, audience, offsetUnit string
	jsonl, redact                                                                   bool
	maxText, maxLine                                                                int
	workers                                                                         int
}

func (m *Main) check(ctx context.Context, args []string) int {
	fs := m.flags("check")
	var o checkOptions
	fs.StringVar(&o.format, "format", "text", "output: text (compiler-style) or json")
	fs.StringVar(&o.failOn, "fail-on", "high", "exit 1 when a finding is at or above: low, medium or high")
	fs.BoolVar(&o.jsonl, "jsonl", false, "batch mode: each input line is {\"id\", \"text\", …}; each output line the report plus id")
	fs.StringVar(&o.language, "language", "auto", "language of the drafts: auto, de, en, …")
	fs.StringVar(&o.categories, "categories", "", "comma-separated categories to check (default: all)")
	fs.StringVar(&o.minSeverity, "min-severity", "low", "report findings at or above: low, medium or high")
	var policies pathList
	fs.Var(&policies, "policy", "policy FILE or DIR (repeatable); a single file's policy is used unless --policy-name says otherwise")
	fs.StringVar(&o.policy, "policy-name", "", "name of the policy to apply (default: the one file given, else the built-in default)")
	fs.StringVar(&o.audience, "audience", "", "public, customers or private")
	fs.StringVar(&o.offsetUnit, "offset-unit", "utf16", "offsets in json output: utf16, codepoint or byte")
	fs.BoolVar(&o.redact, "redact", false, "also print the draft with findings redacted")
	fs.IntVar(&o.maxText, "max-text-bytes", 100_000, "largest accepted draft in bytes")
	fs.IntVar(&o.maxLine, "max-line-bytes", 1<<20, "largest accepted JSONL line in bytes")
	fs.IntVar(&o.workers, "workers", 0, "parallel checks in --jsonl mode (default: number of CPUs)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	failOn, err := check.ParseSeverity(o.failOn)
	if err != nil {
		fmt.Fprintf(m.Stderr, "postcheck check: --fail-on: %v\n", err)
		return exitUsage
	}
	if o.format != "text" && o.format != "json" {
		fmt.Fprintf(m.Stderr, "postcheck check: --format must be text or json\n")
		return exitUsage
	}
	unit, err := text.ParseUnit(o.offsetUnit)
	if err != nil {
		fmt.Fprintf(m.Stderr, "postcheck check: --offset-unit: %v\n", err)
		return exitUsage
	}
	if o.maxText <= 0 || o.maxLine <= 0 {
		fmt.Fprintf(m.Stderr, "postcheck check: --max-text-bytes and --max-line-bytes must be positive\n")
		return exitUsage
	}
	checker, store, err := buildChecker(policies, check.WithMaxTextBytes(o.maxText))
	if err != nil {
		fmt.Fprintf(m.Stderr, "postcheck check: %v\n", err)
		return exitUsage
	}
	if o.policy == "" {
		o.policy = soleFilePolicy(policies, store.List())
	}
	if _, ok := store.Policy(o.policy); !ok {
		fmt.Fprintf(m.Stderr, "postcheck check: unknown policy %q (loaded: %s)\n", o.policy, policyNames(store.List()))
		return exitUsage
	}
	if o.jsonl {
		if fs.NArg() > 1 {
			fmt.Fprintf(m.Stderr, "postcheck check --jsonl: give one FILE or -\n")
			return exitUsage
		}
		name := "-"
		if fs.NArg() == 1 {
			name = fs.Arg(0)
		}
		return m.checkJSONL(ctx, checker, name, o, unit)
	}
	names := fs.Args()
	if len(names) == 0 {
		names = []string{"-"}
	}
	code := exitOK
	for _, name := range names {
		c := m.checkFile(ctx, checker, name, o, unit, failOn)
		code = max(code, c)
	}
	return code
}

func (o checkOptions) draft(t string) check.Draft {
	d := check.Draft{Text: t, Language: o.language, MinSeverity: o.minSeverity, Policy: o.policy, Audience: o.audience, Redact: o.redact}
	if o.categories != "" {
		d.Categories = strings.Split(o.categories, ",")
	}
	return d
}

// readInput reads a whole file (or stdin for "-"); a file over limit is an error, never cut.
func (m *Main) readInput(name string, limit int) (string, error) {
	var r io.Reader = m.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return "", err
	}
	if len(data) > limit {
		return "", fmt.Errorf("the draft is larger than %d bytes (--max-text-bytes)", limit)
	}
	if !utf8.Valid(data) {
		return "", errors.New("the draft is not valid UTF-8")
	}
	return string(data), nil
}

func (m *Main) checkFile(ctx context.Context, c *check.Checker, name string, o checkOptions, unit text.Unit, failOn check.Severity) int {
	label := name
	if name == "-" {
		label = "<stdin>"
	}
	t, err := m.readInput(name, o.maxText)
	if err != nil {
		fmt.Fprintf(m.Stderr, "%s: error: %v\n", label, err)
		return exitUsage
	}
	rep, err := c.Check(ctx, o.draft(t))
	if err != nil {
		fmt.Fprintf(m.Stderr, "%s: error: %s\n", label, check.ErrorMessage(err))
		return exitUsage
	}
	if o.format == "json" {
		resp := struct {
			File string `json:"file"`
			*wire.Response
		}{label, wire.NewResponse(rep, unit, c.Engine().Version())}
		if err := writeJSONLine(m.Stdout, resp); err != nil {
			fmt.Fprintf(m.Stderr, "%s: error: %v\n", label, err)
			return exitUsage
		}
	} else {
		m.printText(label, rep)
	}
	if rep.MaxSeverity >= failOn {
		return exitFindings
	}
	return exitOK
}

// printText writes findings like a compiler: file:line:col: severity rule: message.
func (m *Main) printText(label string, rep *check.Report) {
	var b bytes.Buffer
	for _, f := range rep.Findings {
		line, col := lineCol(rep.Text, f.Span.Start)
		fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s [%s]\n", label, line, col, f.Severity, f.RuleID, f.Message, rep.Text[f.Span.Start:f.Span.End])
		if f.Suggestion != nil && f.Suggestion.Message != "" {
			fmt.Fprintf(&b, "    %s\n", f.Suggestion.Message)
		}
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(&b, "%s: warning: %s\n", label, w)
	}
	fmt.Fprintf(&b, "%s: %s (%s, %s) – %s\n", label, rep.Verdict, rep.Language.Code, plural(len(rep.Findings)), rep.Summary)
	if rep.Redacted != nil {
		fmt.Fprintf(&b, "--- redacted ---\n%s\n", rep.Redacted.Text)
	}
	_, _ = m.Stdout.Write(b.Bytes())
}

func plural(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", n)
}

// lineCol returns the 1-based line and code-point column of a byte offset.
func lineCol(s string, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if s[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCountInString(s[start:off]) + 1
}

func writeJSONLine(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// soleFilePolicy returns the name of the policy read from the only file given, so
// that `check --policy acme.yaml` applies it; "" otherwise.
func soleFilePolicy(paths []string, ps []*check.Policy) string {
	if len(paths) != 1 {
		return ""
	}
	var found []string
	for _, p := range ps {
		if p.Source != "" {
			found = append(found, p.Name)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

func policyNames(ps []*check.Policy) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}
