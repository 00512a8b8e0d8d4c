"""Measure sealing and verifying packages with a unit's certificate ("cms-x509") beside the app's
Ed25519 key (no assertions; numbers for the report). The certificate is a .p12 of the test PKI shaped
like the Government CA's (root, intermediate, an agency's certificate; a CRL of the intermediate).

Usage: .venv/bin/python scripts/bench_certificate_seal.py [--packages 50]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.exchange.format import build_package, generate_private_key, verify_package
from cchc_desktop.exchange.format.cert_seal import CertificatePolicy, SealUnit
from cchc_desktop.exchange.format.seal import CertificateSealer
from cchc_desktop.exchange.format.signing import TrustedKey
from cchc_desktop.signatures.pkcs12 import load_pkcs12_signer
from cchc_desktop.signatures.trust import load_trust
from tests.exchange.format.craft import DATA, DOCUMENT, FIELDS
from tests.signatures.pki import build_pki, crl

UNIT = SealUnit("42", "18103", "Kỳ Phong", "xa", "xã Kỳ Phong (mã 42-18103)")


def _timed(label: str, count: int, action) -> None:
    start = time.perf_counter()
    for index in range(count):
        action(index)
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds * 1000 / count:8.1f} ms each ({count} packages)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=50)
    count = parser.parse_args().packages
    pki = build_pki()
    with tempfile.TemporaryDirectory() as raw:
        folder = Path(raw)
        (folder / "org.p12").write_bytes(pki.org.pkcs12(b"pw", [pki.intermediate.cert]))
        for name, data in (("root", pki.root.pem), ("inter", pki.intermediate.pem)):
            (folder / f"{name}.pem").write_bytes(data)
        (folder / "crl.pem").write_bytes(crl(pki.intermediate, []))
        trust = load_trust([folder / "root.pem"], [folder / "crl.pem"], [folder / "inter.pem"])
        policy = CertificatePolicy(trust, (UNIT,), "Hà Tĩnh")
        key = generate_private_key()
        enrolled = [TrustedKey(key.public_key(), 1, UNIT.label)]

        def lookup(province: str, unit: str) -> list[TrustedKey]:
            return enrolled

        def seal(sealer, prefix: str):
            return lambda i: build_package(FIELDS, DATA, DOCUMENT, [], sealer, folder / f"{prefix}{i}.cchc")

        def check(prefix: str, certificates=None):
            return lambda i: verify_package(folder / f"{prefix}{i}.cchc", lookup, certificates=certificates)

        _timed("seal with the app's key (Ed25519)", count, seal(key, "k"))
        with load_pkcs12_signer(folder / "org.p12", "pw") as signer:
            _timed("seal with the certificate (.p12, CMS)", count, seal(CertificateSealer(signer), "c"))
        _timed("verify, app key", count, check("k"))
        _timed("verify, certificate (chain + CRL + unit)", count, check("c", policy))


if __name__ == "__main__":
    main()
