// Command postcheck-load drives a running postcheck server with a realistic mix of
// drafts for a bounded time and reports throughput, latency, errors and the server's
// CPU and memory. It only talks to the address it is given, normally loopback.
//
//	postcheck-load --url http://127.0.0.1:18080 --duration 20s --concurrency 32 --pid 1234
//	postcheck-load --rate 3000 ...             (open loop: 3,000 requests a second on a fixed schedule)
//	postcheck-load --soak --duration 3m ...   (adds invalid requests; fails on any 5xx or wrong answer)
//
// Without --rate each connection sends its next request as soon as the last one is
// answered (closed loop): that finds the most the server can do, and latency is then
// mostly time spent queueing. With --rate requests leave on a fixed schedule whether or
// not earlier ones were answered (open loop), and each latency counts from the moment
// its request was due, so a server that falls behind cannot hide it: that answers
// "does it serve N checks a second, and how fast".
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "postcheck-load:", err)
		os.Exit(1)
	}
}

type request struct {
	name   string
	ctype  string
	body   []byte
	valid  bool
	status int    // expected status for invalid requests
	want   string // expected answer fingerprint for valid ones
}

func run() error {
	base := flag.String("url", "http://127.0.0.1:18080", "server base URL (loopback)")
	duration := flag.Duration("duration", 20*time.Second, "how long to send")
	concurrency := flag.Int("concurrency", 32, "parallel connections")
	pid := flag.Int("pid", 0, "server process id, to report its CPU and peak RSS from /proc")
	soak := flag.Bool("soak", false, "mix in invalid requests and fail on any 5xx or wrong answer")
	drafts := flag.String("drafts", "testdata/*/corpus.jsonl", "glob of labelled JSONL files whose texts are sent")
	maxDrafts := flag.Int("max-drafts", 400, "at most this many drafts from the files")
	rate := flag.Float64("rate", 0, "requests per second on a fixed schedule (open loop); 0 sends as fast as answers come back")
	flag.Parse()
	if *duration <= 0 || *duration > time.Hour || *concurrency < 1 || *concurrency > 1024 {
		return errors.New("--duration must be in (0, 1h] and --concurrency in [1, 1024]")
	}
	if *rate < 0 || *rate > 100000 {
		return errors.New("--rate must be in [0, 100000]")
	}
	u, err := url.Parse(*base)
	if err != nil || u.Host == "" {
		return fmt.Errorf("--url: %q is not a URL", *base)
	}
	texts, err := loadTexts(*drafts, *maxDrafts)
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *concurrency, MaxConnsPerHost: *concurrency}}
	reqs, err := buildRequests(client, *base, texts, *soak)
	if err != nil {
		return err
	}
	if *rate > 0 {
		fmt.Printf("%d distinct requests (%d drafts), %.0f requests/s on a schedule, up to %d connections, %s\n", len(reqs), len(texts), *rate, *concurrency, *duration)
	} else {
		fmt.Printf("%d distinct requests (%d drafts), %d connections, %s\n", len(reqs), len(texts), *concurrency, *duration)
	}

	hist0, _ := serverHistogram(client, *base)
	cpu0, _ := procCPU(*pid)
	gen0, _ := procCPU(os.Getpid())
	rss0, _ := procStatus(*pid, "VmRSS:")
	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		total     atomic.Int64
		fiveXX    atomic.Int64
		wrong     atomic.Int64
		transport atomic.Int64
		samples   []string
	)
	start := time.Now()
	// due carries the moment each request should leave in open-loop mode.
	var due chan time.Time
	if *rate > 0 {
		due = make(chan time.Time, 1<<16)
		go func() {
			defer close(due)
			every := time.Duration(float64(time.Second) / *rate)
			for i := 0; ; i++ {
				at := start.Add(time.Duration(i) * every)
				if d := time.Until(at); d > 0 {
					select {
					case <-ctx.Done():
						return
					case <-time.After(d):
					}
				}
				select {
				case <-ctx.Done():
					return
				case due <- at:
				}
			}
		}()
	}
	var wg sync.WaitGroup
	for w := range *concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			var local []time.Duration
			for ctx.Err() == nil {
				r := reqs[rng.IntN(len(reqs))]
				t0 := time.Now()
				if due != nil {
					at, ok := <-due
					if !ok {
						break
					}
					t0 = at // latency counts from when the request was due
				}
				status, body, err := send(ctx, client, *base, r)
				if ctx.Err() != nil {
					break
				}
				total.Add(1)
				if err != nil {
					transport.Add(1)
					continue
				}
				local = append(local, time.Since(t0))
				ok := true
				switch {
				case status >= 500:
					fiveXX.Add(1)
					ok = false
				case r.valid:
					ok = status == 200 && fingerprint(body) == r.want
				default:
					ok = status == r.status
				}
				if !ok {
					wrong.Add(1)
					mu.Lock()
					if len(samples) < 5 {
						samples = append(samples, fmt.Sprintf("%s: status %d", r.name, status))
					}
					mu.Unlock()
				}
			}
			mu.Lock()
			latencies = append(latencies, local...)
			mu.Unlock()
		}()
	}
	peak := int64(0)
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if v, err := procStatus(*pid, "VmRSS:"); err == nil && v > peak {
					peak = v
				}
			}
		}
	}()
	wg.Wait()
	close(done)
	elapsed := time.Since(start)
	cpu1, _ := procCPU(*pid)
	rss1, _ := procStatus(*pid, "VmRSS:")
	hwm, _ := procStatus(*pid, "VmHWM:")

	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}
	n := total.Load()
	fmt.Printf("requests     %d in %.1fs = %.0f req/s\n", n, elapsed.Seconds(), float64(n)/elapsed.Seconds())
	fmt.Printf("latency      p50 %s  p90 %s  p99 %s  max %s\n", pct(0.50), pct(0.90), pct(0.99), pct(1))
	fmt.Printf("errors       5xx %d  wrong answers %d  transport %d\n", fiveXX.Load(), wrong.Load(), transport.Load())
	if hist1, err := serverHistogram(client, *base); err == nil && hist0 != nil {
		// The server's own view: time from reading the request to writing the answer,
		// without the generator's share of the processors or the network.
		total := hist1["+Inf"] - hist0["+Inf"]
		if total > 0 {
			var parts []string
			for _, b := range []struct{ le, name string }{{"0.01", "10 ms"}, {"0.02", "20 ms"}, {"0.05", "50 ms"}} {
				if _, ok := hist1[b.le]; ok { // an older server may lack the bucket
					parts = append(parts, fmt.Sprintf("%.2f%% within %s", 100*(hist1[b.le]-hist0[b.le])/total, b.name))
				}
			}
			fmt.Printf("server-side  %d checks: %s\n", int64(total), strings.Join(parts, ", "))
		}
	}
	if self, err := procCPU(os.Getpid()); err == nil {
		fmt.Printf("generator    CPU %.1fs (%.0f%% of one core)\n", self-gen0, 100*(self-gen0)/elapsed.Seconds())
	}
	if *pid > 0 {
		fmt.Printf("server       CPU %.1fs (%.0f%% of one core)  RSS start %d MB  end %d MB  peak %d MB (VmHWM %d MB)\n",
			cpu1-cpu0, 100*(cpu1-cpu0)/elapsed.Seconds(), rss0/1024, rss1/1024, max(peak, rss1)/1024, hwm/1024)
	}
	for _, s := range samples {
		fmt.Println("  e.g.", s)
	}
	if fiveXX.Load() > 0 || wrong.Load() > 0 || transport.Load() > 0 {
		return fmt.Errorf("%d server errors, %d wrong answers, %d transport errors", fiveXX.Load(), wrong.Load(), transport.Load())
	}
	return nil
}

// loadTexts reads the texts of labelled JSONL files.
func loadTexts(glob string, limit int) ([]string, error) {
	files, err := filepath.Glob(glob)
	if err != nil {
		return nil, err
	}
	var texts []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var it struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &it) == nil && strings.TrimSpace(it.Text) != "" {
				texts = append(texts, it.Text)
			}
		}
		fh.Close()
	}
	if len(texts) == 0 {
		texts = []string{
			"Meine Tochter Emma (4) geht in die Kita Sonnenschein. Heute war Sommerfest!",
			"Great launch today – thanks to the whole team and our customers for the feedback.",
			"Du Vollidiot, das war echt daneben.",
			"Schreibt mir an anna.keller@example.de oder ruft an: 0171 2345678.",
			"Wir sind zwei Wochen auf Mallorca, das Haus steht leer.",
		}
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	if len(texts) > limit {
		texts = texts[:limit]
	}
	return texts, nil
}

// buildRequests asks the server once per draft for the reference answer that every
// later answer must equal.
func buildRequests(c *http.Client, base string, texts []string, soak bool) ([]request, error) {
	var reqs []request
	for i, t := range texts {
		body, _ := json.Marshal(map[string]any{"text": t})
		r := request{name: "draft " + strconv.Itoa(i), ctype: "application/json", body: body, valid: true}
		status, resp, err := send(context.Background(), c, base, r)
		if err != nil || status != 200 {
			return nil, fmt.Errorf("reference answer for draft %d: status %d %v", i, status, err)
		}
		r.want = fingerprint(resp)
		reqs = append(reqs, r)
	}
	if soak {
		bad := []request{
			{name: "broken JSON", ctype: "application/json", body: []byte(`{"text":`), status: 400},
			{name: "unknown field", ctype: "application/json", body: []byte(`{"text":"x","nope":1}`), status: 400},
			{name: "wrong type", ctype: "application/json", body: []byte(`{"text":42}`), status: 400},
			{name: "empty text", ctype: "application/json", body: []byte(`{"text":""}`), status: 422},
			{name: "text too long", ctype: "application/json", body: []byte(`{"text":"` + strings.Repeat("a", 150_000) + `"}`), status: 422},
			{name: "body too large", ctype: "application/json", body: []byte(`{"text":"` + strings.Repeat("a", 1_100_000) + `"}`), status: 413},
			{name: "wrong media type", ctype: "text/plain", body: []byte("hello"), status: 415},
			{name: "invalid UTF-8", ctype: "application/json", body: []byte("{\"text\":\"\xff\xfe\"}"), status: 400},
			{name: "deep nesting", ctype: "application/json", body: []byte(strings.Repeat("[", 5000) + strings.Repeat("]", 5000)), status: 400},
		}
		// About one request in five is invalid.
		for len(bad) < len(reqs)/4 {
			bad = append(bad, bad[:9]...)
		}
		reqs = append(reqs, bad...)
	}
	return reqs, nil
}

func send(ctx context.Context, c *http.Client, base string, r request) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/check", bytes.NewReader(r.body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", r.ctype)
	res, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, body, err
}

// fingerprint is the answer without the parts that change per call (timing, in the
// "meta" object the server writes last). It compares bytes instead of decoding the
// JSON: the generator shares the machine with the server and must stay cheap. An
// answer of another shape gets its own fingerprint and so counts as wrong.
func fingerprint(body []byte) string {
	if i := bytes.LastIndex(body, []byte(`,"meta":{`)); i > 0 {
		body = body[:i]
	}
	sum := sha256.Sum256(body)
	return string(sum[:])
}

// serverHistogram reads the cumulative buckets of the server's latency histogram for
// the check route from /metrics, by upper bound ("0.02", "+Inf").
func serverHistogram(c *http.Client, base string) (map[string]float64, error) {
	res, err := c.Get(base + "/metrics")
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		return nil, fmt.Errorf("/metrics: status %d", res.StatusCode)
	}
	const prefix = `postcheck_http_request_duration_seconds_bucket{route="/api/v1/check",le="`
	out := map[string]float64{}
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		rest := line[len(prefix):]
		le, value, ok := strings.Cut(rest, `"} `)
		if !ok {
			continue
		}
		if v, err := strconv.ParseFloat(value, 64); err == nil {
			out[le] = v
		}
	}
	if len(out) == 0 {
		return nil, errors.New("/metrics has no histogram for /api/v1/check")
	}
	return out, sc.Err()
}

// procCPU returns user+system seconds of a process.
func procCPU(pid int) (float64, error) {
	if pid <= 0 {
		return 0, errors.New("no pid")
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(fields) < 13 {
		return 0, errors.New("short stat")
	}
	ut, _ := strconv.ParseFloat(fields[11], 64)
	st, _ := strconv.ParseFloat(fields[12], 64)
	return (ut + st) / 100, nil // USER_HZ is 100 on Linux
}

// procStatus returns a kB value such as VmRSS: from /proc/PID/status.
func procStatus(pid int, key string) (int64, error) {
	if pid <= 0 {
		return 0, errors.New("no pid")
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, key); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				return strconv.ParseInt(f[0], 10, 64)
			}
		}
	}
	return 0, errors.New(key + " not found")
}
