package lang

import (
	"slices"
	"testing"

	"github.com/postcheck/postcheck/internal/corpus"
)

// TestRuleLanguagesCoverLabelledDrafts measures, on our corpora and the shared
// datasets, how often a German or English draft would not get its own language's
// rules. It skips what is absent.
func TestRuleLanguagesCoverLabelledDrafts(t *testing.T) {
	if testing.Short() {
		t.Skip("reads thousands of drafts")
	}
	files := append(corpus.Files(t, "*.jsonl"), corpus.Shared(t, "germeval2018-train.jsonl", "gahd-dev.jsonl", "davidson2017.jsonl")...)
	items := corpus.Rows(t, files, 3000, func(r corpus.Row) bool { return r.Lang == "de" || r.Lang == "en" })
	if len(items) < 500 {
		t.Skipf("only %d labelled drafts found", len(items))
	}
	d := detector()
	missed, both, mislabelled := 0, 0, 0
	for _, it := range items {
		det := d.Detect(it.Text)
		var run []string
		switch {
		case !det.Language.Reliable:
			run = []string{"de", "en"}
		case det.Language.Code == "de" || det.Language.Code == "en":
			run = append([]string{det.Language.Code}, det.Also...)
		default:
			run = det.Also
		}
		if !slices.Contains(run, it.Lang) {
			missed++
		}
		if len(run) == 2 {
			both++
		}
		if det.Language.Reliable && det.Language.Code != it.Lang {
			mislabelled++
		}
	}
	rate := float64(missed) / float64(len(items))
	t.Logf("%d drafts: own rules not run for %d (%.2f%%); both rule sets ran for %.1f%%; reliable but another language named: %d",
		len(items), missed, 100*rate, 100*float64(both)/float64(len(items)), mislabelled)
	if rate > 0.005 {
		t.Errorf("own-language rules missed for %.2f%% of drafts, want ≤ 0.5%%", 100*rate)
	}
}
