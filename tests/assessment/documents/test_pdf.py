"""The self-assessment report built from the demo workspace, read back with poppler: title,
totals, per-area table, giải trình of every criterion without evidence, the full score table."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from cchc_desktop.assessment.documents.data import AssessmentData
from cchc_desktop.assessment.documents.document import build_assessment_document
from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.kernel.documents.wording import strip_end
from cchc_desktop.kernel.i18n import format_number
from cchc_desktop.rendering import read_assessment
from cchc_desktop.workspace import Workspace
from tests.support.documents import no_space, page_sizes, pdffonts, pdftotext, squeeze
from tests.support.rendered import OVERRIDE_REASON, explained_leaves, without_page_numbers

A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def pdf(rendered):
    return rendered["assessment_pdf"]


@pytest.fixture(scope="module")
def raw(pdf) -> str:
    return no_space(without_page_numbers(pdftotext(pdf, "-raw")))


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    return pdftotext(pdf, "-raw").split("\f")


def test_formalities_and_illustrative_mark(pdf, raw, assessment_data):
    text = squeeze(pdftotext(pdf, "-layout"))
    assert assessment_data.illustrative
    for line in (
        "ỦY BAN NHÂN DÂN",
        "XÃ KỲ PHONG",
        "/BC-UBND",
        "BÁO CÁO",
        "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026",
        "(bộ tiêu chí minh họa)",
        "Kính gửi: Sở Nội vụ tỉnh Hà Tĩnh.",
    ):
        assert line in text, line
    for heading in (
        "I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
        "II. GIẢI TRÌNH CÁC TIÊU CHÍ",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "Phụ lục",
        "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
    ):
        assert no_space(heading) in raw, heading


def test_totals_and_every_area(raw, assessment_data):
    totals = assessment_data.view.totals
    assert totals.self_score > 0
    expected = (
        f"1. Tổng điểm tự đánh giá Đạt {format_number(totals.total)} điểm, gồm: điểm tự chấm "
        f"{format_number(totals.self_score)}/{format_number(totals.self_max)} điểm"
    )
    assert no_space(expected) in raw
    assert raw.count(no_space("Tổng điểm tự đánh giá")) == 1  # the heading, not said again under it
    assert no_space(f"Số tiêu chí đã chấm điểm: {totals.scored}/{totals.scorable}") in raw
    for root, _ in assessment_data.view.area_totals():
        assert no_space(root.criterion.name) in raw


def test_every_criterion_without_evidence_is_explained(raw, render_ws_path):
    with Workspace.open(render_ws_path) as ws:
        leaves = explained_leaves(ws)
    assert leaves
    body = raw[: raw.index("Nơinhận:")]
    for line in leaves:
        claim = f"Tiêu chí {line.criterion.code} «{line.criterion.name}»"
        explanation = strip_end(line.score.explanation) or "chưa có giải trình"
        assert (
            no_space(
                f"{claim} (tự chấm {format_number(line.self_score)}/"
                f"{format_number(line.criterion.max_points)} điểm): {explanation}."
            )
            in body
        )


def test_score_table_lists_every_criterion_with_evidence_names(pages, assessment_data):
    start = next(i for i, page in enumerate(pages) if "BẢNG TỰ ĐÁNH GIÁ" in page)
    appendix = no_space(without_page_numbers("\n".join(pages[start:])))
    for line in assessment_data.view.lines:
        assert no_space(line.criterion.code + line.criterion.name) in appendix, line.criterion.code
    for names in assessment_data.evidence_names.values():
        for name in names:
            assert no_space(name) in appendix
    assert "01tệp:" in appendix


def test_signature_end_mark_fonts_and_landscape_appendix(pdf, raw, pages):
    assert raw.index("./.") < raw.index("Nơinhận:")
    for line in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "- Như trên;", "- Lưu: VT, VP."):
        assert no_space(line) in raw
    assert all(font["emb"] for font in pdffonts(pdf))
    sizes = page_sizes(pdf)
    start = next(i for i, page in enumerate(pages) if "BẢNG TỰ ĐÁNH GIÁ" in page)
    assert all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in sizes[:start])
    assert all(abs(w - A4[1]) < 1 and abs(h - A4[0]) < 1 for w, h in sizes[start:])


def test_score_differing_from_the_proposal_is_explained(render_ws_path, tmp_path):
    path = tmp_path / "override.sqlite"
    shutil.copy(render_ws_path, path)
    with Workspace.open(path) as ws:
        line = next(line for line in ws.assessment.view(2026).lines if line.criterion.indicator_code == "CX-01")
        ws.edit("criterion_score", line.score.id, "self_score", line.criterion.max_points)
        ws.edit("criterion_score", line.score.id, "override_reason", OVERRIDE_REASON)
        data = dataclasses.replace(read_assessment(ws, 2026), view=ws.assessment.view(2026, {"CX-01": 0.0}))
    output = tmp_path / "override.pdf"
    output.write_bytes(render_pdf(build_assessment_document(data)))
    raw = no_space(pdftotext(output, "-raw"))
    assert no_space("Các tiêu chí chấm khác điểm đề xuất theo số liệu chỉ tiêu (01 tiêu chí):") in raw
    assert no_space(f"Tiêu chí {line.criterion.code} «{line.criterion.name}»") in raw
    assert no_space(f"điểm đề xuất 0: {OVERRIDE_REASON}.") in raw


def test_official_catalogue_prints_no_illustrative_mark(assessment_data, tmp_path):
    catalogue = dataclasses.replace(
        assessment_data.view.catalogue,
        illustrative=False,
        decision="Quyết định số 1234/QĐ-UBND ngày 08/9/2025 của UBND tỉnh",
    )
    view = dataclasses.replace(assessment_data.view, catalogue=catalogue)
    data = AssessmentData(assessment_data.profile, view, assessment_data.evidence_names)
    path = tmp_path / "official.pdf"
    path.write_bytes(render_pdf(build_assessment_document(data)))
    text = squeeze(pdftotext(path, "-layout"))
    assert "minh họa" not in text
    assert "Thực hiện Quyết định số 1234/QĐ-UBND ngày 08/9/2025 của UBND tỉnh, Ủy ban nhân dân xã Kỳ Phong" in text


def test_secret_files_are_counted_not_named(render_ws_path, tmp_path):
    path = tmp_path / "secret.sqlite"
    shutil.copy(render_ws_path, path)
    with Workspace.open(path) as ws:
        line = next(line for line in ws.assessment.view(2026).lines if line.evidence_count)
        item = ws.evidence.for_row("criterion_score", line.score.id)[0]
        ws.evidence.set_secret(item.id, True)
        names = read_assessment(ws, 2026).evidence_names[line.score.id]
    assert "(tài liệu mật)" in names and item.name not in names
