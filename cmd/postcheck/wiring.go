package main

import (
	"fmt"
	"runtime/debug"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/lang"
	"github.com/postcheck/postcheck/internal/rules"
	"github.com/postcheck/postcheck/internal/wire"
)

// buildChecker loads the rule packs and the language detector once.
func buildChecker(opts ...check.Option) (*check.Checker, error) {
	engine, err := rules.Default()
	if err != nil {
		return nil, fmt.Errorf("rule packs: %w", err)
	}
	return check.NewChecker(lang.New(), engine, opts...), nil
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
