"""Khóa gửi gói: the installation's Ed25519 key pair, its encrypted storage and its fingerprint.

The private key exists on disk only encrypted: PKCS#8 ``EncryptedPrivateKeyInfo`` with PBES2 (PBKDF2-HMAC-
SHA256 with 600,000 rounds, AES-256-CBC), so guessing passphrases from a stolen copy of the workspace is
slow (about a tenth of a second per guess), and nothing in the stored form checks a passphrase more
cheaply: there is no MAC with its own, weaker count (PKCS#12, which keys were stored in before, checks
its MAC with 2,048 iterations first; such a key still opens, and is stored again in this form when it
does). A line before the PEM block gives the SHA-256 of the encrypted structure, which says nothing
about the passphrase but tells a damaged stored key from a wrong passphrase.

The fingerprint is the SHA-256 of the raw 32-byte public key in 16 groups of 4 upper-case hex digits,
readable over the phone (docs/package-format.md §6).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cchc_desktop.exchange.format.errors import (
    KeyFileError,
    NotEd25519KeyError,
    PassphraseTooShortError,
    PrivateKeyNotEncryptedError,
    PublicKeyFileError,
    WrongPassphraseError,
)
from cchc_desktop.kernel.text import nfc

MIN_PASSPHRASE_LENGTH = 8
#: PBKDF2 rounds (OWASP's 2023 advice for PBKDF2-HMAC-SHA256); opening the key takes ~0.1 s.
KDF_ROUNDS = 600_000
_ENCRYPTED_HEADER = b"-----BEGIN CCHC ENCRYPTED KEY-----"  # PKCS#12, how keys were stored before
_PKCS8_HEADER = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
_DIGEST_LABEL = b"Content-SHA256: "
_DIGEST_LINE = re.compile(rb"^Content-SHA256: ([0-9a-f]{64})\s*$", re.M)
_PEM_BODY = re.compile(rb"-----BEGIN [A-Z ]+-----(.*?)-----END [A-Z ]+-----", re.S)
_HEX64 = re.compile(r"[0-9A-F]{64}")


def generate_private_key() -> Ed25519PrivateKey:
    """A fresh key pair (made once, at setup)."""
    return Ed25519PrivateKey.generate()


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so that the same Vietnamese passphrase typed with Telex or VNI opens the key.
    return nfc(passphrase).encode("utf-8")


def passphrase_strong_enough(passphrase: str) -> bool:
    """A new passphrase needs real content: at least MIN_PASSPHRASE_LENGTH characters that are not spaces."""
    return sum(1 for ch in nfc(passphrase) if not ch.isspace()) >= MIN_PASSPHRASE_LENGTH


def check_passphrase_strength(passphrase: str) -> None:
    if not passphrase_strong_enough(passphrase):
        raise PassphraseTooShortError(field="passphrase", minimum=MIN_PASSPHRASE_LENGTH)


def encrypt_private_key(key: Ed25519PrivateKey, passphrase: str) -> bytes:
    """The key encrypted with ``passphrase`` as PEM PKCS#8 (PBES2, PBKDF2-HMAC-SHA256 × KDF_ROUNDS,
    AES-256-CBC), after the line giving the SHA-256 of the encrypted structure."""
    check_passphrase_strength(passphrase)
    salt, iv = os.urandom(16), os.urandom(16)
    secret = hashlib.pbkdf2_hmac("sha256", _passphrase_bytes(passphrase), salt, KDF_ROUNDS, 32)
    plain = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    der = encrypted_private_key_info(_aes_cbc(secret, iv, plain), salt, iv, KDF_ROUNDS)
    body = base64.b64encode(der).decode("ascii")
    lines = [body[i : i + 64].encode("ascii") for i in range(0, len(body), 64)]
    digest = _DIGEST_LABEL + hashlib.sha256(der).hexdigest().encode("ascii")
    return b"\n".join([digest, _PKCS8_HEADER, *lines, _PKCS8_HEADER.replace(b"BEGIN", b"END")]) + b"\n"


def _aes_cbc(secret: bytes, iv: bytes, plain: bytes) -> bytes:
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(secret), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


# DER of RFC 8018 PBES2 inside RFC 5958 EncryptedPrivateKeyInfo (every length here is below 128 bytes
# except the outer ones, which ``_der`` encodes in long form when needed).
_OID_PBES2 = bytes.fromhex("06092a864886f70d01050d")
_OID_PBKDF2 = bytes.fromhex("06092a864886f70d01050c")
_OID_HMAC_SHA256 = bytes.fromhex("06082a864886f70d0209")
_OID_AES256_CBC = bytes.fromhex("060960864801650304012a")
_NULL = bytes.fromhex("0500")


def _der(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        return bytes([tag, size]) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + content


def _integer(value: int) -> bytes:
    return _der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def encrypted_private_key_info(ciphertext: bytes, salt: bytes, iv: bytes, rounds: int) -> bytes:
    """The DER of an EncryptedPrivateKeyInfo with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC)."""
    prf = _der(0x30, _OID_HMAC_SHA256 + _NULL)
    kdf = _der(0x30, _OID_PBKDF2 + _der(0x30, _der(0x04, salt) + _integer(rounds) + prf))
    scheme = _der(0x30, _OID_AES256_CBC + _der(0x04, iv))
    algorithm = _der(0x30, _OID_PBES2 + _der(0x30, kdf + scheme))
    return _der(0x30, algorithm + _der(0x04, ciphertext))


def _der_whole(der: bytes) -> bool:
    """True when ``der`` is exactly one DER SEQUENCE (a cut or padded copy is not)."""
    if len(der) < 2 or der[0] != 0x30:
        return False
    first = der[1]
    if first < 0x80:
        return len(der) == 2 + first
    count = first & 0x7F
    if count == 0 or count > 4 or len(der) < 2 + count:
        return False
    return len(der) == 2 + count + int.from_bytes(der[2 : 2 + count], "big")


def load_private_key(pem: bytes, passphrase: str) -> Ed25519PrivateKey:
    """Open the encrypted private key; WrongPassphraseError when the passphrase does not open it,
    KeyFileError when the stored key itself is damaged (whatever the passphrase)."""
    if _ENCRYPTED_HEADER not in pem and _PKCS8_HEADER not in pem:
        not_encrypted = b"-----BEGIN PRIVATE KEY-----" in pem or b"-----BEGIN OPENSSH" in pem
        raise PrivateKeyNotEncryptedError() if not_encrypted else KeyFileError()
    der = _pem_der(pem)
    if der is None or not _der_whole(der) or not _digest_agrees(pem, der):
        raise KeyFileError()
    key = _open_pkcs12(der, passphrase) if _ENCRYPTED_HEADER in pem else _open_pkcs8(der, passphrase)
    if not isinstance(key, Ed25519PrivateKey):
        raise NotEd25519KeyError()
    return key


def needs_re_encryption(pem: bytes) -> bool:
    """A key stored the old way (PKCS#12, whose MAC checks a passphrase with only 2,048 iterations)."""
    return _ENCRYPTED_HEADER in pem


def _pem_der(pem: bytes) -> bytes | None:
    match = _PEM_BODY.search(pem)
    if not match:
        return None
    try:
        return base64.b64decode(b"".join(match.group(1).split()), validate=True)
    except (binascii.Error, ValueError):
        return None


def _digest_agrees(pem: bytes, der: bytes) -> bool:
    stated = _DIGEST_LINE.search(pem)
    return stated is None or stated.group(1).decode("ascii") == hashlib.sha256(der).hexdigest()


def _open_pkcs12(der: bytes, passphrase: str) -> object:
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, _, _ = pkcs12.load_key_and_certificates(der, _passphrase_bytes(passphrase))
    except ValueError:
        raise WrongPassphraseError() from None
    except (TypeError, UnsupportedAlgorithm):
        raise KeyFileError() from None
    if key is None:
        raise KeyFileError()
    return key


def _open_pkcs8(der: bytes, passphrase: str) -> object:
    """An encrypted PKCS#8 key (this app's, or one other tools wrote)."""
    try:
        return serialization.load_der_private_key(der, password=_passphrase_bytes(passphrase))
    except ValueError:
        raise WrongPassphraseError() from None
    except (TypeError, UnsupportedAlgorithm):
        raise KeyFileError() from None


def public_pem(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    """The public key as a ``.pub.pem`` file body (SubjectPublicKeyInfo PEM)."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_public_pem(pem: bytes) -> Ed25519PublicKey:
    """Read a ``.pub.pem`` file body; PublicKeyFileError if it is not an Ed25519 public key."""
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise PublicKeyFileError() from None
    if not isinstance(key, Ed25519PublicKey):
        raise PublicKeyFileError()
    return key


def raw_public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    """The 32 raw bytes of the public key."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _grouped(hex_upper: str) -> str:
    return " ".join(hex_upper[i : i + 4] for i in range(0, 64, 4))


def fingerprint(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """ "3F2A 9C01 …": SHA-256 of the raw public key, 16 groups of 4 upper-case hex digits."""
    return _grouped(hashlib.sha256(raw_public_bytes(key)).hexdigest().upper())


def normalise_fingerprint(text: str) -> str | None:
    """The grouped form of a fingerprint typed or pasted any way (spaces, case); None if not one."""
    compact = "".join(text.split()).upper()
    return _grouped(compact) if _HEX64.fullmatch(compact) else None
