"""The signed PDF goes into the package; the receiver checks its signatures on import and shows the
signer: "đã ký số" in the preview and the inbox; a signature that does not verify is a warning."""

from __future__ import annotations

import hashlib

from cchc_desktop.signing.model import DocumentRef
from tests.support.exchange import PASSPHRASE
from tests.support.signing import trust


def _sign_and_send(ws, credentials, outbox):
    task = ws.signing.prepare(DocumentRef("plan", 2026))
    signed = ws.signing.keep(task.run(*credentials))
    return signed, ws.exchange.export("plan", 2026, None, outbox, PASSPHRASE)


def test_the_receiver_sees_the_signer_in_the_preview_and_the_inbox(with_images, credentials, outbox, receiver):
    _, result = _sign_and_send(with_images, credentials, outbox)
    preview = receiver.exchange.import_packages([result.path], dry_run=True)
    (outcome,) = preview.outcomes
    assert "Văn bản đã ký số: Nguyễn Văn A." in outcome.line
    # the test certificate is Nguyễn Văn A's; the plan says its chairman Nguyễn Văn Hùng signed
    assert outcome.notes == [
        "Lưu ý: văn bản được ký số bằng chứng thư của «Nguyễn Văn A», còn gói ghi người ký là «Nguyễn Văn Hùng»."
    ]
    assert outcome.signed == "Văn bản đã ký số: Nguyễn Văn A."
    receiver.exchange.import_packages([result.path])
    (row,) = receiver.receiver.inbox()
    assert (row.pdf_signature, row.pdf_signer) == ("ok", "Nguyễn Văn A")
    from ui.screens.receiver.inbox_table import _signer_cell

    assert _signer_cell(row).text == "Nguyễn Văn Hùng (đã ký số: Nguyễn Văn A)"


def test_a_signature_that_does_not_verify_is_a_warning_not_a_refusal(with_images, credentials, outbox, receiver):
    signed = with_images.signing.keep(with_images.signing.prepare(DocumentRef("plan", 2026)).run(*credentials))
    pdf = bytearray(with_images.signing.pdf(signed.id))
    start = pdf.index(b"/Contents <") + 40  # a byte inside the signer's signature value
    pdf[start : start + 2] = b"00" if pdf[start : start + 2] != b"00" else b"11"
    with with_images.transaction() as conn:
        conn.execute(
            "UPDATE signed_documents SET pdf = ?, pdf_sha256 = ?", [bytes(pdf), hashlib.sha256(pdf).hexdigest()]
        )
    result = with_images.exchange.export("plan", 2026, None, outbox, PASSPHRASE)
    preview = receiver.exchange.import_packages([result.path], dry_run=True)
    (outcome,) = preview.outcomes
    assert outcome.status == "imported" and any("không kiểm tra được" in note for note in outcome.notes)
    batch = receiver.exchange.import_packages([result.path])
    assert batch.outcomes[0].status == "imported"
    (row,) = receiver.receiver.inbox()
    assert row.pdf_signature == "invalid"


def test_a_document_changed_since_signing_goes_unsigned(with_images, credentials, outbox, receiver):
    _sign_and_send(with_images, credentials, outbox)
    with with_images.transaction() as conn:  # as if it was signed from other content than what prints now
        conn.execute("UPDATE signed_documents SET source_sha256 = ?", ["0" * 64])
    result = with_images.exchange.export("plan", 2026, None, outbox, PASSPHRASE)
    assert result.signed_by == ""


def test_with_trust_roots_the_signatures_issuer_is_checked(with_images, credentials, outbox, receiver, pki_files):
    _, result = _sign_and_send(with_images, credentials, outbox)
    trust(receiver, pki_files["other_root"])
    (outcome,) = receiver.exchange.import_packages([result.path], dry_run=True).outcomes
    assert outcome.status == "imported"
    assert any("không do tổ chức trong danh sách «Chứng thư số tin cậy» cấp" in note for note in outcome.notes)
    trust(receiver, pki_files["root"], pki_files["intermediate"])
    (outcome,) = receiver.exchange.import_packages([result.path]).outcomes
    assert not any("tin cậy" in note for note in outcome.notes)
    (row,) = receiver.receiver.inbox()
    assert row.pdf_signature == "ok"


def test_a_signer_named_alike_in_the_certificate_is_no_note():
    from cchc_desktop.exchange.pdf_check import _same_person

    assert _same_person("NGUYỄN VĂN HÙNG", "Nguyễn Văn Hùng")
    assert _same_person("Nguyễn Văn Hùng - Chủ tịch UBND xã", "Nguyễn Văn Hùng")
    assert not _same_person("Nguyễn Văn A", "Nguyễn Văn Hùng")
