"""Fonts for documents: Times New Roman when the machine has it, else bundled Liberation Serif.

Liberation Serif is metrically compatible with Times New Roman, so line breaks and page
counts match documents laid out for the font Decree 30/2020 names.
"""

from __future__ import annotations

import os
from pathlib import Path

from cchc_desktop.kernel.paths import resource_path

FAMILY = "DocSerif"
_STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
_TIMES_FILES = {"Regular": "times.ttf", "Bold": "timesbd.ttf", "Italic": "timesi.ttf", "BoldItalic": "timesbi.ttf"}
_registered: str | None = None


def _windows_times() -> dict[str, Path] | None:
    root = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    files = {style: root / name for style, name in _TIMES_FILES.items()}
    return files if all(p.is_file() for p in files.values()) else None


def _bundled() -> dict[str, Path]:
    return {style: resource_path("fonts", f"LiberationSerif-{style}.ttf") for style in _STYLES}


def font_files(prefer_system: bool = True) -> dict[str, Path]:
    """The four TTF files used for documents."""
    if prefer_system and os.name == "nt":
        system = _windows_times()
        if system:
            return system
    return _bundled()


def register_fonts() -> str:
    """Register the document font family with ReportLab once; return its family name."""
    global _registered
    if _registered:
        return _registered
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = font_files()
    for style, path in files.items():
        pdfmetrics.registerFont(TTFont(f"{FAMILY}-{style}", str(path)))
    addMapping(FAMILY, 0, 0, f"{FAMILY}-Regular")
    addMapping(FAMILY, 1, 0, f"{FAMILY}-Bold")
    addMapping(FAMILY, 0, 1, f"{FAMILY}-Italic")
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldItalic")
    _registered = FAMILY
    return FAMILY
