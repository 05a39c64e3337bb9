package rules

import (
	"fmt"
	"regexp"

	"github.com/postcheck/postcheck/internal/text"
)

// patternMatcher runs regular expressions over the normalised text (default) or the
// original text ("raw"). Normalised text is lower case, with ä→ae, ö→oe, ü→ue, ß→ss.
type patternMatcher struct {
	res []*regexp.Regexp
	// guards[i] skips drafts that res[i] cannot match
	guards []*text.Guard
	// scans[i], when not nil, runs res[i] only where a match can begin
	scans []*wordScan
	raw   bool
	group int
}

func newPatternMatcher(patterns []string, on string, group int) (*patternMatcher, error) {
	if len(patterns) == 0 {
		return nil, fmt.Errorf("a pattern rule needs patterns")
	}
	m := &patternMatcher{group: group}
	switch on {
	case "", "norm":
	case "raw":
		m.raw = true
	default:
		return nil, fmt.Errorf("on must be norm or raw, not %q", on)
	}
	for _, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %v", p, err)
		}
		if group < 0 || group > re.NumSubexp() {
			return nil, fmt.Errorf("pattern %q has no group %d", p, group)
		}
		m.res = append(m.res, re)
		m.guards = append(m.guards, text.NewGuard(re))
		m.scans = append(m.scans, scanFor(re))
	}
	return m, nil
}

func (m *patternMatcher) match(doc *Doc) []Hit {
	var hits []Hit
	subject := doc.Norm
	if m.raw {
		subject = doc.Original
	}
	for i, re := range m.res {
		if m.raw && !m.guards[i].MayMatchIn(doc.Folded()) || !m.raw && !m.guards[i].MayMatchIn(doc.FoldedNorm()) {
			continue
		}
		var locs [][]int
		if m.scans[i] != nil {
			if m.raw {
				locs = m.scans[i].findAllSubmatchIn(re, doc.scanOriginal())
			} else {
				locs = m.scans[i].findAllSubmatchIn(re, doc.scanNormalised())
			}
		} else {
			locs = re.FindAllStringSubmatchIndex(subject, -1)
		}
		for _, loc := range locs {
			a, b := loc[2*m.group], loc[2*m.group+1]
			if a < 0 || a == b {
				continue
			}
			if !m.raw {
				a, b = doc.ToOriginal(a, b)
			}
			if a < b {
				hits = append(hits, Hit{Start: a, End: b})
			}
		}
	}
	return hits
}
