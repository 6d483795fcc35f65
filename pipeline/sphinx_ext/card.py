"""The metadata card, subtitle, Literatur list and related cases of every contribution page."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from .. import catalogue
from .. import messages as M
from ..manifest import split_published
from ..model import Contribution
from . import cite, links, marks, state


def _field(name: str, *body: nodes.Node) -> nodes.field:
    para = nodes.paragraph("", "", *body)
    return nodes.field("", nodes.field_name("", name), nodes.field_body("", para))


def _joined(items: list[nodes.Node]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, item in enumerate(items):
        if i:
            out.append(nodes.Text(", "))
        out.append(item)
    return out


def card(c: Contribution, app: Sphinx) -> nodes.container:
    """The card readers see under the title; plain docutils nodes so every builder can render it."""
    project = state.project(app)
    tax = project.taxonomy
    city = tax.cities[c.stadt]
    head = nodes.paragraph("", "", classes=["koop-karte-kopf"])
    head += links.make(city.label, catalogue.browse_docname("stadt", c.stadt), classes=["koop-stadtlabel"])
    head += nodes.inline("", tax.kinds[c.art].label, classes=["koop-art"])
    fields = nodes.field_list(classes=["koop-felder"])
    fields += _field(M.LABELS["themenfeld"],
                     links.make(tax.fields[c.themenfeld].label, catalogue.browse_docname("themenfeld", c.themenfeld)))
    fields += _field(M.LABELS["projektfamilien"], *_joined([
        links.make(tax.families[p].label, catalogue.browse_docname("projektfamilie", p)) for p in c.projektfamilien]))
    if c.aufgaben:
        fields += _field(M.LABELS["aufgaben"], *_joined([
            links.make(tax.tasks[t].label, catalogue.browse_docname("aufgabe", t)) for t in c.aufgaben]))
    fields += _field(M.LABELS["authors"], nodes.Text("; ".join(
        f"{a.name} ({a.affiliation})" if a.affiliation else a.name for a in c.authors)))
    fields += _field(M.LABELS["date"], nodes.Text(M.german_date(c.date)))
    published, planned = split_published(project.issues_of(c.docname))
    if published:
        fields += _field(M.LABELS["ausgaben"], *_joined([
            links.make(M.issue_title(i.number, i.year), catalogue.issue_docname(i.number)) for i in published]))
    if planned:  # not yet out: announced, never claimed
        fields += _field(M.ISSUES_PLANNED_LABEL, *_joined([
            links.make(M.ISSUE_NAME.format(i.number), catalogue.issue_docname(i.number)) for i in planned]))
    box = nodes.container("", head, fields, classes=[marks.CARD, f"koop-stadt-{c.stadt}"])
    if c.abstract:
        box += nodes.paragraph("", c.abstract, classes=["koop-abstract"])
    return box


def literature(app: Sphinx, keys: list[str]) -> nodes.section | None:
    refs = state.project(app).bibliography.ordered(keys)
    if not refs:
        return None
    section = nodes.section("", ids=["literatur"], names=["literatur"], classes=[marks.LITERATURE])
    section += nodes.title("", M.LABELS["literatur"])
    items = nodes.bullet_list(classes=["koop-literaturliste"])
    for ref in refs:
        items += nodes.list_item("", nodes.paragraph("", ref.text, ids=[cite.ref_id(ref.key)]))
    section += items
    return section


def related_box(app: Sphinx, c: Contribution) -> nodes.container | None:
    project = state.project(app)
    others = catalogue.related(project.contributions.values(), c)
    if not others:
        return None
    box = nodes.container(classes=[marks.RELATED])
    box += nodes.rubric("", M.LABELS["verwandt"])
    items = nodes.bullet_list()
    for o in others:
        para = nodes.paragraph("", "", links.make(o.title, o.docname))
        para += nodes.Text(f" ({project.taxonomy.cities[o.stadt].label}, {project.taxonomy.kinds[o.art].label})")
        items += nodes.list_item("", para)
    box += items
    return box


class ContributionPage(SphinxTransform):
    """Decorate a contribution's doctree; runs after parsing, before references are resolved."""

    default_priority = 880

    def apply(self, **kwargs: object) -> None:
        docname = self.env.docname
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None or not isinstance(section[0], nodes.title):
            return
        project = state.project(state.app_of(self.env))
        c = project.all_contributions.get(docname) if state.is_contribution(docname) else None
        pos = 1
        if docname in project.drafts:  # drafts are only ever seen in the preview, with or without errors
            section.insert(pos, nodes.container("", nodes.paragraph("", "", nodes.strong("", M.DRAFT_BANNER[0]),
                                                                    nodes.Text(" " + M.DRAFT_BANNER[1])),
                                                classes=[marks.DRAFT]))
            pos += 1
        if c is None:  # a page, or an invalid contribution (errors are already reported, the build fails)
            lit = literature(state.app_of(self.env), cite.cited_keys(self.document))
            if lit is not None:
                section += lit
            return
        if c.subtitle:
            section.insert(pos, nodes.paragraph("", c.subtitle, classes=[marks.SUBTITLE]))
            pos += 1
        section.insert(pos, card(c, state.app_of(self.env)))
        notes = [n for n in self.document.children if isinstance(n, nodes.footnote)]
        if notes:  # myst puts footnotes after the section; readers expect them before the literature
            section += nodes.rubric("", M.LABELS["fussnoten"], classes=[marks.NOTES])
            for note in notes:
                self.document.remove(note)
                section += note
        lit = literature(state.app_of(self.env), cite.cited_keys(self.document))
        if lit is not None:
            section += lit
        rel = related_box(state.app_of(self.env), c)
        if rel is not None:
            section += rel


def setup(app: Sphinx) -> None:
    app.add_transform(ContributionPage)
