"""What Sphinx, docutils and MyST say (in English) mapped to codes, and the pipeline's own failures."""

from __future__ import annotations

from .record import Message

ENGINE_CODES: tuple[Message, ...] = (
    Message("engine", "Diese Stelle lässt sich nicht verarbeiten ({} meldet: „{}“).",
            "Vereinfachen Sie die Stelle (z. B. Verschachtelung auflösen, Markdown statt Sonderzeichen); hilft das "
            "nicht, schicken Sie die Datei an die Redaktion."),
    Message("internal", "Die Pipeline selbst ist auf einen Fehler gestoßen ({}); die letzten guten Ausgaben bleiben "
            "erhalten.",
            "Führen Sie den Befehl noch einmal über nox aus (das richtet die Umgebung neu ein); hilft das nicht, "
            "geben Sie diese Meldung an die Entwicklung weiter."),
    # a MyST warning about its own configuration (`MYST_WARNINGS`), never the author's text
    Message("setup", "Das Handbuch ist für diese Stelle nicht eingerichtet (eine Einstellung von MyST).",
            "An Ihrem Text liegt es nicht: Geben Sie die Meldung an die Entwicklung weiter."),
)

# Engine messages (English, from Sphinx/docutils/MyST) → koop code; the first group is quoted in German.
ENGINE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"undefined label: '?([^']+?)'?$", "ref_unknown"),
    (r"Unknown directive type:? \"?([\w:.-]+)", "directive"),
    (r"Unknown interpreted text role:? \"?([\w:.-]+)", "role"),
    (r"[Ii]mage file not readable: (\S+)", "image_missing"),
    (r"(Inline \w+(?: \w+)? start-string without end-string\.)", "inline_markup"),
    (r"Directive '([\w:.-]+)': \d+ argument\(s\) required, 0 supplied", "directive_argument"),
    (r"Error in \"([\w:.-]+)\" directive", "directive_content"),
)
ENGINE_NAMES = {"": "Sphinx", "myst": "MyST", "docutils": "docutils", "koop": "koopstadt"}
# Every MyST warning type and the docutils/Sphinx messages MyST input triggers have a German code (the codes live
# with their subject: body, links, front matter). `AUTHOR_PATTERNS`, then `ENGINE_PATTERNS` are tried first, with
# the engine's words quoted; a MyST warning no pattern knows gets its type's code here (texts without arguments).
# tests/test_author_messages.py fails for a MyST warning type missing here.
MYST_WARNINGS: dict[str, str] = {
    "deprecated": "setup", "not_supported": "markup_unsupported", "render": "markup_unsupported",
    "topmatter": "frontmatter_unreadable", "duplicate_def": "link_definition_duplicate", "header": "heading_start",
    "directive_parse": "directive_unreadable", "directive_option": "directive_options",
    "directive_comments": "directive_option_comment", "directive_body": "directive_unreadable",
    "directive_unknown": "directive_unknown", "role_unknown": "role_unknown", "xref_ambiguous": "xref_ambiguous",
    "xref_missing": "xref_missing", "inv_retrieval": "link_inventory", "iref_missing": "link_inventory",
    "iref_ambiguous": "link_inventory", "domains": "setup", "linkify": "setup", "heading_slug": "setup",
    "strikethrough": "strikethrough", "html": "html_unreadable", "attribute": "attribute",
    "substitution": "substitution", "section_ref": "xref_missing",
}
AUTHOR_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"Non-consecutive header level increase; H(\d) to H(\d)", "heading_skip"),
    (r"cross-reference target not found: '([^']*)'", "xref"),
    (r"reference target not found: '([^']*)'", "xref"),
    (r"not found in this document: '([^']*)'", "xref"),
    (r"local id not found in doc '[^']*': '([^']*)'", "xref"),
    (r"`(\w+:)` scheme", "link_scheme"),
    (r"Duplicate reference definition", "link_definition_duplicate"),
    (r"'([\w:.-]+)': Unknown option key: '([^']+)'", "directive_option_unknown"),
    (r"Invalid option value for '([^']+)'", "directive_option_value"),
    (r"'([\w:.-]+)': Has content, but none permitted", "directive_no_content"),
    (r"Content block expected for the \"([\w:.-]+)\" directive; none found", "directive_empty"),
    (r"Too many autonumbered footnote references", "footnote_unmatched"),
    (r"'([\w:.-]+)': maximum \d+ argument\(s\) allowed", "directive_arguments"),
    (r"'([\w:.-]+)': Splitting content across first line and body", "directive_split"),
    (r"Directive options has # comments", "directive_option_comment"),
    (r"'([\w:.-]+)': Invalid options format", "directive_content"),
    (r"A title or caption not found: '([^']*)'", "ref_no_title"),
    (r"unknown document: '([^']*)'", "doc_unknown"),
)
