// Package wire is postcheck's JSON contract: decoding check requests strictly and
// rendering reports with offsets in the client's unit. The HTTP API and the CLI share it.
package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/text"
)

// Context is the optional posting context of a request.
type Context struct {
	Platform string `json:"platform"`
	Audience string `json:"audience"`
}

// Request is the body of POST /api/v1/check. Only Text is required.
type Request struct {
	Text          *string  `json:"text"`
	Language      string   `json:"language"`
	Categories    []string `json:"categories"`
	DisabledRules []string `json:"disabledRules"`
	MinSeverity   string   `json:"minSeverity"`
	Policy        string   `json:"policy"`
	Context       *Context `json:"context"`
	Redact        bool     `json:"redact"`
	Explain       bool     `json:"explain"`
	OffsetUnit    string   `json:"offsetUnit"`
}

// Draft converts the request to a domain draft and its offset unit.
func (r *Request) Draft() (check.Draft, text.Unit, error) {
	unit, err := text.ParseUnit(r.OffsetUnit)
	if err != nil {
		return check.Draft{}, "", check.Errorf(check.EInvalid, "%v", err)
	}
	if r.Text == nil {
		return check.Draft{}, "", check.Errorf(check.ETextRequired, "text is required")
	}
	d := check.Draft{Text: *r.Text, Language: r.Language, Categories: r.Categories, DisabledRules: r.DisabledRules,
		MinSeverity: r.MinSeverity, Policy: r.Policy, Redact: r.Redact, Explain: r.Explain}
	if r.Context != nil {
		d.Platform, d.Audience = r.Context.Platform, r.Context.Audience
	}
	return d, unit, nil
}

// DecodeRequest reads exactly one JSON object from data. It rejects invalid UTF-8,
// unknown fields, wrong types and trailing data with coded errors.
func DecodeRequest(data []byte) (*Request, error) {
	var req Request
	if err := DecodeStrict(data, &req); err != nil {
		return nil, err
	}
	return &req, nil
}

// DecodeStrict decodes one JSON value into v with the contract's error codes.
func DecodeStrict(data []byte, v any) error {
	if !utf8.Valid(data) {
		return check.Errorf(check.EInvalidJSON, "the body is not valid UTF-8")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return check.Errorf(check.EInvalidJSON, "the body is empty: send a JSON object such as {\"text\": \"…\"}")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return check.Errorf(check.EInvalidJSON, "unexpected data after the JSON object")
	}
	return nil
}

func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return check.Errorf(check.EInvalidJSON, "invalid JSON at byte %d: %v", syn.Offset, syn)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return check.Errorf(check.EInvalidJSON, "the body must be a JSON object, not %s", typ.Value)
		}
		return check.Errorf(check.EInvalidJSON, "field %q must be %s, not %s", field, jsonType(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return check.Errorf(check.EInvalidJSON, "the JSON object is incomplete")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return check.Errorf(check.EUnknownField, "%s is not part of the request", strings.TrimPrefix(err.Error(), "json: "))
	}
	var ce *check.Error
	if errors.As(err, &ce) {
		return ce
	}
	return check.Errorf(check.EInvalidJSON, "invalid JSON: %v", err)
}

func jsonType(kind string) string {
	switch kind {
	case "string", "ptr":
		return "a string"
	case "bool":
		return "true or false"
	case "slice":
		return "an array"
	case "struct":
		return "an object"
	}
	return fmt.Sprintf("of kind %s", kind)
}
