"""Code blocks with an unknown language (```` ```foobar ````) or code their language cannot read.

Pygments would warn ("Pygments lexer name … is not known", "Could not lex literal_block"), which
fails the -W builds. Such a block is set as plain text in every format instead, and every output
that writes the document shows a German Hinweis at the block.
"""

from __future__ import annotations

from functools import cache

from docutils import nodes
from pygments.lexers import get_lexer_by_name
from pygments.token import Error
from pygments.util import ClassNotFound
from sphinx.application import Sphinx
from sphinx.highlighting import lexer_classes

from . import findings

PLAIN = frozenset({"", "none", "text", "default", "guess"})


@cache
def known(language: str) -> bool:
    """Does Pygments (or Sphinx) know the language name?"""
    if language in PLAIN or language in lexer_classes:
        return True
    try:
        get_lexer_by_name(language)
    except ClassNotFound:
        return False
    return True


def readable(language: str, code: str) -> bool:
    """Can the language's lexer read the code without an error token (what Sphinx's highlighter requires)?"""
    if language in PLAIN:
        return True
    lexer = lexer_classes[language](stripnl=False) if language in lexer_classes else get_lexer_by_name(
        language, stripnl=False)
    return not any(token in Error for token, _ in lexer.get_tokens(code))


def _mark(app: Sphinx, doctree: nodes.document) -> None:
    """While reading: make unreadable blocks plain text, remembering why (`koop_code`, `koop_language`)."""
    for block in doctree.findall(nodes.literal_block):
        language = str(block.get("language", "") or "").strip()
        code = "code_language" if not known(language) else "code_syntax" if not readable(
            language, block.astext()) else ""
        if code:
            block["koop_code"], block["koop_language"] = code, language
            block["language"] = "text"


def _report(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """In every output that writes the document: the Hinweis at the block."""
    for block in doctree.findall(nodes.literal_block):
        if block.get("koop_code"):
            findings.report(block["koop_code"], block, block["koop_language"])


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _mark)
    app.connect("doctree-resolved", _report)
