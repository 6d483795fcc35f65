"""epubcheck kept warm between builds: a JVM that serves checks on a Unix domain socket.

Starting a JVM and loading epubcheck's schemas costs ≈ 3 s of CPU on every build that changes a book, most of an
edit's rebuild on this two-core machine; checking the books of one edit takes well under one. So the first build
starts `BatchCheck --dienst` (check.BATCH) in a session of its own: it loads the schemas while the build goes
on, answers this build's and the next builds' requests one at a time, and ends by itself after
`KOOP_EPUBCHECK_DIENST` minutes without one. Default: `IDLE_MINUTES`, or `CI_IDLE_MINUTES` where `CI` is set (a
CI job's builds follow each other closely, and nothing should outlive the job for long); `0` or `aus`: no
service, a JVM per build as before. One service per user, epubcheck version, JVM settings and program (`key`),
for every project on the machine; a lock file lets only one run. Whatever goes wrong with it (no Unix sockets, no
JDK, a service that died), the caller checks in a JVM of its own (`check._run`): the service changes how fast,
never what is found.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ENV = "KOOP_EPUBCHECK_DIENST"
IDLE_MINUTES = 15.0
CI_IDLE_MINUTES = 2.0
OFF = {"0", "aus", "nein", "off", "false", "no"}
CONNECT_SECONDS = 30.0  # a fresh service binds its socket within a second; loading the schemas takes ≈ 3 s
ANSWER_SECONDS = 600.0
ANOTHER_SECONDS = 2.0
_SPAWNED: list[subprocess.Popen[bytes]] = []  # kept: a Popen dropped while its process runs warns


@dataclass(frozen=True)
class Service:
    folder: Path  # the service's own: socket, lock, log, warm-up book
    idle_minutes: float

    @property
    def socket(self) -> Path:
        return self.folder / "dienst.sock"

    @property
    def book(self) -> Path:
        return self.folder / "aufwaermen.epub"


def base() -> Path:
    """This user's folder of services (private: nobody else may connect to a socket in it)."""
    return Path(tempfile.gettempdir()) / f"koop-epubcheck-{os.getuid()}"


def configured(key: str) -> Service | None:
    """The service for `key` (what makes one JVM's checks the same as another's), or None where it is switched
    off or cannot be: no Unix sockets, a folder that is not this user's alone."""
    value = os.environ.get(ENV, "").strip().lower()
    if value in OFF or not hasattr(socket, "AF_UNIX") or not hasattr(os, "getuid"):
        return None
    try:
        minutes = float(value.replace(",", ".")) if value else _default_minutes()
    except ValueError:
        minutes = _default_minutes()
    if minutes <= 0:
        return None
    folder = base()
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.stat()
        if info.st_uid != os.getuid() or info.st_mode & 0o077:
            return None
        service = Service(folder / hashlib.sha1(key.encode()).hexdigest()[:12], minutes)
        service.folder.mkdir(exist_ok=True)
    except OSError:
        return None
    if len(str(service.socket).encode()) >= 100:  # sun_path holds 108 bytes
        return None
    return service


def _default_minutes() -> float:
    return CI_IDLE_MINUTES if os.environ.get("CI") else IDLE_MINUTES


def _connect(service: Service) -> socket.socket | None:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.connect(str(service.socket))
    except OSError:
        client.close()
        return None
    return client


def start(service: Service, command: Callable[[Service], list[str]]) -> subprocess.Popen[bytes] | None:
    """Start the service unless one answers; `command`: the JVM's command line for it. Returns at once."""
    probe = _connect(service)
    if probe is not None:
        probe.close()  # an empty request: the service just waits on
        return None
    with open(service.folder / "dienst.log", "ab") as log:
        try:
            proc = subprocess.Popen(command(service), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                    cwd=service.folder, start_new_session=True)
        except OSError:
            return None
    _SPAWNED.append(proc)
    return proc


def ask(service: Service, books: list[Path], command: Callable[[Service], list[str]]) -> str | None:
    """The service's output for `books` (as `BatchCheck` writes it, ending `@@END`), starting the service if
    none runs; None if there is no answer (the caller checks itself)."""
    client = _connect(service)
    if client is None:
        spawned = start(service, command)
        deadline = time.monotonic() + CONNECT_SECONDS
        while client is None and time.monotonic() < deadline:
            if spawned is not None and spawned.poll() is not None:  # no JVM, it failed, or another one has the
                deadline = min(deadline, time.monotonic() + ANOTHER_SECONDS)  # lock: that one binds at once
                spawned = None
            time.sleep(0.05)
            client = _connect(service)
        if client is None:
            return None
    with client:
        client.settimeout(ANSWER_SECONDS)
        try:
            client.sendall("".join(f"{book}\n" for book in books).encode() + b"\n")
            client.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := client.recv(1 << 16):
                chunks.append(chunk)
        except OSError:
            return None
    text = b"".join(chunks).decode("utf-8", "replace")
    return text if "\n@@END " in f"\n{text}" else None
