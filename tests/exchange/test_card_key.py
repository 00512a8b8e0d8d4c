"""The enrolment card PDF carries the public key: enough on its own; older cards still work with their
.pub.pem beside them; a PDF that is no card is said to be so."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from cchc_desktop.exchange.card import card_pdf
from cchc_desktop.exchange.card_key import key_in_pdf
from cchc_desktop.exchange.import_errors import SenderIdentityError


def _card(commune, folder):
    return commune.exchange.write_card(folder / commune.exchange.default_card_name(), dt.date(2026, 1, 9))


def test_the_card_pdf_alone_gives_the_key_and_the_unit(commune, receiver, tmp_path):
    card, pub = _card(commune, tmp_path / "the")
    listed = subprocess.run(["pdfdetach", "-list", str(card)], capture_output=True, text=True, check=True).stdout
    assert "1: 42-18544.pub.pem" in listed
    saved = subprocess.run(
        ["pdfdetach", "-save", "1", "-o", str(tmp_path / "ra.pem"), str(card)], capture_output=True, check=True
    )
    assert saved.returncode == 0 and (tmp_path / "ra.pem").read_bytes() == pub.read_bytes()
    pub.unlink()  # only the PDF travels
    read = receiver.exchange.read_public_key(card)
    assert read.fingerprint == commune.exchange.key_info().fingerprint
    assert read.identity is not None and read.identity.code == "42-18544" and read.identity.unit_name == "Kỳ Phong"


def test_a_card_printed_before_keeps_working_with_its_key_file_beside_it(commune, receiver, tmp_path):
    card, pub = _card(commune, tmp_path / "the")
    old = card.with_name("42-18544-phieu-cu.pdf")
    old.write_bytes(_plain_card(commune))  # the same card without the embedded key
    card.unlink()
    assert key_in_pdf(old.read_bytes()) is None
    assert receiver.exchange.read_public_key(old).fingerprint == commune.exchange.key_info().fingerprint
    pub.unlink()
    with pytest.raises(SenderIdentityError) as raised:
        receiver.exchange.read_public_key(old)
    assert "không chứa khóa công khai" in str(raised.value) and "42-18544-phieu-cu.pdf" in str(raised.value)


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\n%%EOF\n", b"not a pdf at all", b"%PDF-1.7\n" + b"\x00" * 5000])
def test_a_pdf_that_is_no_card_holds_no_key(content):
    assert key_in_pdf(content) is None


def _plain_card(commune) -> bytes:
    from cchc_desktop.exchange.card import CardFacts

    info = commune.exchange.key_info()
    facts = CardFacts(
        ("ỦY BAN NHÂN DÂN", "XÃ KỲ PHONG"),
        "Ủy ban nhân dân xã Kỳ Phong",
        "42",
        "18544",
        "Tỉnh Hà Tĩnh",
        "Sở Nội vụ tỉnh Hà Tĩnh",
        info.fingerprint,
        info.created_at,
        dt.date(2026, 1, 9),
        "Nguyễn Văn Hùng",
        "42-18544.pub.pem",
    )
    return card_pdf(facts)
