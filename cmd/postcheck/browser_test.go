package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/postcheck/postcheck/internal/photo"
	"github.com/postcheck/postcheck/internal/photo/phototest"
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
		chromedp.Flag("lang", "en-US"), chromedp.Flag("accept-lang", "en-US"),
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

// must runs the actions and stops the test on the first error.
func must(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// jsEval evaluates a JavaScript expression in the page.
func jsEval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitJS polls a JavaScript condition until it is true.
func waitJS(t *testing.T, ctx context.Context, cond string, what string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")")); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s (%s)", what, cond)
}

// press sends keys to whatever has the focus, as a keyboard would.
func press(t *testing.T, ctx context.Context, keys string) {
	t.Helper()
	must(t, ctx, chromedp.KeyEvent(keys))
}

// waitChecked waits until the result shown belongs to the whole text in the editor.
func waitChecked(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, `document.getElementById("results").dataset.state === "done" && document.getElementById("verdict")`, "the check of the whole draft")
}

func activeID(t *testing.T, ctx context.Context) string {
	t.Helper()
	return jsEval[string](t, ctx, `document.activeElement ? (document.activeElement.id || document.activeElement.className || document.activeElement.tagName) : ""`)
}

const browserDraft = "Grüße 🌞 an alle! Du Vollidiot, das war daneben."

// childDraft yields overlapping findings, one of them with a replacement for "Kita Sonnenschein".
const childDraft = "Meine Tochter Emma (4) geht in die Kita Sonnenschein."

func TestBrowserChecksAndHighlightsWithJavaScript(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	// No click on "check": the form checks while the author types.
	must(t, ctx,
		chromedp.Navigate(rm.URL+"/?lang=de"),
		chromedp.WaitVisible(chromedp.CSS("#draft")),
		chromedp.SendKeys(chromedp.CSS("#draft"), browserDraft),
		chromedp.WaitVisible(chromedp.CSS("#highlight mark")),
	)
	waitChecked(t, ctx)
	marks := jsEval[[]string](t, ctx, `Array.from(document.querySelectorAll("#highlight mark")).map(m => m.textContent)`)
	behind := jsEval[[]string](t, ctx, `Array.from(document.querySelectorAll("#backdrop mark")).map(m => m.textContent)`)
	verdict := jsEval[string](t, ctx, `document.querySelector("#verdict strong").textContent`)
	screenshot(t, ctx, "js-report")
	if !contains(marks, "Vollidiot") || !contains(behind, "Vollidiot") {
		t.Errorf("highlighted %q below and %q in place, want the span Vollidiot in both", marks, behind)
	}
	for _, m := range marks {
		if !strings.Contains(browserDraft, m) {
			t.Errorf("highlight %q is not a slice of the draft (offsets shifted after the emoji?)", m)
		}
	}
	if verdict != "Nicht posten" {
		t.Errorf("verdict banner %q", verdict)
	}
	waitJS(t, ctx, `document.getElementById("live-status").textContent.startsWith("Nicht posten. 1 Fundstelle")`, "the live region to announce the result")
	if n := jsEval[int](t, ctx, `document.querySelectorAll("#counts li").length`); n != 5 {
		t.Errorf("%d category counts, want all five tips", n)
	}
	if got := jsEval[string](t, ctx, `document.querySelector("#counts li[data-category=tone] .n").textContent`); got != "1" {
		t.Errorf("tone count %q, want 1", got)
	}

	t.Run("a click on a highlight below the editor opens its card", func(t *testing.T) {
		must(t, ctx, chromedp.Click(chromedp.CSS("#highlight mark")))
		waitJS(t, ctx, `document.activeElement && document.activeElement.classList.contains("card")`, "the card to take the focus")
		if !jsEval[bool](t, ctx, `document.activeElement.classList.contains("active") && document.activeElement.querySelector(".msg").textContent.includes("Vollidiot")`) {
			t.Error("the focused card is not the insult's card")
		}
	})

	t.Run("a click on a highlight in the editor opens its card and keeps typing possible", func(t *testing.T) {
		jsEval[bool](t, ctx, `document.querySelectorAll(".card.active").forEach(c => c.classList.remove("active")), window.scrollTo(0, 0), true`)
		box := jsEval[[]float64](t, ctx, `(r => [r.left + r.width / 2, r.top + r.height / 2])(document.querySelector("#backdrop mark").getBoundingClientRect())`)
		must(t, ctx, chromedp.MouseClickXY(box[0], box[1]))
		waitJS(t, ctx, `document.querySelector(".card.active")`, "a card to open")
		if id := activeID(t, ctx); id != "draft" {
			t.Errorf("focus moved to %q; it should stay in the editor", id)
		}
	})

	t.Run("answers to older text are thrown away", func(t *testing.T) {
		// The first answer is held back until after a newer one has arrived.
		jsEval[bool](t, ctx, `(() => {
			const real = window.fetch;
			window.fetch = (url, opts) => {
				const p = real(url, opts);
				if (opts && String(opts.body).includes("Vollidiot")) return p.then(r => new Promise(ok => setTimeout(() => ok(r), 1500)));
				return p;
			};
			return true;
		})()`)
		clear := `(document.getElementById("draft").value = "", true)`
		jsEval[bool](t, ctx, clear)
		must(t, ctx, chromedp.SendKeys(chromedp.CSS("#draft"), "Du Vollidiot"))
		time.Sleep(500 * time.Millisecond) // the slow check is under way
		jsEval[bool](t, ctx, clear)
		must(t, ctx, chromedp.SendKeys(chromedp.CSS("#draft"), "Schöne Grüße an alle"))
		waitJS(t, ctx, `document.querySelector("#verdict strong") && document.querySelector("#verdict strong").textContent === "Kann so raus"`, "the newer answer")
		time.Sleep(1500 * time.Millisecond) // the stale answer arrives now
		if v := jsEval[string](t, ctx, `document.querySelector("#verdict strong").textContent`); v != "Kann so raus" {
			t.Errorf("a stale answer replaced the newer one: verdict %q", v)
		}
		if n := jsEval[int](t, ctx, `document.querySelectorAll("#backdrop mark").length`); n != 0 {
			t.Errorf("%d stale marks in the editor", n)
		}
	})
}

func TestBrowserAppliesASuggestionAndCopiesTheRedactedText(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission: &cdpbrowser.PermissionDescriptor{Name: "clipboard-read"}, Setting: cdpbrowser.PermissionSettingGranted, Origin: rm.URL}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission: &cdpbrowser.PermissionDescriptor{Name: "clipboard-write"}, Setting: cdpbrowser.PermissionSettingGranted, Origin: rm.URL}); err != nil {
		t.Fatal(err)
	}
	must(t, ctx,
		chromedp.Navigate(rm.URL+"/?lang=de"),
		chromedp.SendKeys(chromedp.CSS("#draft"), childDraft),
		chromedp.WaitVisible(chromedp.CSS("#highlight mark.overlap")),
	)
	waitChecked(t, ctx)
	// A click on words under several findings opens the most serious card and marks the others.
	must(t, ctx, chromedp.Click(chromedp.CSS("#highlight mark.overlap")))
	waitJS(t, ctx, `document.activeElement.classList.contains("active")`, "the most serious card")
	if n := jsEval[int](t, ctx, `document.querySelectorAll(".card.related").length`); n < 1 {
		t.Errorf("%d related cards marked for an overlap, want at least one", n)
	}
	screenshot(t, ctx, "js-overlap-cards")
	redacted := jsEval[string](t, ctx, `document.getElementById("redacted").textContent`)
	must(t, ctx, chromedp.Click(chromedp.CSS("#copy-redacted")))
	waitJS(t, ctx, `document.getElementById("copy-status").textContent !== ""`, "the copy confirmation")
	if s := jsEval[string](t, ctx, `document.getElementById("copy-status").textContent`); s != "Geschwärzter Text kopiert." {
		t.Errorf("copy status %q", s)
	}
	clip, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("reading the clipboard: %v", err)
	}
	if clip != redacted || strings.Contains(clip, "Emma") || strings.Contains(clip, "Sonnenschein") {
		t.Errorf("clipboard %q, want the redacted text %q", clip, redacted)
	}

	// Apply the replacement offered for the named Kita.
	sel := `[...document.querySelectorAll("button.apply")].find(b => b.textContent === "Übernehmen: Kita")`
	if !jsEval[bool](t, ctx, "!!"+sel) {
		t.Fatalf("no apply button for the Kita: %v", jsEval[[]string](t, ctx, `[...document.querySelectorAll("button.apply")].map(b => b.textContent)`))
	}
	jsEval[bool](t, ctx, sel+".click(), true")
	waitJS(t, ctx, `document.getElementById("draft").value === "Meine Tochter Emma (4) geht in die Kita."`, "the replacement in the draft")
	waitJS(t, ctx, `![...document.querySelectorAll(".card q")].some(q => q.textContent.includes("Sonnenschein"))`, "a new check without the Kita finding")
	if id := activeID(t, ctx); id != "draft" {
		t.Errorf("after applying the focus is on %q, want the editor", id)
	}
	screenshot(t, ctx, "js-after-apply")
}

func TestBrowserSwitchesLanguageAndRemembersIt(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	must(t, ctx,
		chromedp.Navigate(rm.URL+"/"),
		chromedp.SendKeys(chromedp.CSS("#draft"), "You idiot, call me on +44 7700 900123"),
		chromedp.WaitVisible(chromedp.CSS("#highlight mark")),
	)
	waitChecked(t, ctx)
	if l := jsEval[string](t, ctx, `document.documentElement.lang`); l != "en" {
		t.Fatalf("an English browser got %q", l)
	}
	if v := jsEval[string](t, ctx, `document.querySelector("#verdict strong").textContent`); v != "Do not post" {
		t.Errorf("English verdict %q", v)
	}
	must(t, ctx, chromedp.Click(chromedp.CSS("#lang-switch")))
	waitJS(t, ctx, `document.documentElement.lang === "de" && document.querySelector("#verdict strong").textContent === "Nicht posten"`, "the German interface")
	screenshot(t, ctx, "language-de")
	checks := map[string]string{
		`document.querySelector("h1").textContent`:                                  "postcheck – erst prüfen, dann posten",
		`document.querySelector("label[for=draft]").textContent`:                    "Ihr Entwurf",
		`document.getElementById("lang-switch").textContent`:                        "English",
		`document.getElementById("draft").value`:                                    "You idiot, call me on +44 7700 900123",
		`document.getElementById("draft").placeholder`:                              "Entwurf hier einfügen …",
		`document.querySelector("#counts li[data-category=tone] span").textContent`: "3 · Angemessener Ton",
		`localStorage.getItem("postcheck.lang")`:                                    "de",
		`document.cookie`:                                                           "",
	}
	for js, want := range checks {
		if got := jsEval[string](t, ctx, js); got != want {
			t.Errorf("%s = %q, want %q", js, got, want)
		}
	}
	// A fresh visit without ?lang= follows the stored choice.
	must(t, ctx, chromedp.Navigate(rm.URL+"/"))
	waitJS(t, ctx, `document.documentElement.lang === "de" && document.querySelector("h1").textContent.startsWith("postcheck – erst")`, "the remembered German interface")
	must(t, ctx, chromedp.Click(chromedp.CSS("#lang-switch")))
	waitJS(t, ctx, `document.documentElement.lang === "en" && localStorage.getItem("postcheck.lang") === "en"`, "English again")
}

func TestBrowserWorksWithTheKeyboardAlone(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	must(t, ctx, chromedp.Navigate(rm.URL+"/?lang=de"), chromedp.WaitVisible(chromedp.CSS("#draft")))
	press(t, ctx, kb.Tab)
	if c := activeID(t, ctx); c != "skip" {
		t.Errorf("the first Tab reaches %q, want the skip link", c)
	}
	press(t, ctx, kb.Tab)
	press(t, ctx, kb.Tab)
	if id := activeID(t, ctx); id != "draft" {
		t.Fatalf("the third Tab reaches %q, want the editor", id)
	}
	press(t, ctx, childDraft)
	waitChecked(t, ctx)

	// Tab onwards to the first mark below the editor; Enter opens its card.
	for i := 0; i < 12 && !jsEval[bool](t, ctx, `document.activeElement.tagName === "MARK"`); i++ {
		press(t, ctx, kb.Tab)
	}
	if !jsEval[bool](t, ctx, `document.activeElement.tagName === "MARK"`) {
		t.Fatalf("Tab never reached a mark; focus is on %q", activeID(t, ctx))
	}
	if o := jsEval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); o == "none" {
		t.Error("the focused mark shows no focus outline")
	}
	press(t, ctx, kb.Enter)
	waitJS(t, ctx, `document.activeElement.classList.contains("card")`, "the card to take the focus")
	screenshot(t, ctx, "keyboard-card")
	press(t, ctx, kb.Escape)
	if !jsEval[bool](t, ctx, `document.activeElement.tagName === "MARK"`) {
		t.Errorf("Escape in a card should return to its mark, focus is on %q", activeID(t, ctx))
	}
	// Onwards to an "apply" button; Enter applies it.
	before := jsEval[string](t, ctx, `document.getElementById("draft").value`)
	for i := 0; i < 40 && !jsEval[bool](t, ctx, `document.activeElement.classList.contains("apply")`); i++ {
		press(t, ctx, kb.Tab)
	}
	if !jsEval[bool](t, ctx, `document.activeElement.classList.contains("apply")`) {
		t.Fatalf("Tab never reached an apply button; focus is on %q", activeID(t, ctx))
	}
	press(t, ctx, kb.Enter)
	waitJS(t, ctx, `document.getElementById("draft").value !== `+fmt.Sprintf("%q", before), "the draft to change")
	if id := activeID(t, ctx); id != "draft" {
		t.Errorf("after applying the focus is on %q, want the editor", id)
	}
}

// holidayPhoto is a phone picture with position, owner and serial number.
func holidayPhoto(t *testing.T) string {
	t.Helper()
	exif := phototest.Exif{Make: "Pixelphone", Model: "P9 Pro", DateTimeOriginal: "2026:07:14 18:02:11", Owner: "Anna Keller",
		BodySerial: "SN-4711-0815", Software: "HDR+ 1.0", GPS: true, Latitude: 52.516275, Longitude: 13.377704, Altitude: 34, Orientation: 6}
	p := filepath.Join(t.TempDir(), "IMG_2041.jpg")
	if err := os.WriteFile(p, phototest.JPEG(320, 240, phototest.ExifSegment(exif)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// allowDownloads sends the browser's downloads into a fresh folder.
func allowDownloads(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// downloaded waits for a finished download called name.
func downloaded(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(b) > 0 {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no download %s; the folder holds %v", name, entries)
	return nil
}

func assertClean(t *testing.T, b []byte) {
	t.Helper()
	m, err := photo.Analyze(b)
	if err != nil {
		t.Fatalf("the downloaded photo does not parse: %v", err)
	}
	if m.GPS != nil || m.Owner != "" || m.BodySerial != "" || m.Taken != "" || m.Make != "" {
		t.Errorf("the downloaded photo still reveals %+v", m)
	}
	if m.Orientation != 6 {
		t.Errorf("orientation %d, want 6 kept so the picture stays upright", m.Orientation)
	}
}

func TestBrowserWarnsAboutAPhotoAndDownloadsItClean(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	dir := allowDownloads(t, ctx)
	must(t, ctx,
		chromedp.Navigate(rm.URL+"/?lang=en"),
		chromedp.SendKeys(chromedp.CSS("#draft"), "Lovely evening at the lake with friends!"),
		chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{holidayPhoto(t)}),
		chromedp.WaitVisible(chromedp.CSS(`.photo-card li[data-kind="gps"]`)),
	)
	gps := jsEval[string](t, ctx, `document.querySelector('.photo-card li[data-kind="gps"]').textContent`)
	if !strings.Contains(gps, "52.51628° N, 13.37770° E") {
		t.Errorf("GPS warning %q lacks the coordinates", gps)
	}
	kinds := jsEval[[]string](t, ctx, `[...document.querySelectorAll(".photo-card li")].map(li => li.dataset.kind)`)
	for _, k := range []string{"owner", "serial", "taken", "device", "software"} {
		if !contains(kinds, k) {
			t.Errorf("no %s warning among %v", k, kinds)
		}
	}
	if n := jsEval[int](t, ctx, `document.querySelectorAll('a[href^="http"], iframe, img[src^="http"]').length`); n != 0 {
		t.Errorf("%d external links or assets on the page (no online map)", n)
	}
	// The text alone is fine, but the post is not: the banner says so.
	waitChecked(t, ctx)
	waitJS(t, ctx, `document.querySelector("#verdict strong").textContent === "Do not post" && !document.getElementById("photo-attention").hidden`, "the banner to count the photo")
	screenshot(t, ctx, "photo-warning")
	must(t, ctx, chromedp.Click(chromedp.CSS(".photo-card button.download")))
	assertClean(t, downloaded(t, dir, "IMG_2041-clean.jpg"))
	waitJS(t, ctx, `document.querySelector(".download-status").textContent.includes("IMG_2041-clean.jpg")`, "the download confirmation")
	screenshot(t, ctx, "photo-downloaded")
	must(t, ctx, chromedp.Click(chromedp.CSS(".photo-card button.remove")))
	waitJS(t, ctx, `!document.querySelector(".photo-card") && document.activeElement.id === "photo"`, "the photo to be removed")
	if v := jsEval[string](t, ctx, `document.querySelector("#verdict strong").textContent`); v != "Fine to post" {
		t.Errorf("without the photo the banner says %q, want the text's own verdict", v)
	}
}

func TestBrowserFormWorksWithoutJavaScript(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	must(t, ctx,
		chromedp.Navigate(rm.URL+"/?lang=de"),
		chromedp.WaitVisible(chromedp.CSS("#draft")),
		chromedp.SendKeys(chromedp.CSS("#draft"), browserDraft),
		chromedp.Click(chromedp.CSS("#check-button")),
		chromedp.WaitVisible(chromedp.CSS("#highlight")),
	)
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
	// The mark links to its card.
	must(t, ctx, chromedp.Click(chromedp.CSS("#highlight a")))
	if h, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`)); !strings.HasPrefix(h, "#card-f") {
		t.Errorf("the mark led to %q, want its card", h)
	}

	// A photo goes through the same form: check it, then download it clean.
	dir := allowDownloads(t, ctx)
	must(t, ctx,
		chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{holidayPhoto(t)}),
		chromedp.Click(chromedp.CSS(`button[name="photo-action"]`)),
		chromedp.WaitVisible(chromedp.CSS(".photo-card")),
	)
	card, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".photo-card")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(card, "Der Aufnahmeort ist gespeichert: 52,51628° N; 13,37770° O") || !strings.Contains(card, "Anna Keller") {
		t.Errorf("no-JS photo report: %s", card)
	}
	screenshot(t, ctx, "nojs-photo")
	must(t, ctx,
		chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{holidayPhoto(t)}),
		chromedp.Click(chromedp.CSS(`button[formaction="/api/v1/photos/strip"]`)),
	)
	assertClean(t, downloaded(t, dir, "IMG_2041-clean.jpg"))
}

func TestBrowserFitsAPhoneScreen(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	must(t, ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Navigate(rm.URL+"/?lang=de"),
		chromedp.SendKeys(chromedp.CSS("#draft"), childDraft+" Ruf an: 0171 2345678"),
		chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{holidayPhoto(t)}),
		chromedp.WaitVisible(chromedp.CSS("#highlight mark")),
		chromedp.WaitVisible(chromedp.CSS(`.photo-card li[data-kind="gps"]`)),
	)
	waitChecked(t, ctx)
	screenshot(t, ctx, "phone")
	if w := jsEval[[]int](t, ctx, `[document.documentElement.scrollWidth, window.innerWidth]`); w[0] > w[1] {
		t.Errorf("the page is %dpx wide on a %dpx screen: it scrolls sideways", w[0], w[1])
	}
}

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeScript returns axe-core from node_modules, running `npm ci` once when it is missing.
func axeScript(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		root := filepath.Join("..", "..")
		path := filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(path); err != nil {
			npm, lerr := exec.LookPath("npm")
			if lerr != nil {
				axeErr = fmt.Errorf("axe-core is not installed and npm is missing: run `npm ci` in the repository")
				return
			}
			cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
			cmd.Dir = root
			if out, err := cmd.CombinedOutput(); err != nil {
				axeErr = fmt.Errorf("npm ci: %v\n%s", err, out)
				return
			}
		}
		b, err := os.ReadFile(path)
		axeSource, axeErr = string(b), err
	})
	if axeErr != nil {
		if os.Getenv("POSTCHECK_REQUIRE_BROWSER") != "" {
			t.Fatal(axeErr)
		}
		t.Skipf("accessibility check skipped: %v", axeErr)
	}
	return axeSource
}

// axeCheck runs axe-core on the page and fails on serious or critical violations.
func axeCheck(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](axeScript(t)+";true")); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, {resultTypes: ["violations"]}).then(r =>
		r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
			.map(v => v.impact + " " + v.id + ": " + v.help + " at " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	for _, f := range found {
		t.Errorf("%s: %s", state, f)
	}
}

func TestBrowserHasNoSeriousAccessibilityViolations(t *testing.T) {
	rm := mustRunMain(t)
	ctx := browser(t)
	axeScript(t) // skip early when axe-core cannot be had
	must(t, ctx, chromedp.Navigate(rm.URL+"/?lang=de"), chromedp.WaitVisible(chromedp.CSS("#draft")))
	axeCheck(t, ctx, "empty form")
	must(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#draft"), childDraft+" Du Vollidiot!"),
		chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{holidayPhoto(t)}),
		chromedp.WaitVisible(chromedp.CSS("#highlight mark.overlap")),
		chromedp.WaitVisible(chromedp.CSS(`.photo-card li[data-kind="gps"]`)),
	)
	waitChecked(t, ctx)
	must(t, ctx, chromedp.Click(chromedp.CSS("#highlight mark")))
	axeCheck(t, ctx, "report with findings, an open card and a photo")
	screenshot(t, ctx, "a11y-report")
	must(t, ctx, chromedp.Click(chromedp.CSS("#lang-switch")))
	waitJS(t, ctx, `document.documentElement.lang === "en" && document.querySelector(".photo-card .photo-summary")`, "the English interface")
	axeCheck(t, ctx, "English report")
	must(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	axeCheck(t, ctx, "phone layout")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
