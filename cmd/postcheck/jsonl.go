package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/text"
	"github.com/postcheck/postcheck/internal/wire"
)

// jsonlLine is one batch input line. Fields beyond the request's are ignored, so
// labelled data sets can be fed in as they are.
type jsonlLine struct {
	ID            json.RawMessage `json:"id"`
	Text          *string         `json:"text"`
	Language      string          `json:"language"`
	Policy        string          `json:"policy"`
	Categories    []string        `json:"categories"`
	DisabledRules []string        `json:"disabledRules"`
	MinSeverity   string          `json:"minSeverity"`
	Redact        bool            `json:"redact"`
	Context       *wire.Context   `json:"context"`
}

type jsonlError struct {
	ID    json.RawMessage `json:"id"`
	Error struct {
		Code   string `json:"code"`
		Detail string `json:"detail"`
	} `json:"error"`
}

type jsonlOK struct {
	ID json.RawMessage `json:"id"`
	*wire.Response
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line of at most limit bytes; a longer line is consumed whole and
// reported as errLineTooLong, so the batch goes on with the next line.
func readLine(br *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			content := len(line) + len(chunk)
			if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
				content-- // the newline does not count
			}
			if content > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			if err == io.EOF {
				return nil, errLineTooLong
			}
			return nil, errors.Join(errLineTooLong, err)
		}
		return line, err
	}
}

type job struct {
	n    int
	line []byte
	err  error
	out  []byte
	done chan struct{}
}

// checkJSONL checks one draft per line with every CPU and writes the answers in input order.
func (m *Main) checkJSONL(ctx context.Context, c *check.Checker, name string, o checkOptions, unit text.Unit) int {
	var r io.Reader = m.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(m.Stderr, "postcheck check: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		r = f
	}
	workers := o.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan *job, workers*4)
	order := make(chan *job, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out = m.answerLine(ctx, c, j, o, unit)
				close(j.done)
			}
		}()
	}
	progress := isTerminal(m.Stderr)
	writeErr := make(chan error, 1)
	go func() {
		w := bufio.NewWriterSize(m.Stdout, 64<<10)
		var err error
		count := 0
		for j := range order {
			<-j.done
			if err == nil {
				_, err = w.Write(j.out)
			}
			count++
			if progress && count%100 == 0 {
				fmt.Fprintf(m.Stderr, "\rchecked %d lines", count)
			}
		}
		if err == nil {
			err = w.Flush()
		}
		if progress {
			fmt.Fprintf(m.Stderr, "\rchecked %d lines\n", count)
		}
		writeErr <- err
	}()

	br := bufio.NewReaderSize(r, 64<<10)
	readErr := error(nil)
	for n := 1; ctx.Err() == nil; n++ {
		line, err := readLine(br, o.maxLine)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, errLineTooLong) {
			readErr = err
			break
		}
		if errors.Is(err, errLineTooLong) || len(bytes.TrimSpace(line)) > 0 {
			j := &job{n: n, line: line, done: make(chan struct{})}
			if errors.Is(err, errLineTooLong) {
				j.err = fmt.Errorf("line %d is longer than %d bytes (--max-line-bytes)", n, o.maxLine)
			}
			order <- j
			jobs <- j
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	close(jobs)
	close(order)
	wg.Wait()
	if err := <-writeErr; err != nil {
		fmt.Fprintf(m.Stderr, "postcheck check: writing output: %v\n", err)
		return exitUsage
	}
	if readErr != nil {
		fmt.Fprintf(m.Stderr, "postcheck check: reading input: %v\n", readErr)
		return exitUsage
	}
	if ctx.Err() != nil {
		return exitUsage
	}
	return exitOK
}

// answerLine returns the output line for one input line: a report or an error object.
func (m *Main) answerLine(ctx context.Context, c *check.Checker, j *job, o checkOptions, unit text.Unit) []byte {
	fail := func(id json.RawMessage, code, detail string) []byte {
		e := jsonlError{ID: id}
		if e.ID == nil {
			e.ID = json.RawMessage("null")
		}
		e.Error.Code, e.Error.Detail = code, detail
		var buf bytes.Buffer
		_ = writeJSONLine(&buf, e)
		return buf.Bytes()
	}
	if j.err != nil {
		return fail(nil, check.ETextTooLong, j.err.Error())
	}
	if !utf8.Valid(j.line) {
		return fail(nil, check.EInvalidJSON, fmt.Sprintf("line %d is not valid UTF-8", j.n))
	}
	var in jsonlLine
	if err := json.Unmarshal(j.line, &in); err != nil {
		return fail(nil, check.EInvalidJSON, fmt.Sprintf("line %d: %v", j.n, err))
	}
	if in.Text == nil {
		return fail(in.ID, check.ETextRequired, fmt.Sprintf("line %d: text is required", j.n))
	}
	d := o.draft(*in.Text)
	if in.Language != "" {
		d.Language = in.Language
	}
	if in.Policy != "" {
		d.Policy = in.Policy
	}
	if in.Categories != nil {
		d.Categories = in.Categories
	}
	if in.MinSeverity != "" {
		d.MinSeverity = in.MinSeverity
	}
	d.DisabledRules = in.DisabledRules
	d.Redact = d.Redact || in.Redact
	if in.Context != nil {
		d.Platform, d.Audience = in.Context.Platform, in.Context.Audience
	}
	rep, err := c.Check(ctx, d)
	if err != nil {
		return fail(in.ID, check.ErrorCode(err), fmt.Sprintf("line %d: %s", j.n, check.ErrorMessage(err)))
	}
	id := in.ID
	if id == nil {
		id = json.RawMessage("null")
	}
	var buf bytes.Buffer
	if err := writeJSONLine(&buf, jsonlOK{ID: id, Response: wire.NewResponse(rep, unit, c.Engine().Version())}); err != nil {
		return fail(in.ID, check.EInternal, err.Error())
	}
	return buf.Bytes()
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
