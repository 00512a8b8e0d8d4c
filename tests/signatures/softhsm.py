"""SoftHSM2 as the USB token in tests: tokens initialised in a temporary folder (SOFTHSM2_CONF),
keys and certificates imported with python-pkcs11, as a VGCA token holds them (key + certificate
under one CKA_ID, the CA certificate beside them)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.signatures.pki import Issued

MODULE_CANDIDATES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")
SO_PIN = "12345678"


def module_path() -> str | None:
    return next((p for p in MODULE_CANDIDATES if Path(p).is_file()), None)


def available() -> bool:
    return module_path() is not None and shutil.which("softhsm2-util") is not None


def write_config(folder: Path) -> Path:
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    config = folder / "softhsm2.conf"
    config.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n", encoding="utf-8"
    )
    return config


def init_token(label: str, pin: str) -> None:
    """A new token in the next free slot (SOFTHSM2_CONF must already point at the folder)."""
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", SO_PIN],
        check=True,
        capture_output=True,
        env=os.environ.copy(),
    )


def import_identity(label: str, pin: str, identity: Issued, key_id: bytes, ca_certs: list[Issued]) -> None:
    """Put the private key and its certificate (same CKA_ID) and the CA certificates on the token."""
    import pkcs11
    from pkcs11 import Attribute
    from pkcs11.util.rsa import decode_rsa_private_key
    from pkcs11.util.x509 import decode_x509_certificate

    token = pkcs11.lib(module_path()).get_token(token_label=label)
    with token.open(user_pin=pin, rw=True) as session:
        key = decode_rsa_private_key(identity.key_der())
        key.update(
            {
                Attribute.ID: key_id,
                Attribute.LABEL: "Khoa ky so",
                Attribute.TOKEN: True,
                Attribute.SENSITIVE: True,
                Attribute.EXTRACTABLE: False,
                Attribute.SIGN: True,
            }
        )
        session.create_object(key)
        cert = decode_x509_certificate(identity.der)
        cert.update({Attribute.ID: key_id, Attribute.LABEL: "Chung thu so", Attribute.TOKEN: True})
        session.create_object(cert)
        for index, ca in enumerate(ca_certs):
            ca_object = decode_x509_certificate(ca.der)
            ca_object.update({Attribute.ID: bytes([0xCA, index]), Attribute.LABEL: "CA", Attribute.TOKEN: True})
            session.create_object(ca_object)
