package photo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// Exif and GPS tags that reveal something about the author or the place.
const (
	tagMake            = 0x010F
	tagModel           = 0x0110
	tagOrientation     = 0x0112
	tagSoftware        = 0x0131
	tagDateTime        = 0x0132
	tagArtist          = 0x013B
	tagCopyright       = 0x8298
	tagExifIFD         = 0x8769
	tagGPSIFD          = 0x8825
	tagDateTimeOrig    = 0x9003
	tagDateTimeDigit   = 0x9004
	tagImageUniqueID   = 0xA420
	tagCameraOwnerName = 0xA430
	tagBodySerial      = 0xA431
	tagLensModel       = 0xA434
	tagLensSerial      = 0xA435

	gpsLatRef = 1
	gpsLat    = 2
	gpsLonRef = 3
	gpsLon    = 4
	gpsAltRef = 5
	gpsAlt    = 6
)

// maxIFDEntries bounds the work a hostile file can cause; real IFDs hold a few dozen.
const maxIFDEntries = 1000

// maxText bounds every string taken from a file, so a report stays small.
const maxText = 200

var errTIFF = errors.New("broken TIFF structure")

type tiffReader struct {
	b     []byte
	order binary.ByteOrder
}

type ifdEntry struct {
	tag, typ uint16
	count    uint32
	value    []byte // the raw value bytes, already bounds-checked
}

// typeSize is the byte size of one value of each TIFF field type; 0 means unknown.
func typeSize(typ uint16) int {
	switch typ {
	case 1, 2, 6, 7: // BYTE, ASCII, SBYTE, UNDEFINED
		return 1
	case 3, 8: // SHORT, SSHORT
		return 2
	case 4, 9, 11, 13: // LONG, SLONG, FLOAT, IFD
		return 4
	case 5, 10, 12: // RATIONAL, SRATIONAL, DOUBLE
		return 8
	}
	return 0
}

// parseTIFF reads a TIFF structure (an Exif block without its "Exif\0\0" prefix) into m.
func parseTIFF(b []byte, m *Metadata) error {
	if len(b) < 8 {
		return errTIFF
	}
	r := &tiffReader{b: b}
	switch string(b[:2]) {
	case "II":
		r.order = binary.LittleEndian
	case "MM":
		r.order = binary.BigEndian
	default:
		return errTIFF
	}
	if r.order.Uint16(b[2:4]) != 42 {
		return errTIFF
	}
	ifd0, next, err := r.readIFD(r.order.Uint32(b[4:8]))
	if err != nil {
		return err
	}
	m.Thumbnail = m.Thumbnail || next != 0
	for _, e := range ifd0 {
		switch e.tag {
		case tagMake:
			m.Make = r.ascii(e)
		case tagModel:
			m.Model = r.ascii(e)
		case tagSoftware:
			m.Software = r.ascii(e)
		case tagArtist:
			m.Artist = r.ascii(e)
		case tagCopyright:
			m.Copyright = r.ascii(e)
		case tagOrientation:
			if v, ok := r.uint(e, 0); ok && v >= 1 && v <= 8 {
				m.Orientation = int(v)
			}
		case tagDateTime:
			if m.Taken == "" {
				m.Taken = r.ascii(e)
			}
		}
	}
	seen := map[uint32]bool{r.order.Uint32(b[4:8]): true}
	for _, e := range ifd0 {
		off, ok := r.uint(e, 0)
		if !ok || seen[off] {
			continue
		}
		switch e.tag {
		case tagExifIFD:
			seen[off] = true
			entries, _, err := r.readIFD(off)
			if err != nil {
				return err
			}
			r.exif(entries, m)
		case tagGPSIFD:
			seen[off] = true
			entries, _, err := r.readIFD(off)
			if err != nil {
				return err
			}
			r.gps(entries, m)
		}
	}
	return nil
}

func (r *tiffReader) exif(entries []ifdEntry, m *Metadata) {
	var orig, digit string
	for _, e := range entries {
		switch e.tag {
		case tagDateTimeOrig:
			orig = r.ascii(e)
		case tagDateTimeDigit:
			digit = r.ascii(e)
		case tagCameraOwnerName:
			m.Owner = r.ascii(e)
		case tagBodySerial:
			m.BodySerial = r.ascii(e)
		case tagLensModel:
			m.LensModel = r.ascii(e)
		case tagLensSerial:
			m.LensSerial = r.ascii(e)
		case tagImageUniqueID:
			m.ImageUniqueID = r.ascii(e)
		}
	}
	// The moment of capture is the one that tells; DateTime (IFD0) is only the last edit.
	if orig != "" {
		m.Taken = orig
	} else if digit != "" {
		m.Taken = digit
	}
}

func (r *tiffReader) gps(entries []ifdEntry, m *Metadata) {
	if len(entries) == 0 {
		return
	}
	var latRef, lonRef string
	var lat, lon, alt float64
	var haveLat, haveLon, haveAlt bool
	below := false
	for _, e := range entries {
		switch e.tag {
		case gpsLatRef:
			latRef = r.ascii(e)
		case gpsLonRef:
			lonRef = r.ascii(e)
		case gpsLat:
			lat, haveLat = r.degrees(e)
		case gpsLon:
			lon, haveLon = r.degrees(e)
		case gpsAltRef:
			v, ok := r.uint(e, 0)
			below = ok && v == 1
		case gpsAlt:
			alt, haveAlt = r.rational(e, 0)
		}
	}
	if !haveLat || !haveLon || lat > 90 || lon > 180 {
		m.GPSPartial = true
		return
	}
	if strings.EqualFold(latRef, "S") {
		lat = -lat
	}
	if strings.EqualFold(lonRef, "W") {
		lon = -lon
	}
	g := &GPS{Latitude: lat, Longitude: lon}
	if haveAlt {
		if below {
			alt = -alt
		}
		g.Altitude = &alt
	}
	m.GPS = g
}

// readIFD reads the entries at off and the offset of the next IFD.
func (r *tiffReader) readIFD(off uint32) ([]ifdEntry, uint32, error) {
	start := uint64(off)
	if start+2 > uint64(len(r.b)) {
		return nil, 0, fmt.Errorf("%w: IFD offset %d outside the block", errTIFF, off)
	}
	n := int(r.order.Uint16(r.b[start:]))
	if n > maxIFDEntries {
		return nil, 0, fmt.Errorf("%w: %d entries", errTIFF, n)
	}
	end := start + 2 + uint64(n)*12
	if end > uint64(len(r.b)) {
		return nil, 0, fmt.Errorf("%w: IFD runs past the block", errTIFF)
	}
	entries := make([]ifdEntry, 0, n)
	for i := 0; i < n; i++ {
		p := r.b[start+2+uint64(i)*12:]
		e := ifdEntry{tag: r.order.Uint16(p), typ: r.order.Uint16(p[2:]), count: r.order.Uint32(p[4:])}
		size := uint64(typeSize(e.typ)) * uint64(e.count)
		switch {
		case size == 0:
			// unknown type or empty value: skip the entry, it tells nothing we read
			continue
		case size <= 4:
			e.value = p[8 : 8+size]
		default:
			voff := uint64(r.order.Uint32(p[8:]))
			if voff+size > uint64(len(r.b)) {
				continue // a value outside the block is ignored, the rest is still read
			}
			e.value = r.b[voff : voff+size]
		}
		entries = append(entries, e)
	}
	var next uint32
	if end+4 <= uint64(len(r.b)) {
		next = r.order.Uint32(r.b[end:])
	}
	return entries, next, nil
}

// ascii returns a printable, trimmed, bounded string from an ASCII or UNDEFINED entry.
func (r *tiffReader) ascii(e ifdEntry) string {
	if e.typ != 2 && e.typ != 7 && e.typ != 1 {
		return ""
	}
	return cleanText(e.value)
}

// cleanText keeps the readable part of a metadata string: up to the first NUL, valid
// UTF-8 (else Latin-1), no control characters, at most maxText runes.
func cleanText(v []byte) string {
	if i := indexByte(v, 0); i >= 0 {
		v = v[:i]
	}
	var s string
	if utf8.Valid(v) {
		s = string(v)
	} else {
		rs := make([]rune, len(v))
		for i, c := range v {
			rs[i] = rune(c)
		}
		s = string(rs)
	}
	var b strings.Builder
	n := 0
	for _, c := range s {
		if n >= maxText {
			b.WriteString("…")
			break
		}
		if c < 0x20 || c == 0x7F {
			c = ' '
		}
		b.WriteRune(c)
		n++
	}
	return strings.TrimSpace(b.String())
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// uint returns the i-th value of a BYTE, SHORT or LONG entry.
func (r *tiffReader) uint(e ifdEntry, i int) (uint32, bool) {
	switch e.typ {
	case 1, 7:
		if i < len(e.value) {
			return uint32(e.value[i]), true
		}
	case 3:
		if 2*i+2 <= len(e.value) {
			return uint32(r.order.Uint16(e.value[2*i:])), true
		}
	case 4, 13:
		if 4*i+4 <= len(e.value) {
			return r.order.Uint32(e.value[4*i:]), true
		}
	}
	return 0, false
}

// rational returns the i-th value of a RATIONAL entry; a zero denominator is no value.
func (r *tiffReader) rational(e ifdEntry, i int) (float64, bool) {
	if e.typ != 5 && e.typ != 10 || 8*i+8 > len(e.value) {
		return 0, false
	}
	num, den := r.order.Uint32(e.value[8*i:]), r.order.Uint32(e.value[8*i+4:])
	if den == 0 {
		return 0, false
	}
	if e.typ == 10 {
		return float64(int32(num)) / float64(int32(den)), true
	}
	return float64(num) / float64(den), true
}

// degrees reads degrees, minutes, seconds (three rationals) as decimal degrees.
func (r *tiffReader) degrees(e ifdEntry) (float64, bool) {
	d, ok1 := r.rational(e, 0)
	mi, ok2 := r.rational(e, 1)
	s, ok3 := r.rational(e, 2)
	if !ok1 {
		return 0, false
	}
	if !ok2 {
		mi = 0
	}
	if !ok3 {
		s = 0
	}
	v := d + mi/60 + s/3600
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0, false
	}
	return v, true
}
