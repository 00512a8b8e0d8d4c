"""Ký số văn bản: one method per user action; the screens ask here what may be done."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from cchc_desktop import rendering
from cchc_desktop.kernel.errors import NotFoundError, ValidationError
from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.signing import documents, store
from cchc_desktop.signing.model import IMAGE_KINDS, DocumentRef, SignatureImage, SignedDocument, SignedPdf
from cchc_desktop.signing.task import SigningTask

DEFAULT_SEAL_MM = 36.0


class SigningWorkspace(rendering.DocumentSources, Protocol):
    """The workspace as ký số sees it: the documents, and a transaction to keep what was signed."""

    conn: sqlite3.Connection

    @property
    def actor(self) -> str: ...

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...


class SigningService:
    """Văn bản đã ký số and the unit's signature and seal images."""

    def __init__(self, ws: SigningWorkspace) -> None:
        self.ws = ws

    # Reads ##############################################################

    def refusal(self, ref: DocumentRef) -> str | None:
        """Why ``ref`` may not be signed now (a sentence), or None when it may."""
        key = documents.refusal(self.ws, ref)
        return tr(key) if key else None

    def latest(self, ref: DocumentRef) -> SignedDocument | None:
        """The newest signed copy of the document (of this plan version)."""
        ref = documents.resolved(self.ws, ref)
        return store.latest_signed(self.ws.conn, ref.kind, ref.year, ref.period, ref.plan_id)

    def status_text(self, ref: DocumentRef) -> str:
        """ "Đã ký số — Nguyễn Văn Hùng, 04/12/2026", or "" when never signed."""
        signed = self.latest(ref)
        if signed is None:
            return ""
        return tr("signing.status", signer=signed.signer_name, date=format_date(signed.signed_at[:10]))

    def image(self, kind: str) -> SignatureImage | None:
        return store.image(self.ws.conn, _image_kind(kind))

    def pdf(self, signed_id: int) -> bytes:
        data = store.signed_pdf(self.ws.conn, signed_id)
        if data is None:
            raise NotFoundError("signing.not_found")
        return data

    def prepare(self, ref: DocumentRef) -> SigningTask:
        """Everything signing needs, read now; ``task.run`` signs off the database (a worker thread)."""
        reason = documents.refusal(self.ws, ref)
        if reason:
            raise ValidationError(reason)
        signature, seal = self.image("signature"), self.image("seal")
        if signature is None or seal is None:
            raise ValidationError("signing.images_missing")
        ref = documents.resolved(self.ws, ref)
        document, file_name, title = documents.read_document(self.ws, ref)
        number = documents.document_number(document)
        return SigningTask(
            ref, document, file_name, title, number, signature.png, seal.png, seal.diameter_mm or DEFAULT_SEAL_MM
        )

    # Actions ############################################################

    def set_image(self, kind: str, source: str | Path, diameter_mm: float | None = None) -> SignatureImage:
        """Keep the unit's signature image ("signature") or seal image ("seal", with its real diameter)
        in the workspace, replacing the previous one."""
        from cchc_desktop.signatures.appearance import image_size

        kind = _image_kind(kind)
        path = Path(source)
        try:
            png = path.read_bytes()
        except OSError:
            raise ValidationError("signing.image_unreadable", file=path.name) from None
        image_size(png, f"signatures.what.{kind}_image")  # refuses what is not a readable PNG
        if kind == "seal" and diameter_mm is not None and not 10 <= diameter_mm <= 60:
            raise ValidationError("signing.seal_size", size=diameter_mm)
        label = tr(f"signing.image.{kind}")
        with self.ws.transaction() as conn:
            return store.put_image(conn, kind, png, diameter_mm, path.name, self.ws.actor, label)

    def keep(self, signed: SignedPdf) -> SignedDocument:
        """Keep the signed PDF in the workspace (one per document and content); audited."""
        label = tr("signing.audit_label", file=signed.file_name)
        with self.ws.transaction() as conn:
            return store.insert_signed(conn, signed, self.ws.actor, label)

    def save_copy(self, signed_id: int, path: str | Path) -> Path:
        """Write the signed PDF to ``path`` (atomically)."""
        return rendering.write_document(path, self.pdf(signed_id))


def _image_kind(kind: str) -> str:
    if kind not in IMAGE_KINDS:
        raise ValidationError("signing.image_kind", kind=kind)
    return kind
