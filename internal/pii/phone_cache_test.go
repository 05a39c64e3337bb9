package pii

import (
	"slices"
	"testing"
)

// TestRememberedPhoneVerdictsAnswerAsBefore: a draft checked again, after its numbers'
// verdicts were remembered, yields the same phone numbers, hotlines still excluded.
func TestRememberedPhoneVerdictsAnswerAsBefore(t *testing.T) {
	drafts := []string{
		"Ruft mich an: 0171 2345678 oder +44 20 7946 0958.",
		"Kostenlos unter 0800 1234567, privat 0151 23456789.",
		"Call (415) 555-2671 or 415.555.2671, not 1-800-555-0199.",
		"Tel. 030 12345678",
	}
	verdicts.Lock()
	clear(verdicts.m)
	verdicts.Unlock()
	for _, d := range drafts {
		first := Phones(d)
		if again := Phones(d); !slices.Equal(first, again) {
			t.Errorf("%q: %v first, %v from remembered verdicts", d, first, again)
		}
	}
	verdicts.Lock()
	n := len(verdicts.m)
	verdicts.Unlock()
	if n == 0 {
		t.Error("no verdict was remembered")
	}
}

func TestPhoneVerdictsAreBounded(t *testing.T) {
	for i := range maxVerdicts + 10 {
		phoneVerdict("0171 "+itoa7(i), false)
	}
	verdicts.Lock()
	defer verdicts.Unlock()
	if len(verdicts.m) > maxVerdicts {
		t.Errorf("%d verdicts remembered, the bound is %d", len(verdicts.m), maxVerdicts)
	}
}

func itoa7(i int) string {
	b := []byte("0000000")
	for k := 6; k >= 0; k-- {
		b[k] = byte('0' + i%10)
		i /= 10
	}
	return string(b)
}
