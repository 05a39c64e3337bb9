// postcheck form: checks while the author types, highlights findings in place, checks
// and cleans photos, and switches the interface language without reloading.
// Without JavaScript the form posts to the server, which renders the same report.
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  var draft = document.getElementById("draft");
  var results = document.getElementById("results");
  var backdrop = document.getElementById("backdrop");
  var status = document.getElementById("live-status");
  var photoInput = document.getElementById("photo");
  var photoList = document.getElementById("photo-results");
  if (!form || !draft || !results || !window.fetch) return;

  var ui = document.body.dataset;
  var cats = ["children", "customer", "tone", "privacy", "hate"];
  var rank = { low: 1, medium: 2, high: 3 };
  var seq = 0, timer = null, last = null, lastMark = null, lastAnnounced = "";
  var photos = []; // {file, node, report}: kept in this tab only, never stored
  var storeKey = "postcheck.lang";

  document.documentElement.classList.add("js");
  Array.prototype.forEach.call(document.querySelectorAll(".js-only"), function (n) { n.hidden = false; });
  Array.prototype.forEach.call(document.querySelectorAll(".nojs-only"), function (n) { n.hidden = true; });

  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "class") n.className = attrs[k]; else n.setAttribute(k, attrs[k]);
    }
    if (text != null) n.textContent = text;
    return n;
  }
  function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  function tip(c) { return ui["tip" + cap(c)] || c; }
  function sevLabel(s) { return ui["ui" + cap(s)] || s; }
  function verdictLabel(v) { return ui["ui" + cap(v)] || v; }
  // The banner shows the verdict in bold; a summary that starts with it again reads twice.
  function trimVerdict(summary, label) {
    var i = summary ? summary.indexOf(":") : -1;
    if (i > 0 && i <= label.length + 12 && summary.slice(0, i).toLowerCase().indexOf(label.toLowerCase()) === 0) return summary.slice(i + 1).trim();
    return summary;
  }
  function announce(msg) {
    if (!status) return;
    // Clearing first makes screen readers repeat a message that did not change.
    status.textContent = "";
    setTimeout(function () { status.textContent = msg; }, 30);
  }

  // pieces cuts the text at every finding boundary (UTF-16 offsets, as JavaScript counts)
  // and marks each piece with the most severe finding covering it; a piece under several
  // findings keeps all their ids, so overlaps stay readable and reachable.
  function pieces(text, findings) {
    var cuts = [0, text.length];
    findings.forEach(function (f) { cuts.push(f.start, f.end); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i && v <= text.length; }).sort(function (a, b) { return a - b; });
    var out = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1], top = null, cover = [];
      findings.forEach(function (f) {
        if (f.start <= a && b <= f.end) {
          cover.push(f);
          if (!top || rank[f.severity] > rank[top.severity]) top = f;
        }
      });
      out.push({ text: text.slice(a, b), top: top, cover: cover, start: a });
    }
    return out;
  }

  function renderMarks(container, text, findings, interactive) {
    container.textContent = "";
    pieces(text, findings).forEach(function (p) {
      if (!p.top) { container.appendChild(document.createTextNode(p.text)); return; }
      var cls = "sev-" + p.top.severity + " cat-" + p.top.category + (p.cover.length > 1 ? " overlap" : "");
      var ids = p.cover.map(function (f) { return f.id; }).join(" ");
      var m = el("mark", { "class": cls, "data-ids": ids }, p.text);
      if (interactive) {
        var label = p.cover.map(function (f) { return sevLabel(f.severity) + ", " + f.message; }).join("; ");
        m.title = p.cover.map(function (f) { return f.message; }).join("\n");
        m.tabIndex = 0;
        m.setAttribute("role", "button");
        m.setAttribute("aria-label", p.text + " – " + label);
        var open = function () { lastMark = m; openCard(p.top.id, true, ids.split(" ")); };
        m.addEventListener("click", open);
        m.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); }
        });
      }
      container.appendChild(m);
    });
    container.appendChild(document.createTextNode("\n"));
  }

  // openCard marks the card of finding id (and, for overlaps, the other cards that
  // cover the same words) and brings it into view.
  function openCard(id, focus, related) {
    var c = document.getElementById("card-" + id);
    if (!c) return;
    Array.prototype.forEach.call(document.querySelectorAll(".card.active, .card.related"), function (n) { n.classList.remove("active", "related"); });
    (related || []).forEach(function (rid) {
      var r = document.getElementById("card-" + rid);
      if (r && r !== c) r.classList.add("related");
    });
    c.classList.add("active");
    if (focus) c.focus(); else c.scrollIntoView({ block: "nearest" });
  }

  function applyReplacement(f, replacement) {
    var t = draft.value;
    if (t.slice(f.start, f.end) !== f.text) return; // the draft changed since the check
    draft.value = t.slice(0, f.start) + replacement + t.slice(f.end);
    draft.focus();
    draft.setSelectionRange(f.start + replacement.length, f.start + replacement.length);
    announce(ui.uiApplied);
    schedule(0);
  }

  function copyText(text, done, failed) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text) ? done() : failed(); });
    } else if (fallbackCopy(text)) done(); else failed();
  }

  function fallbackCopy(text) {
    var ta = el("textarea", { "aria-hidden": "true", "class": "offscreen", tabindex: "-1" });
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(ta);
    return ok;
  }

  function card(f) {
    var c = el("article", { "class": "card sev-" + f.severity, id: "card-" + f.id, tabindex: "-1", "aria-labelledby": "card-" + f.id + "-msg" });
    var head = el("p", { "class": "card-head" });
    head.appendChild(el("span", { "class": "badge sev-" + f.severity }, sevLabel(f.severity)));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("q", null, f.text));
    c.appendChild(head);
    c.appendChild(el("p", { "class": "msg", id: "card-" + f.id + "-msg" }, f.message));
    if (f.explanation) {
      var why = el("p", { "class": "why" });
      why.appendChild(el("strong", null, ui.uiWhy + ": "));
      why.appendChild(document.createTextNode(f.explanation));
      c.appendChild(why);
    }
    if (f.suggestion) {
      var s = el("div", { "class": "sugg" });
      var sp = el("p");
      sp.appendChild(el("strong", null, ui.uiSuggestion + ": "));
      sp.appendChild(document.createTextNode(f.suggestion.message || ""));
      s.appendChild(sp);
      var reps = f.suggestion.replacements || [];
      if (reps.length) {
        var row = el("p", { "class": "actions" });
        reps.forEach(function (rep) {
          var b = el("button", { type: "button", "class": "secondary apply", "data-finding": f.id }, ui.uiApply + ": " + rep);
          b.setAttribute("aria-label", ui.uiApply + ": „" + f.text + "“ → „" + rep + "“");
          b.addEventListener("click", function () { applyReplacement(f, rep); });
          row.appendChild(b);
        });
        s.appendChild(row);
      }
      c.appendChild(s);
    }
    var foot = el("p", { "class": "rule" }, ui.uiRule + ": " + f.ruleId);
    c.appendChild(foot);
    c.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && lastMark && document.body.contains(lastMark)) { e.preventDefault(); lastMark.focus(); }
    });
    return c;
  }

  function render(text, r) {
    // A new answer replaces the nodes; the focus must not fall back to the page start.
    var had = document.activeElement, keep = null;
    if (had && results.contains(had)) {
      if (had.id) keep = { id: had.id };
      else if (had.tagName === "MARK") keep = { mark: Array.prototype.indexOf.call(results.querySelectorAll("#highlight mark"), had) };
    }
    var activeCard = results.querySelector(".card.active");
    activeCard = activeCard && activeCard.id;
    last = { text: text, report: r };
    results.textContent = "";
    results.appendChild(el("h2", { id: "results-title" }, ui.uiResults));
    var v = el("div", { "class": "verdict verdict-" + r.verdict, id: "verdict" });
    v.appendChild(el("strong", null, verdictLabel(r.verdict)));
    // Findings speak the draft's language, which may differ from the interface's.
    var dl = r.language && (r.language.code === "de" || r.language.code === "en") ? r.language.code : "";
    var summary = el("span", dl ? { lang: dl, "class": "summary" } : { "class": "summary" }, trimVerdict(r.summary, verdictLabel(r.verdict)));
    summary.setAttribute("data-summary", summary.textContent);
    v.appendChild(summary);
    results.appendChild(v);

    var counts = el("ul", { "class": "counts", "aria-label": ui.uiCounts, id: "counts" });
    cats.forEach(function (c) {
      var n = r.categories[c] ? r.categories[c].count : 0;
      var li = el("li", { "class": "cat-" + c + (n ? " has" : ""), "data-category": c });
      var holder = n ? el("a", { href: "#group-" + c }) : li;
      holder.appendChild(el("span", null, tip(c)));
      holder.appendChild(document.createTextNode(" "));
      holder.appendChild(el("strong", { "class": "n" }, String(n)));
      if (n) li.appendChild(holder);
      counts.appendChild(li);
    });
    results.appendChild(counts);

    var photoNote = el("p", { "class": "photo-attention", id: "photo-attention", hidden: "" });
    v.appendChild(photoNote);
    updatePhotoNote();

    if (r.findings.length) {
      results.appendChild(el("h3", { "class": "sub" }, ui.uiHighlighted));
      var hl = el("div", { "class": "highlight", id: "highlight", lang: dl || document.documentElement.lang });
      renderMarks(hl, text, r.findings, true);
      results.appendChild(hl);
    }
    if (backdrop) { renderMarks(backdrop, text, r.findings, false); backdrop.scrollTop = draft.scrollTop; }

    cats.forEach(function (c) {
      var fs = r.findings.filter(function (f) { return f.category === c; });
      if (!fs.length) return;
      var g = el("section", { "class": "group cat-" + c, id: "group-" + c, "aria-labelledby": "group-" + c + "-title" });
      var h = el("h3", { id: "group-" + c + "-title" }, tip(c) + " ");
      h.appendChild(el("span", { "class": "count" }, String(fs.length)));
      g.appendChild(h);
      fs.forEach(function (f) {
        var c = card(f);
        if (dl) { c.querySelector(".msg").lang = dl; Array.prototype.forEach.call(c.querySelectorAll(".why, .sugg p:first-child"), function (n) { n.lang = dl; }); }
        g.appendChild(c);
      });
      results.appendChild(g);
    });

    if (r.redacted && r.findings.length) {
      var box = el("div", { "class": "redacted-box" });
      var row = el("p", { "class": "actions" });
      var copy = el("button", { type: "button", "class": "secondary", id: "copy-redacted" }, ui.uiCopy);
      var note = el("span", { "class": "hint", id: "copy-status" });
      copy.addEventListener("click", function () {
        copyText(r.redacted.text,
          function () { note.textContent = ui.uiCopied; announce(ui.uiCopied); },
          function () { note.textContent = ui.uiCopyfailed; announce(ui.uiCopyfailed); });
      });
      row.appendChild(copy);
      row.appendChild(note);
      box.appendChild(el("h3", null, ui.uiRedactedtitle));
      box.appendChild(row);
      box.appendChild(el("pre", dl ? { "class": "redacted", id: "redacted", lang: dl } : { "class": "redacted", id: "redacted" }, r.redacted.text));
      results.appendChild(box);
    }
    if (activeCard && document.getElementById(activeCard)) document.getElementById(activeCard).classList.add("active");
    if (keep) {
      var back = keep.id ? document.getElementById(keep.id) : results.querySelectorAll("#highlight mark")[keep.mark];
      if (back) { back.focus(); if (back.tagName === "MARK") lastMark = back; } else results.focus();
    }
    if (text === draft.value) results.setAttribute("data-state", "done");
    var n = r.findings.length;
    var msg = verdictLabel(r.verdict) + ". " + n + " " + (n === 1 ? ui.uiFindingsone : ui.uiFindings) + ". " + r.summary;
    // While the author types, the same result would be read out after every pause.
    if (msg !== lastAnnounced) { lastAnnounced = msg; announce(msg); }
  }

  function clearResults() {
    last = null;
    results.setAttribute("data-state", "done");
    results.textContent = "";
    results.appendChild(el("h2", { id: "results-title" }, ui.uiResults));
    if (backdrop) backdrop.textContent = "";
  }

  function showError(msg) {
    clearResults();
    results.appendChild(el("p", { "class": "error", role: "alert" }, ui.uiError + " " + msg));
  }

  function run() {
    var text = draft.value;
    var my = ++seq;
    if (!text.trim()) { clearResults(); return; }
    var body = { text: text, redact: true, offsetUnit: "utf16" };
    var pol = document.getElementById("policy"), aud = document.getElementById("audience");
    if (pol && pol.value) body.policy = pol.value;
    if (aud && aud.value) body.context = { audience: aud.value };
    results.setAttribute("aria-busy", "true");
    fetch("/api/v1/check", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (j) { return { ok: res.ok, body: j }; }); })
      .then(function (x) {
        if (my !== seq) return; // a newer check is on its way: drop this stale answer
        results.removeAttribute("aria-busy");
        if (!x.ok) { showError(x.body.detail || x.body.title); results.setAttribute("data-state", "done"); return; }
        if (draft.value !== text) return; // typed since: the next answer will match
        render(text, x.body);
      })
      .catch(function (e) { if (my === seq) { results.removeAttribute("aria-busy"); showError(String(e)); } });
  }

  // data-state tells whether the result shown belongs to the text in the editor:
  // "pending" while a check is due or under way (the old result is dimmed), else "done".
  function schedule(ms) {
    results.setAttribute("data-state", "pending");
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  }

  // A click or caret move inside the editor opens the card of the finding under it,
  // without taking the focus away from the text.
  function cardAtCaret() {
    if (!last || last.text !== draft.value || draft.selectionStart !== draft.selectionEnd) return;
    var at = draft.selectionStart, best = null;
    last.report.findings.forEach(function (f) {
      if (f.start <= at && at < f.end && (!best || rank[f.severity] > rank[best.severity])) best = f;
    });
    if (best) openCard(best.id, false);
  }

  // ---- photos ----

  // updatePhotoNote makes the banner speak for the whole post: a photo that tells too
  // much raises the verdict and adds a line, so a clean text cannot hide it.
  function updatePhotoNote() {
    var note = document.getElementById("photo-attention"), v = document.getElementById("verdict");
    if (!note || !v || !last) return;
    var worst = last.report.verdict, order = { pass: 0, review: 1, block: 2 };
    var n = 0;
    photos.forEach(function (p) {
      if (!p.report || p.report.verdict === "pass") return;
      n++;
      if (order[p.report.verdict] > order[worst]) worst = p.report.verdict;
    });
    v.className = "verdict verdict-" + worst;
    v.querySelector("strong").textContent = verdictLabel(worst);
    // When a photo raised the verdict, the summary is the text's alone; say so.
    var sum = v.querySelector(".summary");
    if (sum) sum.textContent = (worst !== last.report.verdict ? "Text: " : "") + sum.getAttribute("data-summary");
    note.hidden = n === 0;
    note.textContent = n ? ui.uiPhotoattention.replace("%d", String(n)) : "";
  }

  function removedWords(list) {
    var names = {};
    (ui.uiRemovedkinds || "").split("|").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) names[kv.slice(0, i)] = kv.slice(i + 1);
    });
    return list.split(",").filter(Boolean).map(function (k) { return names[k] || k; }).join(", ");
  }

  function filenameFrom(res, fallback) {
    var cd = res.headers.get("Content-Disposition") || "";
    var m = /filename="([^"]+)"/.exec(cd);
    return m ? m[1] : fallback;
  }

  function photoCard(entry, idx) {
    var node = entry.node;
    node.textContent = "";
    node.className = "photo-card" + (entry.report ? " pv-" + entry.report.verdict : "");
    var titleId = "photo-" + idx + "-title";
    node.setAttribute("aria-labelledby", titleId);
    var img = el("img", { src: entry.url, alt: ui.uiPhotopreview + ": " + entry.file.name, "class": "thumb", width: "96", height: "96" });
    node.appendChild(img);
    var body = el("div", { "class": "photo-body" });
    body.appendChild(el("h3", { id: titleId }, entry.file.name));
    node.appendChild(body);
    var rm = el("button", { type: "button", "class": "secondary remove", "aria-label": ui.uiPhotoremove + ": " + entry.file.name }, "×");
    rm.addEventListener("click", function () {
      var i = photos.indexOf(entry);
      if (i >= 0) photos.splice(i, 1);
      URL.revokeObjectURL(entry.url);
      if (node.parentNode) node.parentNode.removeChild(node);
      updatePhotoNote();
      photoInput.focus();
    });
    node.appendChild(rm);
    if (entry.error) {
      body.appendChild(el("p", { "class": "error", role: "alert" }, ui.uiPhotoerror + " " + entry.error));
      return;
    }
    if (!entry.report) { body.appendChild(el("p", { "class": "hint" }, ui.uiPhotochecking)); return; }
    var r = entry.report;
    var sum = el("p", { "class": "photo-summary" });
    sum.appendChild(el("strong", { "class": "pv-label" }, verdictLabel(r.verdict)));
    sum.appendChild(document.createTextNode(" " + r.summary));
    body.appendChild(sum);
    if (r.findings.length) {
      var ul = el("ul", { "class": "photo-findings" });
      r.findings.forEach(function (f) {
        var li = el("li", { "class": "sev-" + f.severity, "data-kind": f.kind });
        li.appendChild(el("span", { "class": "badge sev-" + f.severity }, sevLabel(f.severity)));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", { "class": "pmsg" }, f.message));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", { "class": "why" }, f.explanation));
        ul.appendChild(li);
      });
      body.appendChild(ul);
    } else {
      body.appendChild(el("p", null, ui.uiPhotonone));
    }
    if (r.suggestion) {
      var sp = el("p", { "class": "sugg" });
      sp.appendChild(el("strong", null, ui.uiSuggestion + ": "));
      sp.appendChild(document.createTextNode(r.suggestion));
      body.appendChild(sp);
    }
    if (r.canStrip && r.findings.length) {
      var row = el("p", { "class": "actions" });
      var dl = el("button", { type: "button", "class": "download" }, ui.uiDownload);
      dl.setAttribute("aria-label", ui.uiDownload + ": " + entry.file.name);
      var note = el("span", { "class": "hint download-status" });
      dl.addEventListener("click", function () { downloadClean(entry, note); });
      row.appendChild(dl);
      row.appendChild(note);
      body.appendChild(row);
    }
  }

  function photoForm(entry) {
    var fd = new FormData();
    fd.append("lang", ui.lang);
    fd.append("photo", entry.file, entry.file.name);
    return fd;
  }

  var maxPhotoBytes = 20 * 1024 * 1024; // the server's limit; saves uploading a file it would refuse

  function checkPhoto(entry) {
    entry.report = null; entry.error = null;
    if (entry.file.size > maxPhotoBytes) {
      entry.error = ui.uiPhototoobig;
      photoCard(entry, photos.indexOf(entry));
      return;
    }
    photoCard(entry, photos.indexOf(entry));
    fetch("/api/v1/photos/check", { method: "POST", body: photoForm(entry) })
      .then(function (res) { return res.json().then(function (j) { return { ok: res.ok, body: j }; }); })
      .then(function (x) {
        if (x.ok) entry.report = x.body; else entry.error = x.body.detail || x.body.title;
        photoCard(entry, photos.indexOf(entry));
        updatePhotoNote();
        announce(entry.file.name + ": " + (x.ok ? verdictLabel(x.body.verdict) + ". " + x.body.summary : ui.uiPhotoerror + " " + entry.error));
      })
      .catch(function (e) { entry.error = String(e); photoCard(entry, photos.indexOf(entry)); });
  }

  function downloadClean(entry, note) {
    fetch("/api/v1/photos/strip", { method: "POST", body: photoForm(entry) })
      .then(function (res) {
        if (!res.ok) return res.json().then(function (j) { throw new Error(j.detail || j.title); });
        var name = filenameFrom(res, "photo-clean");
        var removed = res.headers.get("X-Postcheck-Removed") || "";
        return res.blob().then(function (b) { return { blob: b, name: name, removed: removed }; });
      })
      .then(function (x) {
        var url = URL.createObjectURL(x.blob);
        var a = el("a", { href: url, download: x.name, "class": "offscreen", tabindex: "-1" });
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        var msg = ui.uiDownloaded + " " + x.name + (x.removed ? " (" + ui.uiRemoved + ": " + removedWords(x.removed) + ")" : "");
        note.textContent = msg;
        announce(msg);
      })
      .catch(function (e) { note.textContent = ui.uiPhotoerror + " " + e.message; announce(note.textContent); });
  }

  function addPhotos(files) {
    Array.prototype.forEach.call(files, function (file) {
      var entry = { file: file, url: URL.createObjectURL(file), node: el("article", { "class": "photo-card" }), report: null };
      photos.push(entry);
      photoList.appendChild(entry.node);
      checkPhoto(entry);
    });
  }

  if (photoInput && photoList) {
    photoInput.multiple = true;
    photoList.textContent = ""; // a server-rendered report belongs to the no-JS path
    photoList.setAttribute("aria-live", "off");
    photoInput.addEventListener("change", function () {
      addPhotos(photoInput.files);
      photoInput.value = ""; // the same file may be added again after removing it
    });
    var zone = document.getElementById("photo-zone");
    if (zone) {
      zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("drag"); });
      zone.addEventListener("dragleave", function () { zone.classList.remove("drag"); });
      zone.addEventListener("drop", function (e) {
        e.preventDefault();
        zone.classList.remove("drag");
        if (e.dataTransfer && e.dataTransfer.files) addPhotos(e.dataTransfer.files);
      });
    }
  }

  // ---- interface language ----

  // switchLanguage reads the strings from the server's page in the other language and
  // swaps them in, so the draft, the results and the photos stay where they are.
  function switchLanguage(lang, remember) {
    if (lang !== "de" && lang !== "en") return Promise.resolve();
    if (remember) { try { localStorage.setItem(storeKey, lang); } catch (e) { /* private mode: not kept */ } }
    if (lang === ui.lang) return Promise.resolve();
    return fetch("/?lang=" + lang, { headers: { Accept: "text/html" } })
      .then(function (res) { return res.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        Array.prototype.forEach.call(doc.body.attributes, function (a) {
          if (a.name.indexOf("data-") === 0) document.body.setAttribute(a.name, a.value);
        });
        ui = document.body.dataset;
        document.documentElement.lang = lang;
        document.title = doc.title;
        Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (n) {
          var src = doc.querySelector('[data-i18n="' + n.getAttribute("data-i18n") + '"]');
          if (!src) return;
          if (!n.firstElementChild && n.tagName !== "INPUT" && n.tagName !== "TEXTAREA") n.textContent = src.textContent;
          ["placeholder", "aria-label", "href", "hreflang", "lang", "value", "data-lang"].forEach(function (name) {
            if (src.hasAttribute(name)) n.setAttribute(name, src.getAttribute(name));
          });
        });
        lastAnnounced = "";
        if (last) render(last.text, last.report); else clearResults();
        photos.forEach(checkPhoto); // photo findings are worded by the server in the UI language
        var url = new URL(location.href);
        url.searchParams.set("lang", lang);
        history.replaceState(null, "", url.pathname + url.search);
      });
  }

  var langLink = document.getElementById("lang-switch");
  if (langLink) {
    langLink.addEventListener("click", function (e) {
      e.preventDefault();
      var lang = langLink.getAttribute("data-lang");
      switchLanguage(lang, true).then(function () { langLink.focus(); });
    });
  }

  results.setAttribute("data-title", ui.uiResults || "");
  form.addEventListener("submit", function (e) { e.preventDefault(); schedule(0); });
  draft.addEventListener("input", function () { schedule(350); });
  draft.addEventListener("scroll", function () { if (backdrop) backdrop.scrollTop = draft.scrollTop; });
  draft.addEventListener("click", cardAtCaret);
  draft.addEventListener("keyup", function (e) { if (e.key.indexOf("Arrow") === 0 || e.key === "Home" || e.key === "End") cardAtCaret(); });
  ["policy", "audience"].forEach(function (id) {
    var n = document.getElementById(id);
    if (n) n.addEventListener("change", function () { schedule(0); });
  });

  var stored = null;
  try { stored = localStorage.getItem(storeKey); } catch (e) { stored = null; }
  var explicit = new URL(location.href).searchParams.get("lang");
  // An explicit ?lang= (a shared link) wins for this page but does not change the stored choice.
  if (explicit !== "de" && explicit !== "en" && stored && stored !== ui.lang) {
    switchLanguage(stored, false);
  }
  if (draft.value.trim()) schedule(0);
})();
