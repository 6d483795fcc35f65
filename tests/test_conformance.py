"""The contract, construct by construct: whatever `check` accepts builds in every format; whatever
cannot build is a located `check` diagnostic.

Every construct of `constructs.py` (the whole catalogue: CommonMark and MyST syntax, every directive
and role of the live registries, every leaf in every container and each pair of containers) is checked
as a contribution of its own; `check` runs in this process over a few hundred of them at a time, and
each message belongs to the construct whose file it names. Rejected ones must carry a located
`path:line: Fehler [koop.…]` message in the construct's lines. All accepted ones are built together
(one `build` in a fresh process, as `nox -s build` runs it; a few contributions with many sections in
koopBLATT No. 1): the text-parity oracle (support/parity.py) finds each construct's whole text, punctuation
included, in the handbook page, the screen PDF and both EPUBs (a comment stays invisible, an image keeps
its alternative text), and the build output must be free of warnings. When the batch fails, every format
is rebuilt on its own and the culprits are found from the engine's locations or by bisection.

Counts and every failure go to conformance.json (and a readable conformance.md) among the test artefacts
(support/artefacts.py; `nox -s conformance` and `nox -s fuzz`: build/).
`nox -s fuzz` and `nox -s conformance` (KOOP_FUZZ_EXAMPLES set) run the long form: every leaf in every
pair of containers, a sample of depth 3, and random compositions of several constructs per contribution.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import artefacts, htmlutil, parity
from support.constructs import CONTAINERS, LEAVES, Construct, Registry, catalogue, marker, nest, support_files, syntax
from support.paths import REPO
from support.projects import copy_project
from support.reproducible import EPOCH, epoch

from pipeline import messages as M
from pipeline.body import ALLOWED_DIRECTIVES, ALLOWED_ROLES, parser
from pipeline.cli import main

pytestmark = pytest.mark.slow  # checks and builds hundreds of constructs

LONG = "KOOP_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("KOOP_FUZZ_EXAMPLES", "1"))
CITY = "leipzig"
FOLDER = f"docs/beitraege/{CITY}"
MANIFEST = "koopblatt/1/ausgabe.yml"
ISSUE = "koopblatt-1"
PER_FILE = 25  # constructs per contribution in a batch build
CHECK_BATCH = 250  # constructs (one contribution each) per `check` run
HEAD = ("---\ntitle: Prüfbeitrag {slug}\nauthors:\n  - name: Erika Muster\n    affiliation: Stadt Leipzig\n"
        "date: 2014-01-01\nart: beitrag\nthemenfeld: regionale-kooperation\nprojektfamilien: [wasser-region]\n"
        "---\n\n")
PROBLEM = re.compile(r"WARNING|ERROR|Warnung|Fehler|Traceback|Exception|Error:")
LOCATION = re.compile(r"(?P<path>[^\s:]*beitraege/[\w/-]+)(?P<ext>\.md|\.xhtml)(?::(?P<line>\d+))?")
# closing lines and knock-on errors that repeat what the located messages above them already say
CONSEQUENCE = re.compile(r"wegen der Fehler oben|nicht erneuert|nicht alles erneuert|Fehler gefunden|nicht neu gesetzt"
                         r"|\[koop\.manifest_contribution\]")
ISSUE_FOLDER = re.compile(r"koopblatt/(\d+)/")
SUMMARIES = (M.HTML_FAILED,)  # "… not renewed" after the real messages


# -- projects --------------------------------------------------------------------------------------


@dataclass
class Placed:
    """Where a construct sits in a project: file (relative to root) and its line range."""

    construct: Construct
    number: int
    path: str
    first: int
    last: int


def section(c: Construct, number: int) -> str:
    return c.source(number) + "\n" if c.alone else f"## Abschnitt {number:04d}\n\n{c.source(number)}\n"


def write_contribution(root: Path, slug: str, items: list[tuple[int, Construct]]) -> list[Placed]:
    path = f"{FOLDER}/{slug}.md"
    text = HEAD.replace("{slug}", slug)
    placed = []
    for number, c in items:
        first = text.count("\n") + 1
        text += section(c, number) + "\n"
        placed.append(Placed(c, number, path, first, text.count("\n")))
    (root / path).write_text(text, encoding="utf-8")
    return placed


def set_issue(root: Path, slugs: list[str]) -> None:
    data = yaml.safe_load((root / MANIFEST).read_text(encoding="utf-8"))
    data["beitraege"] = [*data["beitraege"], *(f"beitraege/{CITY}/{s}.md" for s in slugs)]
    (root / MANIFEST).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def write_extra_files(root: Path, items: list[tuple[int, Construct]]) -> list[Path]:
    written = []
    for number, c in items:
        for rel, text in c.extra_files(number):
            (root / FOLDER / rel).write_text(text, encoding="utf-8")
            written.append(root / FOLDER / rel)
    return written


def new_project(items: list[tuple[int, Construct]]) -> Path:
    root = copy_project("mini", Path(tempfile.mkdtemp(prefix="konformitaet-")))
    for rel, data in support_files().items():
        (root / FOLDER / rel).write_bytes(data)
    write_extra_files(root, items)
    return root


def chunks(items: list[tuple[int, Construct]]) -> list[list[tuple[int, Construct]]]:
    """Alone-constructs in a file of their own, the rest PER_FILE a file."""
    files: list[list[tuple[int, Construct]]] = [[i] for i in items if i[1].alone]
    rest = [i for i in items if not i[1].alone]
    return files + [rest[k:k + PER_FILE] for k in range(0, len(rest), PER_FILE)]


def batch_project(files: list[list[tuple[int, Construct]]], issue_per_file: bool = False) -> tuple[Path, list[Placed]]:
    """One contribution per entry of `files`, all in koopBLATT No. 1 — or, with `issue_per_file`, each
    in an issue of its own (Typst stops at an issue's first error: one culprit per file and build)."""
    root = new_project([i for f in files for i in f])
    placed: list[Placed] = []
    slugs = []
    for k, chunk in enumerate(files):
        slug = f"pruef-{k:03d}"
        slugs.append(slug)
        placed += write_contribution(root, slug, chunk)
    if not issue_per_file:
        set_issue(root, slugs)
        return root, placed
    template = yaml.safe_load((root / MANIFEST).read_text(encoding="utf-8"))
    for k, slug in enumerate(slugs, 2):
        folder = root / "koopblatt" / str(k)
        shutil.copytree(root / "koopblatt" / "1", folder)
        data = {**template, "nummer": k, "beitraege": [f"beitraege/{CITY}/{slug}.md"]}
        (folder / "ausgabe.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
    return root, placed


def run(root: Path, *args: str) -> tuple[int | str, str]:
    """`python -m pipeline.cli --root <root> …` in this process; output of both streams."""
    with epoch():
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                rc: int | str = main(["--root", str(root), *args])
            except SystemExit as exc:
                rc = f"SystemExit({exc.code})"
            except BaseException:
                rc = "Traceback"
                out.write(traceback.format_exc())
    return rc, out.getvalue()


def run_fresh(root: Path, *args: str) -> tuple[int | str, str]:
    """The same in a new process, as `nox -s build` runs it (builds: no state carried between them)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "--root", str(root), *args], cwd=REPO, env=env,
                          capture_output=True, text=True, check=False)
    return proc.returncode, proc.stdout + proc.stderr


def problems(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if PROBLEM.search(line)]


# -- per-construct check ---------------------------------------------------------------------------


@dataclass
class Outcome:
    id: str
    number: int
    source: str
    check: str = ""  # accepted · rejected · crash
    check_messages: list[str] = field(default_factory=list)
    located: bool = True
    failures: dict[str, list[str]] = field(default_factory=dict)  # format → engine messages


ERROR_LINE = re.compile(r"^(?P<path>\S+?):(?P<line>\d+): Fehler \[koop\.[\w.]+\]: \S")


def check_batch(items: list[tuple[int, Construct]]) -> dict[int, Outcome]:
    """One in-process `check` of a project with one contribution per construct: a message belongs to the
    construct whose file it names. Should a message name no construct's file (a construct that disturbs
    another file), or `check` crash, the batch is halved until the construct is alone."""
    root = new_project(items)
    placed = {n: write_contribution(root, f"pruef-{n:04d}", [(n, c)])[0] for n, c in items}
    rc, output = run(root, "check")
    shutil.rmtree(root.parent, ignore_errors=True)
    lines = output.splitlines()
    by_path = {p.path: n for n, p in placed.items()}
    own: dict[int, list[tuple[int, str]]] = {}
    loose = []
    for line in lines:
        m = ERROR_LINE.match(line)
        if m is None:
            continue
        if m.group("path") in by_path:
            own.setdefault(by_path[m.group("path")], []).append((int(m.group("line")), line))
        else:
            loose.append(line)
    broken = rc not in (0, 1) or "Traceback" in output or (rc == 1) != bool(own or loose)
    if (loose or broken) and len(items) > 1:
        half = len(items) // 2
        return check_batch(items[:half]) | check_batch(items[half:])
    outcomes = {}
    for n, c in items:
        o = Outcome(c.id, n, c.source(n))
        o.check_messages = [line for line in lines if line.startswith(placed[n].path + ":") and "[koop." in line]
        if broken:
            o.check = "crash"
            o.check_messages = [f"exit {rc}", *lines[-15:]]
            o.located = False
        elif n in own or loose:
            o.check = "rejected"
            o.located = any(placed[n].first <= at <= placed[n].last for at, _ in own.get(n, []))
            o.check_messages += loose
        else:
            o.check = "accepted"
        outcomes[n] = o
    return outcomes


def check_all(items: list[tuple[int, Construct]]) -> dict[int, Outcome]:
    """`check_batch` over CHECK_BATCH constructs at a time."""
    outcomes: dict[int, Outcome] = {}
    for k in range(0, len(items), CHECK_BATCH):
        outcomes |= check_batch(items[k:k + CHECK_BATCH])
    return outcomes


# -- batch build and culprit search ----------------------------------------------------------------


@dataclass
class Build:
    rc: int | str
    output: str
    placed: list[Placed]

    @property
    def ok(self) -> bool:
        return self.rc == 0 and not problems(self.output)

    def blame(self) -> tuple[dict[int, list[str]], dict[str, list[str]], list[str]]:
        """Problems located at a construct's lines; problems naming only a file (or its issue), by file;
        problems that name no construct."""
        at_line: dict[int, list[str]] = {}
        in_file: dict[str, list[str]] = {}
        loose = []
        paths = {p.path for p in self.placed}
        for line in problems(self.output):
            if any(s[:40] in line for s in SUMMARIES) or CONSEQUENCE.search(line):
                continue
            found = False
            if (issue := ISSUE_FOLDER.search(line)) and int(issue.group(1)) >= 2:  # issue per file
                in_file.setdefault(f"{FOLDER}/pruef-{int(issue.group(1)) - 2:03d}.md", []).append(line)
                found = True
            for m in LOCATION.finditer(line):
                path, number = m.group("path") + ".md", m.group("line") if m.group("ext") == ".md" else None
                path = next((p for p in paths if path.endswith(p.removeprefix("docs/"))), "")
                if not path:
                    continue
                found = True
                hits = [p.number for p in self.placed if p.path == path and number is not None
                        and p.first <= int(number) <= p.last]
                for n in hits:
                    at_line.setdefault(n, []).append(line)
                if not hits:
                    in_file.setdefault(path, []).append(line)
            if not found:
                loose.append(line)
        return at_line, in_file, loose


def build_files(files: list[list[tuple[int, Construct]]], command: str) -> Build:
    root, placed = batch_project(files, issue_per_file=command == "pdf")
    rc, output = run_fresh(root, command)
    shutil.rmtree(root.parent, ignore_errors=True)
    return Build(rc, output, placed)


def culprits(items: list[tuple[int, Construct]], fmt: str) -> dict[int, list[str]]:
    """Constructs that fail the `fmt` build, with the engine's messages.

    Adaptive group testing in rounds: every suspect group is a contribution (for the PDF an issue) of
    its own in one build; a group whose lines the engine names loses those constructs, a group named
    only by file is halved, a clean group is done."""
    found: dict[int, list[str]] = {}
    pending = chunks(items)
    while pending:
        result = build_files(pending, fmt)
        if result.ok:
            break
        at_line, in_file, loose = result.blame()
        found |= at_line
        paths = {p.number: p.path for p in result.placed}
        suspects: list[list[tuple[int, Construct]]] = []
        for group in pending:
            rest = [i for i in group if i[0] not in at_line]
            if len(rest) < len(group):
                suspects.append(rest)
            elif paths[group[0][0]] in in_file or (loose and len(pending) == 1):
                if len(group) == 1:
                    found[group[0][0]] = in_file.get(paths[group[0][0]]) or loose
                else:
                    suspects += [group[:len(group) // 2], group[len(group) // 2:]]
            elif loose:  # some group fails without saying which: test each alone
                suspects.append(group) if len(pending) == 1 else found.update(culprits(group, fmt))
        pending = [g for g in suspects if g]
    return found


def flat(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def epub_page(book: Path, docname: str) -> BeautifulSoup | None:
    with zipfile.ZipFile(book) as zf:
        name = f"{docname}.xhtml"
        return BeautifulSoup(zf.read(name).decode("utf-8"), "html.parser") if name in zf.namelist() else None


def reader_view(root: Path, placed: list[Placed]) -> dict[int, dict[str, str]]:
    """Per construct and output: „ok“ or what the reader gets wrong. The text of every output is compared with
    the source's by the text-parity oracle (a difference belongs to the construct at its source line);
    comments must stay invisible and images keep their alternative text."""
    docs = sorted({p.path for p in placed})
    names = {d: d.removeprefix("docs/").removesuffix(".md") for d in docs}
    html = {d: htmlutil.article(root, names[d]) for d in docs}
    books = {name: {d: epub_page(root / "build" / "epub" / f"{book}.epub", names[d]) for d in docs}
             for name, book in (("epub-ausgabe", ISSUE), ("epub-handbuch", "handbuch"))}
    seen: dict[int, dict[str, str]] = {p.number: {} for p in placed}
    for p in placed:
        pages = {"html": html[p.path], **{n: b[p.path] for n, b in books.items()}}
        for name, soup in pages.items():
            if soup is None:
                seen[p.number][name] = "Seite fehlt"
            elif p.construct.expect == "hidden" and marker(p.number) in flat(soup.get_text(" ")):
                seen[p.number][name] = "Kommentar sichtbar"
            elif p.construct.expect == "alt" and not any(marker(p.number) in str(img.get("alt", ""))
                                                         for img in soup.find_all("img")):
                seen[p.number][name] = "Alternativtext fehlt"
    for where, fmt, line, words in text_parity(root, names).located:
        here = [p for p in placed if p.path == where and p.first <= line <= p.last] or \
               [p for p in placed if p.path == where][:1]
        for p in here:
            seen[p.number].setdefault(fmt, f"Text weicht ab: {words}")
    return {number: verdict or {"alle": "ok"} for number, verdict in seen.items()}


def text_parity(root: Path, names: dict[str, str]) -> parity.Report:
    """The oracle over each batch contribution: handbook page, both EPUBs, the issue's screen PDF."""
    reference = parity.reference(root, names.values())
    report = parity.Report()
    build = root / "build"
    for path, doc in names.items():
        passages = reference[doc]
        title = next((p.plain for p in passages if p.kind == "heading"), None)
        outputs = {"html": parity.html_text(build / "html" / f"{doc}.html"),
                   "epub-ausgabe": parity.epub_text(build / "epub" / f"{ISSUE}.epub", doc),
                   "epub-handbuch": parity.epub_text(build / "epub" / "handbuch.epub", doc),
                   "pdf": parity.pdf_text(build / "pdf" / f"{ISSUE}.pdf", title)}
        for fmt, text in outputs.items():
            parity.compare(path, fmt, passages, text, report)
    return report


@dataclass
class Results:
    outcomes: dict[int, Outcome]
    registry: Registry
    batch_seconds: float = 0.0
    check_seconds: float = 0.0
    builds: int = 0
    final_output: str = ""

    def counts(self) -> dict[str, int]:
        o = self.outcomes.values()
        return {
            "generated": len(self.outcomes),
            "accepted": sum(x.check == "accepted" for x in o),
            "accepted_and_built": sum(x.check == "accepted" and not x.failures for x in o),
            "rejected_located": sum(x.check == "rejected" and x.located for x in o),
            "rejected_unlocated": sum(x.check == "rejected" and not x.located for x in o),
            "check_crashed": sum(x.check == "crash" for x in o),
            "failing": sum(bool(x.failures) or not x.located for x in o),
            "directives_enumerated": len(self.registry.directives),
            "roles_enumerated": len(self.registry.roles),
        }

    def save(self, report: Path) -> None:
        report.mkdir(parents=True, exist_ok=True)
        data = {"form": "long" if LONG else "default", "counts": self.counts(), "batch_builds": self.builds,
                "check_seconds": round(self.check_seconds, 1), "batch_seconds": round(self.batch_seconds, 1),
                "unwritable_names": self.registry.unwritable,
                "failing": [asdict(x) for x in self.outcomes.values() if x.failures or not x.located],
                "rejected": {x.id: x.check_messages[:2] for x in self.outcomes.values() if x.check == "rejected"}}
        (report / "conformance.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        lines = [f"# Konformität: {json.dumps(self.counts())}", ""]
        for x in self.outcomes.values():
            if x.failures or not x.located:
                lines += [f"## {x.id} ({x.check})", "", "```", x.source, "```", ""]
                lines += [f"- **{fmt}**: {' | '.join(msgs)}" for fmt, msgs in x.failures.items()]
                if not x.located:
                    lines += [f"- **check**: nicht verortet: {' | '.join(x.check_messages[:3])}"]
                lines.append("")
        (report / "conformance.md").write_text("\n".join(lines), encoding="utf-8")


def run_suite(items: list[Construct], reg: Registry) -> Results:
    numbered = list(enumerate(items, 1))
    start = time.perf_counter()
    results = Results(check_all(numbered), reg)
    results.check_seconds = time.perf_counter() - start
    accepted = [(n, c) for n, c in numbered if results.outcomes[n].check == "accepted"]
    start = time.perf_counter()
    builds = 1
    root, placed = batch_project(chunks(accepted))
    rc, output = run_fresh(root, "build")
    batch = Build(rc, output, placed)
    if not batch.ok:  # find the culprits format by format, each from fresh sources
        shutil.rmtree(root.parent, ignore_errors=True)
        bad: set[int] = set()
        for fmt in ("pdf", "epub", "html"):
            for number, messages in culprits(accepted, fmt).items():
                results.outcomes[number].failures[fmt] = messages
                bad.add(number)
        builds += 1
        accepted = [i for i in accepted if i[0] not in bad]
        root, placed = batch_project(chunks(accepted))
        rc, output = run_fresh(root, "build")
        batch = Build(rc, output, placed)
        if not batch.ok:  # only the formats together fail: blame everything in the batch
            for number, _ in accepted:
                results.outcomes[number].failures["build"] = problems(output)[:5] or [f"exit {rc}"]
    results.final_output = output
    if batch.ok:
        for number, verdict in reader_view(root, placed).items():
            for fmt, state in verdict.items():
                if state != "ok":
                    results.outcomes[number].failures[fmt] = [state]
    results.batch_seconds = time.perf_counter() - start
    results.builds = builds
    shutil.rmtree(root.parent, ignore_errors=True)
    return results


# -- tests -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def probe_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project("mini", tmp_path_factory.mktemp("registry"))


@pytest.fixture(scope="module")
def generated(probe_root: Path) -> tuple[list[Construct], Registry]:
    return catalogue(probe_root, full=LONG)


@pytest.fixture(scope="module")
def results(generated: tuple[list[Construct], Registry], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Results]:
    res = run_suite(*generated)
    report = artefacts.folder(tmp_path_factory)
    res.save(report)
    print(f"\nKonformität: {json.dumps(res.counts())}; check {res.check_seconds:.0f} s, "
          f"{res.builds} Stapel-Builds in {res.batch_seconds:.0f} s; "
          f"Details: {report / 'conformance.md'}")
    yield res


def test_every_parser_rule_is_exercised(generated: tuple[list[Construct], Registry]) -> None:
    """Each block and inline rule of the project's markdown-it parser matches in at least one construct,
    so a new myst-parser/markdown-it version cannot add syntax the suite never tries."""
    md = parser()
    hit: set[str] = set()
    saved = []
    for kind, ruler in (("block", md.block.ruler), ("inline", md.inline.ruler)):
        for rule in ruler.__rules__:
            def spy(*args: object, _fn=rule.fn, _name=f"{kind}:{rule.name}") -> bool:  # type: ignore[no-untyped-def]
                matched = _fn(*args)
                if matched and not args[-1]:  # not a silent look-ahead
                    hit.add(_name)
                return bool(matched)
            saved.append((ruler, rule, rule.fn))
            rule.fn = spy
        ruler.__cache__ = None
    try:
        items, _ = generated
        for n, c in enumerate(items, 1):
            md.parse(section(c, n))
    finally:
        for ruler, rule, fn in saved:
            rule.fn = fn
            ruler.__cache__ = None
    active = md.get_active_rules()
    expected = {f"{k}:{n}" for k in ("block", "inline") for n in active[k]}
    assert expected - hit == set()


def test_every_registered_directive_and_role_is_generated(generated: tuple[list[Construct], Registry]) -> None:
    items, reg = generated
    ids = {c.id.split("/")[1] for c in items if c.id.startswith(("directive/", "role/"))}
    assert set(reg.directives) | reg.roles <= ids
    assert set(reg.directives) >= ALLOWED_DIRECTIVES and reg.roles >= ALLOWED_ROLES  # allowlist names are real
    assert len(reg.directives) > 100 and len(reg.roles) > 100, (len(reg.directives), len(reg.roles))


def test_rejected_constructs_have_a_located_message(results: Results) -> None:
    bad = {o.id: o.check_messages[:3] for o in results.outcomes.values() if not o.located}
    assert bad == {}, json.dumps(bad, ensure_ascii=False, indent=1)


def test_no_construct_meets_an_engine_message(results: Results) -> None:
    """Whatever `check` says about any construct has a German code, text and hint of its own (issue 18): no
    docutils, Sphinx or MyST message falls through to koop.engine with the engine's English quoted."""
    engine = {o.id: [m for m in o.check_messages if "[koop.engine]" in m] for o in results.outcomes.values()}
    assert {k: v for k, v in engine.items() if v} == {}


def test_accepted_constructs_build_in_every_format(results: Results) -> None:
    bad = {o.id: o.failures for o in results.outcomes.values() if o.failures}
    counts = results.counts()
    assert counts["accepted"] > 0
    assert bad == {}, f"{len(bad)} von {counts['accepted']} angenommenen Konstrukten: " + json.dumps(
        bad, ensure_ascii=False, indent=1)[:20000]


# -- random compositions (one per default run, KOOP_FUZZ_EXAMPLES // 200 in nox -s fuzz) ---------------------

paths = st.lists(st.sampled_from(sorted(CONTAINERS)), max_size=3)
pieces = st.one_of(
    st.builds(lambda p, leaf: nest(p, leaf), paths, st.sampled_from(sorted(LEAVES))),
    st.sampled_from(syntax()),
).filter(lambda c: c is not None)


@settings(max_examples=max(1, EXAMPLES // 200), deadline=None, suppress_health_check=list(HealthCheck))
@given(parts=st.lists(pieces, min_size=1, max_size=6))
def test_random_compositions_build_or_get_a_located_diagnostic(parts: list[Construct]) -> None:
    """Several constructs in one contribution: check locates a problem, or every output shows them all."""
    items = [(n, c) for n, c in enumerate(parts, 1) if not c.alone]
    if not items:
        return
    root = new_project(items)
    placed = write_contribution(root, "zufall", items)
    set_issue(root, ["zufall"])
    rc, output = run(root, "check")
    if rc == 1:
        assert re.search(rf"^{placed[0].path}:\d+: Fehler \[koop\.", output, re.MULTILINE), output
        return
    assert rc == 0, output
    rc, output = run_fresh(root, "build")
    assert rc == 0 and not problems(output), "\n".join(problems(output)[:10]) or output[-2000:]
    wrong = {p.construct.id: v for p, v in zip(placed, reader_view(root, placed).values(), strict=True)
             if set(v.values()) != {"ok"}}
    assert wrong == {}
    shutil.rmtree(root.parent, ignore_errors=True)
