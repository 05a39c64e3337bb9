package rules

import (
	"slices"
	"sync"
)

// MatchFunc finds the hits of a validator rule in a prepared draft.
type MatchFunc func(doc *Doc) []Hit

func (f MatchFunc) match(doc *Doc) []Hit { return f(doc) }

// ValidatorFactory builds a validator from the rule's params.
type ValidatorFactory func(params map[string]string) (MatchFunc, error)

var (
	validatorsMu sync.Mutex
	validators   = map[string]func(map[string]string) (matcher, error){}
)

// RegisterValidator makes a Go validator available to rules as `validator: name`.
// It is meant for init functions; registering a name twice panics.
func RegisterValidator(name string, f ValidatorFactory) {
	validatorsMu.Lock()
	defer validatorsMu.Unlock()
	if _, dup := validators[name]; dup {
		panic("rules: validator registered twice: " + name)
	}
	validators[name] = func(p map[string]string) (matcher, error) {
		m, err := f(p)
		if err != nil {
			return nil, err
		}
		return m, nil
	}
}

// ValidatorNames lists the registered validators.
func ValidatorNames() []string {
	validatorsMu.Lock()
	defer validatorsMu.Unlock()
	names := make([]string, 0, len(validators))
	for n := range validators {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
