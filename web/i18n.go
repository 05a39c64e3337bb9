package web

import (
	"strings"
)

// UI holds the form's strings in one language.
type UI struct {
	Lang, Title, Tagline, DraftLabel, Placeholder, Check, Checking, Results, NoFindings,
	Suggestion, Replace, Explanation, Severity, Privacy, PrivacyNote, Verdicts, LanguageLabel,
	Pass, Review, Block, Low, Medium, High, Tip6, CopyRedacted, Copied, Apply, Other, OtherLang,
	LiveHint, Error string
	Tips map[string]string
}

var uis = map[string]UI{
	"de": {
		Lang: "de", Title: "postcheck – erst prüfen, dann posten", Tagline: "Prüft Ihren Entwurf, bevor Sie ihn posten. Alles bleibt auf diesem Rechner.",
		DraftLabel: "Ihr Entwurf", Placeholder: "Entwurf hier einfügen …", Check: "Prüfen", Checking: "Prüfe …",
		Results: "Ergebnis", NoFindings: "Keine Auffälligkeiten gefunden.", Suggestion: "Vorschlag", Replace: "Ersetzen durch",
		Explanation: "Warum", Severity: "Schwere", Privacy: "Datenschutz", PrivacyNote: "Ihr Text wird nicht gespeichert, nicht protokolliert und nicht weitergegeben.",
		LanguageLabel: "Sprache des Entwurfs", Pass: "Kann so raus", Review: "Bitte prüfen", Block: "Nicht posten",
		Low: "gering", Medium: "mittel", High: "hoch", Tip6: "Nutzen Sie Ihren gesunden Menschenverstand.",
		CopyRedacted: "Geschwärzten Text kopieren", Copied: "Kopiert.", Apply: "Übernehmen", Other: "English", OtherLang: "en",
		LiveHint: "Wird beim Tippen geprüft.", Error: "Die Prüfung ist fehlgeschlagen:",
		Tips: map[string]string{"children": "1 · Kinder raus aus sozialen Medien", "customer": "2 · Nur, was ein Kunde sehen darf",
			"tone": "3 · Angemessener Ton", "privacy": "4 · Muss das jeder wissen?", "hate": "5 · Finger weg von Hetze"},
	},
	"en": {
		Lang: "en", Title: "postcheck – check before you post", Tagline: "Checks your draft before you post it. Everything stays on this machine.",
		DraftLabel: "Your draft", Placeholder: "Paste your draft here …", Check: "Check", Checking: "Checking …",
		Results: "Result", NoFindings: "Nothing found.", Suggestion: "Suggestion", Replace: "Replace with",
		Explanation: "Why", Severity: "Severity", Privacy: "Privacy", PrivacyNote: "Your text is not stored, not logged and not sent anywhere.",
		LanguageLabel: "Language of the draft", Pass: "Fine to post", Review: "Please review", Block: "Do not post",
		Low: "low", Medium: "medium", High: "high", Tip6: "Use your common sense.",
		CopyRedacted: "Copy redacted text", Copied: "Copied.", Apply: "Apply", Other: "Deutsch", OtherLang: "de",
		LiveHint: "Checked as you type.", Error: "The check failed:",
		Tips: map[string]string{"children": "1 · Keep children out", "customer": "2 · Only what a customer may see",
			"tone": "3 · Appropriate tone", "privacy": "4 · Does everyone need to know?", "hate": "5 · Hands off hate speech"},
	},
}

// Strings returns the UI in lang ("de" or "en"; anything else is English).
func Strings(lang string) UI {
	if ui, ok := uis[lang]; ok {
		return ui
	}
	return uis["en"]
}

// PickLanguage chooses "de" or "en" from an explicit choice or an Accept-Language header.
func PickLanguage(choice, acceptLanguage string) string {
	if choice == "de" || choice == "en" {
		return choice
	}
	best, bestQ := "en", -1.0
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, q := strings.TrimSpace(part), 1.0
		if i := strings.Index(tag, ";"); i >= 0 {
			if v, ok := strings.CutPrefix(strings.TrimSpace(tag[i+1:]), "q="); ok {
				q = parseQ(v)
			}
			tag = strings.TrimSpace(tag[:i])
		}
		base := strings.ToLower(strings.SplitN(tag, "-", 2)[0])
		if (base == "de" || base == "en") && q > bestQ {
			best, bestQ = base, q
		}
	}
	return best
}

func parseQ(s string) float64 {
	q, frac, seen := 0.0, 0.1, false
	for _, c := range s {
		switch {
		case c == '.':
			seen = true
		case c >= '0' && c <= '9' && !seen:
			q = q*10 + float64(c-'0')
		case c >= '0' && c <= '9':
			q += frac * float64(c-'0')
			frac /= 10
		default:
			return 0
		}
	}
	return q
}
