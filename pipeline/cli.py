"""Command-line entry points used by the nox sessions (`python -m pipeline.cli <command>`)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import messages as M
from .diagnostics import Diagnostic, merge, sort_key, suggest
from .errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE
from .outputs import StepResult
from .paths import DOCS_DIR
from .project import Project
from .validate import validate_project

if TYPE_CHECKING:
    from .epub.build import PendingEpub


class Report:
    """Prints diagnostics in the `check` format, each once per command, and counts them."""

    def __init__(self) -> None:
        self.seen: set[Diagnostic] = set()

    def show(self, problems: Iterable[Diagnostic]) -> None:
        for p in sorted(set(problems) - self.seen, key=sort_key):
            print(p.format(), file=sys.stderr)
            self.seen.add(p)


def checked(root: Path, verbose: bool = False) -> tuple[Project, list[Diagnostic]]:
    """Validate the files, then read and probe every changed document with the real reader (`koopcheck`)."""
    from .outputs import work_dir
    from .sphinx_ext.runner import run_sphinx
    from .sphinx_ext.state import preload

    project = validate_project(root, cache=True)
    preload(project)
    run = run_sphinx(root, "koopcheck", work_dir(root, "pruefung"), verbose=verbose, label=M.STEP_CHECK)
    return project, merge(project.problems, run.found)


def summary(project: Project, problems: list[Diagnostic]) -> tuple[int, str]:
    """Exit status and the German closing line of `check`: errors in drafts never fail it. The errors are told
    by where they are (released contributions, drafts, everything else), in parts that add up to the total."""
    errors = [p for p in problems if p.is_error]
    notes = len(problems) - len(errors)
    drafts = [p for p in errors if p.path in project.draft_paths]
    released = [p for p in errors if p.path in project.contribution_paths and p.path not in project.draft_paths]
    other = [p for p in errors if p.path not in project.contribution_paths]
    tail = [M.SUMMARY_DRAFTS_NOTE] if drafts else []
    tail += [M.SUMMARY_NOTES.format(M.count(notes, "Hinweis"))] if notes else []
    head = [error_breakdown(released, drafts, other)] if errors else []
    if released or other:
        return EXIT_CONTENT, " ".join([*head, *tail, M.SUMMARY_FIX])
    checked_all = (M.SUMMARY_RELEASED_OK if drafts else M.SUMMARY_OK).format(
        M.count(len(project.reports), "Beitrag"), M.count(len(project.issues), "Ausgabe"))
    return EXIT_OK, " ".join([checked_all, *head, *tail])


def error_breakdown(released: list[Diagnostic], drafts: list[Diagnostic], other: list[Diagnostic]) -> str:
    """„7 Fehler: 2 in 2 freigegebenen Beiträgen, 5 in einem Entwurf.“ – or „2 Fehler in einem Entwurf.“"""
    parts = [(len(group), place) for group, place in (
        (released, M.count(len({p.path for p in released}), "freigegebener Beitrag/dat", dative_one=True)),
        (drafts, M.count(len({p.path for p in drafts}), "Entwurf/dat", dative_one=True)),
        (other, M.SUMMARY_OTHER_PLACES)) if group]
    total = M.count(sum(n for n, _ in parts), "Fehler")
    if len(parts) == 1:
        return M.SUMMARY_ONE_PART.format(total, M.SUMMARY_PART.format("", parts[0][1]).strip())
    return M.SUMMARY_TOTAL.format(total, ", ".join(M.SUMMARY_PART.format(n, place) for n, place in parts))


def page_budget_notes(root: Path, project: Project) -> list[Diagnostic]:
    """The page-budget Hinweise of the last PDF build (issue 12): the flatplan it left in build/redaktion, against
    the `seiten:` the manifests give now, at their entries; nothing where no plan exists. Never an error."""
    from .manifest import FLATPLAN_SUFFIX, ISSUE_PREFIX
    from .outputs import build_dir

    if not any((build_dir(root) / "redaktion").glob(f"{ISSUE_PREFIX}*{FLATPLAN_SUFFIX}.json")):
        return []  # no PDF built yet: spare `check` the flatplan's imports
    from .paths import rel
    from .typst import flatplan

    notes: list[Diagnostic] = []
    for number, issue in sorted({**project.held, **project.issues}.items()):
        plan = flatplan.load_plan(root, number)
        if plan is not None:
            flatplan.replan(plan, issue)
            notes += flatplan.budget_notes(plan, issue, rel(issue.manifest, root))
    return [n for n in notes if not n.is_error]


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    project, problems = checked(root, args.ausfuehrlich)
    problems = sorted(set(problems) | set(page_budget_notes(root, project)), key=sort_key)
    Report().show(problems)
    status, line = summary(project, problems)
    print(("\n" if problems else "") + line, file=sys.stderr if status else sys.stdout)
    return status


@dataclass
class Outputs:
    """What the output steps of one command share: the project, the options, the e-books still being checked."""

    root: Path
    project: Project
    verbose: bool
    html_follows: bool = False  # the handbook is written after the e-books: epubcheck runs meanwhile
    pending_epub: PendingEpub | None = None  # packed books whose epubcheck the handbook step waits for
    desk_follows: bool = False  # the editors' desk is the last step: the flatplans are drawn meanwhile
    pending_plans: Future[tuple[list[Diagnostic], list[str]]] | None = None  # (page-budget notes, what it said)


Step = Callable[[Outputs], StepResult]


def _html(outputs: Outputs) -> StepResult:
    from .html.build import build_html

    pending, books = outputs.pending_epub, []

    def checked_books() -> list[Diagnostic]:
        assert pending is not None
        books.append(_finish_epub(pending.finish()))
        return books[-1].findings

    result = build_html(outputs.root, outputs.project, verbose=outputs.verbose,
                        pending=pending.candidates() if pending is not None else (),
                        before_publish=checked_books if pending is not None else None)
    print(M.HTML_DONE if result.ok else M.HTML_FAILED, file=sys.stdout if result.ok else sys.stderr)
    if not books:
        return result
    return replace(result, status=max(result.status, books[0].status), published=[*books[0].published,
                                                                                      *result.published])


def _pdf(outputs: Outputs) -> StepResult:
    from .desk import after_pdf
    from .typst.build import build_pdf

    result = _said(build_pdf(outputs.root, outputs.project, verbose=outputs.verbose))
    if result.ok:
        print(M.PDF_DONE_ALL)
    # desk hook: flatplans of the issues whose PDF changed, page-budget Hinweise; when the desk is the last step,
    # drawn on a thread of its own while the e-books and the handbook are written (PIL encodes without the GIL,
    # the other core is mostly idle then), and told by the desk step
    if outputs.desk_follows:
        def plans() -> tuple[list[Diagnostic], list[str]]:
            said: list[str] = []
            return after_pdf(outputs.root, outputs.project, said.append), said

        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seitenplaene")
        outputs.pending_plans = pool.submit(plans)
        pool.shutdown(wait=False)  # the thread ends with the plans; the desk step waits for their result
        return result
    return result.then(StepResult(findings=after_pdf(outputs.root, outputs.project)))


def _epub(outputs: Outputs) -> StepResult:
    """Pack the books; epubcheck runs in the background while the handbook is written (if it is)."""
    from .epub.build import start_epub

    pending = start_epub(outputs.root, outputs.project, verbose=outputs.verbose)
    if outputs.html_follows:
        outputs.pending_epub = pending
        return pending.started
    return pending.started.then(_finish_epub(pending.finish()))


def _finish_epub(result: StepResult) -> StepResult:
    if _said(result).ok:
        print(M.EPUB_DONE_ALL)
    return result


def _said(result: StepResult) -> StepResult:
    """A step's notices on the terminal (what it held back), as soon as it has them."""
    for line in result.notices:
        print(line, file=sys.stderr)
    return result


def _redaktion(outputs: Outputs) -> StepResult:
    from .desk import build_desk

    earlier: list[Diagnostic] = []
    if outputs.pending_plans is not None:  # the flatplans the PDF step left drawing
        earlier, said = outputs.pending_plans.result()
        outputs.pending_plans = None
        for line in said:
            print(line)
    target, notes = build_desk(outputs.root, outputs.project)
    print(M.DESK_DONE.format(target.relative_to(outputs.root).as_posix()))
    return StepResult(findings=earlier + notes, published=[target])


def _warm_epubcheck(root: Path) -> None:
    """Start epubcheck's JVM now if a book may change: it loads its schemas while Sphinx reads."""
    from .epub.build import may_change
    from .epub.check import warm_up
    from .outputs import work_dir

    if may_change(root):
        warm_up(work_dir(root, "epubcheck"))


def run_steps(args: argparse.Namespace, steps: list[Step]) -> int:
    """Check, then every step: each output is blocked only by errors in what it contains."""
    if _epub in steps:
        from .epub.check import discard_warm

        _warm_epubcheck(Path(args.root).resolve())
        try:
            return _run_steps(args, steps)
        finally:
            discard_warm()
    return _run_steps(args, steps)


def _run_steps(args: argparse.Namespace, steps: list[Step]) -> int:
    from .sphinx_ext.state import preload

    started = time.monotonic()
    root = Path(args.root).resolve()
    report = Report()
    project, problems = checked(root, args.ausfuehrlich)
    report.show(problems)
    status, line = summary(project, problems)
    if status:
        print(line, file=sys.stderr)
    outputs = Outputs(root, project, args.ausfuehrlich,
                      html_follows=_epub in steps and _html in steps[steps.index(_epub):],
                      desk_follows=_pdf in steps and steps[-1] is _redaktion)
    for step in steps:
        preload(project)
        result = step(outputs)
        report.show(merge(project.problems, result.findings))
        status = max(status, result.status)
    if len(steps) > 1:
        print(_closing(root, status, report, started), file=sys.stderr if status else sys.stdout)
    return status


def _closing(root: Path, status: int, report: Report, started: float) -> str:
    """The closing line of a command with several steps: done or not, its time, what build/ holds."""
    notes = sum(not p.is_error for p in report.seen)
    written = ", ".join(f"build/{d}" for d in ("pdf", "epub", "html", "redaktion") if (root / "build" / d).is_dir())
    text = (M.STEP_FAILED if status else M.STEP_DONE).format(M.decimal(time.monotonic() - started), written or "–")
    if notes:
        text += " " + M.SUMMARY_SEEN_ABOVE.format(M.count(notes, "Hinweis"))
    return text


def cmd_html(args: argparse.Namespace) -> int:
    return run_steps(args, [_html])


def cmd_pdf(args: argparse.Namespace) -> int:
    if args.beitrag:  # a proof: its own messages only, not the whole project's report
        from .proof import proof

        return proof(Path(args.root).resolve(), args.beitrag, word=False)
    return run_steps(args, [_pdf])


def cmd_epub(args: argparse.Namespace) -> int:
    return run_steps(args, [_epub])


def cmd_build(args: argparse.Namespace) -> int:
    """Everything, EPUBs and PDFs first so that the handbook offers them for download; the editors' desk last.
    epubcheck, a JVM in the background at the lowest priority (`epub.check.NICE`), checks the e-books while the PDFs
    are set and the handbook is written, on whatever core they leave idle: in an edit's rebuild most of the PDF
    step, in a full build hardly any of it (there Typst keeps both cores, as when the books were packed after it)."""
    return run_steps(args, [_epub, _pdf, _html, _redaktion])


def cmd_redaktion(args: argparse.Namespace) -> int:
    return run_steps(args, [_redaktion])


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import new, new_from

    if args.von:
        return new_from(Path(args.root).resolve(), args.stadt, args.slug, args.von)
    return new(Path(args.root).resolve(), args.stadt, args.slug)


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_document

    return import_document(Path(args.root).resolve(), Path(args.datei), args.stadt, args.slug)


def cmd_proof(args: argparse.Namespace) -> int:
    from .proof import proof

    return proof(Path(args.root).resolve(), args.beitrag)


def cmd_serve(args: argparse.Namespace) -> int:
    from .html.serve import serve

    return serve(Path(args.root).resolve(), args.host, args.port)


def cmd_ablieferung(args: argparse.Namespace) -> int:
    from .deposit import deposit

    return deposit(Path(args.root).resolve())


class GermanParser(argparse.ArgumentParser):
    """Usage errors in German, with the help that explains the command; exit 2, never a traceback."""

    command = ""  # the subcommand this parser reads (empty: the top level)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommands: dict[str, GermanParser] = {}

    def parse_args(self, args: Any = None, namespace: Any = None) -> argparse.Namespace:  # type: ignore[override]
        """An unknown argument is reported by the subcommand it was given to, with that command's usage."""
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            target = self.subcommands.get(str(getattr(parsed, "command", "")), self)
            target.error(M.ARGPARSE["unrecognized arguments: %s"] % " ".join(extra))
        assert isinstance(parsed, argparse.Namespace)
        return parsed

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """An unknown choice (a mistyped command) with the choices in German quotes and the closest one."""
        if action.choices is not None and value not in action.choices:
            choices = [str(c) for c in action.choices]
            text = M.USAGE_CHOICE.format(value, M.join_or(choices))
            raise argparse.ArgumentError(action, " ".join(filter(None, (text, suggest(str(value), choices)))))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{M.USAGE_PREFIX}: {message}", file=sys.stderr)
        hint = M.USAGE_HINT.format(self.command) if self.command else M.USAGE_HINT_TOP
        print(f"{M.HINT_PREFIX}: {hint}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


@contextmanager
def german_argparse() -> Iterator[None]:
    """argparse's own texts (usage, errors, help) in German while a parser is built and used: argparse looks
    them up through its module-level gettext functions each time it needs one."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def singular_or_plural(one: str, many: str, n: int) -> str:
        text = one if n == 1 else many
        return M.ARGPARSE.get(text, text)

    argparse._ = lambda text: M.ARGPARSE.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = singular_or_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def cmd_publish(args: argparse.Namespace) -> int:
    """The last good handbook to a web server's directory, only while released content has no errors."""
    from .errors import UserError
    from .publish import last_good, publish, roll_back, stale_downloads, target_of

    root = Path(args.root).resolve()
    try:
        target = target_of(args.ziel)
        if args.zurueck:
            was, now = roll_back(target)
            print(M.PUBLISH_BACK_DONE.format(target.label, now, was))
            return EXIT_OK
        site = last_good(root)
        project, problems = checked(root)  # the same verdict as `nox -s check`
        status, line = summary(project, problems)
        if status:
            Report().show(problems)
            print(line, file=sys.stderr)
            raise UserError(EXIT_CONTENT, M.PUBLISH_REFUSED, M.PUBLISH_REFUSED_HINT)
        for newer in stale_downloads(root, site):
            print(M.PUBLISH_STALE_DOWNLOAD.format(newer), file=sys.stderr)
        release, kept = publish(root, target, args.behalten)
        print(M.PUBLISH_DONE.format(target.label, release, M.plural_count(kept, "Fassung", "Fassungen"),
                                    args.behalten))
        return EXIT_OK
    except UserError as error:
        return error.show()


def releases_to_keep(text: str) -> int:
    """`--behalten`: a whole number from 1, said in German when it is none."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(M.PUBLISH_KEEP_BAD.format(text))
    return int(text)


def port_number(text: str) -> int:
    """`--port`: a TCP port, said in German when it is none."""
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(M.SERVE_PORT_INVALID.format(text))
    return int(text)


def _command(top: GermanParser, sub: Any, name: str, func: Callable[[argparse.Namespace], int],
             help_text: str) -> GermanParser:
    """A subcommand; its usage line shows the nox call that authors type (`nox -s serve -- …`)."""
    prog = f"nox -s {name} --" if os.environ.get("KOOP_NOX") else None
    parser: GermanParser = sub.add_parser(name, help=help_text, description=help_text,
                                          **({"prog": prog} if prog else {}))
    parser.command = name
    parser.set_defaults(func=func)
    top.subcommands[name] = parser
    return parser


def build_parser() -> GermanParser:
    """The command line of every subcommand (call inside `german_argparse()`)."""
    parser = GermanParser(prog="pipeline", description="koopstadt-Publikationspipeline")
    # KOOP_ROOT: the project folder for calls that cannot pass --root before the command (nox sessions)
    parser.add_argument("--root", default=os.environ.get("KOOP_ROOT") or ".", metavar="ORDNER",
                        help=M.USAGE_ROOT_HELP)
    sub = parser.add_subparsers(dest="command", required=True, title=M.USAGE_COMMANDS, metavar="befehl")
    check = _command(parser, sub, "check", cmd_check, "alle Quellen prüfen, keine Ausgaben schreiben")
    html = _command(parser, sub, "html", cmd_html, "Online-Handbuch erzeugen (build/html)")
    pdf = _command(parser, sub, "pdf", cmd_pdf, "koopBLATT als Druck- und Bildschirm-PDF (build/pdf)")
    pdf.add_argument("--beitrag", metavar="DATEI", help="nur einen Korrekturabzug dieses Beitrags erzeugen")
    new = _command(parser, sub, "new", cmd_new, "neuen Beitrag anlegen: docs/beitraege/<stadt>/<kurzname>.md")
    new.add_argument("stadt", help="bremen, leipzig oder nuernberg")
    new.add_argument("slug", metavar="kurzname", help="Kurzname, z. B. suedstadt (Umlaute werden umschrieben)")
    new.add_argument("--von", metavar="VORLAGE", default=None,
                     help="einen vorhandenen Beitrag als Vorlage kopieren (Entwurf, neue Marken, TODOs)")
    imp = _command(parser, sub, "import", cmd_import, "Word- oder ODT-Datei als Beitrag übernehmen")
    imp.add_argument("datei", help="die .docx- oder .odt-Datei")
    imp.add_argument("stadt", help="bremen, leipzig oder nuernberg")
    imp.add_argument("--slug", metavar="KURZNAME", default=None, help="Kurzname (sonst aus dem Dateinamen)")
    epub = _command(parser, sub, "epub", cmd_epub, "E-Books jeder Ausgabe und des Handbuchs (build/epub)")
    prf = _command(parser, sub, "proof", cmd_proof, "Korrekturabzug (PDF) und Word-Datei eines Beitrags")
    prf.add_argument("beitrag", help="Pfad des Beitrags, z. B. docs/beitraege/leipzig/westen.md")
    srv = _command(parser, sub, "serve", cmd_serve, M.SERVE_HELP)
    srv.add_argument("--host", default="127.0.0.1", metavar="ADRESSE", help=M.SERVE_HOST_HELP)
    srv.add_argument("--port", type=port_number, default=8000, metavar="PORT", help=M.SERVE_PORT_HELP)
    desk = _command(parser, sub, "redaktion", cmd_redaktion,
                    "Redaktionsstand und Seitenpläne (build/redaktion, nicht veröffentlicht)")
    pub = _command(parser, sub, "publish", cmd_publish,
                   "das zuletzt fehlerfrei erzeugte Handbuch veröffentlichen (Verzeichnis oder user@rechner:/pfad)")
    pub.add_argument("ziel", help="Verzeichnis des Webservers oder user@rechner:/pfad (über SSH, mit rsync)")
    pub.add_argument("--zurueck", action="store_true", help="zur vorigen Veröffentlichung zurückschalten")
    pub.add_argument("--behalten", type=releases_to_keep, default=5, metavar="N",
                     help="so viele Veröffentlichungen aufbewahren (Vorgabe: 5)")
    _command(parser, sub, "ablieferung", cmd_ablieferung,
             "erschienene Ausgaben für die Deutsche Nationalbibliothek: PDF/A, EPUB und MARC 21 (build/ablieferung)")
    everything = _command(parser, sub, "build", cmd_build, "alles erzeugen: prüfen, Handbuch, PDF, EPUB")
    for command in (check, html, pdf, epub, everything, desk):
        command.add_argument("-v", "--ausfuehrlich", action="store_true", help=M.USAGE_VERBOSE_HELP)
    return parser


def main(argv: list[str] | None = None) -> int:
    with german_argparse():
        args = build_parser().parse_args(argv)
    if not (Path(args.root) / DOCS_DIR).is_dir():
        print(f"Aufruf fehlerhaft: Im Ordner „{args.root}“ gibt es kein „{DOCS_DIR}/“.", file=sys.stderr)
        return EXIT_USAGE
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
