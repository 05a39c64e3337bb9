package rules

import (
	"fmt"
	"slices"
)

// sideMatcher finds one side of a near rule.
type sideMatcher struct {
	lex     *lexicon
	pattern *patternMatcher
}

func newSide(s Side) (*sideMatcher, error) {
	m := &sideMatcher{}
	if len(s.Terms) > 0 {
		m.lex = newLexicon()
		if err := m.lex.add(0, s.Terms, s.Compound, s.Inflect); err != nil {
			return nil, err
		}
	}
	if len(s.Patterns) > 0 {
		p, err := newPatternMatcher(s.Patterns, "", 0)
		if err != nil {
			return nil, err
		}
		m.pattern = p
	}
	if m.lex == nil && m.pattern == nil {
		return nil, fmt.Errorf("each side needs terms or patterns")
	}
	return m, nil
}

// cost ranks a side by the work of matching it: word lists whose first words the
// draft's token index finds (0), word lists with compound heads, which try every
// token (1), expressions (2).
func (m *sideMatcher) cost() int {
	switch {
	case m.pattern != nil:
		return 2
	case m.lex.compound():
		return 1
	}
	return 0
}

func (m *sideMatcher) match(doc *Doc) []Hit {
	var hits []Hit
	if m.lex != nil {
		m.lex.scan(doc, func(int) bool { return true }, func(_, a, b int) { hits = append(hits, Hit{Start: a, End: b}) })
	}
	if m.pattern != nil {
		hits = append(hits, m.pattern.match(doc)...)
	}
	return hits
}

// nearMatcher finds A within N tokens of B.
type nearMatcher struct {
	a, b   *sideMatcher
	within int
	order  string
	span   string
}

func newNearMatcher(n *NearSpec) (*nearMatcher, error) {
	a, err := newSide(n.A)
	if err != nil {
		return nil, fmt.Errorf("near.a: %v", err)
	}
	b, err := newSide(n.B)
	if err != nil {
		return nil, fmt.Errorf("near.b: %v", err)
	}
	if n.Within < 0 || n.Within > 50 {
		return nil, fmt.Errorf("near.within must be 0 to 50 tokens")
	}
	if !slices.Contains([]string{"", "any", "ab"}, n.Order) {
		return nil, fmt.Errorf("near.order must be any or ab")
	}
	if !slices.Contains([]string{"", "a", "b", "both"}, n.Span) {
		return nil, fmt.Errorf("near.span must be a, b or both")
	}
	w := n.Within
	if w == 0 {
		w = 5
	}
	return &nearMatcher{a: a, b: b, within: w, order: n.Order, span: n.Span}, nil
}

func (m *nearMatcher) match(doc *Doc) []Hit {
	// Both sides must match; the cheaper side is asked first and the other only if
	// it found something.
	var as, bs []Hit
	if m.b.cost() < m.a.cost() {
		if bs = m.b.match(doc); len(bs) == 0 {
			return nil
		}
		as = m.a.match(doc)
	} else {
		if as = m.a.match(doc); len(as) == 0 {
			return nil
		}
		bs = m.b.match(doc)
	}
	return m.pair(doc, as, bs)
}

// pair reports each hit of A with the nearest hit of B within reach.
func (m *nearMatcher) pair(doc *Doc, as, bs []Hit) []Hit {
	var hits []Hit
	for _, a := range as {
		ai, aj := doc.TokenRange(a.Start, a.End)
		best, bestDist := -1, 1<<30
		for k, b := range bs {
			if b.Start < a.End && a.Start < b.End {
				continue // the same words cannot be both sides
			}
			if m.order == "ab" && b.Start < a.End {
				continue
			}
			bi, bj := doc.TokenRange(b.Start, b.End)
			dist := bi - aj
			if bi < ai {
				dist = ai - bj
			}
			if dist < 0 {
				dist = 0
			}
			if dist <= m.within && dist < bestDist {
				best, bestDist = k, dist
			}
		}
		if best < 0 {
			continue
		}
		b := bs[best]
		switch m.span {
		case "a":
			hits = append(hits, Hit{Start: a.Start, End: a.End})
		case "b":
			hits = append(hits, Hit{Start: b.Start, End: b.End})
		default:
			hits = append(hits, Hit{Start: min(a.Start, b.Start), End: max(a.End, b.End)})
		}
	}
	return hits
}
