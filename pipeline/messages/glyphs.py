"""Characters the fonts of the koopBLATT lack: one message per script and line (pipeline/glyphs.py)."""

from __future__ import annotations

from .record import Message

GLYPH_CODES: tuple[Message, ...] = (
    Message("glyph", "{} ({}) kann im koopBLATT nicht gesetzt werden: Keine der Schriften enthält {}.",
            "Ersetzen Sie das Zeichen oder umschreiben Sie es mit Worten."),
)

# the arguments of the glyph text, one message per script and line (pipeline/glyphs.py), with
# (subject, detail, object): „Das Zeichen „ქ“ (U+10E5 …) … es“ or „Text in georgischer Schrift (6 Zeichen: …) …“
GLYPH_ONE = ("Das Zeichen „{}“", "{}", "es")
GLYPH_MANY = ("{}", "{}: {}", "diese Zeichen")
GLYPH_ITEM = "„{}“ {}"
GLYPH_MANY_HINT = "Ersetzen Sie die Zeichen oder umschreiben Sie sie mit Worten (z. B. in lateinischer Umschrift)."
# ISO 15924 script code (fontTools) → German subject; others name the script as Unicode does
SCRIPT_NAMES = {
    "Arab": "Text in arabischer Schrift", "Armn": "Text in armenischer Schrift", "Beng": "Text in Bengali-Schrift",
    "Cher": "Text in Cherokee-Schrift", "Cyrl": "Text in kyrillischer Schrift", "Deva": "Text in Devanagari",
    "Egyp": "Text in ägyptischen Hieroglyphen", "Ethi": "Text in äthiopischer Schrift",
    "Geor": "Text in georgischer Schrift", "Grek": "Text in griechischer Schrift", "Gujr": "Text in Gujarati-Schrift",
    "Guru": "Text in Gurmukhi-Schrift", "Hang": "Text in koreanischer Schrift (Hangul)",
    "Hani": "Text in chinesischen Schriftzeichen", "Hebr": "Text in hebräischer Schrift",
    "Hira": "Text in Hiragana (japanisch)", "Kana": "Text in Katakana (japanisch)", "Khmr": "Text in Khmer-Schrift",
    "Knda": "Text in Kannada-Schrift", "Laoo": "Text in laotischer Schrift", "Latn": "Text in lateinischer Schrift",
    "Linb": "Text in Linear B", "Mlym": "Text in Malayalam-Schrift", "Mong": "Text in mongolischer Schrift",
    "Mymr": "Text in birmanischer Schrift", "Orya": "Text in Oriya-Schrift", "Sinh": "Text in singhalesischer Schrift",
    "Syrc": "Text in syrischer Schrift", "Taml": "Text in tamilischer Schrift", "Telu": "Text in Telugu-Schrift",
    "Thaa": "Text in Thaana-Schrift", "Thai": "Text in thailändischer Schrift", "Tibt": "Text in tibetischer Schrift",
    "Xsux": "Text in Keilschrift", "Yiii": "Text in Yi-Schrift", "Zyyy": "Text mit Symbolen",
}
SCRIPT_OTHER = "Text in der Schrift „{}“"
