"""Danh sách đơn vị trực thuộc: who is expected to report, and whether each has an enrolled key."""

from __future__ import annotations

from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.receiver.service import RosterRow
from ui.models.rows_table import TableCell
from ui.screens.receiver.table_screen import COLOURS, TableScreen
from ui.session import Session

HEADERS = ("no", "code", "name", "valid", "key", "source", "note")
KEY_COLOURS = {
    "none": COLOURS["missing"],
    "enrolled": COLOURS["on_time"],
    "revoked": COLOURS["late"],
    "certificate": COLOURS["on_time"],
}


class RosterScreen(TableScreen):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, [tr(f"ui.receiver.roster.col.{h}") for h in HEADERS], parent)
        self.fill_button = self.button("ui.receiver.roster.fill", self.fill)
        self.add_button = self.button("ui.receiver.roster.add", self.add)
        self.remove_button = self.button("ui.receiver.roster.remove", self.remove)
        self.widths(45, 80, 230, 170, 120, 140)

    def load(self) -> None:
        rows = self.session.ws.receiver.roster_rows()
        self.heading.setText(tr("ui.receiver.roster.heading", count=len(rows)))
        self.model.set_rows([self._cells(i, r) for i, r in enumerate(rows, 1)], rows)
        enrolled = sum(1 for r in rows if r.key_state == "enrolled")
        sealed = sum(1 for r in rows if r.key_state == "certificate")
        self.note.setText(tr("ui.receiver.roster.note", enrolled=enrolled, sealed=sealed, count=len(rows)))

    def _cells(self, number: int, row: RosterRow) -> list[TableCell]:
        unit = row.unit
        valid = tr(
            "ui.receiver.roster.valid",
            start=format_date(unit.valid_from) or "…",
            end=format_date(unit.valid_to) or tr("ui.receiver.roster.valid.now"),
        )
        return [
            TableCell(str(number), number, align_right=True),
            TableCell(unit.code_text),
            TableCell(unit.full_name),
            TableCell(valid, unit.valid_to or "9999"),
            TableCell(tr(f"receiver.roster.key.{row.key_state}"), colour=KEY_COLOURS[row.key_state]),
            TableCell(tr(f"receiver.roster.source.{unit.source}")),
            TableCell(unit.note),
        ]

    def fill(self) -> None:
        self.session.call(self, lambda: self.session.ws.receiver.fill_roster())

    def add(self) -> None:
        from ui.screens.receiver.unit_dialog import UnitDialog

        dialog = UnitDialog(self.session.ws.profile.get().province_code, self)
        if dialog.exec():
            values = dialog.values()
            self.session.call(self, lambda: self.session.ws.receiver.add_unit(**values))

    def remove(self) -> None:
        ids = [row.unit.id for row in self.selected_payloads()]
        if ids:
            self.session.call(self, lambda: self.session.ws.receiver.remove_units(ids))
