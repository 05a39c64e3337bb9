package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/httpapi"
	"github.com/postcheck/postcheck/internal/policy"
	"github.com/postcheck/postcheck/web"
)

// reloadPolicies reloads the policy files on SIGHUP and when they change. A failed
// reload keeps the last good policies and says why in the log; requests in flight
// keep the policy they started with.
func (m *Main) reloadPolicies(ctx context.Context, store *policy.Store, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	report := func(trigger string) func(error) {
		return func(err error) {
			if err != nil {
				log.Error("policy reload failed; keeping the last good policies", "trigger", trigger, "err", err.Error())
				return
			}
			log.Info("policies reloaded", "trigger", trigger, "policies", len(store.List()))
		}
	}
	go store.Watch(ctx, time.Second, report("file change"))
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			report("SIGHUP")(store.Reload())
		}
	}
}

// isLoopback reports whether the listener only takes local connections.
func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// envOr returns the environment variable or the default.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve")
	addr := fs.String("addr", envOr("POSTCHECK_ADDR", "127.0.0.1:8080"), "listen address (env POSTCHECK_ADDR)")
	maxBody := fs.Int64("max-body-bytes", 1<<20, "largest accepted request body")
	maxText := fs.Int("max-text-bytes", 100_000, "largest accepted draft in bytes")
	logLevel := fs.String("log-level", envOr("POSTCHECK_LOG_LEVEL", "info"), "debug, info, warn or error (drafts are never logged)")
	drain := fs.Duration("drain-timeout", 15*time.Second, "how long in-flight requests may finish on shutdown")
	drainDelay := fs.Duration("drain-delay", 0, "on shutdown, how long /readyz answers 503 before the listener closes")
	var policies, tokens, origins pathList
	fs.Var(&policies, "policy", "policy FILE or DIR (repeatable); reloaded on SIGHUP and when a file changes")
	_ = tokens.Set(os.Getenv("POSTCHECK_API_TOKENS"))
	fs.Var(&tokens, "api-token", "require Authorization: Bearer TOKEN on the API (repeatable; env POSTCHECK_API_TOKENS, comma-separated)")
	fs.Var(&origins, "cors-origin", "allow browser calls to the API from this origin (repeatable; default none)")
	rateLimit := fs.Float64("rate-limit", -1, "requests per second per client address; 0 is off (default: off on a loopback address, 20 elsewhere)")
	rateBurst := fs.Int("rate-burst", 40, "burst size of the per-client rate limit")
	metricsAddr := fs.String("metrics-addr", "", "serve /metrics on this address instead of the main one")
	noForm := fs.Bool("no-form", false, "serve only the API, not the browser form (the form needs no token)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("--log-level: %v", err)
	}
	if *maxBody <= 0 || *maxText <= 0 {
		return errors.New("--max-body-bytes and --max-text-bytes must be positive")
	}
	log := slog.New(slog.NewJSONHandler(m.Stderr, &slog.HandlerOptions{Level: level}))

	if tuneGC() {
		log.Debug("garbage collection tuned for latency", "gogc", serverGCPercent, "memory_limit_mib", serverMemoryLimit>>20)
	}
	start := time.Now()
	checker, store, err := buildChecker(policies, check.WithMaxTextBytes(*maxText))
	if err != nil {
		return err
	}
	if len(policies) > 0 {
		go m.reloadPolicies(ctx, store, log)
	}
	pages, err := web.Templates()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	if *rateLimit < 0 {
		*rateLimit = 20
		if isLoopback(ln.Addr()) {
			*rateLimit = 0
		}
	}
	opts := []httpapi.Option{httpapi.WithLogger(log), httpapi.WithMaxBodyBytes(*maxBody),
		httpapi.WithRateLimit(*rateLimit, *rateBurst), httpapi.WithAPITokens(tokens...), httpapi.WithCORSOrigins(origins...)}
	if *metricsAddr != "" {
		opts = append(opts, httpapi.WithoutMetrics())
	}
	if *noForm {
		opts = append(opts, httpapi.WithoutForm())
	}
	if len(tokens) > 0 && !*noForm {
		log.Warn("API tokens are set but the browser form is on: the form checks drafts without a token (use --no-form)")
	}
	srv := httpapi.New(checker, pages, web.Static(), opts...)
	if *metricsAddr != "" {
		mln, err := net.Listen("tcp", *metricsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("--metrics-addr: %w", err)
		}
		ms := &http.Server{Handler: srv.MetricsHandler(), ReadHeaderTimeout: 5 * time.Second}
		go func() { _ = ms.Serve(mln) }()
		defer ms.Close()
		log.Info("metrics", "addr", mln.Addr().String())
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second, // photos of up to 20 MiB on a slow link
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", "addr", ln.Addr().String(), "rules", len(checker.Engine().Rules()),
		"ruleset", checker.Engine().Version(), "startup_ms", time.Since(start).Milliseconds(),
		"rate_limit", *rateLimit, "api_tokens", len(tokens), "cors_origins", len(origins))
	if m.Ready != nil {
		m.Ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("draining", "delay", drainDelay.String(), "timeout", drain.String())
	srv.SetDraining(true)
	if *drainDelay > 0 {
		time.Sleep(*drainDelay)
	}
	sctx, cancel := context.WithTimeout(context.Background(), *drain)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	log.Info("stopped")
	return nil
}
