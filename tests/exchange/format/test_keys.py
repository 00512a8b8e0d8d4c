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


def _der(pem: bytes) -> bytes:
    body = pem.split(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")[1].split(b"-----END")[0]
    return base64.b64decode(b"".join(body.split()))


def legacy_pkcs12(key, passphrase: str) -> bytes:
    """A key stored the way earlier versions did: PKCS#12 whose MAC uses 2,048 iterations."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import pkcs12

    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(600_000)
        .hmac_hash(hashes.SHA256())
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .build(unicodedata.normalize("NFC", passphrase).encode())
    )
    body = base64.encodebytes(pkcs12.serialize_key_and_certificates(b"cchc", key, None, None, encryption))
    return b"-----BEGIN CCHC ENCRYPTED KEY-----\n" + body + b"-----END CCHC ENCRYPTED KEY-----\n"


def test_encrypted_pem_round_trip(key):
    pem = encrypt_private_key(key, PASSPHRASE)
    assert pem.startswith(b"Content-SHA256: ") and b"\n-----BEGIN ENCRYPTED PRIVATE KEY-----\n" in pem
    opened = load_private_key(pem, PASSPHRASE)
    assert raw_public_bytes(opened) == raw_public_bytes(key)
    assert hashlib.sha256(_der(pem)).hexdigest().encode() in pem.splitlines()[0]


def test_every_passphrase_check_is_the_600000_round_kdf(key, tmp_path):
    """OpenSSL reads the stored key as PKCS#8 PBES2: one key derivation of 600,000 rounds, and no other
    check (no MAC with a cheaper count of its own, as PKCS#12 had) to test a guess against."""
    import subprocess

    pem = encrypt_private_key(key, PASSPHRASE)
    stored = tmp_path / "key.pem"
    stored.write_bytes(pem)
    parsed = subprocess.run(["openssl", "asn1parse", "-in", str(stored)], capture_output=True, text=True, check=True)
    integers = re.findall(r"prim: INTEGER\s+:([0-9A-F]+)", parsed.stdout)
    assert integers == ["0927C0"]  # 600,000, the only count in the structure
    for name in ("PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc"):
        assert name in parsed.stdout
    assert "pkcs7-data" not in parsed.stdout and "MAC" not in parsed.stdout
    opened = subprocess.run(
        ["openssl", "pkey", "-in", str(stored), "-passin", "pass:" + PASSPHRASE, "-noout"], capture_output=True
    )
    assert opened.returncode == 0


def test_a_key_stored_the_old_way_still_opens(key):
    legacy = legacy_pkcs12(key, PASSPHRASE)
    assert raw_public_bytes(load_private_key(legacy, PASSPHRASE)) == raw_public_bytes(key)
    with pytest.raises(e.WrongPassphraseError):
        load_private_key(legacy, "mat khau sai 123")


def test_a_damaged_stored_key_is_not_a_wrong_passphrase(key):
    pem = encrypt_private_key(key, PASSPHRASE)
    lines = pem.splitlines()
    flipped = lines[3][:10] + (b"A" if lines[3][10:11] != b"A" else b"B") + lines[3][11:]
    damaged = b"\n".join([*lines[:3], flipped, *lines[4:]]) + b"\n"
    cut = b"\n".join([*lines[:3], *lines[-1:]]) + b"\n"
    for broken in (damaged, cut, legacy_pkcs12(key, PASSPHRASE)[:-60] + b"\n-----END CCHC ENCRYPTED KEY-----\n"):
        with pytest.raises(e.KeyFileError) as caught:
            load_private_key(broken, PASSPHRASE)
        assert type(caught.value) is e.KeyFileError


def test_a_passphrase_needs_real_content(key):
    for weak in ("        ", " a b c d e f g ", "\t\t\t\t\t\t\t\t\t"):
        with pytest.raises(e.PassphraseTooShortError):
            encrypt_private_key(key, weak)


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
    body = _der(pem)
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
