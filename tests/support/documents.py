"""Helpers for reading rendered documents back: poppler text extraction and whitespace folding."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """Collapse all whitespace (layout output spreads words and columns)."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def no_space(text: str) -> str:
    """Remove all whitespace (table cells wrap words across lines)."""
    return re.sub(r"\s+", "", text.replace("\u00a0", ""))


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page, from pdfinfo."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(path)], check=True, capture_output=True, text=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    return [(float(w), float(h)) for w, h in sizes]


def pdffonts(path: Path) -> list[dict]:
    """Rows of pdffonts: name, type, emb (bool)."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 7:
            rows.append({"name": parts[0], "emb": parts[-5] == "yes"})
    return rows
