"""Tự đánh giá, chấm điểm chỉ số CCHC: catalogues, scores, proposals, submission.

Each public method is one user action and one transaction. Scores and explanations are
edited through the edit layer (``ws.edit("criterion_score", id, "self_score", "2,5")``), so
they are checked, audited and undoable like every other cell.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_desktop.assessment import store
from cchc_desktop.assessment.catalogue import CatalogueSpec
from cchc_desktop.assessment.catalogue_files import load_default_catalogue, read_catalogue_file, read_json_catalogue
from cchc_desktop.assessment.model import Assessment, AssessmentView, Catalogue, build_tree
from cchc_desktop.assessment.rules import check_assessment
from cchc_desktop.evidence import store as store_evidence
from cchc_desktop.framework.content import canonical_json
from cchc_desktop.framework.received import received_row
from cchc_desktop.kernel.errors import CchcError, NotFoundError, ValidationError
from cchc_desktop.kernel.history import ChangeSet
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.kernel.store import records
from cchc_desktop.kernel.store.records import now_iso, write_audit
from cchc_desktop.kernel.text import clean
from cchc_desktop.kernel.unit_file import UnitFile
from cchc_desktop.reports.service import ReportService

SCORE = store.SCORE_ENTITY


class CatalogueWouldDropError(ValidationError):
    """The new catalogue lacks criteria the unit has already scored; ask before dropping them."""

    def __init__(self, codes: list[str]) -> None:
        self.codes = codes
        shown = ", ".join(codes[:10]) + (" …" if len(codes) > 10 else "")
        super().__init__("assessment.import.would_drop", count=len(codes), codes=shown)


@dataclass(frozen=True)
class ImportResult:
    """What importing a catalogue did: the catalogue now in force, and the scores carried over."""

    catalogue: Catalogue
    year: int
    areas: int
    scored_nodes: int
    kept: int = 0
    added: int = 0
    removed: int = 0
    unchanged: bool = False

    def summary(self) -> str:
        """One line for people: what was imported and what happened to the scores."""
        title = self.catalogue.title
        if self.unchanged:
            return tr("assessment.import.unchanged", title=title, year=self.year)
        text = tr("assessment.import.done", title=title, year=self.year, areas=self.areas, nodes=self.scored_nodes)
        if self.kept or self.removed:
            text += " " + tr("assessment.import.carried", kept=self.kept, added=self.added, removed=self.removed)
        return text


def indicator_number(result: Any) -> float | None:
    """A year-to-date result as reports give it (a number, a mapping or a record) → its value/rate."""
    if isinstance(result, bool) or result is None:
        return None
    if isinstance(result, (int, float)):
        return float(result)
    for name in ("rate", "value", "actual"):
        value = result.get(name) if isinstance(result, Mapping) else getattr(result, name, None)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return None


class AssessmentService:
    def __init__(self, ws: UnitFile, reports: ReportService) -> None:
        self.ws = ws
        self.reports = reports

    # Catalogues #########################################################

    def catalogues(self) -> list[Catalogue]:
        return store.catalogues(self.ws.conn)

    def catalogue_for(self, year: int) -> Catalogue | None:
        """The catalogue the year's assessment uses (or would use, when started now)."""
        current = self.get(year)
        if current is not None:
            return store.catalogue(self.ws.conn, current.catalogue_id)
        return store.catalogue_for_year(self.ws.conn, year)

    def import_catalogue(self, path: str | Path, *, year: int | None = None, replace: bool = False) -> ImportResult:
        """Nhập bộ tiêu chí từ tệp JSON hoặc Excel; nothing is imported when any row is bad."""
        return self.import_spec(read_catalogue_file(path), year=year, replace=replace)

    def import_spec(self, spec: CatalogueSpec, *, year: int | None = None, replace: bool = False) -> ImportResult:
        target_year = year or spec.year
        if target_year is None:
            raise ValidationError("assessment.import.no_year", name=spec.source)
        current = self.get(target_year)
        in_force = self.catalogue_for(target_year)
        if in_force and in_force.year == target_year and in_force.content_hash == spec.content_hash:
            return self._result(in_force, target_year, spec, unchanged=True)
        if current is not None:
            store.ensure_assessment_editable(self.ws.conn, current.id)
            self._check_drops(current, spec, replace)
        with self.ws.transaction() as conn:
            catalogue_id, counts = self._store_catalogue(conn, spec, target_year, current)
        if counts["removed"]:
            self.ws.history.clear()
        return self._result(store.catalogue(self.ws.conn, catalogue_id), target_year, spec, **counts)

    def _store_catalogue(self, conn, spec: CatalogueSpec, year: int, current: Assessment | None) -> tuple[int, dict]:
        """Insert the catalogue, move the year's assessment onto it, audit; (id, what happened to scores)."""
        catalogue_id = store.insert_catalogue(conn, spec, year)
        counts = {"kept": 0, "added": 0, "removed": 0}
        if current is not None:
            store.set_catalogue(conn, current.id, catalogue_id)
            kept, added, dropped = store.sync_scores(conn, current.id, catalogue_id)
            counts = {"kept": kept, "added": added, "removed": len(dropped)}
        row = store.catalogue_row(conn, catalogue_id)
        write_audit(
            conn,
            self.ws.actor,
            "import",
            store.CATALOGUE,
            row,
            "title",
            None,
            f"{spec.title} ({spec.source})" if spec.source else spec.title,
        )
        return catalogue_id, counts

    def _check_drops(self, current: Assessment, spec: CatalogueSpec, replace: bool) -> None:
        leaves = {node.code for node in spec.leaves()}
        dropped = [code for code in store.scores_with_data(self.ws.conn, current.id) if code not in leaves]
        if dropped and not replace:
            raise CatalogueWouldDropError(dropped)

    @staticmethod
    def _result(catalogue: Catalogue, year: int, spec: CatalogueSpec, **counts: Any) -> ImportResult:
        areas = sum(1 for node in spec.nodes if not node.parent_code)
        return ImportResult(catalogue, year, areas, len(spec.leaves()), **counts)

    # Reading ############################################################

    def get(self, year: int) -> Assessment | None:
        return store.assessment_for_year(self.ws.conn, year)

    def require(self, year: int) -> Assessment:
        found = self.get(year)
        if found is None:
            raise NotFoundError("assessment.not_started", year=year)
        return found

    def view(self, year: int, indicator_values: Mapping[str, float] | None = None) -> AssessmentView:
        """The year's criteria tree with scores, proposals, evidence counts, totals and problems."""
        assessment = self.require(year)
        conn = self.ws.conn
        values = dict(self.indicator_values(year) if indicator_values is None else indicator_values)
        scores = {s.criterion_id: s for s in store.scores(conn, assessment.id)}
        roots = build_tree(
            store.criteria(conn, assessment.catalogue_id), scores, store_evidence.counts(conn, SCORE), values
        )
        catalogue = store.catalogue(conn, assessment.catalogue_id)
        return AssessmentView(assessment, catalogue, roots, check_assessment(roots))

    def problems(self, year: int, indicator_values: Mapping[str, float] | None = None) -> list[Problem]:
        return self.view(year, indicator_values).problems

    def indicator_values(self, year: int) -> dict[str, float]:
        """Chỉ tiêu code → year-to-date value or rate, from the periodic reports when they exist."""
        try:
            raw = self.reports.indicator_results(year)
        except CchcError:
            return {}
        return {str(code): number for code, value in raw.items() if (number := indicator_number(value)) is not None}

    # Starting ###########################################################

    def start(self, year: int) -> Assessment:
        """Bắt đầu tự đánh giá năm: with the criteria of the framework the superior sent for the year,
        else the catalogue in force, else the illustrative one."""
        existing = self.get(year)
        if existing is not None:
            return existing
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise ValidationError("plan.year.invalid", value=year)
        catalogue = self._framework_catalogue(year) or store.catalogue_for_year(self.ws.conn, year)
        if catalogue is None:
            catalogue = self.import_spec(load_default_catalogue(), year=year).catalogue
        with self.ws.transaction() as conn:
            assessment_id = store.insert_assessment(conn, year, catalogue.id)
            store.sync_scores(conn, assessment_id, catalogue.id)
            self._audit(conn, assessment_id, "create", "", None, catalogue.title)
        return store.assessment(self.ws.conn, assessment_id)

    def _framework_catalogue(self, year: int) -> Catalogue | None:
        """The criteria of the year's received framework as a catalogue (stored the first time)."""
        received = received_row(self.ws.conn, year)
        if received is None:
            return None
        found = store.catalogue_of_framework(self.ws.conn, received.framework_id, received.hash)
        if found is not None:
            return found
        with self.ws.transaction() as conn:
            catalogue_id = self.keep_framework_catalogue(
                conn, received.data["criteria"], year, received.framework_id, received.hash
            )
        return store.catalogue(self.ws.conn, catalogue_id)

    def keep_framework_catalogue(
        self, conn: sqlite3.Connection, criteria: dict[str, Any], year: int, framework_id: str, digest: str
    ) -> int:
        """Store the criteria a framework carries as a catalogue of ``year``, once per framework version,
        in the caller's transaction (the office keeps each version it sent, so a self-assessment made
        under any of them is checked against its own maxima)."""
        found = store.catalogue_of_framework(conn, framework_id, digest)
        if found is not None:
            return found.id
        spec = read_json_catalogue(canonical_json(criteria), tr("assessment.framework_source"))
        catalogue_id, _ = self._store_catalogue(conn, spec, year, None)
        store.set_catalogue_framework(conn, catalogue_id, framework_id, digest)
        return catalogue_id

    # Proposals ##########################################################

    def accept_proposal(self, score_id: int, indicator_values: Mapping[str, float] | None = None) -> ChangeSet:
        """Chấp nhận điểm đề xuất: the self-score becomes the score the indicator earns."""
        line = self._line(score_id, indicator_values)
        if line.proposed is None:
            raise ValidationError(
                "assessment.proposal.none",
                field="self_score",
                code=line.criterion.code,
                indicator=line.criterion.indicator_code or "—",
            )
        return self.ws.edit(SCORE, score_id, "self_score", line.proposed)

    def override(self, score_id: int, value: Any, reason: str) -> ChangeSet:
        """Chấm khác điểm đề xuất, with the reason written down (one undoable action)."""
        if not clean(reason):
            raise ValidationError("assessment.override.no_reason", field="override_reason")
        return self.ws.edit_cells(SCORE, [(score_id, "self_score", value), (score_id, "override_reason", reason)])

    def _line(self, score_id: int, indicator_values: Mapping[str, float] | None):
        score = self.ws.get(SCORE, score_id)
        year = store.assessment(self.ws.conn, score.assessment_id).year
        line = self.view(year, indicator_values).line_for_score(score_id)
        if line is None:
            raise NotFoundError("error.row_missing", what="tiêu chí", id=score_id)
        return line

    # Submitting #########################################################

    def submit(self, year: int, indicator_values: Mapping[str, float] | None = None) -> Assessment:
        """Nộp bản tự đánh giá: refused while a blocking problem remains; then locked."""
        assessment = self.require(year)
        if assessment.status != "draft":
            raise ValidationError("assessment.submit.not_draft", year=year)
        blocking = [p for p in self.problems(year, indicator_values) if p.blocking]
        if blocking:
            raise ValidationError("assessment.submit.blocked", count=len(blocking), first=blocking[0].message)
        with self.ws.transaction() as conn:
            records.transition(
                conn,
                "assessment",
                assessment.id,
                expected="draft",
                values={"status": "submitted", "submitted_at": now_iso()},
                actor=self.ws.actor,
                action="submit",
                refusal=ValidationError("assessment.submit.not_draft", year=year),
            )
        self.ws.history.clear()
        return store.assessment(self.ws.conn, assessment.id)

    def reopen(self, year: int, reason: str) -> Assessment:
        """Mở lại để sửa: needs a reason, which the audit trail keeps."""
        assessment = self.require(year)
        if assessment.status != "submitted":
            raise ValidationError("assessment.reopen.not_submitted", year=year)
        reason = clean(reason)
        if not reason:
            raise ValidationError("assessment.reopen.no_reason", field="reopen_reason")
        with self.ws.transaction() as conn:
            records.transition(
                conn,
                "assessment",
                assessment.id,
                expected="submitted",
                values={"status": "draft", "submitted_at": None, "reopen_reason": reason},
                actor=self.ws.actor,
                action="reopen",
                refusal=ValidationError("assessment.reopen.not_submitted", year=year),
                note=("reopen_reason", None, reason),
            )
        self.ws.history.clear()
        return store.assessment(self.ws.conn, assessment.id)

    def _audit(self, conn, assessment_id: int, action: str, field: str, old: str | None, new: str | None) -> None:
        row = store.assessment_row(conn, assessment_id)
        write_audit(conn, self.ws.actor, action, store.ASSESSMENT, row, field, old, new)
