package check

import (
	"fmt"
	"strings"
)

// summary says in one sentence what the verdict means for the author.
func summary(lang string, r *Report) string {
	if len(r.Findings) == 0 {
		return msg(lang, "Keine Auffälligkeiten gefunden – der Entwurf kann so raus.", "Nothing found – the draft is fine to post.")
	}
	var parts []string
	for _, cat := range Categories {
		cc := r.Categories[cat]
		if cc.Count == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d", categoryLabel(lang, cat), cc.Count))
	}
	n := len(r.Findings)
	what := strings.Join(parts, ", ")
	switch r.Verdict {
	case Block:
		return msg(lang,
			fmt.Sprintf("Nicht posten: %d %s (%s), mindestens einer schwer – bitte vorher ändern.", n, plural(lang, n), what),
			fmt.Sprintf("Do not post yet: %d %s (%s), at least one serious – change it first.", n, plural(lang, n), what))
	case Review:
		return msg(lang,
			fmt.Sprintf("Bitte prüfen: %d %s (%s) – lesen Sie die markierten Stellen noch einmal.", n, plural(lang, n), what),
			fmt.Sprintf("Please review: %d %s (%s) – read the marked passages once more.", n, plural(lang, n), what))
	}
	minor := "kleine"
	if n == 1 {
		minor = "kleiner"
	}
	return msg(lang,
		fmt.Sprintf("Kann so raus; %d %s %s (%s) zur Kenntnis.", n, minor, plural(lang, n), what),
		fmt.Sprintf("Fine to post; %d minor %s (%s) for your information.", n, plural(lang, n), what))
}

func plural(lang string, n int) string {
	if lang == "de" {
		if n == 1 {
			return "Hinweis"
		}
		return "Hinweise"
	}
	if n == 1 {
		return "finding"
	}
	return "findings"
}

// categoryInfos are CategoryInfos of "de" and of every other language, made once:
// the summary of every report names its categories.
var categoryInfosDE, categoryInfosEN = CategoryInfos("de"), CategoryInfos("en")

func categoryLabel(lang string, c Category) string {
	infos := categoryInfosEN
	if lang == "de" {
		infos = categoryInfosDE
	}
	for _, ci := range infos {
		if ci.ID == c {
			return ci.Name
		}
	}
	return string(c)
}
