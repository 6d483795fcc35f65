"""Write `build/redaktion/index.html` (Redaktionsstand) and `koopblatt-<nr>-seitenplan.html` (flatplans)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .. import messages as M
from ..diagnostics import Diagnostic, sort_key
from ..filetimes import History, iso
from ..outputs import build_dir, publish_file, work_dir
from ..project import Project
from ..sphinx_ext import capture
from ..sphinx_ext.runner import DOCTREES
from ..typst import flatplan

HERE = Path(__file__).parent
TODO_CODE = "todo"  # koop.todo: the open TODOs are the ones `check` reports (`body.is_todo`)


@dataclass
class Row:
    """One contribution as the Redaktionsstand shows it."""

    path: str
    city: str
    city_label: str
    colour: str
    title: str
    status: str
    kind: str
    issues: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # "No. 3: 3 S. (geplant 4)"
    pages_total: int = 0
    todos: int = 0
    errors: list[Diagnostic] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)
    low_dpi: list[Diagnostic] = field(default_factory=list)
    changed: float = 0.0
    changed_source: str = ""

    @property
    def changed_text(self) -> str:
        return iso(self.changed)


@dataclass
class IssueRow:
    number: int
    title: str
    pages: int | None
    padding: int | None
    flatplan: str | None
    downloads: list[tuple[str, str | None]]  # (label, relative href or None if missing)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def _diagnostics(root: Path, project: Project, extra: list[Diagnostic]) -> list[Diagnostic]:
    """The check's diagnostics: the file checks, the stored reading findings (as `check` merges them), extra."""
    stored = capture.Findings(work_dir(root, DOCTREES) / capture.STORE).all()
    explained = {(p.path, p.line) for p in project.problems if p.is_error}
    found = [f for f in [*stored, *extra] if (f.path, f.line) not in explained]
    return sorted(set(project.problems) | set(found), key=sort_key)


def _declared(root: Path, path: str) -> dict[str, object]:
    """The front matter as written, for a file whose errors keep it from being a valid contribution."""
    from ..frontmatter import read

    try:
        split, _ = read((root / path).read_text(encoding="utf-8"), path)
    except (OSError, UnicodeDecodeError):
        return {}
    data = split.frontmatter.data if split.frontmatter is not None else None
    return {str(k): v for k, v in data.items()} if isinstance(data, dict) else {}


def rows(root: Path, project: Project, problems: list[Diagnostic], plans: dict[int, flatplan.Plan]) -> list[Row]:
    tax = project.taxonomy
    history = History(root)
    out = []
    for docname, report in sorted(project.reports.items(), key=lambda kv: kv[1].path):
        c = report.contribution or project.all_contributions.get(docname)
        declared = {} if c is not None else _declared(root, report.path)
        title = c.title if c is not None else str(declared.get("title") or Path(report.path).stem)
        art = c.art if c is not None else str(declared.get("art", ""))
        city = docname.split("/")[1] if docname.count("/") == 2 else ""
        mine = [p for p in problems if p.path == report.path]
        times = history.times(report.path)
        row = Row(
            path=report.path, city=city, city_label=tax.cities[city].label if city in tax.cities else city,
            colour=tax.cities[city].colour if city in tax.cities else "#5c5c5c",
            title=title, status=report.status, kind=tax.kinds[art].label if art in tax.kinds else M.DESK_NONE,
            todos=sum(1 for p in mine if p.code == TODO_CODE),
            errors=[p for p in mine if p.is_error], notes=[p for p in mine if not p.is_error],
            low_dpi=[p for p in mine if p.code == "image_dpi"], changed=times.changed,
            changed_source=M.DESK_FROM_GIT if times.from_git else M.DESK_FROM_FILE,
        )
        for issue in project.issues_of(docname):
            row.issues.append(M.ISSUE_NAME.format(issue.number))
            plan = plans.get(issue.number)
            section = plan.contribution(docname) if plan is not None else None
            if section is not None:
                planned = ""
                if section.planned:
                    of_planned = M.count(section.planned, "geplante Seite/dat")
                    planned = f" ({M.FLATPLAN_PLANNED.format(section.pages, of_planned)})"
                row.pages.append(f"No. {issue.number}: {M.count(section.pages, 'Seite')}{planned}")
                row.pages_total += section.pages
        out.append(row)
    return out


def issue_rows(root: Path, project: Project, plans: dict[int, flatplan.Plan]) -> list[IssueRow]:
    out = []
    build = build_dir(root)
    for number, issue in sorted(project.issues.items()):
        plan = plans.get(number)
        image, _, _ = flatplan.paths(root, number)
        files = [(M.DESK_PDF_SCREEN, build / "pdf" / issue.screen_pdf),
                 (M.DESK_PDF_PRINT, build / "pdf" / issue.print_pdf),
                 (M.DESK_EPUB, build / "epub" / issue.epub)]
        out.append(IssueRow(
            number=number, title=M.issue_title(number, issue.year),
            pages=plan.pages if plan else None, padding=plan.padding if plan else None,
            flatplan=f"{image.stem}.html" if plan else None,
            downloads=[(label, f"../{f.parent.name}/{f.name}" if f.is_file() else None) for label, f in files]))
    return out


def _publish(page: str, target: Path) -> None:
    publish_file(page.encode("utf-8"), target)


def _static(out: Path) -> None:
    for asset in sorted((HERE / "static").iterdir()):
        if asset.is_file() and (not (out / asset.name).is_file()
                                or (out / asset.name).read_bytes() != asset.read_bytes()):
            shutil.copyfile(asset, out / asset.name)


def flatplan_pages(root: Path, project: Project) -> dict[int, flatplan.Plan]:
    """The HTML flatplan of every issue that has a plan; returns the plans (with today's page budget)."""
    plans: dict[int, flatplan.Plan] = {}
    out = build_dir(root) / flatplan.FOLDER
    env = _environment()
    for number, issue in sorted(project.issues.items()):
        plan = flatplan.load_plan(root, number)
        if plan is None:
            continue
        flatplan.replan(plan, issue)
        plans[number] = plan
        image, _, folder = flatplan.paths(root, number)
        spreads = [[(page, plan.section_of(page)) for page in pair if page is not None]
                   for pair in flatplan.spreads(plan.pages)]
        page = env.get_template("seitenplan.html").render(
            M=M, plan=plan, issue=issue, spreads=spreads, image=image.name, thumbs=folder.name,
            contributions=[s for s in plan.sections if s.docname],
            city_labels={c.id: c.label for c in project.taxonomy.cities.values()},
            padding_text=M.FLATPLAN_PADDING.format(M.count(plan.padding, "Notizseite"))
            if plan.padding else M.FLATPLAN_NO_PADDING)
        out.mkdir(parents=True, exist_ok=True)
        _publish(page, out / f"{image.stem}.html")
    if plans:
        _static(out)
    return plans


def after_pdf(root: Path, project: Project, say: Callable[[str], object] = print) -> list[Diagnostic]:
    """The PDF step's hook: refresh the flatplans whose PDF changed, write their pages; the page-budget notes."""
    notes = flatplan.update(root, project, say)
    flatplan_pages(root, project)
    return notes


def build_desk(root: Path, project: Project, now: dt.datetime | None = None) -> tuple[Path, list[Diagnostic]]:
    """Write build/redaktion/index.html (and the flatplan pages); its path and the page-budget notes."""
    notes = flatplan.update(root, project)  # builds a missing plan if the PDF exists
    plans = flatplan_pages(root, project)
    problems = _diagnostics(root, project, notes)
    out = build_dir(root) / flatplan.FOLDER
    out.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%d.%m.%Y, %H:%M")
    all_rows = rows(root, project, problems, plans)
    page = _environment().get_template("index.html").render(
        M=M, rows=all_rows, issues=issue_rows(root, project, plans), stamp=stamp,
        cities=sorted({(r.city, r.city_label) for r in all_rows}), statuses=M.DESK_STATUS)
    target = out / "index.html"
    _publish(page, target)
    _static(out)
    return target, notes
