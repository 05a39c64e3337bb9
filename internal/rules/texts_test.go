package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoTexts returns the texts of the repository's labelled files testdata/*/name
// (a glob: "corpus.jsonl", "*.jsonl"), the drafts the comparison tests run on.
func repoTexts(t testing.TB, name string) []string {
	t.Helper()
	var texts []string
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", name))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var row struct{ Text string }
			if json.Unmarshal([]byte(line), &row) == nil {
				texts = append(texts, row.Text)
			}
		}
	}
	if len(texts) == 0 {
		t.Fatalf("no labelled drafts under testdata/*/%s", name)
	}
	return texts
}

// exampleTexts returns the bad and good examples of every rule of e.
func exampleTexts(e *Engine) []string {
	var texts []string
	for _, r := range e.rules {
		texts = append(texts, r.Spec.Examples.Bad...)
		texts = append(texts, r.Spec.Examples.Good...)
	}
	return texts
}
