// Package phototest builds small photos with chosen metadata for tests: real JPEG and
// PNG image data from the standard library, with Exif, XMP, comments and text chunks
// written byte by byte the way cameras and editors write them.
package phototest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
)

// Exif lists the tags to write; empty fields are left out.
type Exif struct {
	LittleEndian                            bool
	Make, Model, Software, Artist, DateTime string
	DateTimeOriginal, Owner, BodySerial     string
	Orientation                             int
	GPS                                     bool
	Latitude, Longitude, Altitude           float64 // negative: south, west, below sea level
	Thumbnail                               bool    // writes an IFD1, as cameras do for the preview
}

// byteOrder both puts and appends, as binary.BigEndian and binary.LittleEndian do.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

type entry struct {
	tag, typ uint16
	count    uint32
	val      []byte
}

// TIFF returns the Exif block as a TIFF structure (without the "Exif\0\0" prefix).
func (e Exif) TIFF() []byte {
	var bo byteOrder = binary.BigEndian
	hdr := []byte{'M', 'M', 0, 42}
	if e.LittleEndian {
		bo, hdr = binary.LittleEndian, []byte{'I', 'I', 42, 0}
	}
	ascii := func(tag uint16, s string) entry { v := append([]byte(s), 0); return entry{tag, 2, uint32(len(v)), v} }
	short := func(tag uint16, v int) entry {
		b := make([]byte, 2)
		bo.PutUint16(b, uint16(v))
		return entry{tag, 3, 1, b}
	}
	long := func(tag uint16, v uint32) entry { b := make([]byte, 4); bo.PutUint32(b, v); return entry{tag, 4, 1, b} }
	rationals := func(tag uint16, vs ...[2]uint32) entry {
		b := make([]byte, 0, 8*len(vs))
		for _, v := range vs {
			b = bo.AppendUint32(b, v[0])
			b = bo.AppendUint32(b, v[1])
		}
		return entry{tag, 5, uint32(len(vs)), b}
	}
	var ifd0, exif, gps []entry
	if e.Make != "" {
		ifd0 = append(ifd0, ascii(0x010F, e.Make))
	}
	if e.Model != "" {
		ifd0 = append(ifd0, ascii(0x0110, e.Model))
	}
	if e.Orientation != 0 {
		ifd0 = append(ifd0, short(0x0112, e.Orientation))
	}
	if e.Software != "" {
		ifd0 = append(ifd0, ascii(0x0131, e.Software))
	}
	if e.DateTime != "" {
		ifd0 = append(ifd0, ascii(0x0132, e.DateTime))
	}
	if e.Artist != "" {
		ifd0 = append(ifd0, ascii(0x013B, e.Artist))
	}
	if e.DateTimeOriginal != "" {
		exif = append(exif, ascii(0x9003, e.DateTimeOriginal))
	}
	if e.Owner != "" {
		exif = append(exif, ascii(0xA430, e.Owner))
	}
	if e.BodySerial != "" {
		exif = append(exif, ascii(0xA431, e.BodySerial))
	}
	if e.GPS {
		dms := func(v float64) [][2]uint32 {
			v = math.Abs(v)
			d := math.Floor(v)
			m := math.Floor((v - d) * 60)
			s := (v - d - m/60) * 3600
			return [][2]uint32{{uint32(d), 1}, {uint32(m), 1}, {uint32(math.Round(s * 10000)), 10000}}
		}
		ns, ew, below := "N", "E", 0
		if e.Latitude < 0 {
			ns = "S"
		}
		if e.Longitude < 0 {
			ew = "W"
		}
		if e.Altitude < 0 {
			below = 1
		}
		gps = append(gps, entry{0, 1, 4, []byte{2, 3, 0, 0}}, ascii(1, ns), rationals(2, dms(e.Latitude)...),
			ascii(3, ew), rationals(4, dms(e.Longitude)...), entry{5, 1, 1, []byte{byte(below)}},
			rationals(6, [2]uint32{uint32(math.Round(math.Abs(e.Altitude) * 10)), 10}))
	}
	// Pointers are LONGs held inline, so the sizes are known before their values.
	if len(exif) > 0 {
		ifd0 = append(ifd0, long(0x8769, 0))
	}
	if len(gps) > 0 {
		ifd0 = append(ifd0, long(0x8825, 0))
	}
	size := func(es []entry) uint32 {
		n := uint32(2 + 12*len(es) + 4)
		for _, x := range es {
			if len(x.val) > 4 {
				n += uint32(len(x.val)) + uint32(len(x.val)%2)
			}
		}
		return n
	}
	off0 := uint32(8)
	offExif := off0 + size(ifd0)
	offGPS := offExif + size(exif)
	offIFD1 := offGPS + size(gps)
	for i := range ifd0 {
		switch ifd0[i].tag {
		case 0x8769:
			bo.PutUint32(ifd0[i].val, offExif)
		case 0x8825:
			bo.PutUint32(ifd0[i].val, offGPS)
		}
	}
	var ifd1 []entry
	next0 := uint32(0)
	if e.Thumbnail {
		next0 = offIFD1
		ifd1 = []entry{short(0x0103, 6)} // Compression: JPEG; the preview bytes are left out
	}
	out := append([]byte{}, hdr...)
	out = bo.AppendUint32(out, off0)
	out = appendIFD(out, bo, ifd0, off0, next0)
	if len(exif) > 0 {
		out = appendIFD(out, bo, exif, offExif, 0)
	}
	if len(gps) > 0 {
		out = appendIFD(out, bo, gps, offGPS, 0)
	}
	if len(ifd1) > 0 {
		out = appendIFD(out, bo, ifd1, offIFD1, 0)
	}
	return out
}

func appendIFD(out []byte, bo byteOrder, es []entry, at, next uint32) []byte {
	valueAt := at + uint32(2+12*len(es)+4)
	var values []byte
	out = bo.AppendUint16(out, uint16(len(es)))
	for _, x := range es {
		out = bo.AppendUint16(out, x.tag)
		out = bo.AppendUint16(out, x.typ)
		out = bo.AppendUint32(out, x.count)
		if len(x.val) <= 4 {
			v := make([]byte, 4)
			copy(v, x.val)
			out = append(out, v...)
			continue
		}
		out = bo.AppendUint32(out, valueAt+uint32(len(values)))
		values = append(values, x.val...)
		if len(x.val)%2 == 1 {
			values = append(values, 0)
		}
	}
	out = bo.AppendUint32(out, next)
	return append(out, values...)
}

// Picture is a small image with a gradient, so encoders produce real image data.
func Picture(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 160, 255})
		}
	}
	return img
}

// Segment returns a JPEG marker segment.
func Segment(marker byte, payload []byte) []byte {
	n := len(payload) + 2
	return append([]byte{0xFF, marker, byte(n >> 8), byte(n)}, payload...)
}

// ExifSegment returns an APP1 Exif segment.
func ExifSegment(e Exif) []byte {
	return Segment(0xE1, append([]byte("Exif\x00\x00"), e.TIFF()...))
}

// XMPSegment returns an APP1 XMP segment holding packet.
func XMPSegment(packet string) []byte {
	return Segment(0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), packet...))
}

// JPEG encodes a w×h picture and puts the segments right after the encoder's APP0/SOI,
// where cameras put them.
func JPEG(w, h int, segments ...[]byte) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, Picture(w, h), &jpeg.Options{Quality: 80}); err != nil {
		panic(err) // encoding an in-memory RGBA image cannot fail
	}
	b := buf.Bytes()
	out := append([]byte{}, b[:2]...)
	for _, s := range segments {
		out = append(out, s...)
	}
	return append(out, b[2:]...)
}

// Chunk returns a PNG chunk with its CRC.
func Chunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// TextChunk returns a tEXt chunk.
func TextChunk(key, value string) []byte { return Chunk("tEXt", []byte(key+"\x00"+value)) }

// PNG encodes a w×h picture and puts the chunks right after IHDR.
func PNG(w, h int, chunks ...[]byte) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, Picture(w, h)); err != nil {
		panic(err)
	}
	b := buf.Bytes()
	ihdrEnd := 8 + 12 + 13
	out := append([]byte{}, b[:ihdrEnd]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, b[ihdrEnd:]...)
}

// box returns an ISO BMFF box.
func box(typ string, payload ...[]byte) []byte {
	n := 8
	for _, p := range payload {
		n += len(p)
	}
	out := binary.BigEndian.AppendUint32(nil, uint32(n))
	out = append(out, typ...)
	for _, p := range payload {
		out = append(out, p...)
	}
	return out
}

// HEIC returns the skeleton of an iPhone-style HEIC file: ftyp, a meta box whose item
// table lists one Exif item, and the Exif bytes in mdat. There is no picture in it;
// metadata readers do not need one.
func HEIC(e Exif) []byte {
	exif := append([]byte{0, 0, 0, 6}, "Exif\x00\x00"...)
	exif = append(exif, e.TIFF()...)
	ftyp := box("ftyp", []byte("heic\x00\x00\x00\x00mif1heic"))
	infe := box("infe", []byte{2, 0, 0, 0, 0, 1, 0, 0}, []byte("Exif"), []byte{0})
	iinf := box("iinf", []byte{0, 0, 0, 0, 0, 1}, infe)
	iloc := func(off uint32) []byte {
		p := []byte{0, 0, 0, 0, 0x44, 0x00, 0, 1, 0, 1, 0, 0, 0, 1}
		p = binary.BigEndian.AppendUint32(p, off)
		p = binary.BigEndian.AppendUint32(p, uint32(len(exif)))
		return box("iloc", p)
	}
	meta := func(off uint32) []byte {
		return box("meta", []byte{0, 0, 0, 0}, box("hdlr", make([]byte, 25)), iinf, iloc(off))
	}
	off := uint32(len(ftyp) + len(meta(0)) + 8)
	return append(append(ftyp, meta(off)...), box("mdat", exif)...)
}
