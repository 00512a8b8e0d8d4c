"""Chữ mà văn bản in không vẽ được: characters the document font cannot draw, found when they are typed.

The documents use Times New Roman (or its metric twin Liberation Serif). Neither has emoji, and the PDF
renderer lays text out left to right without shaping, so Arabic or Hebrew would come out as separate
letters in the wrong order. Such characters are not dropped silently: the plan and report checks warn
about them, naming the field (``text_problems``), and a PDF prints each as a visible "□". Control and
invisible format characters (the right-to-left override, zero-width marks) are never drawn; the checks
name them too, by their code.

Vietnamese text never needs the font file: the letters, digits and punctuation a Vietnamese document uses
are known to be in both fonts, so the font (and ReportLab) is read only for text with other characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

from cchc_desktop.kernel.fields import field_specs
from cchc_desktop.kernel.problems import Problem, warning

#: What the fonts are known to draw: Basic Latin, Latin-1, Latin Extended-A, ơ ư, Vietnamese letters
#: with their tone marks, and the usual typographic punctuation.
_KNOWN = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x180), 0x1A0, 0x1A1, 0x1AF, 0x1B0, *range(0x1EA0, 0x1EFA)]
    + [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AB, 0x2030, 0x2116]
)
#: Never drawn: controls, format characters (bidi overrides, zero-width), surrogates, private use,
#: unassigned, line and paragraph separators.
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
#: Scripts written right to left: the renderer cannot order or join them.
_RIGHT_TO_LEFT = frozenset(("R", "AL"))
_KEPT_CONTROLS = "\n\t\r"
PLACEHOLDER = "□"


@cache
def _font_chars() -> frozenset[int]:
    """The characters every style of the document font has a glyph for."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from cchc_desktop.kernel.documents.fonts import font_files

    maps = [set(TTFontFile(str(path)).charToGlyph) for path in font_files().values()]
    return frozenset(set.intersection(*maps))


def hidden(ch: str) -> bool:
    """A control or invisible format character: never drawn."""
    return ch not in _KEPT_CONTROLS and unicodedata.category(ch) in _HIDDEN


def drawable(ch: str) -> bool:
    """Whether the document font draws ``ch`` as it should (whitespace counts as drawable)."""
    code = ord(ch)
    if code in _KNOWN or ch in _KEPT_CONTROLS or ch.isspace():
        return True
    if hidden(ch) or unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT:
        return False
    return code in _font_chars()


def undrawable(text: str | None) -> list[str]:
    """The distinct characters of ``text`` the documents cannot print as typed, in order of appearance."""
    if not text or all(ord(ch) in _KNOWN for ch in text):
        return []
    return list(dict.fromkeys(ch for ch in text if not drawable(ch)))


def printed(text: str) -> str:
    """``text`` as a PDF draws it: hidden characters left out, others the font lacks shown as "□"."""
    if all(ord(ch) in _KNOWN or ch in _KEPT_CONTROLS for ch in text):
        return text
    return "".join("" if hidden(ch) else ch if drawable(ch) else PLACEHOLDER for ch in text)


def describe(chars: list[str], limit: int = 6) -> str:
    """ "😀 (U+1F600), U+202E": visible characters with their code, invisible ones by their code only."""
    shown = [f"U+{ord(ch):04X}" if hidden(ch) else f"{ch} (U+{ord(ch):04X})" for ch in chars[:limit]]
    return ", ".join(shown) + (", …" if len(chars) > limit else "")


def text_problems(texts: Iterable[tuple[str, str | None, str, int | None, str]]) -> list[Problem]:
    """A warning for each text with characters the documents cannot print; ``texts`` yields
    (label of the field, text, entity, row id, field name)."""
    found = []
    for label, text, entity, row_id, field in texts:
        chars = undrawable(text)
        if chars:
            found.append(warning("problem.glyphs", entity, row_id, field, label=label, chars=describe(chars)))
    return found


def editable_texts(rows: Iterable[tuple[str, object]]) -> Iterable[tuple[str, str | None, str, int | None, str]]:
    """Every editable text field of the records ``rows`` ((entity, record) pairs), as ``text_problems`` reads
    them: the field's Vietnamese label, its value, the entity, the row id and the field name."""
    for entity, record in rows:
        for name, spec in field_specs(type(record)).items():
            if spec.kind == "text":
                yield spec.label, getattr(record, name), entity, getattr(record, "id", None), name
