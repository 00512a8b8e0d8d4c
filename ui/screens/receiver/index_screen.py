"""Chấm điểm: each unit's self-score, per area, ranked; how the scores spread; who sent none."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QWidget

from cchc_desktop.kernel.i18n import format_number, tr
from cchc_desktop.receiver.index import IndexView, UnitScore
from ui.models.rows_table import TableCell
from ui.screens.receiver.table_screen import COLOURS, TableScreen
from ui.session import Session


class Histogram(QWidget):
    """How many units scored in each band of points (a bar per band)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bands: list[tuple[float, int]] = []
        self.setMinimumWidth(260)

    def set_bands(self, bands: list[tuple[float, int]]) -> None:
        self.bands = bands
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.drawText(QRectF(0, 4, self.width(), 18), Qt.AlignmentFlag.AlignCenter, tr("ui.receiver.index.chart"))
        if self.bands:
            self._bars(painter)
        painter.end()

    def _bars(self, painter: QPainter) -> None:
        top = max(count for _, count in self.bands) or 1
        width = (self.width() - 20) / len(self.bands)
        height = self.height() - 76
        for i, (start, count) in enumerate(self.bands):
            left, bar = 10 + i * width, height * count / top
            painter.fillRect(QRectF(left + 2, 46 + height - bar, width - 4, bar), QColor("#0078d4"))
            if count:
                painter.drawText(QRectF(left, 28 + height - bar, width, 16), Qt.AlignmentFlag.AlignCenter, str(count))
            painter.drawText(QRectF(left, 50 + height, width, 16), Qt.AlignmentFlag.AlignCenter, format_number(start))


class IndexScreen(TableScreen):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, [], parent)
        self.histogram = Histogram(self)
        row = QHBoxLayout()
        layout = self.layout()
        layout.removeWidget(self.view)
        row.addWidget(self.view, 1)
        row.addWidget(self.histogram)
        layout.insertLayout(2, row, 1)

    def load(self) -> None:
        view: IndexView = self.session.ws.receiver.index(self.year)
        self.heading.setText(tr("ui.receiver.index.heading", year=self.year))
        headers = [tr(f"ui.receiver.index.col.{k}") for k in ("rank", "unit", "total", "scored", "status")]
        tips = [""] * len(headers) + [f"{a.code}. {a.name}" for a in view.areas]
        headers += [tr("ui.receiver.index.col.area", code=a.code) for a in view.areas]
        self.model.set_rows([self._cells(s, view) for s in view.scores], view.scores, headers, tips)
        self.widths(55, 220, 85, 115, 90, *([85] * len(view.areas)))
        self.histogram.set_bands(view.distribution)
        missing = ", ".join(u.full_name for u in view.missing[:12]) + (" …" if len(view.missing) > 12 else "")
        self.note.setText(
            tr("ui.receiver.index.note", sent=len(view.scores), missing=len(view.missing), names=missing or "—")
        )

    @staticmethod
    def _cells(score: UnitScore, view: IndexView) -> list[TableCell]:
        status = "submitted" if score.submitted else "draft"
        cells = [
            TableCell(str(score.rank), score.rank, align_right=True),
            TableCell(score.name),
            TableCell(format_number(score.total), score.total, align_right=True),
            TableCell(f"{score.scored}/{score.scorable}", score.scored, align_right=True),
            TableCell(tr(f"ui.receiver.index.status.{status}"), status, "" if score.submitted else COLOURS["draft"]),
        ]
        return cells + [
            TableCell(format_number(score.areas.get(a.code, 0)), score.areas.get(a.code, 0), align_right=True)
            for a in view.areas
        ]
