"""Signing the issued plan: two PAdES signatures, kept in the file, carried by the package."""

from __future__ import annotations

import pytest

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.signing.model import DocumentRef
from tests.signatures.signed_pdf import pdfsig

PLAN = DocumentRef("plan", 2026)


def sign(ws, credentials, ref=PLAN):
    task = ws.signing.prepare(ref)
    return ws.signing.keep(task.run(*credentials))


def test_signed_plan_has_both_signatures_and_is_kept(with_images, credentials, tmp_path):
    from cchc_desktop.signatures.pdf_verify import list_pdf_signatures

    signed = sign(with_images, credentials)
    pdf = with_images.signing.pdf(signed.id)
    infos = list_pdf_signatures(pdf)
    assert [i.signer.common_name for i in infos] == ["Nguyễn Văn A", signed.agency_name]
    assert all(i.intact and i.valid and i.later_changes_allowed for i in infos)
    assert signed.signer_name == "Nguyễn Văn A"
    assert signed.document_number.endswith("/KH-UBND")
    assert with_images.signing.status_text(PLAN).startswith("Đã ký số — Nguyễn Văn A, ")
    path = with_images.signing.save_copy(signed.id, tmp_path / "ky.pdf")
    listed = pdfsig(path)
    assert len(listed) == 2
    audit = with_images.conn.execute("SELECT action FROM audit_log WHERE entity = 'signed_document'").fetchall()
    assert [row[0] for row in audit] == ["sign"]


def test_a_changed_byte_breaks_the_kept_signature(with_images, credentials):
    from cchc_desktop.signatures.pdf_verify import list_pdf_signatures

    pdf = bytearray(with_images.signing.pdf(sign(with_images, credentials).id))
    at = pdf.index(b"stream", 2000) + 20  # a byte of compressed page content, same length: offsets hold
    pdf[at] ^= 0x01
    infos = list_pdf_signatures(bytes(pdf))
    assert len(infos) == 2 and not any(info.intact for info in infos)


def test_a_draft_plan_is_not_signed(ws, small_framework, images, tmp_path):
    ws.plans.create(2026, "framework", small_framework)
    assert ws.signing.refusal(PLAN) is not None
    with pytest.raises(ValidationError):
        ws.signing.prepare(PLAN)


def test_images_are_asked_for_first(commune):
    with pytest.raises(ValidationError, match="hình chữ ký"):
        commune.signing.prepare(PLAN)


def test_not_a_png_is_refused(commune, tmp_path):
    path = tmp_path / "chu-ky.png"
    path.write_bytes(b"not a png")
    with pytest.raises(Exception, match="chữ ký"):
        commune.signing.set_image("signature", path)


def test_the_package_carries_the_signed_pdf_while_it_matches(
    with_images, credentials, outbox, receiver, small_framework
):

    signed = sign(with_images, credentials)
    result = with_images.exchange.export("plan", 2026, None, outbox, "mật khẩu của xã 2026")
    assert result.signed_by == "Nguyễn Văn A"
    kept = with_images.signing.pdf(signed.id)
    assert _document_in(result.path) == kept


def _document_in(package) -> bytes:
    import zipfile

    with zipfile.ZipFile(package) as archive:
        names = [n for n in archive.namelist() if n.endswith(".pdf")]
        return archive.read(names[0])
