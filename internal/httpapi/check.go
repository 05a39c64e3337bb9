package httpapi

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/wire"
)

// handleCheck is POST /api/v1/check.
func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	if err := requireJSON(r); err != nil {
		s.writeError(w, r, err)
		return
	}
	body, err := s.readBody(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	req, err := wire.DecodeRequest(body)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	draft, unit, err := req.Draft()
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	rep, err := s.checker.Check(r.Context(), draft)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.metrics.report(rep)
	s.writeJSON(w, r, http.StatusOK, wire.NewResponse(rep, unit, s.checker.Engine().Version()))
}

// requireJSON accepts application/json (any charset parameter) and nothing else.
func requireJSON(r *http.Request) error {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || mt != "application/json" {
		return check.Errorf(check.EUnsupportedMediaType, "send the request as application/json, not %q", ct)
	}
	return nil
}

// readBody reads the whole body up to the limit; a larger body is refused, never cut.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBodyBytes))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, check.Errorf(check.EBodyTooLarge, "the body is larger than %d bytes", s.maxBodyBytes)
	case err != nil:
		return nil, check.Errorf(check.EInvalidJSON, "reading the body failed: %v", err)
	}
	return body, nil
}
