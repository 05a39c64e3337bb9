package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/postcheck/postcheck/internal/check"
)

// Problem is an RFC 9457 problem detail with postcheck's error code.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Code     string `json:"code"`
	Instance string `json:"instance,omitempty"`
}

// writeError answers with problem+json for err. Internal errors are logged (without
// the draft) and shown to the client only as "internal error".
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := check.ErrorCode(err)
	status := check.HTTPStatus(code)
	if code == check.EInternal {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err.Error())
	}
	p := Problem{Type: "about:blank", Title: check.ErrorTitle(code), Status: status, Detail: check.ErrorMessage(err), Code: code, Instance: r.URL.Path}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(p)
}

// writeJSON encodes v into a buffer first, so an encoding failure still becomes a clean 500.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if _, err := w.Write(buf.Bytes()); err != nil {
		s.log.Debug("writing response", "err", err.Error())
	}
}
