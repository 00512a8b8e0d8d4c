"""PDF renderer: an OfficialDocument laid out per Decree 30/2020, returned as bytes.

ReportLab is imported here lazily, when a document is rendered, not at app start-up.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from cchc_desktop.kernel.documents.model import OfficialDocument
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import nfc


@dataclass(frozen=True)
class RenderedPdf:
    """The PDF and where its signature blank landed: ``signature_space`` is (page from 0, x0, y0, x1,
    y1) in points from the bottom-left corner, the first document's only; None without a signature."""

    data: bytes
    signature_space: tuple[int, float, float, float, float] | None


def render_pdf(
    document: OfficialDocument,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    invariant: bool = True,
) -> bytes:
    """Render ``document`` (with its appendices and attachments) to PDF bytes.

    ``progress(done, total)`` is called as the layout advances; ``cancelled()`` returning
    True stops the work with :class:`cchc_desktop.kernel.errors.JobCancelled`. ``invariant``
    leaves out timestamps and random ids so the same input gives the same bytes.
    """
    return render_pdf_layout(document, progress=progress, cancelled=cancelled, invariant=invariant).data


def render_pdf_layout(
    document: OfficialDocument,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    invariant: bool = True,
) -> RenderedPdf:
    """``render_pdf``, also saying where the signature image goes (ký số places it there)."""
    from cchc_desktop.kernel.documents.pdf_flowables import PageCounter
    from cchc_desktop.kernel.documents.pdf_story import build_story
    from cchc_desktop.kernel.documents.pdf_template import OfficialDocTemplate

    buffer = io.BytesIO()
    counter = PageCounter()
    template = OfficialDocTemplate(
        buffer,
        counter,
        progress=progress,
        cancelled=cancelled,
        invariant=int(invariant),
        title=nfc(document.title or f"{document.type_name} {document.summary}".strip()),
        author=nfc(document.author),
        creator=tr("app.name"),
        lang="vi-VN",
    )
    template.build_story(build_story(document, counter))
    spaces = template.signature_spaces
    return RenderedPdf(buffer.getvalue(), spaces[0] if spaces else None)
