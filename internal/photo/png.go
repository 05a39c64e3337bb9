package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

type pngChunk struct {
	typ        string
	start, end int // the whole chunk: length, type, data, CRC
	data       []byte
}

// pngChunks cuts a PNG into chunks up to and including IEND; end is the offset after IEND.
func pngChunks(b []byte) (chunks []pngChunk, end int, err error) {
	i := len(pngSignature)
	for {
		if i+12 > len(b) {
			return nil, 0, fmt.Errorf("%w: the PNG ends without IEND", ErrInvalid)
		}
		n := binary.BigEndian.Uint32(b[i:])
		if n > 0x7FFFFFFF || uint64(i)+12+uint64(n) > uint64(len(b)) {
			return nil, 0, fmt.Errorf("%w: chunk at byte %d has a bad length", ErrInvalid, i)
		}
		c := pngChunk{typ: string(b[i+4 : i+8]), start: i, end: i + 12 + int(n), data: b[i+8 : i+8+int(n)]}
		if len(chunks) == 0 && c.typ != "IHDR" {
			return nil, 0, fmt.Errorf("%w: the PNG does not start with IHDR", ErrInvalid)
		}
		chunks = append(chunks, c)
		i = c.end
		if c.typ == "IEND" {
			return chunks, i, nil
		}
	}
}

// maxInflate bounds a decompressed text chunk, so a zip bomb costs nothing.
const maxInflate = 1 << 20

func analyzePNG(b []byte, m *Metadata) error {
	chunks, end, err := pngChunks(b)
	if err != nil {
		return err
	}
	for _, c := range chunks {
		switch c.typ {
		case "eXIf":
			if parseTIFF(c.data, m) != nil {
				m.ExifUnreadable = true
			}
		case "tEXt", "zTXt", "iTXt":
			key, value, ok := pngText(c)
			if !ok {
				continue
			}
			switch {
			case key == "XML:com.adobe.xmp":
				m.XMP = true
				scanXMP([]byte(value), m)
			case strings.HasPrefix(key, "Raw profile type "):
				// ImageMagick keeps Exif and IPTC as hex text in these chunks.
				rawProfile(strings.TrimPrefix(key, "Raw profile type "), value, m)
			default:
				m.Texts = appendText(m.Texts, Text{Key: cleanText([]byte(key)), Value: cleanText([]byte(value))})
			}
		}
	}
	m.Trailer = hasContent(b[end:])
	return nil
}

// pngText decodes a tEXt, zTXt or iTXt chunk into keyword and text.
func pngText(c pngChunk) (key, value string, ok bool) {
	k := bytes.IndexByte(c.data, 0)
	if k <= 0 {
		return "", "", false
	}
	key, rest := latin1(c.data[:k]), c.data[k+1:]
	switch c.typ {
	case "tEXt":
		return key, latin1(rest), true
	case "zTXt":
		if len(rest) < 1 {
			return key, "", true
		}
		v, _ := inflate(rest[1:])
		return key, latin1(v), true
	default: // iTXt: flag, method, language\0, translated keyword\0, text
		if len(rest) < 2 {
			return key, "", true
		}
		compressed := rest[0] == 1
		rest = rest[2:]
		for range 2 {
			z := bytes.IndexByte(rest, 0)
			if z < 0 {
				return key, "", true
			}
			rest = rest[z+1:]
		}
		if compressed {
			v, _ := inflate(rest)
			return key, string(v), true
		}
		return key, string(rest), true
	}
}

func inflate(b []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(io.LimitReader(zr, maxInflate))
}

func latin1(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

// rawProfile reads ImageMagick's "\nexif\n   LENGTH\nHEX…" text.
func rawProfile(kind, v string, m *Metadata) {
	switch kind {
	case "iptc", "8bim":
		m.IPTC = true
		return
	case "xmp":
		m.XMP = true
		return
	case "exif", "APP1":
	default:
		return
	}
	fields := strings.Fields(v)
	if len(fields) < 3 {
		m.ExifUnreadable = true
		return
	}
	raw, err := hex.DecodeString(strings.Join(fields[2:], ""))
	if err != nil {
		m.ExifUnreadable = true
		return
	}
	raw = bytes.TrimPrefix(raw, exifPrefix)
	if parseTIFF(raw, m) != nil {
		m.ExifUnreadable = true
	}
}

// dropPNG lists the chunk types stripping removes: every kind of text (authors,
// software, comments, XMP, ImageMagick's raw Exif) and Exif itself.
var dropPNG = map[string]string{"tEXt": "text", "zTXt": "text", "iTXt": "text", "eXIf": "exif"}

// stripPNG copies the PNG without its text and Exif chunks and without data after IEND.
// Every other chunk, including the image data and the colour information, is copied unchanged.
func stripPNG(b []byte) ([]byte, []string, error) {
	chunks, end, err := pngChunks(b)
	if err != nil {
		return nil, nil, err
	}
	out := make([]byte, 0, len(b))
	out = append(out, pngSignature...)
	var removed []string
	for _, c := range chunks {
		if what, drop := dropPNG[c.typ]; drop {
			removed = addOnce(removed, what)
			continue
		}
		out = append(out, b[c.start:c.end]...)
	}
	if hasContent(b[end:]) {
		removed = addOnce(removed, "trailer")
	}
	return out, removed, nil
}
