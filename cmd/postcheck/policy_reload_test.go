package main

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func policyCheck(t *testing.T, base, text string) (int, []string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"text": text, "policy": "acme"})
	res, err := http.Post(base+"/api/v1/check", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var resp struct{ Findings []struct{ RuleID string } }
	_ = json.NewDecoder(res.Body).Decode(&resp)
	var ids []string
	for _, f := range resp.Findings {
		ids = append(ids, f.RuleID)
	}
	return res.StatusCode, ids
}

// TestServeReloadsPoliciesOnChange: a changed policy file takes effect without a
// restart, and a broken edit keeps the last good policy.
func TestServeReloadsPoliciesOnChange(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "acme.yaml")
	v1 := "name: acme\ndescription: test\nterms:\n  - id: projects\n    kind: project\n    category: customer\n    severity: high\n    terms: [Seerose]\n"
	if err := os.WriteFile(file, []byte(v1), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	metricsAddr := ln.Addr().String()
	ln.Close()
	rm := mustRunMain(t, "--policy", dir, "--metrics-addr", metricsAddr)
	if code, ids := policyCheck(t, rm.URL, "Projekt Seerose und Lotus starten bald."); code != 200 || len(ids) == 0 {
		t.Fatalf("policy terms not applied: %d %v", code, ids)
	}
	v2 := strings.Replace(v1, "[Seerose]", "[Lotus]", 1)
	time.Sleep(10 * time.Millisecond) // a new modification time
	if err := os.WriteFile(file, []byte(v2), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, ids := policyCheck(t, rm.URL, "Projekt Seerose startet bald.")
		if len(ids) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the changed policy was not reloaded")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err := os.WriteFile(file, []byte("name: acme\nthresholds: {review: huge}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2500 * time.Millisecond)
	if code, ids := policyCheck(t, rm.URL, "Lotus startet bald."); code != 200 || len(ids) == 0 {
		t.Errorf("a broken edit must keep the last good policy: %d %v", code, ids)
	}
	if !strings.Contains(rm.logs.String(), "policy reload failed") {
		t.Error("the failed reload is not in the log")
	}
	// /metrics lives on its own address.
	res, err := http.Get("http://" + metricsAddr + "/metrics")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("metrics address: %v %v", res, err)
	}
	res.Body.Close()
	if res, err := http.Get(rm.URL + "/metrics"); err == nil {
		res.Body.Close()
		if res.StatusCode != 404 {
			t.Errorf("/metrics still on the main address: %d", res.StatusCode)
		}
	}
}
