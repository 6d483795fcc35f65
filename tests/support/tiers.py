"""The test tiers: a test that waits for a build of real outputs is `slow`, so the fast tier
(-m "not slow and not browser") never builds."""

from __future__ import annotations

import pytest

# Fixtures that build real outputs: conftest's session ones, and those a test module names in its SLOW_FIXTURES.
SLOW_FIXTURES = frozenset({"built_mini", "built_pdf", "built_epub", "built_constructs", "built_shared", "demo", "site"})


def builds(item: pytest.Item) -> bool:
    """Whether the test uses a fixture that builds real outputs (directly or through another fixture)."""
    building = SLOW_FIXTURES | set(getattr(getattr(item, "module", None), "SLOW_FIXTURES", ()))
    return bool(building & set(getattr(item, "fixturenames", ())))
