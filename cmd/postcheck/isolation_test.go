package main

import (
	"bufio"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// connectRe finds the address of every connect() that strace records.
var connectRe = regexp.MustCompile(`connect\(\d+, \{sa_family=(AF_INET6?|AF_UNIX|AF_NETLINK|[A-Z_0-9]+)(.*?)\}`)

// TestServerOpensNoOutboundConnection runs the real binary under strace while it
// serves checks, the form and the health and rule endpoints, and fails on any
// connect() to an address that is not on this machine.
func TestServerOpensNoOutboundConnection(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped in -short")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		if os.Getenv("POSTCHECK_REQUIRE_BROWSER") != "" {
			t.Fatal("strace is required in CI (apt-get install strace)")
		}
		t.Skip("no strace on this machine (apt-get install strace): outbound-connection test skipped")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "postcheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	trace := filepath.Join(dir, "trace")
	cmd := exec.Command(strace, "-f", "-qq", "-e", "trace=connect", "-o", trace, bin, "serve", "--addr", addr)
	// Own process group: strace ignores SIGINT, so the group signal reaches the server.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }()
	base := "http://" + addr
	deadline := time.Now().Add(60 * time.Second)
	for {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("server did not start under strace")
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, body := range []string{`{"text":"Du Vollidiot! Mail an anna@example.de, Tel. +49 171 2345678"}`, `{"text":"My daughter Emma (4) goes to Lincoln Elementary."}`} {
		res, err := http.Post(base+"/api/v1/check", "application/json", strings.NewReader(body))
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("check: %v %v", res, err)
		}
		res.Body.Close()
	}
	for _, path := range []string{"/", "/readyz", "/api/v1/rules", "/metrics", "/static/app.js"} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}
	res, err := http.Post(base+"/", "application/x-www-form-urlencoded", strings.NewReader("text=Hallo+du+Idiot"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case <-waited:
	case <-time.After(30 * time.Second):
		t.Fatal("the traced server did not stop")
	}

	f, err := os.Open(trace)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if outbound(sc.Text()) {
			t.Errorf("outbound connection: %s", sc.Text())
		}
	}
}

// outbound reports whether an strace line records a connect() off this machine.
func outbound(line string) bool {
	m := connectRe.FindStringSubmatch(line)
	if m == nil {
		return false
	}
	family, rest := m[1], m[2]
	switch family {
	case "AF_UNIX", "AF_NETLINK":
		return false
	case "AF_INET":
		return !strings.Contains(rest, `inet_addr("127.`)
	case "AF_INET6":
		return !strings.Contains(rest, `"::1"`) && !strings.Contains(rest, `"::ffff:127.`)
	}
	return true
}

func TestOutboundReadsStraceLines(t *testing.T) {
	tests := []struct {
		line string
		out  bool
	}{
		{`1234  connect(7, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.1.1")}, 16) = -1 ENETUNREACH`, true},
		{`1234  connect(7, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, 28) = 0`, true},
		{`1234  connect(7, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0`, false},
		{`1234  connect(7, {sa_family=AF_INET6, sin6_port=htons(8080), inet_pton(AF_INET6, "::1", &sin6_addr)}, 28) = 0`, false},
		{`1234  connect(3, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT`, false},
		{`1234  +++ exited with 0 +++`, false},
	}
	for _, tc := range tests {
		if got := outbound(tc.line); got != tc.out {
			t.Errorf("outbound(%q) = %v, want %v", tc.line, got, tc.out)
		}
	}
}
