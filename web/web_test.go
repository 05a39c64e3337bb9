package web

import (
	"io/fs"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestEveryUIStringExistsInBothLanguages(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		ui := reflect.ValueOf(Strings(lang))
		for i := 0; i < ui.NumField(); i++ {
			f := ui.Type().Field(i)
			if f.Type.Kind() == reflect.String && ui.Field(i).String() == "" {
				t.Errorf("%s: %s is empty", lang, f.Name)
			}
		}
		for _, cat := range []string{"children", "customer", "tone", "privacy", "hate"} {
			if Strings(lang).Tips[cat] == "" {
				t.Errorf("%s: no tip for %s", lang, cat)
			}
		}
	}
	if Strings("fr").Lang != "en" {
		t.Error("an unknown language should fall back to English")
	}
}

// The Content-Security-Policy forbids inline script and style; these checks keep the
// files from relying on either, so nothing breaks silently in the browser.
func TestTemplatesAndScriptStayWithinTheContentSecurityPolicy(t *testing.T) {
	inline := map[string]*regexp.Regexp{
		"an inline script":     regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]`),
		"a script without src": regexp.MustCompile(`<script(?:(?:\s(?:type|defer|async)(?:="[^"]*")?)*)>`),
		"a style element":      regexp.MustCompile(`<style`),
		"a style attribute":    regexp.MustCompile(`\sstyle=`),
		"an event handler":     regexp.MustCompile(`\son[a-z]+=`),
		"a javascript: URL":    regexp.MustCompile(`javascript:`),
		"an external asset":    regexp.MustCompile(`(?:src|href)="(?:https?:)?//`),
	}
	b, err := fs.ReadFile(templates, "templates/index.html")
	if err != nil {
		t.Fatal(err)
	}
	for what, re := range inline {
		if loc := re.FindIndex(b); loc != nil {
			t.Errorf("index.html holds %s: %q", what, b[loc[0]:min(loc[1]+20, len(b))])
		}
	}
	js, err := fs.ReadFile(Static(), "app.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", ".style.", "setAttribute(\"style\"", "localStorage.setItem(\"postcheck.draft"} {
		if strings.Contains(string(js), bad) {
			t.Errorf("app.js uses %s: findings are put in with textContent only, styles come from style.css", bad)
		}
	}
	if _, err := Templates(); err != nil {
		t.Fatal(err)
	}
}
