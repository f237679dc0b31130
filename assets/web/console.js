// Canllaw console: progressive enhancement only. Every page works without
// this file; with it, search results update as the adviser types, the
// keyboard can drive the search, and the contact workspace sends turns and
// ticks without leaving the page.
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var results = document.getElementById("results");

  // "/" focuses the search box from anywhere but a text field; on a
  // contact it opens the contact's own search panel, so nothing is left.
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var box = document.getElementById("q");
      if (box) {
        e.preventDefault();
        var panel = box.closest(".panel");
        var focus = function () { box.focus(); box.select(); };
        if (panel && window.location.hash !== "#" + panel.id) {
          // Showing the panel (:target) happens after the hash changes.
          window.location.hash = panel.id;
          setTimeout(focus, 0);
        } else {
          focus();
        }
      } else {
        window.location.href = "/console";
      }
    }
  });

  enhanceWorkspace();
  enhanceEditor();

  // Each line to say in a script gets a copy button.
  var scripts = document.querySelector(".scripts[data-copy-label]");
  if (scripts && navigator.clipboard) {
    var label = scripts.getAttribute("data-copy-label");
    Array.prototype.forEach.call(scripts.querySelectorAll(".script blockquote"), function (q) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.textContent = label;
      b.addEventListener("click", function () { navigator.clipboard.writeText(q.textContent.trim()); });
      q.insertAdjacentElement("afterend", b);
    });
  }

  // Print buttons print the letter alone, as edited.
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var body = document.getElementById("body");
      var subject = document.getElementById("subject");
      var sheet = document.getElementById("print-letter");
      if (sheet && body) sheet.querySelector(".letter-body").textContent = body.value;
      if (sheet && subject) sheet.querySelector("strong").textContent = subject.value;
      window.print();
    });
  });

  if (!form || !input || !results) return;

  // After a reload or Back the caret goes after the query, ready to add to
  // it, not before it.
  function caretToEnd() {
    if (input.setSelectionRange) {
      var end = input.value.length;
      input.setSelectionRange(end, end);
    }
  }
  // pageshow comes on the first load and on Back, after the browser has
  // put back the box's text; the caret is placed once it has.
  window.addEventListener("pageshow", function () {
    var a = document.activeElement;
    if (!a || a === document.body || a === input) input.focus();
    setTimeout(function () {
      if (document.activeElement === input) caretToEnd();
    }, 0);
  });

  var DEBOUNCE_MS = 120;
  // A query left alone this long has been read: it is counted for the
  // editors (found nothing, or shown and perhaps not followed). Each
  // keystroke's query is not.
  var SETTLE_MS = 2000;
  var settle = null;
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
      clearTimeout(settle);
      if (data.get("q")) {
        settle = setTimeout(function () {
          if (seq !== latest) return;
          fetch(form.getAttribute("data-results") + "?" + data.toString() + "&settled=1", {
            credentials: "same-origin",
            headers: { "Accept": "text/html" }
          }).catch(function () {});
        }, SETTLE_MS);
      }
      if (!form.hasAttribute("data-keep-url")) {
        var home = form.getAttribute("action");
        var url = data.get("q") ? home + "?" + data.toString() : home;
        window.history.replaceState(null, "", url);
      }
    }).catch(function (err) {
      if (err && err.name === "AbortError") return;
      results.setAttribute("aria-busy", "false");
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    clearTimeout(settle);
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
    // ↑ from the box stays in the box.
    if (i === -1 && delta < 0) return;
    var next = i === -1 ? 0 : i + delta;
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

  // The contact workspace: forms marked data-enhance are sent without
  // leaving the page; the workspace is redrawn from the answer and the
  // focus goes back where it was (the conversation box after a turn).
  // Ticks in a form marked data-autosave are saved as they change, so none
  // is lost by opening something else. Without this script every form
  // posts and the page comes back at the same panel.
  function enhanceWorkspace() {
    var workspace = document.getElementById("workspace");
    if (!workspace || !window.fetch || !window.DOMParser) return;

    function redraw(html, focusId) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var fresh = doc.getElementById("workspace");
      if (!fresh) return false;
      // Each part's contents are replaced, not the parts themselves: the
      // panel named in the address stays the :target, and the search
      // panel keeps its query, results and listeners.
      var parts = workspace.querySelectorAll(".ws-main, .panel");
      Array.prototype.forEach.call(parts, function (old) {
        if (old.id === "p-search") return;
        var next = old.id ? fresh.querySelector("#" + old.id) : fresh.querySelector(".ws-main");
        if (next) old.innerHTML = next.innerHTML;
      });
      showCopy();
      var el = focusId && document.getElementById(focusId);
      if (el) el.focus();
      return true;
    }

    // One request at a time, in order: a tick made while the last one is
    // saving is sent after it, against the version that save produced.
    var busy = false;
    var queue = [];

    function next() {
      if (busy || !queue.length) return;
      var job = queue.shift();
      var version = workspace.querySelector("input[name=version]");
      if (version && job.data.has("version")) job.data.set("version", version.value);
      busy = true;
      fetch(job.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Accept": "text/html" },
        body: new URLSearchParams(job.data)
      }).then(function (r) {
        return r.text().then(function (html) { return { ok: r.ok, html: html }; });
      }).then(function (r) {
        busy = false;
        // An error (a closed contact, a change made elsewhere) is shown
        // as the page it is.
        if (!r.ok || !redraw(r.html, job.focusId)) {
          queue = [];
          document.open();
          document.write(r.html);
          document.close();
          return;
        }
        next();
      }).catch(function () {
        busy = false;
        queue = [];
        job.form.removeAttribute("data-enhance");
        job.form.submit();
      });
    }

    document.addEventListener("submit", function (e) {
      var f = e.target;
      if (!f.hasAttribute || !f.hasAttribute("data-enhance") || !workspace.contains(f)) return;
      e.preventDefault();
      var data = new FormData(f);
      var submitter = e.submitter;
      if (submitter && submitter.name) data.append(submitter.name, submitter.value);
      f.setAttribute("aria-busy", "true");
      queue.push({
        form: f,
        action: f.action,
        data: data,
        focusId: f.getAttribute("data-focus") ||
          (document.activeElement && document.activeElement.id) || null
      });
      next();
    });

    // Ticks save as they change. Lists (select) wait for their button:
    // typing to choose an option changes it once per letter.
    document.addEventListener("change", function (e) {
      var t = e.target;
      var f = t.form;
      if (f && f.hasAttribute("data-autosave") && workspace.contains(f) && f.requestSubmit &&
          (t.type === "checkbox" || t.type === "radio")) {
        f.requestSubmit();
      }
    });

    // Enter sends the turn; Shift+Enter starts a new line.
    document.addEventListener("keydown", function (e) {
      if (e.target && e.target.id === "turn" && e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        if (e.target.form.requestSubmit) e.target.form.requestSubmit();
      }
    });

    function showCopy() {
      var buttons = document.querySelectorAll("[data-copy]");
      Array.prototype.forEach.call(buttons, function (b) {
        if (!navigator.clipboard) return;
        b.hidden = false;
        b.onclick = function () {
          var source = document.getElementById(b.getAttribute("data-copy"));
          if (source) navigator.clipboard.writeText(source.textContent.trim());
        };
      });
    }
    showCopy();
  }

  // The editors' pages: the preview follows the Markdown as it is typed
  // (rendered and sanitised by the server, as the console shows it), and
  // leaving a form with unsaved changes asks first.
  function enhanceEditor() {
    var areas = document.querySelectorAll("textarea[data-preview]");
    if (!document.querySelector(".edit-form")) return;
    document.documentElement.classList.add("js");
    Array.prototype.forEach.call(areas, function (area) {
      var target = document.getElementById(area.getAttribute("data-preview"));
      var csrf = area.form.querySelector("input[name=csrf]");
      var timer = null;
      var sent = 0;
      area.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var mine = ++sent;
          var data = new URLSearchParams();
          data.set("body", area.value);
          data.set("lang", target.getAttribute("data-lang") || "");
          data.set("csrf", csrf ? csrf.value : "");
          fetch("/console/editor/preview", {
            method: "POST",
            credentials: "same-origin",
            headers: { "x-csrf-token": csrf ? csrf.value : "" },
            body: data
          }).then(function (r) {
            return r.ok ? r.text() : null;
          }).then(function (html) {
            // An older answer arriving late never replaces a newer one.
            if (html !== null && mine === sent) target.innerHTML = html;
          }).catch(function () {});
        }, 300);
      });
    });
    var dirty = false;
    Array.prototype.forEach.call(document.querySelectorAll(".edit-form"), function (f) {
      f.addEventListener("input", function () { dirty = true; });
      f.addEventListener("submit", function () { dirty = false; });
    });
    window.addEventListener("beforeunload", function (e) {
      if (dirty) { e.preventDefault(); e.returnValue = ""; }
    });
  }
})();
