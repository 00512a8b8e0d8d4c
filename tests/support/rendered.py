"""Data for the report and self-assessment document tests, built the way a user enters it.

The demo workspace carries the Quý I and 6 tháng reports. When it holds no self-assessment
yet, ``partly_scored_assessment`` starts one and scores part of it: some criteria with
evidence, some explained without evidence, one scored differently from its proposal.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cchc_desktop.rendering import prepare, read_assessment, read_report
from cchc_desktop.workspace import Workspace

YEAR = 2026
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXPLAINED = "Kế hoạch ban hành ngày 08/01/2026; bản giấy lưu tại Văn phòng, chưa số hóa"
OVERRIDE_REASON = "Các nhiệm vụ còn lại hoàn thành trong tháng 12, số liệu quý IV chưa tổng hợp"


def partly_scored_assessment(ws: Workspace, year: int = YEAR) -> None:
    """Leave the year's assessment partly done (only when the demo has not done so already)."""
    if ws.assessment.get(year) is not None:
        return
    ws.assessment.start(year)
    leaves = [
        line
        for line in ws.assessment.view(year).lines
        if line.is_leaf and line.criterion.method == "self" and line.score is not None
    ]
    for index, line in enumerate(leaves[:12]):
        score_id = line.score.id
        ws.edit("criterion_score", score_id, "self_score", line.criterion.max_points)
        if index % 3 == 0:
            ws.edit("criterion_score", score_id, "explanation", EXPLAINED)
        else:
            ws.evidence.attach("criterion_score", score_id, data=PDF_BYTES, name=f"Tài liệu {line.criterion.code}.pdf")


def without_page_numbers(text: str) -> str:
    """Raw text without the page numbers (lines holding only digits), which may fall mid-sentence."""
    return "\n".join(line for line in text.replace("\f", "\n").split("\n") if not line.strip().isdigit())


def explained_leaves(ws: Workspace, year: int = YEAR) -> list:
    """Scored leaves without evidence: the self-assessment must explain each of them."""
    return [
        line
        for line in ws.assessment.view(year).lines
        if line.is_leaf and line.criterion.scored_by_unit and line.evidence_count == 0 and line.self_score is not None
    ]


# Fixtures (imported by the report, assessment and command-line tests) ###
#
# A fixture imported into several test modules is set up once per module; the values are
# kept here so the demo copy is made, and its documents rendered, once per test session.

_MADE: dict[str, object] = {}


def _once(key: str, make):
    if key not in _MADE:
        _MADE[key] = make()
    return _MADE[key]


@pytest.fixture(scope="session")
def render_ws_path(demo_template, tmp_path_factory) -> Path:
    """A copy of the demo with its reports and a partly done self-assessment."""

    def make() -> Path:
        path = tmp_path_factory.mktemp("render") / "demo.sqlite"
        shutil.copy(demo_template, path)
        with Workspace.open(path) as ws:
            partly_scored_assessment(ws)
        return path

    return _once("ws", make)


RENDERED = {
    "report_q1_pdf": ("report", "pdf", "Q1"),
    "report_h1_pdf": ("report", "pdf", "H1"),
    "report_h1_xlsx": ("report", "xlsx", "H1"),
    "assessment_pdf": ("assessment", "pdf", None),
    "assessment_xlsx": ("assessment", "xlsx", None),
}


@pytest.fixture(scope="session")
def rendered(render_ws_path, tmp_path_factory) -> dict[str, Path]:
    """The demo's documents written to files, once per test session."""

    def make() -> dict[str, Path]:
        out = tmp_path_factory.mktemp("rendered")
        with Workspace.open(render_ws_path) as ws:
            return {
                key: prepare(ws, kind, fmt, YEAR, period).save(out / f"{key}.{fmt}")
                for key, (kind, fmt, period) in RENDERED.items()
            }

    return _once("rendered", make)


@pytest.fixture(scope="session")
def h1_data(render_ws_path):
    def make():
        with Workspace.open(render_ws_path) as ws:
            return read_report(ws, YEAR, "H1")

    return _once("h1", make)


@pytest.fixture(scope="session")
def assessment_data(render_ws_path):
    def make():
        with Workspace.open(render_ws_path) as ws:
            return read_assessment(ws, YEAR)

    return _once("assessment", make)
