package httpapi

import (
	"bytes"
	"encoding/json"
	"flag"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/rules"
	"github.com/postcheck/postcheck/web"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var (
	once     sync.Once
	detector *lang.Detector
	engine   *rules.Engine
)

// newServer returns a server over the real detector and packs, logging into logs.
func newServer(t *testing.T, logs *bytes.Buffer, opts ...Option) *Server {
	t.Helper()
	once.Do(func() {
		detector = lang.New()
		e, err := rules.Default()
		if err != nil {
			t.Fatalf("packs: %v", err)
		}
		engine = e
	})
	pages, err := web.Templates()
	if err != nil {
		t.Fatal(err)
	}
	if logs == nil {
		logs = &bytes.Buffer{}
	}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := check.NewChecker(detector, engine, check.WithMaxTextBytes(1000))
	return New(c, pages, web.Static(), append([]Option{WithLogger(log), WithMaxBodyBytes(4096)}, opts...)...)
}

func do(t *testing.T, h http.Handler, method, path, ctype, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestCheckErrorsAreProblemJSON(t *testing.T) {
	h := newServer(t, nil).Handler()
	tests := []struct {
		name, ctype, body string
		status            int
		code              string
	}{
		{"bad JSON is 400", "application/json", `{oops`, 400, check.EInvalidJSON},
		{"unknown field is 400", "application/json", `{"text":"x","nope":1}`, 400, check.EUnknownField},
		{"wrong type is 400", "application/json", `{"text":5}`, 400, check.EInvalidJSON},
		{"invalid UTF-8 is 400", "application/json", "{\"text\":\"\xff\"}", 400, check.EInvalidJSON},
		{"empty text is 422", "application/json", `{"text":""}`, 422, check.ETextRequired},
		{"missing text is 422", "application/json", `{}`, 422, check.ETextRequired},
		{"too long text is 422", "application/json", `{"text":"` + strings.Repeat("a", 1001) + `"}`, 422, check.ETextTooLong},
		{"too large body is 413", "application/json", `{"text":"` + strings.Repeat("a", 5000) + `"}`, 413, check.EBodyTooLarge},
		{"wrong media type is 415", "text/plain", `text=x`, 415, check.EUnsupportedMediaType},
		{"missing media type is 415", "", `{"text":"x"}`, 415, check.EUnsupportedMediaType},
		{"unknown category is 422", "application/json", `{"text":"x","categories":["weather"]}`, 422, check.EUnknownCategory},
		{"bad severity is 422", "application/json", `{"text":"x","minSeverity":"huge"}`, 422, check.EInvalidSeverity},
		{"unknown policy is 422", "application/json", `{"text":"x","policy":"nope"}`, 422, check.EUnknownPolicy},
		{"bad offset unit is 400", "application/json", `{"text":"x","offsetUnit":"furlong"}`, 400, check.EInvalid},
		{"NUL and control characters are checked, not refused", "application/json", `{"text":"a\u0000b\u0007c Idiot"}`, 200, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, "POST", "/api/v1/check", tc.ctype, tc.body)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			if tc.code == "" {
				return
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("content type %q", ct)
			}
			var p Problem
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
				t.Fatal(err)
			}
			if p.Code != tc.code || p.Status != tc.status || p.Title == "" || p.Detail == "" {
				t.Errorf("problem %+v, want code %s", p, tc.code)
			}
		})
	}
}

func TestCheckAnswersPerContract(t *testing.T) {
	h := newServer(t, nil).Handler()
	text := "🌞 Du Vollidiot!"
	rec := do(t, h, "POST", "/api/v1/check", "application/json; charset=utf-8", `{"text":"`+text+`"}`)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if rec.Header().Get("Cache-Control") != "no-store" {
		t.Error("Cache-Control must be no-store")
	}
	var resp map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"verdict", "maxSeverity", "language", "offsetUnit", "textLength", "findings", "categories", "summary", "redacted", "warnings", "meta"} {
		if _, ok := resp[k]; !ok {
			t.Errorf("response lacks %q", k)
		}
	}
	fs := resp["findings"].([]any)
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	f := fs[0].(map[string]any)
	// "🌞 " is three UTF-16 units before "Du".
	if f["text"] != "Vollidiot" || f["start"].(float64) != 6 || f["end"].(float64) != 15 {
		t.Errorf("finding %v", f)
	}
	if resp["textLength"].(float64) != 16 {
		t.Errorf("textLength %v, want 16 UTF-16 units", resp["textLength"])
	}
}

func TestRulesEndpoints(t *testing.T) {
	h := newServer(t, nil).Handler()
	rec := do(t, h, "GET", "/api/v1/rules", "", "")
	var list rulesResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || rec.Code != 200 {
		t.Fatalf("%d %v", rec.Code, err)
	}
	if len(list.Rules) == 0 || len(list.Categories) != 5 || list.RulesetVersion == "" {
		t.Fatalf("listing %+v", list)
	}
	rec = do(t, h, "GET", "/api/v1/rules?category=tone&language=de", "", "")
	var tone rulesResponse
	_ = json.Unmarshal(rec.Body.Bytes(), &tone)
	for _, r := range tone.Rules {
		if r.Category != check.Tone {
			t.Errorf("filter let %s through", r.ID)
		}
	}
	if rec := do(t, h, "GET", "/api/v1/rules?category=weather", "", ""); rec.Code != 422 {
		t.Errorf("unknown category filter: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/api/v1/rules/"+list.Rules[0].ID, "", ""); rec.Code != 200 {
		t.Errorf("one rule: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/api/v1/rules/no.such_rule", "", ""); rec.Code != 404 || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("unknown rule: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/api/v1/policies", "", ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"default"`) {
		t.Errorf("policies: %d %s", rec.Code, rec.Body)
	}
}

func TestHealthReadinessAndMetrics(t *testing.T) {
	s := newServer(t, nil)
	h := s.Handler()
	if rec := do(t, h, "GET", "/healthz", "", ""); rec.Code != 200 {
		t.Errorf("healthz %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/readyz", "", ""); rec.Code != 200 {
		t.Errorf("readyz %d: %s", rec.Code, rec.Body)
	}
	do(t, h, "POST", "/api/v1/check", "application/json", `{"text":"Du Idiot"}`)
	rec := do(t, h, "GET", "/metrics", "", "")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "postcheck_checks_total") || !strings.Contains(rec.Body.String(), `route="/api/v1/check"`) {
		t.Errorf("metrics %d lack postcheck series", rec.Code)
	}
	s.SetDraining(true)
	if rec := do(t, h, "GET", "/readyz", "", ""); rec.Code != 503 {
		t.Errorf("readyz while draining: %d", rec.Code)
	}
}

func TestUnknownPathsAndMethodsAreProblems(t *testing.T) {
	h := newServer(t, nil).Handler()
	if rec := do(t, h, "GET", "/nope", "", ""); rec.Code != 404 || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("404: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	if rec := do(t, h, "GET", "/api/v1/check", "", ""); rec.Code != 405 {
		t.Errorf("GET check: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/static/nope.js", "", ""); rec.Code != 404 {
		t.Errorf("missing static: %d", rec.Code)
	}
}

func TestFormWorksWithoutJavaScript(t *testing.T) {
	h := newServer(t, nil).Handler()
	rec := do(t, h, "GET", "/", "", "")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `name="text"`) {
		t.Fatalf("form: %d", rec.Code)
	}
	for _, hdr := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
		if rec.Header().Get(hdr) == "" {
			t.Errorf("missing header %s", hdr)
		}
	}
	rec = do(t, h, "POST", "/", "application/x-www-form-urlencoded", "text=Gr%C3%BC%C3%9Fe+%F0%9F%8C%9E+du+Vollidiot%21&lang=de")
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, `">Vollidiot</mark>`) || !strings.Contains(body, "Grüße 🌞 du ") {
		t.Errorf("POST / did not mark the span: %d\n%s", rec.Code, body)
	}
	if !strings.Contains(body, `lang="de"`) {
		t.Error("the German UI was not chosen")
	}
	rec = do(t, h, "POST", "/", "application/x-www-form-urlencoded", "text=")
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), `class="error"`) {
		t.Errorf("empty form: %d", rec.Code)
	}
}

func TestFormLanguageFollowsAcceptLanguage(t *testing.T) {
	h := newServer(t, nil).Handler()
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept-Language", "en-GB;q=0.7, de-DE;q=0.9")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if !strings.Contains(rec.Body.String(), `<html lang="de">`) {
		t.Error("German should win with the higher q")
	}
	if rec := do(t, h, "GET", "/?lang=en", "", ""); !strings.Contains(rec.Body.String(), `<html lang="en">`) {
		t.Error("?lang=en should pick English")
	}
}

func TestDraftNeverReachesTheLog(t *testing.T) {
	var logs bytes.Buffer
	h := newServer(t, &logs).Handler()
	marker := "Geheimmarker4711"
	do(t, h, "POST", "/api/v1/check", "application/json", `{"text":"Du Idiot `+marker+`"}`)
	do(t, h, "POST", "/api/v1/check", "application/json", `{"text":"`+marker+`","nope":1}`)
	do(t, h, "POST", "/", "application/x-www-form-urlencoded", "text="+marker)
	if strings.Contains(logs.String(), marker) {
		t.Errorf("draft leaked into the log:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "request") {
		t.Error("requests should still be logged")
	}
}

func TestPanicBecomesAProblem(t *testing.T) {
	var logs bytes.Buffer
	s := newServer(t, &logs)
	h := s.recoverer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := do(t, h, "POST", "/api/v1/check", "application/json", `{"text":"secret draft"}`)
	if rec.Code != 500 || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("panic answered %d", rec.Code)
	}
	if strings.Contains(logs.String(), "secret draft") || !strings.Contains(logs.String(), "boom") {
		t.Errorf("log: %s", logs.String())
	}
}

// TestGoldenReports pins whole reports for a handful of drafts; run with -update to rewrite.
func TestGoldenReports(t *testing.T) {
	h := newServer(t, nil).Handler()
	drafts := map[string]string{
		"insult_de":     `{"text":"🌞 Du Vollidiot, das war echt daneben!"}`,
		"clean_de":      `{"text":"Es war schön gestern beim Sommerfest am Deich. Danke an alle!"}`,
		"clean_en":      `{"text":"Great session in Scunthorpe today, the analysis was spot on."}`,
		"codepoint_mix": `{"text":"Meine Tochter Emma (4) 🌞 geht in die Kita Sonnenschein. Du Vollidiot!","offsetUnit":"codepoint","redact":true}`,
		"french":        `{"text":"Nous avons passé une journée magnifique au bord du lac avec toute la famille."}`,
	}
	for name, body := range drafts {
		t.Run(name, func(t *testing.T) {
			rec := do(t, h, "POST", "/api/v1/check", "application/json", body)
			if rec.Code != 200 {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			var resp map[string]any
			_ = json.Unmarshal(rec.Body.Bytes(), &resp)
			meta := resp["meta"].(map[string]any)
			meta["durationMs"], meta["engineVersion"], meta["rulesetVersion"] = 0, "x", "x"
			got, _ := json.MarshalIndent(resp, "", "  ")
			path := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/httpapi -update)", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("report differs from %s (run with -update after checking):\n%s", path, got)
			}
		})
	}
}
