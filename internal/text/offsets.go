package text

import (
	"fmt"
	"unicode/utf8"
)

// Unit is the unit in which a client counts offsets.
type Unit string

// The offset units. UTF16 is the default: browsers count in UTF-16 code units.
const (
	UTF16     Unit = "utf16"
	CodePoint Unit = "codepoint"
	Byte      Unit = "byte"
)

// ParseUnit accepts "utf16", "codepoint" or "byte"; "" means UTF16.
func ParseUnit(s string) (Unit, error) {
	switch Unit(s) {
	case "", UTF16:
		return UTF16, nil
	case CodePoint, Byte:
		return Unit(s), nil
	}
	return "", fmt.Errorf("unknown offset unit %q: use utf16, codepoint or byte", s)
}

// Offsets converts byte offsets of one text to another unit.
type Offsets struct {
	text string
	unit Unit
	// prefix[i] is the offset in unit of byte i, for i on rune boundaries.
	prefix []int32
}

// NewOffsets prepares conversion of byte offsets in s to unit.
func NewOffsets(s string, unit Unit) *Offsets {
	o := &Offsets{text: s, unit: unit}
	if unit == Byte {
		return o
	}
	o.prefix = make([]int32, len(s)+1)
	n := int32(0)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		for k := 0; k < w; k++ {
			o.prefix[i+k] = n
		}
		switch {
		case unit == CodePoint:
			n++
		case r >= 0x10000:
			n += 2
		default:
			n++
		}
		i += w
	}
	o.prefix[len(s)] = n
	return o
}

// Convert returns the offset of byte b in the unit. b must be a rune boundary.
func (o *Offsets) Convert(b int) int {
	if o.unit == Byte {
		return b
	}
	return int(o.prefix[b])
}

// Length returns the length of the whole text in the unit.
func (o *Offsets) Length() int { return o.Convert(len(o.text)) }

// Length returns the length of s in unit.
func Length(s string, unit Unit) int {
	switch unit {
	case Byte:
		return len(s)
	case CodePoint:
		return utf8.RuneCountInString(s)
	}
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
