package main

import (
	"runtime/debug"
	"testing"
)

func TestServerTunesTheCollectorUnlessTheOperatorDid(t *testing.T) {
	prevPercent := debug.SetGCPercent(100)
	prevLimit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	})

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	if !tuneGC() {
		t.Fatal("tuneGC did nothing without GOGC or GOMEMLIMIT")
	}
	if got := debug.SetGCPercent(100); got != serverGCPercent {
		t.Errorf("GC percent %d, want %d", got, serverGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != serverMemoryLimit {
		t.Errorf("memory limit %d, want %d", got, serverMemoryLimit)
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	if tuneGC() {
		t.Error("tuneGC overrode GOGC set by the operator")
	}
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("GC percent %d after tuneGC with GOGC=50, want 50", got)
	}
}
