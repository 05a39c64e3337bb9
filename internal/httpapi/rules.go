package httpapi

import (
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"

	"github.com/postcheck/postcheck/internal/check"
)

type rulesResponse struct {
	RulesetVersion string               `json:"rulesetVersion"`
	Categories     []check.CategoryInfo `json:"categories"`
	Rules          []check.RuleInfo     `json:"rules"`
}

// handleRules is GET /api/v1/rules?category=&language=&policy=; with a policy its
// own rules (organisation terms, extra rules) are listed too.
func (s *Server) handleRules(w http.ResponseWriter, r *http.Request) {
	cat, lang := r.URL.Query().Get("category"), r.URL.Query().Get("language")
	if cat != "" {
		if _, err := check.ParseCategory(cat); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	all := s.checker.Engine().Rules()
	if name := r.URL.Query().Get("policy"); name != "" {
		pol, ok := s.checker.Policies().Policy(name)
		if !ok {
			s.writeError(w, r, check.Errorf(check.EUnknownPolicy, "unknown policy %q", name))
			return
		}
		if pol.Extra != nil {
			all = append(all, pol.Extra.Rules()...)
		}
	}
	out := rulesResponse{RulesetVersion: s.checker.Engine().Version(), Categories: check.CategoryInfos("en"), Rules: []check.RuleInfo{}}
	for _, ri := range all {
		if cat != "" && string(ri.Category) != cat {
			continue
		}
		if lang != "" && !slices.Contains(ri.Languages, lang) && !slices.Contains(ri.Languages, "*") {
			continue
		}
		out.Rules = append(out.Rules, ri)
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// handleRule is GET /api/v1/rules/{ruleId}; an unknown id is a 404.
func (s *Server) handleRule(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "ruleId")
	for _, ri := range s.checker.Engine().Rules() {
		if ri.ID == id {
			s.writeJSON(w, r, http.StatusOK, ri)
			return
		}
	}
	s.writeError(w, r, check.Errorf(check.ENotFound, "no rule %q", id))
}

type policyInfo struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Audience    string   `json:"audience"`
	Categories  []string `json:"categories"`
	Default     bool     `json:"default"`
}

// handlePolicies is GET /api/v1/policies.
func (s *Server) handlePolicies(w http.ResponseWriter, r *http.Request) {
	src := s.checker.Policies()
	def, _ := src.Policy("")
	out := struct {
		Policies []policyInfo `json:"policies"`
	}{Policies: []policyInfo{}}
	for _, p := range src.List() {
		cats := []string{}
		for _, c := range p.Categories {
			cats = append(cats, string(c))
		}
		if len(cats) == 0 {
			for _, c := range check.Categories {
				cats = append(cats, string(c))
			}
		}
		out.Policies = append(out.Policies, policyInfo{Name: p.Name, Description: p.Description, Audience: p.Audience, Categories: cats, Default: p == def})
	}
	s.writeJSON(w, r, http.StatusOK, out)
}
