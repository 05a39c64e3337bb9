package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// browser starts headless Chromium for one test. Without a browser the test is
// skipped with a clear message — unless POSTCHECK_REQUIRE_BROWSER is set, as in CI.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("POSTCHECK_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium found, but POSTCHECK_REQUIRE_BROWSER is set: install Debian's chromium")
		}
		t.Skip("browser test skipped: no Chromium on this machine (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 1000))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA() })
	// The first call starts the browser; it must not carry a timeout, which would stop it.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	tctx, cancelC := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelC)
	return tctx
}

// screenshot saves a PNG of the page for people to look at (not committed).
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("POSTCHECK_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "postcheck-screenshots")
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	_ = os.MkdirAll(dir, 0o755)
	_ = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}

const browserDraft = "Grüße 🌞 an alle! Du Vollidiot, das war daneben."

func TestBrowserChecksAndHighlightsWithJavaScript(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(rm.URL+"/?lang=de"),
		chromedp.WaitVisible(chromedp.CSS("#draft")),
		chromedp.SendKeys(chromedp.CSS("#draft"), browserDraft),
		chromedp.Click(chromedp.CSS("#check-button")),
		chromedp.WaitVisible(chromedp.CSS("#highlight mark")),
	)
	if err != nil {
		t.Fatal(err)
	}
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#highlight mark")).map(m => m.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	verdict, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#verdict strong")))
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "js-report")
	if !contains(marks, "Vollidiot") {
		t.Errorf("highlighted %q, want the span Vollidiot", marks)
	}
	for _, m := range marks {
		if !strings.Contains(browserDraft, m) {
			t.Errorf("highlight %q is not a slice of the draft (offsets shifted after the emoji?)", m)
		}
	}
	if verdict != "Nicht posten" {
		t.Errorf("verdict banner %q", verdict)
	}
}

func TestBrowserFormWorksWithoutJavaScript(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(rm.URL+"/?lang=de"),
		chromedp.WaitVisible(chromedp.CSS("#draft")),
		chromedp.SendKeys(chromedp.CSS("#draft"), browserDraft),
		chromedp.Click(chromedp.CSS("#check-button")),
		chromedp.WaitVisible(chromedp.CSS("#highlight")),
	)
	if err != nil {
		t.Fatal(err)
	}
	html, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("#highlight")))
	if err != nil {
		t.Fatal(err)
	}
	hint, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("#live-hint")))
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "nojs-report")
	if !strings.Contains(html, ">Vollidiot</mark>") || !strings.Contains(html, "Grüße 🌞 an alle! Du ") {
		t.Errorf("server-rendered highlight wrong: %s", html)
	}
	if !strings.Contains(hint, "hidden") {
		t.Error("the live hint is visible, so JavaScript ran: the no-JS path was not tested")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
