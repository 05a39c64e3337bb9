package httpapi

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/postcheck/postcheck/internal/check"
)

func TestRateLimitAnswers429WithRetryAfter(t *testing.T) {
	h := newServer(t, nil, WithRateLimit(1, 2)).Handler()
	codes := []int{}
	for range 4 {
		rec := do(t, h, "POST", "/api/v1/check", "application/json", `{"text":"Hallo"}`)
		codes = append(codes, rec.Code)
		if rec.Code == 429 {
			if rec.Header().Get("Retry-After") == "" || rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("429 without Retry-After or problem+json: %v", rec.Header())
			}
		}
	}
	if codes[0] != 200 || codes[1] != 200 || codes[3] != 429 {
		t.Errorf("codes %v, want two answers then 429", codes)
	}
	// Another client is not affected.
	req := httptest.NewRequest("POST", "/api/v1/check", strings.NewReader(`{"text":"Hallo"}`))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = "192.0.2.7:5555"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("another address got %d", rec.Code)
	}
}

func TestRateLimitIsOffByDefault(t *testing.T) {
	h := newServer(t, nil).Handler()
	for i := range 60 {
		if rec := do(t, h, "POST", "/api/v1/check", "application/json", `{"text":"Hallo"}`); rec.Code != 200 {
			t.Fatalf("request %d: %d", i, rec.Code)
		}
	}
}

func TestClientLimiterForgetsIdleClients(t *testing.T) {
	l := newClientLimiter(1, 1)
	now := time.Now()
	l.allow("a", now)
	l.allow("b", now.Add(2*time.Minute))
	l.allow("c", now.Add(8*time.Minute))
	if _, ok := l.clients["a"]; ok || len(l.clients) != 1 {
		t.Errorf("clients %v", l.clients)
	}
}

func TestAPITokens(t *testing.T) {
	h := newServer(t, nil, WithAPITokens("s3cret", " other ")).Handler()
	tests := []struct {
		name, auth string
		status     int
	}{
		{"no token is 401", "", 401},
		{"a wrong token is 401", "Bearer nope", 401},
		{"a basic header is 401", "Basic czNjcmV0", 401},
		{"the token opens the API", "Bearer s3cret", 200},
		{"every configured token works", "Bearer other", 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/api/v1/check", strings.NewReader(`{"text":"Hallo"}`))
			req.Header.Set("Content-Type", "application/json")
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Errorf("status %d, want %d", rec.Code, tc.status)
			}
			if tc.status == 401 && rec.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	if rec := do(t, h, "GET", "/healthz", "", ""); rec.Code != 200 {
		t.Errorf("health checks stay open: %d", rec.Code)
	}
}

func TestCORSIsOffByDefaultAndFollowsConfiguredOrigins(t *testing.T) {
	off := newServer(t, nil).Handler()
	req := httptest.NewRequest("OPTIONS", "/api/v1/check", nil)
	req.Header.Set("Origin", "https://cms.example")
	rec := httptest.NewRecorder()
	off.ServeHTTP(rec, req)
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS must be off by default")
	}
	on := newServer(t, nil, WithCORSOrigins("https://cms.example/")).Handler()
	rec = httptest.NewRecorder()
	on.ServeHTTP(rec, req)
	if rec.Code != 204 || rec.Header().Get("Access-Control-Allow-Origin") != "https://cms.example" {
		t.Errorf("preflight %d %v", rec.Code, rec.Header())
	}
	req = httptest.NewRequest("OPTIONS", "/api/v1/check", nil)
	req.Header.Set("Origin", "https://evil.example")
	rec = httptest.NewRecorder()
	on.ServeHTTP(rec, req)
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Error("an unlisted origin got CORS headers")
	}
}

func TestMetricsCanLeaveTheMainRouter(t *testing.T) {
	s := newServer(t, nil, WithoutMetrics())
	if rec := do(t, s.Handler(), "GET", "/metrics", "", ""); rec.Code != 404 {
		t.Errorf("/metrics on the main router: %d", rec.Code)
	}
	rec := httptest.NewRecorder()
	s.MetricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if !strings.Contains(rec.Body.String(), "postcheck_http_requests_total") {
		t.Error("the separate metrics handler lacks the series")
	}
}

func TestRulesListAPolicysOwnRules(t *testing.T) {
	extra := &check.Policy{Name: "acme", Thresholds: check.Thresholds{Review: check.Low, Block: check.High}, Extra: fakeRules{}}
	s := newServer(t, nil)
	c := check.NewChecker(detector, engine, check.WithPolicies(check.StaticPolicies(check.DefaultPolicy(), extra)))
	s.checker = c
	h := s.Handler()
	if rec := do(t, h, "GET", "/api/v1/rules?policy=acme", "", ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"customer.org_projects"`) {
		t.Errorf("policy rules not listed: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/api/v1/rules", "", ""); strings.Contains(rec.Body.String(), `"customer.org_projects"`) {
		t.Error("policy rules listed without ?policy")
	}
	if rec := do(t, h, "GET", "/api/v1/rules?policy=nope", "", ""); rec.Code != 422 {
		t.Errorf("unknown policy: %d", rec.Code)
	}
}

type fakeRules struct{}

func (fakeRules) Match(check.MatchRequest) []check.Finding { return nil }
func (fakeRules) Version() string                          { return "x" }
func (fakeRules) Rules() []check.RuleInfo {
	return []check.RuleInfo{{ID: "customer.org_projects", Category: check.Customer, Severity: check.High, Languages: []string{"*"}}}
}

func TestTheFormCanBeSwitchedOff(t *testing.T) {
	h := newServer(t, nil, WithoutForm()).Handler()
	for _, tc := range []struct{ method, path string }{{"GET", "/"}, {"POST", "/"}, {"GET", "/static/app.js"}} {
		if rec := do(t, h, tc.method, tc.path, "application/x-www-form-urlencoded", "text=x"); rec.Code != 404 && rec.Code != 405 {
			t.Errorf("%s %s: %d", tc.method, tc.path, rec.Code)
		}
	}
	if rec := do(t, h, "POST", "/api/v1/check", "application/json", `{"text":"x y z"}`); rec.Code != 200 {
		t.Errorf("the API must stay: %d", rec.Code)
	}
}
