"""Ký số văn bản PDF: the chairman's then the agency's signature on a real multi-page document,
checked with pyHanko and with poppler's pdfsig; tampering; attachments; refusals."""

from __future__ import annotations

import io
import shutil

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.layout import PageBox
from cchc_desktop.signatures.pdf_sign import AGENCY_FIELD, SIGNER_FIELD, sign_as_agency, sign_as_signer, sign_attachment
from cchc_desktop.signatures.pdf_verify import list_pdf_signatures
from cchc_desktop.signatures.trust import load_trust
from tests.signatures.signed_pdf import AGENCY_TIME, NUMBER, SIGNER_TIME, nss_db_trusting, pdfsig, sign_both

needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils is not installed")


@pytest.fixture
def signed(document, images, person_signer, org_signer):
    return sign_both(document, images, person_signer, org_signer)


def test_both_signatures_are_valid_for_pyhanko(signed, pki_files):
    first, second = signed
    infos = list_pdf_signatures(second, load_trust([pki_files["root"]]))
    assert [i.field_name for i in infos] == [SIGNER_FIELD, AGENCY_FIELD]
    signer, agency = infos
    assert signer.signer.common_name == "Nguyễn Văn A" and agency.signer.common_name == "UBND xã Kỳ Phong"
    assert all(i.intact and i.valid and i.trusted and i.later_changes_allowed and i.ok for i in infos)
    assert not signer.covers_whole_document and agency.covers_whole_document
    assert signer.signing_time == SIGNER_TIME and agency.signing_time == AGENCY_TIME
    assert agency.label == "Đã ký số: UBND xã Kỳ Phong" and agency.status_key == "signatures.status.valid"
    assert signer.coverage_key == "signatures.status.partial"
    assert [i.revision for i in infos] == [1, 2] and second.startswith(first)


def test_without_roots_trust_is_not_claimed(signed, pki_files):
    infos = list_pdf_signatures(signed[1])
    assert all(i.trusted is None and i.ok for i in infos)
    untrusted = list_pdf_signatures(signed[1], load_trust([pki_files["other_root"]]))
    assert all(i.trusted is False and not i.ok for i in untrusted)
    assert {i.status_key for i in untrusted} == {"signatures.status.untrusted"}


@needs_pdfsig
def test_pdfsig_finds_both_signatures_valid(signed, tmp_path, pki_files):
    path = tmp_path / "ke-hoach-da-ky.pdf"
    path.write_bytes(signed[1])
    report = pdfsig(path)
    assert [s["Signature Field Name"] for s in report] == [SIGNER_FIELD, AGENCY_FIELD]
    assert [s["Signer Certificate Common Name"] for s in report] == ["Nguyễn Văn A", "UBND xã Kỳ Phong"]
    assert all(s["Signature Validation"] == "Signature is Valid." for s in report)
    assert all(s["Signature Type"] == "ETSI.CAdES.detached" for s in report)
    assert "Not total document signed" in report[0] and "Total document signed" in report[1]
    assert all(s["Certificate Validation"] == "Certificate issuer is unknown." for s in report)


@needs_pdfsig
def test_pdfsig_trusts_the_chain_given_an_nss_database(signed, tmp_path, pki_files):
    nss = nss_db_trusting(tmp_path / "nss", pki_files["root"])
    if nss is None:
        pytest.skip("certutil (libnss3-tools) is not installed")
    path = tmp_path / "ke-hoach-da-ky.pdf"
    path.write_bytes(signed[1])
    report = pdfsig(path, nss)
    assert all(s["Signature Validation"] == "Signature is Valid." for s in report)
    # With the root trusted the issuer is found and trusted. poppler 22.12 (Debian 12) then reads a
    # stale NSS error code after a successful check and prints its generic message; newer poppler
    # prints "Certificate is Trusted.". Unknown, untrusted, revoked or expired would be named.
    accepted = {"Certificate is Trusted.", "Unknown issue with Certificate or corrupted data."}
    assert all(s["Certificate Validation"] in accepted for s in report)


def _tamper(pdf: bytes) -> bytes:
    """Change one byte inside the first revision: a letter of the producer string."""
    at = pdf.index(b"ReportLab")
    return pdf[:at] + b"X" + pdf[at + 1 :]


def test_a_changed_byte_breaks_the_signatures(signed, tmp_path, pki_files):
    broken = _tamper(signed[1])
    infos = list_pdf_signatures(broken, load_trust([pki_files["root"]]))
    assert len(infos) == 2 and not any(i.intact for i in infos) and not any(i.ok for i in infos)
    assert {i.status_key for i in infos} == {"signatures.status.invalid"}
    if shutil.which("pdfsig"):
        path = tmp_path / "bi-sua.pdf"
        path.write_bytes(broken)
        assert all(s["Signature Validation"] != "Signature is Valid." for s in pdfsig(path))


def test_content_drawn_after_signing_is_reported(signed):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed[1]))
    writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=b"0 0 m 500 500 l S")))
    out = io.BytesIO()
    writer.write(out)
    infos = list_pdf_signatures(out.getvalue())
    assert all(i.intact and i.valid for i in infos)
    assert not any(i.covers_whole_document or i.later_changes_allowed or i.ok for i in infos)


def test_an_attachment_gets_the_agency_signature_only(document, org_signer, pki_files):
    signed = sign_attachment(document[0], org_signer, document_number=NUMBER, signing_time=AGENCY_TIME)
    (info,) = list_pdf_signatures(signed, load_trust([pki_files["root"]]))
    assert info.signer.common_name == "UBND xã Kỳ Phong" and info.ok and info.covers_whole_document


def test_agency_without_the_signer_signature_is_refused(document, images, org_signer):
    with pytest.raises(e.PdfSigningError) as caught:
        sign_as_agency(document[0], org_signer, images["seal"], document_number=NUMBER)
    assert caught.value.key == "signatures.pdf.no_signer_field"


def test_the_agency_can_anchor_on_a_box_it_is_given(document, images, org_signer, pki_files):
    pdf, box = document
    signed = sign_as_agency(pdf, org_signer, images["seal"], document_number=NUMBER, signature_box=box)
    assert list_pdf_signatures(signed, load_trust([pki_files["root"]]))[0].ok


def test_bad_inputs_are_typed_errors(document, images, person_signer):
    pdf, box = document
    with pytest.raises(e.PdfSigningError) as page:
        sign_as_signer(pdf, person_signer, images["signature"], PageBox(7, 0, 0, 100, 50))
    assert "Trang 8" in str(page.value) and "3 trang" in str(page.value)
    with pytest.raises(e.PdfSigningError) as image:
        sign_as_signer(pdf, person_signer, b"not a png", box)
    assert "chữ ký" in str(image.value)
    with pytest.raises(e.PdfSigningError):
        sign_as_signer(b"hello", person_signer, images["signature"], box)
    once = sign_as_signer(pdf, person_signer, images["signature"], box)
    with pytest.raises(e.PdfSigningError) as twice:
        sign_as_signer(once, person_signer, images["signature"], box)
    assert twice.value.key == "signatures.pdf.field_exists"


def test_a_revoked_signer_is_not_trusted_with_the_crl(document, p12_files, pki_files):
    from cchc_desktop.signatures.pkcs12 import load_pkcs12_signer
    from tests.signatures.conftest import P12_PASSWORD

    with load_pkcs12_signer(p12_files["revoked"], P12_PASSWORD) as signer:
        signed = sign_attachment(document[0], signer, document_number=NUMBER)
    (plain,) = list_pdf_signatures(signed, load_trust([pki_files["root"]]))
    assert plain.ok and not plain.revoked and not plain.revocation_checked
    (checked,) = list_pdf_signatures(signed, load_trust([pki_files["root"]], crls=[pki_files["crl"]]))
    assert checked.revoked and checked.revocation_checked and checked.trusted is False and not checked.ok
