"""Findings in a document while it is read or an output is built, logged the Sphinx way.

Every finding is `logger.warning(<German text of its record in messages.CODES>, type="koop", subtype=<code>,
location=<node>)`; `capture` turns it into a located `Diagnostic` (with the record's hint and severity),
and `suppress_warnings = ["koop.<code>"]` works as for Sphinx's own warnings.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

from .. import messages as M

logger = logging.getLogger(__name__)


def report(code: str, location: nodes.Node | tuple[str, int | None], *args: object) -> None:
    """Log the finding `code` (the text of its record, `messages.CODES[code]`) at a node or a (docname, line)."""
    logger.warning(M.CODES[code].text.format(*args), type="koop", subtype=code, location=location)
