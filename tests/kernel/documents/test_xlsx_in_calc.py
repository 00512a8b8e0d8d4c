"""The workbooks as LibreOffice Calc prints them (many state offices use it): opened and converted to
PDF headless, then read back. No text runs over the row below, the 12 pt text prints at 9 pt or more on
A4, each page is numbered in its footer, the margins are the documents', and text cells are marked as
text so that editing one never makes it a formula."""

from __future__ import annotations

import io
import os
import statistics
import subprocess
from pathlib import Path

import openpyxl
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cchc_desktop.kernel.documents import pdf_styles as S
from cchc_desktop.rendering import prepare
from cchc_desktop.workspace import Workspace
from tests.support.documents import overlapping_words, page_sizes, pdf_words
from tests.support.paths import RESOURCES

DOCUMENTS = {"plan": ("plan", None), "report": ("report", "H1"), "assessment": ("assessment", None)}


@pytest.fixture(scope="module")
def printed(render_ws_path, tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """(workbook, the PDF Calc printed from it) for the demo's plan, 6-month report and self-assessment."""
    out = tmp_path_factory.mktemp("calc")
    with Workspace.open(render_ws_path) as ws:
        books = {
            name: prepare(ws, kind, "xlsx", 2026, period).save(out / f"{name}.xlsx")
            for name, (kind, period) in DOCUMENTS.items()
        }
    profile = out / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
        ]
        + [str(p) for p in books.values()],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(out)},
    )
    return {name: (book, out / f"{name}.pdf") for name, book in books.items()}


def _printed_size(words) -> list[float]:
    """The size 12 pt text was printed at, word by word: its printed width over its width at 12 pt."""
    if "LiberationSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("LiberationSerif", str(RESOURCES / "fonts" / "LiberationSerif-Regular.ttf")))
    sizes = []
    for word in words:
        if len(word.text) >= 5:
            sizes.append((word.x1 - word.x0) / pdfmetrics.stringWidth(word.text, "LiberationSerif", 12) * 12)
    return sizes


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_no_text_runs_over_the_row_below(printed, name):
    words = pdf_words(printed[name][1])
    assert words and overlapping_words(words) == []
    assert not [w for w in words if "###" in w.text]  # a column too narrow for its date or number


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_an_a4_page_prints_the_text_at_nine_points_or_more(printed, name):
    pdf = printed[name][1]
    assert all(sorted((round(w), round(h))) == [595, 842] for w, h in page_sizes(pdf))  # A4
    sizes = _printed_size(pdf_words(pdf))
    assert statistics.median(sizes) >= 9.0 and min(sizes) >= 8.5, (statistics.median(sizes), min(sizes))


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_pages_are_numbered_and_keep_the_documents_margins(printed, name):
    pdf = printed[name][1]
    words = pdf_words(pdf)
    pages = max(w.page for w in words)
    footers = {w.page: w.text for w in words if w.text.count("/") == 1 and w.text.split("/")[-1] == str(pages)}
    assert sorted(footers) == list(range(1, pages + 1))
    left = min(w.x0 for w in words)
    assert left >= S.MARGIN_LEFT_MM * S.MM - 2


def test_the_plans_rows_are_all_printed(printed, render_ws_path):
    """The print area holds every row (cells wrap, so a task's words are checked, not its sentence)."""
    printed_words = {w.text for w in pdf_words(printed["plan"][1])}
    with Workspace.open(render_ws_path) as ws:
        tasks = ws.plans.aggregate(ws.plans.in_force(2026).id).tasks
    missing = [t.content for t in tasks if not set(t.content.split()) <= printed_words]
    assert missing == []


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_text_cells_are_marked_as_text(printed, name):
    book = openpyxl.load_workbook(io.BytesIO(printed[name][0].read_bytes()))
    sheet = book.worksheets[0]
    body = [c for row in sheet.iter_rows(min_row=6) for c in row if isinstance(c.value, str)]
    numbers = [c for row in sheet.iter_rows(min_row=6) for c in row if isinstance(c.value, (int, float))]
    assert body and all(c.quotePrefix for c in body)
    assert not any(c.quotePrefix for c in numbers)
