"""What ký số văn bản deals in: which document, which key, what was signed."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("plan", "report", "assessment")
IMAGE_KINDS = ("signature", "seal")


@dataclass(frozen=True)
class DocumentRef:
    """Một văn bản: the plan version (``plan_id``), the report of ``period`` or the year's self-assessment."""

    kind: str
    year: int
    period: str | None = None
    plan_id: int | None = None


@dataclass(frozen=True)
class KeySource:
    """Where a signing key is: a certificate on a token (``module``, ``token_label``, ``key_id``) or a
    .p12/.pfx file (``path``). ``title`` is what the user reads in a list."""

    kind: str  # "token" | "p12"
    title: str = ""
    module: str = ""
    token_label: str = ""
    key_id: str = ""
    path: str = ""


@dataclass(frozen=True)
class SignedDocument:
    """Một văn bản đã ký số kept in the workspace."""

    id: int
    kind: str
    year: int
    period: str
    plan_id: int | None
    source_sha256: str
    pdf_sha256: str
    file_name: str
    document_number: str
    signer_name: str
    signer_subject: str
    agency_name: str
    signed_at: str
    signed_by: str


@dataclass(frozen=True)
class SignatureImage:
    """Ảnh chữ ký (blue) or ảnh con dấu (red, ``diameter_mm`` its real size) of the unit."""

    kind: str
    png: bytes
    diameter_mm: float | None
    file_name: str
    updated_at: str


@dataclass(frozen=True)
class SignedPdf:
    """The result of signing, before it is kept: made off the database (any thread)."""

    ref: DocumentRef
    source_sha256: str
    pdf: bytes
    file_name: str
    document_number: str
    signer_name: str
    signer_subject: str
    agency_name: str
    signed_at: str
