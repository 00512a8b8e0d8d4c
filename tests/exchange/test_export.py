"""Export at the commune: blocking problems, the outbox, revisions, secret evidence, email draft, PDF."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from cchc_desktop.exchange.format.errors import WrongPassphraseError
from cchc_desktop.kernel.errors import ValidationError
from tests.support.exchange import PASSPHRASE


def test_a_draft_plan_cannot_be_sent_and_the_reason_is_listed(ws, small_framework, outbox):
    ws.plans.create(2026, "framework", small_framework)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    problems = ws.exchange.export_problems("plan", 2026)
    assert [p.message for p in problems if p.blocking] == [
        "Kế hoạch năm 2026 chưa ban hành. Chỉ gửi được kế hoạch đã ban hành."
    ]
    with pytest.raises(ValidationError) as raised:
        ws.exchange.export("plan", 2026, None, outbox, PASSPHRASE)
    assert "còn 1 lỗi phải sửa trước" in str(raised.value)
    assert list(outbox.iterdir()) == [] and ws.exchange.outbox() == []


def test_without_a_key_nothing_is_sent(ws, small_framework, outbox):
    from tests.support.exchange import issue_plan

    issue_plan(ws, small_framework)
    assert [p.key for p in ws.exchange.export_problems("plan", 2026)] == ["exchange.export.no_key"]


def test_wrong_passphrase_writes_nothing(commune, outbox):
    with pytest.raises(WrongPassphraseError) as raised:
        commune.exchange.export("plan", 2026, None, outbox, "không phải mật khẩu")
    assert str(raised.value).startswith("Mật khẩu của khóa không đúng.")
    assert list(outbox.iterdir()) == [] and commune.exchange.outbox() == []


def test_each_export_is_the_next_revision_and_supersedes_the_last(commune, outbox):
    first = commune.exchange.export("plan", 2026, None, outbox, PASSPHRASE)
    second = commune.exchange.export("plan", 2026, None, outbox, PASSPHRASE, eml=True, to="snv@hatinh.gov.vn")
    assert (first.manifest.revision, second.manifest.revision) == (1, 2)
    assert second.manifest.supersedes == first.manifest.package_id
    assert [p.name for p in sorted(outbox.iterdir())] == [
        "42-18544_plan_2026_r1.cchc",
        "42-18544_plan_2026_r2.cchc",
        "42-18544_plan_2026_r2.eml",
    ]
    rows = commune.exchange.outbox()
    assert [(r["revision"], r["status"], r["file_name"], r["folder"]) for r in rows] == [
        (2, "exported", "42-18544_plan_2026_r2.cchc", str(outbox)),
        (1, "exported", "42-18544_plan_2026_r1.cchc", str(outbox)),
    ]
    import hashlib

    assert rows[0]["sha256"] == hashlib.sha256(second.path.read_bytes()).hexdigest()
    assert commune.exchange.acknowledge([first.manifest.package_id]) == 1
    assert commune.exchange.outbox()[1]["status"] == "acknowledged"


def test_secret_evidence_stays_home_and_is_counted(commune, outbox):
    agg = commune.plans.aggregate(commune.plans.in_force(2026).id)
    public = b"%PDF-1.4 bien ban " + bytes(range(200))
    secret = b"%PDF-1.4 tai lieu mat " + bytes(range(100))
    commune.evidence.attach("task", agg.tasks[0].id, data=public, name="Biên bản.pdf")
    commune.evidence.attach("task", agg.tasks[1].id, data=secret, name="Công văn mật.pdf", secret=True)
    result = commune.exchange.export("plan", 2026, None, outbox, PASSPHRASE)
    assert (result.evidence_count, result.withheld_secret) == (1, 1)
    assert "Không gửi kèm 1 tài liệu đánh dấu MẬT" in result.summary
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
        data = json.loads(archive.read("data.json"))
    assert sum(n.startswith("evidence/") for n in names) == 1
    assert data["withheld_secret"] == 1
    assert [(e["name"], e["refs"]) for e in data["evidence"]] == [("Biên bản.pdf", [f"task:{agg.tasks[0].uid}"])]
    assert "Công văn mật" not in json.dumps(data, ensure_ascii=False)


def _document_text(package: Path, tmp_path: Path) -> str:
    with zipfile.ZipFile(package) as archive:
        (tmp_path / "doc.pdf").write_bytes(archive.read("document.pdf"))
    return subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "doc.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_plan_document_is_the_rendered_official_pdf(commune, outbox, tmp_path):
    result = commune.exchange.export("plan", 2026, None, outbox, PASSPHRASE)
    text = _document_text(result.path, tmp_path)
    assert "KẾ HOẠCH" in text and "05/KH-UBND" in text


@pytest.mark.parametrize(
    ("kind", "period", "expected"),
    [
        ("plan", None, ["KẾ HOẠCH", "Cải cách hành chính năm 2026"]),
        ("report", "H1", ["BÁO CÁO", "6 tháng đầu năm 2026", "Kính gửi"]),
        ("assessment", None, ["BÁO CÁO", "tự đánh giá", "Chỉ số cải cách hành chính năm 2026"]),
    ],
)
def test_every_package_carries_its_official_document(demo_path, outbox, tmp_path, kind, period, expected):
    """Each kind of package ships the document.pdf the unit prints, drawn by the real renderer."""
    from cchc_desktop.workspace import Workspace

    ws = Workspace.open(demo_path)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    for problem in ws.exchange.export_problems(kind, 2026, period):
        if problem.blocking and problem.entity == "criterion_score":  # the demo's half-done self-assessment
            ws.edit("criterion_score", problem.row_id, "explanation", "Đã thực hiện, có văn bản lưu tại Văn phòng.")
    result = ws.exchange.export(kind, 2026, period, outbox, PASSPHRASE)
    ws.close()
    assert result.has_document
    text = " ".join(_document_text(result.path, tmp_path).split())
    missing = [phrase for phrase in expected if phrase.lower() not in text.lower()]
    assert missing == [], text[:600]


def test_report_must_be_submitted(demo_path, outbox):
    from cchc_desktop.workspace import Workspace

    ws = Workspace.open(demo_path)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    drafts = [r for r in ws.reports.reports(2026) if r.status == "draft"]
    period = ws.conn.execute("SELECT code FROM report_periods WHERE id = ?", [drafts[0].period_id]).fetchone()[0]
    messages = [p.message for p in ws.exchange.export_problems("report", 2026, period) if p.blocking]
    assert any("chưa nộp (chưa khóa)" in m for m in messages)
    assert [p.key for p in ws.exchange.export_problems("report", 2026, None)] == ["exchange.export.period_needed"]
    ws.close()


def test_a_receiver_file_does_not_export(receiver, outbox):
    assert [p.key for p in receiver.exchange.export_problems("plan", 2026)] == ["exchange.export.not_commune"]
