package rules

import (
	"regexp/syntax"
	"strings"
	"testing"
)

// TestNeedOffsetIsHeldByEveryMatch checks on the drafts that every match of the
// children expressions holds one of its need strings at least needFrom bytes after
// its start, and that the bound is not always zero, which would test nothing.
func TestNeedOffsetIsHeldByEveryMatch(t *testing.T) {
	texts := fastReTexts(t)
	texts = append(texts, "Sie geht auf die Sonnen-Kita und er in die Linden-Grundschule.", "She goes to Sunshine Daycare and St. Mary Elementary School.")
	positive, checked := 0, 0
	for _, re := range nearExprs() {
		f := startOf(re)
		if f.needFrom > 0 {
			positive++
		}
		if f.need == nil {
			continue
		}
		for _, s := range texts {
			for _, s := range []string{s, lowerSameLen(s)} {
				for _, m := range re.FindAllStringIndex(s, -1) {
					checked++
					ok := false
					for _, n := range f.need {
						for q := m[0] + f.needFrom; q <= m[1]-len(n) && !ok; q++ {
							ok = strings.HasPrefix(s[q:m[1]], n)
						}
					}
					if !ok {
						t.Fatalf("%s: match %q of %q holds none of %q from byte %d", re, s[m[0]:m[1]], s, f.need, f.needFrom)
					}
				}
			}
		}
	}
	if positive == 0 || checked == 0 {
		t.Fatalf("%d expressions with an offset, %d matches checked: the test proves nothing", positive, checked)
	}
}

func TestMinLenOf(t *testing.T) {
	for _, c := range []struct {
		expr string
		want int
	}{
		{`abc`, 3}, {`(?i)abc`, 3}, {`ä`, 2}, {`(?i)ä`, 1}, {`[a-z]+-`, 2}, {`(?:ab|c)d`, 2}, {`x*y?`, 0},
		{`(?:[A-Z]\w+-){1,3}`, 3}, {`\bab\b`, 2},
	} {
		re, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := minLenOf(re); got != c.want {
			t.Errorf("minLenOf(%s) = %d, want %d", c.expr, got, c.want)
		}
	}
}
