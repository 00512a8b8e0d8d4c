"""The side panel of the self-assessment: what the selected criterion asks, its proposal, its files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from cchc_desktop.assessment.model import ScoreLine
from cchc_desktop.kernel.i18n import format_number, tr
from ui.session import Session
from ui.widgets.bound_fields import BoundText
from ui.widgets.evidence_panel import EvidencePanel

if TYPE_CHECKING:
    from cchc_desktop.exchange.appraisal_received import AppraisedLine, ReceivedAppraisal

SCORE = "criterion_score"


class CriterionDetails(QWidget):
    accept_requested = Signal(int)  # score id

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.line: ScoreLine | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.accept = QPushButton(tr("ui.assessment.accept"))
        self.accept.setToolTip(tr("ui.assessment.accept.tip"))
        self.accept.clicked.connect(self._accept)
        self.explanation = BoundText(session, SCORE, "explanation")
        self.explanation.setPlaceholderText(tr("ui.assessment.explanation.placeholder"))
        self.override = BoundText(session, SCORE, "override_reason")
        self.override.setPlaceholderText(tr("ui.assessment.override.placeholder"))
        self.appraisal: ReceivedAppraisal | None = None  # the superior's, when it has appraised the year
        self.appraisal_text = QLabel()
        self.appraisal_text.setWordWrap(True)
        self.response = BoundText(session, SCORE, "response")
        self.response.setPlaceholderText(tr("ui.assessment.response.placeholder"))
        self.evidence = EvidencePanel(session)
        self._layout()
        self.show_line(None, True)

    def _layout(self) -> None:
        self.proposal_box = QGroupBox(tr("ui.assessment.proposal.box"))
        box = QVBoxLayout(self.proposal_box)
        box.addWidget(self.proposal)
        box.addWidget(self.accept)
        box.addWidget(QLabel(tr("assessment.col.override_reason")))
        box.addWidget(self.override)
        self.override.setMaximumHeight(70)
        self.explanation_box = QGroupBox(tr("assessment.col.explanation"))
        QVBoxLayout(self.explanation_box).addWidget(self.explanation)
        self.explanation.setMaximumHeight(110)
        self.appraisal_box = QGroupBox(tr("ui.assessment.appraisal.box"))
        appraisal = QVBoxLayout(self.appraisal_box)
        appraisal.addWidget(self.appraisal_text)
        appraisal.addWidget(QLabel(tr("assessment.col.response")))
        appraisal.addWidget(self.response)
        self.response.setFixedHeight(70)
        self.appraisal_box.setMinimumHeight(170)  # the scroll area would squeeze it to a line
        self.evidence.setMinimumHeight(200)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 4, 0)
        for widget in (self.heading, self.guidance, self.appraisal_box, self.proposal_box, self.explanation_box):
            layout.addWidget(widget)
        layout.addWidget(self.evidence, 1)
        # A small screen (1366×768) cannot show every part at once: scroll rather than squeeze.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def show_line(self, line: ScoreLine | None, read_only: bool, year: int | None = None) -> None:
        """Show the selected criterion; a leaf's fields are editable unless the assessment is locked."""
        same = line is not None and self.line is not None and line.criterion.id == self.line.criterion.id
        self.line = line
        scored = line is not None and line.is_leaf and line.score is not None
        self.heading.setText(f"{line.criterion.code} {line.criterion.name}" if line else tr("ui.assessment.pick"))
        self.guidance.setText(self._guidance(line) if line else "")
        self.explanation_box.setVisible(scored and line.criterion.method != "survey")
        self.proposal_box.setVisible(scored and bool(line.criterion.indicator_code))
        appraised = self.appraisal.lines.get(line.criterion.code) if scored and self.appraisal else None
        self.appraisal_box.setVisible(appraised is not None)
        if appraised is not None:
            self.appraisal_text.setText(_appraisal_text(appraised))
        if scored:
            read_only = read_only or line.criterion.method == "survey"  # the province scores the survey
            self._load_fields(line, read_only, same)
            self.evidence.set_target(
                (SCORE, line.score.id),
                read_only=read_only,
                year=year,
                hint=tr("ui.assessment.evidence.hint", text=line.criterion.evidence_required)
                if line.criterion.evidence_required
                else "",
            )
        else:
            self.evidence.set_target(None)

    def _load_fields(self, line: ScoreLine, read_only: bool, same: bool) -> None:
        for field in (self.explanation, self.override, self.response):
            if not (same and field.hasFocus()):
                field.load(line.score, read_only)
        proposed = line.proposed
        value = line.indicator_value
        self.proposal.setText(
            tr(
                "ui.assessment.proposal.text",
                indicator=line.criterion.indicator_code,
                value=format_number(value) if value is not None else tr("ui.assessment.no_value"),
                proposed=format_number(proposed) if proposed is not None else "—",
                rules=line.criterion.thresholds or "—",
            )
        )
        self.accept.setEnabled(not read_only and proposed is not None and proposed != line.self_score)

    @staticmethod
    def _guidance(line: ScoreLine) -> str:
        criterion = line.criterion
        parts = [tr(f"assessment.method.{criterion.method}")] if criterion.method else []
        parts.append(
            tr("ui.assessment.max", max=format_number(criterion.max_points), step=format_number(criterion.step))
            if line.is_leaf
            else ""
        )
        if criterion.guidance:
            parts.append(criterion.guidance)
        return "\n".join(p for p in parts if p)

    def commit(self) -> None:
        self.explanation.commit()
        self.override.commit()
        self.response.commit()

    def _accept(self) -> None:
        if self.line is not None and self.line.score is not None:
            self.accept_requested.emit(self.line.score.id)


def _appraisal_text(line: AppraisedLine) -> str:
    """ "Điểm thẩm định 1 (đơn vị tự chấm 2). Nhận xét: …" """
    own = format_number(line.self_score) if line.self_score is not None else "—"
    appraised = format_number(line.appraised_score) if line.appraised_score is not None else "—"
    text = tr("ui.assessment.appraisal.line", appraised=appraised, own=own)
    if line.comment:
        text += " " + tr("ui.assessment.appraisal.comment", comment=line.comment)
    return text
