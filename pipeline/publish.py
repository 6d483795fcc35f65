"""Publish the last good handbook to the directory a web server serves: a new release, then one switch.

The target (a local directory, or `user@host:/pfad` over SSH with rsync) holds

    releases/<id>/   one complete handbook each: build/html as built (pages, downloads, data, search index)
    current          a symbolic link to releases/<id>: the web server's root (pipeline/data/nginx)

A release is written under a hidden name and renamed when complete; `current` is then replaced by a new link
in one rename, so a reader gets either the old or the new handbook, never a mixture or a half copy. The new
release keeps the previous one's hashed assets it lacks (a page loaded just before the switch still gets its
stylesheet), files unchanged since the previous release are hard links to it, and the `keep` newest releases
stay for `roll_back`. Whether the content may be published (no errors in released content, as `check` says)
is the caller's decision (`pipeline.cli`).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from . import messages as M
from .errors import EXIT_CONTENT, EXIT_USAGE, UserError
from .html.assets import HASHED, STATIC, VARIANTS, finish
from .outputs import build_dir, publish_tree, reusing, work_dir

RELEASES = "releases"
CURRENT = "current"
KEEP = 5
REMOTE = re.compile(r"^(?P<host>(?:[^@/:\s]+@)?[^@/:\s]+):(?P<path>.+)$")  # rsync's rule: a colon before any /
ASSET_NAME = re.compile(r"[A-Za-z0-9_.-]+\.[0-9a-f]{12}\.[A-Za-z0-9]+")  # a hashed asset's name in a page or CSS
RELEASE_ID = re.compile(r"^\d{8}T\d{6}Z(?:-\d{2})?$")


# -- the plan (the same for both kinds of target) ------------------------------------------------------
def new_id(existing: Sequence[str], now: float | None = None) -> str:
    """A release name that sorts after every existing one: the UTC time, numbered within the same second."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(time.time() if now is None else now))
    if not existing or stamp > max(existing):
        return stamp
    base, _, number = max(existing).partition("-")  # same second (or a clock set back): after the last one
    return f"{base}-{int(number or 1) + 1:02d}"


def releases_of(names: Sequence[str]) -> list[str]:
    return sorted(n for n in names if RELEASE_ID.match(n))


def to_remove(releases: Sequence[str], current: str, keep: int) -> list[str]:
    """The releases beyond the `keep` newest; never the current one."""
    kept = set(sorted(releases)[-keep:]) | {current}
    return [r for r in sorted(releases) if r not in kept]


def previous(releases: Sequence[str], current: str | None) -> str | None:
    older = [r for r in sorted(releases) if current is not None and r < current]
    return older[-1] if older else None


# -- targets -------------------------------------------------------------------------------------------
class Target(Protocol):
    @property
    def label(self) -> str:
        """How messages name the target."""

    def state(self) -> tuple[list[str], str | None]:
        """The releases and the one `current` points to (None before the first publication)."""

    def upload(self, site: Path, release: str, base: str | None) -> None:
        """Write `site` as releases/<release>, complete, sharing unchanged files with release `base`."""

    def switch(self, release: str, remove: Sequence[str]) -> None:
        """Point `current` at `release` in one rename, then delete the releases `remove`."""


@dataclass
class Local:
    path: Path

    @property
    def label(self) -> str:
        return str(self.path)

    def state(self) -> tuple[list[str], str | None]:
        link = self.path / CURRENT
        if link.exists() and not link.is_symlink():
            raise UserError(EXIT_CONTENT, M.PUBLISH_CURRENT_NOT_LINK.format(link), M.PUBLISH_CURRENT_NOT_LINK_HINT)
        folder = self.path / RELEASES
        names = releases_of([p.name for p in folder.iterdir() if p.is_dir()]) if folder.is_dir() else []
        current = Path(os.readlink(link)).name if link.is_symlink() else None
        return names, current

    def upload(self, site: Path, release: str, base: str | None) -> None:
        folder = self.path / RELEASES
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob(".*.neu"):  # of an interrupted publication
            shutil.rmtree(leftover)
        staging = folder / f".{release}.neu"
        old = folder / base if base is not None else None
        shutil.copytree(site, staging, copy_function=reusing(staging, old) if old is not None else shutil.copy2)
        if old is not None:
            _carry_over(old, staging)
        os.replace(staging, folder / release)

    def switch(self, release: str, remove: Sequence[str]) -> None:
        fresh = self.path / f".{CURRENT}.neu"
        fresh.unlink(missing_ok=True)
        fresh.symlink_to(Path(RELEASES) / release, target_is_directory=True)
        os.replace(fresh, self.path / CURRENT)
        for name in remove:
            shutil.rmtree(self.path / RELEASES / name)


def _loaded(release: Path) -> set[str]:
    """Names of the hashed assets a release's pages load, with the fonts and images its stylesheets load."""
    names = {n for page in release.rglob("*.html") for n in ASSET_NAME.findall(page.read_text(errors="replace"))}
    for css in (release / STATIC).rglob("*.css"):
        if css.name in names:
            names |= set(ASSET_NAME.findall(css.read_text(errors="replace")))
    return names


def _carry_over(old: Path, new: Path) -> None:
    """The hashed assets the previous release's pages load and the new one lacks (with their compressed
    variants): only one release back, so they do not pile up from release to release."""
    loaded = _loaded(old)
    for file in (old / STATIC).rglob("*"):
        name = file.name.removesuffix(".br").removesuffix(".gz")
        target = new / file.relative_to(old)
        if file.is_file() and HASHED.search(name) and name in loaded and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(file, target)
            except OSError:
                shutil.copy2(file, target)


# The same over SSH, in POSIX sh: `sh -c CARRY_OVER - <previous release> <new release>`.
CARRY_OVER = r"""cd "$1" || exit 0; new="$2"; list="$new.namen"; pat='[A-Za-z0-9_.-]+\.[0-9a-f]{12}\.[A-Za-z0-9]+'
grep -rhoE "$pat" --include='*.html' . | sort -u > "$list"
for css in $(grep '\.css$' "$list"); do find _static -name "$css" -exec grep -hoE "$pat" {} +; done | sort -u >> "$list"
find _static -type f 2>/dev/null | while read -r f; do
  b=$(basename "$f"); b=${b%.br}; b=${b%.gz}
  if grep -qxF "$b" "$list" && [ ! -e "$new/$f" ]; then mkdir -p "$new/$(dirname "$f")"; ln "$f" "$new/$f"; fi
done
rm -f "$list"
"""


@dataclass
class Remote:
    host: str
    path: str
    ssh: list[str]

    @property
    def label(self) -> str:
        return f"{self.host}:{self.path}"

    def _shell(self, script: str) -> str:
        return _run([*self.ssh, self.host, f"sh -c {shlex.quote('set -e; ' + script)}"], self.label)

    def state(self) -> tuple[list[str], str | None]:
        p = shlex.quote(self.path)
        out = self._shell(f"mkdir -p {p}/{RELEASES}; cd {p}; "
                          f"if [ -e {CURRENT} ] && [ ! -L {CURRENT} ]; then echo kein-link; fi; "
                          f"echo \"aktuell:$(readlink {CURRENT} || true)\"; ls -1 {RELEASES}")
        lines = out.splitlines()
        if "kein-link" in lines:
            link = f"{self.label}/{CURRENT}"
            raise UserError(EXIT_CONTENT, M.PUBLISH_CURRENT_NOT_LINK.format(link), M.PUBLISH_CURRENT_NOT_LINK_HINT)
        current = next((line.removeprefix("aktuell:") for line in lines if line.startswith("aktuell:")), "")
        return releases_of(lines), (Path(current).name or None)

    def upload(self, site: Path, release: str, base: str | None) -> None:
        folder = f"{self.path.rstrip('/')}/{RELEASES}"
        staging = f".{release}.neu"
        link = [f"--link-dest=../{base}/"] if base is not None else []  # relative to the staging directory
        _run(["rsync", "--archive", "--delete", *link, "-e", shlex.join(self.ssh),
              f"{site}/", f"{self.host}:{folder}/{staging}/"], self.label)
        carry = f"sh -c {shlex.quote(CARRY_OVER)} - {base} ../{staging}; " if base is not None else ""
        self._shell(f"cd {shlex.quote(folder)}; {carry}mv {staging} {release}; "
                    f"for old in .*.neu; do [ -d \"$old\" ] && rm -rf \"$old\"; done; true")

    def switch(self, release: str, remove: Sequence[str]) -> None:
        p = shlex.quote(self.path)
        drop = "".join(f"; rm -rf {RELEASES}/{name}" for name in remove)
        self._shell(f"cd {p}; ln -sfn {RELEASES}/{release} .{CURRENT}.neu; mv -T .{CURRENT}.neu {CURRENT}{drop}")


def _run(command: list[str], label: str) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True)
    except OSError as exc:
        raise UserError(EXIT_CONTENT, M.PUBLISH_REMOTE_FAILED.format(label, command[0], exc)) from None
    if done.returncode:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["?"]
        raise UserError(EXIT_CONTENT, M.PUBLISH_REMOTE_FAILED.format(label, command[0], last[0]),
                        M.PUBLISH_REMOTE_HINT)
    return done.stdout


def target_of(text: str) -> Target:
    """`user@host:/pfad` (SSH, with rsync) or a local directory."""
    remote = REMOTE.match(text)
    if remote is not None and not Path(text).exists():
        if shutil.which("rsync") is None:
            raise UserError(EXIT_CONTENT, M.PUBLISH_NO_RSYNC.format(text), M.PUBLISH_NO_RSYNC_HINT)
        ssh = shlex.split(os.environ.get("KOOP_SSH", "ssh"))
        return Remote(remote["host"], remote["path"], ssh)
    path = Path(text).expanduser()
    if path.exists() and not path.is_dir():
        raise UserError(EXIT_USAGE, M.PUBLISH_TARGET_NOT_DIR.format(text))
    return Local(path.resolve())


# -- the two commands ----------------------------------------------------------------------------------
def last_good(root: Path) -> Path:
    site = build_dir(root) / "html"
    if not (site / "index.html").is_file():
        raise UserError(EXIT_CONTENT, M.PUBLISH_NO_BUILD, M.PUBLISH_NO_BUILD_HINT)
    if not any((site / f"index.html{v}").is_file() for v in VARIANTS):
        # built before builds finished the handbook for the web server: finished now, replaced in one rename
        publish_tree(site, site, finish=lambda tree: finish(tree, work_dir(root, "html-auslieferung")))
    return site


def stale_downloads(root: Path, site: Path) -> list[str]:
    """Downloads built after the handbook offering them (e.g. `nox -s pdf` alone): the handbook's copy is
    published, and the editors are told."""
    newer = []
    for offered in sorted((site / "downloads").glob("*")):
        for sub in ("pdf", "epub", "pdf/sonderdrucke"):
            built = build_dir(root) / sub / offered.name
            if built.is_file() and built.read_bytes() != offered.read_bytes():
                newer.append(f"build/{sub}/{offered.name}")
    return newer


def publish(root: Path, target: Target, keep: int = KEEP) -> tuple[str, int]:
    """Upload the last good handbook as a new release and switch to it; the release's name and how many
    releases the target keeps now."""
    site = last_good(root)
    releases, current = target.state()
    release = new_id(releases)
    target.upload(site, release, current if current in releases else None)
    drop = to_remove([*releases, release], release, keep)
    target.switch(release, drop)
    return release, len(releases) + 1 - len(drop)


def roll_back(target: Target) -> tuple[str, str]:
    """Point `current` at the release before it; (from, to)."""
    releases, current = target.state()
    if current is None:
        raise UserError(EXIT_CONTENT, M.PUBLISH_NOTHING.format(target.label))
    before = previous(releases, current)
    if before is None:
        raise UserError(EXIT_CONTENT, M.PUBLISH_NO_PREVIOUS.format(target.label))
    target.switch(before, [])
    return current, before
