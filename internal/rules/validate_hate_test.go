package rules_test

import (
	"testing"

	"github.com/postcheck/postcheck/internal/check"
)

func TestHateGroupPredicates(t *testing.T) {
	runToneCases(t, []toneCase{
		{name: "a group called vermin is dehumanised", text: "Flüchtlinge sind Ungeziefer.", rule: "hate.dehumanisation_de", sev: check.High},
		{name: "an English group called animals is dehumanised", text: "Those immigrants are animals.", rule: "hate.dehumanisation_en"},
		{name: "a sweeping judgement is a generalisation", text: "Alle Muslime sind kriminell.", rule: "hate.generalisation_de", sev: check.Medium},
		{name: "women in the kitchen is a generalisation", text: "Frauen gehören in die Küche.", rule: "hate.generalisation_de"},
		{name: "an English generalisation", text: "All Muslims are terrorists.", rule: "hate.generalisation_en"},
		{name: "not all is no generalisation", text: "Nicht alle Muslime sind kriminell.", rule: ""},
		{name: "a negated belief is no generalisation", text: "Ich glaube nicht, dass Schwarze faul sind.", rule: ""},
		{name: "a group as object of a preposition is not judged", text: "Gewalt gegen Frauen ist widerlich.", rule: "tone.contempt_de"},
		{name: "a new clause with its own subject breaks the link", text: "Flüchtlinge würden zustimmen, dass Vergewaltiger Verbrecher sind.", rule: ""},
		{name: "a group that includes the author is no generalisation", text: "Lesben wie ich sind eine Schande für das Land? Was für ein Unsinn.", rule: ""},
		{name: "a black cat is not a group", text: "Unsere schwarze Katze ist faul.", rule: ""},
		{name: "Ausländer raus is an exclusion call", text: "Ausländer raus!", rule: "hate.exclusion_de", sev: check.High},
		{name: "not welcome is an exclusion even after sind", text: "Asiaten sind hier nicht willkommen.", rule: "hate.exclusion_de"},
		{name: "migrants going outside are not excluded", text: "Migranten gehen raus zum Fußball.", rule: ""},
		{name: "a report of the past is no call", text: "Millionen Juden wurden vergast.", rule: ""},
		{name: "a call to gas a group is", text: "Die Juden sollte man vergasen.", rule: "hate.exclusion_de"},
		{name: "an insult tied to origin", text: "Die Besitzerin ist eine asiatische Fotze.", rule: "hate.group_insult_de", sev: check.High},
		{name: "go back where you came from", text: "Go back where you came from!", rule: "hate.exclusion_phrase"},
		{name: "a slur is high", text: "Diese Kanaken überall.", rule: "hate.slur_de", sev: check.High},
	})
}

func TestHatePropagandaAndCodes(t *testing.T) {
	runToneCases(t, []toneCase{
		{name: "Lügenpresse is propaganda", text: "Die Lügenpresse verschweigt alles.", rule: "hate.propaganda", sev: check.Medium},
		{name: "Umvolkung is propaganda", text: "Die Umvolkung läuft.", rule: "hate.propaganda"},
		{name: "great replacement is propaganda", text: "Stop the great replacement.", rule: "hate.propaganda"},
		{name: "talking about the word is not using it", text: "Der Begriff „Lügenpresse“ wurde zum Unwort des Jahres gewählt.", rule: ""},
		{name: "Sieg Heil is a banned slogan", text: "Sieg Heil!", rule: "hate.banned_slogan", sev: check.High},
		{name: "Meine Ehre heißt Treue is a banned slogan", text: "Meine Ehre heißt Treue.", rule: "hate.banned_slogan"},
		{name: "Alles für Deutschland is a banned slogan", text: "Alles für Deutschland!", rule: "hate.banned_slogan"},
		{name: "a slogan in a camel-case hashtag", text: "#SiegHeil", rule: "hate.banned_slogan"},
		{name: "a home win is not a slogan", text: "Der Sieg im Heimspiel war verdient.", rule: ""},
		{name: "88 after greetings to comrades is a code", text: "Grüße an alle Kameraden 88", rule: "hate.code"},
		{name: "14/88 is a code", text: "14/88", rule: "hate.code"},
		{name: "a hashtag number is a code", text: "Mein Volk zuerst #1488", rule: "hate.code"},
		{name: "HH with a Heil is a code", text: "Heil dir, HH", rule: "hate.code"},
		{name: "a price is not a code", text: "Das kostet 88 €.", rule: ""},
		{name: "a time and a house number are not codes", text: "Treffen um 18 Uhr in der Hauptstraße 88.", rule: ""},
		{name: "a year is not a code", text: "Im Jahr 1488 wurde die Kirche gebaut.", rule: ""},
		{name: "a head count is not a code", text: "Wir sind 88 Leute.", rule: ""},
		{name: "a decimal is not a code", text: "Der Kurs kostet 14,88 Euro.", rule: ""},
		{name: "bashing a company", text: "Die Muster GmbH sind Betrüger.", rule: "hate.bashing", sev: check.Medium},
		{name: "thanking a company is not bashing", text: "Danke @telekom für die schnelle Hilfe!", rule: ""},
	})
}

func TestHateImplicitGerman(t *testing.T) {
	runToneCases(t, []toneCase{
		{name: "declared hatred of a group is hostility", text: "Ich hasse alle Araber.", rule: "hate.hostility_de", sev: check.Medium},
		{name: "a call against a group after a preposition is hostility", text: "Nein zu Flüchtlingen!", rule: "hate.hostility_de"},
		{name: "a preposition that is not the call keeps the group an object", text: "Nein zu Gewalt gegen Flüchtlinge!", rule: ""},
		{name: "hating a weekday is no hostility", text: "Ich hasse Montage.", rule: ""},
		{name: "not needing a group rejects it", text: "Wir brauchen keine Ausländer.", rule: "hate.rejection_de"},
		{name: "a group not welcome behind kein is rejected", text: "Auf meiner Party sind keine Asiaten willkommen.", rule: "hate.rejection_de"},
		{name: "not needing hate against a group rejects nobody", text: "Wir brauchen keine Hetze gegen Ausländer.", rule: ""},
		{name: "more and more of a group with a complaint is presence", text: "Dieses Land wird immer schlechter, da immer mehr Ausländer hier leben.", rule: "hate.presence_de"},
		{name: "the absence of a group welcomed is presence", text: "Wo ich arbeite, gibt es keine Schwarzen! Fantastisch.", rule: "hate.presence_de"},
		{name: "more women in charge welcomed is no complaint", text: "Zum Glück gibt es immer mehr Frauen in Führungspositionen.", rule: ""},
		{name: "a verdict that is negated is no complaint", text: "Es gibt immer mehr Muslime hier, das ist nicht schlimm.", rule: ""},
		{name: "an exclusion from society is a call", text: "Wir müssen Lesben aus der Gesellschaft ausschließen.", rule: "hate.exclusion_de"},
		{name: "not to be trusted is a generalisation", text: "Einwanderern kann man nicht trauen.", rule: "hate.generalisation_de"},
		{name: "a lifestyle called a fashion is delegitimised", text: "LGBTQ ist doch nur eine Mode.", rule: "hate.generalisation_de"},
		{name: "living off our taxes is a generalisation", text: "Flüchtlinge leben von unseren Steuern.", rule: "hate.generalisation_de"},
		{name: "a negation after the verb undoes the predicate", text: "Polen stehlen nicht mehr als andere.", rule: ""},
		{name: "a list of groups and insults is no predication", text: "Affen und Afrikaner sind verschiedene Arten.", rule: ""},
	})
}

func TestCounterSpeechNeedsToRejectHateItself(t *testing.T) {
	runToneCases(t, []toneCase{
		{name: "never again fascism rejects the slogan it quotes", text: "Nie wieder Faschismus! Wer „Ausländer raus“ ruft, ist ein Rassist.", rule: ""},
		{name: "no room for racism rejects", text: "Kein Platz für Rassismus: Wer „Ausländer raus“ ruft, fliegt aus dem Verein.", rule: ""},
		{name: "never again is now rejects", text: "„Ausländer raus“ an unserer Schule – nie wieder ist jetzt.", rule: ""},
		{name: "never again after a slogan is no counter-speech", text: "Ausländer raus! Nie wieder Multikulti.", rule: "hate.exclusion_de", sev: check.High},
		{name: "a call for punishment is no court report", text: "Alle Flüchtlinge sind kriminell und gehören verurteilt.", rule: "hate.generalisation_de"},
		{name: "never again a brand is a complaint", text: "Nie wieder Ryanair, diese Betrüger!", rule: "hate.bashing"},
	})
}
