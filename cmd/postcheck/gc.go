package main

import (
	"os"
	"runtime/debug"
)

// The server's garbage-collector setting. A check allocates little, but the heap
// holds some 70 MB of language models and rule tables that every collection has to
// mark, so with Go's default (collect when the heap has doubled) a server at 3,000
// checks a second collects several times a second and the slowest answers wait for
// it. Collecting when the heap has grown fivefold, but never letting it pass
// serverMemoryLimit, took the p99 at 3,000 checks/s from 26–35 ms to 23–25 ms on the
// two-core test machine and keeps the process at about 200 MB; fivefold without the
// limit gave 18.5–19.7 ms but 280 MB (see BENCHMARKS.md).
const (
	serverGCPercent   = 400
	serverMemoryLimit = 192 << 20
)

// tuneGC applies the server's setting unless GOGC or GOMEMLIMIT is set, in which
// case the operator's choice stands. It reports whether it applied the setting.
func tuneGC() bool {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return false
	}
	debug.SetGCPercent(serverGCPercent)
	debug.SetMemoryLimit(serverMemoryLimit)
	return true
}
