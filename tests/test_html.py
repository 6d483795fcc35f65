"""The handbook as a reader sees it: cards, citations, browse pages, matrix, links, safety."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support.htmlutil import article, broken_links, page, text, unsafe_markup
from support.paths import REPO

from pipeline.html.build import build_html


def test_start_page_shows_motto_and_german_ui(built_mini: Path) -> None:
    soup = page(built_mini, "index")
    assert soup.html is not None and soup.html["lang"] == "de"
    assert "Drei Städte; drei Wege; ein Ziel" in text(soup.find("article"))


def test_card_shows_front_matter(built_mini: Path) -> None:
    card = article(built_mini, "beitraege/leipzig/westen").find(class_="koop-karte")
    shown = text(card)
    for expected in ("Leipzig", "Praxisfall", "Themenfeld", "Ökonomische Innovation, kreative Milieus und Beteiligung",
                     "Kreative Raumeroberung", "Zwischennutzung als Normalfall der Stadtentwicklung",
                     "Zusammenhang Quartier – Stadt", "Erika Muster (Stadt Leipzig, Stadtplanungsamt)",
                     "18. September 2014", "koopBLATT No. 1 (2015)",
                     "Hauswächter sichern leerstehende Gründerzeithäuser in Lindenau."):
        assert expected in shown
    city = card.find("a", class_="koop-stadtlabel")
    assert city["href"] == "../../entdecken/stadt-leipzig.html"
    assert "koop-stadt-leipzig" in card["class"]


def test_subtitle_and_related_cases(built_mini: Path) -> None:
    art = article(built_mini, "beitraege/leipzig/westen")
    assert text(art.find(class_="koop-untertitel")) == "Leerstand als Ressource"
    related = art.find(class_="koop-verwandt")
    assert text(related) == ("Verwandte Beiträge aus denselben Projektfamilien "
                             "Zwischennutzung in Bremen (Bremen, Praxisfall)")
    assert related.find("a")["href"] == "../bremen/zwischen.html"


def test_citations_and_literature_list(built_mini: Path) -> None:
    art = article(built_mini, "beitraege/leipzig/westen")
    cites = [text(c) for c in art.find_all(class_="koop-cite")]
    assert cites == ["(Leipzig-Charta 2007, S. 3)", "Brandt u. a. (2014)", "(BMVBS 2007)"]
    lit = [text(li) for li in art.find(id="literatur").find_all("li")]
    assert lit == [
        "BMVBS – Bundesministerium für Verkehr, Bau und Stadtentwicklung (Hrsg.) (2007): "
        "Auf dem Weg zu einer nationalen Stadtentwicklungspolitik. Berlin.",
        "Brandt, Henrike; Yilmaz, Deniz; Kowalski, Jan (2014): Coaching und Reflexion. Fiktiver Bericht.",
        "Leipzig-Charta – Informelles Ministertreffen (2007): LEIPZIG CHARTA zur nachhaltigen europäischen Stadt. "
        "Leipzig.",
    ]
    assert art.find("a", string="(Leipzig-Charta 2007, S. 3)")["href"] == "#lit-charta"
    other = article(built_mini, "beitraege/bremen/zwischen")
    assert len(other.find(id="literatur").find_all("li")) == 1, "only the works this contribution cites"
    assert article(built_mini, "beitraege/nuernberg/hospitation").find(id="literatur") is None


def test_footnote_figure_and_cross_reference(built_mini: Path) -> None:
    art = article(built_mini, "beitraege/leipzig/westen")
    assert "Die Hauswächter zahlen nur die Betriebskosten." in text(page(built_mini, "beitraege/leipzig/westen"))
    img = art.find("figure").find("img")
    assert img["alt"] == "Balkendiagramm: drei Häuser 2005, fünfzehn Häuser 2010."
    assert art.find("a", string=lambda s: s and "Zwischennutzung in Bremen" in s) is not None


def test_browse_pages_list_the_right_cases(built_mini: Path) -> None:
    titles = lambda doc: [text(t) for t in article(built_mini, doc).find_all(class_="koop-eintrag-titel")]  # noqa: E731
    assert titles("entdecken/stadt-leipzig") == ["Wächterhäuser im Westen"]
    assert titles("entdecken/projektfamilie-zwischennutzung") == ["Zwischennutzung in Bremen",
                                                                   "Wächterhäuser im Westen"]
    assert titles("entdecken/aufgabe-beteiligung-governance") == ["Zwischennutzung in Bremen"]
    assert titles("entdecken/themenfeld-urbane-lebensqualitaet") == ["Zwei Wochen in Leipzig"]
    assert "Noch keine Beiträge." in text(article(built_mini, "entdecken/projektfamilie-wasser-region"))


def test_matrix_counts_and_links_land_on_the_cases(built_mini: Path) -> None:
    table = article(built_mini, "entdecken/matrix").find("table")
    rows = [[text(c) for c in tr.find_all(["td", "th"])] for tr in table.find_all("tr")]
    assert rows[0] == ["Themenfeld", "Bremen", "Leipzig", "Nürnberg", "Summe"]
    assert rows[1] == ["Ökonomische Innovation, kreative Milieus und Beteiligung", "1", "1", "0", "2"]
    assert rows[2] == ["Regionale Kooperation, räumliche Vernetzung und neue Aktionsräume", "0", "0", "0", "0"]
    assert rows[3] == ["Urbane Lebensqualität, ökologischer Wandel und sozialer Zusammenhalt", "0", "0", "1", "1"]
    assert rows[4] == ["Summe", "1", "1", "1", "3"]
    link = table.find_all("tr")[1].find_all("td")[2].find("a")
    assert link["href"] == "themenfeld-oekonomische-innovation.html#stadt-leipzig"
    target = article(built_mini, "entdecken/themenfeld-oekonomische-innovation")
    group = target.find(id="stadt-leipzig")
    assert text(group).startswith("Leipzig (1)")
    assert text(group.find_next(class_="koop-eintrag-titel")) == "Wächterhäuser im Westen"


def test_issue_page_and_author_guide(built_mini: Path) -> None:
    issue = article(built_mini, "ausgaben/koopblatt-1")
    shown = text(issue)
    assert "koopBLATT No. 1 (2015)" in shown and "Testausgabe" in shown
    assert "Liebe Leserinnen und Leser" in shown
    assert [text(t) for t in issue.find_all(class_="koop-eintrag-titel")] == ["Wächterhäuser im Westen",
                                                                              "Zwischennutzung in Bremen"]


def test_every_internal_link_resolves(built_mini: Path) -> None:
    assert broken_links(built_mini / "build" / "html") == []


@pytest.mark.slow
def test_failed_build_keeps_last_good_output_and_leaks_nothing(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    assert build_html(root).status == 0
    good = (root / "build/html/beitraege/leipzig/westen.html").read_bytes()
    source = root / "docs/beitraege/leipzig/westen.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "## Vorgehen", "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n"
        "[klick](javascript:alert(1))\n\n## Vorgehen"), encoding="utf-8")
    assert build_html(root).status == 1
    assert (root / "build/html/beitraege/leipzig/westen.html").read_bytes() == good
    for file in (root / "build").rglob("*.html"):
        assert unsafe_markup(file) == [], file


def test_two_builds_give_identical_html(built_mini: Path, tmp_path: Path) -> None:
    """Reproducible apart from .buildinfo (Sphinx hashes the configuration, which holds absolute paths)."""
    import re

    from support.projects import copy_project

    # Pagefind writes its filter and metadata indexes in hash-map order (upstream issue #638: only the
    # fragments and word indexes are stable), so their names and the entry file listing them differ
    # (and the entry file's pre-compressed variants with it)
    unstable = re.compile(r"_pagefind/(filter/|pagefind\.\w+\.pf_meta$|pagefind-entry\.json(\.gz|\.br)?$)")

    def files(site: Path) -> list[str]:
        return sorted(n for p in site.rglob("*") if p.is_file()
                      and not unstable.match(n := p.relative_to(site).as_posix()))

    other = copy_project("mini", tmp_path)
    assert build_html(other).status == 0
    first, second = built_mini / "build/html", other / "build/html"
    names = files(first)
    assert any(n.startswith("_pagefind/fragment/") for n in names)
    assert names == files(second)
    differing = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    assert differing == [".buildinfo"]


def test_hard_line_break_survives_the_raw_filter(project_copy: Callable[[str], Path]) -> None:
    """A line ending in a backslash is MyST's hard break (rendered as raw <br />): kept, unlike raw HTML."""
    root = project_copy("mini")
    source = root / "docs/beitraege/bremen/zwischen.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Zurück zu den", "Erste Zeile\\\nZweite Zeile\n\nZurück zu den"), encoding="utf-8")
    assert build_html(root).status == 0
    para = article(root, "beitraege/bremen/zwischen").find(lambda t: t.name == "p" and "Erste Zeile" in t.get_text())
    assert para is not None and para.find("br") is not None


def test_straight_quotes_become_german_ones_and_escaped_ones_stay(project_copy: Callable[[str], Path]) -> None:
    """Quotes an author types straight are set as German typography wants them („…“, ‚…‘; an apostrophe as ’),
    in the page and (from the same doctree) in every other output; a backslash-escaped one stays straight."""
    root = project_copy("mini")
    source = root / "docs/beitraege/bremen/zwischen.md"
    typed = 'Sie nannten es "Wächterhaus", das \'Ladenlokal\' hieß anders; geht\'s so? Maß: 5\\" und \\"wörtlich\\".'
    source.write_text(source.read_text(encoding="utf-8").replace("Zurück zu den", f"{typed}\n\nZurück zu den"),
                      encoding="utf-8")
    assert build_html(root).status == 0
    shown = text(article(root, "beitraege/bremen/zwischen"))
    assert 'Sie nannten es „Wächterhaus“, das ‚Ladenlokal‘ hieß anders; geht’s so? Maß: 5" und "wörtlich".' in shown


# -- the handbook's builder ---------------------------------------------------------------------------------------

def test_sphinx_writes_the_handbook_with_the_handbooks_html_builder(project_copy: Callable[[str], Path],
                                                                     tmp_path: Path) -> None:
    """`-b html` (`nox -s build`, the preview of `nox -s serve`) gets the handbook's builder class, as the e-book
    gets its own: Sphinx's search off, drafts and inventory left out, screen images (pipeline/html/builder.py)."""
    from sphinx.application import Sphinx

    from pipeline.html.builder import KoopHTMLBuilder

    root = project_copy("mini")
    app = Sphinx(str(root / "docs"), str(root), str(tmp_path / "html"), str(tmp_path / "doctrees"), "html",
                 status=None, warning=None)
    assert type(app.builder) is KoopHTMLBuilder and app.builder.name == "html" and not app.builder.search


def test_no_module_changes_a_sphinx_builder_from_outside_its_class() -> None:
    """Builders are subclassed, as Sphinx intends, never patched at run time (`builder.write_documents = …`):
    no assignment in pipeline/ to a method or attribute Sphinx's HTML builder defines, but on `self`."""
    import ast

    from sphinx.builders.html import StandaloneHTMLBuilder

    found = []
    for path in sorted((REPO / "pipeline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign | ast.AugAssign) else []
            found += [f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(t)}" for t in targets
                      if isinstance(t, ast.Attribute) and hasattr(StandaloneHTMLBuilder, t.attr)
                      and not (isinstance(t.value, ast.Name) and t.value.id == "self")]
    assert found == []


def test_a_reference_to_a_section_reads_its_title_without_its_footnote_mark(
        project_copy: Callable[[str], Path]) -> None:
    """Sphinx takes a section's title for the `{ref}` text with its footnote marks: „Ausgangslage1“."""
    root = project_copy("mini")
    source = root / "docs/beitraege/bremen/zwischen.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Zurück zu den", "(lage)=\n## Die Ausgangslage[^stand]\n\nWie in {ref}`lage` beschrieben.\n\n"
                         "[^stand]: Stand 2014.\n\nZurück zu den"), encoding="utf-8")
    assert build_html(root).status == 0
    shown = text(article(root, "beitraege/bremen/zwischen"))
    assert "Wie in Die Ausgangslage beschrieben." in shown
