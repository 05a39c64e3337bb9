package web

import (
	"strings"
)

// UI holds the form's strings in one language. The script switches language in
// place by reading these strings from the other language's page, so they live here only.
type UI struct {
	Lang, Title, Tagline, DraftLabel, Placeholder, Check, Checking, Results, NoFindings,
	Suggestion, Replace, Explanation, Severity, Privacy, PrivacyNote, LanguageLabel,
	Pass, Review, Block, Low, Medium, High, Tip6, CopyRedacted, Copied, Apply, Other, OtherLang,
	LiveHint, Error string

	UILanguage, SkipToResults, Policy, Audience, ShowRedacted, RedactedTitle, Counts, Highlighted,
	HighlightHint, Findings, FindingsOne, Applied, CopyFailed, BackToText, Rule, Overlap,
	Photos, PhotosHint, AddPhoto, CheckPhoto, DownloadClean, Downloaded, PhotoChecking, PhotoRemove,
	PhotoPreview, PhotoNone, PhotoCannotStrip, PhotoError, PhotoDrop, Removed, PhotoAttention, PhotoTooBig, PhotoAgain string

	// RemovedKinds names what cleaning took out, as "kind=words|kind=words".
	RemovedKinds string

	Tips map[string]string
}

var uis = map[string]UI{
	"de": {
		Lang: "de", Title: "postcheck – erst prüfen, dann posten", Tagline: "Prüft Ihren Entwurf, bevor Sie ihn posten. Alles bleibt auf diesem Rechner.",
		DraftLabel: "Ihr Entwurf", Placeholder: "Entwurf hier einfügen …", Check: "Prüfen", Checking: "Prüfe …",
		Results: "Ergebnis", NoFindings: "Keine Auffälligkeiten gefunden.", Suggestion: "Vorschlag", Replace: "Ersetzen durch",
		Explanation: "Warum", Severity: "Schwere", Privacy: "Datenschutz", PrivacyNote: "Ihr Text und Ihre Fotos werden nicht gespeichert, nicht protokolliert und nicht weitergegeben.",
		LanguageLabel: "Sprache des Entwurfs", Pass: "Kann so raus", Review: "Bitte prüfen", Block: "Nicht posten",
		Low: "gering", Medium: "mittel", High: "hoch", Tip6: "Nutzen Sie Ihren gesunden Menschenverstand.",
		CopyRedacted: "Geschwärzten Text kopieren", Copied: "Geschwärzter Text kopiert.", Apply: "Übernehmen", Other: "English", OtherLang: "en",
		LiveHint: "Wird beim Tippen geprüft. Markierte Stellen anklicken für die Erklärung.", Error: "Die Prüfung ist fehlgeschlagen:",
		UILanguage: "Sprache der Oberfläche", SkipToResults: "Zum Ergebnis springen", Policy: "Richtlinie", Audience: "Zielgruppe",
		ShowRedacted: "Geschwärzte Fassung zeigen", RedactedTitle: "Geschwärzte Fassung", Counts: "Fundstellen je Tipp",
		Highlighted: "Markierter Text", HighlightHint: "Markierungen führen zur Erklärung.", Findings: "Fundstellen", FindingsOne: "Fundstelle",
		Applied: "Vorschlag übernommen, prüfe erneut.", CopyFailed: "Kopieren nicht möglich – bitte den Text unten markieren und kopieren.",
		BackToText: "Zurück zur Markierung", Rule: "Regel", Overlap: "mehrere Hinweise",
		Photos: "Fotos zum Beitrag", PhotosHint: "postcheck zeigt, was in den Metadaten steht – Ort, Zeit, Gerät, Namen – und gibt Ihnen das Foto ohne sie zurück. Fotos werden nicht gespeichert.",
		AddPhoto: "Foto hinzufügen (JPEG, PNG, HEIC, WebP, TIFF)", CheckPhoto: "Foto prüfen", DownloadClean: "Ohne Metadaten herunterladen",
		Downloaded: "Bereinigte Fassung heruntergeladen:", PhotoChecking: "Prüfe Foto …", PhotoRemove: "Foto entfernen", PhotoPreview: "Vorschau",
		PhotoNone: "Keine verräterischen Metadaten gefunden.", PhotoCannotStrip: "Dieses Format kann postcheck nicht bereinigen.",
		PhotoError: "Das Foto konnte nicht geprüft werden:", PhotoDrop: "oder Fotos hierher ziehen", Removed: "Entfernt",
		PhotoTooBig:    "Das Foto ist größer als 20 MiB.",
		PhotoAgain:     "Für die bereinigte Fassung das Foto noch einmal auswählen und „Ohne Metadaten herunterladen“ drücken.",
		PhotoAttention: "Fotos mit verräterischen Metadaten: %d – siehe „Fotos zum Beitrag“.",
		RemovedKinds:   "exif=Exif-Daten (Ort, Zeit, Gerät)|xmp=XMP-Daten|iptc=IPTC-Angaben|comment=Kommentar|text=Textfelder|trailer=angehängte Daten",
		Tips: map[string]string{"children": "1 · Kinder raus aus sozialen Medien", "customer": "2 · Nur, was ein Kunde sehen darf",
			"tone": "3 · Angemessener Ton", "privacy": "4 · Muss das jeder wissen?", "hate": "5 · Finger weg von Hetze"},
	},
	"en": {
		Lang: "en", Title: "postcheck – check before you post", Tagline: "Checks your draft before you post it. Everything stays on this machine.",
		DraftLabel: "Your draft", Placeholder: "Paste your draft here …", Check: "Check", Checking: "Checking …",
		Results: "Result", NoFindings: "Nothing found.", Suggestion: "Suggestion", Replace: "Replace with",
		Explanation: "Why", Severity: "Severity", Privacy: "Privacy", PrivacyNote: "Your text and photos are not stored, not logged and not sent anywhere.",
		LanguageLabel: "Language of the draft", Pass: "Fine to post", Review: "Please review", Block: "Do not post",
		Low: "low", Medium: "medium", High: "high", Tip6: "Use your common sense.",
		CopyRedacted: "Copy redacted text", Copied: "Redacted text copied.", Apply: "Apply", Other: "Deutsch", OtherLang: "de",
		LiveHint: "Checked as you type. Click a marked passage for the explanation.", Error: "The check failed:",
		UILanguage: "Interface language", SkipToResults: "Skip to the result", Policy: "Policy", Audience: "Audience",
		ShowRedacted: "Show a redacted copy", RedactedTitle: "Redacted copy", Counts: "Findings per tip",
		Highlighted: "Marked text", HighlightHint: "Marks lead to the explanation.", Findings: "findings", FindingsOne: "finding",
		Applied: "Suggestion applied, checking again.", CopyFailed: "Copying is not possible here – please select the text below and copy it.",
		BackToText: "Back to the mark", Rule: "Rule", Overlap: "several notes",
		Photos: "Photos for the post", PhotosHint: "postcheck shows what the metadata holds – place, time, device, names – and gives you the photo back without it. Photos are not stored.",
		AddPhoto: "Add a photo (JPEG, PNG, HEIC, WebP, TIFF)", CheckPhoto: "Check photo", DownloadClean: "Download without metadata",
		Downloaded: "Cleaned copy downloaded:", PhotoChecking: "Checking photo …", PhotoRemove: "Remove photo", PhotoPreview: "Preview",
		PhotoNone: "No revealing metadata found.", PhotoCannotStrip: "postcheck cannot clean this format.",
		PhotoError: "The photo could not be checked:", PhotoDrop: "or drag photos here", Removed: "Removed",
		PhotoTooBig:    "The photo is larger than 20 MiB.",
		PhotoAgain:     "For the cleaned copy, choose the photo again and press “Download without metadata”.",
		PhotoAttention: "Photos with revealing metadata: %d – see “Photos for the post”.",
		RemovedKinds:   "exif=Exif data (place, time, device)|xmp=XMP data|iptc=IPTC data|comment=comment|text=text fields|trailer=appended data",
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
