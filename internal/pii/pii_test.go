package pii

import (
	"testing"
	"unicode/utf8"
)

// found returns the matched texts of kind k in s.
func found(s string, ms []Match, k Kind) []string {
	var out []string
	for _, m := range ms {
		if m.Kind == k {
			out = append(out, m.Text(s))
		}
	}
	return out
}

func TestFinders(t *testing.T) {
	tests := []struct {
		name string
		text string
		kind Kind
		want []string
	}{
		{"an e-mail address in a sentence is found", "Schreib mir an anna.schmidt@example.de!", Email, []string{"anna.schmidt@example.de"}},
		{"a mention is not an e-mail address", "Danke @anna_schmidt für den Tipp", Email, nil},
		{"a German mobile number with a space is a phone number", "Handy: 0171 2345678", Phone, []string{"0171 2345678"}},
		{"a German landline with a slash is a phone number", "Tel. 0221/123456", Phone, []string{"0221/123456"}},
		{"an international number with a bracketed trunk zero is a phone number", "+49 (0)221 12345678", Phone, []string{"+49 (0)221 12345678"}},
		{"a number with 0049 is international", "0049 171 2345678", Phone, []string{"0049 171 2345678"}},
		{"an Austrian number is a phone number", "Wien: 01 5131234", Phone, []string{"01 5131234"}},
		{"a Swiss number is a phone number", "Zürich 044 668 18 00", Phone, []string{"044 668 18 00"}},
		{"a UK mobile is a phone number", "text me on 07911 123456", Phone, []string{"07911 123456"}},
		{"a US number with brackets is a phone number", "call (212) 555-0187", Phone, []string{"(212) 555-0187"}},
		{"a US number with dashes is a phone number", "call 415-555-2671 today", Phone, []string{"415-555-2671"}},
		{"a date is not a phone number", "am 03/05/2024 um 10 Uhr", Phone, nil},
		{"a year range is not a phone number", "von 2019-2023 bei Siemens", Phone, nil},
		{"a price is not a phone number", "nur 1.299,00 € statt 1 499 000 €", Phone, nil},
		{"an order number is not a phone number", "Bestellnummer 0171234567 ist unterwegs", Phone, nil},
		{"a toll-free hotline is not a person's phone", "Rufen Sie 0800 123 4567 an", Phone, nil},
		{"a version number is not a phone number", "Update auf 10.2.3 bzw. 2.0.1-beta", Phone, nil},
		{"a spaced IBAN is found without the next word", "IBAN DE89 3704 0044 0532 0130 00 danke", IBAN, []string{"DE89 3704 0044 0532 0130 00"}},
		{"a compact lower-case IBAN is found", "gb82west12345698765432", IBAN, []string{"gb82west12345698765432"}},
		{"an IBAN with a bad checksum is not an IBAN", "DE89 3704 0044 0532 0130 01", IBAN, nil},
		{"an IBAN with the wrong length is not an IBAN", "DE89 3704 0044 0532 0130", IBAN, nil},
		{"a Visa number in groups is a card", "Karte 4111 1111 1111 1111", Card, []string{"4111 1111 1111 1111"}},
		{"an Amex number is a card", "378282246310005", Card, []string{"378282246310005"}},
		{"a Luhn-valid number outside issuer ranges is no card", "9999 9999 9999 9995", Card, nil},
		{"a card number with a wrong Luhn digit is no card", "4111 1111 1111 1112", Card, nil},
		{"a tax ID after its label is found", "Meine Steuer-ID: 86 095 742 719", TaxIDDE, []string{"86 095 742 719"}},
		{"a tax ID without a label is not reported", "Nummer 86095742719", TaxIDDE, nil},
		{"a German social-insurance number is found", "SV-Nummer 65 170839 J 003", SocialSec, []string{"65 170839 J 003"}},
		{"a US SSN is found", "SSN 078-05-1120", SocialSec, []string{"078-05-1120"}},
		{"an SSN with area 000 is not valid", "000-12-3456", SocialSec, nil},
		{"decimal coordinates are found", "Standort 50.94167, 6.95833 hier", Coordinate, []string{"50.94167, 6.95833"}},
		{"a public IP address is found", "meine IP 86.121.97.248", IPAddress, []string{"86.121.97.248"}},
		{"a version with four parts is not an IP address", "Version 10.2.3.4", IPAddress, nil},
		{"a dotted North American number is a phone number", "call 415.555.2671 now", Phone, []string{"415.555.2671"}},
		{"a dotted version is not a phone number", "release 2024.11.3 and 10.20.3000", Phone, nil},
		{"a North American number with an extension is one phone number", "call 415-555-2671 x204 today", Phone, []string{"415-555-2671 x204"}},
		{"a Caribbean number in the North American plan is a phone number", "ring +1 345 949 1234", Phone, []string{"+1 345 949 1234"}},
		{"digits continuing an IBAN-shaped prefix are no phone number", "Is NL00 ABCD 0123 4567 89 valid?", Phone, nil},
		{"a legacy 15-digit JCB number is a card", "180000000000002", Card, []string{"180000000000002"}},
		{"a public DNS resolver is not a personal IP address", "DNS 1.1.1.1 und 8.8.8.8", IPAddress, nil},
		{"an e-mail address with umlauts is found", "Mail an märz.müller@web.de", Email, []string{"märz.müller@web.de"}},
		{"an AWS key is a secret", "key AKIAIOSFODNN7EXAMPLE", Secret, []string{"AKIAIOSFODNN7EXAMPLE"}},
		{"a GitHub token is a secret", "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", Secret, []string{"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		{"a word after api key is not a secret", "Where do I put the API key: documentation_is_unclear_here", Secret, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(tt.text, All(tt.text), tt.kind)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestAddresses(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a German street with postcode and town is one address", "Wir wohnen Lindenstraße 12, 50667 Köln.", []string{"Lindenstraße 12, 50667 Köln"}},
		{"an Austrian address with a separate street word is found", "Mariahilfer Straße 45, 1060 Wien", []string{"Mariahilfer Straße 45, 1060 Wien"}},
		{"a Swiss address is found", "Bahnhofstrasse 10, 8001 Zürich", []string{"Bahnhofstrasse 10, 8001 Zürich"}},
		{"a street with a preposition is found", "Treffpunkt Am Markt 3", []string{"Am Markt 3"}},
		{"a UK address with postcode is found", "221B Baker Street, London NW1 6XE", []string{"221B Baker Street, London NW1 6XE"}},
		{"a US address with state and ZIP is found", "1600 Pennsylvania Ave, Washington, DC 20500", []string{"1600 Pennsylvania Ave, Washington, DC 20500"}},
		{"a street without a number is no address", "Ich war in der Lindenstraße einkaufen.", nil},
		{"a way and a duration are no address", "Der Weg 3 Stunden lang", nil},
		{"a rank is no address", "Platz 1 in den Charts", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(tt.text, Addresses(tt.text), Address)
			if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestValidators(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
		want bool
	}{
		{"the ISO example IBAN is valid", ValidIBAN("GB82 WEST 1234 5698 7654 32"), true},
		{"an Austrian IBAN is valid", ValidIBAN("AT611904300234573201"), true},
		{"a Norwegian IBAN of 15 characters is valid", ValidIBAN("NO9386011117947"), true},
		{"an unknown country is no IBAN", ValidIBAN("XX82WEST12345698765432"), false},
		{"Luhn accepts a known test card", Luhn("4242424242424242"), true},
		{"Luhn rejects a changed digit", Luhn("4242424242424241"), false},
		{"a tax ID with a triple run is invalid", ValidSteuerID("11123456789"), false},
		{"a tax ID with the right check digit is valid", ValidSteuerID("47036892816"), true},
		{"a tax ID with a wrong check digit is invalid", ValidSteuerID("47036892817"), false},
		{"a social-insurance number with a wrong check digit is invalid", ValidSVNummer("65 170839 J 004"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.ok != tt.want {
				t.Fatalf("got %v, want %v", tt.ok, tt.want)
			}
		})
	}
}

// FuzzAll checks that no input makes a finder panic or report a span that is out of
// range, empty or cuts a UTF-8 character.
func FuzzAll(f *testing.F) {
	for _, s := range []string{"Tel. 0171 2345678", "IBAN DE89 3704 0044 0532 0130 00", "4111 1111 1111 1111",
		"Lindenstraße 12, 50667 Köln", "ü+49 (0)221 1234", "-----BEGIN PRIVATE KEY-----\nabc", "\xff\xfe0049"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range append(All(s), Addresses(s)...) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("bad span %+v in %q", m, s)
			}
			if utf8.ValidString(s) && (!utf8.ValidString(s[:m.Start]) || !utf8.ValidString(s[m.End:])) {
				t.Fatalf("span %+v cuts a character in %q", m, s)
			}
		}
	})
}

// FuzzValidIBAN checks that the IBAN validator agrees with a fresh computation and
// never panics.
func FuzzValidIBAN(f *testing.F) {
	f.Add("DE89370400440532013000")
	f.Add("de89 3704")
	f.Fuzz(func(t *testing.T, s string) {
		if ValidIBAN(s) && len(IBANs(s)) == 0 && len(s) < 40 && s == trimSpaces(s) {
			if _, ok := ibanLengths[s[:2]]; ok && !containsDoubleSpace(s) {
				t.Fatalf("%q is valid but not found", s)
			}
		}
	})
}

func trimSpaces(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

func containsDoubleSpace(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ' ' && s[i+1] == ' ' {
			return true
		}
	}
	return false
}
