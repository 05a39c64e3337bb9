package corpus

import "testing"

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
