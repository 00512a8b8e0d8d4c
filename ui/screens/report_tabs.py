"""The pages of the period report: tasks, indicators, overall assessment, document details.

Rows of the task and indicator grids come from the plan, so rows are never added, removed
or moved here; only the cells the official reports on are editable. Computed columns
(late flag, rates, year-to-date, attainment) are read-only and refresh after each edit.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.i18n import format_datetime, format_number, format_percent, tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.model import SIGNER_MODES
from cchc_desktop.plans.targets import describe_target
from cchc_desktop.reports.calc import attainment_text
from cchc_desktop.reports.model import NARRATIVE_FIELDS, TASK_STATUSES, ReportAggregate, has_fraction
from cchc_desktop.reports.view import IndicatorFigures, is_behind, is_per_period
from ui.models.record_table import Column
from ui.session import Session
from ui.widgets.bound_fields import BoundChoice, BoundLine, BoundText
from ui.widgets.table_editor import TableEditor

DOCUMENT_FIELDS = (
    "doc_number",
    "doc_symbol",
    "issue_place",
    "report_date",
    "title",
    "addressee",
    "signer_mode",
    "signer_title",
    "signer_name",
)


def fixed_rows(editor: TableEditor) -> TableEditor:
    """Rows that belong to the plan (or the calendar): no add, remove, move or row paste."""
    for button in editor.buttons.values():
        button.hide()
    for signal in (
        editor.view.add_requested,
        editor.view.delete_requested,
        editor.view.move_requested,
        editor.view.paste_requested,
    ):
        signal.disconnect()
    return editor


class ReportPage(QWidget):
    """A page shows part of one report and refreshes from its aggregate."""

    def load(self, agg: ReportAggregate, figures: dict[int, IndicatorFigures], read_only: bool) -> None:
        raise NotImplementedError

    def editors(self) -> list[TableEditor]:
        return []


class TasksPage(ReportPage):
    """Nhiệm vụ: tình trạng, tiến độ, kết quả, lý do of every task of the plan."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.agg: ReportAggregate | None = None
        self.editor = fixed_rows(TableEditor(session, "task_progress", self._columns(), filterable=True))
        note = QLabel(tr("ui.report.tasks.note"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)

    def _task(self, row):
        return self.agg.tasks[row.task_id]

    def _columns(self) -> list[Column]:
        statuses = [(s, tr(f"report.task_status.{s}")) for s in TASK_STATUSES]
        return [
            Column(
                "task", 360, editable=False, title=tr("ui.report.col.task"), display=lambda r: self._task(r).content
            ),
            Column(
                "deadline",
                120,
                editable=False,
                title=tr("ui.report.col.deadline"),
                display=lambda r: self._task(r).deadline_text,
            ),
            Column("flag", 120, editable=False, title=tr("ui.report.col.flag"), display=self._flag),
            Column("status", 150, choices=statuses),
            Column("progress", 80),
            Column("result", 300),
            Column("reason", 220),
            Column("completed_on", 110),
        ]

    def _flag(self, row) -> str:
        task = self._task(row)
        if is_behind(task, row, self.agg.period):
            return tr("ui.report.flag.behind")
        return tr("ui.report.flag.per_period") if is_per_period(task) else ""

    def load(self, agg: ReportAggregate, figures: dict[int, IndicatorFigures], read_only: bool) -> None:
        self.agg = agg
        self.editor.load(agg.progress, agg.report.id, read_only)

    def editors(self) -> list[TableEditor]:
        return [self.editor]


class IndicatorsPage(ReportPage):
    """Chỉ tiêu: figures typed per indicator, and the rates and attainment computed from them."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.agg: ReportAggregate | None = None
        self.figures: dict[int, IndicatorFigures] = {}
        self.editor = fixed_rows(TableEditor(session, "indicator_actual", self._columns(), filterable=True))
        note = QLabel(tr("ui.report.indicators.note"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)

    def _ind(self, row):
        return self.agg.indicators[row.indicator_id]

    def _columns(self) -> list[Column]:
        return [
            Column("indicator", 280, editable=False, title=tr("ui.report.col.indicator"), display=self._name),
            Column("target", 140, editable=False, title=tr("ui.report.col.target"), display=self._target),
            Column("labels", 200, editable=False, title=tr("ui.report.col.labels"), display=self._labels),
            Column("numerator", 80, display=lambda r: self._number(r, "numerator", True)),
            Column("denominator", 80, display=lambda r: self._number(r, "denominator", True)),
            Column("value", 80, display=lambda r: self._number(r, "value", False)),
            Column(
                "period_figure",
                80,
                editable=False,
                title=tr("ui.report.col.period_figure"),
                display=lambda r: self._figure(r, "period_figure"),
            ),
            Column("ytd_figure", 90, editable=False, title=tr("ui.report.col.ytd_figure"), display=self._ytd),
            Column("attainment", 140, editable=False, title=tr("ui.report.col.attainment"), display=self._attainment),
            Column("source", 180),
            Column("as_of", 100),
            Column("note", 200),
        ]

    def _name(self, row) -> str:
        ind = self._ind(row)
        return f"{ind.code}. {ind.text}" if ind.code else ind.text

    def _target(self, row) -> str:
        ind = self._ind(row)
        measure = tr(f"plan.measure.{ind.measure}")
        return f"{describe_target(ind.comparator, ind.target, ind.target_max, ind.unit, ind.aspirational)} ({measure})"

    def _labels(self, row) -> str:
        ind = self._ind(row)
        if not has_fraction(ind):
            return tr("ui.report.labels.value", unit=ind.unit or "—")
        return tr("ui.report.labels.fraction", numerator=ind.numerator_label, denominator=ind.denominator_label)

    def _number(self, row, name: str, fraction_field: bool) -> str:
        if has_fraction(self._ind(row)) != fraction_field:
            return "—"
        return format_number(getattr(row, name))

    def _figure(self, row, name: str) -> str:
        found = self.figures.get(row.id)
        value = getattr(found, name) if found else None
        if value is None:
            return ""
        percent = found.fraction or self._ind(row).is_percent
        return format_percent(value) if percent else format_number(round(value, 2))

    def _ytd(self, row) -> str:
        found = self.figures.get(row.id)
        if found is None or found.basis == "period":
            return tr("ui.report.ytd.snapshot") if self._ind(row).measure == "snapshot" else "—"
        if found.ytd_missing:
            return tr("ui.report.ytd.missing")
        return self._figure(row, "ytd_figure")

    def _attainment(self, row) -> str:
        found = self.figures.get(row.id)
        return attainment_text(found.attainment, self._ind(row).aspirational) if found else ""

    def load(self, agg: ReportAggregate, figures: dict[int, IndicatorFigures], read_only: bool) -> None:
        self.agg, self.figures = agg, figures
        self.editor.load(agg.actuals, agg.report.id, read_only)

    def refresh_figures(self, figures: dict[int, IndicatorFigures]) -> None:
        self.figures = figures
        model = self.editor.model
        if model.rowCount():
            model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1))

    def editors(self) -> list[TableEditor]:
        return [self.editor]


class NarrativePage(ReportPage):
    """Đánh giá chung: results, shortcomings, causes, next period's tasks, proposals."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        note = QLabel(tr("ui.report.narrative.note"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.texts: dict[str, BoundText] = {}
        for name in NARRATIVE_FIELDS:
            box = QGroupBox(tr(f"report.field.{name}"))
            self.texts[name] = BoundText(session, "report", name)
            QVBoxLayout(box).addWidget(self.texts[name])
            layout.addWidget(box, 1)

    def load(self, agg: ReportAggregate, figures: dict[int, IndicatorFigures], read_only: bool) -> None:
        for text in self.texts.values():
            text.load(agg.report, read_only)

    def refresh(self, report) -> None:
        """Show values changed elsewhere (undo), leaving alone a box whose text is what is stored:
        the one being typed in keeps its cursor and its trailing space."""
        for name, text in self.texts.items():
            if clean(text.toPlainText()) != getattr(report, name):
                text.load(report, report.locked)


class DocumentPage(ReportPage):
    """Thông tin văn bản: số, ngày, trích yếu, kính gửi, người ký, nơi nhận; and the history."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        signer_modes = [(m, tr(f"plan.signer_mode.{m}")) for m in SIGNER_MODES]
        self.fields = {name: BoundLine(session, "report", name) for name in DOCUMENT_FIELDS if name != "signer_mode"}
        self.fields["signer_mode"] = BoundChoice(session, "report", "signer_mode", signer_modes)
        self.fields["report_date"].setPlaceholderText(tr("ui.date.placeholder"))
        self.next_number = QPushButton(tr("ui.plan.next_number"))
        self.next_number.clicked.connect(self._take_next_number)
        self.recipients = TableEditor(session, "report_recipient", [Column("recipient", 380), Column("purpose", 160)])
        self.history = QListWidget()
        self._report = None
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout()
        number_row = QHBoxLayout()
        for widget in (self.fields["doc_number"], QLabel("/"), self.fields["doc_symbol"], self.next_number):
            number_row.addWidget(widget)
        form.addRow(tr("report.field.doc_number"), number_row)
        for name in DOCUMENT_FIELDS[2:]:
            form.addRow(tr(f"report.field.{name}"), self.fields[name])
        recipients = QGroupBox(tr("ui.report.recipients"))
        QVBoxLayout(recipients).addWidget(self.recipients)
        history = QGroupBox(tr("ui.report.history"))
        QVBoxLayout(history).addWidget(self.history)
        lower = QHBoxLayout()
        lower.addWidget(recipients, 3)
        lower.addWidget(history, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lower, 1)

    def load(self, agg: ReportAggregate, figures: dict[int, IndicatorFigures], read_only: bool) -> None:
        self._report = agg.report
        for widget in self.fields.values():
            widget.load(agg.report, read_only)
        self.next_number.setEnabled(not read_only)
        self.recipients.load(agg.recipients, agg.report.id, read_only)
        self.history.clear()
        for event in agg.events:
            self.history.addItem(_event_text(event))

    def refresh(self, report) -> None:
        """Show values changed elsewhere ("Lấy số tiếp theo", undo)."""
        self._report = report
        for widget in self.fields.values():
            if not isinstance(widget, BoundLine) or widget.text() != widget.text_for(getattr(report, widget.field)):
                widget.load(report, report.locked)

    def editors(self) -> list[TableEditor]:
        return [self.recipients]

    def _take_next_number(self) -> None:
        if self._report is not None:
            number = self.session.ws.reports.next_number(self._report.year)
            self.session.edit(self, "report", self._report.id, "doc_number", number)


def _event_text(event) -> str:
    text = tr(
        "ui.report.event",
        when=format_datetime(event.at),
        who=event.actor or "—",
        action=tr(f"report.event.action.{event.action}"),
    )
    if event.reason:
        text += " — " + tr("ui.report.event.reason", reason=event.reason)
    elif event.detail:
        text += f" — {event.detail}"
    return text
