// Package corpus reads the repository's labelled drafts (testdata/*/*.jsonl) for the
// tests of every package, which compare fast paths with plain ones on them.
package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Texts returns the texts of the files testdata/*/name of the repository (name is a
// glob: "*.jsonl", "corpus.jsonl"), found from the test's directory upwards. It
// fails tb when there are none: a comparison on no drafts proves nothing.
func Texts(tb testing.TB, name string) []string {
	tb.Helper()
	root, err := moduleRoot()
	if err != nil {
		tb.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(root, "testdata", "*", name))
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var row struct{ Text string }
			if json.Unmarshal([]byte(line), &row) == nil {
				texts = append(texts, row.Text)
			}
		}
	}
	if len(texts) == 0 {
		tb.Fatalf("no labelled drafts under %s", filepath.Join(root, "testdata", "*", name))
	}
	return texts
}

// moduleRoot is the nearest directory upwards that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
