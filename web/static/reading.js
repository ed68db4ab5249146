// Reading workshop: drafts saved as typed, the group's shared text merged on the server, and a
// poll of the workshop's state that reloads the page when the facilitator moves to the next
// step. At the merge with the live machinery, the poll becomes an EventSource.
(function () {
  "use strict";
  var root = document.querySelector("[data-reading-state]");
  if (!root) return;
  var stateURL = root.getAttribute("data-reading-state");
  var phase = root.getAttribute("data-phase");

  function post(url, body, type) {
    return fetch(url, {method: "POST", body: body, credentials: "same-origin",
      headers: {"Accept": "application/json", "Content-Type": type}})
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw j; return j; }); });
  }

  // Drafts of one's own answers.
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

  // The shared text. Positions are code points, as on the server.
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

  var pres = document.querySelector("form[data-presentation]");
  var ta = pres && pres.querySelector("textarea");
  var synced = ta ? ta.value : "", version = pres ? +pres.getAttribute("data-version") : 0;
  var inflight = null, editTimer = null;
  // setText replaces the textarea's text, keeping the caret where the change leaves it.
  function setText(t) {
    if (ta.value === t) return;
    var focused = document.activeElement === ta, old = ta.value;
    var c0 = cpIndex(old, ta.selectionStart), c1 = cpIndex(old, ta.selectionEnd), sp = diff(old, t);
    ta.value = t;
    if (focused) ta.setSelectionRange(u16Index(t, mapPos(c0, sp)), u16Index(t, mapPos(c1, sp)));
  }
  function flush() {
    if (!ta || inflight !== null || ta.value === synced) return;
    inflight = ta.value;
    var sp = diff(synced, inflight);
    var body = JSON.stringify({base: version, start: sp.start, end: sp.end, text: sp.text});
    post(pres.getAttribute("data-edit-url"), body, "application/json").then(function (j) {
      var pending = ta.value, sent = inflight;
      synced = j.text; version = j.version; inflight = null;
      if (pending === sent) {
        setText(j.text);
      } else {
        // Typed while the edit was on its way: rebase the new typing over the server's change.
        var mine = diff(sent, pending), theirs = diff(sent, j.text);
        setText(apply(j.text, transform(mine, theirs)));
      }
      pres.querySelector("[data-sync-status]").textContent = "";
      if (ta.value !== synced) flush();
    }).catch(function (j) {
      inflight = null;
      pres.querySelector("[data-sync-status]").textContent = (j && j.error) || pres.getAttribute("data-failed");
    });
  }
  if (pres) {
    pres.querySelector("[data-no-script]").hidden = true;
    ta.addEventListener("input", function () {
      clearTimeout(editTimer);
      editTimer = setTimeout(flush, 250);
    });
  }

  function poll() {
    var url = stateURL + (pres ? "?group=" + pres.getAttribute("data-group") : "");
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (j.phase && j.phase !== phase) {
          saveAnswers().then(function () { location.reload(); });
          return;
        }
        var stamp = root.getAttribute("data-stamp");
        if (stamp !== null && String(j.stamp) !== stamp) {
          location.reload(); // the plenum follows the groups' texts as they are written
          return;
        }
        if (ta && inflight === null && ta.value === synced && j.version > version) {
          synced = j.text; version = j.version;
          setText(j.text);
        }
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 2000);
})();
