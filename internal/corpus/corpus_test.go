package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestTextsReadsEveryLabelledFile(t *testing.T) {
	all, corpora := Texts(t, "*.jsonl"), Texts(t, "corpus.jsonl")
	if len(corpora) < 1000 || len(all) <= len(corpora) {
		t.Errorf("%d drafts in all files, %d in the corpora: want the corpora and more besides", len(all), len(corpora))
	}
	for _, s := range all {
		if s == "" {
			t.Fatal("a line without text was read as a draft")
		}
	}
}

func TestRowsKeepsWhatItIsAskedToAndAtMostPerFile(t *testing.T) {
	files := Files(t, "corpus.jsonl")
	german := Rows(t, files, 0, func(r Row) bool { return r.Lang == "de" })
	if len(german) == 0 {
		t.Fatal("no German rows in the corpora")
	}
	for _, r := range german {
		if r.Lang != "de" {
			t.Fatalf("kept a %q row", r.Lang)
		}
	}
	if few := Rows(t, files, 3, nil); len(few) != 3*len(files) {
		t.Errorf("%d rows at 3 per file from %d files", len(few), len(files))
	}
}

func TestMixJoinsPiecesWithTheSeparators(t *testing.T) {
	drafts := Mix(rand.New(rand.NewPCG(1, 2)), 500, 4, []string{"a", "b"}, []string{"-", "--"})
	long := 0
	for _, d := range drafts {
		pieces := strings.FieldsFunc(d, func(r rune) bool { return r == '-' })
		if len(pieces) < 1 || len(pieces) > 4 || !strings.HasSuffix(d, "-") {
			t.Fatalf("%q: want one to four pieces, each followed by a separator", d)
		}
		if len(pieces) == 4 {
			long++
		}
	}
	if long == 0 {
		t.Error("no draft has the most pieces")
	}
}
