package main

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestShutdownDrains: on SIGTERM (here: the signal context ends) /readyz answers 503,
// a request in flight still gets its answer, new connections are refused, and the
// program exits 0.
func TestShutdownDrains(t *testing.T) {
	rm := mustRunMain(t, "--drain-delay", "700ms")

	// A request whose body is still on its way when the shutdown starts.
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", rm.URL+"/api/v1/check", pr)
	req.Header.Set("Content-Type", "application/json")
	answer := make(chan *http.Response, 1)
	failed := make(chan error, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			failed <- err
			return
		}
		answer <- res
	}()
	if _, err := pw.Write([]byte(`{"text":"Du Voll`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)

	rm.cancel() // what SIGTERM does through signal.NotifyContext
	time.Sleep(150 * time.Millisecond)
	res, err := http.Get(rm.URL + "/readyz")
	if err != nil {
		t.Fatalf("readyz during the drain delay: %v", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz while draining: %d, want 503", res.StatusCode)
	}

	time.Sleep(800 * time.Millisecond) // past the drain delay: the listener is closed
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(rm.URL, "http://"), time.Second); err == nil {
		t.Error("a new connection was accepted after the drain delay")
	}
	if _, err := pw.Write([]byte(`idiot!"}`)); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	select {
	case res := <-answer:
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(body), "Vollidiot") {
			t.Errorf("the request in flight got %d: %s", res.StatusCode, body)
		}
	case err := <-failed:
		t.Fatalf("the request in flight failed: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the request in flight got no answer")
	}
	select {
	case code := <-rm.done:
		rm.done <- code
		if code != 0 {
			t.Errorf("exit code %d, want 0", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}

}
