package photo_test

import (
	"bytes"
	"errors"
	"image/jpeg"
	"image/png"
	"math"
	"testing"

	"github.com/postcheck/postcheck/internal/photo"
	"github.com/postcheck/postcheck/internal/photo/phototest"
)

// phone is what a typical phone writes into a holiday picture.
var phone = phototest.Exif{
	Make: "Pixelphone", Model: "P9 Pro", Software: "HDR+ 1.0", DateTime: "2026:07:14 18:03:00",
	DateTimeOriginal: "2026:07:14 18:02:11", Owner: "Anna Keller", BodySerial: "SN-4711-0815", Artist: "Anna K.",
	GPS: true, Latitude: 52.516275, Longitude: 13.377704, Altitude: 34.5, Orientation: 6, Thumbnail: true,
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-5 }

func TestAnalyzeReadsWhatAPhoneWrites(t *testing.T) {
	south := phone
	south.LittleEndian, south.Latitude, south.Longitude, south.Altitude = true, -33.856784, -151.215297, -2
	tests := []struct {
		name     string
		file     []byte
		lat, lon float64
		alt      float64
	}{
		{"a big-endian JPEG from a phone", phototest.JPEG(32, 24, phototest.ExifSegment(phone)), 52.516275, 13.377704, 34.5},
		{"a little-endian JPEG south and west, below sea level", phototest.JPEG(32, 24, phototest.ExifSegment(south)), -33.856784, -151.215297, -2},
		{"a PNG with an eXIf chunk", phototest.PNG(16, 16, phototest.Chunk("eXIf", phone.TIFF())), 52.516275, 13.377704, 34.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := photo.Analyze(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if m.GPS == nil || !near(m.GPS.Latitude, tt.lat) || !near(m.GPS.Longitude, tt.lon) || m.GPS.Altitude == nil || !near(*m.GPS.Altitude, tt.alt) {
				t.Fatalf("GPS %+v, want %v %v %v", m.GPS, tt.lat, tt.lon, tt.alt)
			}
			if m.Taken != "2026:07:14 18:02:11" {
				t.Errorf("taken %q, want the original capture time, not the edit time", m.Taken)
			}
			if m.Make != "Pixelphone" || m.Model != "P9 Pro" || m.BodySerial != "SN-4711-0815" || m.Owner != "Anna Keller" ||
				m.Artist != "Anna K." || m.Software != "HDR+ 1.0" || m.Orientation != 6 || !m.Thumbnail {
				t.Errorf("metadata %+v", m)
			}
			if !m.Revealing() || !m.CanStrip {
				t.Errorf("revealing %v, can strip %v", m.Revealing(), m.CanStrip)
			}
		})
	}
}

func TestAnalyzeReadsXMPCommentsAndPNGText(t *testing.T) {
	xmp := `<x:xmpmeta><rdf:RDF><rdf:Description exif:GPSLatitude="48,8.5N" exif:GPSLongitude="11,34.2E" xmp:CreatorTool="Photo Editor 5">` +
		`<dc:creator><rdf:Seq><rdf:li>Max Muster</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`
	j := phototest.JPEG(16, 16, phototest.XMPSegment(xmp), phototest.Segment(0xFE, []byte("Urlaub bei Oma, Hauptstr. 5")),
		phototest.Segment(0xED, []byte("Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x00")))
	m, err := photo.Analyze(j)
	if err != nil {
		t.Fatal(err)
	}
	if m.GPS == nil || !near(m.GPS.Latitude, 48+8.5/60) || !near(m.GPS.Longitude, 11+34.2/60) {
		t.Errorf("XMP GPS %+v", m.GPS)
	}
	if m.Artist != "Max Muster" || m.Software != "Photo Editor 5" || !m.XMP || !m.IPTC {
		t.Errorf("XMP fields %+v", m)
	}
	if len(m.Texts) != 1 || m.Texts[0].Value != "Urlaub bei Oma, Hauptstr. 5" {
		t.Errorf("comment %+v", m.Texts)
	}

	p := phototest.PNG(8, 8, phototest.TextChunk("Author", "Anna Keller"), phototest.TextChunk("Software", "GIMP 2.10"))
	m, err = photo.Analyze(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Texts) != 2 || m.Texts[0] != (photo.Text{Key: "Author", Value: "Anna Keller"}) || m.GPS != nil {
		t.Errorf("PNG texts %+v", m)
	}
}

func TestAPlainPhotoRevealsNothing(t *testing.T) {
	for name, file := range map[string][]byte{"jpeg": phototest.JPEG(8, 8), "png": phototest.PNG(8, 8)} {
		m, err := photo.Analyze(file)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if m.Revealing() {
			t.Errorf("%s: plain encoder output reported as revealing: %+v", name, m)
		}
	}
}

func TestStripJPEGKeepsImageDataAndOrientationOnly(t *testing.T) {
	jfif := phototest.Segment(0xE0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))
	in := phototest.JPEG(40, 30, jfif, phototest.ExifSegment(phone), phototest.XMPSegment(`<x exif:GPSLatitude="1,2N"/>`),
		phototest.Segment(0xFE, []byte("comment")), phototest.Segment(0xED, []byte("Photoshop 3.0\x00")),
		phototest.Segment(0xE2, []byte("ICC_PROFILE\x00\x01\x01profile")), phototest.Segment(0xE2, []byte("MPF\x00MM\x00*index")))
	in = append(in, []byte("\xFF\xD8 a second picture with its own Exif")...)
	out, removed, err := photo.Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	m, err := photo.Analyze(out)
	if err != nil {
		t.Fatalf("stripped file does not parse: %v", err)
	}
	if m.Revealing() {
		t.Errorf("stripped file still reveals %+v", m)
	}
	if m.Orientation != 6 {
		t.Errorf("orientation %d after stripping, want 6 kept", m.Orientation)
	}
	if want := []string{"exif", "xmp", "comment", "iptc", "trailer"}; !equal(removed, want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
	// Lossless: the entropy-coded data is the same bytes.
	scan := func(b []byte) []byte { i := bytes.Index(b, []byte{0xFF, 0xDA}); return b[i:] }
	plain := phototest.JPEG(40, 30)
	if !bytes.Equal(scan(out), scan(plain)) {
		t.Error("image data changed while stripping")
	}
	if _, err := jpeg.Decode(bytes.NewReader(out)); err != nil {
		t.Errorf("stripped JPEG does not decode: %v", err)
	}
	if !bytes.Contains(out, []byte("ICC_PROFILE")) || bytes.Contains(out, []byte("MPF\x00")) {
		t.Error("want the colour profile kept and the multi-picture index dropped")
	}
	if !bytes.HasPrefix(out[2:], jfif) || !bytes.HasPrefix(out[2+len(jfif):], []byte{0xFF, 0xE1}) {
		t.Errorf("want JFIF APP0 first, then the new Exif block: % X", out[:24])
	}
}

func TestStripJPEGWithoutRotationWritesNoExif(t *testing.T) {
	upright := phone
	upright.Orientation = 1
	out, _, err := photo.Strip(phototest.JPEG(8, 8, phototest.ExifSegment(upright)))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("Exif\x00\x00")) {
		t.Error("an upright photo got an Exif block")
	}
	if !bytes.Equal(out, phototest.JPEG(8, 8)) {
		t.Error("stripping should give back exactly the encoder's output")
	}
}

func TestStripPNGDropsOnlyTextAndExif(t *testing.T) {
	in := phototest.PNG(12, 12, phototest.TextChunk("Author", "Anna"), phototest.Chunk("eXIf", phone.TIFF()),
		phototest.Chunk("tIME", []byte{7, 234, 7, 14, 18, 2, 11}))
	out, removed, err := photo.Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	if !equal(removed, []string{"text", "exif"}) {
		t.Errorf("removed %v", removed)
	}
	want := phototest.PNG(12, 12, phototest.Chunk("tIME", []byte{7, 234, 7, 14, 18, 2, 11}))
	if !bytes.Equal(out, want) {
		t.Error("stripping changed more than the text and Exif chunks")
	}
	if _, err := png.Decode(bytes.NewReader(out)); err != nil {
		t.Errorf("stripped PNG does not decode: %v", err)
	}
}

func TestBrokenAndUnsupportedFilesAreErrorsNotPanics(t *testing.T) {
	j := phototest.JPEG(8, 8, phototest.ExifSegment(phone))
	p := phototest.PNG(8, 8)
	tests := []struct {
		name string
		file []byte
		want error
	}{
		{"an empty file", nil, photo.ErrUnsupported},
		{"a text file", []byte("hello, this is not a picture"), photo.ErrUnsupported},
		{"a GIF", []byte("GIF89a\x01\x00\x01\x00"), photo.ErrUnsupported},
		{"a JPEG cut inside its Exif", j[:40], photo.ErrInvalid},
		{"a JPEG of only its start marker", []byte{0xFF, 0xD8, 0xFF}, photo.ErrInvalid},
		{"a PNG cut in the middle", p[:len(p)/2], photo.ErrInvalid},
		{"a PNG whose first chunk is not IHDR", append([]byte("\x89PNG\r\n\x1a\n"), phototest.Chunk("IEND", nil)...), photo.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := photo.Analyze(tt.file); !errors.Is(err, tt.want) {
				t.Errorf("Analyze: %v, want %v", err, tt.want)
			}
			if _, _, err := photo.Strip(tt.file); !errors.Is(err, tt.want) {
				t.Errorf("Strip: %v, want %v", err, tt.want)
			}
		})
	}
}

func TestABrokenExifBlockIsReportedAndStillStripped(t *testing.T) {
	tiff := phone.TIFF()
	tiff[7] = 0xF0 // IFD0 offset far outside the block
	in := phototest.JPEG(8, 8, phototest.Segment(0xE1, append([]byte("Exif\x00\x00"), tiff...)))
	m, err := photo.Analyze(in)
	if err != nil {
		t.Fatal(err)
	}
	if !m.ExifUnreadable || !m.Revealing() {
		t.Errorf("broken Exif not reported: %+v", m)
	}
	out, _, err := photo.Strip(in)
	if err != nil || bytes.Contains(out, []byte("Exif")) {
		t.Errorf("strip: %v", err)
	}
}

func TestAnalyzeReadsWebPExif(t *testing.T) {
	exif := phone.TIFF()
	chunk := append([]byte("EXIF"), byte(len(exif)), byte(len(exif)>>8), 0, 0)
	chunk = append(chunk, exif...)
	if len(exif)%2 == 1 {
		chunk = append(chunk, 0)
	}
	body := append([]byte("WEBP"), chunk...)
	file := append([]byte("RIFF"), byte(len(body)), byte(len(body)>>8), 0, 0)
	file = append(file, body...)
	m, err := photo.Analyze(file)
	if err != nil {
		t.Fatal(err)
	}
	if m.GPS == nil || m.CanStrip {
		t.Errorf("webp: %+v", m)
	}
	if _, _, err := photo.Strip(file); !errors.Is(err, photo.ErrUnsupported) {
		t.Errorf("strip webp: %v, want unsupported", err)
	}
}

func TestAnalyzeReadsTheExifItemOfAHEIC(t *testing.T) {
	file := phototest.HEIC(phone)
	m, err := photo.Analyze(file)
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != photo.HEIF || m.GPS == nil || !near(m.GPS.Latitude, 52.516275) || m.Owner != "Anna Keller" || m.CanStrip {
		t.Errorf("heic: %+v", m)
	}
	if _, _, err := photo.Strip(file); !errors.Is(err, photo.ErrUnsupported) {
		t.Errorf("strip heic: %v, want unsupported", err)
	}
	if _, err := photo.Analyze(file[:20]); !errors.Is(err, photo.ErrInvalid) {
		t.Errorf("a HEIC cut inside its first box: %v, want broken", err)
	}
	// Every cut of the file is an error or a report, never a panic.
	for n := 0; n < len(file); n += 7 {
		_, _ = photo.Analyze(file[:n])
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzPhoto feeds broken files to both entry points: they must not panic, and whatever
// Strip returns must parse again and reveal nothing.
func FuzzPhoto(f *testing.F) {
	f.Add(phototest.JPEG(8, 8, phototest.ExifSegment(phone)))
	f.Add(phototest.PNG(4, 4, phototest.Chunk("eXIf", phone.TIFF()), phototest.TextChunk("a", "b")))
	f.Add(append([]byte("II*\x00"), phone.TIFF()[4:]...))
	f.Add([]byte("RIFF\x10\x00\x00\x00WEBPEXIF\x04\x00\x00\x00MM\x00*"))
	f.Add(phototest.HEIC(phone))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := photo.Analyze(b)
		if err == nil && m == nil {
			t.Fatal("no metadata and no error")
		}
		out, _, err := photo.Strip(b)
		if err != nil {
			return
		}
		m2, err := photo.Analyze(out)
		if err != nil {
			t.Fatalf("stripped output does not parse: %v", err)
		}
		if m2.GPS != nil || m2.GPSPartial || len(m2.Texts) > 0 || m2.XMP || m2.Owner != "" || m2.BodySerial != "" {
			t.Fatalf("stripped output still reveals %+v", m2)
		}
	})
}
