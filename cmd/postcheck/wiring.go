package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/policy"
	"github.com/postcheck/postcheck/internal/rules"
	"github.com/postcheck/postcheck/internal/wire"
)

// buildChecker loads the rule packs, the policies at policyPaths (files or folders;
// none means only the built-in default) and the language detector, once.
func buildChecker(policyPaths []string, opts ...check.Option) (*check.Checker, *policy.Store, error) {
	// The language models load while the rule packs compile: they need nothing of
	// each other, and start-up takes the longer of the two instead of their sum.
	detector := make(chan *lang.Detector, 1)
	go func() { detector <- lang.New() }()
	engine, err := rules.Default()
	if err != nil {
		return nil, nil, fmt.Errorf("rule packs: %w", err)
	}
	store, err := policy.NewStoreWith(policy.RuleIDs(engine.Rules()), policyPaths...)
	if err != nil {
		return nil, nil, fmt.Errorf("policy: %w", err)
	}
	opts = append(opts, check.WithPolicies(store))
	return check.NewChecker(<-detector, engine, opts...), store, nil
}

// pathList is a repeatable flag of paths; commas also separate.
type pathList []string

func (p *pathList) String() string { return strings.Join(*p, ",") }

func (p *pathList) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*p = append(*p, s)
		}
	}
	return nil
}

// version is the module version when built from a tagged module, else the VCS revision.
func version() string {
	if wire.EngineVersion != "dev" {
		return wire.EngineVersion
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}

func init() { wire.EngineVersion = version() }
