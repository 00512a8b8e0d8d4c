"""Gói trao đổi (.cchc): the signed exchange package between a commune and its superior unit.

The format modules imported here are pure (no database): docs/package-format.md §1–11. The modules that work
with a workspace — export and outbox, keys and enrolment, import, rollback (§12) — live in this folder too and
are reached through ``ws.exchange`` (cchc_desktop/services/exchanging.py); they are not imported here.

Writing::

    manifest = build_package(fields, data, pdf_bytes, evidence, private_key, "out/x.cchc",
                             progress=cb, cancelled=is_cancelled)
    build_eml_draft("out/x.cchc", "out/x.eml", manifest, to="sonoivu@hatinh.gov.vn")

Reading::

    package = verify_package("in/x.cchc", key_lookup)   # raises a PackageError subclass on refusal
    package.manifest, package.data, package.read_evidence(sha256), package.read_document()
"""

from __future__ import annotations

from cchc_desktop.exchange.format.builder import (
    ManifestFields,
    build_key_rotation_package,
    build_package,
    package_file_name,
)
from cchc_desktop.exchange.format.eml import build_eml_draft
from cchc_desktop.exchange.format.keys import (
    encrypt_private_key,
    fingerprint,
    generate_private_key,
    load_private_key,
    load_public_pem,
    normalise_fingerprint,
    public_pem,
)
from cchc_desktop.exchange.format.labels import kind_label, package_title, period_label
from cchc_desktop.exchange.format.limits import Limits
from cchc_desktop.exchange.format.manifest import (
    FORMAT_VERSION,
    FrameworkRef,
    Manifest,
    Member,
    Receiver,
    Sender,
    Signer,
)
from cchc_desktop.exchange.format.parts import EvidenceFile
from cchc_desktop.exchange.format.revisions import ImportedRevision, RevisionVerdict, check_revision, classify_revision
from cchc_desktop.exchange.format.signing import KeyLookup, TrustedKey
from cchc_desktop.exchange.format.verify import VerifiedPackage, verify_package
from cchc_desktop.kernel.atomic import atomic_output, write_bytes_atomic

__all__ = [
    "FORMAT_VERSION",
    "EvidenceFile",
    "FrameworkRef",
    "ImportedRevision",
    "KeyLookup",
    "Limits",
    "Manifest",
    "ManifestFields",
    "Member",
    "Receiver",
    "RevisionVerdict",
    "Sender",
    "Signer",
    "TrustedKey",
    "VerifiedPackage",
    "atomic_output",
    "build_eml_draft",
    "build_key_rotation_package",
    "build_package",
    "check_revision",
    "classify_revision",
    "encrypt_private_key",
    "fingerprint",
    "generate_private_key",
    "kind_label",
    "load_private_key",
    "load_public_pem",
    "normalise_fingerprint",
    "package_file_name",
    "package_title",
    "period_label",
    "public_pem",
    "verify_package",
    "write_bytes_atomic",
]
