package httpapi

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/postcheck/postcheck/internal/check"
)

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	verdicts *prometheus.CounterVec
	findings *prometheus.CounterVec
}

func newMetrics(reg *prometheus.Registry) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "postcheck_http_requests_total", Help: "HTTP requests by route, method and status."}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "postcheck_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .02, .025, .05, .1, .25, .5, 1, 2.5}}, []string{"route"}),
		verdicts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "postcheck_checks_total", Help: "Checked drafts by verdict."}, []string{"verdict"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "postcheck_findings_total", Help: "Findings by category and severity."}, []string{"category", "severity"}),
	}
	reg.MustRegister(m.requests, m.duration, m.verdicts, m.findings,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) observe(route, method string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route).Observe(d.Seconds())
}

// report counts a report's verdict and findings; no text is recorded.
func (m *metrics) report(r *check.Report) {
	m.verdicts.WithLabelValues(string(r.Verdict)).Inc()
	for _, f := range r.Findings {
		m.findings.WithLabelValues(string(f.Category), f.Severity.String()).Inc()
	}
}
