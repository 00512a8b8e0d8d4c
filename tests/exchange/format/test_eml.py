"""The .eml draft parses back with ``email`` and carries the package byte-identical."""

from __future__ import annotations

import email
import email.policy

from cchc_desktop.exchange.format import build_eml_draft, build_package, verify_package
from tests.exchange.format.craft import DATA, DOCUMENT, EVIDENCE, FIELDS


def test_eml_draft_round_trip(tmp_path, key, lookup):
    package = tmp_path / "42-18103_report_2026_Q1_r2.cchc"
    manifest = build_package(FIELDS, DATA, DOCUMENT, EVIDENCE, key, package)
    draft = build_eml_draft(package, tmp_path / "gui-so-noi-vu.eml", manifest, to="sonoivu@hatinh.gov.vn")
    raw = draft.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "sonoivu@hatinh.gov.vn"
    assert message["Subject"] == "[CCHC] Báo cáo CCHC Quý I/2026 của xã Kỳ Phong (mã 42-18103) (lần gửi 2)"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Kính gửi: Sở Nội vụ tỉnh Hà Tĩnh." in body
    assert manifest.signature.key_fingerprint in body
    assert "TM. Ủy ban nhân dân Chủ tịch Nguyễn Văn A" in body
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    attachment = attachments[0]
    assert attachment.get_content_type() == "application/octet-stream"
    assert attachment.get_filename() == package.name
    assert attachment.get_content() == package.read_bytes()
    copy = tmp_path / "from-mail" / package.name
    copy.parent.mkdir()
    copy.write_bytes(attachment.get_content())
    assert verify_package(copy, lookup).data == DATA


def test_eml_draft_written_atomically(tmp_path, key):
    package = tmp_path / "a.cchc"
    manifest = build_package(FIELDS, DATA, None, [], key, package)
    build_eml_draft(package, tmp_path / "a.eml", manifest)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.cchc", "a.eml"]
    message = email.message_from_bytes((tmp_path / "a.eml").read_bytes(), policy=email.policy.default)
    assert message["To"] is None and message["X-Unsent"] == "1"
