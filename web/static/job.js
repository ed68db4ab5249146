// A job's page follows the job over its live event stream: the status text, the progress
// bar and, at the end, the result. The stream closes once the job is finished.
(function () {
  "use strict";
  var root = document.querySelector("[data-job-events]");
  if (!root || root.hasAttribute("data-finished") || !window.EventSource) return;
  var text = root.querySelector("[data-job-text]");
  var bar = root.querySelector("[data-job-progress]");
  var result = root.querySelector("[data-job-result]");
  var refresh = root.querySelector("[data-job-refresh]");
  if (refresh) refresh.hidden = true;
  var es = new EventSource(root.getAttribute("data-job-events"));
  es.addEventListener("job", function (e) {
    var s = JSON.parse(e.data);
    if (text.textContent !== s.text) text.textContent = s.text;
    bar.value = s.progress;
    bar.textContent = s.progress + " %";
    if (s.finished) {
      es.close();
      root.setAttribute("data-finished", "");
      if (s.result_label) {
        result.textContent = "";
        var el;
        if (s.result_url) {
          el = document.createElement("a");
          el.className = "ds-button";
          el.setAttribute("data-variant", "primary");
          el.href = s.result_url;
          el.setAttribute("download", "");
        } else {
          el = document.createElement("span");
        }
        el.setAttribute("data-job-link", "");
        el.textContent = s.result_label;
        result.appendChild(el);
        if (s.result_path) {
          var code = document.createElement("code");
          code.className = "app-break";
          code.textContent = s.result_path;
          result.appendChild(document.createTextNode(" "));
          result.appendChild(code);
        }
        result.hidden = false;
      }
    }
  });
})();
