"""Command-line entry points used by the nox sessions (`python -m pipeline.cli <command>`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import messages as M
from .validate import Project, validate_project

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def cmd_check(args: argparse.Namespace) -> int:
    project: Project = getattr(args, "project", None) or validate_project(Path(args.root))
    for p in project.problems:
        print(p.format(), file=sys.stderr)
    n_err = len(project.errors)
    n = len(project.reports)
    if n_err:
        print(f"\n{M.plural_count(n_err, 'Fehler', 'Fehler')} in {M.plural_count(n, 'Beitrag', 'Beiträgen')} "
              "gefunden. Bitte korrigieren und „nox -s check“ erneut ausführen.", file=sys.stderr)
        return EXIT_CONTENT
    print(f"Alles in Ordnung: {M.plural_count(n, 'Beitrag', 'Beiträge')}, "
          f"{M.plural_count(len(project.issues), 'Ausgabe', 'Ausgaben')} geprüft.")
    return EXIT_OK


def _output(args: argparse.Namespace, build: Callable[[Path, Project], int], failed: str, done: str) -> int:
    """Run one output step on validated sources; a failure keeps the last good output (German message)."""
    from .sphinx_ext.state import preload

    root = Path(args.root).resolve()
    project: Project = getattr(args, "project", None) or validate_project(root, cache=True)
    if project.errors:
        return cmd_check(args)
    preload(project)
    if build(root, project):
        print(f"\n{failed}", file=sys.stderr)
        return EXIT_CONTENT
    print(done)
    return EXIT_OK


def cmd_html(args: argparse.Namespace) -> int:
    from .html.build import build_html

    return _output(args, lambda root, _: build_html(root, quiet=args.quiet), M.HTML_FAILED, M.HTML_DONE)


def cmd_pdf(args: argparse.Namespace) -> int:
    from .typst.pdf import build_pdf

    proof = getattr(args, "beitrag", "") or ""
    return _output(args, lambda root, project: build_pdf(root, project, proof=proof, quiet=args.quiet),
                   M.PDF_FAILED, M.PDF_DONE_PROOF if proof else M.PDF_DONE_ALL)


def cmd_epub(args: argparse.Namespace) -> int:
    from .epub.build import build_epub

    return _output(args, lambda root, project: build_epub(root, project, quiet=args.quiet), M.EPUB_FAILED,
                   M.EPUB_DONE_ALL)


def cmd_build(args: argparse.Namespace) -> int:
    """Everything: check first (nothing is written if the sources have errors), then each output."""
    args.project = validate_project(Path(args.root).resolve(), cache=True)
    status = cmd_check(args)
    for step in (cmd_pdf, cmd_epub, cmd_html):
        if status:
            return status
        status = step(args)
    return status


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import new

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


class GermanParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"Aufruf fehlerhaft: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def main(argv: list[str] | None = None) -> int:
    parser = GermanParser(prog="pipeline", description="koopstadt-Publikationspipeline")
    parser.add_argument("--root", default=".", help="Projektordner (mit docs/ und koopblatt/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="alle Quellen prüfen, nichts schreiben").set_defaults(func=cmd_check)
    html = sub.add_parser("html", help="Online-Handbuch erzeugen (build/html)")
    html.add_argument("-q", "--quiet", action="store_true")
    html.set_defaults(func=cmd_html)
    pdf = sub.add_parser("pdf", help="koopBLATT als Druck- und Bildschirm-PDF (build/pdf)")
    pdf.add_argument("-q", "--quiet", action="store_true")
    pdf.add_argument("--beitrag", metavar="DATEI", help="nur einen Korrekturabzug dieses Beitrags erzeugen")
    pdf.set_defaults(func=cmd_pdf)
    new = sub.add_parser("new", help="neuen Beitrag anlegen: docs/beitraege/<stadt>/<kurzname>.md")
    new.add_argument("stadt", help="bremen, leipzig oder nuernberg")
    new.add_argument("slug", metavar="kurzname", help="Kurzname, z. B. suedstadt (Umlaute werden umschrieben)")
    new.set_defaults(func=cmd_new)
    imp = sub.add_parser("import", help="Word- oder ODT-Datei als Beitrag übernehmen")
    imp.add_argument("datei", help="die .docx- oder .odt-Datei")
    imp.add_argument("stadt", help="bremen, leipzig oder nuernberg")
    imp.add_argument("--slug", metavar="KURZNAME", default=None, help="Kurzname (sonst aus dem Dateinamen)")
    imp.set_defaults(func=cmd_import)
    epub = sub.add_parser("epub", help="E-Books jeder Ausgabe und des Handbuchs (build/epub)")
    epub.add_argument("-q", "--quiet", action="store_true")
    epub.set_defaults(func=cmd_epub)
    prf = sub.add_parser("proof", help="Korrekturabzug (PDF) und Word-Datei eines Beitrags")
    prf.add_argument("beitrag", help="Pfad des Beitrags, z. B. docs/beitraege/leipzig/westen.md")
    prf.set_defaults(func=cmd_proof)
    srv = sub.add_parser("serve", help="Live-Vorschau des Handbuchs im Browser")
    srv.add_argument("--host", default="127.0.0.1")
    srv.add_argument("--port", type=int, default=8000)
    srv.set_defaults(func=cmd_serve)
    everything = sub.add_parser("build", help="alles erzeugen: prüfen, Handbuch, PDF, EPUB")
    everything.add_argument("-q", "--quiet", action="store_true")
    everything.set_defaults(func=cmd_build)
    args = parser.parse_args(argv)
    if not (Path(args.root) / "docs").is_dir():
        print(f"Aufruf fehlerhaft: Im Ordner „{args.root}“ gibt es kein „docs/“.", file=sys.stderr)
        return EXIT_USAGE
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
