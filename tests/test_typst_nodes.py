"""Translator and template agree: every node the Typst translator meets is handled, every Typst function it
calls is defined.

Two generated checks: (1) the resolved doctrees of the constructs project (every allowed directive and
role, see `test_the_corpus_uses_every_allowed_construct`) are translated, recording each node class the
translator visits; (2) one test per docutils/Sphinx node class puts a minimal instance of it into a
document and translates it. A `#name(` or `#name[` that neither the template (`#let name`) nor Typst
defines fails here instead of as Typst's "unknown variable" in an editor's build.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from sphinx import addnodes
from support.paths import FIXTURES
from support.projects import CONSTRUCTS_DOC

from pipeline.body import ALLOWED_DIRECTIVES, ALLOWED_ROLES, MATH
from pipeline.sphinx_ext import links, numbering
from pipeline.typst import translator as tr
from pipeline.typst.measures import PAGES

TEMPLATE = Path(tr.__file__).parent / "templates" / "koopblatt" / "lib.typ"  # the template's public interface
# Typst's own functions the translator may call in markup
TYPST_BUILTINS = frozenset({"emph", "strong", "sub", "super", "raw", "link", "footnote", "list", "enum", "terms",
                            "quote", "figure", "image", "table", "align", "import", "show", "heading", "metadata"})
CALL = re.compile(r"(?<!\\)#([A-Za-z_][\w-]*)(?=[(\[])")


def defined() -> set[str]:
    """The names lib.typ offers (it imports them from the files of the template folder)."""
    names = re.findall(r'^#import "[\w.]+": (.+)$', TEMPLATE.read_text(encoding="utf-8"), re.MULTILINE)
    return {n.strip() for line in names for n in line.split(",")}


def undefined_calls(typst: str) -> set[str]:
    return set(CALL.findall(typst)) - defined() - TYPST_BUILTINS


def handled(cls: type[nodes.Node]) -> bool:
    """Has the translator its own visitor for nodes of this class (not the unknown-node fallback)?"""
    return hasattr(tr.TypstTranslator, f"visit_{cls.__name__}") or cls.__name__ in tr.ADMONITIONS


# -- (1) the real corpus -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def translated(built_constructs: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
               ) -> tuple[dict[str, str], set[type[nodes.Node]], str]:
    """Every contribution of the built constructs project translated again from its doctree: bodies, the node
    classes the translator visited, and the main Typst file of the issue."""
    from sphinx.application import Sphinx

    from pipeline.sphinx_ext.runner import isolated

    root, _ = built_constructs
    out = tmp_path_factory.mktemp("typst")
    seen: set[type[nodes.Node]] = set()
    original = tr.TypstTranslator.dispatch_visit

    def spy(self: tr.TypstTranslator, node: nodes.Node) -> None:
        seen.add(type(node))
        original(self, node)

    tr.TypstTranslator.dispatch_visit = spy  # type: ignore[method-assign]
    try:
        with isolated():  # as sphinx-build does: docutils' registries (and Sphinx's translators) are global
            app = Sphinx(str(root / "docs"), str(root), str(out), str(root / "build/.work/doctrees"), "koopblatt",
                         status=None, warning=io.StringIO(), freshenv=False)
            docs = [d for d in app.env.found_docs if d.startswith("beitraege/")] + ["ausgaben/koopblatt-1"]
            bodies = {d: app.builder.translate(d, {}, PAGES["a4"]).body  # type: ignore[attr-defined]
                      for d in sorted(docs)}
    finally:
        tr.TypstTranslator.dispatch_visit = original  # type: ignore[method-assign]
    return bodies, seen, (root / "build/.work/typst/koopblatt-1.typ").read_text(encoding="utf-8")


def test_the_corpus_uses_every_allowed_construct() -> None:
    source = (FIXTURES / "constructs/docs" / f"{CONSTRUCTS_DOC}.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\{([\w:-]+)\}", source))
    assert (ALLOWED_DIRECTIVES | ALLOWED_ROLES) - MATH - used == set()


def test_every_visited_node_class_has_a_visitor(translated: tuple[dict[str, str], set[type[nodes.Node]], str]
                                                ) -> None:
    _, seen, _ = translated
    assert {nodes.figure, nodes.table, nodes.footnote_reference, nodes.block_quote, nodes.transition,
            nodes.definition_list, nodes.rubric, numbering.caption_number, addnodes.number_reference} <= seen
    assert sorted(c.__name__ for c in seen if not handled(c)) == []


def test_every_typst_call_is_defined_in_the_template(translated: tuple[dict[str, str], set[type[nodes.Node]], str]
                                                     ) -> None:
    bodies, _, main = translated
    assert {"rubrik", "trenner", "hinweis", "literatur"} <= set(CALL.findall("".join(bodies.values())))
    for doc, body in bodies.items():
        assert undefined_calls(body) == set(), doc
    assert undefined_calls(main) == set()


# -- (2) every node class, one at a time ------------------------------------------------------------------------------

# Only found inside their parent, whose visitor renders them (covered through the parent and the corpus above).
STRUCTURAL = frozenset({
    "list_item", "definition_list_item", "term", "classifier", "definition", "row", "entry", "thead", "tbody",
    "tgroup", "colspec", "caption", "legend", "label", "attribution", "field", "field_name", "field_body", "option",
    "option_argument", "option_group", "option_list_item", "option_string", "description", "title", "subtitle",
    "line", "desc_signature_line", "desc_content", "desc_inline", "desc_name", "desc_addname", "desc_type",
    "desc_returns", "desc_parameterlist", "desc_parameter", "desc_optional", "desc_annotation", "desc_sig_element",
    "desc_signature", "desc_type_parameter_list", "desc_type_parameter", "desc_sig_space", "desc_sig_name",
    "desc_sig_operator", "desc_sig_punctuation", "desc_sig_keyword", "desc_sig_keyword_type",
    "desc_sig_literal_number", "desc_sig_literal_string", "desc_sig_literal_char", "productionlist", "production",
    "index", "tabular_col_spec", "toctree", "start_of_file", "highlightlang", "meta", "pending_xref",
    "pending_xref_condition", "download_reference", "literal_emphasis", "literal_strong", "manpage", "acks", "hlist",
    "hlistcol", "compact_paragraph", "centered", "glossary", "only", "versionmodified", "desc",
    "pending",  # a transform's placeholder, gone before any writer
})


def node_classes() -> list[type[nodes.Node]]:
    classes = {getattr(nodes, name) for name in nodes.node_class_names}
    classes |= {c for c in vars(addnodes).values() if isinstance(c, type) and issubclass(c, nodes.Element)}
    classes |= {numbering.caption_number, links.koop_link}
    return sorted((c for c in classes if issubclass(c, nodes.Element) and c is not nodes.document
                   and not c.__name__.startswith("_") and c.__name__ not in STRUCTURAL),
                  key=lambda c: c.__name__)


def minimal(cls: type[nodes.Node]) -> nodes.document:
    """A document with one section and, in it, one instance of `cls` (inline classes inside a paragraph)."""
    document = new_document("<test>", get_default_settings(Parser))
    node = cls("", nodes.Text("Wort")) if issubclass(cls, nodes.TextElement) else cls()
    if isinstance(node, nodes.image | nodes.figure):
        node["uri"] = "bild.svg"
    section = nodes.section("", nodes.title("", "Titel"), ids=["titel"])
    section += nodes.paragraph("", "", node) if isinstance(node, nodes.Inline) else node
    document += section
    return document


@pytest.mark.parametrize("cls", node_classes(), ids=lambda c: c.__name__)
def test_node_class_is_set_or_reported(cls: type[nodes.Node], caplog: pytest.LogCaptureFixture) -> None:
    """Set with template functions only, or reported as a located koop finding – never a crash or a bad call."""
    document = minimal(cls)
    translator = tr.TypstTranslator(document, tr.Context(docname="beitraege/x/y", prefix="y"))
    with caplog.at_level(logging.WARNING):
        document.walkabout(translator)
    typst = translator.astext()
    assert undefined_calls(typst) == set(), typst
    findings = [r for r in caplog.records if getattr(r, "type", "") == "koop"]
    if handled(cls):
        assert [r.msg for r in findings if getattr(r, "subtype", "") == "unsupported"] == []
    else:
        assert [getattr(r, "subtype", "") for r in findings] == ["unsupported"]
        # (Sphinx appends " [koop.unsupported]" once its logging is set up by an earlier build in this process)
        assert str(findings[0].msg).startswith(f"Dieses Element ({cls.__name__}) kann im koopBLATT nicht gesetzt "
                                               "werden.")


# -- (3) labels, links, source lines ------------------------------------------------------------------------------

def translate_rst(source: str) -> tr.TypstTranslator:
    from docutils.core import publish_doctree

    document = publish_doctree(source, settings_overrides={"report_level": 5, "doctitle_xform": False})
    document["source"] = "<rst>"
    translator = tr.TypstTranslator(document, tr.Context(docname="beitraege/x/y", prefix="y"))
    document.walkabout(translator)
    return translator


def test_a_labelled_paragraph_is_a_link_target() -> None:
    typst = translate_rst("Titel\n=====\n\n.. _ziel:\n\nAbsatz mit Ziel.\n\nSiehe ziel_.\n").astext()
    assert "#metadata(none)<y--ziel>Absatz mit Ziel." in typst
    assert "Siehe #link(<y--ziel>)[ziel]\\." in typst  # the dot escaped: it would access a field


def test_a_link_to_a_target_that_is_not_set_is_plain_text() -> None:
    document = new_document("<test>", get_default_settings(Parser))
    document += nodes.section("", nodes.title("", "Titel"), nodes.paragraph(
        "", "", nodes.Text("Siehe "), nodes.reference("", "dort", refid="nirgends"), nodes.Text(".")), ids=["titel"])
    translator = tr.TypstTranslator(document, tr.Context(docname="beitraege/x/y", prefix="y"))
    document.walkabout(translator)
    assert "Siehe dort\\." in translator.astext() and "#link" not in translator.astext()


def test_a_footnote_in_a_heading_keeps_the_heading_label() -> None:
    typst = translate_rst("Titel\n=====\n\nTeil [#f]_\n-----------\n\nText.\n\n.. [#f] Fußnote.\n").astext()
    assert "#heading(level: 2)[Teil #footnote[Fußnote.]<y--fn--f>]<y--teil>" in typst


def test_a_definition_with_two_descriptions_is_one_term_item() -> None:
    document = new_document("<test>", get_default_settings(Parser))
    item = nodes.definition_list_item("", nodes.term("", "Begriff"),
                                      nodes.definition("", nodes.paragraph("", "Erste")),
                                      nodes.definition("", nodes.paragraph("", "Zweite")))
    document += nodes.section("", nodes.title("", "Titel"), nodes.definition_list("", item), ids=["titel"])
    translator = tr.TypstTranslator(document, tr.Context(docname="beitraege/x/y", prefix="y"))
    document.walkabout(translator)
    assert "#terms(terms.item([Begriff], [Erste\n\nZweite]))" in translator.astext()


def test_every_line_of_the_typst_body_knows_its_source_line() -> None:
    source = "Titel\n=====\n\nErster Absatz.\n\n* Punkt\n\nZweiter Absatz\nmit zwei Zeilen.\n"
    translator = translate_rst(source)
    lines = translator.astext().splitlines()
    at = {line: translator.source_lines[n] for n, line in enumerate(lines) if line.strip()}
    assert at["Erster Absatz."] == 4
    assert at["#list([Punkt])"] == 6
    assert at["Zweiter Absatz mit zwei Zeilen."] == 8
    assert len(translator.source_lines) == len(lines)


def test_a_footnote_in_a_footnote_is_set_inside_it() -> None:
    """Typst loses a footnote whose mark sits in a footnote entry broken across columns: print sets it at the end
    of its footnote, marked a, b, …"""
    typst = translate_rst("Titel\n=====\n\nText [#a]_.\n\n.. [#a] Außen [#b]_.\n.. [#b] Innen.\n").astext()
    assert "#footnote[Außen #super[a]\\.\n\n#super[a] Innen.]<y--fn--a>" in typst
    assert typst.count("#footnote") == 1


def test_a_table_in_a_table_cell_keeps_both_tables_rows() -> None:
    # The outer table's rows and header were collected in one place with the inner one's: the outer header
    # („Kopf“, „Innen“) was lost and the inner rows were set twice.
    typst = translate_rst("""Titel
=====

.. list-table::
   :header-rows: 1
   :widths: 30 70

   * - Kopf
     - Innen
   * - außen
     - .. list-table::
          :widths: 50 50

          * - innen
            - 2
   * - drei
     - vier
""").astext()
    outer = typst[typst.index("#tabelle("):]
    assert outer.startswith("#tabelle(\n  spalten: (30fr, 70fr, ),\n  kopf: (([Kopf], [Innen], ), ),\n  ([außen], [")
    assert outer.count("[innen]") == 1 and outer.count("#tabelle(") == 2
    assert "tabelle(\n  spalten: (50fr, 50fr, ),\n  ([innen], [2], ),\n)" in outer
    assert outer.rstrip().endswith("([drei], [vier], ),\n)")
