"""Messages an author can act on (issue 18, sections 2 and 3): every problem once, in German, at its line.

Generated, not hand-picked: front matter broken in every class of YAML error at varying keys, every MyST warning
type (enumerated from myst-parser at test time), fences left open in every kind and depth, link addresses from
the URI grammar.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline import messages as M
from pipeline.cli import main

W = "docs/beitraege/leipzig/westen.md"
LEIPZIG = "docs/beitraege/leipzig"


def check(root: Path) -> tuple[int, list[str]]:
    """`check` as an author runs it: exit status and the message lines."""
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        status = main(["--root", str(root), "check"])
    return status, [line for line in err.getvalue().splitlines() if re.match(r"^\S+:\d+: ", line)]


def findings(lines: list[str], path: str) -> list[tuple[int, str]]:
    """(line, code) of the messages about `path`."""
    out = []
    for line in lines:
        m = re.match(rf"^{re.escape(path)}:(\d+): (?:Fehler|Hinweis) \[koop\.(\w+)\]", line)
        if m:
            out.append((int(m.group(1)), m.group(2)))
    return sorted(out)


def contribution(root: Path, slug: str, text: str) -> str:
    """Write a Leipzig contribution; return its path as messages show it."""
    (root / LEIPZIG / f"{slug}.md").write_text(text, encoding="utf-8")
    return f"{LEIPZIG}/{slug}.md"


def fixture_text(root: Path) -> str:
    return (root / W).read_text(encoding="utf-8")


def english(line: str) -> bool:
    """Whether a message still speaks an engine's English."""
    return bool(re.search(r"\b(?:not found|expected|found|while|scanning|parsing|Malformed|YAML is|Unknown|"
                          r"Duplicate|header level|Syntaxfehler)\b", line))


# -- front matter: every class of YAML error, at varying keys --------------------------------------------------

@dataclass(frozen=True)
class YamlBreak:
    """How to break the line `key: value` of a front matter, and where and what `check` must say."""

    name: str
    edit: Callable[[str, str], str]  # (key, value) → replacement text for that line
    reason: str  # German reason (messages.YAML_PROBLEMS)
    below: int = 0  # the message is this many lines below the edited line
    code: str = "yaml"


def _reason(english_problem: str) -> str:
    return M.YAML_PROBLEMS[english_problem][0]


TAB = "found character '\\t' that cannot start any token"
YAML_BREAKS = [
    YamlBreak("tab-after-colon", lambda k, v: f"{k}:\t{v}", _reason(TAB)),
    YamlBreak("tab-indent", lambda k, v: f"{k}:\n\t- {v}", _reason(TAB), below=1),
    YamlBreak("open-double-quote", lambda k, v: f'{k}: "{v}', _reason("found unexpected end of stream")),
    YamlBreak("open-single-quote", lambda k, v: f"{k}: '{v}", _reason("found unexpected end of stream")),
    YamlBreak("open-bracket", lambda k, v: f"{k}: [{v}", _reason("expected ',' or ']'")),
    YamlBreak("open-brace", lambda k, v: f"{k}: {{{v}", _reason("expected ',' or '}'")),
    YamlBreak("colon-in-value", lambda k, v: f"{k}: Ort: {v}", _reason("mapping values are not allowed here")),
    YamlBreak("indented-too-far", lambda k, v: f"{k}: {v}\n    weiter: x",
              _reason("mapping values are not allowed here"), below=1),
    YamlBreak("colon-missing", lambda k, v: f"{k} {v}", _reason("colon missing")),
    YamlBreak("text-after-quote", lambda k, v: f'{k}: "{v}" und mehr',
              _reason("expected <block end>, but found '<scalar>'")),
    YamlBreak("starts-with-at", lambda k, v: f"{k}: @{v}", _reason("that cannot start any token")),
    YamlBreak("starts-with-backtick", lambda k, v: f"{k}: `{v}`", _reason("that cannot start any token")),
    YamlBreak("control-character", lambda k, v: f"{k}: {v}\x07", _reason("unacceptable character")),
    YamlBreak("block-scalar-text", lambda k, v: f"{k}: |{v}", _reason("expected chomping or indentation indicators")),
    YamlBreak("list-item-in-mapping", lambda k, v: f"{k}: {v}\n- x", _reason("expected <block end>, but found '-'"),
              below=1),
    YamlBreak("key-in-brackets", lambda k, v: f"[{k}]: {v}", _reason("found unhashable key")),
    YamlBreak("duplicate-key", lambda k, v: f"{k}: {v}\n{k}: {v}", M.CODES["yaml_duplicate_key"].text.format("{k}"),
              below=1, code="yaml_duplicate_key"),
    YamlBreak("too-many-entries", lambda k, v: f"{k}: {v}\nkeywords:\n" + "  - x\n" * 10_001,
              M.CODES["frontmatter_size"].text.format("10.001", "10.000"), below=1, code="frontmatter_size"),
]
# keys of the fixture's front matter with a one-line value (title first: without it MyST had no title heading)
YAML_KEYS = ["title", "subtitle", "abstract", "art", "themenfeld", "stadt"]
BODY_EXTRA = "\n## Mehr\n\n#### Zu tief\n\nText mit {cite:p}`gibtsnicht`.\n"


@pytest.mark.slow
def test_every_yaml_error_is_koop_yaml_at_its_line_and_the_body_is_read_as_body(
        project_copy: Callable[[str], Path]) -> None:
    """A front matter broken in any way: one `koop.yaml` at the broken line with its German reason and hint, the
    other keys and the body still checked at their real lines — by the file checks and by MyST (a heading jump
    only MyST sees) — and no finding that comes from the front matter being misread (before: a tab after „key:“
    passed libyaml, MyST refused it as „Malformed YAML“ via koop.engine at line 1, and its `##` headings became
    „headings start at H2“)."""
    root = project_copy("mini")
    base = fixture_text(root)
    lines = base.splitlines()
    cases: dict[str, tuple[YamlBreak, str, int]] = {}
    for n, (brk, key) in enumerate((b, k) for b in YAML_BREAKS for k in YAML_KEYS):
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        value = lines[at].split(":", 1)[1].strip()
        broken = [*lines[:at], *brk.edit(key, value).split("\n"), *lines[at + 1:]]
        text = "\n".join(broken).replace("abb-westen", f"abb-w{n}") + BODY_EXTRA
        text = text.replace("Wächterhäuser im Westen", f"Wächterhäuser {n}")  # titles stay unique
        path = contribution(root, f"fall-{n:03d}", text)
        cases[path] = (brk, key, at + 1)
    _, said = check(root)
    for path, (brk, key, line) in cases.items():
        mine = [m for m in said if m.startswith(path + ":")]
        where = f"{brk.name} at {key}:\n" + "\n".join(mine)
        text = (root / path).read_text(encoding="utf-8").splitlines()
        body_lines = {code: n for n, t in enumerate(text, 1) for code, mark in
                      (("heading_skip", "#### Zu tief"), ("cite_unknown", "Text mit {cite")) if t.startswith(mark)}
        expected_reason = brk.reason.replace("{k}", key)
        yaml_found = [m for m in mine if f"[koop.{brk.code}]" in m]
        assert len(yaml_found) == 1, where
        assert yaml_found[0].startswith(f"{path}:{line + brk.below}: Fehler [koop.{brk.code}]: "), where
        assert expected_reason in yaml_found[0] and "Hinweis: " in yaml_found[0], where
        if brk.code == "yaml":
            hint = yaml_found[0].split("Hinweis: ", 1)[1]
            # the concrete hint, not the general one
            assert hint != M.CODES["yaml"].hint or brk.name == "colon-in-value", where
        others = sorted(findings(mine, path))
        allowed = {(line + brk.below, brk.code), (body_lines["heading_skip"], "heading_skip"),
                   (body_lines["cite_unknown"], "cite_unknown")}
        # a key that could not be read may be reported as missing (at the block) or as the value it became
        extra = [f for f in others if f not in allowed and f[1] not in ("key_missing", "type", "art", "themenfeld",
                                                                        "stadt", "abstract")]
        assert extra == [], where
        assert set(allowed) <= set(others), where
        assert not [m for m in mine if english(m.split(" Hinweis: ")[0].split("]: ", 1)[1])], where


def test_the_stand_in_keeps_every_body_line() -> None:
    """What MyST reads instead of a broken front matter has the same lines; the body is unchanged."""
    from pipeline.frontmatter import stand_in

    for broken in ("---\ntitle: a\nkeywords:\t[x]\n---\n", "---\ntitle: [a\nart: x\n---\n", "---\nart: x\n---\n",
                   "---\ntitle: a\nart: b\n\n", "---\n---\n", "---\ntitle: a\n...\n"):
        text = broken + "\n## Abschnitt\n\nText.\n"
        replaced = stand_in(text, "fall")
        if broken.endswith("...\n"):
            assert replaced is None
            continue
        assert replaced is not None and replaced.endswith("\n## Abschnitt\n\nText.\n"), broken
        assert replaced.count("\n") == text.count("\n"), broken
        if broken.count("\n") >= 3:
            assert 'title: "fall"' in replaced


# -- one problem, one message ----------------------------------------------------------------------------------

def test_a_broken_link_to_a_case_is_one_german_message_in_check_build_and_preview(
        project_copy: Callable[[str], Path], tmp_path: Path) -> None:
    """Before: MyST's English „'myst' cross-reference target not found“ beside `koop.xref` („Meinten Sie …?“)."""
    from pipeline.sphinx_ext.runner import run_sphinx

    root = project_copy("mini")
    (root / W).write_text(fixture_text(root).replace("(../bremen/zwischen.md)", "(../bremen/zwischn.md)"),
                          encoding="utf-8")
    line = next(n for n, t in enumerate(fixture_text(root).splitlines(), 1) if "zwischn.md" in t)
    expected = (f"{W}:{line}: Fehler [koop.xref]: Der Verweis auf „../bremen/zwischn.md“ führt ins Leere. "
                "Hinweis: Meinten Sie „../bremen/zwischen.md“?")
    status, said = check(root)
    assert status == 1 and [m for m in said if m.startswith(W)] == [expected]

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        main(["--root", str(root), "html"])
    built = [m for m in err.getvalue().splitlines() if m.startswith(W)]
    assert built == [expected], err.getvalue()

    out = tmp_path / "vorschau"
    run = run_sphinx(root, "html", out, {"koop_preview": "1"}, doctrees="doctrees-test-vorschau")
    assert [d.format() for d in run.found if d.path == W] == []  # the reader adds nothing to the file check's one
    box = (out / "beitraege/leipzig/westen.html").read_text(encoding="utf-8")  # the preview's box on the page
    assert box.count("koop.xref") == 1 and "cross-reference" not in box and "koop.engine" not in box
    listing = (out / "probleme.html").read_text(encoding="utf-8")  # and its list of all problems
    assert listing.count("koop.xref") == 1 and "cross-reference" not in listing and "koop.engine" not in listing


# -- every MyST warning type has a German message --------------------------------------------------------------

# MyST warning types no contribution can trigger with this project's configuration, each with the reason. A
# member neither here nor in MYST_TRIGGERS fails the test: a new myst-parser version's new type must be mapped.
MYST_UNREACHABLE: dict[str, str] = {
    "DEPRECATED": "only for deprecated configuration values (conf.py), never for a document",
    "RENDER_METHOD": "a token without a render method: every token of the enabled syntax has one",
    "MD_TOPMATTER": ("a front matter with any `check` error is replaced by the stand-in before MyST reads it; one "
                     "`check` accepts MyST renders (≤ 10,000 entries, koop.frontmatter_size; MyST's limit is 100,000)"),
    "DIRECTIVE_BODY": "declared, but raised nowhere in myst-parser 5",
    "UNKNOWN_DIRECTIVE": "`check` refuses every directive outside the allowed list first (koop.directive, same line)",
    "UNKNOWN_ROLE": "`check` refuses every role outside the allowed list first (koop.role, same line)",
    "XREF_AMBIGUOUS": "labels are unique in the project (koop.label_duplicate) and every link names one file",
    "INV_LOAD": "no intersphinx inventories are configured",
    "IREF_MISSING": "`inv:` links are refused by `check` (koop.link_scheme, same line)",
    "IREF_AMBIGUOUS": "`inv:` links are refused by `check` (koop.link_scheme, same line)",
    "LEGACY_DOMAIN": "only for a Sphinx domain without `resolve_any_xref` (configuration)",
    "LINKIFY": "the linkify extension is not enabled",
    "HEADING_SLUG": "only when a configured slug function fails; the project uses MyST's own",
    "STRIKETHROUGH": "the strikethrough extension is not enabled: „~~“ stays text",
    "HTML_PARSE": "the html_image and html_admonition extensions are not enabled; HTML is refused (koop.html)",
    "INVALID_ATTRIBUTE": "the attrs extensions are not enabled; {code-block} is not an allowed directive",
    "SUBSTITUTION": "the substitution extension is not enabled: „{{ x }}“ stays text",
    "SECTION_REF": "section references (§) are an extension the project does not enable",
    "NOT_SUPPORTED": "`path:`/`project:` links are refused by `check` (koop.link_scheme, same line)",
}
# Body snippets that make MyST warn with the type, and the German code `check` shows at the snippet's line.
MYST_TRIGGERS: dict[str, tuple[str, str]] = {
    "MD_HEADING_NON_CONSECUTIVE": ("## Oben\n\n#### Zu tief\n", "heading_skip"),
    "MD_DEF_DUPE": ("Siehe [a].\n\n[a]: https://example.org/a\n[a]: https://example.org/b\n",
                    "link_definition_duplicate"),
    "DIRECTIVE_PARSING": (":::{note} Erste Zeile\n:class: x\nund weiter\n:::\n", "directive_split"),
    "DIRECTIVE_OPTION": (":::{figure} bilder/westen-grafik.svg\n:alt: Bild\n:breite: 5\n\nText.\n:::\n",
                         "directive_option_unknown"),
    "DIRECTIVE_OPTION_COMMENTS": (":::{note}\n---\n# Kommentar\nclass: x\n---\nText.\n:::\n",
                                  "directive_option_comment"),
    "XREF_MISSING": ("Siehe [dort](#gibt-es-nicht).\n", "xref"),
}
# What MyST input makes docutils and Sphinx say (their messages have no enum: the catalogue of constructs in
# test_conformance finds them, test_no_construct_meets_an_engine_message keeps them German), built the same way.
ENGINE_TRIGGERS: dict[str, tuple[str, str]] = {
    "ref-to-paragraph": ("(ziel-absatz)=\nEin Absatz ohne Titel.\n\nSiehe {ref}`ziel-absatz`.\n", "ref_no_title"),
    "doc-with-suffix": ("Siehe {doc}`../bremen/zwischen.md`.\n", "doc_unknown"),
    "image-with-content": (":::{image} bilder/westen-grafik.svg\n:alt: Grafik\n\nText darunter.\n:::\n",
                           "directive_no_content"),
    "figure-bad-width": (":::{figure} bilder/westen-grafik.svg\n:alt: Grafik\n:width: breit\n\nText.\n:::\n",
                         "directive_option_value"),
    "admonition-without-title": (":::{admonition}\nText.\n:::\n", "directive_argument"),
    "note-without-text": (":::{note}\n:::\n", "directive_empty"),
    "warning-without-text": ("```{warning}\n```\n", "directive_empty"),
    "footnote-named-as-label": ("(stand)=\n### Stand[^stand]\n\nText.\n\n[^stand]: Mai 2014.\n", "footnote_label"),
}


def test_every_myst_warning_type_has_a_german_code_text_and_hint() -> None:
    """Enumerated from myst-parser at test time: a type missing in messages.MYST_WARNINGS fails here."""
    from myst_parser.warnings_ import MystWarnings

    names = {w.name for w in MystWarnings}
    assert set(MYST_TRIGGERS) | set(MYST_UNREACHABLE) == names, "every MyST warning type is triggered or explained"
    assert not set(MYST_TRIGGERS) & set(MYST_UNREACHABLE)
    for warning in MystWarnings:
        code = M.MYST_WARNINGS.get(warning.value)
        assert code is not None and code != "engine", warning
        assert "{}" not in M.CODES[code].text and M.CODES[code].hint, warning
        assert M.CODES[code].hint != M.CODES["engine"].hint, warning


@pytest.mark.parametrize("pattern", [p for p, _ in M.AUTHOR_PATTERNS])
def test_author_patterns_fill_their_texts(pattern: str) -> None:
    code = dict(M.AUTHOR_PATTERNS)[pattern]
    assert re.compile(pattern).groups >= M.CODES[code].text.count("{}") and M.CODES[code].hint, code


@pytest.mark.parametrize("member", [w.name for w in __import__("myst_parser.warnings_").warnings_.MystWarnings])
def test_an_unknown_text_of_a_myst_type_is_still_german(member: str) -> None:
    """A message of a known type in words no pattern knows (a new wording) gets the type's German code."""
    import logging

    from myst_parser.warnings_ import MystWarnings

    from pipeline.sphinx_ext.capture import translate

    record = logging.LogRecord("sphinx", logging.WARNING, "", 0, "wording of a future myst-parser", None, None)
    record.type, record.subtype = "myst", MystWarnings[member].value
    found = translate(record, W, 7)
    assert found.code == M.MYST_WARNINGS[MystWarnings[member].value] and found.line == 7
    assert not english(found.message) and found.hint


def test_each_myst_warning_an_author_can_trigger_is_a_located_german_message(
        project_copy: Callable[[str], Path]) -> None:
    """Each snippet in its own contribution (one `check` for all); before, all of them (but the admonition
    without title) were koop.engine with the engine's English quoted and the generic hint „Vereinfachen Sie die
    Stelle“."""
    root = project_copy("mini")
    base = fixture_text(root)
    cases = {}
    for n, (member, (snippet, code)) in enumerate(sorted({**MYST_TRIGGERS, **ENGINE_TRIGGERS}.items())):
        text = base.replace("abb-westen", f"abb-m{n}").replace("Wächterhäuser im Westen", f"Fall {n}")
        text = text.replace("\n## Vorgehen\n", f"\n## Vorgehen\n\n{snippet}\n", 1)
        path = contribution(root, f"myst-{n}", text)
        first = next(i for i, t in enumerate(text.splitlines(), 1) if t == snippet.splitlines()[0])
        cases[path] = (member, code, first, first + snippet.count("\n"))
    _, said = check(root)
    for path, (member, code, first, last) in cases.items():
        mine = [m for m in said if m.startswith(path + ":")]
        assert not [m for m in mine if "koop.engine" in m], (member, mine)
        hits = [(line, c) for line, c in findings(mine, path) if c == code]
        assert hits and all(first <= line <= last for line, _ in hits), (member, mine)
        assert not [m for m in mine if english(m)], (member, mine)


# -- a fence never closed --------------------------------------------------------------------------------------

FENCES = {  # opening line, closing line
    "colon-directive": (":::{note}", ":::"),
    "colon-four": ("::::{tip}", "::::"),
    "colon-block": (":::", ":::"),
    "backtick-directive": ("```{warning}", "```"),
    "tilde-directive": ("~~~{hint}", "~~~"),
    "backtick-code": ("```", "```"),
    "tilde-code": ("~~~", "~~~"),
}


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n"))


CONTAINERS: dict[str, Callable[[str], str]] = {  # where the fence stands; each container ends at its last line
    "top": lambda inner: inner,
    "list": lambda inner: "- Punkt\n\n" + _indent(inner, "  "),
    "quote": lambda inner: _indent(inner, "> "),
    "colon-box": lambda inner: "::::::{important}\n" + inner + "\n::::::",
    "backtick-box": lambda inner: "`````{important}\n" + inner + "\n`````",
    "list-in-box": lambda inner: "::::::{important}\n- Punkt\n\n" + _indent(inner, "  ") + "\n::::::",
}
BOXED = ("colon-box", "backtick-box", "list-in-box")  # closed around the fence: it never reaches the file's end
DOC_AFTER = "\n\n## Danach\n\nNoch ein Absatz.\n"


def _fence_cases() -> list[tuple[str, str, str, bool, bool, bool]]:
    out = []
    for fence in FENCES:
        for container in CONTAINERS:
            if container == "backtick-box" and fence.startswith("backtick"):
                continue  # a ``` inside ````` is fine, but MyST reads a ```{x} there as the box's own content
            for closed in (False, True):
                for inner_after in (False, True):
                    for doc_after in (False, True):
                        out.append((fence, container, f"{fence}-{container}-{closed}-{inner_after}-{doc_after}",
                                    closed, inner_after, doc_after))
    return out


@pytest.mark.slow
def test_a_fence_never_closed_is_a_located_hinweis_saying_what_it_swallows(
        project_copy: Callable[[str], Path]) -> None:
    """Every fence kind, at several depths, with and without text after it (in its block and in the file): an
    unclosed one is one Hinweis at its opening line naming how far it reaches (the file's end or the end of the
    block around it), how many lines and the first heading it took in; a closed one says nothing. Before: no
    message at all (valid CommonMark, but everything after the fence vanished into it)."""
    root = project_copy("mini")
    base = fixture_text(root)
    head, _, _ = base.partition("\n## Vorgehen\n")
    cases = {}
    for n, (fence, container, name, closed, inner_after, doc_after) in enumerate(_fence_cases()):
        opening, closing = FENCES[fence]
        inner = f"{opening}\nInhalt des Blocks.\n" + (f"{closing}\n" if closed else "") + \
            ("\nWeiter im Block.\n" if inner_after else "")
        block = CONTAINERS[container](inner.rstrip("\n"))
        text = head.replace("abb-westen", f"abb-f{n}") + "\n\n## Abschnitt\n\n" + block + "\n" + \
            (DOC_AFTER if doc_after else "")
        # the fixture's body (and its footnote) is left out: the fence is the last thing in the file
        text = text.replace("Wächterhäuser im Westen", f"Fall {n}").replace("Geduld[^1]", "Geduld")
        path = contribution(root, f"zaun-{n:03d}", text)
        lines = text.splitlines()
        open_line = next(i for i, t in enumerate(lines, 1) if t.lstrip("-> ").startswith(opening) and
                         t.lstrip("-> ") == opening)
        cases[path] = (name, closed, container, doc_after, open_line, lines)
    _, said = check(root)
    for path, (name, closed, container, doc_after, open_line, lines) in cases.items():
        mine = [m for m in said if m.startswith(path + ":")]
        found = [m for m in mine if "[koop.fence_unclosed]" in m]
        if closed:
            assert found == [], (name, mine)
            continue
        assert len(found) == 1, (name, mine)
        message = found[0]
        assert message.startswith(f"{path}:{open_line}: Hinweis [koop.fence_unclosed]: "), (name, message)
        assert f" ab Zeile {open_line} wird nie geschlossen; alles bis " in message, (name, message)
        to_end = container not in BOXED and (container == "top" or not doc_after)
        if to_end:
            last = max(i for i, t in enumerate(lines, 1) if t.strip(" >"))
            assert "alles bis zum Dateiende" in message, (name, message)
        else:
            end = next((i for i, t in enumerate(lines, 1) if i > open_line and t in ("::::::", "`````", "## Danach")))
            last = max(i for i in range(open_line, end) if lines[i - 1].strip(" >"))
            assert f"alles bis Zeile {last} ({M.plural_count(last - open_line, 'Zeile', 'Zeilen')}; " in message, \
                (name, message)
        assert (", auch die Überschrift „## Danach“" in message) == (doc_after and to_end and container == "top"), \
            (name, message)
        assert "Hinweis: Schließen Sie ihn mit einer eigenen Zeile „" in message, (name, message)


# -- link addresses: what check accepts, every output takes ------------------------------------------------------

URI_PARTS = {  # RFC 3986 parts, valid and broken, each tried on its own and in random combinations
    "scheme": ["https", "http", "HTTPS", "mailto", "ftp", "irc", "tel", "urn", "file", "data", "javascript", "a+b",
               "x-y.z", "inv", "path", "project"],
    "userinfo": ["", "nutzer@", "nutzer:kennwort@"],
    "host": ["www.koopstadt.de", "example.org", "bücher.de", "straße.example", "xn--bcher-kva.de", "a-b.example",
             "localhost", "example.org.", "192.0.2.1", "256.1.1.1", "1.2.3", "0x7f.0.0.1", "[::1]", "[2001:db8::7]",
             "[1::2::3]", "[fe80::1%25eth0]", "ex_ample.de", "-bad.de", "bad-.de", "host..de", "", "a" * 64 + ".de",
             "ho%73t.de", "7.example"],
    "port": ["", ":80", ":8080", ":65535", ":0", ":65536", ":99999", ":", ":x"],
    "path": ["", "/", "/a/b", "/a%20b", "/Bürgerbeteiligung", "/a b", "/a|b", "/{x}", "/%zz", "/a^b", "/a\\b",
             "/~nutzer", "/a;b=c", "/a:b@c", "/a(b)", "/a'b", "/a!b*c"],
    "query": ["", "?q=1", "?q=a b", "?q=ä&x=1", "?a=b?c", "?a=[1]"],
    "fragment": ["", "#oben", "#a#b", "#Überblick", "#a b", "#a/b?c"],
}
BASE = {"scheme": "https", "userinfo": "", "host": "www.koopstadt.de", "port": "", "path": "/", "query": "",
        "fragment": ""}
RELATIVE = ["//example.org/x", "//example.org", "?a=b", "#abschnitt-der-gibt-es-nicht"]


def _address(parts: dict[str, str]) -> str:
    if parts["scheme"].lower() == "mailto":
        local = parts["userinfo"].rstrip("@").split(":")[0] or "info"
        return f"mailto:{local}@{parts['host']}{parts['query']}"
    return f"{parts['scheme']}://{parts['userinfo']}{parts['host']}{parts['port']}{parts['path']}{parts['query']}" \
           f"{parts['fragment']}"


def uri_corpus(samples: int = 150) -> list[str]:
    """Every part value on a valid base, then seeded random combinations of all parts."""
    import random

    out = {_address({**BASE, part: value}) for part, values in URI_PARTS.items() for value in values}
    rng = random.Random(18)
    out |= {_address({part: rng.choice(values) for part, values in URI_PARTS.items()}) for _ in range(samples)}
    return sorted(out) + [f"{s}:{rest}" for s in ("https", "http") for rest in ("x.de", "/x", "")]


def _is_link(markdown: str) -> bool:
    from pipeline.body import parser

    return any(child.type == "link_open" for tok in parser().parse(markdown) for child in tok.children or [])


def _link_lines(addresses: list[str]) -> list[str]:
    """One paragraph per address: as an autolink where CommonMark allows one, else as a link."""
    return [f"Adresse {n}: <{a}>" if not re.search(r"[\s<>]", a) else f"Adresse {n}: [Link {n}](<{a}>)"
            for n, a in enumerate(addresses)]


@pytest.mark.slow
def test_link_addresses_from_the_uri_grammar_are_refused_with_a_message_or_valid_in_the_epub(
        project_copy: Callable[[str], Path]) -> None:
    """Generated from RFC 3986 (schemes, userinfo, hosts from IDN to IPv6, ports, paths, queries, fragments,
    relative forms): an address `check` refuses gets one located German message; every address it accepts goes
    into one contribution whose EPUBs pass epubcheck. Before: „https://example.com:99999/“, „https:x.de“,
    „https://host..de/“, „irc://…“ and more passed `check` and failed the EPUB step."""
    from pipeline.validate import validate_project

    root = project_copy("mini")
    base = fixture_text(root)
    addresses = uri_corpus() + RELATIVE
    lines = _link_lines(addresses)
    intro, _, rest = base.partition("\n## Vorgehen\n")
    text = intro + "\n\n## Adressen\n\n" + "\n\n".join(lines) + "\n\n## Vorgehen\n" + rest
    (root / W).write_text(text, encoding="utf-8")
    first = text.splitlines().index(lines[0]) + 1
    at_line = {first + 2 * n: a for n, a in enumerate(addresses)}
    problems = [p for p in validate_project(root).problems if p.path == W]
    refused: dict[str, list[str]] = {}
    for p in problems:
        assert p.line in at_line, p.format()  # nothing but the addresses is wrong
        refused.setdefault(at_line[p.line], []).append(p.format())
    for said in refused.values():
        assert len(said) == 1, said
        assert re.search(r"\[koop\.(link_scheme|link_address|xref)\]", said[0]) and not english(said[0]), said
    for address, line in zip(addresses, lines, strict=True):
        scheme = address.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][\w+.-]*:", address) else ""
        if scheme not in ("http", "https", "mailto") and _is_link(line):  # markdown-it keeps „data:“ … as text
            assert address in refused or address.startswith("#"), address
    accepted = [a for a in addresses if a not in refused]
    kinds = {"IDN": "bücher", "IPv6": "[::1]", "port": ":8080", "query": "?q=1", "fragment": "#oben", "mail": "mailto"}
    assert all(any(mark in a for a in accepted) for mark in kinds.values()), accepted
    assert len(accepted) >= 60 and len(refused) >= 60, (len(accepted), len(refused))

    # everything accepted, in one contribution of the issue and the handbook: both EPUBs pass epubcheck
    kept = [line for line, a in zip(lines, addresses, strict=True) if a in accepted and not a.startswith("#")]
    (root / W).write_text(intro + "\n\n## Adressen\n\n" + "\n\n".join(kept) + "\n\n## Vorgehen\n" + rest,
                          encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["--root", str(root), "epub"])
    assert status == 0, err.getvalue()
    assert "koop.epubcheck" not in err.getvalue() and "Fehler" not in err.getvalue(), err.getvalue()
    assert (root / "build/epub/handbuch.epub").is_file() and (root / "build/epub/koopblatt-1.epub").is_file()


def test_the_allowed_schemes_are_the_ones_myst_links() -> None:
    """conf.py's myst_url_schemes (what MyST makes external links of) and pipeline.urls.SCHEMES are one list."""
    import ast

    from pipeline import urls

    conf = (Path(__file__).resolve().parent.parent / "conf.py").read_text(encoding="utf-8")
    value = next(node.value for node in ast.parse(conf).body if isinstance(node, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "myst_url_schemes" for t in node.targets))
    assert tuple(ast.literal_eval(value)) == urls.SCHEMES


@pytest.mark.parametrize("value", ["[{2014-01-01: a}]", "[{a: {2014-01-01: b}}]", "{2014-01-01: x}"])
def test_a_front_matter_check_refuses_is_said_once(project_copy: Callable[[str], Path], value: str) -> None:
    """A value the schema refuses that MyST cannot render either (a date as a key): `check`'s koop.type at the key,
    and nothing from MyST about the front matter (before: also „YAML … could not be serialized“ at line 1)."""
    root = project_copy("mini")
    (root / W).write_text(fixture_text(root).replace("stadt: leipzig\n", f"stadt: leipzig\nkeywords: {value}\n"),
                          encoding="utf-8")
    _, said = check(root)
    assert [code for _, code in findings(said, W)] == ["type"], said


@pytest.mark.parametrize(("closing", "unclosed"), [("", True), ("—", True), ("- - -", True), ("--", True),
                                                   ("–––", True), ("----", False), ("...", False), ("  ---", False),
                                                   ("---   ", False)])
def test_the_end_of_the_front_matter_is_where_myst_sees_it(project_copy: Callable[[str], Path], closing: str,
                                                           unclosed: bool) -> None:
    """The closing line as markdown-it's front matter rule reads it (at least as many dashes, up to three spaces
    before, or „...“); a block never closed is one koop.frontmatter_unclosed, and its body is still read by MyST
    at its real lines — no „headings start at H2“ from the front matter read as text."""
    root = project_copy("mini")
    text = fixture_text(root).replace("stadt: leipzig\n---\n", f"stadt: leipzig\n{closing}\n" if closing else
                                      "stadt: leipzig\n") + BODY_EXTRA
    (root / W).write_text(text, encoding="utf-8")
    lines = text.splitlines()
    jump = lines.index("#### Zu tief") + 1
    cite = next(n for n, t in enumerate(lines, 1) if t.startswith("Text mit {cite"))
    _, said = check(root)
    expected = [(jump, "heading_skip"), (cite, "cite_unknown")]
    if unclosed:
        expected.insert(0, (1, "frontmatter_unclosed"))
    assert findings(said, W) == sorted(expected), said
    if closing:  # the line meant to close it is named
        assert any(f"Hinweis: Die Zeile „{closing}“ (Zeile 14) schließt ihn nicht" in m for m in said) == unclosed


# -- a directive's argument is text like the body's ----------------------------------------------------------------

ARGUMENT_TEXTS = {  # inline Markdown an author may put into a title, and what the body check says to it there
    "Kosten[^quelle]": [],  # the footnote mark counts as its use
    "Titel {cite:p}`charta`": [],
    "Titel <b>fett</b>": ["html", "html"],
    "Titel ![Bild](https://example.org/x.png)": ["image_remote"],
    "TODO Titel": ["todo"],
    "Titel {kbd}`Strg`": ["role"],
    "Titel [Amt](javascript:alert(1))": ["link_scheme"],
    "Titel [Fall](../bremen/gibtsnicht.md)": [],  # found by the cross-check (`validate`): a fact here
}
TITLED = {  # directives whose argument is set as text, as an author writes them
    "admonition": ":::{{admonition}} {}\nText.\n:::\n",
    "table": ":::{{table}} {}\n| a | b |\n|---|---|\n| 1 | 2 |\n:::\n",
    "list-table": ":::{{list-table}} {}\n* - a\n  - b\n:::\n",
    "rubric": ":::{{rubric}} {}\n:::\n",
}


@pytest.mark.parametrize("directive", sorted(TITLED))
def test_a_directive_argument_is_checked_as_the_text_it_is(directive: str, tmp_path: Path) -> None:
    """Whatever the body check says to a line of text it says to the same text as a title (once, at its line), and
    what it collects from it (footnote marks, citations, links) counts."""
    from pipeline.body import check_body

    docs = tmp_path / "docs"
    (docs / "beitraege/leipzig").mkdir(parents=True)
    file = docs / "beitraege/leipzig/x.md"
    for text, codes in ARGUMENT_TEXTS.items():
        note = "\n[^quelle]: Amt für Statistik.\n" if "[^quelle]" in text else ""
        body = "Einleitung.\n\n" + TITLED[directive].format(text) + note
        file.write_text(body, encoding="utf-8")
        facts, problems = check_body("docs/beitraege/leipzig/x.md", file, docs, body, 1)
        assert sorted((p.code, p.line) for p in problems) == sorted((c, 3) for c in codes), text
        assert ("cite:p" not in text) or [key for key, _line in facts.cites] == ["charta"]
        assert (".md" not in text) or [t for t, _w, _l in facts.doc_links] == ["beitraege/bremen/gibtsnicht.md"]


@pytest.mark.parametrize("container", ["", "- ", "> "])
@pytest.mark.parametrize("blank", [False, True])
def test_a_percent_line_that_ends_a_paragraph_is_a_hinweis(container: str, blank: bool, tmp_path: Path) -> None:
    """MyST reads a line beginning with „%“ as a comment: right after a paragraph's line (a sentence wrapped before
    „% der Wohnungen“) it is a Hinweis that the line is lost; after a blank line it is a comment as meant."""
    from pipeline.body import check_body

    docs = tmp_path / "docs"
    (docs / "beitraege/leipzig").mkdir(parents=True)
    file = docs / "beitraege/leipzig/x.md"
    inside = {"": "", "- ": "  ", "> ": "> "}[container]  # how a line continues the container
    gap = inside.rstrip() + "\n" if blank else ""
    body = f"{container}Leerstand bei etwa 20\n{gap}{inside}% der Wohnungen.\n"
    file.write_text(body, encoding="utf-8")
    _facts, problems = check_body("docs/beitraege/leipzig/x.md", file, docs, body, 1)
    hinweise = [(p.code, p.line, p.is_error) for p in problems]
    assert hinweise == ([] if blank else [("comment_in_paragraph", 2, False)]), body


@pytest.mark.parametrize(("heading", "empty"), [("## [^n]", True), ("## [^n] [^n]", True), ("## Stand[^n]", False),
                                                ("## *Stand*[^n]", False), ("## 2014[^n]", False)])
def test_a_heading_of_footnote_marks_only_is_empty(heading: str, empty: bool, tmp_path: Path) -> None:
    """A heading that reads as nothing but its footnote number (PDF/UA: no empty headings) is refused like one
    without text."""
    from pipeline.body import check_body

    docs = tmp_path / "docs"
    (docs / "beitraege/leipzig").mkdir(parents=True)
    file = docs / "beitraege/leipzig/x.md"
    body = f"Einleitung.\n\n{heading}\n\nText.\n\n[^n]: Stand Mai 2014.\n"
    file.write_text(body, encoding="utf-8")
    _facts, problems = check_body("docs/beitraege/leipzig/x.md", file, docs, body, 1)
    assert [(p.code, p.line) for p in problems] == ([("heading_empty", 3)] if empty else [])


TITLES = {  # a title as written → (the code check gives it, or the title every output reads)
    'Der "Stadtumbau" im Westen': "Der „Stadtumbau“ im Westen",
    "Geht's auch 'anders'?": "Geht’s auch ‚anders‘?",
    'Maße: 5\\" und mehr': 'Maße: 5" und mehr',
    "C++, Wohnen * Arbeiten und Projekt_Name": "C++, Wohnen * Arbeiten und Projekt_Name",
    "Der *Stadtumbau* Ost": "title_markup",
    "Mit `Code`": "title_markup",
    "Mit [Link](https://www.leipzig.de/)": "title_markup",
    "Mit ![Bild](bilder/x.png)": "title_markup",
    "Mit <b>fett</b>": "title_markup",
    "CO{sub}`2` sparen": "title_markup",
}


@pytest.mark.parametrize("written", list(TITLES))
def test_a_title_is_plain_text_with_the_quotes_the_body_gets(written: str, project_copy: Callable[[str], Path]) -> None:
    """MyST sets a title in the page's heading as Markdown, the other outputs take it from the front matter: markup
    is refused, straight quotes become what MyST makes of them in the heading."""
    from pipeline.validate import validate_project

    root = project_copy("mini")
    text = fixture_text(root)
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    (root / W).write_text(text.replace(title, "title: " + json.dumps(written, ensure_ascii=False), 1),
                          encoding="utf-8")
    project = validate_project(root)
    codes = [p.code for p in project.problems if p.path == W and p.is_error]
    wanted = TITLES[written]
    if wanted == "title_markup":
        assert codes == ["title_markup"]
    else:
        assert codes == [] and project.contributions["beitraege/leipzig/westen"].title == wanted
