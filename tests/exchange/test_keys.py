"""Keys for people who are not IT staff: create, card, enrol with the fingerprint, revoke, lose, rotate."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess

import pytest

from cchc_desktop.exchange.format.errors import PassphraseTooShortError, WrongPassphraseError
from cchc_desktop.exchange.format.pubfile import read_pub_file
from cchc_desktop.exchange.import_errors import (
    AlreadyEnrolledError,
    FingerprintMismatchError,
    FingerprintNeededError,
    KeyExistsError,
    PassphraseMismatchError,
)
from cchc_desktop.kernel.errors import ValidationError
from tests.exchange.craft import build, plan_data
from tests.support.exchange import PASSPHRASE, pub_file_of


def test_key_is_stored_only_encrypted_and_opens_with_its_passphrase(ws):
    info = ws.exchange.create_key("Mật khẩu Telex", "Mật khẩu Telex")
    stored = ws.conn.execute("SELECT private_pem FROM exchange_own_keys").fetchone()[0]
    assert stored.startswith("Content-SHA256: ") and "-----BEGIN ENCRYPTED PRIVATE KEY-----" in stored
    assert len(info.fingerprint.split()) == 16
    ws.exchange.check_passphrase("Mật khẩu Telex")
    with pytest.raises(WrongPassphraseError):
        ws.exchange.check_passphrase("mật khẩu telex")


def test_a_key_stored_the_old_way_is_stored_again_when_it_opens(commune):
    from cchc_desktop.exchange.format.keys import raw_public_bytes
    from tests.exchange.format.test_keys import legacy_pkcs12

    key = commune.exchange.unlock(PASSPHRASE)
    with commune.transaction() as conn:
        conn.execute("UPDATE exchange_own_keys SET private_pem = ?", [legacy_pkcs12(key, PASSPHRASE).decode()])
    opened = commune.exchange.unlock(PASSPHRASE)
    stored = commune.conn.execute("SELECT private_pem FROM exchange_own_keys").fetchone()[0]
    assert raw_public_bytes(opened) == raw_public_bytes(key) and "BEGIN ENCRYPTED PRIVATE KEY" in stored
    actions = [row[0] for row in commune.conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")]
    assert actions == ["key_reencrypt"]


def test_passphrase_rules(ws):
    with pytest.raises(PassphraseTooShortError):
        ws.exchange.create_key("ngắn", "ngắn")
    with pytest.raises(PassphraseMismatchError) as raised:
        ws.exchange.create_key("mật khẩu một", "mật khẩu hai")
    assert str(raised.value) == "Hai lần gõ mật khẩu không giống nhau. Hãy gõ lại."
    assert ws.exchange.key_info() is None


def test_a_second_key_needs_rotation_or_the_loss_procedure(commune):
    old = commune.exchange.key_info()
    with pytest.raises(KeyExistsError):
        commune.exchange.create_key(PASSPHRASE, PASSPHRASE)
    new = commune.exchange.replace_lost_key("mật khẩu mới 2027", "mật khẩu mới 2027")
    assert new.fingerprint != old.fingerprint
    keys = commune.exchange.keys()
    assert [(k.fingerprint, k.status) for k in keys] == [(old.fingerprint, "lost"), (new.fingerprint, "active")]


def test_enrolment_card_pdf_and_public_key_file(commune, tmp_path):
    card, pub = commune.exchange.write_card(tmp_path / commune.exchange.default_card_name(), dt.date(2026, 1, 9))
    assert (card.name, pub.name) == ("42-18544-phieu-dang-ky-khoa.pdf", "42-18544.pub.pem")
    info = commune.exchange.key_info()
    text = subprocess.run(["pdftotext", "-layout", str(card), "-"], capture_output=True, text=True, check=True).stdout
    pages = subprocess.run(["pdfinfo", str(card)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in pages and "595.276 x 841.89" in pages  # one A4 page
    assert "PHIẾU ĐĂNG KÝ KHÓA" in text and "Ủy ban nhân dân xã Kỳ Phong" in text
    assert "tỉnh 42 – xã 18544" in text and "Tỉnh Hà Tĩnh" in text and "09/01/2026" in text
    groups, flat = info.fingerprint.split(), " ".join(text.split())
    for row in range(4):
        assert f"Dòng {row + 1} " + " ".join(groups[row * 4 : row * 4 + 4]) in flat
    assert "(Ký, ghi rõ họ tên và đóng dấu)" in text and "Nguyễn Văn Hùng" in text
    fonts = subprocess.run(["pdffonts", str(card)], capture_output=True, text=True, check=True).stdout
    assert "Courier-Bold" in fonts and "LiberationSerif" in fonts
    read = read_pub_file(pub)
    assert read.fingerprint == info.fingerprint and read.identity.code == "42-18544"
    openssl = subprocess.run(
        f"openssl pkey -pubin -in '{pub}' -outform DER | tail -c 32 | sha256sum",
        shell=True,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert openssl.split()[0].upper() == info.fingerprint.replace(" ", "")


def test_enrolment_needs_the_fingerprint_from_the_card(receiver, commune):
    pub = pub_file_of(commune)
    with pytest.raises(AlreadyEnrolledError):
        receiver.exchange.enrol(pub, pub.fingerprint)
    other = receiver.exchange.read_public_key(pub.pem)  # no identity lines
    with pytest.raises(FingerprintNeededError):
        receiver.exchange.enrol(other, None)
    wrong = "0000 " + pub.fingerprint[5:]
    with pytest.raises(FingerprintMismatchError) as raised:
        receiver.exchange.enrol(pub, wrong)
    assert "KHÁC dấu vân tay của tệp khóa" in str(raised.value)
    with pytest.raises(ValidationError) as raised:
        receiver.exchange.enrol(other, pub.fingerprint.lower().replace(" ", ""))
    assert "mã tỉnh, mã xã" in str(raised.value)


def test_revoked_key_no_longer_imports_and_says_so(receiver, commune_key, outbox):
    from cchc_desktop.exchange.format.errors import RevokedKeyError

    path, _ = build(outbox, commune_key, "plan", 2027, plan_data(2027))
    key = receiver.exchange.senders()[0]
    receiver.exchange.revoke(key.id, "mất máy")
    assert receiver.exchange.senders()[0].status == "revoked"
    outcome = receiver.exchange.import_packages([path]).outcomes[0]
    assert outcome.status == "refused" and isinstance(outcome.error, RevokedKeyError)
    assert "đã thu hồi ngày" in outcome.line and "chưa đăng ký khóa" not in outcome.line
    with pytest.raises(RevokedKeyError):
        receiver.exchange.verify(path)


def test_lost_key_re_enrolment_revokes_the_old_key(receiver, commune, outbox):
    old_key = commune.exchange.unlock(PASSPHRASE)
    old_path, _ = build(outbox / "old", old_key, "plan", 2027, plan_data(2027))
    commune.exchange.replace_lost_key("mật khẩu mới 2027", "mật khẩu mới 2027")
    new_path = commune.exchange.export("plan", 2026, None, outbox, "mật khẩu mới 2027").path
    refused = receiver.exchange.import_packages([new_path]).outcomes[0]
    assert refused.status == "refused" and "Gói được niêm phong bằng một khóa khác" in refused.line
    pub = pub_file_of(commune)
    receiver.exchange.enrol(pub, pub.fingerprint, revoke_old=True)
    assert [(k.status, k.source) for k in receiver.exchange.senders()] == [("revoked", "card"), ("active", "card")]
    batch = receiver.exchange.import_packages([new_path, old_path])
    assert {o.file: o.status for o in batch.outcomes} == {new_path.name: "imported", old_path.name: "refused"}


def test_rotation_package_moves_the_receiver_to_the_new_key(receiver, commune, outbox):
    for name in "abc":
        (outbox / name).mkdir()
    before = receiver.exchange.import_packages(
        [commune.exchange.export("plan", 2026, None, outbox / "a", PASSPHRASE).path]
    )
    assert before.outcomes[0].status == "imported"
    old_package = next((outbox / "a").glob("*.cchc"))
    rotation = commune.exchange.rotate_key(PASSPHRASE, "mật khẩu khóa mới", "mật khẩu khóa mới", outbox / "b")
    new_fp = commune.exchange.key_info().fingerprint
    assert (
        rotation.manifest.kind == "key_rotation"
        and rotation.path.name == f"42-18544_key_rotation_{dt.date.today().year}_r1.cchc"
    )
    dry = receiver.exchange.import_packages([rotation.path], dry_run=True).outcomes[0]
    assert dry.status == "rotated" and dry.line.startswith("Sẽ đăng ký khóa mới")
    done = receiver.exchange.import_packages([rotation.path]).outcomes[0]
    assert done.status == "rotated" and new_fp in done.line
    assert [(k.fingerprint == new_fp, k.status, k.source) for k in receiver.exchange.senders()] == [
        (False, "retired", "card"),
        (True, "active", "rotation"),
    ]
    report = commune.exchange.export("plan", 2026, None, outbox / "c", "mật khẩu khóa mới")
    assert receiver.exchange.import_packages([report.path]).outcomes[0].status == "replaced"
    assert "khóa cũ" in receiver.exchange.verify(old_package).line  # archived packages still check out


def test_enrol_from_pasted_pem_text_with_the_unit_typed(receiver, capsys, monkeypatch):
    import io
    import sys

    from cchc_desktop.cli.main import run
    from cchc_desktop.exchange.format import generate_private_key, public_pem

    key = generate_private_key()
    pem = public_pem(key)
    pub = receiver.exchange.read_public_key(pem)
    assert pub.identity is None
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pem)))
    code = run(
        [
            "keys",
            "enroll",
            "--db",
            str(receiver.path),
            "-",
            "--province",
            "42",
            "--unit",
            "18601",
            "--name",
            "Kỳ Thọ",
            "--fingerprint",
            pub.fingerprint,
        ]
    )
    assert code == 0 and "xã Kỳ Thọ (mã 42-18601)" in capsys.readouterr().out
    assert ("18601", "active") in [(k.unit_code, k.status) for k in receiver.exchange.senders()]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_key_files_are_the_owners_only(commune, tmp_path):
    card, pub = commune.exchange.write_card(tmp_path / "khoa" / "phieu.pdf")
    assert stat.S_IMODE(card.parent.stat().st_mode) == 0o700
    assert [stat.S_IMODE(p.stat().st_mode) for p in (card, pub)] == [0o600, 0o600]
