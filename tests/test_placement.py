"""Where figures go in print (pipeline/typst/placement.py), on doctrees: after the block with their first
reference from the running text; references from captions, footnotes and headings do not count."""

from __future__ import annotations

from docutils import nodes
from docutils.core import publish_doctree

from pipeline.typst.placement import figures_to_first_reference


def figure(name: str) -> str:
    return f".. _{name}:\n\n.. figure:: {name}.png\n\n   Bild {name}.\n\n"


def order(source: str) -> tuple[list[str], int]:
    """The top-level blocks after placing the figures (figures by name, paragraphs by their first word,
    sections by their title) and how many figures moved."""
    doctree = publish_doctree(source, settings_overrides={"report_level": 5})
    moved = figures_to_first_reference(doctree, "beitrag")
    seen: list[str] = []
    for node in doctree.findall(nodes.Element):
        if isinstance(node.parent, (nodes.section, nodes.document)):
            if isinstance(node, nodes.figure):
                seen.append(node["ids"][0])
            elif isinstance(node, nodes.paragraph):
                seen.append(node.astext().split()[0].rstrip("."))
            elif isinstance(node, nodes.section):
                seen.append("§" + node[0].astext())
            elif isinstance(node, nodes.note):
                seen.append("Kasten")
    return seen, moved


def test_a_figure_written_at_the_end_follows_its_first_reference() -> None:
    assert order("Eins siehe `a`_.\n\nZwei.\n\nDrei siehe a_.\n\n" + figure("a")) == (
        ["Eins", "a", "Zwei", "Drei"], 1)


def test_a_figure_written_before_its_reference_moves_down_to_it() -> None:
    assert order(figure("a") + "Eins.\n\nZwei siehe a_.\n\nDrei.\n\n") == (["Eins", "Zwei", "a", "Drei"], 1)


def test_a_figure_first_referred_to_in_the_last_block_stands_before_it() -> None:
    # After the last block, a figure that does not fit the rest of the column floated onto a page of its own.
    assert order("Eins.\n\nZwei siehe b_ und a_.\n\n" + figure("a") + figure("b")) == (["Eins", "b", "a", "Zwei"], 2)
    assert order(figure("a") + "Eins.\n\nZwei siehe a_.\n\n") == (["Eins", "a", "Zwei"], 1)
    assert order("Eins siehe a_.\n\nTeil\n====\n\nZwei siehe b_.\n\n" + figure("a") + figure("b")) == (
        ["Eins", "a", "§Teil", "b", "Zwei"], 2)


def test_figures_of_one_block_follow_it_in_the_order_they_are_referred_to() -> None:
    source = "Eins siehe b_ und a_.\n\nZwei.\n\n" + figure("a") + figure("b")
    assert order(source) == (["Eins", "b", "a", "Zwei"], 2)


def test_a_figure_already_after_its_reference_stays() -> None:
    assert order("Eins siehe a_.\n\n" + figure("a") + "Zwei.\n\n") == (["Eins", "a", "Zwei"], 0)


def test_references_from_captions_footnotes_and_headings_do_not_place() -> None:
    source = ("Eins [#f]_.\n\nZwei.\n\n"
              "Siehe a_\n========\n\nDrei.\n\n"
              + figure("b").replace("Bild b.", "Bild b, wie a_.")
              + figure("a")
              + ".. [#f] Fußnote zu a_.\n")
    seen, moved = order(source)
    assert moved == 0
    assert seen.index("a") > seen.index("b") > seen.index("Drei")


def test_a_figure_in_a_note_stays_there_and_a_reference_in_a_note_places_after_the_note() -> None:
    in_note = figure("a").replace(".. figure", ".. note::\n\n   .. figure").replace("\n   Bild", "\n      Bild")
    assert order("Eins siehe a_.\n\nZwei.\n\n" + in_note)[1] == 0
    assert order(".. note::\n\n   Im Kasten siehe a_.\n\nEins.\n\n" + figure("a")) == (["Kasten", "a", "Eins"], 1)


def test_sections_are_crossed() -> None:
    source = "Eins siehe a_.\n\nTeil\n====\n\nZwei.\n\n" + figure("a")
    assert order(source) == (["Eins", "a", "§Teil", "Zwei"], 1)
