"""`nox -s serve`: live preview (Sphinx in a subprocess on every change, the pages served with live reload).

The port is checked before anything is built: a busy port is a German usage error naming it and
`--port`, not an English „Errno 98“ after the build while the address shows another server's pages.
sphinx-autobuild's watcher, reload script and static server are used; its builder is not, because it
announces every step in English and echoes Sphinx's command line. What the preview finds is printed by
the build itself (`koop_echo`), in the format of `check`.
"""

from __future__ import annotations

import contextlib
import errno
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import messages as M
from ..catalogue import BROWSE_DIR
from ..errors import EXIT_USAGE
from ..outputs import work_dir
from ..paths import DOCS_DIR, ISSUE_PAGES_DIR, ISSUE_SOURCES_DIR
from .build import stage_downloads

CANDIDATES = 20  # ports after a busy one to look at for the hint


def _bindable(host: str, port: int) -> OSError | None:
    """Why a server could not listen on host:port, or None (bound and closed again, as uvicorn will bind it)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        return OSError(errno.EADDRNOTAVAIL, str(getattr(exc, "strerror", None) or exc))
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # uvicorn's setting: TIME_WAIT is no obstacle
        try:
            probe.bind(address)
        except OSError as exc:
            return exc
    return None


def port_problem(host: str, port: int) -> tuple[str, str] | None:
    """The German message and hint why the preview cannot use host:port, or None when it can."""
    problem = _bindable(host, port)
    if problem is None:
        return None
    if problem.errno == errno.EADDRINUSE:
        free = next((p for p in range(port + 1, min(port + CANDIDATES, 65535) + 1) if _bindable(host, p) is None),
                    port + 1)
        return M.SERVE_PORT_BUSY.format(port), M.SERVE_PORT_BUSY_HINT.format(free)
    if problem.errno == errno.EACCES:
        return M.SERVE_PORT_DENIED.format(port), M.SERVE_PORT_BUSY_HINT.format(8000)
    return M.SERVE_HOST_UNKNOWN.format(host, problem.strerror or problem), M.SERVE_HOST_HINT


@dataclass(frozen=True)
class Rebuild:
    """Run Sphinx for the preview and say so in German (picklable: the watcher calls it in a worker process)."""

    sphinx_args: tuple[str, ...]
    address: str

    def __call__(self, *, changed_paths: tuple[Path, ...] | list[Path] = ()) -> None:
        if changed_paths:
            names = ", ".join(p.name for p in list(changed_paths)[:5])
            print(M.SERVE_CHANGED.format(names), flush=True)
        done = subprocess.run([sys.executable, "-m", "sphinx", "build", *self.sphinx_args], check=False)
        if done.returncode:
            print(M.SERVE_FAILED.format(done.returncode), file=sys.stderr, flush=True)
        if changed_paths:
            print(M.SERVE_READY.format(*self.address.rsplit(":", 1)), flush=True)


def serve(root: Path, host: str, port: int) -> int:
    problem = port_problem(host, port)
    if problem is not None:
        print(f"{M.USAGE_PREFIX}: {problem[0]}\n{M.HINT_PREFIX}: {problem[1]}", file=sys.stderr)
        return EXIT_USAGE
    import uvicorn
    from sphinx_autobuild.filter import IgnoreFilter
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
    from sphinx_autobuild.server import RebuildServer
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Mount, WebSocketRoute
    from starlette.staticfiles import StaticFiles

    extra = stage_downloads(root)
    out = work_dir(root, "serve")
    doctrees = work_dir(root, "doctrees-serve")
    address = f"{host}:{port}"
    rebuild = Rebuild((str(root / DOCS_DIR), str(out), "-c", str(root), "-d", str(doctrees), "-q",
                       "-D", "koop_preview=1", "-D", "koop_echo=1",
                       "-D", f"koop_downloads={extra / 'downloads'}", "-D", f"html_extra_path={extra}"), address)
    rebuild()
    print(M.SERVE_START.format(host, port), flush=True)
    docs = root / DOCS_DIR
    watched = [docs, root / ISSUE_SOURCES_DIR, Path(__file__).resolve().parent.parent / "data"]
    ignored = IgnoreFilter([out, doctrees, docs / BROWSE_DIR, docs / ISSUE_PAGES_DIR, root / "build"], [])
    watcher = RebuildServer([w for w in watched if w.is_dir()], ignored, change_callback=rebuild)
    app = Starlette(routes=[WebSocketRoute("/websocket-reload", watcher, name="reload"),
                            Mount("/", app=StaticFiles(directory=out, html=True), name="static")],
                    middleware=[Middleware(JavascriptInjectorMiddleware, ws_url=address)],
                    lifespan=watcher.lifespan)
    try:
        with contextlib.suppress(KeyboardInterrupt):
            # uvicorn says nothing itself (English); a port taken while the first build ran is said here
            uvicorn.run(app, host=host, port=port, log_level="critical")
    except SystemExit as stopped:
        late = port_problem(host, port)
        if stopped.code and late is not None:
            print(f"{M.USAGE_PREFIX}: {late[0]}\n{M.HINT_PREFIX}: {late[1]}", file=sys.stderr)
            return EXIT_USAGE
        raise
    print(M.SERVE_STOPPED)
    return 0
