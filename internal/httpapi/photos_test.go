package httpapi

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/postcheck/postcheck/internal/photo"
	"github.com/postcheck/postcheck/internal/photo/phototest"
)

var holiday = phototest.Exif{
	Make: "Pixelphone", Model: "P9 Pro", DateTimeOriginal: "2026:07:14 18:02:11", Owner: "Anna Keller",
	BodySerial: "SN-4711-0815", GPS: true, Latitude: 52.516275, Longitude: 13.377704, Orientation: 6,
}

// upload posts a multipart body with the file in field, plus extra fields.
func postPhoto(t *testing.T, h http.Handler, path, field, filename string, file []byte, extra map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range extra {
		_ = mw.WriteField(k, v)
	}
	if field != "" {
		fw, err := mw.CreateFormFile(field, filename)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPhotoCheckReportsGPSAndNames(t *testing.T) {
	var logs bytes.Buffer
	h := newServer(t, &logs).Handler()
	file := phototest.JPEG(64, 48, phototest.ExifSegment(holiday))
	tests := []struct {
		name, lang, wantGPS, wantSummary string
	}{
		{"in English", "en", "52.51628° N, 13.37770° E", "The photo tells where it was taken"},
		{"in German", "de", "52,51628° N; 13,37770° O", "Das Foto verrät, wo es aufgenommen wurde"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := postPhoto(t, h, "/api/v1/photos/check", "photo", "IMG_2041.jpg", file, map[string]string{"lang": tt.lang})
			if rec.Code != 200 {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
			var rep PhotoReport
			if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Verdict != "block" || !rep.CanStrip || rep.Format != "jpeg" || !strings.HasPrefix(rep.Summary, tt.wantSummary) {
				t.Errorf("report %+v", rep)
			}
			kinds := map[string]PhotoFinding{}
			for _, f := range rep.Findings {
				kinds[f.Kind] = f
			}
			if g := kinds["gps"]; g.Severity != "high" || !strings.HasPrefix(g.Value, tt.wantGPS) || !strings.Contains(g.Message, tt.wantGPS) {
				t.Errorf("gps finding %+v, want value %q", g, tt.wantGPS)
			}
			for _, k := range []string{"owner", "serial", "taken", "device"} {
				if kinds[k].Message == "" {
					t.Errorf("no %s finding in %+v", k, rep.Findings)
				}
			}
			if rep.Findings[0].Kind != "gps" {
				t.Errorf("the position should come first, got %s", rep.Findings[0].Kind)
			}
		})
	}
	if strings.Contains(logs.String(), "Anna Keller") || strings.Contains(logs.String(), "IMG_2041") {
		t.Error("photo metadata or its file name reached the log")
	}
}

func TestPhotoCheckOfACleanPhotoPasses(t *testing.T) {
	h := newServer(t, nil).Handler()
	rec := postPhoto(t, h, "/api/v1/photos/check", "photo", "plain.png", phototest.PNG(8, 8), nil)
	var rep PhotoReport
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil || rec.Code != 200 {
		t.Fatalf("%d %v", rec.Code, err)
	}
	if rep.Verdict != "pass" || len(rep.Findings) != 0 || rep.Suggestion != "" {
		t.Errorf("clean photo: %+v", rep)
	}
}

func TestPhotoStripReturnsTheSamePictureWithoutMetadata(t *testing.T) {
	h := newServer(t, nil).Handler()
	file := phototest.JPEG(64, 48, phototest.ExifSegment(holiday), phototest.Segment(0xFE, []byte("Oma's garden")))
	rec := postPhoto(t, h, "/api/v1/photos/strip", "photo", `C:\Users\anna\Urlaub am See.JPG`, file, nil)
	if rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "image/jpeg" {
		t.Errorf("content type %q", ct)
	}
	if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="Urlaub_am_See-clean.jpg"` {
		t.Errorf("content disposition %q", cd)
	}
	if got := rec.Header().Get("X-Postcheck-Removed"); got != "exif,comment" {
		t.Errorf("removed %q", got)
	}
	m, err := photo.Analyze(rec.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if m.GPS != nil || m.Owner != "" || m.BodySerial != "" || len(m.Texts) != 0 || m.Orientation != 6 {
		t.Errorf("stripped photo %+v", m)
	}
}

func TestAHEICIsReadButNotCleaned(t *testing.T) {
	h := newServer(t, nil).Handler()
	file := phototest.HEIC(holiday)
	rec := postPhoto(t, h, "/api/v1/photos/check", "photo", "IMG_0001.HEIC", file, map[string]string{"lang": "en"})
	var rep PhotoReport
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil || rec.Code != 200 {
		t.Fatalf("%d %v", rec.Code, err)
	}
	if rep.Format != "heif" || rep.CanStrip || rep.Verdict != "block" || !strings.Contains(rep.Suggestion, "Export the picture as JPEG or PNG") {
		t.Errorf("heic report %+v", rep)
	}
	rec = postPhoto(t, h, "/api/v1/photos/strip", "photo", "IMG_0001.HEIC", file, nil)
	assertProblem(t, rec, 415, "unsupported_photo")
}

func TestPhotoErrorsAreProblems(t *testing.T) {
	h := newServer(t, nil).Handler()
	big := phototest.JPEG(8, 8, phototest.Segment(0xFE, bytes.Repeat([]byte("x"), 60000)))
	for len(big) <= maxPhotoBytes {
		big = append(big, big...)
	}
	tests := []struct {
		name, path, field string
		file              []byte
		status            int
		code              string
	}{
		{"a photo over 20 MiB is refused", "/api/v1/photos/check", "photo", big, 413, "body_too_large"},
		{"a request without the photo field", "/api/v1/photos/check", "", nil, 422, "photo_required"},
		{"the file in another field", "/api/v1/photos/strip", "file", phototest.PNG(4, 4), 422, "photo_required"},
		{"a GIF is not supported", "/api/v1/photos/check", "photo", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00"), 415, "unsupported_photo"},
		{"a text file is not a photo", "/api/v1/photos/strip", "photo", []byte("Dear diary"), 415, "unsupported_photo"},
		{"a cut-off JPEG is broken", "/api/v1/photos/strip", "photo", phototest.JPEG(8, 8)[:30], 422, "invalid_photo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := postPhoto(t, h, tt.path, tt.field, "x.jpg", tt.file, nil)
			assertProblem(t, rec, tt.status, tt.code)
		})
	}
	t.Run("a JSON body is the wrong media type", func(t *testing.T) {
		rec := do(t, h, http.MethodPost, "/api/v1/photos/check", "application/json", `{"photo":"x"}`)
		assertProblem(t, rec, 415, "unsupported_media_type")
	})
}

func assertProblem(t *testing.T, rec *httptest.ResponseRecorder, status int, code string) {
	t.Helper()
	var p Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatalf("not JSON: %s", rec.Body)
	}
	if rec.Code != status || p.Code != code || p.Status != status || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("got %d %+v, want %d %s", rec.Code, p, status, code)
	}
}

func TestCleanNameIsSafe(t *testing.T) {
	for in, want := range map[string]string{
		"IMG_0001.JPG": "IMG_0001-clean.jpg", "../../etc/passwd": "passwd-clean.jpg", "": "photo-clean.jpg",
		"Fotos/Ümläut \"quote\".jpeg": "mlut_quote-clean.jpg", "bild.png": "bild-clean.jpg",
	} {
		if got := cleanName(in, "jpeg"); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormChecksAPhotoWithoutJavaScript(t *testing.T) {
	h := newServer(t, nil).Handler()
	file := phototest.JPEG(16, 16, phototest.ExifSegment(holiday))
	rec := postPhoto(t, h, "/", "photo", "IMG_1.jpg", file, map[string]string{"lang": "de", "text": "", "photo-action": "check"})
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "Der Aufnahmeort ist gespeichert: 52,51628° N; 13,37770° O") || !strings.Contains(body, "IMG_1.jpg") {
		t.Errorf("no-JS photo report missing: %d\n%s", rec.Code, body)
	}
	rec = postPhoto(t, h, "/", "photo", "IMG_1.jpg", file, map[string]string{"lang": "en", "text": "You idiot"})
	if body := rec.Body.String(); rec.Code != 200 || !strings.Contains(body, "The photo stores where it was taken") || !strings.Contains(body, `id="verdict"`) {
		t.Errorf("draft and photo together: %d", rec.Code)
	}
}
