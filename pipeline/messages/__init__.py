"""Every German string an author, editor or reader sees (the taxonomy's labels are in data/taxonomy.yml).

One module per subject; each holds the diagnostic codes of its subject as `Message` records (text, hint,
severity) and the other texts of its subject. `CODES` is the registry of every code; `from pipeline import
messages as M` and `M.<NAME>` reach every text. tests/test_messages.py keeps the names of the modules apart and
checks that every code the pipeline reports has a record and every record is reported somewhere."""

from __future__ import annotations

from collections.abc import Mapping

from .body import *  # noqa: F403
from .commands import *  # noqa: F403
from .desk import *  # noqa: F403
from .ebooks import *  # noqa: F403
from .engines import *  # noqa: F403
from .fields import *  # noqa: F403
from .format import *  # noqa: F403
from .frontmatter import *  # noqa: F403
from .glyphs import *  # noqa: F403
from .handbook import *  # noqa: F403
from .images import *  # noqa: F403
from .importer import *  # noqa: F403
from .koopblatt import *  # noqa: F403
from .legal import *  # noqa: F403
from .links import *  # noqa: F403
from .literature import *  # noqa: F403
from .publish import *  # noqa: F403
from .record import *  # noqa: F403
from .scaffold import *  # noqa: F403

CODES: Mapping[str, Message] = catalogue(  # noqa: F405
    FRONTMATTER_CODES, BODY_CODES, IMAGE_CODES, LINK_CODES, GLYPH_CODES, LITERATURE_CODES,  # noqa: F405
    KOOPBLATT_CODES, EBOOK_CODES, HANDBOOK_CODES, LEGAL_CODES, DESK_CODES, ENGINE_CODES)  # noqa: F405
