"""Gửi lên tỉnh (a district, data before 01/7/2025): the province's key enrolled once, the
consolidations sent up with what the province's receipts said of them, and «Gửi báo cáo tổng hợp lên
tỉnh…». Shown only on a district's file."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from cchc_desktop.exchange.format.labels import period_label
from cchc_desktop.kernel.i18n import format_datetime, tr
from ui.screens.exchange_superior import SuperiorBox
from ui.screens.exchange_tables import ReadOnlyTable

_COLUMNS = ("period", "revision", "time", "file", "status")


class DistrictPage(QWidget):
    def __init__(self, session, send_button: QPushButton, choose_files, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.superior = SuperiorBox(session, choose_files, self)
        self.sent = ReadOnlyTable([tr(f"ui.rollup.sent.col.{c}") for c in _COLUMNS])
        heading = QLabel(tr("ui.rollup.sent.heading"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.superior)
        layout.addWidget(send_button)
        layout.addWidget(heading)
        layout.addWidget(self.sent, 1)

    def load(self) -> None:
        self.superior.refresh()
        rows = [r for r in self.session.ws.exchange.outbox() if r["kind"] == "consolidation"]
        self.sent.fill(
            [
                (
                    r["package_id"],
                    (
                        period_label(r["period"] or None, r["year"]),
                        r["revision"],
                        format_datetime(r["created_at"][:19]),
                        r["file_name"],
                        _status(r),
                    ),
                )
                for r in rows
            ]
        )


def _status(row) -> str:
    if row["status"] == "acknowledged":
        return tr("ui.rollup.sent.received", date=format_datetime((row["acknowledged_at"] or "")[:19]))
    return tr("ui.rollup.sent.waiting")
