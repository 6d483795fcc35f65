"""The Markdown reader: MyST's, with the quotation marks of the handbook's language.

MyST's `smartquotes` makes typographic quotes of the straight ones an author types ("…", '…') while it parses,
leaving a backslash-escaped one (`\\"`) straight, but always English ones (“…”, ‘…’: markdown-it's default). Sphinx's
own smart quotes would choose German ones, but they run on the parsed text, where an escaped quote can no longer be
told from a typed one (they made „…“ of `\\"…\\"`). So the parser is MyST's with markdown-it's `quotes` set for
`language` (conf.py), and Sphinx's smart quotes keep to dashes and ellipses (`smartquotes_action`): a German text
gets „…“, ‚…‘ and ’ in every output alike, as the author's typed „…“ would, and an escaped quote stays straight.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from myst_parser.config.main import MdParserConfig, TopmatterReadError, merge_file_level, read_topmatter
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser
from myst_parser.warnings_ import create_warning
from sphinx.application import Sphinx

from ..typography import QUOTES

SPHINX_SMARTQUOTES = "De"  # Sphinx's default is "qDe": quotes (MyST's here), dashes, ellipses


class Parser(MystParser):
    """MyST's Sphinx parser (`parse` as MyST's own, file-level configuration included) with the language's quotes."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env: Any = document.settings.env
        config: MdParserConfig = env.myst_config
        try:
            topmatter = read_topmatter(inputstring)
        except TopmatterReadError:
            pass  # MyST reports it while rendering
        else:
            if topmatter:
                def warning(wtype: Any, msg: str) -> None:
                    create_warning(document, msg, wtype, line=1, append_to=document)

                config = merge_file_level(config, topmatter, warning)
        parser = create_md_parser(config, SphinxRenderer)
        quotes = QUOTES.get(str(env.config.language or "").split("_")[0])
        if quotes is not None:
            parser.options["quotes"] = quotes
        parser.options["document"] = document
        parser.render(inputstring)


def _quotes_by_myst(app: Sphinx, config: Any) -> None:
    config.smartquotes_action = SPHINX_SMARTQUOTES


def setup(app: Sphinx) -> None:
    app.add_source_parser(Parser, override=True)
    app.connect("config-inited", _quotes_by_myst)
