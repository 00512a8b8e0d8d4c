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
