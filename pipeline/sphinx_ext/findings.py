"""Findings in a document while it is read or an output is built, logged the Sphinx way.

Every finding is `logger.warning(<German text from messages.TEXT>, type="koop", subtype=<code>,
location=<node>)`; `capture` turns it into a located `Diagnostic` (a Hinweis for `NOTE_CODES`),
and `suppress_warnings = ["koop.<code>"]` works as for Sphinx's own warnings.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

from .. import messages as M

logger = logging.getLogger(__name__)


def report(code: str, location: nodes.Node | tuple[str, int | None], *args: object) -> None:
    """Log the finding `code` (text from `messages.TEXT[code]`) at a node or a (docname, line)."""
    logger.warning(M.TEXT[code].format(*args), type="koop", subtype=code, location=location)
