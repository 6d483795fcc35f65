"""Which link addresses a contribution may use: the one place that knows the URI grammar the outputs accept.

A contribution links to web pages (`http`, `https`) and mail addresses (`mailto`), the schemes MyST makes
external links of (`myst_url_schemes` in conf.py). Every address is checked as MyST hands it on (markdown-it's
normalised form: host in punycode, everything else percent-encoded) against RFC 3986, narrowed to what every
output takes: epubcheck refuses some addresses a browser forgives (a port over 65535, an empty label, a second
„#“), so these are located errors in `check` instead of a failed EPUB step.
"""

from __future__ import annotations

import ipaddress
import re

SCHEMES = ("http", "https", "mailto")  # = conf.py's myst_url_schemes

_HEX = "0-9A-Fa-f"
_PCT = rf"%[{_HEX}]{{2}}"
_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_PATH = re.compile(rf"^(?:/{_PCHAR}*)*$")
_QUERY = re.compile(rf"^(?:{_PCHAR}|[/?])*$")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_AUTHORITY = re.compile(r"^(?P<host>\[[^\]/]*\]|[^:/?#\[\]]*)(?::(?P<port>[^/?#]*))?(?P<rest>[/?#].*)?$", re.S)
_LOCAL = re.compile(rf"^(?:[A-Za-z0-9!$&'*+\-._~=]|{_PCT})+$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def scheme_of(href: str) -> str | None:
    """The scheme of an absolute address, lower case; None for a relative one."""
    m = _SCHEME.match(href.strip())
    return m.group(1).lower() if m else None


def problem(href: str) -> str | None:
    """Why `href` (normalised by markdown-it) is no address every output accepts: a key of
    `messages.URL_PROBLEMS`, or None when it is fine. Only for the allowed schemes."""
    scheme = scheme_of(href)
    rest = href.strip()[len(scheme) + 1:] if scheme else href.strip()
    if scheme == "mailto":
        return _mail_problem(rest)
    if not rest.startswith("//"):
        return "slashes"
    m = _AUTHORITY.match(rest[2:])
    if m is None:
        return "host"
    if "@" in re.split(r"[/?#]", rest[2:], maxsplit=1)[0]:
        return "userinfo"
    return _host_problem(m.group("host")) or _port_problem(m.group("port")) or _tail_problem(m.group("rest") or "")


def _mail_problem(rest: str) -> str | None:
    address, _, query = rest.partition("?")
    local, at, domain = address.rpartition("@")
    if not at or not local or not _LOCAL.match(local) or "," in address:
        return "mail"
    if _host_problem(domain) is not None or domain.startswith("["):
        return "mail"
    return None if _QUERY.match(query) and "#" not in query else "mail"


def _host_problem(host: str) -> str | None:
    if not host:
        return "host_empty"
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return "ipv6"
        return None
    labels = host.removesuffix(".").split(".")
    if re.fullmatch(r"[0-9.]+|(?:0[xX][0-9A-Fa-f]*|[0-9]+)(?:\.(?:0[xX][0-9A-Fa-f]*|[0-9]+))*\.?", host):
        try:  # all-numeric: only a dotted quad (a browser reads „1.2.3“ or „0x7f.1“ as some other address)
            ipaddress.IPv4Address(host.removesuffix("."))
        except ValueError:
            return "ipv4"
        return None if len(labels) == 4 and not host.endswith(".") else "ipv4"
    if not all(_LABEL.match(label) for label in labels) or len(host) > 253:
        return "host"
    if labels[-1].isdigit():
        return "ipv4"
    return None


def _port_problem(port: str | None) -> str | None:
    if port is None:
        return None
    return None if port.isdigit() and port.isascii() and int(port) <= 65535 else "port"


def _tail_problem(tail: str) -> str | None:
    path, _, fragment_part = tail.partition("#")
    path, _, query = path.partition("?")
    if not _PATH.match(path):
        return "path"
    if not _QUERY.match(query):
        return "query"
    if not _QUERY.match(fragment_part):
        return "fragment"
    return None
