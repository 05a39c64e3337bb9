package policy

import (
	"os"
	"strings"
	"testing"
)

// FuzzParse feeds the policy loader any bytes: a policy or an error naming the file
// and a line, never a panic.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("../../examples/acme-policy.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("name: x\nthresholds: {review: low, block: high}\n"))
	f.Add([]byte("name: x\nterms: [{id: a, terms: [b]}]\n"))
	f.Add([]byte("name: [\n"))
	f.Add([]byte("nme: x\n"))
	known := func(id string) bool { return strings.HasPrefix(id, "tone.") }
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.yaml", data, known)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if p == nil || p.Name == "" {
			t.Fatalf("policy without a name: %+v", p)
		}
	})
}
