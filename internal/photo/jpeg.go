package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// JPEG markers that matter here.
const (
	mSOI  = 0xD8
	mEOI  = 0xD9
	mSOS  = 0xDA
	mAPP0 = 0xE0
	mAPP1 = 0xE1
	mAPP2 = 0xE2 // ICC profile (kept) or the multi-picture index (dropped with the pictures it indexes)
	mAPPD = 0xED // APP13: Photoshop resources, IPTC
	mCOM  = 0xFE
)

var (
	exifPrefix   = []byte("Exif\x00\x00")
	xmpPrefix    = []byte("http://ns.adobe.com/xap/1.0/\x00")
	xmpExtPrefix = []byte("http://ns.adobe.com/xmp/extension/\x00")
	mpfPrefix    = []byte("MPF\x00")
)

// piece is one part of a JPEG between SOI and EOI: a marker segment, or the
// entropy-coded image data after a scan header (marker 0).
type piece struct {
	marker     byte
	start, end int    // the bytes of the whole piece, marker included
	data       []byte // a segment's payload after the length field
}

// jpegPieces cuts a JPEG into its pieces. eoi is the offset just past the EOI marker,
// or len(b) when the file ends without one (a common, harmless truncation).
func jpegPieces(b []byte) (pieces []piece, eoi int, err error) {
	i, sawScan := 2, false
	for i < len(b) {
		start := i
		if b[i] != 0xFF {
			return nil, 0, fmt.Errorf("%w: no JPEG marker at byte %d", ErrInvalid, i)
		}
		for i < len(b) && b[i] == 0xFF { // fill bytes
			i++
		}
		if i >= len(b) {
			break
		}
		marker := b[i]
		i++
		switch {
		case marker == mEOI:
			if !sawScan {
				return nil, 0, fmt.Errorf("%w: the image ends before any image data", ErrInvalid)
			}
			return pieces, i, nil
		case marker == mSOI || marker == 0x00:
			return nil, 0, fmt.Errorf("%w: unexpected marker 0x%02X at byte %d", ErrInvalid, marker, start)
		case marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7):
			continue // stand-alone markers without a length carry nothing
		}
		if i+2 > len(b) {
			return nil, 0, fmt.Errorf("%w: segment 0x%02X is cut off", ErrInvalid, marker)
		}
		n := int(binary.BigEndian.Uint16(b[i:]))
		if n < 2 || i+n > len(b) {
			return nil, 0, fmt.Errorf("%w: segment 0x%02X has a bad length", ErrInvalid, marker)
		}
		pieces = append(pieces, piece{marker: marker, start: start, end: i + n, data: b[i+2 : i+n]})
		i += n
		if marker != mSOS {
			continue
		}
		sawScan = true
		// Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
		j := i
		for j < len(b) {
			if b[j] == 0xFF && j+1 < len(b) {
				next := b[j+1]
				if next == 0x00 || (next >= 0xD0 && next <= 0xD7) {
					j += 2
					continue
				}
				if next != 0xFF {
					break
				}
			}
			j++
		}
		if j > len(b) {
			j = len(b)
		}
		pieces = append(pieces, piece{start: i, end: j})
		i = j
	}
	if !sawScan {
		return nil, 0, fmt.Errorf("%w: no image data", ErrInvalid)
	}
	return pieces, len(b), nil
}

func analyzeJPEG(b []byte, m *Metadata) error {
	pieces, eoi, err := jpegPieces(b)
	if err != nil {
		return err
	}
	exifSeen := false
	for _, p := range pieces {
		switch p.marker {
		case mAPP1:
			switch {
			case bytes.HasPrefix(p.data, exifPrefix) && !exifSeen:
				exifSeen = true
				if parseTIFF(p.data[len(exifPrefix):], m) != nil {
					m.ExifUnreadable = true
				}
			case bytes.HasPrefix(p.data, xmpPrefix) || bytes.HasPrefix(p.data, xmpExtPrefix):
				m.XMP = true
				scanXMP(p.data, m)
			}
		case mAPPD:
			if bytes.HasPrefix(p.data, []byte("Photoshop 3.0\x00")) {
				m.IPTC = true
			}
		case mCOM:
			if v := cleanText(p.data); v != "" {
				m.Texts = appendText(m.Texts, Text{Key: "Comment", Value: v})
			}
		}
	}
	m.Trailer = hasContent(b[eoi:])
	return nil
}

// dropJPEG names a segment that stripping removes, or "" to keep it. Every APP1 goes:
// it is used for Exif and XMP only, and both tell too much. The multi-picture index
// goes with the extra pictures after the end of the image, which are dropped too.
func dropJPEG(p piece) string {
	switch p.marker {
	case mAPP1:
		if bytes.HasPrefix(p.data, exifPrefix) {
			return "exif"
		}
		return "xmp"
	case mAPPD:
		return "iptc"
	case mCOM:
		return "comment"
	case mAPP2:
		if bytes.HasPrefix(p.data, mpfPrefix) {
			return "trailer"
		}
	}
	return ""
}

// stripJPEG copies the file without APP1, APP13 and COM segments and without data after
// the end of the image. The image data is copied byte for byte. When the photo was
// rotated by an Orientation tag, a minimal Exif block with only that tag is written,
// so the picture still shows the right way up.
func stripJPEG(b []byte) ([]byte, []string, error) {
	pieces, eoi, err := jpegPieces(b)
	if err != nil {
		return nil, nil, err
	}
	var orient Metadata
	for _, p := range pieces {
		if p.marker == mAPP1 && bytes.HasPrefix(p.data, exifPrefix) {
			_ = parseTIFF(p.data[len(exifPrefix):], &orient)
			break
		}
	}
	out := make([]byte, 0, len(b))
	out = append(out, 0xFF, mSOI)
	var removed []string
	wroteExif := orient.Orientation < 2 // upright photos need no Exif at all
	for k, p := range pieces {
		// JFIF wants its APP0 first; the new Exif block follows it.
		if !wroteExif && !(k == 0 && p.marker == mAPP0) {
			out = append(out, orientationSegment(orient.Orientation)...)
			wroteExif = true
		}
		if what := dropJPEG(p); what != "" {
			removed = addOnce(removed, what)
			continue
		}
		out = append(out, b[p.start:p.end]...)
	}
	if !wroteExif {
		out = append(out, orientationSegment(orient.Orientation)...)
	}
	if eoi <= len(b) && eoi >= 2 && b[eoi-2] == 0xFF && b[eoi-1] == mEOI {
		out = append(out, 0xFF, mEOI)
	}
	if hasContent(b[eoi:]) {
		removed = addOnce(removed, "trailer")
	}
	return out, removed, nil
}

// orientationSegment is an APP1 Exif segment holding one IFD with one entry: Orientation.
func orientationSegment(o int) []byte {
	tiff := []byte{
		'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian header, IFD0 at 8
		0x00, 0x01, // one entry
		0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, byte(o >> 8), byte(o), 0x00, 0x00, // Orientation SHORT 1
		0x00, 0x00, 0x00, 0x00, // no next IFD
	}
	payload := append(append([]byte{}, exifPrefix...), tiff...)
	n := len(payload) + 2
	return append([]byte{0xFF, mAPP1, byte(n >> 8), byte(n)}, payload...)
}

// hasContent reports whether b holds anything but padding.
func hasContent(b []byte) bool {
	for _, c := range b {
		if c != 0 && c != 0xFF && c != '\n' && c != '\r' && c != ' ' {
			return true
		}
	}
	return false
}

func addOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// maxTexts bounds how many text entries a report lists.
const maxTexts = 20

func appendText(list []Text, t Text) []Text {
	if len(list) >= maxTexts {
		return list
	}
	return append(list, t)
}
