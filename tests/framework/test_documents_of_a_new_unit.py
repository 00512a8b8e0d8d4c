"""A new unit's documents carry nothing of the units the default framework was drawn from.

The framework was written from the plans of huyện Hương Sơn, Văn Quan, Đức Thọ and the provinces of
Hà Tĩnh, Lạng Sơn and Tuyên Quang (the seeds). Where a default came from is the app's business: a
fictional commune of another province, whose plan, reports and self-assessment are all built from the
defaults, prints none of those names and none of the framework's internal codes, in PDF or Excel.
"""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from cchc_desktop.kernel import divisions
from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.kernel.text import fold
from cchc_desktop.plans.documents.document import build_plan_document
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.rendering import prepare, read_plan
from cchc_desktop.workspace import Workspace
from tests.support.documents import pdftotext, squeeze

YEAR = 2026
#: Every local unit the seed documents name (provinces, districts, communes).
SEED_UNITS = (
    "Hà Tĩnh",
    "Lạng Sơn",
    "Tuyên Quang",
    "Hương Sơn",
    "Văn Quan",
    "Đức Thọ",
    "Kỳ Anh",
    "Nghi Xuân",
    "Sở KH&ĐT",
    "Sở Kế hoạch và Đầu tư",
)
#: The framework's own references to the seeds ("HS-06b", "VQ-12", "DT-L9", "PL04 VIII.3", "TQ-A3").
INTERNAL_CODES = re.compile(r"\b(?:HS|VQ|DT|TQ)-[A-Z0-9]|\bPL04\b|\b\d{3}:\d+\b")

NEW_UNIT = UnitProfile(
    unit_type="xa",
    name="Ia Mơ Thượng",
    province_code="52",
    commune_code="99002",
    place_name="Ia Mơ Thượng",
    receiver_name="Sở Nội vụ tỉnh Gia Lai",
    receiver_salutation="Sở Nội vụ tỉnh Gia Lai",
    chairman_name="Rơ Châm Hoa",
    focal_name="Nguyễn Thị Thu",
    focal_title="Công chức Văn phòng - Thống kê",
)


def _xlsx_text(data: bytes) -> str:
    workbook = load_workbook(io.BytesIO(data))
    return "\n".join(
        str(cell) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for cell in row if cell
    )


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, str]:
    """Every document of the new unit, as text: plan (Kế hoạch and Quyết định), each period report,
    the self-assessment, in PDF and Excel."""
    folder = tmp_path_factory.mktemp("new-unit")
    texts: dict[str, str] = {}
    with Workspace.open(folder / "unit.sqlite", create=True) as ws:
        ws.profile.save(NEW_UNIT)
        plan = ws.plans.create(YEAR, "framework")
        unfilled = [p.row_id for p in ws.plans.problems(plan.id) if p.key == "problem.basis.incomplete"]
        ws.delete("plan_basis", unfilled)  # the provincial plan's number and date are not known here
        ws.edit("plan", plan.id, "doc_number", 4)
        ws.edit("plan", plan.id, "issue_date", "12/01/2026")
        ws.plans.issue(plan.id)
        ws.reports.create_calendar(YEAR)
        codes = [period.code for period in ws.reports.calendar(YEAR)]
        for code in codes:
            ws.reports.create(YEAR, code)
        ws.assessment.start(YEAR)
        jobs = [("plan", None), *(("report", code) for code in codes), ("assessment", None)]
        for kind, period in jobs:
            for fmt in ("pdf", "xlsx"):
                name = f"{kind}-{period or ''}.{fmt}"
                path = prepare(ws, kind, fmt, YEAR, period).save(folder / name)
                texts[name] = pdftotext(path, "-raw") if fmt == "pdf" else _xlsx_text(path.read_bytes())
        profile, agg = read_plan(ws, YEAR)
    decision = folder / "plan-decision.pdf"
    decision.write_bytes(render_pdf(build_plan_document(profile, agg, as_decision=True)))
    texts["plan-decision.pdf"] = pdftotext(decision, "-raw")
    return texts


def test_the_unit_is_fictional():
    assert divisions.commune(NEW_UNIT.commune_code) is None and not divisions.search(NEW_UNIT.name)


def test_every_document_was_rendered(documents):
    assert len(documents) == 2 + 2 * 4 + 2 + 1
    missing = [name for name, text in documents.items() if "ia mo thuong" not in fold(squeeze(text))]
    assert missing == []


@pytest.mark.parametrize("unit", SEED_UNITS)
def test_no_seed_unit_is_named(documents, unit):
    named = [name for name, text in documents.items() if unit in squeeze(text)]
    assert named == []


def test_no_internal_code_of_the_framework_is_printed(documents):
    found = {name: INTERNAL_CODES.findall(text) for name, text in documents.items()}
    assert {name: codes for name, codes in found.items() if codes} == {}
