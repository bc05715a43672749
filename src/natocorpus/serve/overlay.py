"""What the preview adds to the pages it serves, and only to them: one script, which reloads an
open page once a rebuild has replaced the site and shows the errors of a rebuild that failed, its
stylesheet, and the state both read.

The site's Content-Security-Policy allows no inline script or style, so the script and its
stylesheet are files of their own, served from paths under `/__natocorpus/` that the preview
server answers itself; nothing of this is ever written into the output folder.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import orjson

from natocorpus.diagnostics import Diagnostic, Severity

RESERVED_PREFIX = "/__natocorpus/"
RELOAD_PATH = RESERVED_PREFIX + "reload.js"
OVERLAY_STYLE_PATH = RESERVED_PREFIX + "overlay.css"
STATUS_PATH = RESERVED_PREFIX + "status.json"
VERSION_PATH = RESERVED_PREFIX + "version"
OVERLAY_ID = "natocorpus-preview-errors"

# Every message is put into the page as text (`textContent`), never as markup: a diagnostic quotes
# the corpus, which may hold anything.
PREVIEW_SCRIPT = (
    """(function () {
  "use strict";
  var script = document.currentScript;
  var match = script && /[?&]version=(\\d+)/.exec(script.src);
  var seen = match ? Number(match[1]) : null;
  var shown = "";
  var dismissed = "";
  function hide() {
    var box = document.getElementById("OVERLAY_ID");
    if (box) { box.remove(); }
    shown = "";
  }
  function addStyle() {
    if (document.getElementById("OVERLAY_ID-style")) { return; }
    var link = document.createElement("link");
    link.id = "OVERLAY_ID-style";
    link.rel = "stylesheet";
    link.href = "OVERLAY_STYLE_PATH";
    document.head.appendChild(link);
  }
  function element(name, text) {
    var node = document.createElement(name);
    if (text) { node.textContent = text; }
    return node;
  }
  function show(problems, key) {
    hide();
    addStyle();
    shown = key;
    var box = element("section");
    box.id = "OVERLAY_ID";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "OVERLAY_ID-title");
    var title = element("h2", "The last rebuild failed");
    title.id = "OVERLAY_ID-title";
    var note = element("p", "This page is from the last good build. Fix what is listed and " +
      "save: the page reloads once a rebuild succeeds.");
    var list = element("ul");
    problems.forEach(function (problem) {
      var item = element("li");
      item.appendChild(element("code", problem.text));
      list.appendChild(item);
    });
    var close = element("button", "Hide");
    close.type = "button";
    close.addEventListener("click", function () { dismissed = key; hide(); });
    box.append(title, note, list, close);
    document.body.appendChild(box);
  }
  function update(status) {
    if (seen !== null && status.version !== seen) { location.reload(); return; }
    seen = status.version;
    if (!status.problems.length) { hide(); dismissed = ""; return; }
    var key = JSON.stringify(status.problems);
    if (key !== shown && key !== dismissed) { show(status.problems, key); }
  }
  function poll() {
    fetch("STATUS_PATH", {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(update)
      .catch(function () {})
      .finally(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
""".replace("OVERLAY_STYLE_PATH", OVERLAY_STYLE_PATH)
    .replace("STATUS_PATH", STATUS_PATH)
    .replace("OVERLAY_ID", OVERLAY_ID)
    .encode()
)

OVERLAY_STYLE = """#OVERLAY_ID {
  position: fixed; left: 0; right: 0; bottom: 0; z-index: 2147483647;
  box-sizing: border-box; max-height: 60vh; overflow: auto; margin: 0;
  padding: 1rem 1.25rem; border-top: 4px solid #b3261e;
  background: #fff4f2; color: #410e0b; box-shadow: 0 -4px 18px rgb(0 0 0 / 25%);
  font: 16px/1.45 system-ui, sans-serif; text-align: left;
}
#OVERLAY_ID h2 { margin: 0 0 0.25rem; font: 700 1.125rem/1.3 system-ui, sans-serif; }
#OVERLAY_ID p { margin: 0 0 0.5rem; }
#OVERLAY_ID ul { margin: 0 0 0.75rem; padding-left: 1.25rem; }
#OVERLAY_ID li { margin: 0.25rem 0; }
#OVERLAY_ID code {
  font: 14px/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere;
  background: none; color: inherit;
}
#OVERLAY_ID button {
  font: inherit; padding: 0.25rem 0.75rem; border: 1px solid #410e0b; border-radius: 4px;
  background: #fff; color: #410e0b; cursor: pointer;
}
#OVERLAY_ID button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
@media print { #OVERLAY_ID { display: none; } }
""".replace("OVERLAY_ID", OVERLAY_ID).encode()


class PreviewState:
    """What open pages are told: the site's version, which goes up each time a rebuild replaces
    the site, and the problems of the last build where it failed (none once one succeeds)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = 0
        self._problems: tuple[Diagnostic, ...] = ()

    @property
    def version(self) -> int:
        with self._lock:
            return self._version

    @property
    def problems(self) -> tuple[Diagnostic, ...]:
        with self._lock:
            return self._problems

    def site_replaced(self) -> None:
        with self._lock:
            self._version += 1
            self._problems = ()

    def build_succeeded(self) -> None:
        with self._lock:
            self._problems = ()

    def build_failed(self, problems: Iterable[Diagnostic]) -> None:
        with self._lock:
            self._problems = tuple(problems)

    def status(self) -> bytes:
        """The state as JSON, for the script: `{"version": n, "problems": [...]}`, each problem
        with its fields and its `text` as the terminal prints it (`path:line: field: message`)."""
        with self._lock:
            version, problems = self._version, self._problems
        return orjson.dumps(
            {
                "version": version,
                "problems": [
                    {
                        "text": str(problem),
                        "path": problem.path,
                        "line": problem.line,
                        "field": problem.field,
                        "message": problem.message,
                        "severity": problem.severity.value,
                    }
                    for problem in problems
                ],
            }
        )


def failure_problems(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """What the overlay lists for a failed build: its errors, then its warnings."""
    ordered = sorted(diagnostics)
    return tuple(
        [d for d in ordered if d.severity is Severity.ERROR]
        + [d for d in ordered if d.severity is Severity.WARNING]
    )


def with_preview_script(page: bytes, version: int) -> bytes:
    """`page` with the preview's script before its last `</body>` (at its end where it has none).
    The version the page was served at rides in the script's URL, so that a rebuild that ends
    before the script's first look at the status still reloads the page."""
    tag = f'<script src="{RELOAD_PATH}?version={version}"></script>'.encode()
    at = page.rfind(b"</body>")
    if at < 0:
        return page + tag
    return page[:at] + tag + page[at:]
