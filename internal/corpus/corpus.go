// Package corpus reads labelled drafts for the tests of every package: the
// repository's own (testdata/*/*.jsonl) and, where present, the shared datasets
// beside it (../shared/datasets), in the JSONL format both use.
package corpus

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// MinTexts is the fewest drafts Texts accepts: a comparison on fewer proves little.
const MinTexts = 100

// Row is one labelled draft as the comparisons need it.
type Row struct {
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// Files returns the repository's files testdata/*/name (name is a glob: "*.jsonl",
// "corpus.jsonl").
func Files(tb testing.TB, name string) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(root(tb), "testdata", "*", name))
	return files
}

// Shared returns the paths of the named shared datasets that are present beside the
// repository (all of them for "*.jsonl"); none when the folder is absent.
func Shared(tb testing.TB, names ...string) []string {
	tb.Helper()
	var files []string
	for _, n := range names {
		found, _ := filepath.Glob(filepath.Join(root(tb), "..", "shared", "datasets", n))
		files = append(files, found...)
	}
	return files
}

// Rows reads the rows of files that keep accepts (every row when keep is nil), at
// most perFile of each file when perFile > 0. Blank and broken lines are skipped.
func Rows(tb testing.TB, files []string, perFile int, keep func(Row) bool) []Row {
	tb.Helper()
	var rows []Row
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for n := 0; sc.Scan() && (perFile <= 0 || n < perFile); {
			var r Row
			if json.Unmarshal(sc.Bytes(), &r) == nil && (keep == nil || keep(r)) {
				rows = append(rows, r)
				n++
			}
		}
		err = sc.Err()
		fh.Close()
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
	}
	return rows
}

// Texts returns the texts of the repository's files testdata/*/name. It fails tb
// when there are fewer than MinTexts.
func Texts(tb testing.TB, name string) []string {
	tb.Helper()
	var texts []string
	for _, r := range Rows(tb, Files(tb, name), 0, nil) {
		texts = append(texts, r.Text)
	}
	if len(texts) < MinTexts {
		tb.Fatalf("%d labelled drafts under testdata/*/%s: a comparison on fewer than %d proves little", len(texts), name, MinTexts)
	}
	return texts
}

// root is the nearest directory upwards from the test's that holds go.mod.
func root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Mix returns n drafts of one to maxParts pieces of parts, each followed by one of
// seps (repeat a separator to make it likelier): made-up drafts in which what a
// comparison looks for stands at every distance from the start and from each other.
func Mix(rng *rand.Rand, n, maxParts int, parts, seps []string) []string {
	out := make([]string, n)
	for k := range out {
		var b strings.Builder
		for range 1 + rng.IntN(maxParts) {
			b.WriteString(parts[rng.IntN(len(parts))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		out[k] = b.String()
	}
	return out
}
