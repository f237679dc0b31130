// Canllaw console: progressive enhancement only. Every page works without
// this file; with it, search results update as the adviser types and the
// keyboard can drive the search.
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var results = document.getElementById("results");

  // "/" focuses the search box from anywhere but a text field.
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      if (input) {
        e.preventDefault();
        input.focus();
        input.select();
      } else {
        window.location.href = "/";
      }
    }
  });

  if (!form || !input || !results) return;

  var DEBOUNCE_MS = 120;
  var timer = null;
  var latest = 0;        // number of the newest request sent
  var controller = null; // to abort a request that has been overtaken

  function refresh() {
    var data = new URLSearchParams(new FormData(form));
    var seq = ++latest;
    if (controller) controller.abort();
    controller = typeof AbortController === "function" ? new AbortController() : null;
    results.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("data-results") + "?" + data.toString(), {
      credentials: "same-origin",
      headers: { "Accept": "text/html" },
      signal: controller ? controller.signal : undefined
    }).then(function (r) {
      if (r.status === 401) { window.location.reload(); return null; }
      return r.text();
    }).then(function (html) {
      // A slower, older response must never replace a newer one.
      if (html === null || seq !== latest) return;
      results.innerHTML = html;
      results.setAttribute("aria-busy", "false");
      var url = data.get("q") ? "/?" + data.toString() : "/";
      window.history.replaceState(null, "", url);
    }).catch(function (err) {
      if (err && err.name === "AbortError") return;
      results.setAttribute("aria-busy", "false");
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  });
  form.addEventListener("change", function (e) {
    if (e.target !== input) refresh();
  });

  function links() {
    return Array.prototype.slice.call(results.querySelectorAll("a.hit-link"));
  }

  function move(delta) {
    var list = links();
    if (!list.length) return;
    var i = list.indexOf(document.activeElement);
    var next = i + delta;
    if (i === -1) next = delta > 0 ? 0 : list.length - 1;
    if (next < 0) { input.focus(); return; }
    if (next >= list.length) next = list.length - 1;
    list[next].focus();
  }

  // ↑ ↓ move focus between the search box and the results, so Enter opens
  // the focused result as any link does; Esc clears the search.
  document.addEventListener("keydown", function (e) {
    var inSearch = e.target === input;
    var onResult = e.target && e.target.classList && e.target.classList.contains("hit-link");
    if (!inSearch && !onResult) return;
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Escape") {
      e.preventDefault();
      input.value = "";
      input.focus();
      refresh();
    }
  });
})();
