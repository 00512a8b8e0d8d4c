"""Text helpers: NFC normalisation and diacritic-insensitive folding for search."""

from __future__ import annotations

import unicodedata


def nfc(value: str | None) -> str:
    """Return ``value`` in Unicode NFC form; ``None`` becomes an empty string."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value))


def clean(value: str | None) -> str:
    """NFC-normalise, unify line endings and strip surrounding whitespace."""
    text = nfc(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def fold(value: str | None) -> str:
    """Fold text for searching: lower case, no tone marks, đ→d ("Đức" → "duc")."""
    text = nfc(value).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def matches(query: str, *haystacks: str | None) -> bool:
    """True when every word of ``query`` occurs (folded) in one of the haystacks."""
    words = fold(query).split()
    if not words:
        return True
    joined = " ".join(fold(h) for h in haystacks)
    return all(word in joined for word in words)


#: Categories never shown as they are: controls (the terminal's escape and bell), format characters
#: (the right-to-left override, zero-width marks), surrogates, private use, unassigned, line separators.
_HIDDEN_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def _visible(ch: str, keep: str) -> str:
    if ch in keep or unicodedata.category(ch) not in _HIDDEN_CATEGORIES:
        return ch
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(value: str | None, keep: str = "") -> str:
    """``value`` safe to print or show: each control or invisible format character becomes its visible
    escape (ESC → ``\\x1b``, the right-to-left override → ``\\u202e``), so text from outside (a package, a
    file name) can neither drive the terminal nor disguise itself. ``keep`` lists characters left as
    they are (``"\\n"`` for multi-line text)."""
    text = "" if value is None else str(value)
    if text.isprintable() and not keep:
        return text
    return "".join(_visible(ch, keep) for ch in text)
