"""The koopstadt Sphinx extension: validation in every build, citations, metadata cards, browse pages.

Data flow per build: `builder-inited` validates the whole project (the same code as `nox -s check`)
and writes the generated browse/issue stubs; roles and directives render from that project;
`env-get-outdated` re-reads every page whose front-matter dependencies changed.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ..code_digest import output_code
from . import (
    browse,
    capture,
    card,
    cite,
    codeblocks,
    deps,
    digests,
    links,
    markdown,
    numbering,
    quotes,
    sectionnames,
    security,
    state,
)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("koop_code", output_code(), "env", str)  # new code: every page is read again
    app.add_config_value("koop_root", "", "env", str)
    app.add_config_value("koop_handbook_url", "", "env", str)
    # not "env": download links are tracked by `deps` digests; builders pass different values
    app.add_config_value("koop_downloads", "", "", str)
    state.setup(app)
    markdown.setup(app)
    capture.setup(app)
    security.setup(app)
    cite.setup(app)
    links.setup(app)
    numbering.setup(app)
    codeblocks.setup(app)
    quotes.setup(app)
    sectionnames.setup(app)
    card.setup(app)
    browse.setup(app)
    deps.setup(app)
    digests.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
