"""`journey preview PATH`: the HTML report served on 127.0.0.1, re-rendered on every save.

How it works (docs/site.md#preview):

- a standard-library `ThreadingHTTPServer` in a thread serves the page at `/`
  and a version number at `/__journey/version`;
- the main thread polls the map file's modification time, size and inode every
  200 ms, and re-renders in-process (the modules stay loaded) when they change,
  so a save shows within a second;
- the served page carries a small inline script (allowed by a nonce in its
  Content-Security-Policy) that polls the version and reloads when it grows; a
  report written with `journey report` stays script-free;
- while the map is invalid, the page lists its lint errors (HTTP 422), as
  `journey lint` shows them, and reloads into the map once they are fixed;
- Ctrl-C (SIGINT) stops the server and the command exits 0.
"""

from __future__ import annotations

import html
import io
import secrets
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO

from journeycli.core.errors import InvalidMapError, JourneyError, UsageError
from journeycli.core.settings import Settings

POLL_SECONDS = 0.2
VERSION_PATH = "/__journey/version"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
RELOAD_SCRIPT = """<script nonce="{nonce}">
(() => {{
  const seen = {version};
  const poll = () => fetch("{path}", {{cache: "no-store"}})
    .then(r => r.text())
    .then(v => {{ if (Number(v) !== seen) location.reload(); else setTimeout(poll, 300); }})
    .catch(() => setTimeout(poll, 1000));
  setTimeout(poll, 300);
}})();
</script>
"""


@dataclass(frozen=True, slots=True)
class Rendered:
    """One rendering of the map: the page and the HTTP status it is served with."""

    status: int
    body: str


def render_report(path: str, persona: str | None, settings: Settings) -> Rendered:
    """The HTML report of the map, or a page with its lint errors (or the one-line error)."""
    from journeycli.report.run import produce

    buffer = io.StringIO()
    try:
        produce([path], stream=buffer, output_format="html", persona=persona, settings=settings)
    except InvalidMapError as exc:
        lines = [problem.format_text() for problem in exc.problems]
        return Rendered(HTTPStatus.UNPROCESSABLE_ENTITY, error_page(path, lines))
    except JourneyError as exc:
        return Rendered(HTTPStatus.UNPROCESSABLE_ENTITY, error_page(path, [str(exc)]))
    return Rendered(HTTPStatus.OK, buffer.getvalue())


def error_page(path: str, lines: list[str]) -> str:
    """A plain page naming the file and listing what `journey lint` would say about it."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
    name = html.escape(path)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{REPORT_CSP}">
<title>{name}: not a valid map</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #1f2937; }}
h1 {{ color: #b91c1c; font-size: 1.4rem; }}
li {{ margin: .4rem 0; overflow-wrap: anywhere; }}
code {{ font-size: .95rem; }}
</style>
</head>
<body>
<h1>{name} is not a valid map yet</h1>
<p>Fix these and save; the page reloads by itself.</p>
<ul class="problems">
{items}
</ul>
</body>
</html>
"""


def with_reload(page: str, version: int) -> str:
    """The page with the reload script and a Content-Security-Policy that allows only it."""
    nonce = secrets.token_urlsafe(16)
    policy = f"{REPORT_CSP}; script-src 'nonce-{nonce}'; connect-src 'self'"
    page = page.replace(f'content="{REPORT_CSP}"', f'content="{policy}"', 1)
    script = RELOAD_SCRIPT.format(nonce=nonce, version=version, path=VERSION_PATH)
    return page.replace("</body>", script + "</body>", 1)


class Preview:
    """The current rendering of one map and its version, shared by the watcher and the server."""

    def __init__(self, path: str, render: Callable[[], Rendered]) -> None:
        self.path = path
        self._render = render
        self._lock = threading.Lock()
        self.version = 0
        self.current = render()
        self._stamp = self._file_stamp()

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            info = Path(self.path).stat()
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def check(self) -> bool:
        """Re-render when the file changed since the last look; True when it did."""
        stamp = self._file_stamp()
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        rendered = self._render()
        with self._lock:
            self.current = rendered
            self.version += 1
        return True

    def snapshot(self) -> tuple[int, Rendered]:
        with self._lock:
            return self.version, self.current


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "journey-preview"
        sys_version = ""

        def do_GET(self) -> None:
            version, rendered = preview.snapshot()
            route = self.path.split("?", 1)[0]
            if route == VERSION_PATH:
                self._send(HTTPStatus.OK, str(version), "text/plain")
            elif route in ("/", "/index.html"):
                self._send(rendered.status, with_reload(rendered.body, version), "text/html")
            else:
                self._send(HTTPStatus.NOT_FOUND, "not found", "text/plain")

        def _send(self, status: int, text: str, kind: str) -> None:
            body = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return  # a request log would drown the one line that matters

    return Handler


def serve(
    path: str,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    persona: str | None = None,
    settings: Settings | None = None,
    stream: TextIO = sys.stdout,
    warn: TextIO = sys.stderr,
    stop: threading.Event | None = None,
) -> None:
    """Serve the live report of `path` until Ctrl-C (or `stop` is set); returns normally."""
    if not Path(path).is_file():
        raise UsageError(f"{path}: no such map file", hint="name one .journey.yaml file")
    if host not in LOOPBACK:
        warn.write(
            f"journey: warning: listening on {host}: anyone who can reach this machine "
            "can read the map\n"
        )
    chosen = settings or Settings()
    preview = Preview(path, lambda: render_report(path, persona, chosen))
    try:
        server = ThreadingHTTPServer((host, port), _handler(preview))
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc})",
            hint="choose another --port, or leave it out for a free one",
        ) from exc
    server.daemon_threads = True
    shown = f"[{host}]" if ":" in host else host
    stream.write(f"Preview of {path} at http://{shown}:{server.server_port}/ (Ctrl-C stops)\n")
    stream.flush()
    thread = threading.Thread(target=server.serve_forever, name="journey-preview", daemon=True)
    thread.start()
    try:
        while not (stop and stop.is_set()):
            time.sleep(POLL_SECONDS)
            preview.check()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
    stream.write("Preview stopped.\n")
    stream.flush()
