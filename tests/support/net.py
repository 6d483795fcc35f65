"""Local servers in tests: a free port, and waiting until a page serves what a test expects."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, needle: str, seconds: float = 90) -> str:
    """The page at `url` once it holds `needle` (a server restarting or a page being rewritten is waited out)."""
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = get(url)
            if needle in last:
                return last
        except (OSError, http.client.HTTPException):
            pass  # the server is restarting or the page is being rewritten
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} not served at {url}")
