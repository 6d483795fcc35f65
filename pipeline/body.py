"""Checks on a contribution's MyST body, on markdown-it tokens (the same parser MyST uses).

Contributions are untrusted: raw HTML, `{raw}`, includes from outside the folder, remote
images, links other than http(s)/mailto (and addresses not every output can link, `urls`) and
unknown directives/roles are errors. A fence never closed is a Hinweis. The result also
lists what a file defines and uses (labels, links, citations) for the cross-file checks.
"""

from __future__ import annotations

import posixpath
import re
import warnings
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from . import messages as M
from . import svg, urls
from .diagnostics import Diagnostic, diag, suggest_path
from .paths import IMAGE_DIR

MYST_EXTENSIONS = frozenset({"colon_fence", "deflist", "smartquotes"})
ADMONITIONS = frozenset(
    {"note", "tip", "important", "hint", "warning", "attention", "caution", "admonition", "seealso"}
)
FIGURES = frozenset({"figure", "image"})
ALLOWED_DIRECTIVES = ADMONITIONS | FIGURES | {"table", "list-table", "epigraph", "pull-quote", "rubric", "include"}
ALLOWED_ROLES = frozenset({"cite:p", "cite:t", "ref", "doc", "numref", "sub", "sup", "abbr"})  # no {term}: no glossary
MATH = frozenset({"math", "eq"})  # formulas are not set (project decision): a message of their own
IMAGE_SUFFIXES = frozenset({".svg", ".png", ".jpg", ".jpeg"})
# C0 control characters but tab and line ends, and DEL: no text has them (XML, and so the e-books, refuses them);
# they come in with text copied from Word (vertical tab for Shift+Enter) or a PDF (form feed)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
RASTER_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}  # Pillow's name of the format a suffix promises
BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")
MAX_IMAGE_MB = 50  # the original's file size; every output gets a copy sized for it (`pipeline.images`)
MAX_IMAGE_PIXELS = 89_478_485  # Pillow's decompression-bomb limit (PIL.Image.MAX_IMAGE_PIXELS)
PRINT_WIDTH_MM = 180.0  # text width of an A4 koopBLATT page: the widest an image is ever printed
MIN_PRINT_DPI = 300
CITE_RE = re.compile(r"^(?:\{(?P<pre>[^{}]*)\})?(?P<key>[^{}\s]+?)(?:\{(?P<post>[^{}]*)\})?$")
TODO = "TODO"
_TEXT_LINK_RE = re.compile(r"\]\(\s*<?\s*(javascript|data|vbscript|file)\s*:", re.IGNORECASE)
_OPTION_RE = re.compile(r"^:([\w-]+):\s*(.*)$")
_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(\s|$)")


@dataclass
class BodyFacts:
    """What a body defines and uses; the input of the cross-file checks."""

    labels: dict[str, int] = field(default_factory=dict)  # label → line
    doc_links: list[tuple[str, str, int]] = field(default_factory=list)  # (target rel. to docs/, as written, line)
    refs: list[tuple[str, int]] = field(default_factory=list)  # {ref}/{numref} targets
    cites: list[tuple[str, int]] = field(default_factory=list)  # citation keys
    images: list[str] = field(default_factory=list)  # image paths relative to docs/
    consulted: dict[str, tuple[int, int] | None] = field(default_factory=dict)  # files looked at → stat
    fragments: list[tuple[str, BodyFacts]] = field(default_factory=list)  # included Markdown: (shown path, facts)

    def located(self, path: str) -> list[tuple[str, BodyFacts]]:
        """(path, facts) of the body and of every fragment it includes, for checks that report a line."""
        return [(path, self), *self.fragments]


def is_todo(value: object) -> bool:
    """An open TODO as `check` reports it (koop.todo): a value, paragraph or image description starting with „TODO“.

    The one rule, also for the Redaktionsstand: a „TODO“ inside a sentence or in a comment line is none."""
    return isinstance(value, str) and value.strip().upper().startswith(TODO)


def stat_signature(path: Path) -> tuple[int, int] | None:
    """(mtime_ns, size) of a file, None if it does not exist: enough to know a cached result is stale."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


@cache
def parser() -> MarkdownIt:
    return create_md_parser(MdParserConfig(enable_extensions=set(MYST_EXTENSIONS)), RendererHTML)


def resolve(path: Path) -> Path | None:
    """`Path.resolve`, or None for paths the OS cannot even look at (NUL bytes, absurd lengths)."""
    try:
        return path.resolve()
    except (ValueError, OSError, RuntimeError):
        return None


def parse_cite(content: str) -> list[tuple[str, str, str]] | None:
    """`{pre}key{post}, key2` → [(pre, key, post), …]; None when unreadable."""
    out: list[tuple[str, str, str]] = []
    for part in re.split(r",(?![^{}]*\})", content):
        m = CITE_RE.match(part.strip())
        if not m:
            return None
        out.append((m.group("pre") or "", m.group("key"), m.group("post") or ""))
    return out or None


def split_directive(content: str) -> tuple[dict[str, str], str, int]:
    """Directive content → (options, body, body offset in lines). Handles `:key: value` and `---` YAML blocks."""
    lines = content.splitlines()
    options: dict[str, str] = {}
    i = 0
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() == "---":
                for opt in lines[1:j]:
                    if ":" in opt:
                        k, v = opt.split(":", 1)
                        options[k.strip()] = v.strip().strip("\"'")
                i = j + 1
                break
    else:
        while i < len(lines) and (m := _OPTION_RE.match(lines[i])):
            options[m.group(1)] = m.group(2).strip()
            i += 1
    if i < len(lines) and not lines[i].strip():
        i += 1
    return options, "\n".join(lines[i:]), i


class LocalFiles:
    """The files a body names (images, includes): inside the contribution's folder, there, and of a kind, size and
    resolution every output can use. Reports into the checker's problems and facts."""

    def __init__(self, path: str, file: Path, docs: Path, facts: BodyFacts, problems: list[Diagnostic]) -> None:
        self.path = path  # as shown in messages
        self.file = file
        self.docs = docs
        self.folder = file.parent.resolve()
        self.facts = facts
        self.problems = problems

    def error(self, line: int, code: str, *args: object) -> None:
        self.problems.append(diag(self.path, line, code, *args))

    def local_file(self, target: str, line: int, *, image: bool) -> Path | None:
        """Resolve a local path inside the contribution's folder; report everything else."""
        low = target.strip().lower()
        if re.match(r"^[a-z][a-z0-9+.-]*:", low) or low.startswith("//"):
            if image and low.startswith(("http", "//", "ftp")):
                self.error(line, "image_remote", target)
            else:
                self.error(line, "link_scheme", low.split(":", 1)[0] + ":")
            return None
        rel = PurePosixPath(target.split("#", 1)[0].split("?", 1)[0])
        if rel.is_absolute():
            self.error(line, "path_outside", target)
            return None
        resolved = resolve(self.file.parent / rel)
        if resolved is None or not resolved.is_relative_to(self.folder):
            self.error(line, "path_outside", target)
            return None
        self.facts.consulted[str(resolved)] = stat_signature(resolved)
        if not resolved.is_file():
            self.problems.append(diag(self.path, line, "image_missing" if image else "include_missing", target,
                                      hint=suggest_path(target, self.nearby(image))))
            return None
        if image:
            if resolved.suffix.lower() not in IMAGE_SUFFIXES:
                self.error(line, "image_type", target)
                return None
            size_mb = resolved.stat().st_size / 1_000_000
            if size_mb > MAX_IMAGE_MB:
                self.error(line, "image_size", target, M.decimal(size_mb), MAX_IMAGE_MB)
                return None
            self.facts.images.append(resolved.relative_to(self.docs).as_posix())
            self.raster(resolved, target, line)
        return resolved

    def raster(self, file: Path, target: str, line: int) -> None:
        """A PNG/JPEG must be readable to its last pixel and be what its name says; below 300 dpi at full print width
        it gets a Hinweis (it still prints). An SVG: see `vector`."""
        if file.suffix.lower() == ".svg":
            self.vector(file, target, line)
            return
        from PIL import Image, UnidentifiedImageError

        pixels = 0
        try:
            with warnings.catch_warnings():
                # refused below with its size, as a located German message (Pillow's own is English)
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(file) as im:
                    width, pixels, kind = im.width, im.width * im.height, im.format
                    if pixels <= MAX_IMAGE_PIXELS:
                        im.verify()
                if pixels <= MAX_IMAGE_PIXELS:
                    with Image.open(file) as im:
                        im.load()  # `verify` reads no pixel data: a truncated photo shows only here
        except Image.DecompressionBombError as exc:  # over twice the limit: Pillow refuses to open it at all
            m = re.search(r"\((\d+) pixels\)", str(exc))
            pixels = int(m.group(1)) if m else 2 * MAX_IMAGE_PIXELS + 1
        except (OSError, UnidentifiedImageError, ValueError, SyntaxError) as exc:
            self.error(line, "image_unreadable", target, M.IMAGE_TRUNCATED if "truncated" in str(exc)
                       else type(exc).__name__)
            return
        if pixels > MAX_IMAGE_PIXELS:
            self.error(line, "image_pixels", target, M.decimal(pixels / 1e6), M.decimal(MAX_IMAGE_PIXELS / 1e6))
            return
        if kind != RASTER_FORMATS.get(file.suffix.lower(), kind):
            self.error(line, "image_format", target, kind, file.suffix)
            return
        dpi = width / (PRINT_WIDTH_MM / 25.4)
        if dpi < MIN_PRINT_DPI:
            self.problems.append(diag(self.path, line, "image_dpi", target, round(dpi)))

    def vector(self, file: Path, target: str, line: int) -> None:
        """An SVG must be well-formed XML and hold all it shows: no script, event handler, `javascript:` link or
        embedded HTML (they would run in the handbook and the e-books), and nothing loaded from elsewhere (a file
        outside the folder, the net) but images embedded as `data:`."""
        problem = svg.problem(file)
        if problem is None:
            return
        kind, detail = problem
        if kind == "unreadable":
            self.error(line, "image_unreadable", target, detail)
        else:
            self.error(line, "svg_active" if kind == "active" else "svg_external", target, detail)

    def nearby(self, image: bool) -> list[str]:
        """Files next to the contribution and in bilder/, as an author writes them (for "Meinten Sie …?")."""
        out = []
        for folder in (self.folder, self.folder / IMAGE_DIR):
            self.facts.consulted[str(folder)] = stat_signature(folder)  # a new file there changes the hint
            if folder.is_dir():
                out += [p.relative_to(self.folder).as_posix() for p in sorted(folder.iterdir()) if p.is_file()
                        and (p.suffix.lower() in IMAGE_SUFFIXES) == image and p != self.file]
        return out


def unclosed_fence(path: str, tok: Token, line: int, last_line: int) -> Diagnostic | None:
    """A Hinweis for a fence that is never closed: it runs to the end of the file (or of the block holding
    it) and takes in everything there. markdown-it gives a closed fence's content two lines fewer than its
    span (the fences), an unclosed one's one fewer."""
    lines = tok.content.splitlines()
    if tok.map is None or len(lines) != tok.map[1] - tok.map[0] - 1:
        return None
    at_end = line + len(lines) >= last_line
    while lines and not lines[-1].strip():
        lines.pop()  # blank lines before the end of the enclosing block are not worth naming
    m = re.match(r"^\{([^}]*)\}", tok.info.strip())
    name = m.group(1).strip() if m else ""
    if name:
        kind = (M.FENCE_ADMONITION if name in ADMONITIONS else M.FENCE_DIRECTIVE).format(name)
    else:
        kind = M.FENCE_CODE if tok.type == "fence" else M.FENCE_BLOCK
    reach = M.FENCE_TO_END if at_end else M.FENCE_TO_LINE.format(line + len(lines))
    if lines:
        reach += (M.FENCE_LINES if at_end else M.FENCE_LINES_INNER).format(
            M.plural_count(len(lines), "Zeile", "Zeilen"))
    heading = next((h.strip() for h in tok.content.splitlines() if _HEADING_RE.match(h)), "")
    return diag(path, line, "fence_unclosed", kind, line, reach, M.FENCE_HEADING.format(heading) if heading else "",
                hint=M.FENCE_HINT.format(tok.markup))


class BodyChecker:
    """The rules of a body (and of the Markdown it includes), token by token; the files it names go to `LocalFiles`."""

    def __init__(self, path: str, file: Path, docs: Path, offset: int) -> None:
        self.path = path  # as shown in messages
        self.file = file
        self.docs = docs.resolve()
        self.offset = offset  # line of the body's first line in the file (1-based)
        self.last_line = offset  # the file's last line (set by `check_body`)
        self.facts = BodyFacts()
        self.problems: list[Diagnostic] = []
        self.footnote_refs: dict[str, int] = {}  # label → first line
        self.footnote_defs: dict[str, int] = {}
        self.included: set[Path] = set()  # Markdown fragments already checked (an include loop ends here)
        self.files = LocalFiles(path, file, self.docs, self.facts, self.problems)

    def fragment(self, file: Path, target: str) -> None:
        """Included Markdown becomes part of the contribution: the same rules, reported at the fragment's lines."""
        if file in self.included:
            return
        self.included.add(file)
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.error(1, "encoding", "?", 0)
            return
        shown = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), target.split("#", 1)[0]))
        part = BodyChecker(shown, self.file, self.docs, 1)  # paths in it resolve as in the including file (MyST)
        part.footnote_refs, part.footnote_defs, part.included = self.footnote_refs, self.footnote_defs, self.included
        part.check(text, 1)
        self.problems += part.problems
        self.facts.images += part.facts.images
        self.facts.consulted.update(part.facts.consulted)
        self.facts.fragments += [(shown, part.facts), *part.facts.fragments]

    def error(self, line: int, code: str, *args: object) -> None:
        self.problems.append(diag(self.path, line, code, *args))

    # -- tokens --------------------------------------------------------------------
    def check(self, text: str, base: int) -> None:
        """Check `text` whose first line is file line `base`."""
        try:
            tokens = parser().parse(text)
        except (RecursionError, ValueError, IndexError) as exc:  # pathological nesting
            self.error(base, "cite_syntax", str(exc)[:60])
            return
        self.transitions(tokens, base)
        ended: int | None = None  # the line after the last paragraph (MyST's comment ends a paragraph)
        for i, tok in enumerate(tokens):
            line = base + (tok.map[0] if tok.map else 0)
            if tok.type == "paragraph_open" and tok.map:
                ended = tok.map[1]
            elif tok.type == "myst_line_comment" and tok.map and tok.map[0] == ended:
                self.error(line, "comment_in_paragraph", "%" + tok.content.split("\n")[0][:50])
            self.block(tok, line)
            if tok.type == "heading_open" and i + 1 < len(tokens) and not _reads(tokens[i + 1]):
                self.error(line, "heading_empty")  # an accessible PDF (PDF/UA) has no empty headings

    def transitions(self, tokens: list[Token], base: int) -> None:
        """docutils refuses a thematic break („---“) first in a section, after another one, or last."""
        blocks = [t for t in tokens if t.level == 0 and t.nesting >= 0 and t.type != "inline"]
        for i, tok in enumerate(blocks):
            if tok.type != "hr":
                continue
            before = blocks[i - 1].type if i else "start"
            if before in ("start", "heading_open", "hr") or i == len(blocks) - 1:
                self.error(base + (tok.map[0] if tok.map else 0), "transition")

    def block(self, tok: Token, line: int) -> None:
        if tok.type == "html_block":
            self.error(line, "html", tok.content.strip().splitlines()[0][:60] if tok.content.strip() else "<…>")
        elif tok.type == "footnote_reference_open":
            label = str(tok.meta.get("label", ""))
            if label in self.footnote_defs:
                self.error(line, "footnote_duplicate", label, self.footnote_defs[label])
            self.footnote_defs.setdefault(label, line)
        elif tok.type == "myst_target":
            self.label(tok.content.strip(), line)
        elif tok.type == "heading_open" and tok.tag == "h1":
            self.error(line, "heading_level")
        elif tok.type in ("fence", "colon_fence"):
            if (unclosed := unclosed_fence(self.path, tok, line, self.last_line)) is not None:
                self.problems.append(unclosed)
            self.directive(tok, line)
        elif tok.type == "inline":
            if is_todo(tok.content):
                self.error(line, "todo", tok.content.strip()[:40])
            for child in tok.children or []:
                self.inline(child, line, tok.content)

    def inline(self, tok: Token, line: int, source: str) -> None:
        if tok.type == "html_inline":
            self.error(line, "html", tok.content[:60])
        elif tok.type == "text":
            if m := _TEXT_LINK_RE.search(tok.content):
                self.error(line, "link_scheme", m.group(1).lower() + ":")
        elif tok.type == "image":
            src = str(tok.attrs.get("src", ""))
            if not tok.content.strip():
                self.error(line, "figure_alt", src)
            elif is_todo(tok.content):
                self.error(line, "todo", f"{src} (Alternativtext)")
            self.files.local_file(src, line, image=True)
        elif tok.type == "link_open":
            self.link(str(tok.attrs.get("href", "")), line, source)
        elif tok.type == "myst_role":
            self.role(str(tok.meta.get("name", "")), tok.content, line)
        elif tok.type == "footnote_ref":
            self.footnote_refs.setdefault(str(tok.meta.get("label", "")), line)

    def link(self, href: str, line: int, source: str = "") -> None:
        low = href.strip().lower()
        scheme = urls.scheme_of(low)
        if scheme is not None and scheme not in urls.SCHEMES:
            self.error(line, "link_scheme", scheme + ":")
            return
        if scheme is not None or low.startswith("//"):
            address = parser().normalizeLink(href.strip())  # what MyST hands to every output
            why = urls.problem(address) if scheme is not None else "relative"
            if why is not None:
                reason, hint = M.URL_PROBLEMS[why]
                self.problems.append(diag(self.path, line, "link_address", _as_written(address, source), reason,
                                          hint=hint))
            return
        if low.startswith("#") or not low:
            return  # in-page links
        target = href.partition("#")[0]
        rel = PurePosixPath(target)
        if rel.suffix != ".md":
            self.error(line, "xref", href)
            return
        resolved = resolve(self.file.parent / rel)
        if resolved is None or not resolved.is_relative_to(self.docs):
            self.error(line, "path_outside", href)
            return
        self.facts.doc_links.append((resolved.relative_to(self.docs).as_posix(), href, line))

    def role(self, name: str, content: str, line: int) -> None:
        if name in MATH:
            self.error(line, "math", f"{{{name}}}`{content}`")
        elif name not in ALLOWED_ROLES:
            self.error(line, "role", name)
        elif name.startswith("cite:"):
            parsed = parse_cite(content)
            if parsed is None:
                self.error(line, "cite_syntax", content)
            else:
                self.facts.cites += [(key, line) for _, key, _ in parsed]
        elif name in ("ref", "numref"):
            m = re.search(r"<([^<>]+)>\s*$", content)
            self.facts.refs.append(((m.group(1) if m else content).strip(), line))
        elif name == "doc":
            m = re.search(r"<([^<>]+)>\s*$", content)
            target = (m.group(1) if m else content).strip()
            self.link(target if target.endswith(".md") else target + ".md", line)

    def label(self, name: str, line: int) -> None:
        if name in self.facts.labels:
            self.error(line, "label_duplicate", name, f"{self.path}:{self.facts.labels[name]}")
        else:
            self.facts.labels[name] = line

    def directive(self, tok: Token, line: int) -> None:
        info = tok.info.strip()
        m = re.match(r"^\{([^}]*)\}\s*(.*)$", info)
        if not m:
            if tok.type == "colon_fence" and tok.content.strip():
                self.check(tok.content, line + 1)  # MyST parses a bare ::: block's content as Markdown
            return  # a plain ``` block is a code block: literal text, harmless
        name, argument = m.group(1).strip(), m.group(2).strip()
        options, body, body_offset = split_directive(tok.content)
        if name == "raw":
            self.error(line, "raw")
            return
        if name in MATH:
            formula = (body.strip() or argument).splitlines()
            self.error(line, "math", f"{{{name}}} {formula[0][:60]}" if formula else f"{{{name}}}")
            return
        if name not in ALLOWED_DIRECTIVES:
            self.error(line, "directive", name)
            return
        if "name" in options:
            self.label(options["name"], line)
        if argument and name not in FIGURES and name != "include":
            self.argument(argument, line)
        if name == "include":
            included = self.files.local_file(argument, line, image=False)
            if included is not None and included.suffix.lower() == ".md" and not {"literal", "code"} & set(options):
                self.fragment(included, argument)
            return
        if name in FIGURES:
            alt = options.get("alt", "").strip()
            if not alt:
                self.error(line, "figure_alt", argument)
            elif is_todo(alt):
                self.error(line, "todo", f"{argument} :alt:")
            self.files.local_file(argument, line, image=True)
        for key in ("target",):
            if key in options:
                self.link(options[key], line)
        if body.strip():
            self.check(body, line + 1 + body_offset)

    def argument(self, text: str, line: int) -> None:
        """A directive's argument that is set as text (an admonition's title, a table's caption, a rubric): checked
        as the inline Markdown it is, like a line of the body (its links, roles, footnote marks, citations)."""
        for tok in parser().parseInline(text):
            self.block(tok, line)


_DESTINATION_RE = re.compile(r"<([^<>\n]+)>|\]\(\s*<?([^\s<>()]+)")


def _as_written(address: str, source: str) -> str:
    """A link address as the author wrote it in `source` (markdown-it hands it on normalised: punycode, %-escapes)."""
    for m in _DESTINATION_RE.finditer(source):
        written = (m.group(1) or m.group(2)).strip()
        if parser().normalizeLink(written) == address:
            return written
    return parser().normalizeLinkText(address)


def check_body(path: str, file: Path, docs: Path, body: str, body_line: int) -> tuple[BodyFacts, list[Diagnostic]]:
    checker = BodyChecker(path, file, docs, body_line)
    checker.last_line = body_line + len(body.splitlines()) - 1
    if not body.strip():
        checker.error(body_line, "body_empty")
    else:
        # by the editor's lines (`splitlines` would also break at a vertical tab or a form feed); in the front
        # matter, YAML refuses them itself
        for n, line_text in enumerate(body.split("\n"), body_line):
            if found := CONTROL.search(line_text):
                checker.error(n, "control_char", f"U+{ord(found.group()):04X}")
        checker.check(body, body_line)
        for label, line in checker.footnote_refs.items():
            if label not in checker.footnote_defs:
                checker.error(line, "footnote_missing", label)
        for label, line in checker.footnote_defs.items():
            if label not in checker.footnote_refs:
                checker.error(line, "footnote_unused", label)
        names = {_name(label): line for label, line in checker.facts.labels.items()}
        for label, line in checker.footnote_defs.items():  # docutils: one name, one target
            if _name(label) in names:
                checker.error(line, "footnote_label", label, names[_name(label)])
    return checker.facts, checker.problems


def _reads(inline: Token) -> bool:
    """Whether an inline token has text of its own to read (not only footnote marks, say)."""
    if not inline.content.strip():
        return False
    return any(child.type != "footnote_ref" and (child.type != "text" or child.content.strip())
               for child in inline.children or [])


def _name(label: str) -> str:
    """A label or footnote name as docutils compares them (case and runs of space do not count)."""
    return " ".join(label.lower().split())
