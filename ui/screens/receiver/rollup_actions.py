"""Roll-up in the receiver's panel: a district sends its consolidation up (year and period, passphrase,
folder, written off the UI thread); a province reads the districts' consolidations it received."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from cchc_desktop.kernel.errors import ValidationError
from ui.dialogs.rollup_dialog import RollupDialog
from ui.errors import show_error
from ui.screens.receiver.rollup_view import RollupView
from ui.widgets.signed_writing import write_signed


class RollupActions:
    """Mixed into the receiver's panel (which asks the passphrase and shows result lines)."""

    def send_rollup(self) -> None:
        dialog = RollupDialog(self.session, self.year or 0, self)
        self.rollup_dialog = dialog  # tests drive it
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        year, period = dialog.choice()
        try:
            self.ws.rollup.check(year, period)  # said before the passphrase is asked
        except ValidationError as exc:
            show_error(self, exc)
            return
        write_signed(
            self,
            "ui.rollup",
            lambda own, passphrase, folder, progress, cancelled: own.rollup.write(
                year, period, folder, passphrase, progress=progress, cancelled=cancelled
            ),
            self._rollup_written,
        )

    def _rollup_written(self, result) -> None:
        self._say(result.summary)
        self.session.saved.emit()

    def open_rollups(self) -> RollupView:
        view = RollupView(self.session, lambda report: report and self.inbox.open_document(self._row_of(report)), self)
        self.rollup_view = view
        view.show()
        return view

    def _row_of(self, report):
        return next((r for r in self.ws.receiver.inbox() if r.id == report.package_row_id), None)
