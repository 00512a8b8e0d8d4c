"""Evidence files in the workspace: dedup, limits, type checks, secret files, audit."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest

from cchc_desktop.demo.assessment import tiny_pdf, tiny_png
from cchc_desktop.evidence.model import EvidenceRefusedError
from cchc_desktop.kernel.errors import ValidationError
from tests.support.assessment import YEAR, line_of, score_id

SCORE = "criterion_score"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_same_bytes_twice_are_stored_once(assessed):
    ws = assessed
    pdf = tiny_pdf("Quyet dinh 12")
    first = ws.evidence.attach(SCORE, score_id(ws, "1.1.1"), data=pdf, name="Quyết định 12.pdf")
    second = ws.evidence.attach(SCORE, score_id(ws, "1.2"), data=pdf, name="QĐ 12 (bản chụp).pdf")
    assert first.sha256 == second.sha256 == hashlib.sha256(pdf).hexdigest()
    assert ws.evidence.blob_count() == 1
    assert ws.evidence.read(second.id) == pdf
    assert line_of(ws, "1.1.1").evidence_count == 1
    ws.evidence.remove(first.id)
    assert ws.evidence.blob_count() == 1 and ws.evidence.read(second.id) == pdf
    ws.evidence.remove(second.id)
    assert ws.evidence.blob_count() == 0


def test_attach_from_a_file_on_disk(assessed, tmp_path):
    ws = assessed
    path = tmp_path / "Ảnh niêm yết.png"
    path.write_bytes(tiny_png())
    item = ws.evidence.attach(SCORE, score_id(ws, "3.1.1"), path)
    assert (item.name, item.extension, item.mime, item.year) == ("Ảnh niêm yết.png", "png", "image/png", YEAR)
    listed = ws.evidence.for_year(YEAR)
    assert [(i.evidence.name, i.target) for i in listed] == [
        (
            "Ảnh niêm yết.png",
            "Tiêu chí: 3.1.1 Niêm yết, công khai đầy đủ, đúng quy định thủ tục hành chính tại Bộ phận Một cửa",
        )
    ]


def test_size_limit_is_a_workspace_setting(assessed, tmp_path):
    ws = assessed
    assert ws.evidence.max_bytes() == 20 * 1024 * 1024
    ws.evidence.set_max_mb("1")
    big = tmp_path / "Biên bản kiểm tra.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 600_000))
    with pytest.raises(EvidenceRefusedError) as info:
        ws.evidence.attach(SCORE, score_id(ws, "1.3.2"), big)
    assert str(info.value).startswith(
        "Không đính kèm được «Biên bản kiểm tra.pdf»: tệp nặng 1,6 MB, vượt giới hạn 1 MB"
    )
    with pytest.raises(ValidationError) as info:
        ws.evidence.set_max_mb("mười")
    assert "không hợp lệ" in str(info.value)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "cai-dat.exe",
            b"MZ\x90\x00",
            "chỉ nhận tệp PDF, ảnh JPG/PNG, Word (.doc, .docx), Excel (.xls, .xlsx) hoặc .odt",
        ),
        ("Báo cáo.pdf", _docx(), "tệp mang đuôi .pdf nhưng nội dung không phải tài liệu PDF"),
        ("Ảnh.jpg", tiny_png(), "nội dung không phải ảnh JPEG"),
        ("Kế hoạch.docx", b"PK\x03\x04 not really a zip", "nội dung không phải văn bản Word (.docx)"),
        ("Trống.pdf", b"", "tệp rỗng"),
    ],
)
def test_wrong_types_are_refused_with_the_file_named(assessed, name, data, message):
    ws = assessed
    with pytest.raises(EvidenceRefusedError) as info:
        ws.evidence.attach(SCORE, score_id(ws, "1.1.1"), data=data, name=name)
    assert f"«{name}»" in str(info.value) and message in str(info.value)
    assert ws.evidence.for_year(YEAR) == []


def test_real_office_and_image_files_are_accepted(assessed):
    ws = assessed
    sid = score_id(ws, "1.1.1")
    for name, data in (
        ("Kế hoạch.docx", _docx()),
        ("Ảnh.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 20),
        ("Bảng.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20),
    ):
        ws.evidence.attach(SCORE, sid, data=data, name=name)
    assert [e.extension for e in ws.evidence.for_row(SCORE, sid)] == ["docx", "jpg", "xls"]


def test_secret_files_never_leave_in_an_export(assessed):
    ws = assessed
    a, b = score_id(ws, "5.5.1"), score_id(ws, "1.1.1")
    secret_pdf, open_pdf, shared = tiny_pdf("mat"), tiny_pdf("cong khai"), tiny_pdf("dung chung")
    ws.evidence.attach(SCORE, a, data=secret_pdf, name="Báo cáo mật.pdf", secret=True)
    ws.evidence.attach(SCORE, b, data=open_pdf, name="Kế hoạch.pdf")
    kept = ws.evidence.attach(SCORE, a, data=shared, name="Dùng chung.pdf")
    flagged = ws.evidence.attach(SCORE, b, data=shared, name="Dùng chung (mật).pdf")
    ws.evidence.set_secret(flagged.id, True)
    export = ws.evidence.for_export([(SCORE, a), (SCORE, b)])
    assert [f.name for f in export.files] == ["Kế hoạch.pdf"]
    assert export.files[0].data == open_pdf and export.files[0].sha256 == hashlib.sha256(open_pdf).hexdigest()
    assert export.files[0].mime == "application/pdf" and export.files[0].attached_to == ((SCORE, b),)
    assert export.withheld_secret == 3 and "Báo cáo mật.pdf" in export.withheld_names
    ws.evidence.set_secret(flagged.id, False)
    names = sorted(f.name for f in ws.evidence.for_export([(SCORE, a), (SCORE, b)]).files)
    assert names == [kept.name, "Kế hoạch.pdf"]


def test_attach_remove_and_secret_are_audited(assessed):
    ws = assessed
    item = ws.evidence.attach(SCORE, score_id(ws, "1.1.1"), data=tiny_pdf("x"), name="Kế hoạch.pdf")
    ws.evidence.set_secret(item.id, True)
    ws.evidence.remove(item.id)
    entries = ws.audit.page()[:3]
    assert [(e.action_text, e.field_text, e.old_text, e.new_text) for e in entries] == [
        ("Gỡ tệp", "", "Tiêu chí: 1.1.1 Ban hành kế hoạch CCHC năm kịp thời", ""),
        ("Sửa", "Mật", "Không", "Có"),
        ("Đính kèm", "", "", "Tiêu chí: 1.1.1 Ban hành kế hoạch CCHC năm kịp thời"),
    ]
    assert all(e.object_text == "Tài liệu kiểm chứng: Kế hoạch.pdf" and e.actor == "Lê Thị Mai" for e in entries)


def test_evidence_on_plan_tasks_is_listed_under_the_plan_year(ws, small_framework):
    plan = ws.plans.create(2026, "framework", small_framework)
    task = ws.plans.aggregate(plan.id).tasks[0]
    ws.evidence.attach("task", task.id, data=tiny_png(), name="Ảnh hội nghị.png")
    assert [i.target.split(":")[0] for i in ws.evidence.for_year(2026)] == ["Nhiệm vụ"]
    assert ("task", task.id) in {(entity, row_id) for entity, row_id, _ in ws.evidence.targets(2026)}
    with pytest.raises(ValidationError) as info:
        ws.evidence.attach("khong_co", 1, data=tiny_png(), name="a.png")
    assert "khong_co" in str(info.value)
