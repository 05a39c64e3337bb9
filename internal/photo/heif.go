package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// HEIF/HEIC (the iPhone's default) and AVIF keep Exif and XMP as "items" of the
// ISO base media file format: the meta box lists them (iinf) and says where their
// bytes are (iloc). Reading is enough to warn; cleaning would mean rewriting the
// item tables, so it is not offered.

// cursor reads big-endian numbers and remembers the first overrun instead of panicking.
type cursor struct {
	b   []byte
	i   int
	bad bool
}

func (c *cursor) n(size int) uint64 {
	if size == 0 {
		return 0
	}
	if c.bad || size < 0 || size > 8 || c.i+size > len(c.b) {
		c.bad = true
		return 0
	}
	var v uint64
	for _, x := range c.b[c.i : c.i+size] {
		v = v<<8 | uint64(x)
	}
	c.i += size
	return v
}

func (c *cursor) cstring() string {
	if c.bad {
		return ""
	}
	z := bytes.IndexByte(c.b[c.i:], 0)
	if z < 0 {
		c.bad = true
		return ""
	}
	s := string(c.b[c.i : c.i+z])
	c.i += z + 1
	return s
}

type box struct {
	typ  string
	data []byte // the payload after the header
}

// boxes splits b into ISO BMFF boxes; a box running past the end is an error.
func boxes(b []byte) ([]box, error) {
	var out []box
	for i := 0; i < len(b); {
		if len(out) >= 4096 {
			return nil, fmt.Errorf("%w: too many boxes", ErrInvalid)
		}
		if i+8 > len(b) {
			return nil, fmt.Errorf("%w: box header cut off", ErrInvalid)
		}
		size, hdr := uint64(binary.BigEndian.Uint32(b[i:])), 8
		typ := string(b[i+4 : i+8])
		switch size {
		case 0:
			size = uint64(len(b) - i)
		case 1:
			if i+16 > len(b) {
				return nil, fmt.Errorf("%w: box header cut off", ErrInvalid)
			}
			size, hdr = binary.BigEndian.Uint64(b[i+8:]), 16
		}
		if size < uint64(hdr) || size > uint64(len(b)-i) {
			return nil, fmt.Errorf("%w: box %q has a bad size", ErrInvalid, typ)
		}
		out = append(out, box{typ: typ, data: b[i+hdr : i+int(size)]})
		i += int(size)
	}
	return out, nil
}

type heifItem struct {
	typ, contentType string
	offset, length   uint64
	located          bool
}

func analyzeHEIF(b []byte, m *Metadata) error {
	top, err := boxes(b)
	if err != nil {
		return err
	}
	var meta []byte
	for _, bx := range top {
		if bx.typ == "meta" {
			meta = bx.data
			break
		}
	}
	if len(meta) < 4 {
		return nil // no metadata box: nothing stored beside the picture
	}
	children, err := boxes(meta[4:]) // meta is a full box: version and flags first
	if err != nil {
		return err
	}
	items := map[uint64]*heifItem{}
	for _, bx := range children {
		switch bx.typ {
		case "iinf":
			readIINF(bx.data, items)
		case "iloc":
			readILOC(bx.data, items)
		}
	}
	for _, it := range items {
		if !it.located || it.offset > uint64(len(b)) || it.length > uint64(len(b))-it.offset {
			continue
		}
		data := b[it.offset : it.offset+it.length]
		switch {
		case it.typ == "Exif":
			// The item starts with the offset of the TIFF header after these 4 bytes.
			if len(data) < 4 {
				m.ExifUnreadable = true
				continue
			}
			skip := uint64(binary.BigEndian.Uint32(data))
			if skip > uint64(len(data)-4) || parseTIFF(data[4+skip:], m) != nil {
				m.ExifUnreadable = true
			}
		case it.typ == "mime" && (bytes.Contains([]byte(it.contentType), []byte("rdf+xml")) || bytes.Contains([]byte(it.contentType), []byte("xmp"))):
			m.XMP = true
			scanXMP(data, m)
		}
	}
	return nil
}

// readIINF reads item types from infe boxes of version 2 and 3 (the ones with a type).
func readIINF(b []byte, items map[uint64]*heifItem) {
	if len(b) < 4 {
		return
	}
	c := &cursor{b: b}
	version := c.n(1)
	c.n(3)
	countSize := 2
	if version > 0 {
		countSize = 4
	}
	c.n(countSize)
	if c.bad {
		return
	}
	entries, err := boxes(b[c.i:])
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.typ != "infe" || len(e.data) < 4 {
			continue
		}
		ec := &cursor{b: e.data}
		v := ec.n(1)
		ec.n(3)
		if v < 2 {
			continue
		}
		idSize := 2
		if v == 3 {
			idSize = 4
		}
		id := ec.n(idSize)
		ec.n(2) // protection index
		raw := ec.n(4)
		if ec.bad {
			continue
		}
		typ := string([]byte{byte(raw >> 24), byte(raw >> 16), byte(raw >> 8), byte(raw)})
		it := item(items, id)
		it.typ = typ
		if typ == "mime" {
			ec.cstring() // item name
			it.contentType = ec.cstring()
		}
	}
}

// readILOC reads where each item's first extent lies (construction method 0: file offsets).
func readILOC(b []byte, items map[uint64]*heifItem) {
	c := &cursor{b: b}
	version := c.n(1)
	c.n(3)
	sizes := c.n(1)
	offSize, lenSize := int(sizes>>4), int(sizes&15)
	sizes = c.n(1)
	baseSize, indexSize := int(sizes>>4), int(sizes&15)
	if version == 0 {
		indexSize = 0
	}
	countSize, idSize := 2, 2
	if version == 2 {
		countSize, idSize = 4, 4
	}
	count := c.n(countSize)
	for k := uint64(0); k < count && k < 4096 && !c.bad; k++ {
		id := c.n(idSize)
		method := uint64(0)
		if version == 1 || version == 2 {
			method = c.n(2) & 15
		}
		c.n(2) // data reference index
		base := c.n(baseSize)
		extents := c.n(2)
		var first struct{ off, n uint64 }
		for e := uint64(0); e < extents && e < 4096 && !c.bad; e++ {
			c.n(indexSize)
			off, n := c.n(offSize), c.n(lenSize)
			if e == 0 {
				first.off, first.n = off, n
			}
		}
		if c.bad || method != 0 || extents == 0 {
			continue
		}
		it := item(items, id)
		it.offset, it.length, it.located = base+first.off, first.n, base+first.off >= base
	}
}

func item(items map[uint64]*heifItem, id uint64) *heifItem {
	if it, ok := items[id]; ok {
		return it
	}
	if len(items) >= 4096 {
		return &heifItem{}
	}
	it := &heifItem{}
	items[id] = it
	return it
}
