// The projector view of an IPE session: it follows the session over its event stream and
// redraws in place (no reload): the phase, a plain-words status, the hat filling up, the note
// each group drew last, and from the plenum the votes as bars. Keys for the facilitator: N
// next phase, K show or hide the code, F full screen, ? the list of keys. Text from the
// server is always set with textContent.
(function () {
  "use strict";
  var root = document.getElementById("ipe-present");
  if (!root) return;
  var q = function (sel) { return root.querySelector(sel); };
  var msgs = {};
  document.querySelectorAll("#present-msgs").forEach(function (t) {
    t.content.querySelectorAll("[data-msg]").forEach(function (el) { msgs[el.getAttribute("data-msg")] = el.textContent; });
  });
  var msg = function (key, vars) {
    var s = msgs[key] || "";
    Object.keys(vars || {}).forEach(function (k) { s = s.split("{" + k + "}").join(String(vars[k])); });
    return s;
  };
  var session = root.dataset.session, token = root.dataset.token, k = Number(root.dataset.k) || 0;
  var phase = root.dataset.phase, loading = false, again = false, lastDrawn = {};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function status(st) {
    var v = { writers: st.hat.writers, k: k, notes: st.hat.notes };
    if (st.phase === "capture") return msg(st.hat.writers < k ? "present.status.capture_waiting" : "present.status.capture_open", v);
    return msg("present.status." + st.phase, v);
  }

  function render(st) {
    phase = st.phase;
    root.dataset.phase = phase;
    q("[data-present=phase]").textContent = msg("ipe.phase." + phase);
    var s = status(st);
    var box = q("[data-present=status]");
    if (box.textContent !== s) box.textContent = s;
    var joinable = phase === "draft" || phase === "capture";
    document.getElementById("present-join").hidden = !joinable || root.hasAttribute("data-code-hidden");
    var meter = q("[data-present=meter]");
    meter.hidden = !joinable;
    meter.value = st.hat.writers;
    root.querySelectorAll("[data-hat]").forEach(function (e) {
      var v = st.hat[e.getAttribute("data-hat")];
      if (v !== undefined) e.textContent = String(v);
    });
    var timer = q("[data-present=timer]");
    timer.hidden = !st.deadline;
    timer.querySelector("[data-deadline]").setAttribute("data-deadline", st.deadline || "");
    var next = q("[data-present=next]");
    if (next) next.hidden = phase === "closed";
    renderGroups(st, joinable);
  }

  function renderGroups(st, joinable) {
    var box = q("[data-present=groups]");
    box.hidden = joinable;
    if (joinable) return;
    box.setAttribute("data-groups", String(st.groups.length));
    var most = 1;
    st.groups.forEach(function (g) { g.draws.forEach(function (d) { if (d.votes > most) most = d.votes; }); });
    box.textContent = "";
    st.groups.forEach(function (g) {
      var card = el("div", "app-present-group");
      card.appendChild(el("h2", "", g.name));
      if (st.phase === "draw") {
        var last = g.draws[g.draws.length - 1];
        card.appendChild(last ? el("p", "app-present-drawn", last.text) : el("p", "app-present-none", msg("present.nothing_drawn")));
        if (last && lastDrawn[g.id] !== undefined && lastDrawn[g.id] !== last.note) card.setAttribute("data-new", "");
        lastDrawn[g.id] = last ? last.note : "";
      } else if (g.draws.length) {
        var ol = el("ol", "app-present-notes");
        g.draws.forEach(function (d) {
          var li = el("li");
          li.appendChild(el("span", "app-present-note", d.text));
          if (d.votes !== undefined) {
            var bar = el("span", "app-present-bar");
            var m = el("meter");
            m.min = 0; m.max = most; m.value = d.votes;
            m.setAttribute("aria-hidden", "true");
            bar.appendChild(m);
            bar.appendChild(el("span", "app-present-votes", msg(d.votes === 1 ? "present.votes_one" : "present.votes_other", { n: d.votes })));
            li.appendChild(bar);
          }
          ol.appendChild(li);
        });
        card.appendChild(ol);
      } else {
        card.appendChild(el("p", "app-present-none", msg("ipe.results.none")));
      }
      box.appendChild(card);
    });
  }

  function refresh() {
    if (!token) return;
    if (loading) { again = true; return; }
    loading = true;
    fetch("/api/v1/sessions/" + session, { credentials: "omit", headers: { Authorization: "Bearer " + token } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (st) {
        loading = false;
        if (st) render(st);
        if (again) { again = false; refresh(); }
      }, function () { loading = false; });
  }

  if (token) {
    var es = new EventSource("/api/v1/sessions/" + session + "/events?token=" + encodeURIComponent(token) +
      "&last_event_id=" + (root.dataset.seq || "0"));
    ["phase", "draw", "turn", "reflection", "redacted", "hat"].forEach(function (name) { es.addEventListener(name, refresh); });
  }

  setInterval(function () {
    root.querySelectorAll("[data-deadline]").forEach(function (e) {
      var end = Number(e.getAttribute("data-deadline"));
      if (!end) { e.textContent = ""; return; }
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      e.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    });
  }, 1000);

  // The facilitator's next phase: the console's own form action, answered by a redirect.
  function nextPhase() {
    var url = root.dataset.phaseUrl;
    if (!url || phase === "closed") return;
    var body = new URLSearchParams({ from: phase });
    fetch(url, { method: "POST", credentials: "same-origin", redirect: "manual", body: body }).then(refresh, refresh);
  }
  var toggle = root.querySelector("[data-key=k]");
  function toggleCode() {
    var hidden = !root.hasAttribute("data-code-hidden");
    if (hidden) root.setAttribute("data-code-hidden", ""); else root.removeAttribute("data-code-hidden");
    document.getElementById("present-join").hidden = hidden || !(phase === "draft" || phase === "capture");
    toggle.setAttribute("aria-expanded", String(!hidden));
    q("[data-present=status]").textContent = msg(hidden ? "present.code_hidden" : "present.code_shown");
    setTimeout(refresh, 1500);
  }
  function fullScreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
  }
  var help = document.getElementById("present-help");
  function showHelp() { if (help.open) help.close(); else help.showModal(); }
  var actions = { n: nextPhase, k: toggleCode, f: fullScreen, "?": showHelp };
  root.querySelectorAll("[data-key]").forEach(function (b) {
    b.addEventListener("click", function () { actions[b.getAttribute("data-key")](); });
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    var a = actions[e.key.toLowerCase()] || actions[e.key];
    if (a) { e.preventDefault(); a(); }
  });
})();
