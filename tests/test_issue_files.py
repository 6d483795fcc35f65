"""An issue names its files (`manifest.Issue`): screen and print PDF, e-book, Typst main files, flatplan, cover, the
handbook page; every output and every reader of build/ takes the names from there, and a file named after an
issue leads back to its number."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from support.projects import copy_project

from pipeline import catalogue
from pipeline.manifest import Issue, issue_id, issue_number
from pipeline.paths import rel
from pipeline.validate import validate_project

NUMBERS = sorted({1, 2, 9, 10, 11, 99, 100, 101, *random.Random(21).sample(range(1, 10_000), 40)})


@pytest.fixture(scope="module")
def issue(tmp_path_factory: pytest.TempPathFactory) -> Issue:
    root = copy_project("mini", tmp_path_factory.mktemp("ausgabe"))
    return validate_project(root).issues[1]


def names(issue: Issue) -> list[str]:
    return [issue.screen_pdf, issue.print_pdf, issue.epub, issue.typst_main,
            f"{issue.flatplan}.png", issue.cover_file(".jpg")]


@pytest.mark.parametrize("number", NUMBERS)
def test_every_file_named_after_an_issue_leads_back_to_it(issue: Issue, number: int) -> None:
    other = dataclasses.replace(issue, number=number)
    files = names(other)
    assert len(set(files)) == len(files)
    assert all(name.startswith(other.id) and issue_number(Path(name)) == number for name in files)
    assert other.id == issue_id(number)
    assert catalogue.issue_docname(number).endswith("/" + other.id)


def test_names_of_different_issues_never_meet(issue: Issue) -> None:
    seen: dict[str, int] = {}
    for number in NUMBERS:
        for name in names(dataclasses.replace(issue, number=number)):
            assert seen.setdefault(name, number) == number, name


@pytest.mark.parametrize("name", ["handbuch.epub", "sonderdruck-westen.pdf", "koopblatt-.pdf", "koopblatt-3a.pdf",
                                  "koopblatt-x-druck.pdf", "umschlag-3.jpg"])
def test_other_files_are_no_issue_files(name: str) -> None:
    assert issue_number(Path(name)) is None


def test_the_manifest_is_where_the_issue_folder_says(issue: Issue) -> None:
    assert rel(issue.manifest, issue.folder.parent.parent) == "koopblatt/1/ausgabe.yml"
    assert issue.screen_pdf == "koopblatt-1.pdf" and issue.print_pdf == "koopblatt-1-druck.pdf"
