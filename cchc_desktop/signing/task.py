"""Signing one document off the database: render, the signer's signature, the agency's (any thread)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cchc_desktop.kernel.documents.model import OfficialDocument
from cchc_desktop.kernel.documents.pdf import render_pdf_layout
from cchc_desktop.kernel.errors import JobCancelled, ValidationError
from cchc_desktop.kernel.jobs import Cancelled, Progress
from cchc_desktop.signatures.layout import PageBox, mm
from cchc_desktop.signing.keys import open_signer
from cchc_desktop.signing.model import DocumentRef, KeySource, SignedPdf

#: The signature image is centred in a box this wide within the signer's column (a hand signature
#: is about 5 cm; the whole column would make it as wide as the title lines).
SIGNATURE_WIDTH_MM = 60.0
_STEPS = 4


@dataclass(frozen=True)
class Credentials:
    """The key the user chose and its PIN or password (held only while signing)."""

    key: KeySource
    secret: str


@dataclass(frozen=True)
class SigningTask:
    """What signing needs, read from the workspace beforehand."""

    ref: DocumentRef
    document: OfficialDocument
    file_name: str
    title: str
    document_number: str
    signature_png: bytes
    seal_png: bytes
    seal_mm: float

    def run(
        self,
        signer: Credentials,
        agency: Credentials,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> SignedPdf:
        """The unsigned PDF, signed first by the signer (signature image), then by the agency (seal)."""
        from cchc_desktop.signatures.clock import iso_vietnam, vietnam_now
        from cchc_desktop.signatures.pdf_sign import sign_as_agency, sign_as_signer

        step = _Steps(progress, cancelled)
        rendered = render_pdf_layout(self.document)
        if rendered.signature_space is None:
            raise ValidationError("signing.no_signature_block")
        step()
        with open_signer(signer.key, signer.secret) as person:
            step()
            pdf = sign_as_signer(rendered.data, person, self.signature_png, signature_box(rendered.signature_space))
            person_cert = person.certificate
        step()
        with open_signer(agency.key, agency.secret) as org:
            moment = vietnam_now()
            pdf = sign_as_agency(
                pdf,
                org,
                self.seal_png,
                document_number=self.document_number,
                seal_diameter_mm=self.seal_mm,
                signing_time=moment,
            )
            org_cert = org.certificate
        step()
        return SignedPdf(
            self.ref,
            hashlib.sha256(rendered.data).hexdigest(),
            pdf,
            self.file_name,
            self.document_number,
            person_cert.common_name,
            person_cert.subject,
            org_cert.common_name,
            iso_vietnam(moment),
        )


def signature_box(space: tuple[int, float, float, float, float]) -> PageBox:
    """The blank the renderer left between the chức vụ lines and the name, narrowed to a signature's width."""
    page, x0, y0, x1, y1 = space
    half = min(mm(SIGNATURE_WIDTH_MM), x1 - x0) / 2
    centre = (x0 + x1) / 2
    return PageBox(page, centre - half, y0, centre + half, y1)


class _Steps:
    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.progress, self.cancelled, self.done = progress, cancelled, 0

    def __call__(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise JobCancelled()
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, _STEPS)
