package rules

// A dense draft names the same Kita or age again and again; each of its details
// carries the same replacement texts. The engine only reads a hit's Replacements and
// Redaction (and copies what it picks), so the hits of one draft that say the same
// may share one pair of maps instead of allocating two each.

// redactions holds the replacement maps made so far for one draft.
type redactions []redaction

type redaction struct {
	de, en string
	repl   Texts
	red    Text // nil when de is empty: the rule's own redaction text stays
}

// of returns the replacements and the redaction text of a detail whose replacement
// is de in German and en in English.
func (r *redactions) of(de, en string) (Texts, Text) {
	for _, x := range *r {
		if x.de == de && x.en == en {
			return x.repl, x.red
		}
	}
	x := redaction{de: de, en: en, repl: Texts{"de": {de}, "en": {en}}}
	if de != "" {
		x.red = Text{"de": de, "en": en}
	}
	*r = append(*r, x)
	return x.repl, x.red
}
