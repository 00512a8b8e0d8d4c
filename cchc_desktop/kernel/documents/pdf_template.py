"""The ReportLab document template: A4 portrait and landscape pages with Decree-30 margins,
page numbers centred in the top margin from a section's second page, progress and cancel.

Imported only by the PDF renderer at render time.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from cchc_desktop.kernel.documents import pdf_styles as S
from cchc_desktop.kernel.documents.pdf_flowables import PageCounter
from cchc_desktop.kernel.documents.pdf_story import LANDSCAPE, PORTRAIT
from cchc_desktop.kernel.errors import JobCancelled

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def _frame(page_size: tuple[float, float], frame_id: str) -> Frame:
    width, height = page_size
    left, right = S.MARGIN_LEFT_MM * S.MM, S.MARGIN_RIGHT_MM * S.MM
    top, bottom = S.MARGIN_TOP_MM * S.MM, S.MARGIN_BOTTOM_MM * S.MM
    return Frame(
        left,
        bottom,
        width - left - right,
        height - top - bottom,
        id=frame_id,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _page_number_drawer(counter: PageCounter) -> Callable:
    """Draw the section's page number centred over the text area, in the top margin;
    never on a section's first page."""

    def draw(canvas, doc) -> None:
        number = counter.number_on(canvas.getPageNumber())
        if number <= 1:
            return
        width, height = canvas._pagesize
        left, right = S.MARGIN_LEFT_MM * S.MM, S.MARGIN_RIGHT_MM * S.MM
        baseline = height - S.MARGIN_TOP_MM * S.MM / 2 - S.SIZE_PAGE_NUMBER * 0.3
        canvas.saveState()
        canvas.setFont(S.fonts().regular, S.SIZE_PAGE_NUMBER)
        canvas.drawCentredString(left + (width - left - right) / 2, baseline, str(number))
        canvas.restoreState()

    return draw


class OfficialDocTemplate(BaseDocTemplate):
    """Portrait and landscape A4 templates; reports progress and honours cancellation."""

    def __init__(
        self,
        buffer,
        counter: PageCounter,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        **kwargs,
    ) -> None:
        super().__init__(buffer, pagesize=A4, initialFontName=S.fonts().regular, **kwargs)
        draw_number = _page_number_drawer(counter)
        self.addPageTemplates(
            [
                PageTemplate(PORTRAIT, [_frame(A4, PORTRAIT)], onPageEnd=draw_number, pagesize=A4),
                PageTemplate(
                    LANDSCAPE, [_frame(landscape(A4), LANDSCAPE)], onPageEnd=draw_number, pagesize=landscape(A4)
                ),
            ]
        )
        self._progress = progress
        self._cancelled = cancelled
        self._total = 0
        self._done = -1
        self._story: list = []
        #: (page from 0, x0, y0, x1, y1) of each signature blank drawn, in points (SignatureSpace)
        self.signature_spaces: list[tuple[int, float, float, float, float]] = []

    def build_story(self, story: list) -> None:
        self._total = len(story)
        self._story = story
        self.build(story)
        self._report(self._total)

    def handle_flowable(self, flowables: list) -> None:
        if self._cancelled is not None and self._cancelled():
            raise JobCancelled()
        super().handle_flowable(flowables)
        if flowables is self._story:  # not ReportLab's internal queue of page actions
            self._report(self._total - len(flowables))

    def _report(self, done: int) -> None:
        done = max(0, min(done, self._total))
        if self._progress is not None and done > self._done:  # split tables re-queue their rest
            self._done = done
            self._progress(done, self._total)
