"""Open data of the handbook: daten/beitraege.json (+ JSON Schema) and .csv, and every case's .bib/.ris.

One row per released case (drafts never), with every front-matter field under its front-matter name,
German labels next to the ids (`stadt` + `stadt_label` …), the addresses of page, Sonderdruck, BibTeX,
RIS and issues, and the German citation. Field names are stable: new fields may be added, none renamed.
Written at the end of every handbook run (a few ms at N = 200); nothing in them depends on the clock.
`python -m pipeline.html.opendata [root]` rewrites the checked-in copy schema/beitraege.schema.json.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from functools import partial
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .. import catalogue, citation
from .. import messages as M
from ..manifest import is_published
from ..memo import Memo, key_of
from ..model import Contribution
from ..outputs import remove_stale, write_if_changed
from ..schema import DEFAULT_LICENSE, RELEASED, ContributionFields, specs
from ..sphinx_ext import state
from ..sphinx_ext.browse import DOWNLOADS
from ..taxonomy import Taxonomy
from . import cases

DATA_DIR = "daten"
JSON_FILE, CSV_FILE, SCHEMA_FILE = "beitraege.json", "beitraege.csv", "beitraege.schema.json"
SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
CSV_SEPARATOR = "; "  # between the items of a list in one CSV cell


def row(app: Sphinx, c: Contribution, rec: citation.Record, zitation: str) -> dict[str, Any]:
    """One case as published data (JSON object; field order = documentation order)."""
    project = state.project(app)
    tax = project.taxonomy
    base = cases.base_url(app)
    downloads = Path(str(app.config.koop_downloads or "")) if app.config.koop_downloads else None
    issues = []
    for i in project.issues_of(c.docname):
        pdf = i.screen_pdf
        issues.append({"nummer": i.number, "jahr": i.year, "titel": M.issue_title(i.number, i.year),
                       "erschienen": is_published(i),
                       "url": citation.page_url(base, catalogue.issue_docname(i.number)),
                       "pdf_url": citation.site_url(base, f"{DOWNLOADS}/{pdf}")
                       if downloads is not None and (downloads / pdf).is_file() else None})
    return {
        "id": f"{c.stadt}/{c.slug}", "kurzname": c.slug,
        "title": c.title, "subtitle": c.subtitle,
        "authors": [{"name": a.name, "affiliation": a.affiliation} for a in c.authors],
        "date": c.date.isoformat(), "abstract": c.abstract, "keywords": list(c.keywords), "license": c.license,
        "art": c.art, "art_label": tax.kinds[c.art].label,
        "themenfeld": c.themenfeld, "themenfeld_label": tax.fields[c.themenfeld].label,
        "projektfamilien": list(c.projektfamilien),
        "projektfamilien_labels": [tax.families[p].label for p in c.projektfamilien],
        "aufgaben": list(c.aufgaben), "aufgaben_labels": [tax.tasks[t].label for t in c.aufgaben],
        "stadt": c.stadt, "stadt_label": tax.cities[c.stadt].label,
        "status": c.status,
        "url": rec.url, "sonderdruck_url": rec.pdf_url or None,
        "bibtex_url": citation.site_url(base, cases.cite_href(c, "bib")),
        "ris_url": citation.site_url(base, cases.cite_href(c, "ris")),
        "zitation": zitation,
        "ausgaben": issues,
    }


Cited = list[tuple[Contribution, citation.Record, dict[str, str]]]  # every published case, cited (`citations`)


def citations(app: Sphinx, memo: Memo) -> Cited:
    """Every published case with its record and its citation files and text (`bib`, `ris`, `zitat`): made once
    per record (`memo`: kept from earlier builds), the German texts in one BibTeX parse."""
    published = cases.published(app)
    records = [cases.record(app, c) for c in published]
    keys = [key_of(repr(r)) for r in records]
    missing = [r for r, k in zip(records, keys, strict=True) if not memo.known(k)]
    texts = citation.german(missing) if missing else {}

    def made(r: citation.Record) -> dict[str, str]:
        return {"bib": citation.bibtex([r]), "ris": citation.ris(r), "zitat": texts[r.key]}

    return [(c, r, memo.get(k, partial(made, r))) for c, r, k in zip(published, records, keys, strict=True)]


def rows(app: Sphinx, cited: Cited) -> list[dict[str, Any]]:
    items = [row(app, c, r, made["zitat"]) for c, r, made in cited]
    return sorted(items, key=lambda r: str(r["id"]))


def as_json(app: Sphinx, items: list[dict[str, Any]]) -> str:
    data = {"$schema": citation.site_url(cases.base_url(app), f"{DATA_DIR}/{SCHEMA_FILE}"),
            "quelle": cases.base_url(app), "anzahl": len(items), "beitraege": items}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return CSV_SEPARATOR.join(_cell(v) for v in value)
    return str(value)


def as_csv(items: list[dict[str, Any]]) -> str:
    """RFC 4180 (comma, CRLF, UTF-8); lists joined by „; “; authors and issues split into parallel columns."""
    out = io.StringIO()
    writer = csv.writer(out)
    columns = [k for k in items[0] if k not in ("authors", "ausgaben")] if items else []
    head = [*columns[:4], "authors", "authors_affiliation", *columns[4:], "ausgaben", "ausgaben_titel"]
    writer.writerow(head)
    for r in items:
        values = [r[k] for k in columns]
        writer.writerow([_cell(v) for v in [
            *values[:4], [a["name"] for a in r["authors"]], [a["affiliation"] for a in r["authors"]], *values[4:],
            [str(i["nummer"]) for i in r["ausgaben"]], [i["titel"] for i in r["ausgaben"]]]])
    return out.getvalue()


# -- the JSON Schema -------------------------------------------------------------------------------------------


def _ids(options: dict[str, str]) -> dict[str, Any]:
    return {"type": "string", "enum": list(options), "enumDescriptions": list(options.values())}


_TEXT: dict[str, Any] = {"type": "string"}
_URL: dict[str, Any] = {"type": "string", "format": "uri"}
_NULLABLE_URL: dict[str, Any] = {"type": ["string", "null"], "format": "uri"}


def json_schema(tax: Taxonomy) -> dict[str, Any]:
    """The documented schema of beitraege.json (draft 7); descriptions from the front-matter schema."""
    props = _case_properties(tax) | {"ausgaben": _issues_property()}
    case = {"type": "object", "required": list(props), "additionalProperties": False, "properties": props}
    return {
        "$schema": SCHEMA_DIALECT, "title": M.DATA_TITLE, "description": M.DATA_DESCRIPTION, "type": "object",
        "required": ["beitraege"],
        "properties": {"$schema": {"type": "string"}, "quelle": {"type": "string"},
                       "anzahl": {"type": "integer", "minimum": 0}, "beitraege": {"type": "array", "items": case}},
    }


def _issues_property() -> dict[str, Any]:
    """`ausgaben` of a case: the issues it is in."""
    d, text, url = M.DATA_FIELDS, _TEXT, _URL
    return {"type": "array", "description": d["ausgaben"], "items": {
        "type": "object", "required": ["nummer", "jahr", "titel", "erschienen", "url", "pdf_url"],
        "additionalProperties": False,
        "properties": {
            "nummer": {"type": "integer", "minimum": 1, "description": d["ausgabe.nummer"]},
            "jahr": {"type": "integer", "description": d["ausgabe.jahr"]},
            "titel": text | {"description": d["ausgabe.titel"]},
            "erschienen": {"type": "boolean", "description": d["ausgabe.erschienen"]},
            "url": url | {"description": d["ausgabe.url"]},
            "pdf_url": _NULLABLE_URL | {"description": d["ausgabe.pdf_url"]}}}}


def _case_properties(tax: Taxonomy) -> dict[str, Any]:
    """The properties of one case but its issues, described from the front-matter schema and the taxonomy."""
    helps = {s.name: s.help for s in specs(ContributionFields)}
    d = M.DATA_FIELDS
    text, texts, url, nullable_url = _TEXT, {"type": "array", "items": {"type": "string"}}, _URL, _NULLABLE_URL

    def labels(of: str) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string"}, "description": d[of]}

    return {
        "id": text | {"pattern": "^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$", "description": d["id"]},
        "kurzname": text | {"description": d["kurzname"]},
        "title": text | {"minLength": 1, "description": helps["title"]},
        "subtitle": text | {"description": helps["subtitle"]},
        "authors": {"type": "array", "minItems": 1, "description": helps["authors"], "items": {
            "type": "object", "required": ["name", "affiliation"], "additionalProperties": False, "properties": {
                "name": text | {"minLength": 1, "description": d["authors.name"]},
                "affiliation": text | {"description": d["authors.affiliation"]}}}},
        "date": text | {"format": "date", "description": helps["date"]},
        "abstract": text | {"description": helps["abstract"]},
        "keywords": texts | {"description": helps["keywords"]},
        "license": text | {"description": helps["license"], "default": DEFAULT_LICENSE},
        "art": _ids({k.id: k.label for k in tax.kinds.values()}) | {"description": helps["art"]},
        "art_label": text | {"description": d["art_label"]},
        "themenfeld": _ids({f.id: f.label for f in tax.fields.values()}) | {"description": helps["themenfeld"]},
        "themenfeld_label": text | {"description": d["themenfeld_label"]},
        "projektfamilien": {"type": "array", "minItems": 1, "description": helps["projektfamilien"],
                            "items": _ids({p.id: p.label for p in tax.families.values()})},
        "projektfamilien_labels": labels("projektfamilien_labels"),
        "aufgaben": {"type": "array", "description": helps["aufgaben"],
                     "items": _ids({t.id: t.label for t in tax.tasks.values()})},
        "aufgaben_labels": labels("aufgaben_labels"),
        "stadt": _ids({c.id: c.label for c in tax.cities.values()}) | {"description": helps["stadt"]},
        "stadt_label": text | {"description": d["stadt_label"]},
        "status": {"const": RELEASED, "description": helps["status"]},
        "url": url | {"description": d["url"]},
        "sonderdruck_url": nullable_url | {"description": d["sonderdruck_url"]},
        "bibtex_url": url | {"description": d["bibtex_url"]},
        "ris_url": url | {"description": d["ris_url"]},
        "zitation": text | {"description": d["zitation"]},
    }


def schema_text(tax: Taxonomy) -> str:
    return json.dumps(json_schema(tax), ensure_ascii=False, indent=2) + "\n"


# -- writing ---------------------------------------------------------------------------------------------------


def write_cite_files(out: Path, cited: Cited) -> None:
    """zitieren/<kurzname>.bib and .ris of every published case; those of drafts and removed cases go."""
    folder = out / citation.CITE_DIR
    keep = set()
    for c, _r, made in cited:
        for suffix in ("bib", "ris"):
            write_if_changed(folder / f"{c.slug}.{suffix}", made[suffix].encode("utf-8"))
            keep.add(f"{c.slug}.{suffix}")
    remove_stale(folder, "*", lambda file: file.name in keep)


def write_data(app: Sphinx, out: Path, cited: Cited) -> None:
    items = rows(app, cited)
    folder = out / DATA_DIR
    write_if_changed(folder / JSON_FILE, as_json(app, items).encode("utf-8"))
    write_if_changed(folder / CSV_FILE, as_csv(items).encode("utf-8"))
    write_if_changed(folder / SCHEMA_FILE, schema_text(state.project(app).taxonomy).encode("utf-8"))


def _finished(app: Sphinx, exc: BaseException | None) -> None:
    if exc is None and cases.handbook(app):
        out = Path(app.outdir)
        memo = Memo(Path(app.confdir), "zitate")
        cited = citations(app, memo)  # once for the citation files and the data
        memo.save()
        write_cite_files(out, cited)
        write_data(app, out, cited)


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _finished)


if __name__ == "__main__":  # python -m pipeline.html.opendata [root]: rewrite schema/beitraege.schema.json
    from ..schema import SCHEMA_DIR
    from ..taxonomy import load

    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".") / SCHEMA_DIR / SCHEMA_FILE
    target.write_text(schema_text(load()), encoding="utf-8")
    print(target)
