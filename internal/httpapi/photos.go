package httpapi

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/photo"
	"github.com/postcheck/postcheck/web"
)

// maxPhotoBytes is the largest photo accepted; phone pictures are 2–12 MiB.
const maxPhotoBytes = 20 << 20

// photoField is the multipart field that carries the file.
const photoField = "photo"

// PhotoFinding is one piece of metadata that tells too much.
type PhotoFinding struct {
	Kind        string `json:"kind"`
	Severity    string `json:"severity"`
	Message     string `json:"message"`
	Explanation string `json:"explanation"`
	Value       string `json:"value,omitempty"`
}

// PhotoReport is the answer of POST /api/v1/photos/check.
type PhotoReport struct {
	Format     string          `json:"format"`
	Verdict    string          `json:"verdict"`
	Summary    string          `json:"summary"`
	CanStrip   bool            `json:"canStrip"`
	Suggestion string          `json:"suggestion"`
	Findings   []PhotoFinding  `json:"findings"`
	Metadata   *photo.Metadata `json:"metadata"`
}

// upload is a multipart request read into memory: photos never touch the disk.
type upload struct {
	photo    []byte
	filename string
	fields   map[string]string
}

// readUpload streams a multipart body, keeping the photo and small text fields. Unlike
// ParseMultipartForm it never spills to temporary files, so nothing is stored.
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request, fieldLimit int64) (*upload, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil, check.Errorf(check.EUnsupportedMediaType, "send the photo as multipart/form-data in the field %q", photoField)
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxPhotoBytes+fieldLimit+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, check.Errorf(check.EInvalid, "the multipart body could not be read")
	}
	u := &upload{fields: map[string]string{}}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return u, nil
		}
		if err != nil {
			return nil, uploadError(err)
		}
		name := part.FormName()
		switch {
		case name == photoField:
			data, err := io.ReadAll(io.LimitReader(part, maxPhotoBytes+1))
			if err != nil {
				return nil, uploadError(err)
			}
			if len(data) > maxPhotoBytes {
				return nil, check.Errorf(check.EBodyTooLarge, "the photo is larger than %d MiB", maxPhotoBytes>>20)
			}
			if len(data) > 0 {
				u.photo, u.filename = data, part.FileName()
			}
		case part.FileName() != "" || name == "":
			// other files are read past, not kept
			if _, err := io.Copy(io.Discard, part); err != nil {
				return nil, uploadError(err)
			}
		default:
			v, err := io.ReadAll(io.LimitReader(part, fieldLimit+1))
			if err != nil {
				return nil, uploadError(err)
			}
			if int64(len(v)) > fieldLimit {
				return nil, check.Errorf(check.EBodyTooLarge, "the field %q is larger than %d bytes", name, fieldLimit)
			}
			u.fields[name] = string(v)
		}
		_ = part.Close()
	}
}

func uploadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return check.Errorf(check.EBodyTooLarge, "the request is larger than %d MiB", maxPhotoBytes>>20)
	}
	return check.Errorf(check.EInvalid, "the multipart body is broken")
}

// photoError turns the photo package's errors into coded errors.
func photoError(err error) error {
	switch {
	case errors.Is(err, photo.ErrUnsupported):
		return check.Errorf(check.EUnsupportedPhoto, "%s; postcheck reads JPEG, PNG, WebP, TIFF and HEIC and cleans JPEG and PNG", err.Error())
	case errors.Is(err, photo.ErrInvalid):
		return check.Errorf(check.EInvalidPhoto, "the photo could not be read: %s", err.Error())
	}
	return err
}

func (s *Server) photoFromRequest(w http.ResponseWriter, r *http.Request) (*upload, error) {
	u, err := s.readUpload(w, r, 64)
	if err != nil {
		return nil, err
	}
	if u.photo == nil {
		return nil, check.Errorf(check.EPhotoRequired, "send the photo in the multipart field %q", photoField)
	}
	return u, nil
}

// handlePhotoCheck is POST /api/v1/photos/check: what the photo's metadata reveals.
func (s *Server) handlePhotoCheck(w http.ResponseWriter, r *http.Request) {
	u, err := s.photoFromRequest(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	m, err := photo.Analyze(u.photo)
	if err != nil {
		s.writeError(w, r, photoError(err))
		return
	}
	lang := web.PickLanguage(firstNonEmpty(u.fields["lang"], r.URL.Query().Get("lang")), r.Header.Get("Accept-Language"))
	s.writeJSON(w, r, http.StatusOK, photoReport(m, lang))
}

// handlePhotoStrip is POST /api/v1/photos/strip: the same photo without its metadata,
// as a download. X-Postcheck-Removed lists what was taken out.
func (s *Server) handlePhotoStrip(w http.ResponseWriter, r *http.Request) {
	u, err := s.photoFromRequest(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out, removed, err := photo.Strip(u.photo)
	if err != nil {
		s.writeError(w, r, photoError(err))
		return
	}
	f := photo.Detect(out)
	h := w.Header()
	h.Set("Content-Type", "image/"+string(f))
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, cleanName(u.filename, string(f))))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Postcheck-Removed", strings.Join(removed, ","))
	h.Set("Access-Control-Expose-Headers", "X-Postcheck-Removed")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

// cleanName derives a safe download name: the original base name in plain ASCII,
// with "-clean" before the extension.
func cleanName(name, format string) string {
	base := strings.TrimSuffix(path.Base(strings.ReplaceAll(name, `\`, "/")), path.Ext(name))
	var b strings.Builder
	for _, c := range base {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_':
			b.WriteRune(c)
		case c == ' ' || c == '.':
			b.WriteByte('_')
		}
		if b.Len() >= 60 {
			break
		}
	}
	if b.Len() == 0 || base == "." || base == "/" {
		b.Reset()
		b.WriteString("photo")
	}
	ext := map[string]string{"jpeg": ".jpg", "png": ".png"}[format]
	return b.String() + "-clean" + ext
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// photoText is one kind of finding in both languages: message (with %s for the value
// where there is one) and explanation.
type photoText struct{ severity, de, en, deWhy, enWhy string }

var photoTexts = map[string]photoText{
	"gps": {"high", "Der Aufnahmeort ist gespeichert: %s", "The photo stores where it was taken: %s",
		"Wer die Datei hat, sieht den Ort auf den Meter genau – oft die eigene Wohnung, die Schule oder die Kita.",
		"Anyone with the file sees the place to the metre — often your home, a school or a nursery."},
	"gpsPartial": {"medium", "GPS-Angaben sind gespeichert (ohne vollständige Position).", "GPS tags are stored (without a complete position).",
		"Auch unvollständige Ortsangaben können verraten, wo Sie waren.", "Even incomplete location tags may tell where you were."},
	"taken": {"medium", "Aufnahmezeit: %s", "Time taken: %s",
		"Verrät, wann Sie wo waren; mehrere Fotos ergeben einen Tagesablauf.", "Tells when you were where; several photos add up to a daily routine."},
	"device": {"low", "Kamera oder Handy: %s", "Camera or phone: %s",
		"Ordnet Ihre Bilder einem Gerät zu.", "Links your pictures to one device."},
	"serial": {"high", "Seriennummer des Geräts: %s", "Serial number of the device: %s",
		"Eine Seriennummer verknüpft alle Fotos dieses Geräts – auch solche, die Sie anonym posten.",
		"A serial number links every photo from this device — including those you post anonymously."},
	"lensSerial": {"medium", "Seriennummer des Objektivs: %s", "Serial number of the lens: %s",
		"Verknüpft Fotos desselben Objektivs miteinander.", "Links photos taken with the same lens."},
	"owner": {"high", "Name des Besitzers: %s", "Owner's name: %s",
		"Ihr Name reist mit jeder Kopie des Bildes mit.", "Your name travels with every copy of the picture."},
	"artist": {"medium", "Name des Urhebers: %s", "Author's name: %s",
		"Ein Name im Bild macht es Ihnen (oder anderen) zuordenbar.", "A name in the file ties the picture to you (or someone else)."},
	"copyright": {"low", "Urheberrechtsvermerk: %s", "Copyright notice: %s",
		"Oft steht hier ein voller Name.", "This often holds a full name."},
	"software": {"low", "Bearbeitungsprogramm: %s", "Editing software: %s",
		"Zeigt, womit und ob das Bild bearbeitet wurde.", "Shows whether and with what the picture was edited."},
	"uniqueId": {"medium", "Eindeutige Bildkennung: %s", "Unique image ID: %s",
		"Erlaubt, Kopien desselben Bildes wiederzufinden.", "Lets copies of the same picture be found again."},
	"thumbnail": {"medium", "Eingebettetes Vorschaubild.", "Embedded preview image.",
		"Die Vorschau kann den unbeschnittenen oder unverpixelten Bildausschnitt zeigen.",
		"The preview may show the picture before it was cropped or blurred."},
	"xmp": {"medium", "XMP-Metadaten.", "XMP metadata.",
		"Können Namen, Orte, Stichwörter und den Bearbeitungsverlauf enthalten.", "May hold names, places, keywords and the edit history."},
	"iptc": {"medium", "IPTC-Angaben.", "IPTC data.",
		"Enthalten oft Urheber, Ort und Bildbeschreibung.", "Often hold the author, place and a caption."},
	"text": {"medium", "Im Bild gespeicherter Text: %s", "Text stored in the file: %s",
		"Kommentare und Textfelder stehen unsichtbar in der Datei.", "Comments and text fields sit invisibly in the file."},
	"trailer": {"medium", "Nach dem Bildende folgen weitere Daten.", "More data follows the end of the picture.",
		"Oft ein zweites Bild oder ein kurzes Video – mit eigenen Metadaten.", "Often a second picture or a short video — with metadata of its own."},
	"exifUnreadable": {"low", "Ein beschädigter Exif-Block.", "A damaged Exif block.",
		"Was darin steht, ist unklar; entfernen ist sicherer.", "What it holds is unclear; removing it is safer."},
}

// photoReport words the metadata in the UI language, most serious first.
func photoReport(m *photo.Metadata, lang string) *PhotoReport {
	de := lang == "de"
	rep := &PhotoReport{Format: string(m.Format), CanStrip: m.CanStrip, Metadata: m, Findings: []PhotoFinding{}}
	add := func(kind, value string) {
		t := photoTexts[kind]
		msg, why := t.en, t.enWhy
		if de {
			msg, why = t.de, t.deWhy
		}
		if strings.Contains(msg, "%s") {
			msg = fmt.Sprintf(msg, value)
		}
		rep.Findings = append(rep.Findings, PhotoFinding{Kind: kind, Severity: t.severity, Message: msg, Explanation: why, Value: value})
	}
	if g := m.GPS; g != nil {
		add("gps", formatPosition(g, de))
	} else if m.GPSPartial {
		add("gpsPartial", "")
	}
	for _, x := range []struct{ kind, v string }{
		{"owner", m.Owner}, {"serial", m.BodySerial}, {"artist", m.Artist}, {"taken", formatTaken(m.Taken, de)},
		{"lensSerial", m.LensSerial}, {"uniqueId", m.ImageUniqueID}, {"device", strings.TrimSpace(joinDevice(m.Make, m.Model))},
		{"copyright", m.Copyright}, {"software", m.Software},
	} {
		if x.v != "" {
			add(x.kind, x.v)
		}
	}
	for _, t := range m.Texts {
		add("text", t.Key+": "+t.Value)
	}
	for _, x := range []struct {
		kind string
		on   bool
	}{{"thumbnail", m.Thumbnail}, {"xmp", m.XMP}, {"iptc", m.IPTC}, {"trailer", m.Trailer}, {"exifUnreadable", m.ExifUnreadable}} {
		if x.on {
			add(x.kind, "")
		}
	}
	rank := map[string]int{"low": 1, "medium": 2, "high": 3}
	top := 0
	for _, f := range rep.Findings {
		top = max(top, rank[f.Severity])
	}
	rep.Verdict = map[int]string{0: "pass", 1: "review", 2: "review", 3: "block"}[top]
	n := len(rep.Findings)
	switch {
	case n == 0 && de:
		rep.Summary = "Das Foto enthält keine verräterischen Metadaten."
	case n == 0:
		rep.Summary = "The photo holds no revealing metadata."
	case m.GPS != nil && de:
		rep.Summary = fmt.Sprintf("Das Foto verrät, wo es aufgenommen wurde – und %d weitere Angaben.", n-1)
	case m.GPS != nil:
		rep.Summary = fmt.Sprintf("The photo tells where it was taken — and %d more details.", n-1)
	case de:
		rep.Summary = fmt.Sprintf("Das Foto enthält %d Metadaten-Angaben, die mehr verraten als das Bild.", n)
	default:
		rep.Summary = fmt.Sprintf("The photo holds %d metadata details that tell more than the picture.", n)
	}
	switch {
	case n == 0:
	case m.CanStrip && de:
		rep.Suggestion = "Laden Sie die bereinigte Fassung herunter und posten Sie diese; das Bild selbst bleibt unverändert."
	case m.CanStrip:
		rep.Suggestion = "Download the cleaned copy and post that one; the picture itself stays unchanged."
	case de:
		rep.Suggestion = "postcheck kann dieses Format nicht bereinigen. Exportieren Sie das Bild als JPEG oder PNG und prüfen Sie es erneut."
	default:
		rep.Suggestion = "postcheck cannot clean this format. Export the picture as JPEG or PNG and check it again."
	}
	return rep
}

// formatTaken writes Exif's "2006:01:02 15:04:05" the way people read dates; other
// forms (XMP's ISO dates, broken values) are shown as they are.
func formatTaken(s string, de bool) string {
	t, err := time.Parse("2006:01:02 15:04:05", s)
	switch {
	case err != nil:
		return s
	case de:
		return t.Format("02.01.2006, 15:04:05")
	default:
		return t.Format("2006-01-02 15:04:05")
	}
}

func joinDevice(make, model string) string {
	if make != "" && strings.HasPrefix(strings.ToLower(model), strings.ToLower(make)) {
		return model
	}
	return make + " " + model
}

// formatPosition writes decimal degrees with hemispheres; five decimals are about a metre.
func formatPosition(g *photo.GPS, de bool) string {
	ns, ew := "N", "E"
	if g.Latitude < 0 {
		ns = "S"
	}
	if g.Longitude < 0 {
		ew = "W"
	} else if de {
		ew = "O" // Ost
	}
	s := fmt.Sprintf("%.5f° %s, %.5f° %s", abs(g.Latitude), ns, abs(g.Longitude), ew)
	if de {
		s = strings.ReplaceAll(s, ".", ",")
		s = strings.Replace(s, "° N, ", "° N; ", 1)
		s = strings.Replace(s, "° S, ", "° S; ", 1)
	}
	if g.Altitude != nil {
		if de {
			s += fmt.Sprintf(" (%.0f m ü. NN)", *g.Altitude)
		} else {
			s += fmt.Sprintf(" (%.0f m above sea level)", *g.Altitude)
		}
	}
	return s
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
