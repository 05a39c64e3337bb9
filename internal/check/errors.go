package check

import (
	"errors"
	"fmt"
	"net/http"
)

// Error codes. Every failure a user can see carries one; the strings are part of the contract.
const (
	EInvalidJSON          = "invalid_json"
	EUnknownField         = "unknown_field"
	ETextRequired         = "text_required"
	ETextTooLong          = "text_too_long"
	EBodyTooLarge         = "body_too_large"
	EUnsupportedMediaType = "unsupported_media_type"
	EUnknownCategory      = "unknown_category"
	EInvalidSeverity      = "invalid_severity"
	EUnknownPolicy        = "unknown_policy"
	EInvalid              = "invalid_request"
	ENotFound             = "not_found"
	EMethodNotAllowed     = "method_not_allowed"
	ENotReady             = "not_ready"
	ETooManyRequests      = "too_many_requests"
	EUnauthorized         = "unauthorized"
	EInternal             = "internal"
	EPhotoRequired        = "photo_required"    // a photo request without the file field
	EUnsupportedPhoto     = "unsupported_photo" // a format postcheck cannot read or strip
	EInvalidPhoto         = "invalid_photo"     // a supported format whose structure is broken
)

// Error is a coded error whose Message is safe to show to users.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted, user-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, or EInternal when err is not a coded error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the user-safe message of err; internal errors get a generic text.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// statusByCode is the one place where error codes meet HTTP statuses.
var statusByCode = map[string]int{
	EInvalidJSON:          http.StatusBadRequest,
	EUnknownField:         http.StatusBadRequest,
	EInvalid:              http.StatusBadRequest,
	ETextRequired:         http.StatusUnprocessableEntity,
	ETextTooLong:          http.StatusUnprocessableEntity,
	EUnknownCategory:      http.StatusUnprocessableEntity,
	EInvalidSeverity:      http.StatusUnprocessableEntity,
	EUnknownPolicy:        http.StatusUnprocessableEntity,
	EBodyTooLarge:         http.StatusRequestEntityTooLarge,
	EUnsupportedMediaType: http.StatusUnsupportedMediaType,
	ENotFound:             http.StatusNotFound,
	EMethodNotAllowed:     http.StatusMethodNotAllowed,
	ENotReady:             http.StatusServiceUnavailable,
	ETooManyRequests:      http.StatusTooManyRequests,
	EUnauthorized:         http.StatusUnauthorized,
	EInternal:             http.StatusInternalServerError,
	EPhotoRequired:        http.StatusUnprocessableEntity,
	EUnsupportedPhoto:     http.StatusUnsupportedMediaType,
	EInvalidPhoto:         http.StatusUnprocessableEntity,
}

// HTTPStatus maps an error code to its HTTP status; unknown codes are 500.
func HTTPStatus(code string) int {
	if s, ok := statusByCode[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// ErrorTitle is the short, fixed title of a code for problem+json.
func ErrorTitle(code string) string {
	return http.StatusText(HTTPStatus(code))
}
