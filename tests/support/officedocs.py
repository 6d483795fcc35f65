"""Word and LibreOffice documents for the import tests, made from a small description of their blocks.

`docx_file` writes a document the way Word stores it (python-docx: styles „Heading n“, comments in
word/comments.xml, footnotes in word/footnotes.xml, alignment on the cells' paragraphs), `odt_file` the
way LibreOffice Writer does (odfpy: text:h, office:annotation, text:note, paragraph styles with
fo:text-align). A comment is anchored to a range, at a point (Word: only a commentReference;
LibreOffice: an annotation without annotation-end) or to an empty range (start and end together).
`expected` says what a faithful import keeps.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

ANCHORS = ("range", "point", "empty")
ALIGNS = ("left", "center", "right")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Comment:
    text: str
    anchor: str = "range"  # one of ANCHORS
    author: str = "Redaktion"


@dataclass(frozen=True)
class Footnote:
    text: str
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Title:
    """The document's title as a paragraph in the „Title“ style (not a heading)."""

    text: str
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Para:
    text: str
    comments: tuple[Comment, ...] = ()
    footnote: Footnote | None = None
    link: str = ""  # the text (and its comments) is a hyperlink to this address


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]  # the first row is the header row
    aligns: tuple[str, ...] = ()  # per column, one of ALIGNS; default left
    comments: tuple[Comment, ...] = ()  # in the first body cell
    footnote: Footnote | None = None  # in the last body cell
    merged: bool = False  # the two first body cells merged: not a simple table any more

    def align(self, column: int) -> str:
        return self.aligns[column] if column < len(self.aligns) else "left"


@dataclass(frozen=True)
class Picture:
    colour: tuple[int, int, int]
    caption: str = ""


Block = Title | Heading | Para | Table | Picture


@dataclass
class Expected:
    comments: list[str] = field(default_factory=list)  # their texts
    footnotes: int = 0
    images: int = 0
    tables: int = 0
    headings: int = 0  # the title heading included

    def counts(self) -> dict[str, int]:
        return {"comment": len(self.comments), "footnote": self.footnotes, "image": self.images,
                "table": self.tables, "heading": self.headings}


def expected(blocks: list[Block]) -> Expected:
    out = Expected()

    def note(f: Footnote | None) -> None:
        if f is not None:
            out.footnotes += 1
            out.comments += [c.text for c in f.comments]

    for b in blocks:
        if isinstance(b, Heading):
            out.headings += 1
            out.comments += [c.text for c in b.comments]
        elif isinstance(b, Title):
            out.comments += [c.text for c in b.comments]
        elif isinstance(b, Para):
            out.comments += [c.text for c in b.comments]
            note(b.footnote)
        elif isinstance(b, Table):
            out.tables += 1
            out.comments += [c.text for c in b.comments]
            note(b.footnote)
        else:
            out.images += 1
    return out


def _picture(folder: Path, p: Picture, n: int) -> Path:
    path = folder / f"bild-{n}.png"
    Image.new("RGB", (80 + 10 * n, 60), p.colour).save(path)
    return path


# -- Word ----------------------------------------------------------------------------------------------------------


class _Word:
    def __init__(self, folder: Path) -> None:
        import docx

        self.folder = folder
        self.document = docx.Document()
        self.document.core_properties.author = "Erika Muster"
        self.notes: list[str] = []  # w:footnote elements
        self.pictures = 0

    def comment(self, paragraph: object, c: Comment, within: object | None = None) -> None:
        """Anchor `c` in a paragraph of the body or of a footnote (its lxml element given as `within`)."""
        from docx.oxml import parse_xml

        made = self.document.comments.add_comment(text=c.text, author=c.author, initials="R")
        cid = made.comment_id
        p = within if within is not None else paragraph._p  # type: ignore[attr-defined]
        start = parse_xml(f'<w:commentRangeStart {W} w:id="{cid}"/>')
        end = parse_xml(f'<w:commentRangeEnd {W} w:id="{cid}"/>')
        ref = parse_xml(f'<w:r {W}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                        f'<w:commentReference w:id="{cid}"/></w:r>')
        runs = [r for r in p if r.tag == f"{{{W_NS}}}r"]
        if c.anchor == "range" and runs:
            runs[0].addprevious(start)
            runs[-1].addnext(end)
            end.addnext(ref)
        elif c.anchor == "empty":
            p.append(start)
            p.append(end)
            p.append(ref)
        else:
            p.append(ref)

    def footnote(self, paragraph_el: object, f: Footnote) -> None:
        from docx.oxml import parse_xml

        n = len(self.notes) + 1
        paragraph_el.append(parse_xml(  # type: ignore[attr-defined]
            f'<w:r {W}><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{n}"/></w:r>'))
        note = parse_xml(
            f'<w:footnote {W} w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {f.text}</w:t></w:r></w:p></w:footnote>')
        for c in f.comments:
            self.comment(None, c, within=note[0])
        from lxml import etree

        self.notes.append(etree.tostring(note, encoding="unicode"))

    def block(self, b: Block) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml import OxmlElement, parse_xml
        from docx.oxml.ns import qn
        from docx.shared import Cm

        d = self.document
        if isinstance(b, Heading):
            h = d.add_heading(b.text, level=b.level)
            for c in b.comments:
                self.comment(h, c)
        elif isinstance(b, Title):
            t = d.add_paragraph(b.text, style="Title")
            for c in b.comments:
                self.comment(t, c)
        elif isinstance(b, Para):
            p = d.add_paragraph(b.text)
            for c in b.comments:
                self.comment(p, c)
            if b.link:
                rid = p.part.relate_to(b.link, RT.HYPERLINK, is_external=True)
                link = parse_xml(f'<w:hyperlink {W} xmlns:r="{R_NS}" r:id="{rid}"/>')
                for child in [c for c in p._p if c.tag != f"{{{W_NS}}}pPr"]:
                    link.append(child)
                p._p.append(link)
            if b.footnote:
                self.footnote(p._p, b.footnote)
        elif isinstance(b, Table):
            t = d.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            t.style = "Table Grid"
            align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                     "right": WD_ALIGN_PARAGRAPH.RIGHT}
            for r, row in enumerate(b.rows):
                for col, value in enumerate(row):
                    cell_p = t.cell(r, col).paragraphs[0]
                    cell_p.add_run(value)
                    cell_p.alignment = align[b.align(col)]
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            t.rows[0]._tr.get_or_add_trPr().append(header)
            for c in b.comments:
                self.comment(t.cell(1, 0).paragraphs[0], c)
            if b.footnote:
                self.footnote(t.cell(len(b.rows) - 1, len(b.rows[0]) - 1).paragraphs[0]._p, b.footnote)
            if b.merged:
                t.cell(1, 0).merge(t.cell(1, 1))
        else:
            self.pictures += 1
            d.add_paragraph().add_run().add_picture(str(_picture(self.folder, b, self.pictures)), width=Cm(4))
            if b.caption:
                d.add_paragraph(f"Abbildung {self.pictures}: {b.caption}", style="Caption")

    def save(self, path: Path) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        if self.notes:
            xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>'
                   '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                   '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                   '</w:r></w:p></w:footnote>' + "".join(self.notes) + "</w:footnotes>")
            part = Part(PackURI("/word/footnotes.xml"),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                        xml.encode("utf-8"), self.document.part.package)
            self.document.part.relate_to(part, RT.FOOTNOTES)
        self.document.save(str(path))


def docx_file(blocks: list[Block], path: Path) -> Path:
    """`blocks` as a Word document at `path` (pictures are made next to it)."""
    word = _Word(path.parent)
    for b in blocks:
        word.block(b)
    word.save(path)
    return path


# -- LibreOffice ---------------------------------------------------------------------------------------------------


def odt_file(blocks: list[Block], path: Path) -> Path:
    """`blocks` as a LibreOffice Writer document at `path`."""
    from odf import dc, draw, office, style, svg, table
    from odf import text as odt
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Creator(text="Erika Muster"))
    doc.meta.addElement(dc.Date(text="2014-05-02T17:30:00"))  # LibreOffice's „last saved“
    paragraph_styles = {}
    for a, value in (("center", "center"), ("right", "end")):
        s = style.Style(name=f"Tabelleninhalt {a}", family="paragraph", parentstylename="Table_20_Contents")
        s.addElement(style.ParagraphProperties(textalign=value))
        doc.automaticstyles.addElement(s)
        paragraph_styles[a] = s
    names = itertools.count(1)
    pictures = itertools.count(1)
    notes = itertools.count(1)

    def annotated(holder: object, comments: tuple[Comment, ...], content: str) -> None:
        """`content` with `comments` in `holder`: the first anchored to it, the others after it."""
        if not comments:
            holder.addText(content)  # type: ignore[attr-defined]
        for i, c in enumerate(comments):
            annotate(holder, c, "" if i else content)

    def annotate(holder: object, c: Comment, content: str) -> None:
        ann = office.Annotation()
        ann.addElement(dc.Creator(text=c.author))
        ann.addElement(dc.Date(text="2014-05-02T11:00:00"))
        ann.addElement(odt.P(text=c.text))
        if c.anchor == "range":
            name = f"__Annotation__{next(names)}"
            ann.setAttribute("name", name)
            holder.addElement(ann)  # type: ignore[attr-defined]
            holder.addText(content)  # type: ignore[attr-defined]
            holder.addElement(office.AnnotationEnd(name=name))  # type: ignore[attr-defined]
            return
        holder.addText(content)  # type: ignore[attr-defined]
        if c.anchor == "empty":
            name = f"__Annotation__{next(names)}"
            ann.setAttribute("name", name)
            holder.addElement(ann)  # type: ignore[attr-defined]
            holder.addElement(office.AnnotationEnd(name=name))  # type: ignore[attr-defined]
        else:
            holder.addElement(ann)  # type: ignore[attr-defined]

    def footnote(holder: object, f: Footnote) -> None:
        n = next(notes)
        note = odt.Note(noteclass="footnote", id=f"ftn{n}")
        note.addElement(odt.NoteCitation(text=str(n)))
        body = odt.NoteBody()
        p = odt.P(stylename="Footnote")
        annotated(p, f.comments, f.text)
        body.addElement(p)
        note.addElement(body)
        holder.addElement(note)  # type: ignore[attr-defined]

    for b in blocks:
        if isinstance(b, Heading):
            h = odt.H(outlinelevel=b.level, stylename=f"Heading_20_{b.level}")
            annotated(h, b.comments, b.text)
            doc.text.addElement(h)
        elif isinstance(b, Title):
            t = odt.P(stylename="Title")
            annotated(t, b.comments, b.text)
            doc.text.addElement(t)
        elif isinstance(b, Para):
            p = odt.P(stylename="Text_20_body")
            inner = odt.A(href=b.link, type="simple") if b.link else p
            annotated(inner, b.comments, b.text)
            if b.link:
                p.addElement(inner)
            if b.footnote:
                footnote(p, b.footnote)
            doc.text.addElement(p)
        elif isinstance(b, Table):
            t = table.Table(name=f"Tabelle{next(names)}")
            t.addElement(table.TableColumn(numbercolumnsrepeated=len(b.rows[0])))
            head = table.TableHeaderRows()
            t.addElement(head)
            last = (len(b.rows) - 1, len(b.rows[0]) - 1)
            for r, row in enumerate(b.rows):
                tr = table.TableRow()
                (head if r == 0 else t).addElement(tr)
                for col, value in enumerate(row):
                    if b.merged and r == 1 and col == 1:
                        tr.addElement(table.CoveredTableCell())
                        continue
                    span = {"numbercolumnsspanned": 2} if b.merged and r == 1 and col == 0 else {}
                    cell = table.TableCell(valuetype="string", **span)
                    a = b.align(col)
                    p = odt.P(stylename=paragraph_styles.get(a, "Table_20_Contents"))
                    annotated(p, b.comments if (r, col) == (1, 0) else (), value)
                    if b.footnote and (r, col) == last:
                        footnote(p, b.footnote)
                    cell.addElement(p)
                    tr.addElement(cell)
            doc.text.addElement(t)
        else:
            n = next(pictures)
            href = doc.addPicture(str(_picture(path.parent, b, n)))
            frame = draw.Frame(name=f"Bild{n}", width="4cm", height="3cm", anchortype="as-char")
            frame.addElement(draw.Image(href=href))
            frame.addElement(svg.Desc(text=f"Farbfläche {n}"))
            p = odt.P(stylename="Standard")
            p.addElement(frame)
            doc.text.addElement(p)
            if b.caption:
                doc.text.addElement(odt.P(stylename="Figure", text=f"Abbildung {n}: {b.caption}"))
    doc.save(str(path))
    return path
