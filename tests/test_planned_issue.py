"""An issue that is not out yet (its `datum` lies ahead) is announced, never claimed, wherever the handbook names it:
the case page's card says „Vorgesehen für koopBLATT No. 2“, not „Erschienen in“; citation (box, BibTeX, RIS) and
JSON-LD name only issues that are out; the start page's current koopBLATT is the newest one out (lead review)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from support.htmlutil import article, page, text
from support.projects import copy_project
from support.reproducible import EPOCH, epoch
from support.shareutil import json_ld

from pipeline import messages as M

SLOW_FIXTURES = {"planned"}  # builds real outputs: tests using it are `slow` (conftest)

WESTEN = "beitraege/leipzig/westen"  # in No. 1 (out) and No. 2 (planned)
HOSPITATION = "beitraege/nuernberg/hospitation"  # only in No. 2 (planned)


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project (built on 2015-06-15, SOURCE_DATE_EPOCH) with a koopBLATT No. 2 dated 2099."""
    from pipeline.html.build import build_html

    root = copy_project("mini", tmp_path_factory.mktemp("planned"))
    shutil.copytree(root / "koopblatt/1", root / "koopblatt/2")
    manifest = root / "koopblatt/2/ausgabe.yml"
    text_ = manifest.read_text(encoding="utf-8")
    text_ = (text_.replace("nummer: 1", "nummer: 2").replace("jahr: 2015", "jahr: 2099")
             .replace("datum: 2015-06-15", "datum: 2099-06-15")
             .replace("untertitel: Testausgabe", "untertitel: Künftig")
             .replace("  - beitraege/bremen/zwischen.md\n", f"  - {HOSPITATION}.md\n"))
    manifest.write_text(text_, encoding="utf-8")
    start = root / "docs/index.md"  # the start page's current koopBLATT, as on the real start page
    start.write_text(start.read_text(encoding="utf-8") + "\n```{koop-ausgabe-aktuell}\n```\n", encoding="utf-8")
    with epoch():
        assert build_html(root).status == 0
    return root


def card_fields(root: Path, docname: str) -> dict[str, str]:
    card = article(root, docname).select_one(".koop-karte dl")
    assert card is not None
    return {text(dt).rstrip(" :"): text(dt.find_next_sibling("dd")) for dt in card.find_all("dt")}


def test_card_announces_a_planned_issue_and_claims_only_published_ones(planned: Path) -> None:
    fields = card_fields(planned, WESTEN)
    assert fields[M.LABELS["ausgaben"]] == "koopBLATT No. 1 (2015)"
    assert fields["Vorgesehen für"] == "koopBLATT No. 2"
    only_planned = card_fields(planned, HOSPITATION)
    assert M.LABELS["ausgaben"] not in only_planned
    assert only_planned["Vorgesehen für"] == "koopBLATT No. 2"
    assert "Erschienen" not in text(article(planned, HOSPITATION))


def test_citation_and_metadata_name_only_published_issues(planned: Path) -> None:
    westen = text(article(planned, WESTEN).select_one(".koop-zitieren"))
    assert "koopBLATT No. 1" in westen and "koopBLATT No. 2" not in westen
    hosp = text(article(planned, HOSPITATION).select_one(".koop-zitieren"))
    assert "koopBLATT" not in hosp and "erschienen" not in hosp.lower()
    for docname, slug in ((WESTEN, "westen"), (HOSPITATION, "hospitation")):
        for suffix in ("bib", "ris"):
            assert "No. 2" not in (planned / "build/html/zitieren" / f"{slug}.{suffix}").read_text(encoding="utf-8")
        parts = json_ld(planned, docname)["isPartOf"]
        names = [p.get("name") for p in (parts if isinstance(parts, list) else [parts])]
        assert not any("No. 2" in str(n) for n in names)


def test_start_page_and_issue_list_do_not_present_a_planned_issue_as_out(planned: Path) -> None:
    current = page(planned, "index").select_one(".koop-aktuell")
    assert current is not None and "koopBLATT No. 1 (2015)" in text(current) and "No. 2" not in text(current)
    listing = text(article(planned, "ausgaben/index"))
    assert "koopBLATT No. 2 (2099) – Künftig (noch nicht erschienen, vorgesehen für den 15. Juni 2099)" in listing
    assert "noch nicht erschienen" in text(article(planned, "ausgaben/koopblatt-2"))
    assert "noch nicht erschienen" not in text(article(planned, "ausgaben/koopblatt-1"))


def test_the_day_an_issue_comes_out_the_handbook_says_so(project_copy: Callable[[str], Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing in the sources changes on the publication day: the incremental build still rewrites the card."""
    from pipeline.html.build import build_html

    root = project_copy("mini")
    manifest = root / "koopblatt/1/ausgabe.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("datum: 2015-06-15", "datum: 2015-07-01"),
                        encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)  # 2015-06-15: not yet out
    assert build_html(root).status == 0
    assert card_fields(root, WESTEN)["Vorgesehen für"] == "koopBLATT No. 1"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 17 * 86400))  # 2015-07-02
    assert build_html(root).status == 0
    fields = card_fields(root, WESTEN)
    assert fields[M.LABELS["ausgaben"]] == "koopBLATT No. 1 (2015)" and "Vorgesehen für" not in fields
    assert "koopBLATT No. 1 (2015)" in text(article(root, WESTEN).select_one(".koop-zitieren"))


def test_open_data_keeps_the_planned_issue_and_says_it_is_not_out(planned: Path) -> None:
    import json

    data = json.loads((planned / "build/html/daten/beitraege.json").read_text(encoding="utf-8"))
    issues = {row["kurzname"]: [(i["nummer"], i["erschienen"]) for i in row["ausgaben"]] for row in data["beitraege"]}
    assert issues["westen"] == [(1, True), (2, False)]
    assert issues["hospitation"] == [(2, False)]
