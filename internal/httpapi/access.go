package httpapi

import (
	"crypto/subtle"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/postcheck/postcheck/internal/check"
)

// WithRateLimit limits each client address to perSecond requests with the burst;
// perSecond ≤ 0 turns limiting off (the default).
func WithRateLimit(perSecond float64, burst int) Option {
	return func(s *Server) {
		if perSecond > 0 {
			s.limiter = newClientLimiter(rate.Limit(perSecond), max(burst, 1))
		}
	}
}

// WithAPITokens requires "Authorization: Bearer TOKEN" with one of the tokens on the
// API; no tokens (the default) means no authentication.
func WithAPITokens(tokens ...string) Option {
	return func(s *Server) {
		for _, t := range tokens {
			if t = strings.TrimSpace(t); t != "" {
				s.tokens = append(s.tokens, []byte(t))
			}
		}
	}
}

// WithCORSOrigins allows browsers on these origins to call the API; none (the
// default) sends no CORS headers, so only same-origin pages can read answers.
func WithCORSOrigins(origins ...string) Option {
	return func(s *Server) {
		for _, o := range origins {
			if o = strings.TrimRight(strings.TrimSpace(o), "/"); o != "" {
				s.corsOrigins = append(s.corsOrigins, o)
			}
		}
	}
}

// WithoutForm serves only the API: the browser form checks drafts without a token,
// so an API behind tokens should run without it.
func WithoutForm() Option { return func(s *Server) { s.noForm = true } }

// WithoutMetrics leaves /metrics off the main router (serve it elsewhere with MetricsHandler).
func WithoutMetrics() Option { return func(s *Server) { s.noMetrics = true } }

// clientLimiter keeps one token bucket per client address and forgets idle ones.
type clientLimiter struct {
	mu      sync.Mutex
	limit   rate.Limit
	burst   int
	clients map[string]*clientBucket
	swept   time.Time
}

type clientBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newClientLimiter(l rate.Limit, burst int) *clientLimiter {
	return &clientLimiter{limit: l, burst: burst, clients: map[string]*clientBucket{}, swept: time.Now()}
}

// allow reports whether the client may go on, and if not how long it should wait.
func (c *clientLimiter) allow(client string, now time.Time) (bool, time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Sub(c.swept) > time.Minute {
		for k, b := range c.clients {
			if now.Sub(b.seen) > 5*time.Minute {
				delete(c.clients, k)
			}
		}
		c.swept = now
	}
	b, ok := c.clients[client]
	if !ok {
		b = &clientBucket{lim: rate.NewLimiter(c.limit, c.burst)}
		c.clients[client] = b
	}
	b.seen = now
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// clientAddr is the peer's IP address; proxies' headers are not trusted.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// rateLimit answers 429 with Retry-After when a client exceeds its budget.
func (s *Server) rateLimit(next http.Handler) http.Handler {
	if s.limiter == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := s.limiter.allow(clientAddr(r), time.Now())
		if !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			s.writeError(w, r, check.Errorf(check.ETooManyRequests, "too many requests from your address; try again in %d s", int(math.Ceil(wait.Seconds()))))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authenticate requires a configured bearer token on the API.
func (s *Server) authenticate(next http.Handler) http.Handler {
	if len(s.tokens) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if ok {
			for _, t := range s.tokens {
				if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), t) == 1 {
					next.ServeHTTP(w, r)
					return
				}
			}
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="postcheck"`)
		s.writeError(w, r, check.Errorf(check.EUnauthorized, "a valid API token is required (Authorization: Bearer …)"))
	})
}

// cors answers preflights and sets CORS headers for the configured origins only.
func (s *Server) cors(next http.Handler) http.Handler {
	if len(s.corsOrigins) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := strings.TrimRight(r.Header.Get("Origin"), "/")
		allowed := false
		for _, o := range s.corsOrigins {
			if o == "*" || o == origin {
				allowed = true
				break
			}
		}
		if allowed && origin != "" {
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			h.Add("Vary", "Origin")
			if r.Method == http.MethodOptions {
				h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization")
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
