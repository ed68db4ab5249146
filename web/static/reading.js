// Reading workshop: drafts saved as typed, every shared text on the page merged on the server,
// and the workshop's live event stream (the same SSE machinery as IPE sessions): phase
// changes reload the page, applied edits update each group's text where it is shown. The
// stream resumes after the last event seen (Last-Event-ID), so a screen that reconnects
// misses nothing.
(function () {
  "use strict";
  var root = document.querySelector("[data-reading-events]");
  if (!root) return;
  var stateURL = root.getAttribute("data-reading-state");
  var phase = root.getAttribute("data-phase");

  function post(url, body, type) {
    return fetch(url, {method: "POST", body: body, credentials: "same-origin",
      headers: {"Accept": "application/json", "Content-Type": type}})
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw j; return j; }); });
  }

  // Drafts of one's own answers. The form carries the phase it was written in, so the last
  // save before the facilitator moves on is still accepted for a few seconds.
  var answers = document.querySelector("form[data-autosave]");
  var answerTimer = null;
  function saveAnswers() {
    if (!answers) return Promise.resolve();
    clearTimeout(answerTimer);
    var status = answers.querySelector("[data-save-status]");
    var body = new URLSearchParams(new FormData(answers)).toString();
    return post(answers.action, body, "application/x-www-form-urlencoded")
      .then(function () { status.textContent = status.getAttribute("data-saved"); })
      .catch(function () { status.textContent = status.getAttribute("data-failed"); });
  }
  if (answers) {
    answers.addEventListener("input", function () {
      clearTimeout(answerTimer);
      answerTimer = setTimeout(saveAnswers, 800);
    });
  }

  // Positions are code points, as on the server.
  function cps(s) { return Array.from(s); }
  function diff(a, b) {
    var o = cps(a), n = cps(b), p = 0, s = 0;
    while (p < o.length && p < n.length && o[p] === n[p]) p++;
    while (s < o.length - p && s < n.length - p && o[o.length - 1 - s] === n[n.length - 1 - s]) s++;
    return {start: p, end: o.length - s, text: n.slice(p, n.length - s).join("")};
  }
  function apply(t, sp) {
    var r = cps(t);
    return r.slice(0, sp.start).join("") + sp.text + r.slice(sp.end).join("");
  }
  // transform rebases b over a, both made on the same text: the same rules as textmerge.Transform.
  function transform(b, a) {
    var aLen = cps(a.text).length, delta = aLen - (a.end - a.start), aEnd = a.start + aLen;
    var bIns = b.start === b.end, aIns = a.start === a.end;
    if (b.end < a.start || (b.end === a.start && !(bIns && aIns))) return b;
    if (b.start >= a.end) return {start: b.start + delta, end: b.end + delta, text: b.text};
    if (b.start < a.start && b.end > a.end) return {start: b.start, end: b.end + delta, text: b.text + a.text};
    if (b.start < a.start) return {start: b.start, end: a.start, text: b.text};
    if (b.end > a.end) return {start: aEnd, end: b.end + delta, text: b.text};
    return {start: aEnd, end: aEnd, text: b.text};
  }
  function mapPos(pos, sp) {
    if (pos <= sp.start) return pos;
    if (pos >= sp.end) return pos + cps(sp.text).length - (sp.end - sp.start);
    return sp.start + cps(sp.text).length;
  }
  function cpIndex(s, u16) { return cps(s.slice(0, u16)).length; }
  function u16Index(s, cp) { return cps(s).slice(0, cp).join("").length; }

  // Editor is one group's shared text in a form: a participant's page has one, the
  // facilitator's one per group.
  function Editor(form) {
    this.form = form;
    this.ta = form.querySelector("textarea");
    this.synced = this.ta.value;
    this.version = +form.getAttribute("data-version");
    this.group = form.getAttribute("data-group");
    this.inflight = null;
    this.held = []; // events that arrived while an edit was on its way
    this.timer = null;
    var ed = this;
    form.querySelector("[data-no-script]").hidden = true;
    this.ta.addEventListener("input", function () {
      clearTimeout(ed.timer);
      ed.timer = setTimeout(function () { ed.flush(); }, 250);
    });
  }
  // setText replaces the textarea's text, keeping the caret where the change leaves it.
  Editor.prototype.setText = function (t) {
    var ta = this.ta;
    if (ta.value === t) return;
    var focused = document.activeElement === ta, old = ta.value;
    var c0 = cpIndex(old, ta.selectionStart), c1 = cpIndex(old, ta.selectionEnd), sp = diff(old, t);
    ta.value = t;
    if (focused) ta.setSelectionRange(u16Index(t, mapPos(c0, sp)), u16Index(t, mapPos(c1, sp)));
  };
  // merged takes the server's text after an exchange based on base, keeping what was typed
  // meanwhile: the typing is rebased over the server's change.
  Editor.prototype.merged = function (base, text, version) {
    var pending = this.ta.value;
    this.synced = text;
    this.version = version;
    if (pending === base) this.setText(text);
    else this.setText(apply(text, transform(diff(base, pending), diff(base, text))));
  };
  Editor.prototype.status = function (msg) { this.form.querySelector("[data-sync-status]").textContent = msg; };
  Editor.prototype.flush = function () {
    var ed = this;
    if (ed.inflight !== null || ed.ta.value === ed.synced) return;
    ed.inflight = ed.ta.value;
    var sp = diff(ed.synced, ed.inflight);
    var body = JSON.stringify({base: ed.version, start: sp.start, end: sp.end, text: sp.text});
    post(ed.form.getAttribute("data-edit-url"), body, "application/json").then(function (j) {
      var sent = ed.inflight;
      ed.inflight = null;
      ed.merged(sent, j.text, j.version);
      ed.status("");
      ed.release();
      if (ed.ta.value !== ed.synced) ed.flush();
    }).catch(function (j) {
      ed.inflight = null;
      ed.status((j && j.error) || ed.form.getAttribute("data-failed"));
      ed.release();
    });
  };
  Editor.prototype.release = function () {
    var held = this.held;
    this.held = [];
    for (var i = 0; i < held.length; i++) this.edit(held[i]);
  };
  // edit applies another's edit from the stream, in version order.
  Editor.prototype.edit = function (ev) {
    if (ev.version <= this.version) return; // already in the text (our own, or the page was newer)
    if (this.inflight !== null) { this.held.push(ev); return; }
    if (ev.version !== this.version + 1) { this.catchUp(); return; }
    var base = this.synced;
    this.merged(base, apply(base, ev), ev.version);
  };
  // catchUp fetches the group's text when the stream and the text disagree (never expected).
  Editor.prototype.catchUp = function () {
    var ed = this, base = ed.synced;
    fetch(stateURL + "?group=" + ed.group, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (j) { if (ed.inflight === null && j.version > ed.version) ed.merged(base, j.text, j.version); })
      .catch(function () {});
  };

  var editors = {};
  document.querySelectorAll("form[data-presentation]").forEach(function (f) {
    editors[f.getAttribute("data-group")] = new Editor(f);
  });

  // showEdit updates a shared text shown read-only (the plenum, other groups).
  function showEdit(ev) {
    document.querySelectorAll('[data-group-text="' + ev.group + '"]').forEach(function (el) {
      var v = +el.getAttribute("data-version");
      if (ev.version <= v) return;
      if (ev.version !== v + 1) { location.reload(); return; }
      el.textContent = apply(el.textContent, ev);
      el.setAttribute("data-version", ev.version);
    });
  }

  var reloading = false;
  function reload() {
    if (reloading) return;
    reloading = true;
    saveAnswers().then(function () { location.reload(); });
  }
  var url = root.getAttribute("data-reading-events") + "?last_event_id=" + root.getAttribute("data-last-event");
  var source = new EventSource(url);
  source.addEventListener("phase", function (m) {
    if (JSON.parse(m.data).phase !== phase) { source.close(); reload(); }
  });
  source.addEventListener("answer", function () {
    if (phase !== "prepare" && phase !== "individual") { source.close(); reload(); }
  });
  source.addEventListener("edit", function (m) {
    var ev = JSON.parse(m.data), ed = editors[ev.group];
    if (ed) ed.edit(ev);
    showEdit(ev);
  });
  window.addEventListener("pagehide", function () { source.close(); });

  // The plenum on the projector: arrow keys step through the groups, F toggles full screen.
  if (root.hasAttribute("data-plenum")) {
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
      var link = document.querySelector('a[data-key="' + e.key + '"]');
      if (link) { e.preventDefault(); location.href = link.href; return; }
      if (e.key === "f" || e.key === "F") {
        e.preventDefault();
        if (document.fullscreenElement) document.exitFullscreen();
        else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
      }
    });
  }
})();
