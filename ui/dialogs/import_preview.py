"""Xem trước khi nhận gói: one line per package and, under it, what would change (old → new)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from cchc_desktop.kernel.i18n import tr
from ui.icons import problem_icon

APPLIES = ("imported", "replaced", "rotated", "held")  # holding a package writes too (it is kept)


class ImportPreviewDialog(QDialog):
    def __init__(self, parent, batch) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.exchange.preview.title"))
        self.batch = batch
        summary = QLabel(batch.summary)
        summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        for outcome in batch.outcomes:
            self.tree.addTopLevelItem(self._item(outcome))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton(tr("ui.exchange.preview.apply"))
        self.apply_button.setEnabled(self.applicable > 0)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)

    @property
    def applicable(self) -> int:
        return sum(1 for o in self.batch.outcomes if o.status in APPLIES)

    @staticmethod
    def _item(outcome) -> QTreeWidgetItem:
        item = QTreeWidgetItem([outcome.line])
        item.setToolTip(0, outcome.line)
        if outcome.refused:
            item.setIcon(0, problem_icon(True))
        elif outcome.status == "held":  # kept, not imported: the unit's key is to be enrolled
            item.setIcon(0, problem_icon(False))
        if outcome.signed:  # the document's signer, seen first rather than at the end of a long line
            item.addChild(QTreeWidgetItem([outcome.signed]))
        for note in outcome.notes:  # a warning the reviewer must see, not only at the end of a long line
            child = QTreeWidgetItem([note])
            child.setToolTip(0, note)
            child.setIcon(0, problem_icon(False))
            item.addChild(child)
        for line in outcome.diff:
            child = QTreeWidgetItem([line.text])
            child.setToolTip(0, line.text)
            item.addChild(child)
        return item

    def lines(self) -> list[str]:
        """Every line shown, packages and their changes, in order (for tests and copying)."""
        found = []
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            found.append(item.text(0))
            found += [item.child(n).text(0) for n in range(item.childCount())]
        return found
