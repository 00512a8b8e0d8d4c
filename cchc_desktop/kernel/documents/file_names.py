"""Default file names for printed documents: plain ASCII, readable, safe on every system.

"KH-CCHC-2026-xa-Ky-Phong.pdf", "BC-CCHC-Q1-2026-xa-Ky-Phong.xlsx", "TDG-CCHC-2026-xa-Ky-Phong.pdf".
Diacritics are dropped (đ → d) but case is kept, so the name still reads like the unit's.
"""

from __future__ import annotations

import re
import unicodedata

from cchc_desktop.kernel.text import nfc

_NOT_SAFE = re.compile(r"[^A-Za-z0-9]+")
MAX_STEM = 80


def ascii_slug(text: str) -> str:
    """ "xã Kỳ Phong" → "xa-Ky-Phong"; "Quý I/2026" → "Quy-I-2026"."""
    decomposed = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_SAFE.sub("-", plain).strip("-")


def document_file_name(parts: list[str], extension: str) -> str:
    """Join the slugs of ``parts`` with "-" and add ``extension`` ("pdf", "xlsx")."""
    stem = "-".join(slug for slug in (ascii_slug(p) for p in parts) if slug)[:MAX_STEM].strip("-")
    return f"{stem or 'van-ban'}.{extension}"
