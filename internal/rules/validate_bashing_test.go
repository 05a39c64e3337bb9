package rules_test

import (
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

func TestBashingNeedsANamedTargetAndContemptSaidOfIt(t *testing.T) {
	runToneCases(t, []toneCase{
		{name: "a brand called a dump", text: "Lidl ist der letzte Saftladen.", rule: "hate.bashing", sev: check.Medium, lang: "de"},
		{name: "a two-word company called a rip-off", text: "Die Deutsche Bahn ist eine Abzockerbude.", rule: "hate.bashing", lang: "de"},
		{name: "a brand called a bunch of crooks", text: "Ryanair are a bunch of crooks.", rule: "hate.bashing", lang: "en"},
		{name: "a woman named by honorific called a fraudster", text: "Frau Schmidt ist eine Betrügerin.", rule: "hate.bashing", lang: "de"},
		{name: "an honorific with a title before the surname", text: "Frau Dr. Weber ist eine Heuchlerin.", rule: "hate.bashing", lang: "de"},
		{name: "first and last name called a liar", text: "Olaf Scholz ist ein Lügner.", rule: "hate.bashing", lang: "de"},
		{name: "an English honorific", text: "Mr Jones is a fraud.", rule: "hate.bashing", lang: "en"},
		{name: "a legal form", text: "Die Muster GmbH sind Betrüger.", rule: "hate.bashing", lang: "de"},
		{name: "a mention", text: "@acme scammers, all of you.", rule: "hate.bashing", lang: "en"},

		{name: "a wife is not a surname", text: "Meine Frau hat einen Betrüger entlarvt.", lang: "de"},
		{name: "warning against fraudsters is no contempt for the name", text: "Frau Schmidt warnt vor Betrügern am Telefon.", lang: "de"},
		{name: "fraudsters posing as employees of a brand", text: "Vorsicht vor Betrügern, die sich als Telekom-Mitarbeiter ausgeben.", lang: "de"},
		{name: "a negated contempt word", text: "Lidl ist kein Saftladen, sondern super organisiert.", lang: "de"},
		{name: "a brand fighting scams", text: "Ryanair is fighting against scammers who sell fake tickets.", lang: "en"},
		{name: "a name in the news without contempt", text: "Olaf Scholz besucht heute Köln.", lang: "de"},
		{name: "a lower-case word after Frau", text: "Eine Frau ist kein Betrüger, nur weil sie schweigt.", lang: "de"},
		{name: "a mention with a negated contempt word", text: "@telekom ist keine Abzocke, der Tarif ist fair.", lang: "de"},
	})
}

func TestInsultsOfANamedPersonRankHigher(t *testing.T) {
	runToneCases(t, []toneCase{
		{name: "first and last name", text: "Olaf Scholz ist ein totaler Idiot.", rule: "tone.insult_de", sev: check.High, note: "namentlich", lang: "de"},
		{name: "an honorific", text: "Herr Meier ist ein Idiot.", rule: "tone.insult_de", sev: check.High, note: "namentlich", lang: "de"},
		{name: "an English name", text: "Boris Johnson is a complete moron.", rule: "tone.insult_en", sev: check.High, note: "named person", lang: "en"},
		{name: "an insult of nobody in particular stays medium", text: "Der Typ an der Kasse war ein Idiot.", rule: "tone.insult_de", sev: check.Medium, lang: "de"},
		{name: "a name in another clause does not count", text: "Olaf Scholz war heute da, und irgendein Idiot hat gehupt.", rule: "tone.insult_de", sev: check.Medium, lang: "de"},
	})
}
