// Package httpapi serves postcheck's HTTP API and browser form with chi.
package httpapi

import (
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/postcheck/postcheck/internal/check"
)

// Server holds what the handlers need. Create it with New.
type Server struct {
	checker      *check.Checker
	log          *slog.Logger
	maxBodyBytes int64
	pages        *template.Template
	static       fs.FS
	metrics      *metrics
	registry     *prometheus.Registry
	draining     atomic.Bool
	timeout      time.Duration
	limiter      *clientLimiter
	tokens       [][]byte
	corsOrigins  []string
	noMetrics    bool
	noForm       bool
}

// Option configures a Server.
type Option func(*Server)

// WithLogger sets the logger; drafts are never passed to it.
func WithLogger(l *slog.Logger) Option { return func(s *Server) { s.log = l } }

// WithMaxBodyBytes sets the largest accepted request body (default 1 MiB).
func WithMaxBodyBytes(n int64) Option { return func(s *Server) { s.maxBodyBytes = n } }

// WithTimeout sets the per-request time limit (default 10 s).
func WithTimeout(d time.Duration) Option { return func(s *Server) { s.timeout = d } }

// New returns a Server over a checker, with the form's templates and static files.
func New(c *check.Checker, pages *template.Template, static fs.FS, opts ...Option) *Server {
	s := &Server{checker: c, log: slog.New(slog.NewTextHandler(io.Discard, nil)), maxBodyBytes: 1 << 20,
		pages: pages, static: static, registry: prometheus.NewRegistry(), timeout: 10 * time.Second}
	for _, o := range opts {
		o(s)
	}
	s.metrics = newMetrics(s.registry)
	return s
}

// SetDraining makes /readyz answer 503, so a load balancer stops sending traffic.
func (s *Server) SetDraining(v bool) { s.draining.Store(v) }

// Handler returns the route table.
func (s *Server) Handler() http.Handler {
	r := chi.NewRouter()
	r.Use(s.recoverer, s.logRequests, securityHeaders)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, check.Errorf(check.ENotFound, "no such page: %s", r.URL.Path))
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, check.Errorf(check.EMethodNotAllowed, "%s is not allowed here", r.Method))
	})

	if !s.noForm {
		r.Get("/", s.handleForm)
		r.With(s.rateLimit).Post("/", s.handleFormPost)
		r.Handle("/static/*", http.StripPrefix("/static/", s.staticHandler()))
	}

	r.Get("/healthz", s.handleHealthz)
	r.Get("/readyz", s.handleReadyz)
	if !s.noMetrics {
		r.Handle("/metrics", s.MetricsHandler())
	}

	r.Route("/api/v1", func(r chi.Router) {
		r.Use(s.cors, s.rateLimit, s.authenticate, s.timeoutMiddleware)
		r.Post("/check", s.handleCheck)
		r.Post("/photos/check", s.handlePhotoCheck)
		r.Post("/photos/strip", s.handlePhotoStrip)
		r.Get("/rules", s.handleRules)
		r.Get("/rules/{ruleId}", s.handleRule)
		r.Get("/policies", s.handlePolicies)
	})
	return r
}

// MetricsHandler serves the Prometheus metrics of this server.
func (s *Server) MetricsHandler() http.Handler {
	return promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{})
}
