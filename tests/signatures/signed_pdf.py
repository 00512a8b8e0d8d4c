"""Helpers to sign the test document twice and to ask poppler's pdfsig about the result."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

from cchc_desktop.signatures.clock import VIETNAM
from cchc_desktop.signatures.pdf_sign import sign_as_agency, sign_as_signer

NUMBER = "12/KH-UBND"
SIGNER_TIME = dt.datetime(2026, 12, 3, 8, 30, 0, tzinfo=VIETNAM)
AGENCY_TIME = dt.datetime(2026, 12, 3, 9, 15, 7, tzinfo=VIETNAM)


def sign_both(document, images, person_signer, org_signer, **agency_options) -> tuple[bytes, bytes]:
    """(after the signer's signature, after the agency's)."""
    pdf, box = document
    first = sign_as_signer(pdf, person_signer, images["signature"], box, signing_time=SIGNER_TIME, location="Kỳ Phong")
    second = sign_as_agency(
        first, org_signer, images["seal"], document_number=NUMBER, signing_time=AGENCY_TIME, **agency_options
    )
    return first, second


def pdfsig(path: Path, nss_dir: Path | None = None) -> list[dict[str, str]]:
    """pdfsig's report as one dict per signature ("Signature Field Name" → value…)."""
    command = ["pdfsig", "-no-ocsp"] + (["-nssdir", f"sql:{nss_dir}"] if nss_dir else []) + [str(path)]
    output = subprocess.run(command, capture_output=True, text=True).stdout
    signatures: list[dict[str, str]] = []
    for line in output.splitlines():
        if re.match(r"^Signature #\d+:", line):
            signatures.append({})
        elif signatures and line.strip().startswith("- "):
            key, _, value = line.strip()[2:].partition(": ")
            signatures[-1][key] = value if value else key
    return signatures


def nss_db_trusting(folder: Path, root_pem: Path) -> Path | None:
    """An NSS database that trusts the test root for signing (None when certutil is missing)."""
    if shutil.which("certutil") is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(
        ["certutil", "-A", "-d", f"sql:{folder}", "-n", "Goc thu nghiem", "-t", "CT,C,C", "-a", "-i", str(root_pem)],
        check=True,
        capture_output=True,
    )
    return folder
