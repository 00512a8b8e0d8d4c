"""Thẩm định: rounds of appraised scores for the units' self-assessments, kept on the office's side.

A round starts from the unit's current, submitted self-assessment; each scored criterion starts at
the unit's own score (or, in a later round, at the office's last appraised score where the unit kept
its score), so the office types only where it disagrees, and says why. A round is edited until it is
sent; a new round opens once the unit has answered (giải trình) and sent its self-assessment again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.jobs import Cancelled, Progress
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.kernel.store import records
from cchc_desktop.kernel.store.records import write_audit
from cchc_desktop.receiver import store
from cchc_desktop.receiver.appraisal_send import AppraisalSent, as_sent, send_appraisal
from cchc_desktop.receiver.appraisal_view import AppraisalLine, AppraisalView, CriterionFacts
from cchc_desktop.receiver.documents.appraisal import appraisal_sheets, build_appraisal_document
from cchc_desktop.receiver.model import Appraisal
from cchc_desktop.receiver.service import ReceiverService
from cchc_desktop.rendering import PreparedDocument, prepared_pdf, prepared_xlsx


@dataclass(frozen=True)
class Candidate:
    """A unit whose self-assessment the office holds, and where its appraisal stands.

    ``state``: "draft_only" (the unit has not submitted: nothing to appraise yet), "none" (no round),
    "open" (a round being edited), "sent" (the last round went out, the unit has not re-submitted),
    "resubmitted" (the unit sent its self-assessment again after the last round: a new round is due).
    """

    province_code: str
    unit_code: str
    name: str
    package_id: str
    self_total: float | None
    rounds: tuple[Appraisal, ...]
    state: str

    @property
    def last(self) -> Appraisal | None:
        return self.rounds[-1] if self.rounds else None


class AppraisalService:
    def __init__(self, receiver: ReceiverService, exchange_ws: ExchangeWorkspace | None = None) -> None:
        self.receiver = receiver
        self.ws = receiver.ws
        self.exchange_ws = exchange_ws  # signing and the outbox: the exchange's view of the same workspace

    # Reading ############################################################

    def candidates(self, year: int) -> list[Candidate]:
        """Every unit that sent a self-assessment for ``year``, ranked as the index ranks them."""
        index = self.receiver.index(year)
        totals = {(s.province_code, s.unit_code): s.total for s in index.scores}
        packages = self.receiver.current_packages(year, "assessment", "")
        rounds: dict[tuple[str, str], list[Appraisal]] = {}
        for appraisal in store.appraisals_of_year(self.ws.conn, year):
            rounds.setdefault((appraisal.province_code, appraisal.unit_code), []).append(appraisal)
        names = self.receiver.names_of(packages)
        found = []
        for package in packages:
            key = (package["province_code"], package["unit_code"])
            own = tuple(rounds.get(key, []))
            found.append(
                Candidate(
                    *key,
                    names[key],
                    package["package_id"],
                    totals.get(key),
                    own,
                    _state(package, own),
                )
            )
        order = {key: n for n, key in enumerate((s.province_code, s.unit_code) for s in index.scores)}
        return sorted(found, key=lambda c: order.get((c.province_code, c.unit_code), len(order)))

    def get(self, appraisal_id: int) -> Appraisal:
        return records.get(self.ws.conn, "appraisal", appraisal_id)

    def view(self, appraisal_id: int) -> AppraisalView:
        appraisal = self.get(appraisal_id)
        conn = self.ws.conn
        facts = store.criterion_facts(conn, appraisal_id)
        rounds = store.appraisals_of(conn, appraisal.province_code, appraisal.unit_code, appraisal.year)
        previous = _previous_scores(conn, rounds, appraisal)
        lines = []
        for score in store.scores_of(conn, appraisal_id):
            fact, leaf = facts.get(score.criterion_code) or (_unknown(score), True)
            lines.append(AppraisalLine(score, fact, leaf, previous.get(score.criterion_code)))
        return AppraisalView(appraisal, self._name(appraisal), lines, rounds)

    def problems(self, appraisal_id: int) -> list[Problem]:
        return self.view(appraisal_id).problems()

    # Acting #############################################################

    def start(self, province_code: str, unit_code: str, year: int) -> Appraisal:
        """Mở vòng thẩm định: a new round on the unit's current self-assessment."""
        candidate = self._candidate(province_code, unit_code, year)
        if candidate.state == "draft_only":
            raise ValidationError("receiver.appraisal.not_submitted", unit=candidate.name, year=year)
        last = candidate.last
        if last is not None and candidate.state in ("open", "sent"):
            key = (
                "receiver.appraisal.open_round" if candidate.state == "open" else "receiver.appraisal.no_new_submission"
            )
            raise ValidationError(key, unit=candidate.name, round=last.round)
        facts = store.package_criteria(self.ws.conn, candidate.package_id, year)
        carried = _carried(self.ws.conn, last, facts) if last is not None else {}
        values = {
            "province_code": province_code,
            "unit_code": unit_code,
            "year": year,
            "round": (last.round + 1) if last else 1,
            "based_on": candidate.package_id,
        }
        scores = [_first_score(code, fact, leaf, carried.get(code)) for code, (fact, leaf) in facts.items()]
        with self.ws.transaction() as conn:
            appraisal_id = store.insert_appraisal(conn, values, scores)
            row = records.fetch_row(conn, records.entity("appraisal"), appraisal_id)
            write_audit(conn, self.ws.actor, "create", store.APPRAISAL, row, "round", None, values["round"])
        return self.get(appraisal_id)

    def delete(self, appraisal_id: int) -> Appraisal:
        """Bỏ vòng thẩm định đang làm (a round already sent stays, as the unit holds it)."""
        appraisal = self.get(appraisal_id)
        with self.ws.transaction() as conn:
            records.remove(
                conn,
                "appraisal",
                appraisal_id,
                expected="draft",
                actor=self.ws.actor,
                refusal=ValidationError("receiver.appraisal.locked", round=appraisal.round, year=appraisal.year),
            )
        self.ws.history.clear()
        return appraisal

    def send(
        self,
        appraisal_id: int,
        folder: str | Path,
        passphrase: str,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> AppraisalSent:
        """Gửi kết quả thẩm định: the round as a signed package for its unit, with the notice; then sent."""
        if self.exchange_ws is None or self.ws.profile.require().mode != "receiver":
            raise ValidationError("receiver.appraisal.cannot_sign")
        view = self.view(appraisal_id)
        notice = self._notice(as_sent(view)).render()  # as the unit will hold it: no draft mark
        roster = {(u.province_code, u.unit_code): u for u in self.receiver.roster()}
        sent = send_appraisal(
            self.exchange_ws, view, roster, notice, folder, passphrase, progress=progress, cancelled=cancelled
        )
        self.ws.history.clear()  # a sent round is no longer the office's to undo
        return sent

    # Printing ###########################################################

    def prepare(self, appraisal_id: int, fmt: str) -> PreparedDocument:
        """Kết quả thẩm định (PDF in Decree-30 form, or its workbook)."""
        view = self.view(appraisal_id)
        if fmt != "xlsx":
            return self._notice(view)
        profile = self.ws.profile.require()
        return prepared_xlsx("appraisal", self._file_parts(view), self._title(view), appraisal_sheets(profile, view))

    def _notice(self, view: AppraisalView) -> PreparedDocument:
        document = build_appraisal_document(self.ws.profile.require(), view)
        return prepared_pdf("appraisal", self._file_parts(view), self._title(view), document)

    @staticmethod
    def _file_parts(view: AppraisalView) -> list[str]:
        code = f"{view.appraisal.province_code}-{view.appraisal.unit_code}"
        return ["THAM-DINH", str(view.appraisal.year), f"vong{view.appraisal.round}", code]

    @staticmethod
    def _title(view: AppraisalView) -> str:
        return tr("receiver.appraisal.doc.title", unit=view.unit_name, year=view.appraisal.year)

    # Helpers ############################################################

    def _candidate(self, province_code: str, unit_code: str, year: int) -> Candidate:
        for candidate in self.candidates(year):
            if (candidate.province_code, candidate.unit_code) == (province_code, unit_code):
                return candidate
        raise ValidationError("receiver.appraisal.nothing_sent", code=f"{province_code}-{unit_code}", year=year)

    def _name(self, appraisal: Appraisal) -> str:
        key = (appraisal.province_code, appraisal.unit_code)
        roster = {(u.province_code, u.unit_code): u.full_name for u in self.receiver.roster()}
        return roster.get(key, f"{appraisal.province_code}-{appraisal.unit_code}")


def _state(package, rounds: tuple[Appraisal, ...]) -> str:
    if package["submitted_at"] is None:
        return "draft_only"
    if not rounds:
        return "none"
    last = rounds[-1]
    if last.status == "draft":
        return "open"
    return "sent" if last.based_on == package["package_id"] else "resubmitted"


def _first_score(code: str, fact: CriterionFacts, leaf: bool, carried: tuple | None) -> dict:
    """A new round's line: the unit's score to start from (the office's own for survey criteria)."""
    appraised, comment = None, ""
    if leaf and fact.method != "survey":
        appraised = fact.self_score or 0.0  # a bonus or penalty the unit did not claim is 0
    if leaf and carried is not None:
        appraised, comment = carried
    return {
        "criterion_code": code,
        "criterion_name": fact.name,
        "max_points": fact.max_points,
        "self_score": fact.self_score,
        "appraised_score": appraised,
        "comment": comment,
    }


def _carried(conn, last: Appraisal, facts: dict[str, tuple[CriterionFacts, bool]]) -> dict[str, tuple]:
    """The last round's appraised score and comment, where the unit has kept the score it had then
    (or for a survey criterion, which the unit never scores)."""
    carried = {}
    for score in store.scores_of(conn, last.id):
        fact = facts.get(score.criterion_code)
        if fact is None:
            continue
        kept = fact[0].method == "survey" or fact[0].self_score == score.self_score
        if kept:
            carried[score.criterion_code] = (score.appraised_score, score.comment)
    return carried


def _previous_scores(conn, rounds: list[Appraisal], current: Appraisal) -> dict[str, float | None]:
    before = [r for r in rounds if r.round < current.round]
    if not before:
        return {}
    return {s.criterion_code: s.appraised_score for s in store.scores_of(conn, before[-1].id)}


def _unknown(score) -> CriterionFacts:
    """A line whose criterion the package no longer has (the package was rolled back)."""
    return CriterionFacts(score.criterion_code, score.criterion_name, "", 1, "self", score.max_points, score.self_score)
