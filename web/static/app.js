// postcheck form: checks while the author types and highlights findings in place.
// Without JavaScript the form posts to the server, which renders the same report.
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  var draft = document.getElementById("draft");
  var results = document.getElementById("results");
  var backdrop = document.getElementById("backdrop");
  if (!form || !draft || !results || !window.fetch) return;

  var ui = document.body.dataset;
  var cats = ["children", "customer", "tone", "privacy", "hate"];
  var seq = 0, timer = null, last = null;
  var hint = document.getElementById("live-hint");
  if (hint) hint.hidden = false;

  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "class") n.className = attrs[k]; else n.setAttribute(k, attrs[k]);
    }
    if (text != null) n.textContent = text;
    return n;
  }

  // pieces cuts the text at every finding boundary (UTF-16 offsets, as JavaScript counts)
  // and marks each piece with the most severe finding covering it.
  function pieces(text, findings) {
    var rank = { low: 1, medium: 2, high: 3 };
    var cuts = [0, text.length];
    findings.forEach(function (f) { cuts.push(f.start, f.end); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var out = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1], top = null, ids = [];
      findings.forEach(function (f) {
        if (f.start <= a && b <= f.end) {
          ids.push(f.id);
          if (!top || rank[f.severity] > rank[top.severity]) top = f;
        }
      });
      out.push({ text: text.slice(a, b), top: top, ids: ids });
    }
    return out;
  }

  function renderMarks(container, text, findings, interactive) {
    container.textContent = "";
    pieces(text, findings).forEach(function (p) {
      if (!p.top) { container.appendChild(document.createTextNode(p.text)); return; }
      var m = el("mark", { "class": "sev-" + p.top.severity + " cat-" + p.top.category, "data-ids": p.ids.join(" ") }, p.text);
      if (interactive) {
        m.title = p.top.message;
        m.tabIndex = 0;
        m.setAttribute("role", "button");
        m.setAttribute("aria-label", p.text + ": " + p.top.message);
        m.addEventListener("click", function () { openCard(p.ids[0]); });
        m.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openCard(p.ids[0]); } });
      }
      container.appendChild(m);
    });
    container.appendChild(document.createTextNode("\n"));
  }

  function openCard(id) {
    var c = document.getElementById("card-" + id);
    if (!c) return;
    Array.prototype.forEach.call(document.querySelectorAll(".card.active"), function (n) { n.classList.remove("active"); });
    c.classList.add("active");
    c.focus();
  }

  function applyReplacement(f, replacement) {
    var t = draft.value;
    if (t.slice(f.start, f.end) !== f.text) return; // the draft changed since the check
    draft.value = t.slice(0, f.start) + replacement + t.slice(f.end);
    draft.focus();
    schedule(0);
  }

  function render(text, r) {
    last = { text: text, report: r };
    results.textContent = "";
    results.appendChild(el("h2", { id: "results-title" }, results.getAttribute("data-title") || ""));
    var v = el("div", { "class": "verdict verdict-" + r.verdict, id: "verdict" });
    v.appendChild(el("strong", null, ui["ui" + r.verdict.charAt(0).toUpperCase() + r.verdict.slice(1)]));
    v.appendChild(el("span", null, r.summary));
    results.appendChild(v);
    var counts = el("ul", { "class": "counts", "aria-label": "categories" });
    cats.forEach(function (c) {
      var n = r.categories[c] ? r.categories[c].count : 0;
      if (n > 0) counts.appendChild(el("li", { "class": "cat-" + c }, ui["tip" + c.charAt(0).toUpperCase() + c.slice(1)] + ": " + n));
    });
    results.appendChild(counts);
    var hl = el("div", { "class": "highlight", id: "highlight" });
    renderMarks(hl, text, r.findings, true);
    results.appendChild(hl);
    if (backdrop) renderMarks(backdrop, text, r.findings, false);
    if (!r.findings.length) results.appendChild(el("p", { "class": "none" }, ui.uiNofindings));
    cats.forEach(function (c) {
      var fs = r.findings.filter(function (f) { return f.category === c; });
      if (!fs.length) return;
      var g = el("section", { "class": "group cat-" + c });
      var h = el("h3", null, ui["tip" + c.charAt(0).toUpperCase() + c.slice(1)] + " ");
      h.appendChild(el("span", { "class": "count" }, String(fs.length)));
      g.appendChild(h);
      fs.forEach(function (f) {
        var card = el("article", { "class": "card sev-" + f.severity, id: "card-" + f.id, tabindex: "-1" });
        var head = el("p", { "class": "card-head" });
        head.appendChild(el("span", { "class": "badge sev-" + f.severity }, ui["ui" + f.severity.charAt(0).toUpperCase() + f.severity.slice(1)]));
        head.appendChild(document.createTextNode(" "));
        head.appendChild(el("q", null, f.text));
        card.appendChild(head);
        card.appendChild(el("p", { "class": "msg" }, f.message));
        if (f.explanation) {
          var why = el("p", { "class": "why" });
          why.appendChild(el("strong", null, ui.uiWhy + ": "));
          why.appendChild(document.createTextNode(f.explanation));
          card.appendChild(why);
        }
        if (f.suggestion) {
          var s = el("p", { "class": "sugg" });
          s.appendChild(el("strong", null, ui.uiSuggestion + ": "));
          s.appendChild(document.createTextNode(f.suggestion.message + " "));
          (f.suggestion.replacements || []).forEach(function (rep) {
            var b = el("button", { type: "button", "class": "secondary apply", "data-finding": f.id }, ui.uiApply + ": " + rep);
            b.addEventListener("click", function () { applyReplacement(f, rep); });
            s.appendChild(b);
            s.appendChild(document.createTextNode(" "));
          });
          card.appendChild(s);
        }
        card.appendChild(el("p", { "class": "rule" }, f.ruleId));
        g.appendChild(card);
      });
      results.appendChild(g);
    });
    if (r.redacted && r.findings.length) {
      var copy = el("button", { type: "button", "class": "secondary", id: "copy-redacted" }, ui.uiCopy);
      var status = el("span", { "class": "hint", role: "status" });
      copy.addEventListener("click", function () {
        var done = function () { status.textContent = " " + ui.uiCopied; };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(r.redacted.text).then(done, function () { fallbackCopy(r.redacted.text); done(); });
        } else { fallbackCopy(r.redacted.text); done(); }
      });
      results.appendChild(copy);
      results.appendChild(status);
      results.appendChild(el("pre", { "class": "redacted", id: "redacted" }, r.redacted.text));
    }
  }

  function fallbackCopy(text) {
    var ta = el("textarea", { "aria-hidden": "true" });
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(ta);
  }

  function showError(msg) {
    results.textContent = "";
    results.appendChild(el("p", { "class": "error", role: "alert" }, ui.uiError + " " + msg));
  }

  function run() {
    var text = draft.value;
    var my = ++seq;
    if (!text.trim()) {
      results.textContent = "";
      if (backdrop) backdrop.textContent = "";
      return;
    }
    var body = { text: text, redact: true, offsetUnit: "utf16" };
    var pol = document.getElementById("policy"), aud = document.getElementById("audience");
    if (pol && pol.value) body.policy = pol.value;
    if (aud && aud.value) body.context = { audience: aud.value };
    fetch("/api/v1/check", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (j) { return { ok: res.ok, body: j }; }); })
      .then(function (x) {
        if (my !== seq) return; // a newer check is on its way: drop this stale answer
        if (!x.ok) { showError(x.body.detail || x.body.title); return; }
        render(text, x.body);
      })
      .catch(function (e) { if (my === seq) showError(String(e)); });
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  }

  results.setAttribute("data-title", (document.getElementById("results-title") || {}).textContent || "");
  form.addEventListener("submit", function (e) { e.preventDefault(); schedule(0); });
  draft.addEventListener("input", function () { schedule(350); });
  draft.addEventListener("scroll", function () { if (backdrop) backdrop.scrollTop = draft.scrollTop; });
  ["policy", "audience"].forEach(function (id) {
    var n = document.getElementById(id);
    if (n) n.addEventListener("change", function () { schedule(0); });
  });
  if (draft.value.trim()) schedule(0);
})();
