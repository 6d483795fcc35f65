"""Every diagnostic code: a broken fixture triggers it with an exact, located German message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support.broken import CASES, MINIMAL, W, Z
from support.projects import replace, write

from pipeline.cli import main
from pipeline.validate import validate_project


@pytest.mark.parametrize(("name", "mutate", "expected"), CASES, ids=[c[0] for c in CASES])
def test_diagnostic(project_copy: Callable[[str], Path], name: str, mutate: Callable[[Path], None],
                    expected: str) -> None:
    root = project_copy("mini")
    assert not validate_project(root).problems, "the fixture itself must be clean"
    mutate(root)
    messages = [p.format() for p in validate_project(root).problems]
    assert expected in messages, "\n".join(messages)


# Engine messages (English) as Sphinx, docutils and MyST log them → the German finding `check` shows.
ENGINE_CASES = [
    ("undefined label: 'abb-karte'", "", "ref_unknown", "Die Marke „abb-karte“ gibt es nicht."),
    ('Unknown directive type: "mermaid"', "myst", "directive", "Die Direktive „{mermaid}“ ist in Beiträgen nicht "
     "erlaubt."),
    ('Unknown interpreted text role "kbd".', "", "role", "Die Rolle „{kbd}“ ist in Beiträgen nicht erlaubt."),
    ("image file not readable: beitraege/x/bild.png", "", "image_missing", "Die Bilddatei „beitraege/x/bild.png“ "
     "gibt es nicht."),
    ("Inline emphasis start-string without end-string.", "", "inline_markup", "Eine Hervorhebung oder Rolle ist "
     "nicht geschlossen (Sphinx meldet: „Inline emphasis start-string without end-string.“)."),
    ('Content block expected for the "note" directive; none found.', "", "directive_empty",
     "Die Direktive „{note}“ ist leer: Ihr fehlt der Inhalt."),
    ("Too many autonumbered footnote references: only 0 corresponding footnotes available.", "", "footnote_unmatched",
     "Zu dieser Fußnotenmarke findet sich kein Fußnotentext."),
    ("Directive 'admonition': 1 argument(s) required, 0 supplied", "myst", "directive_argument",
     "Der Direktive „{admonition}“ fehlt die Angabe hinter dem Namen (z. B. ein Titel)."),
    ('Error in "figure" directive:\ninvalid option value', "", "directive_content", "Die Direktive „{figure}“ ist so "
     "nicht lesbar (Optionen oder Inhalt fehlerhaft)."),
    ("something nobody expected", "myst", "engine", "Diese Stelle lässt sich nicht verarbeiten (MyST meldet: "
     "„something nobody expected“)."),
    # issue 18: what MyST input makes MyST, docutils and Sphinx say (tests/test_author_messages.py builds them)
    ("Non-consecutive header level increase; H2 to H4", "myst", "heading_skip", "Auf eine Überschrift der Ebene 2 "
     "folgt direkt eine der Ebene 4; dazwischen fehlt eine Ebene."),
    ("'myst' cross-reference target not found: 'abb-x'", "myst", "xref", "Der Verweis auf „abb-x“ führt ins Leere."),
    ("Duplicate reference definition: A", "myst", "link_definition_duplicate", "Diese Linkdefinition („[name]: "
     "adresse“) hat denselben Namen wie eine weiter oben; sie wird nicht verwendet."),
    ("'figure': Unknown option key: 'breite' (allowed: ['alt'])", "myst", "directive_option_unknown",
     "Die Direktive „{figure}“ kennt die Option „:breite:“ nicht."),
    ("'figure': Invalid option value for 'width': x: not a length", "myst", "directive_option_value",
     "Der Wert der Option „:width:“ ist ungültig."),
    ("Directive 'image': Has content, but none permitted", "docutils", "directive_no_content",
     "Die Direktive „{image}“ hat keinen Inhalt; unter ihrer ersten Zeile darf nichts stehen."),
    ("Directive 'image': maximum 1 argument(s) allowed, 2 supplied", "docutils", "directive_arguments",
     "Hinter dem Namen der Direktive „{image}“ steht mehr als erlaubt."),
    ("'note': Splitting content across first line and body, when an options block is present, is not recommended",
     "myst", "directive_split", "Der Text der Direktive „{note}“ beginnt in ihrer ersten Zeile und geht unter den "
     "Optionen weiter."),
    ("'note': Directive options has # comments, which may not be supported in future versions.", "myst",
     "directive_option_comment", "Zwischen den Optionen einer Direktive steht ein Kommentar („#“)."),
    ("`path:` scheme not yet supported in docutils", "myst", "link_scheme", "Links mit „path:“ sind nicht erlaubt."),
    ("Failed to create a cross reference. A title or caption not found: 'ziel-1'", "ref", "ref_no_title",
     "Die Marke „ziel-1“ steht vor keiner Überschrift, Abbildung oder Tabelle: {ref} findet keinen Titel."),
    ("unknown document: '../bremen/zwischen.md'", "ref", "doc_unknown", "Das Dokument „../bremen/zwischen.md“ gibt "
     "es für {doc} nicht."),
]
# Found while an output is made, each pinned by the test named here.
BUILD_TIME = {"typst": "test_pdf.py::test_a_typst_error_names_the_contribution",
              "image_dpi": "test_pdf.py::test_low_resolution_image_is_a_hinweis",
              "image_unreadable": "test_pdf.py::test_low_resolution_image_is_a_hinweis",
              "epubcheck": "test_verdicts.py::test_epubcheck_finding_is_located",
              "search_index": "test_search.py::test_a_failing_indexer_keeps_the_last_good_handbook",
              "code_language": "test_constructs.py::test_the_build_has_no_warning_but_the_code_hint",
              "code_syntax": "test_constructs.py::test_code_that_its_language_cannot_read_is_plain_text",
              "numref": "test_constructs.py::test_numref_to_something_without_a_number",
              "unsupported": "test_typst_nodes.py::test_node_class_is_set_or_reported",
              "internal": "test_verdicts.py::test_a_crash_of_the_engine_is_a_german_message",
              "page_budget": "test_desk.py::test_a_wrong_page_budget_is_a_located_hinweis",
              "title_duplicate": "test_scaffold.py::test_a_copy_in_git_gets_the_duplicates_not_the_released_original",
              "pdf_unbalanced": "test_makeup.py::"
                                "test_an_issue_whose_balanced_layout_does_not_settle_is_set_unbalanced_with_a_hinweis",
              # found by `check`, each with a generated test of its own
              "comment_in_paragraph": "test_author_messages.py::test_a_percent_line_that_ends_a_paragraph_is_a_hinweis",
              "footnote_label": "test_author_messages.py::"
                                "test_each_myst_warning_an_author_can_trigger_is_a_located_german_message",
              "title_markup": "test_author_messages.py::test_a_title_is_plain_text_with_the_quotes_the_body_gets",
              "control_char": "test_image_content.py::test_a_control_character_in_the_text_is_refused_at_its_line",
              "image_format": "test_image_content.py::test_a_photo_is_readable_to_its_end_and_what_its_name_says",
              "svg_active": "test_image_content.py::test_a_drawing_is_well_formed_and_inert",
              "svg_external": "test_image_content.py::test_a_drawing_is_well_formed_and_inert"}


@pytest.mark.parametrize(("text", "kind", "code", "expected"), ENGINE_CASES, ids=[c[2] for c in ENGINE_CASES])
def test_engine_messages_become_german_findings(text: str, kind: str, code: str, expected: str) -> None:
    import logging

    from pipeline.sphinx_ext.capture import translate

    record = logging.LogRecord("sphinx", logging.WARNING, "", 0, text, None, None)
    record.type = kind
    found = translate(record, W, 12)
    assert (found.code, found.message, found.path, found.line) == (code, expected, W, 12)
    assert found.hint, "every finding tells the author what to do"


def test_every_code_has_a_case() -> None:
    from pipeline.messages import CODES, MYST_WARNINGS

    covered = {line.split("[koop.", 1)[1].split("]", 1)[0] for _, _, line in CASES}
    covered |= {c[2] for c in ENGINE_CASES} | set(BUILD_TIME) | set(MYST_WARNINGS.values())  # test_author_messages
    untested = set(CODES) - covered
    assert not untested
    here = Path(__file__).parent
    for where in BUILD_TIME.values():
        module, name = where.split("::")
        assert f"def {name}(" in (here / module).read_text(encoding="utf-8"), where


def test_check_reports_all_files_at_once_and_exits_1(project_copy: Callable[[str], Path],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy("mini")
    replace(W, "themenfeld: oekonomische-innovation", "themenfeld: Kultur")(root)
    replace(Z, "art: praxisfall", "art: fall")(root)
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert f"{W}:10: Fehler [koop.themenfeld]" in err
    assert f"{Z}:8: Fehler [koop.art]" in err
    assert not [p for p in (root / "build").iterdir() if p.name != ".work"], "check writes no outputs (only its cache)"


def test_check_clean_exits_0(project_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project_copy("mini")), "check"]) == 0
    assert "Alles in Ordnung: 3 Beiträge, 1 Ausgabe geprüft." in capsys.readouterr().out


def test_usage_error_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "check"]) == 2
    assert "kein „docs/“" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["pruefen"])
    assert exc.value.code == 2


def test_cached_results_never_hide_a_change(project_copy: Callable[[str], Path]) -> None:
    """Builds reuse per-file results; a new image, an edited file or a removed image is seen at once."""
    root = project_copy("mini")
    image = root / "docs/beitraege/leipzig/bilder/westen-grafik.svg"
    saved = image.read_bytes()
    image.unlink()
    codes = lambda: [p.code for p in validate_project(root, cache=True).problems]  # noqa: E731
    assert codes() == ["image_missing", "manifest_contribution"]
    assert (root / "build/.work/pruefung.pickle").is_file()
    image.write_bytes(saved)
    assert codes() == []
    replace(W, "art: praxisfall", "art: fall")(root)
    assert "art" in codes()


def test_broken_yaml_hides_nothing_else(project_copy: Callable[[str], Path]) -> None:
    """A YAML error in one key: the other keys and the body are still checked, each problem at its line."""
    root = project_copy("mini")
    replace(W, "title: Wächterhäuser im Westen", "title: Wächterhäuser: im Westen")(root)
    replace(W, "themenfeld: oekonomische-innovation", "themenfeld: Kultur")(root)
    replace(W, "## Vorgehen", "<b>fett</b>\n\n## Vorgehen")(root)
    found = [(p.path, p.line, p.code) for p in validate_project(root).problems if p.path == W]
    assert found == [(W, 2, "yaml"), (W, 10, "themenfeld"), (W, 19, "html"), (W, 19, "html")]


def test_unclosed_front_matter_still_checks_the_body(project_copy: Callable[[str], Path]) -> None:
    root = project_copy("mini")
    text = MINIMAL.replace("---\n\nText", "\nText mit <b>HTML</b>")
    write("docs/beitraege/nuernberg/offen.md", text)(root)
    found = [(p.line, p.code) for p in validate_project(root).problems if p.path.endswith("offen.md")]
    assert found == [(1, "frontmatter_unclosed"), (9, "html"), (9, "html")]


def test_an_included_fragment_is_checked_where_it_is_included(project_copy: Callable[[str], Path]) -> None:
    """Markdown in bilder/ is a fragment (Sphinx does not read it alone): not a contribution in the wrong folder,
    but part of the contribution that includes it — with that contribution's rules, at the fragment's lines."""
    root = project_copy("mini")
    write("docs/beitraege/leipzig/bilder/teil.md", "Ein Teil mit {cite:p}`gibtsnicht`.\n")(root)
    replace(W, "## Vorgehen", "```{include} bilder/teil.md\n```\n\n## Vorgehen")(root)
    problems = validate_project(root).problems
    assert [p.code for p in problems if p.path.endswith("teil.md")] == ["cite_unknown"]
    assert not [p for p in problems if p.code == "folder"]
