// Package photo finds the metadata in a photo that tells more than the picture — where
// it was taken, when, with which device, by whom — and removes it without touching the
// image data. It reads JPEG, PNG, WebP and TIFF, and strips JPEG and PNG.
//
// Every parser here works on untrusted bytes: each read is bounds-checked, loops are
// bounded, and a broken file yields an error, never a panic.
package photo

import (
	"bytes"
	"errors"
	"fmt"
)

// ErrUnsupported means the file is a format this package does not read or strip.
var ErrUnsupported = errors.New("unsupported photo format")

// ErrInvalid means the file claims a supported format but its structure is broken.
var ErrInvalid = errors.New("broken photo file")

// Format names a file format.
type Format string

// The formats this package recognises.
const (
	JPEG    Format = "jpeg"
	PNG     Format = "png"
	WebP    Format = "webp"
	TIFF    Format = "tiff"
	GIF     Format = "gif"
	HEIF    Format = "heif"
	Unknown Format = ""
)

// GPS is a position stored in the photo.
type GPS struct {
	Latitude  float64  `json:"latitude"`
	Longitude float64  `json:"longitude"`
	Altitude  *float64 `json:"altitude,omitempty"` // metres above sea level
}

// Text is one free-form metadata entry (PNG text chunk, JPEG comment, …).
type Text struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Metadata is what a photo reveals besides its pixels.
type Metadata struct {
	Format         Format `json:"format"`
	GPS            *GPS   `json:"gps,omitempty"`
	GPSPartial     bool   `json:"gpsPartial,omitempty"` // GPS tags present but no usable position
	Taken          string `json:"taken,omitempty"`      // DateTimeOriginal, else DateTimeDigitized, else DateTime
	Make           string `json:"make,omitempty"`
	Model          string `json:"model,omitempty"`
	BodySerial     string `json:"bodySerial,omitempty"`
	LensModel      string `json:"lensModel,omitempty"`
	LensSerial     string `json:"lensSerial,omitempty"`
	Owner          string `json:"owner,omitempty"` // CameraOwnerName
	Artist         string `json:"artist,omitempty"`
	Copyright      string `json:"copyright,omitempty"`
	Software       string `json:"software,omitempty"`
	ImageUniqueID  string `json:"imageUniqueId,omitempty"`
	Orientation    int    `json:"orientation,omitempty"`
	Thumbnail      bool   `json:"thumbnail,omitempty"` // an embedded preview, which may show the uncropped picture
	XMP            bool   `json:"xmp,omitempty"`
	IPTC           bool   `json:"iptc,omitempty"`
	Texts          []Text `json:"texts,omitempty"`   // PNG text chunks and JPEG comments
	Trailer        bool   `json:"trailer,omitempty"` // data after the image's end, e.g. a second picture or a clip
	CanStrip       bool   `json:"canStrip"`
	ExifUnreadable bool   `json:"exifUnreadable,omitempty"` // an Exif block was present but broken
}

// Detect names the format from the first bytes.
func Detect(b []byte) Format {
	switch {
	case len(b) >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF:
		return JPEG
	case bytes.HasPrefix(b, pngSignature):
		return PNG
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return WebP
	case bytes.HasPrefix(b, []byte("II*\x00")) || bytes.HasPrefix(b, []byte("MM\x00*")):
		return TIFF
	case bytes.HasPrefix(b, []byte("GIF87a")) || bytes.HasPrefix(b, []byte("GIF89a")):
		return GIF
	case len(b) >= 12 && string(b[4:8]) == "ftyp" && isHEIFBrand(string(b[8:12])):
		return HEIF
	}
	return Unknown
}

func isHEIFBrand(s string) bool {
	switch s {
	case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif":
		return true
	}
	return false
}

// Analyze reports the metadata of a photo. Unknown formats and GIF give
// ErrUnsupported; a broken JPEG, PNG, WebP or HEIF gives ErrInvalid. A broken Exif block
// inside an otherwise sound file is reported as ExifUnreadable, not as an error,
// because the file can still be stripped.
func Analyze(b []byte) (*Metadata, error) {
	f := Detect(b)
	m := &Metadata{Format: f}
	var err error
	switch f {
	case JPEG:
		m.CanStrip = true
		err = analyzeJPEG(b, m)
	case PNG:
		m.CanStrip = true
		err = analyzePNG(b, m)
	case WebP:
		err = analyzeWebP(b, m)
	case TIFF:
		if perr := parseTIFF(b, m); perr != nil {
			err = fmt.Errorf("%w: %v", ErrInvalid, perr)
		}
	case HEIF:
		err = analyzeHEIF(b, m)
	case GIF:
		return m, fmt.Errorf("%w: %s", ErrUnsupported, f)
	default:
		return nil, ErrUnsupported
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// Strip returns the photo without its revealing metadata, and the names of what was
// removed. JPEG keeps its image data byte for byte (lossless) and its orientation;
// PNG loses only its text and eXIf chunks. Other formats give ErrUnsupported.
func Strip(b []byte) ([]byte, []string, error) {
	switch f := Detect(b); f {
	case JPEG:
		return stripJPEG(b)
	case PNG:
		return stripPNG(b)
	case Unknown:
		return nil, nil, ErrUnsupported
	default:
		return nil, nil, fmt.Errorf("%w: %s", ErrUnsupported, f)
	}
}

// Revealing reports whether the metadata holds anything worth removing.
func (m *Metadata) Revealing() bool {
	return m.GPS != nil || m.GPSPartial || m.Taken != "" || m.Make != "" || m.Model != "" || m.BodySerial != "" ||
		m.LensSerial != "" || m.Owner != "" || m.Artist != "" || m.Copyright != "" || m.Software != "" ||
		m.ImageUniqueID != "" || m.Thumbnail || m.Trailer || m.XMP || m.IPTC || len(m.Texts) > 0 || m.ExifUnreadable
}
