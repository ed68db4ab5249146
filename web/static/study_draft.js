// Saves the text of a work requirement as it is typed, so that nothing is lost when a phone
// dies or a shift starts, and shows the progress of a file upload. The form works without
// this script: its Save draft button posts the same fields.
(function () {
  "use strict";
  var form = document.getElementById("draft-form");
  if (!form) { return; }
  var text = document.getElementById("f-text");
  var state = document.getElementById("draft-state");
  var file = document.getElementById("f-file");
  var progress = document.getElementById("upload-progress");
  var timer = null, sending = false, again = false;

  function fields() {
    var body = new URLSearchParams();
    body.append("text", text.value);
    form.querySelectorAll("input[name=members]:checked").forEach(function (m) { body.append("members", m.value); });
    return body;
  }

  function save() {
    if (sending) { again = true; return; }
    sending = true;
    state.textContent = state.dataset.saving;
    fetch(form.dataset.autosave, {
      method: "POST", credentials: "same-origin",
      headers: { "X-Autosave": "1", "Content-Type": "application/x-www-form-urlencoded" },
      body: fields()
    }).then(function (resp) {
      if (resp.ok) {
        state.textContent = state.dataset.saved + " " + new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
        return;
      }
      return resp.text().then(function (msg) { state.textContent = msg; });
    }).catch(function () {
      state.textContent = state.dataset.offline;
    }).finally(function () {
      sending = false;
      if (again) { again = false; save(); }
    });
  }

  text.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });

  form.addEventListener("submit", function (ev) {
    if (!file || !file.files.length || !window.XMLHttpRequest) { return; }
    ev.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Upload", "1");
    progress.hidden = false;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) { progress.value = Math.round(100 * e.loaded / e.total); }
    });
    xhr.addEventListener("load", function () {
      if (xhr.status >= 200 && xhr.status < 300) { window.location.reload(); return; }
      progress.hidden = true;
      state.textContent = xhr.responseText;
    });
    xhr.addEventListener("error", function () {
      progress.hidden = true;
      state.textContent = state.dataset.offline;
    });
    xhr.send(new FormData(form));
  });
}());
