"""The screens of the window, in menu order: a commune's, and a receiving unit's (Sở Nội vụ).

Each screen's module is imported when the screen is first shown, so the window appears at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ui.session import Session

ScreenFactory = Callable[["Session", QWidget], QWidget]


def _plan_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.plan_screen import PlanScreen

    return PlanScreen(session, parent)


def _report_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.report_screen import ReportScreen

    return ReportScreen(session, parent)


def _assessment_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.assessment_screen import AssessmentScreen

    return AssessmentScreen(session, parent)


def _evidence_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.evidence_screen import EvidenceScreen

    return EvidenceScreen(session, parent)


def _exchange_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.exchange_screen import ExchangeScreen

    return ExchangeScreen(session, parent)


def _audit_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.audit_screen import AuditScreen

    return AuditScreen(session, parent)


def _profile_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.profile_screen import ProfileScreen

    return ProfileScreen(session, parent)


def _roster_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.receiver.roster_screen import RosterScreen

    return RosterScreen(session, parent)


def _completeness_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.receiver.completeness_screen import CompletenessScreen

    return CompletenessScreen(session, parent)


def _indicators_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.receiver.indicators_screen import IndicatorsScreen

    return IndicatorsScreen(session, parent)


def _index_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.receiver.index_screen import IndexScreen

    return IndexScreen(session, parent)


def _appraisal_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.receiver.appraisal_screen import AppraisalScreen

    return AppraisalScreen(session, parent)


def _letters_screen(session: Session, parent: QWidget) -> QWidget:
    from ui.screens.receiver.letters_screen import LettersScreen

    return LettersScreen(session, parent)


#: Navigation by the work a user does: key → screen factory, in menu order.
SCREENS: tuple[tuple[str, ScreenFactory], ...] = (
    ("plan", _plan_screen),
    ("report", _report_screen),
    ("assessment", _assessment_screen),
    ("evidence", _evidence_screen),
    ("exchange", _exchange_screen),
    ("audit", _audit_screen),
    ("profile", _profile_screen),
)
#: A receiving unit (Sở Nội vụ) does not plan or report: it receives, follows up and consolidates.
RECEIVER_SCREENS: tuple[tuple[str, ScreenFactory], ...] = (
    ("exchange", _exchange_screen),
    ("completeness", _completeness_screen),
    ("indicators", _indicators_screen),
    ("index", _index_screen),
    ("appraisal", _appraisal_screen),
    ("letters", _letters_screen),
    ("roster", _roster_screen),
    ("audit", _audit_screen),
    ("profile", _profile_screen),
)


def screens_for(mode: str) -> tuple[tuple[str, ScreenFactory], ...]:
    return RECEIVER_SCREENS if mode == "receiver" else SCREENS
