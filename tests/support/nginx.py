"""Debian's nginx on 127.0.0.1 with the configuration the project ships (pipeline/data/nginx), for tests.

`serving(root, prefix)` starts nginx in the foreground (`daemon off`) with its own prefix and configuration
under `prefix`, on a free port, serving `root` exactly as `sites-available/koopstadt` does on a server: only
`listen` and `root` differ. As root (CI) it keeps the workers as root (`user root`), else they could not
read the test's temporary files.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pipeline

from .net import free_port

NGINX = os.environ.get("KOOP_NGINX", "/usr/sbin/nginx")
MODULES = Path("/usr/lib/nginx/modules")
BROTLI = MODULES / "ngx_http_brotli_static_module.so"
SHIPPED = Path(pipeline.__file__).resolve().parent / "data" / "nginx"
SITE = "sites-available/koopstadt"
MIME_TYPES = Path("/etc/nginx/mime.types")


@dataclass
class Nginx:
    url: str
    prefix: Path
    process: subprocess.Popen[bytes]

    def log(self) -> str:
        return (self.prefix / "error.log").read_text(encoding="utf-8", errors="replace")


def available() -> str | None:
    """Why nginx cannot run here (German, for the failure), or None."""
    if not Path(NGINX).is_file():
        return f"nginx fehlt: {NGINX} (Debian: apt-get install nginx libnginx-mod-http-brotli-static)"
    if not BROTLI.is_file():
        return f"Das Brotli-Modul von nginx fehlt: {BROTLI} (Debian: apt-get install libnginx-mod-http-brotli-static)"
    return None


def site_config(root: Path, port: int) -> str:
    """The shipped site with this test's address and root (each replaced line must be there exactly once)."""
    text = (SHIPPED / SITE).read_text(encoding="utf-8")
    for old, new in (("    listen 80;\n", f"    listen 127.0.0.1:{port};\n"), ("    listen [::]:80;\n", ""),
                     ("    root /srv/koopstadt/current;\n", f"    root {root};\n")):
        assert text.count(old) == 1, f"{SITE}: „{old.strip()}“ nicht genau einmal"
        text = text.replace(old, new)
    return text


def main_config(prefix: Path) -> str:
    """Debian's nginx.conf in short, with everything that writes under `prefix`."""
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "".join(f"    {kind}_temp_path {prefix / 'tmp' / kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"load_module {BROTLI};\n{user}worker_processes 1;\ndaemon off;\npid {prefix / 'nginx.pid'};\n"
            f"error_log {prefix / 'error.log'} warn;\nevents {{ worker_connections 64; }}\n"
            f"http {{\n    sendfile on;\n    include {MIME_TYPES};\n    default_type application/octet-stream;\n"
            f"    access_log {prefix / 'access.log'};\n    gzip on;\n{temp}"
            f"    include conf.d/*.conf;\n    include sites-enabled/*;\n}}\n")


@contextmanager
def serving(root: Path, prefix: Path) -> Iterator[Nginx]:
    """nginx serving `root` until the block ends; its error log is in the failure if it does not start."""
    problem = available()
    assert problem is None, problem
    conf = prefix / "conf"
    shutil.copytree(SHIPPED, conf, dirs_exist_ok=True)
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "tmp" / kind).mkdir(parents=True, exist_ok=True)
    port = free_port()
    (conf / "sites-enabled").mkdir(exist_ok=True)
    (conf / "sites-enabled" / "koopstadt").write_text(site_config(root, port), encoding="utf-8")
    (conf / "nginx.conf").write_text(main_config(prefix), encoding="utf-8")
    command = [NGINX, "-p", str(prefix), "-c", str(conf / "nginx.conf"), "-e", str(prefix / "error.log")]
    test = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert test.returncode == 0, f"nginx -t: {test.stderr}"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Nginx(f"http://127.0.0.1:{port}", prefix, process)
    try:
        _wait_until_listening(server, port)
        yield server
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown, workers included
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_listening(server: Nginx, port: int) -> None:
    for _ in range(300):
        if server.process.poll() is not None:
            raise AssertionError(f"nginx beendet ({server.process.returncode}): {server.log()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nginx antwortet nicht auf Port {port}: {server.log()}")
