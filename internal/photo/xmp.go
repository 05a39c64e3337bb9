package photo

import (
	"bytes"
	"strconv"
	"strings"
)

// scanXMP reads the few XMP properties that reveal the place, time, device or person.
// XMP is XML, but a full parser buys nothing here: the properties are simple values
// written either as attributes (exif:GPSLatitude="52,31.2N") or as elements. Exif
// values win; XMP only fills what Exif left empty.
func scanXMP(x []byte, m *Metadata) {
	get := func(names ...string) string {
		for _, n := range names {
			if v := xmpValue(x, n); v != "" {
				return v
			}
		}
		return ""
	}
	fill := func(dst *string, names ...string) {
		if *dst == "" {
			*dst = get(names...)
		}
	}
	fill(&m.Make, "tiff:Make")
	fill(&m.Model, "tiff:Model")
	fill(&m.Software, "xmp:CreatorTool", "tiff:Software")
	fill(&m.Taken, "exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate")
	fill(&m.BodySerial, "exifEX:BodySerialNumber", "aux:SerialNumber")
	fill(&m.Owner, "exifEX:CameraOwnerName", "aux:OwnerName")
	fill(&m.Artist, "dc:creator", "tiff:Artist")
	if m.GPS == nil {
		lat, ok1 := xmpCoordinate(get("exif:GPSLatitude"))
		lon, ok2 := xmpCoordinate(get("exif:GPSLongitude"))
		switch {
		case ok1 && ok2 && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180:
			m.GPS, m.GPSPartial = &GPS{Latitude: lat, Longitude: lon}, false
		case ok1 || ok2:
			m.GPSPartial = true
		}
	}
}

// xmpValue finds name="value" or <name>value</name> (taking the first rdf:li inside).
func xmpValue(x []byte, name string) string {
	if i := bytes.Index(x, []byte(name+`="`)); i >= 0 {
		rest := x[i+len(name)+2:]
		if j := bytes.IndexByte(rest, '"'); j >= 0 {
			return cleanText(unescapeXML(rest[:j]))
		}
	}
	open := []byte("<" + name + ">")
	i := bytes.Index(x, open)
	if i < 0 {
		return ""
	}
	rest := x[i+len(open):]
	j := bytes.Index(rest, []byte("</"+name+">"))
	if j < 0 {
		return ""
	}
	inner := rest[:j]
	if k := bytes.Index(inner, []byte("<rdf:li")); k >= 0 {
		inner = inner[k:]
		if g := bytes.IndexByte(inner, '>'); g >= 0 {
			inner = inner[g+1:]
		}
		if e := bytes.IndexByte(inner, '<'); e >= 0 {
			inner = inner[:e]
		}
	}
	if bytes.IndexByte(inner, '<') >= 0 {
		return ""
	}
	return cleanText(unescapeXML(inner))
}

func unescapeXML(b []byte) []byte {
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&")
	return []byte(r.Replace(string(b)))
}

// xmpCoordinate parses XMP's "DDD,MM,SSk" or "DDD,MM.mmk" (k one of N S E W).
func xmpCoordinate(s string) (float64, bool) {
	if len(s) < 2 {
		return 0, false
	}
	sign := 1.0
	switch s[len(s)-1] {
	case 'S', 's', 'W', 'w':
		sign = -1
	case 'N', 'n', 'E', 'e':
	default:
		return 0, false
	}
	parts := strings.Split(s[:len(s)-1], ",")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	v, scale := 0.0, 1.0
	for _, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || !(f >= 0 && f <= 360) {
			return 0, false
		}
		v += f / scale
		scale *= 60
	}
	return sign * v, true
}
