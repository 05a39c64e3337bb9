// Package web holds the browser form: templates, styles, script and UI strings,
// embedded into the binary. No asset is loaded from anywhere else.
package web

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
)

//go:embed templates/*.html
var templates embed.FS

//go:embed static
var static embed.FS

// views are the templates the server renders; Templates fails if one is missing.
var views = []string{"index.html"}

// Templates parses the templates once and checks that every view exists.
func Templates() (*template.Template, error) {
	t, err := template.New("").Funcs(template.FuncMap{
		"sevclass": func(s fmt.Stringer) string { return "sev-" + s.String() },
	}).ParseFS(templates, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parsing templates: %w", err)
	}
	for _, v := range views {
		if t.Lookup(v) == nil {
			return nil, fmt.Errorf("template %s is missing", v)
		}
	}
	return t, nil
}

// Static returns the static files (CSS, JavaScript, icons).
func Static() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}
