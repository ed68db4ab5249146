// IPE (note in a hat): the participant page for phones, and live updates of the facilitator's
// console and the projector view. Text from the server is always set with textContent, so a
// note holding HTML or script is shown as the plain text it is.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };

  function api(method, path, token, body) {
    // No cookies: the participant API serves an anonymous token, never a login session.
    var opts = { method: method, credentials: "omit", headers: { "Content-Type": "application/json" } };
    if (token) opts.headers.Authorization = "Bearer " + token;
    if (body !== undefined) opts.body = JSON.stringify(body);
    return fetch("/api/v1" + path, opts).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) { return { status: r.status, body: j }; });
    });
  }

  function setHat(hat) {
    document.querySelectorAll("[data-hat]").forEach(function (el) {
      var v = hat[el.getAttribute("data-hat")];
      if (v !== undefined) el.textContent = String(v);
    });
  }

  function listen(session, token, after, onEvent, onHat) {
    var url = "/api/v1/sessions/" + session + "/events?token=" + encodeURIComponent(token);
    if (after) url += "&last_event_id=" + after;
    var es = new EventSource(url);
    ["phase", "draw", "turn", "reflection", "redacted"].forEach(function (name) {
      es.addEventListener(name, onEvent);
    });
    es.addEventListener("hat", function (e) { onHat(JSON.parse(e.data)); });
    return es;
  }

  // Phase timers count down to their deadline, given in Unix milliseconds.
  setInterval(function () {
    document.querySelectorAll("[data-deadline]").forEach(function (el) {
      var end = Number(el.getAttribute("data-deadline"));
      if (!end) return;
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      el.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    });
  }, 1000);

  // The facilitator's console: counts update in place; anything else redraws the console's
  // content from the server without reloading the page, unless the facilitator is typing or
  // has a note's redaction open. A phase change is sent in the background and redraws the
  // same way, keeping the keyboard focus on the phase button.
  var live = $("ipe-live");
  function busy() {
    var a = document.activeElement;
    return (a && (a.tagName === "TEXTAREA" || a.tagName === "INPUT") && a.value) ||
      !!document.querySelector("#main details.app-ipe-redact[open]");
  }
  function redraw(focusSel) {
    return fetch(location.pathname + "?fragment=1", { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw r;
      return r.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("main");
      var main = document.getElementById("main");
      if (!fresh || !main) return;
      var keep = $("ipe-live");
      main.replaceChildren.apply(main, Array.prototype.map.call(fresh.childNodes, function (n) { return document.importNode(n, true); }));
      var fresh$ = $("ipe-live");
      if (keep && fresh$) fresh$.replaceWith(keep);
      var f = focusSel && document.querySelector(focusSel);
      if (f) f.focus();
    });
  }
  if (live && live.dataset.mode === "console") {
    if (live.dataset.token) {
      listen(live.dataset.session, live.dataset.token, live.dataset.seq, function () {
        if (!busy()) redraw().catch(function () { location.reload(); });
      }, setHat);
    }
    document.addEventListener("submit", function (e) {
      var form = e.target;
      if (!form.matches || !form.matches("#main form[action$='/phase']")) return;
      e.preventDefault();
      var button = form.querySelector("button");
      if (button) button.disabled = true;
      fetch(form.action, { method: "POST", credentials: "same-origin", redirect: "manual",
        body: new URLSearchParams(new FormData(form)) }).then(function (r) {
        // Success is the redirect back to the console; anything else shows the server's page.
        if (r.type !== "opaqueredirect") { form.submit(); return; }
        return redraw("#main form[action$='/phase'] button, #main h1");
      }).catch(function () { form.submit(); });
    });
  }

  var app = $("ipe-app");
  if (!app) return;
  var store = window.sessionStorage;
  var me = JSON.parse(store.getItem("ipe") || "null");
  var stream = null, confirmNext = false, loading = false, phase = "";

  function show(id, on) { $(id).hidden = !on; }
  function status(text) { $("ipe-status").textContent = text; }
  function fail(el, res) {
    var e = $(el);
    e.textContent = (res.body.error && res.body.error.message) || $("ipe-msg-error").textContent;
    e.hidden = false;
  }

  // A random id for this browser, sent with a join for the join throttle only (the server
  // keeps counts, never the id with anything else).
  function deviceId() {
    var id = "";
    try { id = window.localStorage.getItem("ipe-device") || ""; } catch (e) { return ""; }
    if (!id) {
      var b = new Uint8Array(16);
      window.crypto.getRandomValues(b);
      id = Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
      try { window.localStorage.setItem("ipe-device", id); } catch (e) { /* private mode */ }
    }
    return id;
  }

  // A members-only session: get a credential by a blind signature from the signed-in page
  // route (which learns who asks, never the credential), wait a random moment so that asking
  // and joining do not follow each other in the server's log, then join with it through the
  // participant API (which learns the credential, never who).
  function joinAsMember(code, info) {
    status($("ipe-msg-members-working").textContent);
    var issue = function (blinded) {
      return fetch("/workplaces/" + info.workplace + "/ipe/" + info.session + "/credential", {
        method: "POST", credentials: "same-origin", redirect: "manual",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ blinded: blinded })
      }).then(function (r) {
        if (r.type === "opaqueredirect" || r.status === 401) throw { body: info, signin: true };
        return r.json().catch(function () { return { error: info.error }; }).then(function (j) {
          if (r.status !== 200) throw { body: j };
          return j.signature;
        });
      });
    };
    return window.IPEMembers.credential(info.key, issue).then(function (cred) {
      return new Promise(function (done) { setTimeout(done, 300 + Math.random() * 2200); }).then(function () {
        return api("POST", "/join", "", { code: code, device: deviceId(), credential: cred });
      });
    }).then(function (res) {
      status("");
      return res;
    }, function (err) {
      status("");
      if (err && err.signin) $("ipe-members-login").hidden = false;
      return { status: 0, body: (err && err.body) || {} };
    });
  }

  function join(code) {
    return api("POST", "/join", "", { code: code, device: deviceId() }).then(function (res) {
      if (res.status === 403 && res.body.error && res.body.error.code === "members_only") return joinAsMember(code, res.body);
      return res;
    }).then(function (res) {
      if (res.status !== 201) { fail("e-code", res); return false; }
      me = { token: res.body.token, session: res.body.session, code: code, shared: $("f-shared").checked };
      store.setItem("ipe", JSON.stringify(me));
      return true;
    });
  }

  function refresh() {
    if (loading) return;
    loading = true;
    api("GET", "/sessions/" + me.session, me.token).then(function (res) {
      loading = false;
      if (res.status === 200) render(res.body);
      else if (res.status === 401) { store.removeItem("ipe"); location.reload(); }
    }, function () { loading = false; });
  }

  function myDraws(st) {
    for (var i = 0; i < st.groups.length; i++) if (st.groups[i].id === st.group) return st.groups[i].draws;
    return [];
  }

  function render(st) {
    show("ipe-join", false);
    $("ipe-question").textContent = st.question;
    show("ipe-question", true);
    setHat(st.hat);
    var timer = $("ipe-timer");
    timer.querySelector("[data-deadline]").setAttribute("data-deadline", st.deadline || "");
    timer.hidden = !st.deadline;
    var p = st.phase;
    if (phase && phase !== p) status(""); // an old message does not follow into the next step
    phase = p;
    var mine = st.groups.filter(function (g) { return g.id === st.group; })[0];
    $("ipe-mygroup").textContent = mine ? $("ipe-msg-mygroup").textContent.replace("{name}", mine.name) : "";
    show("ipe-mygroup", !!mine);
    show("ipe-wait", p === "draft");
    show("ipe-capture", p === "capture");
    show("ipe-draw", p === "draw");
    show("ipe-vote", p === "vote");
    show("ipe-plenum", p === "plenum" || p === "closed");
    show("ipe-closed", p === "closed");
    var draws = myDraws(st);
    if (p === "draw" && draws.length) {
      var cur = draws[draws.length - 1];
      $("ipe-current-text").textContent = cur.text;
      $("ipe-reflect-form").dataset.note = cur.note;
      show("ipe-current", true);
    }
    renderGroups(st);
    if (p === "draw") renderTurn(st);
    if (p === "vote") renderVotes(st, draws);
    if (p === "plenum" || p === "closed") renderPlenum(st);
  }

  // In a session grouped by hand, people pick their group until the draw begins. The list is
  // left alone while someone is choosing in it.
  function renderGroups(st) {
    var on = st.grouping === "hand" && !!st.group && (st.phase === "draft" || st.phase === "capture");
    show("ipe-group", on);
    var sel = $("f-group");
    if (!on || document.activeElement === sel) return;
    sel.textContent = "";
    st.groups.forEach(function (g) {
      var o = document.createElement("option");
      o.value = String(g.id);
      o.textContent = $("ipe-msg-group-option").textContent.replace("{name}", g.name).replace("{n}", String(g.members));
      o.selected = g.id === st.group;
      sel.appendChild(o);
    });
  }

  // Members take turns in the order they joined; only the one whose turn it is may draw.
  // Anyone in the group may pass the turn of a member who is away.
  function renderTurn(st) {
    var turn = 0;
    st.groups.forEach(function (g) { if (g.id === st.group) turn = g.turn || 0; });
    var msg = function (id, n) { return $(id).textContent.replace("{n}", String(n)); };
    $("ipe-seat").textContent = st.seat ? msg("ipe-msg-seat", st.seat) : "";
    show("ipe-seat", !!st.seat);
    var mine = turn > 0 && turn === st.seat;
    var empty = st.hat_left === 0;
    $("ipe-turn").textContent = empty ? "" : (mine ? msg("ipe-msg-yours", turn) : (turn ? msg("ipe-msg-other", turn) : ""));
    show("ipe-hat-empty", empty);
    show("ipe-draw-btn", mine && !empty);
    var pass = $("ipe-pass-btn");
    pass.textContent = msg("ipe-msg-pass", turn);
    pass.dataset.seat = String(turn);
    show("ipe-pass-btn", !mine && turn > 0 && !empty);
  }

  function renderVotes(st, draws) {
    $("ipe-votes-left").textContent = String(st.vote_budget - st.spent);
    var list = $("ipe-vote-list");
    list.textContent = "";
    draws.forEach(function (d) {
      var li = $("ipe-vote-item").content.firstElementChild.cloneNode(true);
      li.querySelector("p").textContent = d.text;
      var b = li.querySelector("button");
      b.disabled = st.spent >= st.vote_budget;
      b.addEventListener("click", function () {
        api("POST", "/sessions/" + me.session + "/votes", me.token, { note: d.note }).then(function (res) {
          status(res.status === 201 ? "" : (res.body.error && res.body.error.message) || "");
          refresh();
        });
      });
      list.appendChild(li);
    });
  }

  function renderPlenum(st) {
    var box = $("ipe-plenum-groups");
    box.textContent = "";
    st.groups.forEach(function (g) {
      var card = document.createElement("div");
      card.className = "ds-card";
      var h = document.createElement("h3");
      h.className = "ds-heading";
      h.setAttribute("data-size", "sm");
      h.textContent = g.name;
      var ol = document.createElement("ol");
      ol.className = "ds-list";
      g.draws.forEach(function (d) {
        var li = document.createElement("li");
        li.textContent = d.text + (d.votes !== undefined ? " (" + d.votes + ")" : "");
        ol.appendChild(li);
      });
      card.appendChild(h);
      card.appendChild(ol);
      box.appendChild(card);
    });
  }

  function start() {
    refresh();
    renderOutbox(false);
    flush();
    if (stream) stream.close();
    // Someone joining moves the turns, and a join sends only the hat's counts.
    stream = listen(me.session, me.token, 0, refresh, function (hat) { setHat(hat); if (phase === "draw") refresh(); });
  }

  // Notes go through an outbox kept in the tab's session storage: each gets a random key when
  // it is written, and is sent (and after a network failure sent again, under the same key)
  // until the server acknowledges it, so a note typed on the staff room's weak Wi-Fi is
  // neither lost nor stored twice. The key says nothing about the phone; it is forgotten once
  // the note is acknowledged.
  var outboxKey = function () { return "ipe-outbox-" + me.session; };
  var delivered = [], flushing = false, retryTimer = null;
  function loadOutbox() {
    try { return JSON.parse(store.getItem(outboxKey()) || "[]"); } catch (e) { return []; }
  }
  function saveOutbox(list) { store.setItem(outboxKey(), JSON.stringify(list)); }
  function randomKey() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    return btoa(String.fromCharCode.apply(null, b)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function renderOutbox(sending) {
    var list = $("ipe-outbox");
    list.textContent = "";
    var pending = loadOutbox();
    pending.forEach(function (item, i) {
      var li = document.createElement("li");
      li.className = "app-ipe-outbox-waiting";
      li.appendChild(document.createTextNode(item.text + " – "));
      var st = document.createElement("strong");
      st.textContent = $(i === 0 && sending ? "ipe-msg-sending" : "ipe-msg-queued").textContent;
      li.appendChild(st);
      list.appendChild(li);
    });
    delivered.forEach(function (text) {
      var li = document.createElement("li");
      li.className = "app-ipe-outbox-sent";
      if (text === null) {
        li.textContent = $("ipe-msg-delivered-hidden").textContent;
      } else {
        li.appendChild(document.createTextNode(text + " – "));
        var st = document.createElement("strong");
        st.textContent = $("ipe-msg-delivered").textContent;
        li.appendChild(st);
      }
      list.appendChild(li);
    });
    $("ipe-outbox-h").hidden = !pending.length && !delivered.length;
  }
  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, 5000);
  }
  function flush() {
    if (flushing || !me) return;
    var pending = loadOutbox();
    if (!pending.length) {
      // On a shared device the next person gets a token of their own, so that the hat
      // counts writers, and sees nothing of the previous note.
      if (me.shared && delivered.length) join(me.code).then(function (ok) { if (ok) start(); });
      return;
    }
    flushing = true;
    renderOutbox(true);
    var item = pending[0];
    var done = function (keepGoing) {
      flushing = false;
      renderOutbox(false);
      if (keepGoing) flush();
    };
    api("POST", "/sessions/" + me.session + "/notes", me.token, { text: item.text, confirm: item.confirm, key: item.key }).then(function (res) {
      var rest = loadOutbox().filter(function (x) { return x.key !== item.key; });
      if (res.status === 201) {
        saveOutbox(rest);
        delivered.unshift(me.shared ? null : item.text);
        status($("ipe-msg-sent").textContent);
        return done(true);
      }
      if (res.status >= 500 || res.status === 429) { status($("ipe-msg-offline").textContent); retryLater(); return done(false); }
      saveOutbox(rest);
      if (res.body.error && res.body.error.code === "personal_data") {
        // Back into the box, with the warning: the writer edits it or sends it anyway.
        $("f-note").value = item.text;
        $("ipe-warning-text").textContent = res.body.error.message;
        show("ipe-warning", true);
        $("ipe-confirm").focus();
        return done(false);
      }
      fail("e-note", res);
      done(true);
    }, function () {
      // No answer: the network is gone or the answer was lost. Keep the note and try again.
      status($("ipe-msg-offline").textContent);
      retryLater();
      done(false);
    });
  }
  window.addEventListener("online", function () { if (me) flush(); });

  function sendNote(confirm) {
    var text = $("f-note").value.trim();
    $("e-note").hidden = true;
    if (!text) return;
    var pending = loadOutbox();
    pending.push({ key: randomKey(), text: text, confirm: !!confirm });
    saveOutbox(pending);
    $("f-note").value = "";
    show("ipe-warning", false);
    renderOutbox(false);
    flush();
  }

  $("ipe-join-form").addEventListener("submit", function (e) {
    e.preventDefault();
    $("e-code").hidden = true;
    join($("f-code").value).then(function (ok) { if (ok) start(); });
  });
  $("ipe-note-form").addEventListener("submit", function (e) { e.preventDefault(); sendNote(false); });
  $("ipe-confirm").addEventListener("click", function () { sendNote(true); });
  $("ipe-edit").addEventListener("click", function () { show("ipe-warning", false); $("f-note").focus(); });
  $("f-note").addEventListener("input", function () { show("ipe-warning", false); status(""); });
  $("ipe-draw-btn").addEventListener("click", function () {
    api("POST", "/sessions/" + me.session + "/draws", me.token).then(function (res) {
      status(res.status === 201 ? "" : (res.body.error && res.body.error.message) || "");
      refresh();
    });
  });
  $("ipe-group-form").addEventListener("submit", function (e) {
    e.preventDefault();
    $("e-group").hidden = true;
    api("POST", "/sessions/" + me.session + "/group", me.token, { group: Number($("f-group").value) }).then(function (res) {
      if (res.status !== 200) { fail("e-group", res); return; }
      status($("ipe-msg-group-saved").textContent);
      refresh();
    });
  });
  $("ipe-pass-btn").addEventListener("click", function (e) {
    api("POST", "/sessions/" + me.session + "/passes", me.token, { seat: Number(e.target.dataset.seat) }).then(function (res) {
      status(res.status === 200 ? "" : (res.body.error && res.body.error.message) || "");
      refresh();
    });
  });
  $("ipe-reflect-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var note = e.target.dataset.note;
    api("POST", "/sessions/" + me.session + "/reflections", me.token, { note: note, text: $("f-reflection").value }).then(function (res) {
      status(res.status === 200 ? $("ipe-msg-sent").textContent : (res.body.error && res.body.error.message) || "");
    });
  });
  if (me) start();
})();
