package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// analyzeWebP reads the EXIF and XMP chunks of a WebP file. Stripping WebP is not
// offered: its extended header carries flags that must agree with the chunks.
func analyzeWebP(b []byte, m *Metadata) error {
	if len(b) < 12 {
		return fmt.Errorf("%w: the WebP header is cut off", ErrInvalid)
	}
	size := uint64(binary.LittleEndian.Uint32(b[4:])) + 8
	if size > uint64(len(b)) {
		size = uint64(len(b)) // a short file is still read as far as it goes
	}
	i := uint64(12)
	for i+8 <= size {
		typ := string(b[i : i+4])
		n := uint64(binary.LittleEndian.Uint32(b[i+4:]))
		if i+8+n > size {
			return fmt.Errorf("%w: chunk %q runs past the file", ErrInvalid, typ)
		}
		data := b[i+8 : i+8+n]
		switch typ {
		case "EXIF":
			if parseTIFF(bytes.TrimPrefix(data, exifPrefix), m) != nil {
				m.ExifUnreadable = true
			}
		case "XMP ":
			m.XMP = true
			scanXMP(data, m)
		}
		i += 8 + n + n%2
	}
	return nil
}
