"""Khóa gửi gói: the installation's Ed25519 key pair, its encrypted storage and its fingerprint.

The private key exists on disk only encrypted: PKCS#12 (PBES2: PBKDF2-HMAC-SHA256 with 600,000 rounds,
AES-256-CBC) in a PEM-style armour, so guessing passphrases from a stolen copy of the workspace is slow
(about a tenth of a second per guess). The fingerprint is the SHA-256 of the raw
32-byte public key in 16 groups of 4 upper-case hex digits, readable over the phone
(docs/package-format.md §6).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
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
_ENCRYPTED_HEADER = b"-----BEGIN CCHC ENCRYPTED KEY-----"
_PKCS8_HEADER = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
_PEM_BODY = re.compile(rb"-----BEGIN [A-Z ]+-----(.*?)-----END [A-Z ]+-----", re.S)
_HEX64 = re.compile(r"[0-9A-F]{64}")


def generate_private_key() -> Ed25519PrivateKey:
    """A fresh key pair (made once, at setup)."""
    return Ed25519PrivateKey.generate()


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so that the same Vietnamese passphrase typed with Telex or VNI opens the key.
    return nfc(passphrase).encode("utf-8")


def encrypt_private_key(key: Ed25519PrivateKey, passphrase: str) -> bytes:
    """The key encrypted with ``passphrase`` (at least MIN_PASSPHRASE_LENGTH characters), PEM-armoured PKCS#12."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import pkcs12

    if len(nfc(passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise PassphraseTooShortError(field="passphrase", minimum=MIN_PASSPHRASE_LENGTH)
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .hmac_hash(hashes.SHA256())
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .build(_passphrase_bytes(passphrase))
    )
    der = pkcs12.serialize_key_and_certificates(b"cchc", key, None, None, encryption)
    body = base64.encodebytes(der).replace(b"\n", b"").decode("ascii")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return (
        b"\n".join(
            [_ENCRYPTED_HEADER, *(line.encode("ascii") for line in lines), _ENCRYPTED_HEADER.replace(b"BEGIN", b"END")]
        )
        + b"\n"
    )


def _pem_body_decodes(pem: bytes) -> bool:
    match = _PEM_BODY.search(pem)
    if not match:
        return False
    try:
        base64.b64decode(b"".join(match.group(1).split()), validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def load_private_key(pem: bytes, passphrase: str) -> Ed25519PrivateKey:
    """Open the encrypted private key; WrongPassphraseError when the passphrase does not open it."""
    if _ENCRYPTED_HEADER not in pem and _PKCS8_HEADER not in pem:
        not_encrypted = b"-----BEGIN PRIVATE KEY-----" in pem or b"-----BEGIN OPENSSH" in pem
        raise PrivateKeyNotEncryptedError() if not_encrypted else KeyFileError()
    if not _pem_body_decodes(pem):
        raise KeyFileError()
    key = _open_pkcs12(pem, passphrase) if _ENCRYPTED_HEADER in pem else _open_pkcs8(pem, passphrase)
    if not isinstance(key, Ed25519PrivateKey):
        raise NotEd25519KeyError()
    return key


def _open_pkcs12(pem: bytes, passphrase: str) -> object:
    from cryptography.hazmat.primitives.serialization import pkcs12

    match = _PEM_BODY.search(pem)
    if match is None:
        raise KeyFileError()
    der = base64.b64decode(b"".join(match.group(1).split()))
    try:
        key, _, _ = pkcs12.load_key_and_certificates(der, _passphrase_bytes(passphrase))
    except ValueError:
        raise WrongPassphraseError() from None
    except (TypeError, UnsupportedAlgorithm):
        raise KeyFileError() from None
    if key is None:
        raise KeyFileError()
    return key


def _open_pkcs8(pem: bytes, passphrase: str) -> object:
    """An encrypted PKCS#8 key (as other tools write them)."""
    try:
        return serialization.load_pem_private_key(pem, password=_passphrase_bytes(passphrase))
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
