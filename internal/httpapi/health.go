package httpapi

import (
	"net/http"

	"github.com/postcheck/postcheck/internal/check"
)

// readyDraft is checked by /readyz: it must produce findings through the real checker.
const readyDraft = "Du Vollidiot!"

func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, r, http.StatusOK, map[string]string{"status": "ok"})
}

// handleReadyz runs a canned draft through the real checker; 503 while draining.
func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		s.writeError(w, r, check.Errorf(check.ENotReady, "shutting down"))
		return
	}
	rep, err := s.checker.Check(r.Context(), check.Draft{Text: readyDraft, Language: "de"})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if len(rep.Findings) == 0 {
		s.writeError(w, r, check.Errorf(check.ENotReady, "the canned draft produced no findings: the rule packs look empty"))
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"status": "ready", "rules": len(s.checker.Engine().Rules())})
}
