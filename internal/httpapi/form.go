package httpapi

import (
	"bytes"
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/postcheck/postcheck/internal/check"
	"github.com/postcheck/postcheck/internal/photo"
	"github.com/postcheck/postcheck/web"
)

// segment is a stretch of the draft, marked when findings cover it.
type segment struct {
	Text     string
	Marked   bool
	Severity string
	Category string
	IDs      string // ids of the findings that cover it, space separated
	First    string // the id of the most severe of them, whose card the mark links to
	Overlap  bool   // more than one finding covers it
	Title    string
}

// count is one tip's number of findings for the counts row.
type count struct {
	Category string
	Title    string
	N        int
}

type card struct {
	ID          string
	RuleID      string
	Severity    string
	SevLabel    string
	Text        string
	Message     string
	Explanation string
	Suggestion  *check.Suggestion
}

type group struct {
	Category string
	Title    string
	Cards    []card
}

type formView struct {
	UI        web.UI
	Text      string
	Checked   bool
	Report    *check.Report
	Verdict   string
	Segments  []segment
	Groups    []group
	Error     string
	Policies  []*check.Policy
	Policy    string
	Audience  string
	Audiences []string
	Redacted  string
	Counts    []count
	Summary   string // the report's summary without the verdict words the banner already shows

	Photo      *PhotoReport
	PhotoName  string
	PhotoError string
}

func (s *Server) uiLang(r *http.Request) string {
	return web.PickLanguage(r.URL.Query().Get("lang"), r.Header.Get("Accept-Language"))
}

// handleForm is GET /: the empty form.
func (s *Server) handleForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, s.newView(r))
}

func (s *Server) newView(r *http.Request) *formView {
	return &formView{UI: web.Strings(s.uiLang(r)), Policies: s.checker.Policies().List(), Audiences: check.Audiences}
}

// handleFormPost is POST /: the no-JavaScript path. It checks the draft and renders
// the report with the spans marked; a photo sent along is checked too.
func (s *Server) handleFormPost(w http.ResponseWriter, r *http.Request) {
	v := s.newView(r)
	fields, up, status, err := s.readForm(w, r)
	if err != nil {
		v.Error = check.ErrorMessage(err)
		if lang := fields["lang"]; lang == "de" || lang == "en" {
			v.UI = web.Strings(lang)
		}
		s.render(w, r, status, v)
		return
	}
	if l := fields["lang"]; l == "de" || l == "en" {
		v.UI = web.Strings(l)
	}
	v.Text, v.Policy, v.Audience = fields["text"], fields["policy"], fields["audience"]
	if up != nil && up.photo != nil {
		v.PhotoName = up.filename
		if m, err := photo.Analyze(up.photo); err != nil {
			v.PhotoError = check.ErrorMessage(photoError(err))
		} else {
			v.Photo = photoReport(m, v.UI.Lang)
		}
		if strings.TrimSpace(v.Text) == "" { // a photo alone is a complete request
			s.render(w, r, http.StatusOK, v)
			return
		}
	}
	rep, err := s.checker.Check(r.Context(), check.Draft{Text: v.Text, Policy: v.Policy, Audience: v.Audience, Redact: fields["redact"] != ""})
	if err != nil {
		v.Error = check.ErrorMessage(err)
		s.render(w, r, check.HTTPStatus(check.ErrorCode(err)), v)
		return
	}
	s.metrics.report(rep)
	v.Checked, v.Report, v.Verdict = true, rep, string(rep.Verdict)
	v.Summary = trimVerdict(rep.Summary, map[string]string{"pass": v.UI.Pass, "review": v.UI.Review, "block": v.UI.Block}[v.Verdict])
	v.Segments = segments(rep)
	v.Groups = groups(v.UI, rep)
	for _, cat := range check.Categories {
		n := 0
		for _, f := range rep.Findings {
			if f.Category == cat {
				n++
			}
		}
		v.Counts = append(v.Counts, count{Category: string(cat), Title: v.UI.Tips[string(cat)], N: n})
	}
	if rep.Redacted != nil {
		v.Redacted = rep.Redacted.Text
	}
	s.render(w, r, http.StatusOK, v)
}

// readForm reads a URL-encoded or a multipart form (the latter may carry a photo),
// returning the fields and, on failure, the HTTP status to answer with.
func (s *Server) readForm(w http.ResponseWriter, r *http.Request) (map[string]string, *upload, int, error) {
	fields := map[string]string{}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		up, err := s.readUpload(w, r, s.maxBodyBytes)
		if err != nil {
			return fields, nil, check.HTTPStatus(check.ErrorCode(err)), err
		}
		return up.fields, up, http.StatusOK, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.maxBodyBytes)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return fields, nil, http.StatusRequestEntityTooLarge, check.Errorf(check.EBodyTooLarge, "the form is larger than %d bytes", s.maxBodyBytes)
		}
		return fields, nil, http.StatusBadRequest, check.Errorf(check.EInvalid, "the form could not be read")
	}
	for k := range r.PostForm {
		fields[k] = r.PostForm.Get(k)
	}
	return fields, nil, http.StatusOK, nil
}

// trimVerdict drops a leading "Label …:" from the summary when the banner already
// shows the label in bold ("Do not post yet: 4 findings" under "Do not post").
func trimVerdict(summary, label string) string {
	head, rest, ok := strings.Cut(summary, ":")
	if ok && label != "" && len(head) <= len(label)+12 && strings.HasPrefix(strings.ToLower(head), strings.ToLower(label)) {
		return strings.TrimSpace(rest)
	}
	return summary
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, v *formView) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, "index.html", v); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// segments cuts the draft at every finding boundary; each piece is marked with the
// most severe finding that covers it, so overlapping findings stay readable.
func segments(rep *check.Report) []segment {
	cuts := []int{0, len(rep.Text)}
	for _, f := range rep.Findings {
		cuts = append(cuts, f.Span.Start, f.Span.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		seg := segment{Text: rep.Text[a:b]}
		var top *check.Finding
		topK := 0
		for k := range rep.Findings {
			f := &rep.Findings[k]
			if f.Span.Start <= a && b <= f.Span.End {
				if seg.IDs != "" {
					seg.IDs += " "
				}
				seg.IDs += findingID(k)
				if top == nil || f.Severity > top.Severity {
					top, topK = f, k
				}
			}
		}
		if top != nil {
			seg.Marked, seg.Severity, seg.Category, seg.Title = true, top.Severity.String(), string(top.Category), top.Message
			seg.First = findingID(topK)
			seg.Overlap = strings.Contains(seg.IDs, " ")
		}
		out = append(out, seg)
	}
	return out
}

func findingID(i int) string { return "f" + itoa(i+1) }

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}

// groups sorts the findings under the tips they belong to.
func groups(ui web.UI, rep *check.Report) []group {
	var out []group
	for _, cat := range check.Categories {
		g := group{Category: string(cat), Title: ui.Tips[string(cat)]}
		for k, f := range rep.Findings {
			if f.Category != cat {
				continue
			}
			label := map[check.Severity]string{check.Low: ui.Low, check.Medium: ui.Medium, check.High: ui.High}[f.Severity]
			g.Cards = append(g.Cards, card{ID: findingID(k), RuleID: f.RuleID, Severity: f.Severity.String(), SevLabel: label,
				Text: rep.Text[f.Span.Start:f.Span.End], Message: f.Message, Explanation: f.Explanation, Suggestion: f.Suggestion})
		}
		if len(g.Cards) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func (s *Server) staticHandler() http.Handler {
	fsrv := http.FileServer(http.FS(s.static))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := fs.Stat(s.static, r.URL.Path); err != nil {
			s.writeError(w, r, check.Errorf(check.ENotFound, "no such file"))
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}
