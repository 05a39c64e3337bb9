package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzReadLine splits any input into lines no longer than the limit: every line is
// returned whole or reported as too long, and together they account for the input.
func FuzzReadLine(f *testing.F) {
	f.Add([]byte("a\nbb\n\nccc"), 2)
	f.Add([]byte("{\"id\":1}\n{broken\n"), 64)
	f.Add(bytes.Repeat([]byte("x"), 5000), 100)
	f.Fuzz(func(t *testing.T, data []byte, limit int) {
		if limit < 1 || limit > 1<<16 {
			return
		}
		br := bufio.NewReaderSize(bytes.NewReader(data), 16)
		lines, tooLong := 0, 0
		total := 0
		for range len(data) + 2 {
			line, err := readLine(br, limit)
			if errors.Is(err, errLineTooLong) {
				tooLong++
			} else {
				if len(bytes.TrimSuffix(line, []byte("\n"))) > limit {
					t.Fatalf("line of %d bytes over the limit %d", len(line), limit)
				}
				total += len(line)
				if len(line) > 0 {
					lines++
				}
			}
			if err != nil && !errors.Is(err, errLineTooLong) {
				if err != io.EOF {
					t.Fatal(err)
				}
				break
			}
			if errors.Is(err, io.EOF) {
				break
			}
		}
		if tooLong == 0 && total != len(data) {
			t.Fatalf("read %d of %d bytes", total, len(data))
		}
	})
}
