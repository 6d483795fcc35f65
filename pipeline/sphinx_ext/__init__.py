"""The koopstadt Sphinx extension: validation in every build, citations, metadata cards, browse pages.

Data flow per build: `builder-inited` validates the whole project (the same code as `nox -s check`)
and writes the generated browse/issue stubs; roles and directives render from that project;
`env-get-outdated` re-reads every page whose front-matter dependencies changed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from . import browse, capture, card, cite, codeblocks, deps, digests, links, numbering, quotes, security, state

NOT_IN_OUTPUT = frozenset({"importer", "bench", "scaffold.py", "new_contribution.py", "cli.py", "proof.py", "probe.py",
                           "errors.py"})


def code_digest() -> str:
    """Digest of the code and data that shape the outputs: a new pipeline version re-reads every page."""
    package = Path(__file__).resolve().parent.parent
    h = hashlib.sha1()
    for file in sorted(package.rglob("*")):
        parts = file.relative_to(package).parts
        # the taxonomy is data: pages that show it declare it through `deps`, so it is not code here
        if file.suffix in (".py", ".css") and "__pycache__" not in parts and parts[0] not in NOT_IN_OUTPUT:
            h.update(file.relative_to(package).as_posix().encode())
            h.update(file.read_bytes())
    return h.hexdigest()


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("koop_code", code_digest(), "env", str)
    app.add_config_value("koop_root", "", "env", str)
    app.add_config_value("koop_handbook_url", "", "env", str)
    # not "env": download links are tracked by `deps` digests; builders pass different values
    app.add_config_value("koop_downloads", "", "", str)
    state.setup(app)
    capture.setup(app)
    security.setup(app)
    cite.setup(app)
    links.setup(app)
    numbering.setup(app)
    codeblocks.setup(app)
    quotes.setup(app)
    card.setup(app)
    browse.setup(app)
    deps.setup(app)
    digests.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
