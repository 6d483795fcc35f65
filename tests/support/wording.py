"""How the German of a message reads: numerus after a count, no placeholder left unfilled."""

from __future__ import annotations

import re

from pipeline import messages as M

VARYING = {form.split()[-1]: (one, many) for one, many in M.NOUNS.values() if one != many for form in (one, many)}
ADJECTIVES = {form.split()[0] for pair in M.NOUNS.values() for form in pair if " " in form}
NUMBER = re.compile(r"(?<![\w,.])(\d+|einem|einer|eine|ein)(?=\s+(\w+)(?:\s+(\w+))?)")
LEFTOVER = re.compile(r"<[a-zäöüß_-]+>|\{\d*\}|%\(\w+\)[rsd]|%[rsd]\b")
QUOTED = re.compile(r"„[^“]*“")  # what the author wrote, or an example of it, is quoted and may hold anything


def numerus_faults(text: str) -> list[str]:
    """Every „<n> <noun>“ in `text` whose noun has the wrong numerus („1 Hinweise“, „2 Hinweis“)."""
    faults = []
    for m in NUMBER.finditer(text):
        number, words = m.group(1), [w for w in m.group(2, 3) if w]
        words = words if words[0] in ADJECTIVES else words[:1]  # „2 freigegebenen Beiträgen“, not „1 in Ausgaben“
        single = number in ("1", "einem", "einer", "eine", "ein")
        for word in words:
            if word in VARYING:
                one, many = VARYING[word]
                if (word == many.split()[-1] and single) or (word == one.split()[-1] and not single):
                    faults.append(f"{number} {' '.join(words[:words.index(word) + 1])}")
                break
    return faults
