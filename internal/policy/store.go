package policy

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/postcheck/postcheck/internal/check"
)

// Store holds the current Set of policies read from paths. Lookups are one atomic
// load, so a check that has fetched its policy keeps using it while a reload swaps
// in a new Set. Store implements check.PolicySource; pass it to check.WithPolicies.
type Store struct {
	paths []string
	load  func(paths ...string) (*Set, error)
	cur   atomic.Pointer[Set]
	mu    sync.Mutex // serialises reloads
	print string     // fingerprint of the files behind cur, guarded by mu
}

var _ check.PolicySource = (*Store)(nil)

// NewStore loads the policies at paths (files or directories) and returns a store
// over them. With no paths it holds only the built-in default policy.
func NewStore(paths ...string) (*Store, error) {
	return newStore(LoadPaths, paths)
}

// NewStoreWith is NewStore checking rule ids with known (see Load).
func NewStoreWith(known func(id string) bool, paths ...string) (*Store, error) {
	return newStore(func(ps ...string) (*Set, error) { return Load(known, ps...) }, paths)
}

func newStore(load func(...string) (*Set, error), paths []string) (*Store, error) {
	s := &Store{paths: append([]string(nil), paths...), load: load}
	if err := s.Reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// Set returns the current set.
func (s *Store) Set() *Set { return s.cur.Load() }

// Policy looks a policy up in the current set; "" means "default".
func (s *Store) Policy(name string) (*check.Policy, bool) { return s.cur.Load().Policy(name) }

// List returns the policies of the current set.
func (s *Store) List() []*check.Policy { return s.cur.Load().List() }

// Reload reads the files again. When that fails the current set stays and the
// error (with file:line) is returned.
func (s *Store) Reload() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reloadLocked(fingerprint(s.paths))
}

func (s *Store) reloadLocked(print string) error {
	set, err := s.load(s.paths...)
	if err != nil {
		return err
	}
	s.cur.Store(set)
	s.print = print
	return nil
}

// Watch polls the files every interval (one second when interval ≤ 0) and reloads
// when a file changes, appears or disappears. It calls report (when not nil) after
// every reload it tries, with nil on success. It returns when ctx is done.
// A file that keeps failing is reported once per change, not once per poll.
func (s *Store) Watch(ctx context.Context, interval time.Duration, report func(error)) {
	if interval <= 0 {
		interval = time.Second
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	s.mu.Lock()
	tried := s.print
	s.mu.Unlock()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now := fingerprint(s.paths)
		if now == tried {
			continue
		}
		tried = now
		s.mu.Lock()
		err := s.reloadLocked(now)
		s.mu.Unlock()
		if report != nil {
			report(err)
		}
	}
}

// fingerprint summarises names, sizes and modification times of the policy files.
func fingerprint(paths []string) string {
	var b strings.Builder
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(&b, "%s:missing;", p)
			continue
		}
		if !fi.IsDir() {
			fmt.Fprintf(&b, "%s:%d:%d;", p, fi.Size(), fi.ModTime().UnixNano())
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			fmt.Fprintf(&b, "%s:unreadable;", p)
			continue
		}
		var names []string
		for _, e := range entries {
			if !e.IsDir() && isPolicyFile(e.Name()) {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			f := filepath.Join(p, n)
			if fi, err := os.Stat(f); err == nil {
				fmt.Fprintf(&b, "%s:%d:%d;", f, fi.Size(), fi.ModTime().UnixNano())
			}
		}
	}
	return b.String()
}
