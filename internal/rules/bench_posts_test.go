package rules_test

import (
	"context"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

// benchPosts are ordinary posts, unlike benchDrafts, which mention a child and a phone
// number every 200 bytes and so make every costly analysis run at every size. A post of
// n bytes is made of these paragraphs in turn (each of them once up to 1,500 bytes);
// the posts carry one finding or two, as real drafts do.
var benchPosts = map[string][]string{
	"de": {
		"Drei Jahre, zwölf Kolleginnen und Kollegen, unzählige Tassen Kaffee: Heute geht unser neues Kundenportal online! 🚀 " +
			"Ich bin unglaublich stolz auf dieses Team, das auch in stressigen Wochen nie den Humor verloren hat.",
		"Was wir gelernt haben? Erstens: Früh mit echten Nutzerinnen und Nutzern sprechen spart Monate. Zweitens: Eine gute " +
			"Dokumentation ist kein Luxus, sondern Teamarbeit. Drittens: Pausen sind produktiv, auch wenn der Kalender etwas anderes sagt.",
		"Ein besonderer Dank geht an unsere Pilotkunden aus dem Handwerk, die uns ehrlich gesagt haben, was nicht funktioniert. " +
			"Ohne dieses Feedback wäre die Terminbuchung heute nicht so einfach.",
		"Am Wochenende war ich mit meiner Tochter auf dem Weihnachtsmarkt und habe endlich wieder an etwas anderes gedacht als an Release-Pläne. " +
			"Gebrannte Mandeln helfen gegen fast alles.",
		"Wer Fragen zum Portal hat oder es mit dem eigenen Betrieb testen möchte, meldet sich gern bei mir per Direktnachricht " +
			"oder unter 0171 2345678. Ich freue mich auf eure Rückmeldungen!",
		"Nächste Woche sprechen wir auf dem Digitaltag in Köln über barrierefreie Formulare. Kommt vorbei, es gibt Kaffee " +
			"und ehrliche Antworten. #Digitalisierung #Barrierefreiheit #Teamwork",
		"Und ja, der Drucker im dritten Stock funktioniert immer noch nicht. Manche Dinge ändern sich nie. 😅",
	},
	"en": {
		"Three years, twelve colleagues and countless cups of coffee: today our new customer portal goes live! 🚀 " +
			"I am incredibly proud of this team, who never lost their sense of humour, even in the most stressful weeks.",
		"What did we learn? First: talking to real users early saves months. Second: good documentation is not a luxury, " +
			"it is teamwork. Third: breaks are productive, even when the calendar says otherwise.",
		"A special thank you goes to our pilot customers in the trades, who told us honestly what did not work. " +
			"Without that feedback, booking an appointment would not be this simple today.",
		"At the weekend I took my daughter to the Christmas market and finally thought about something other than release plans. " +
			"Roasted almonds fix almost everything.",
		"If you have questions about the portal or want to try it with your own business, send me a direct message " +
			"or call +44 20 7946 0958. I am looking forward to your feedback!",
		"Next week we are speaking at Digital Day in Manchester about accessible forms. Drop by, there will be coffee " +
			"and honest answers. #Digital #Accessibility #Teamwork",
		"And yes, the printer on the third floor still does not work. Some things never change. 😅",
	},
}

// post joins the language's paragraphs in turn up to n bytes, cut at a word boundary.
func post(l string, n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(benchPosts[l][i%len(benchPosts[l])])
	}
	out := b.String()[:n]
	if i := strings.LastIndexByte(out, ' '); i > 0 {
		out = out[:i]
	}
	return out
}

// BenchmarkCheckPost is BenchmarkCheck on ordinary posts (benchPosts) instead of the
// dense drafts.
func BenchmarkCheckPost(b *testing.B) {
	c, _ := fullChecker(b)
	for _, l := range []string{"de", "en"} {
		for _, n := range benchSizes {
			text := post(l, n)
			b.Run(l+"/"+itoa(n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := c.Check(context.Background(), check.Draft{Text: text}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func TestBenchPostsCarryAFewFindings(t *testing.T) {
	c, _ := fullChecker(t)
	for _, l := range []string{"de", "en"} {
		text := post(l, 1500)
		rep, err := c.Check(context.Background(), check.Draft{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Language.Code != l {
			t.Errorf("%s post detected as %s", l, rep.Language.Code)
		}
		if n := len(rep.Findings); n == 0 || n > 4 {
			t.Errorf("%s post of 1,500 bytes has %d findings, want one to four like a real draft", l, n)
			for _, f := range rep.Findings {
				t.Logf("  %s %q", f.RuleID, text[f.Span.Start:f.Span.End])
			}
		}
	}
}
