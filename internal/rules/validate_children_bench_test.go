package rules

import (
	"strings"
	"testing"
)

// childBenchDrafts are a dense draft (a child reference with details every 200 bytes)
// and an ordinary post with one child reference among business paragraphs.
var childBenchDrafts = map[string]string{
	"de/dense": "Was für ein Tag! Unser Team hat heute das neue Projekt vorgestellt und die Kunden waren begeistert. " +
		"Meine Tochter Emma (4) war auch dabei, sie geht in die Kita Sonnenschein. Ruft mich an: 0171 2345678. ",
	"en/dense": "What a day! Our team presented the new project today and the customers loved it. " +
		"My daughter Emma (4) came along, she goes to Sunshine Daycare. Call me on +44 20 7946 0958 any time. ",
	"de/post": "Drei Jahre, zwölf Kolleginnen und Kollegen, unzählige Tassen Kaffee: Heute geht unser neues Kundenportal online! 🚀 " +
		"Ich bin unglaublich stolz auf dieses Team, das auch in stressigen Wochen nie den Humor verloren hat.\n\n" +
		"Was wir gelernt haben? Erstens: Früh mit echten Nutzerinnen und Nutzern sprechen spart Monate. Zweitens: Eine gute " +
		"Dokumentation ist kein Luxus, sondern Teamarbeit.\n\n" +
		"Am Wochenende war ich mit meiner Tochter auf dem Weihnachtsmarkt und habe endlich wieder an etwas anderes gedacht als an Release-Pläne. " +
		"Gebrannte Mandeln helfen gegen fast alles.\n\n" +
		"Nächste Woche sprechen wir auf dem Digitaltag in Köln über barrierefreie Formulare. Kommt vorbei, es gibt Kaffee " +
		"und ehrliche Antworten. #Digitalisierung #Barrierefreiheit #Teamwork\n\n",
	"en/post": "Three years, twelve colleagues and countless cups of coffee: today our new customer portal goes live! 🚀 " +
		"I am incredibly proud of this team, who never lost their sense of humour, even in the most stressful weeks.\n\n" +
		"What did we learn? First: talking to real users early saves months. Second: good documentation is not a luxury, " +
		"it is teamwork.\n\n" +
		"At the weekend I took my daughter to the Christmas market and finally thought about something other than release plans. " +
		"Roasted almonds fix almost everything.\n\n" +
		"Next week we are speaking at Digital Day in Manchester about accessible forms. Drop by, there will be coffee " +
		"and honest answers. #Digital #Accessibility #Teamwork\n\n",
	"de/none": "Heute geht unser neues Kundenportal online. Ich bin stolz auf dieses Team, das auch in stressigen Wochen " +
		"nie den Humor verloren hat. Nächste Woche sprechen wir auf dem Digitaltag in Köln über barrierefreie Formulare.\n\n",
}

func childBenchDoc(name string, n int) *Doc {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(childBenchDrafts[name])
	}
	s := b.String()[:n]
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	return NewDoc(s, []string{name[:2]})
}

// BenchmarkChildrenScan measures the children analysis alone, on a fresh Doc each
// time so that nothing cached on the Doc is reused.
func BenchmarkChildrenScan(b *testing.B) {
	for _, name := range []string{"de/dense", "en/dense", "de/post", "en/post", "de/none"} {
		b.Run(name, func(b *testing.B) {
			docs := make([]*Doc, 64)
			for i := range docs {
				docs[i] = childBenchDoc(name, 1500)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				d := docs[i%len(docs)]
				i++
				d.Folded() // other rules make it in a real check
				scanChildren(d)
			}
		})
	}
}
