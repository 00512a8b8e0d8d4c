"""Văn bản đôn đốc: drafting from the figures, editing, issuing; and printing the office's documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.kernel.store import numbering, records
from cchc_desktop.kernel.store.records import now_iso, write_audit
from cchc_desktop.receiver import store
from cchc_desktop.receiver.documents.consolidated import (
    Consolidation,
    build_consolidated_document,
    consolidated_sheets,
)
from cchc_desktop.receiver.documents.letter import (
    behind_units,
    build_letter_document,
    letter_sheets,
    short_province,
    units_from_json,
    units_json,
)
from cchc_desktop.receiver.model import ReminderLetter
from cchc_desktop.receiver.service import ReceiverService
from cchc_desktop.rendering import PreparedDocument, prepared_pdf, prepared_xlsx


class LetterService:
    """Công văn đôn đốc and the consolidated report, on top of the receiver's figures."""

    def __init__(self, receiver: ReceiverService) -> None:
        self.receiver = receiver
        self.ws = receiver.ws

    # Drafting and editing ###############################################

    def letters(self, year: int) -> list[ReminderLetter]:
        return store.letters(self.ws.conn, year)

    def get(self, letter_id: int) -> ReminderLetter:
        return records.get(self.ws.conn, "reminder_letter", letter_id)

    def draft(self, year: int, period: str, today: dt.date | None = None) -> ReminderLetter:
        """Soạn văn bản đôn đốc for ``period`` (a report period's code): addressed to the units behind,
        naming what each is behind on; every part may then be edited."""
        day = today or dt.date.today()
        matrix = self.receiver.completeness(year, day).communes_only()  # a letter to the communes
        if period not in {c.key for c in matrix.columns}:
            raise ValidationError("receiver.letter.period_unknown", period=period, year=year)
        keys = [c.key for c in matrix.columns if c.kind == "report" and c.due and c.due <= _end(period, matrix)]
        units = behind_units(matrix, self.receiver.indicators(year, period), keys or [period])
        if not units:
            raise ValidationError("receiver.letter.nobody_behind", period=_label(matrix, period))
        values = self._defaults(year, period, matrix, units, day)
        with self.ws.transaction() as conn:
            letter_id = store.insert_letter(conn, values)
            write_audit(
                conn,
                self.ws.actor,
                "create",
                store.LETTER,
                store_row(conn, letter_id),
                "subject",
                None,
                values["subject"],
            )
        return self.get(letter_id)

    def _defaults(self, year: int, period: str, matrix, units, day: dt.date) -> dict:
        profile = self.ws.profile.require()
        rates = matrix.rates[period]
        label = _label(matrix, period)
        missing = sum(1 for r in matrix.rows if r.in_roster and r.cells[period].state == "missing")
        late = sum(1 for r in matrix.rows if r.in_roster and r.cells[period].state == "late")
        return {
            "year": year,
            "period": period,
            "issue_place": profile.place_name or short_province(profile),
            "subject": tr("receiver.letter.default.subject", period=label, year=year),
            "addressees": tr("receiver.letter.default.addressees"),
            "body_text": _situation(
                profile.name, label, day, rates, missing, late, sum(1 for u in units if u.indicators)
            ),
            "requests_text": tr(
                "receiver.letter.default.requests", period=label, due=format_date(day + dt.timedelta(days=7))
            ),
            "closing_text": tr("receiver.letter.default.closing", office=profile.name),
            "recipients": tr("receiver.letter.default.recipients"),
            "signer_mode": "KT" if profile.receiver_level == "tinh" else "TM",
            "signer_title": "",
            "signer_name": "",
            "doc_symbol": tr("receiver.letter.default.symbol"),
            "units": units_json(units),
        }

    def issue(self, letter_id: int) -> ReminderLetter:
        """Ban hành: needs a number and a date, unused this year; the letter is then read-only."""
        letter = self.get(letter_id)
        if letter.doc_number is None:
            raise ValidationError("receiver.letter.needs_number", field="doc_number")
        if not letter.issue_date:
            raise ValidationError("receiver.letter.needs_date", field="issue_date")
        used = numbering.used_numbers(self.ws.conn, int(letter.issue_date[:4]), exclude=("reminder_letters", letter_id))
        if letter.doc_number in used:
            raise ValidationError(
                "receiver.letter.duplicate_number", number=letter.doc_number, other=used[letter.doc_number]
            )
        with self.ws.transaction() as conn:
            records.transition(
                conn,
                "reminder_letter",
                letter_id,
                expected="draft",
                values={"status": "issued", "issued_at": now_iso()},
                actor=self.ws.actor,
                action="issue",
                refusal=ValidationError("receiver.letter.not_draft"),
            )
        return self.get(letter_id)

    def delete(self, letter_id: int) -> ReminderLetter:
        letter = self.get(letter_id)
        with self.ws.transaction() as conn:
            records.remove(
                conn,
                "reminder_letter",
                letter_id,
                expected="draft",
                actor=self.ws.actor,
                refusal=ValidationError("receiver.letter.not_draft"),
            )
        self.ws.history.clear()  # its edits can no longer be undone
        return letter

    # Printing ###########################################################

    def prepare_letter(self, letter_id: int, fmt: str) -> PreparedDocument:
        letter = self.get(letter_id)
        profile = self.ws.profile.require()
        units = units_from_json(letter.units)
        parts = ["CV-DON-DOC", letter.period, str(letter.year), profile.name]
        title = tr("receiver.letter.title", number=letter.doc_number or "…", year=letter.year)
        if fmt == "xlsx":
            return prepared_xlsx("letter", parts, title, letter_sheets(letter, units))
        document = build_letter_document(profile, letter, units, draft_mark=letter.status == "draft")
        return prepared_pdf("letter", parts, title, document)

    def consolidation(self, year: int, period: str, today: dt.date | None = None) -> Consolidation:
        day = today or dt.date.today()
        matrix = self.receiver.completeness(year, day)
        return Consolidation(
            self.ws.profile.require(),
            year,
            period,
            _label(matrix, period),
            day.isoformat(),
            matrix,
            self.receiver.indicators(year, period),
            self.receiver.index(year),
            self.receiver.lagging_tasks(year, period, day),
        )

    def prepare_consolidated(self, year: int, period: str, fmt: str) -> PreparedDocument:
        """Báo cáo tổng hợp (PDF, Decree-30 form, to the superior) or its workbook (xlsx)."""
        data = self.consolidation(year, period)
        parts = ["BC-TONG-HOP", period, str(year), data.profile.name]
        title = tr("receiver.doc.summary", period=data.period_label)
        if fmt == "xlsx":
            return prepared_xlsx("consolidated", parts, title, consolidated_sheets(data))
        return prepared_pdf("consolidated", parts, title, build_consolidated_document(data))


def _situation(office: str, period: str, day: dt.date, rates, missing: int, late: int, behind: int) -> str:
    """The letter's account of the situation, saying only what is so (no "0 đơn vị gửi muộn")."""
    first = tr(
        "receiver.letter.default.received",
        date=format_date(day),
        office=office,
        period=period,
        received=rates.received,
        expected=rates.expected,
    )
    gaps = [tr("receiver.letter.default.missing", missing=missing)] if missing else []
    gaps += [tr("receiver.letter.default.late", late=late)] if late else []
    sentence = f"{first}; {' và '.join(gaps)}." if gaps else f"{first}."
    follow = tr("receiver.letter.default.behind", behind=behind) if behind else tr("receiver.letter.default.appendix")
    return f"{sentence} {follow}\n{tr('receiver.letter.default.ask', office=office)}"


def store_row(conn, letter_id: int) -> dict:
    return asdict(records.get(conn, "reminder_letter", letter_id))


def _label(matrix, period: str) -> str:
    return next((c.label for c in matrix.columns if c.key == period), period)


def _end(period: str, matrix) -> dt.date:
    column = next(c for c in matrix.columns if c.key == period)
    return column.due or column.ends
