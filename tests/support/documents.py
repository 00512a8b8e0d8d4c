"""Helpers for reading rendered documents back: poppler text extraction and whitespace folding."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
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


_DOUBLED = re.compile(r"(?<!\w)((?:\w[\w%.,/-]*\s+){1,8}\w[\w%.,/-]*)\s+\1(?!\w)")


def doubled_phrases(text: str) -> list[str]:
    """Phrases said twice in a row ("đạt từ 40% trở lên đạt từ 40% trở lên", "khoảng 5.000 triệu đồng
    khoảng 5.000 triệu đồng"): three words or more, or two with a number. Ordinary Vietnamese repeats
    a word pair now and then ("thanh tra, kiểm tra, kiểm toán"), which is not counted."""
    found = (m.group(1) for m in _DOUBLED.finditer(squeeze(text)))
    return [p for p in found if len(p.split()) >= 3 or re.search(r"\d", p)]


def body_text(text: str) -> str:
    """A document's text before its first appendix (table cells repeat a column's words by design)."""
    lines = text.split("\n")
    end = next((i for i, line in enumerate(lines) if line.strip() == "Phụ lục I"), len(lines))
    return "\n".join(lines[:end])


def page_text_bottoms(path: Path) -> list[tuple[float, float]]:
    """(lowest text baseline, page height) per page, in points from the top, from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in re.findall(r"<page width=\"[\d.]+\" height=\"([\d.]+)\">(.*?)</page>", out, re.S):
        height, body = float(page[0]), page[1]
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', body)]
        pages.append((max(bottoms, default=0.0), height))
    return pages


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def pdf_words(path: Path) -> list[Word]:
    """Every word of a PDF with its box (points, from the page's top left), from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    words = []
    for number, page in enumerate(re.findall(r"<page [^>]*>(.*?)</page>", out, re.S), start=1):
        for x0, y0, x1, y1, text in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
        ):
            words.append(Word(number, float(x0), float(y0), float(x1), float(y1), html.unescape(text)))
    return words


def overlapping_words(words: list[Word], slack: float = 3.0) -> list[tuple[str, str]]:
    """Pairs of words printed over each other (text spilling from one cell into the row below); the
    boxes of words on consecutive lines may touch by a point or two, which is not counted."""
    found = []
    by_page: dict[int, list[Word]] = {}
    for word in words:
        by_page.setdefault(word.page, []).append(word)
    for page in by_page.values():
        page.sort(key=lambda w: w.y0)
        for i, a in enumerate(page):
            for b in page[i + 1 :]:
                if b.y0 >= a.y1 - slack:
                    break
                if min(a.x1, b.x1) - max(a.x0, b.x0) > slack:
                    found.append((a.text, b.text))
    return found
