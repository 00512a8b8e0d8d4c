"""Signature fixtures shared by every folder: the test PKI shaped like the Government CA, images, a
document, SoftHSM2 tokens (the chairman's, the văn thư's, a spare one) and .p12 files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.signatures import softhsm
from tests.signatures.pki import TestPki, build_pki, crl

PERSON_TOKEN, PERSON_PIN, PERSON_KEY_ID = "CHU-TICH-KY-PHONG", "246810", "a1b2"
ORG_TOKEN, ORG_PIN, ORG_KEY_ID = "VAN-THU-KY-PHONG", "135790", "0c0d"
SPARE_TOKEN, SPARE_PIN = "TOKEN-THU-PIN", "112233"
P12_PASSWORD = "mật-khẩu-thử"


@pytest.fixture(scope="session")
def pki() -> TestPki:
    return build_pki()


@pytest.fixture(scope="session")
def pki_files(pki: TestPki, tmp_path_factory) -> dict[str, Path]:
    """PEM files of the roots, the intermediate and a CRL revoking ``pki.revoked``."""
    folder = tmp_path_factory.mktemp("pki")
    files = {
        "root": pki.root.pem,
        "intermediate": pki.intermediate.pem,
        "other_root": pki.other_root.pem,
        "crl": crl(pki.intermediate, [pki.revoked.cert]),
        "empty_crl": crl(pki.intermediate, []),
    }
    paths = {}
    for key, data in files.items():
        paths[key] = folder / f"{key}.pem"
        paths[key].write_bytes(data)
    return paths


@pytest.fixture(scope="session")
def images() -> dict[str, bytes]:
    from tests.signatures.images import seal_png, signature_png

    return {"signature": signature_png(), "seal": seal_png()}


@pytest.fixture(scope="session")
def document():
    from tests.signatures.document import make_document

    return make_document()


@pytest.fixture(scope="session")
def hsm(pki: TestPki, tmp_path_factory) -> str:
    """The SoftHSM2 module path, with three tokens: the chairman's, the văn thư's (organisation
    key) and a spare one for wrong-PIN tests."""
    if not softhsm.available():
        pytest.skip("SoftHSM2 is not installed (apt-get install softhsm2)")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(softhsm.write_config(tmp_path_factory.mktemp("softhsm")))
    for label, pin in ((PERSON_TOKEN, PERSON_PIN), (ORG_TOKEN, ORG_PIN), (SPARE_TOKEN, SPARE_PIN)):
        softhsm.init_token(label, pin)
    chain = [pki.intermediate]
    softhsm.import_identity(PERSON_TOKEN, PERSON_PIN, pki.person, bytes.fromhex(PERSON_KEY_ID), chain)
    softhsm.import_identity(ORG_TOKEN, ORG_PIN, pki.org, bytes.fromhex(ORG_KEY_ID), chain)
    softhsm.import_identity(SPARE_TOKEN, SPARE_PIN, pki.revoked, b"\x01", chain)
    yield softhsm.module_path()
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


@pytest.fixture
def person_signer(hsm: str):
    from cchc_desktop.signatures.token_signer import open_token_signer

    with open_token_signer(hsm, PERSON_PIN, token_label=PERSON_TOKEN, key_id=PERSON_KEY_ID) as signer:
        yield signer


@pytest.fixture
def org_signer(hsm: str):
    from cchc_desktop.signatures.token_signer import open_token_signer

    with open_token_signer(hsm, ORG_PIN, token_label=ORG_TOKEN) as signer:
        yield signer


@pytest.fixture(scope="session")
def p12_files(pki: TestPki, tmp_path_factory) -> dict[str, Path]:
    """.p12 files of every end-entity certificate, protected by ``P12_PASSWORD``."""
    folder = tmp_path_factory.mktemp("p12")
    paths = {}
    for key in ("person", "org", "commune", "expired", "not_yet_valid", "encryption_only", "revoked"):
        identity = getattr(pki, key)
        paths[key] = folder / f"{key}.p12"
        paths[key].write_bytes(identity.pkcs12(P12_PASSWORD.encode("utf-8"), [pki.intermediate.cert]))
    return paths


def trust(ws, *paths):
    """Add trust files as a user does: read them, compare the roots' fingerprints, confirm them."""
    roots = [entry.sha256 for entry in ws.exchange.read_trust_files(paths) if entry.kind == "root"]
    return ws.exchange.add_trust_files(paths, roots)
