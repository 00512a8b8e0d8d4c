"""Đăng ký khóa của nhiều đơn vị: one table row per key found in the cards, key files and folders chosen;
the reviewer types, on each row, the last two groups of the fingerprint read from the paper card, and
enrols every confirmed row with one button.

The table shows the fingerprint without its last two groups, so the pair typed comes from the card and
not from the screen; once a row matches, its whole fingerprint is shown. Whether a row is confirmed is
the core's answer (``check_choice``); this dialog only says it on the row.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.exchange.import_errors import (
    FingerprintTailFormatError,
    FingerprintTailMismatchError,
    FingerprintTailNeededError,
    RevokeChoiceNeededError,
)
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import matches
from cchc_desktop.receiver.key_batch import KeyCandidate, KeyChoice, check_choice

COLUMNS = ("unit", "code", "roster", "fingerprint", "tail", "revoke", "state")
WIDTHS = (190, 72, 92, 0, 132, 74)  # the fingerprint's column is sized to its text
GREEN, RED, AMBER, GREY = "#dff6dd", "#fde7e9", "#fff4ce", "#f3f2f1"
TAIL_LENGTH = 8


def _mono(size: float) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(size)
    return font


class _Row:
    """One key's row: the candidate, what was typed, and the verdict shown."""

    def __init__(self, candidate: KeyCandidate) -> None:
        self.candidate = candidate
        self.tail = QLineEdit()
        self.revoke = QCheckBox(tr("ui.keys.batch.revoke_box"))
        self.verdict = ""  # "ok", "wrong", "needs_revoke", "typing", "" (nothing typed), "skip", "unusable"
        self.message = ""

    def choice(self) -> KeyChoice:
        return KeyChoice(self.candidate, self.tail.text(), self.revoke.isChecked())

    def judge(self) -> None:
        """The core's verdict on what was typed, kept for the row's colour and words."""
        state = self.candidate.state
        if state in ("enrolled", "unusable"):
            self.verdict, self.message = ("skip" if state == "enrolled" else "unusable"), self.candidate.problem
            return
        typed = "".join(self.tail.text().split())
        try:
            check_choice(self.choice())
        except FingerprintTailNeededError:
            self.verdict, self.message = "", ""
        except FingerprintTailFormatError as exc:
            self.verdict, self.message = ("typing", "") if len(typed) < TAIL_LENGTH else ("wrong", str(exc))
        except FingerprintTailMismatchError as exc:
            self.verdict, self.message = "wrong", str(exc)
        except RevokeChoiceNeededError as exc:
            self.verdict, self.message = "needs_revoke", str(exc)
        except CchcError as exc:
            self.verdict, self.message = "wrong", str(exc)
        else:
            self.verdict, self.message = "ok", ""


class KeyBatchDialog(QDialog):
    """Emits ``enrol_requested`` with the confirmed choices; the caller enrols them and closes it."""

    enrol_requested = Signal(list)
    single_requested = Signal(str)  # a key file naming no unit: enrolled on its own, codes typed

    def __init__(self, parent, candidates: list[KeyCandidate]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.keys.batch.title"))
        self.rows = [_Row(candidate) for candidate in candidates]
        intro = QLabel(tr("ui.keys.batch.intro"))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("ui.keys.batch.search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.table = self._table()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 6)
        self.count = QLabel()
        self.enrol_button = QPushButton()
        self.enrol_button.clicked.connect(self._request)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bottom)
        for index, row in enumerate(self.rows):
            self._fill(index, row)
        self.table.currentCellChanged.connect(lambda current, *_: self._show_detail(current))
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self._refresh()
        self._size_to_screen()

    # Building ###########################################################

    def _table(self) -> QTableWidget:
        table = QTableWidget(len(self.rows), len(COLUMNS))
        table.setHorizontalHeaderLabels([tr(f"ui.keys.batch.col.{c}") for c in COLUMNS])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)
        table.setAutoScroll(False)  # typing in a row makes it current without scrolling the unit's name away
        for column, width in enumerate(WIDTHS):
            if width:
                table.setColumnWidth(column, width)
        table.setColumnWidth(COLUMNS.index("fingerprint"), _advance(_mono(9), "0000 " * 15 + "0000"))
        return table

    def _fill(self, index: int, row: _Row) -> None:
        c = row.candidate
        self._put(index, "unit", c.name, tooltip="\n".join((c.label, *c.sources)))
        self._put(index, "code", c.code)
        self._put(
            index, "roster", tr(f"ui.keys.batch.roster.{c.roster}") if c.identity else "", tooltip="\n".join(c.notes)
        )
        item = self._put(index, "fingerprint", c.masked_fingerprint, tooltip=tr("ui.keys.batch.masked_tip"))
        item.setFont(_mono(9))
        row.tail.setFont(_mono(9.5))
        row.tail.setPlaceholderText(tr("ui.keys.batch.tail_placeholder"))
        row.tail.setMaxLength(20)
        row.tail.setEnabled(c.needs_confirmation)
        row.tail.textChanged.connect(lambda _text, r=row, i=index: self._changed(i, r))
        row.tail.installEventFilter(self)  # clicking into a row's field explains that row below the table
        row.revoke.setVisible(c.state == "replaces")
        row.revoke.toggled.connect(lambda _on, r=row, i=index: self._changed(i, r))
        self.table.setCellWidget(index, COLUMNS.index("tail"), _centred(row.tail))
        self.table.setCellWidget(index, COLUMNS.index("revoke"), _centred(row.revoke))
        self._put(index, "state", "")
        row.judge()
        self._show_row(index, row)

    def _put(self, index: int, column: str, text: str, tooltip: str = "") -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setToolTip(tooltip or text)
        self.table.setItem(index, COLUMNS.index(column), item)
        return item

    def _size_to_screen(self) -> None:
        """As wide as the table needs, never beyond the screen (1366×768 with a taskbar)."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(1340, screen.width() - 16), min(700, screen.height() - 40))

    # Reacting ###########################################################

    def _changed(self, index: int, row: _Row) -> None:
        """The row typed in becomes the current one (its explanation below the table); once it matches,
        the next row waiting for its card takes the typing, so a pile of cards is typed without the mouse."""
        was = row.verdict
        row.judge()
        self._show_row(index, row)
        self._refresh()
        self.table.setCurrentCell(index, COLUMNS.index("tail"))
        self._show_detail(index)
        if row.verdict == "ok" and was != "ok" and row.tail.hasFocus():
            self._focus_next(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            index = next((i for i, row in enumerate(self.rows) if row.tail is watched), -1)
            if index >= 0:
                self.table.setCurrentCell(index, COLUMNS.index("tail"))
                self._show_detail(index)
        return super().eventFilter(watched, event)

    def _focus_next(self, index: int) -> None:
        for later in range(index + 1, len(self.rows)):
            row = self.rows[later]
            if row.tail.isEnabled() and row.verdict != "ok" and not self.table.isRowHidden(later):
                self.table.scrollToItem(self.table.item(later, 0))
                row.tail.setFocus()
                return

    def _show_row(self, index: int, row: _Row) -> None:
        c = row.candidate
        words = {
            "ok": tr("ui.keys.batch.state.ok_revoke" if row.revoke.isChecked() else "ui.keys.batch.state.ok"),
            "wrong": tr("ui.keys.batch.state.wrong"),
            "needs_revoke": tr("ui.keys.batch.state.needs_revoke"),
            "typing": tr("ui.keys.batch.state.typing"),
            "skip": tr("ui.keys.batch.state.skip"),
            "unusable": tr("ui.keys.batch.state.unusable"),
            "": tr("ui.keys.batch.state.waiting"),
        }[row.verdict]
        if c.held and row.verdict not in ("unusable",):
            words += " " + tr("ui.keys.batch.state.held", count=c.held)
        colour = {"ok": GREEN, "wrong": RED, "unusable": RED, "needs_revoke": AMBER, "skip": GREY}.get(row.verdict)
        state = self.table.item(index, COLUMNS.index("state"))
        state.setText(words)
        state.setToolTip(row.message or words)
        for column in range(len(COLUMNS)):  # the whole row, seen at a glance in a long list
            item = self.table.item(index, column)
            if item is not None:
                item.setBackground(QColor(colour) if colour else QColor(0, 0, 0, 0))
        shown = c.fingerprint if row.verdict in ("ok", "skip") else c.masked_fingerprint
        self.table.item(index, COLUMNS.index("fingerprint")).setText(shown)

    def _filter(self, text: str) -> None:
        """Only the rows whose unit, code or file name has every word typed (tone marks optional)."""
        for index, row in enumerate(self.rows):
            c = row.candidate
            self.table.setRowHidden(index, not matches(text, c.name, c.code, *c.sources))
        shown = [i for i in range(len(self.rows)) if not self.table.isRowHidden(i)]
        if len(shown) == 1 and self.rows[shown[0]].tail.isEnabled():  # the card's row found: type at once
            self.rows[shown[0]].tail.setFocus()

    def _show_detail(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            self.detail.clear()
            return
        row = self.rows[index]
        c = row.candidate
        parts = [tr("ui.keys.batch.detail.files", files=", ".join(c.sources))]
        parts += [text for text in (row.message, *c.notes) if text]
        self.detail.setText("\n".join(parts))

    def _refresh(self) -> None:
        counts = {key: sum(1 for r in self.rows if r.verdict == key) for key in ("ok", "wrong", "needs_revoke")}
        waiting = sum(1 for r in self.rows if r.candidate.needs_confirmation and r.verdict in ("", "typing"))
        self.count.setText(
            tr(
                "ui.keys.batch.count",
                ok=counts["ok"],
                wrong=counts["wrong"] + counts["needs_revoke"],
                waiting=waiting,
                skipped=sum(1 for r in self.rows if r.verdict == "skip"),
            )
        )
        self.enrol_button.setText(tr("ui.keys.batch.enrol", count=counts["ok"]))
        self.enrol_button.setEnabled(counts["ok"] > 0)

    def _double_clicked(self, index: int, _column: int) -> None:
        candidate = self.rows[index].candidate
        if candidate.identity is None and candidate.pub is not None:
            self.single_requested.emit(candidate.path)

    def confirmed(self) -> list[KeyChoice]:
        return [row.choice() for row in self.rows if row.verdict == "ok"]

    def _request(self) -> None:
        self.enrol_requested.emit(self.confirmed())

    # For tests and the panel ############################################

    def row_of(self, code: str) -> _Row:
        return next(row for row in self.rows if row.candidate.code == code)

    def state_text(self, code: str) -> str:
        index = self.rows.index(self.row_of(code))
        return self.table.item(index, COLUMNS.index("state")).text()


def _advance(font: QFont, text: str) -> int:
    return QFontMetrics(font).horizontalAdvance(text) + 14


def _centred(widget: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(3, 1, 3, 1)
    layout.addWidget(widget)
    return holder
