"""Key pair, encrypted storage and fingerprint."""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from cchc_desktop.exchange.format import (
    encrypt_private_key,
    fingerprint,
    generate_private_key,
    load_private_key,
    load_public_pem,
    normalise_fingerprint,
    public_pem,
)
from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.keys import raw_public_bytes

PASSPHRASE = "Mật khẩu xã Kỳ Phong 2026"


def _raw_private(key) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def test_encrypted_pem_round_trip(key):
    pem = encrypt_private_key(key, PASSPHRASE)
    assert pem.startswith(b"-----BEGIN CCHC ENCRYPTED KEY-----")
    opened = load_private_key(pem, PASSPHRASE)
    assert raw_public_bytes(opened) == raw_public_bytes(key)


def test_guessing_passphrases_is_slow_pbkdf2_600000_rounds(key, tmp_path):
    """OpenSSL reads the stored key as PKCS#12 and reports the key derivation it must repeat per guess."""
    import subprocess

    pem = encrypt_private_key(key, PASSPHRASE)
    der = tmp_path / "key.p12"
    der.write_bytes(base64.b64decode(b"".join(pem.splitlines()[1:-1])))
    info = subprocess.run(
        ["openssl", "pkcs12", "-in", str(der), "-info", "-noout", "-passin", "pass:" + PASSPHRASE],
        capture_output=True,
        text=True,
    )
    report = info.stdout + info.stderr
    assert "PBKDF2" in report and "Iteration 600000" in report and "AES-256-CBC" in report


def test_encrypted_pkcs8_from_other_tools_still_opens(key):
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE.encode("utf-8")),
    )
    assert raw_public_bytes(load_private_key(pem, PASSPHRASE)) == raw_public_bytes(key)


def test_encrypted_pem_does_not_contain_the_raw_key(key):
    pem = encrypt_private_key(key, PASSPHRASE)
    raw = _raw_private(key)
    body = base64.b64decode(b"".join(pem.splitlines()[1:-1]))
    assert raw not in body and raw not in pem
    assert raw.hex().encode() not in pem.lower() and base64.b64encode(raw)[:20] not in pem


def test_wrong_passphrase_is_a_typed_vietnamese_error(key):
    pem = encrypt_private_key(key, PASSPHRASE)
    with pytest.raises(e.WrongPassphraseError) as caught:
        load_private_key(pem, "mat khau sai 123")
    assert "Mật khẩu của khóa không đúng" in str(caught.value)


def test_passphrase_typed_decomposed_opens_the_key(key):
    pem = encrypt_private_key(key, PASSPHRASE)
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    assert raw_public_bytes(load_private_key(pem, decomposed)) == raw_public_bytes(key)


def test_short_passphrase_is_refused(key):
    with pytest.raises(e.PassphraseTooShortError) as caught:
        encrypt_private_key(key, "1234567")
    assert "8" in str(caught.value)


def test_unencrypted_damaged_and_foreign_private_keys(key):
    plain = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(e.PrivateKeyNotEncryptedError):
        load_private_key(plain, PASSPHRASE)
    pem = encrypt_private_key(key, PASSPHRASE)
    with pytest.raises(e.KeyFileError):
        load_private_key(pem.replace(b"M", b"!", 3), PASSPHRASE)
    with pytest.raises(e.KeyFileError):
        load_private_key(b"hello", PASSPHRASE)
    foreign = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    )
    with pytest.raises(e.NotEd25519KeyError):
        load_private_key(foreign, PASSPHRASE)


def test_public_pem_round_trip_and_refusals(key):
    pem = public_pem(key)
    assert pem.startswith(b"-----BEGIN PUBLIC KEY-----")
    assert raw_public_bytes(load_public_pem(pem)) == raw_public_bytes(key)
    with pytest.raises(e.PublicKeyFileError):
        load_public_pem(b"-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----\n")
    foreign = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(e.PublicKeyFileError):
        load_public_pem(foreign)


def test_fingerprint_is_sha256_of_raw_key_in_16_groups(key):
    shown = fingerprint(key)
    assert re.fullmatch(r"[0-9A-F]{4}( [0-9A-F]{4}){15}", shown)
    assert shown.replace(" ", "") == hashlib.sha256(raw_public_bytes(key)).hexdigest().upper()
    assert fingerprint(key.public_key()) == shown
    assert fingerprint(generate_private_key()) != shown


def test_fingerprint_typed_any_way_is_normalised(key):
    shown = fingerprint(key)
    assert normalise_fingerprint(shown.replace(" ", "").lower()) == shown
    assert normalise_fingerprint("  " + shown.replace(" ", "  ") + "\n") == shown
    assert normalise_fingerprint(shown[:-1]) is None
    assert normalise_fingerprint("G" * 64) is None
