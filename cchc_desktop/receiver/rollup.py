"""Báo cáo tổng hợp gửi lên tỉnh: a district (data before 01/7/2025) rolls its consolidation up as one package.

The package (kind ``consolidation``, docs/package-format.md §12.2.2) is signed with the district's own key
and names the district by its code ("90436", type ``huyen``), never as the office ``00000`` it signs with
going down. data.json carries what the province needs to consolidate again without averaging
percentages: each commune's state per period, each indicator as the sums of numerators and denominators
with every commune's own figures, and each commune's self-scores per area. document.pdf is the
district's Decree-30 consolidated report, the one its head signs. Revisions count per (year, period):
a resend supersedes the previous one at the province.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_desktop.exchange import keyring, outbox
from cchc_desktop.exchange import store as exchange_store
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.builder import PACKAGE_SUFFIX, ManifestFields, build_package, now_vietnam
from cchc_desktop.exchange.format.keys import fingerprint
from cchc_desktop.exchange.format.labels import package_title
from cchc_desktop.exchange.format.manifest import Manifest, Receiver, Sender, Signer
from cchc_desktop.exchange.payloads import PAYLOAD_VERSION, sentence_case
from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.kernel.errors import JobCancelled, ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.jobs import Cancelled, Progress
from cchc_desktop.kernel.units import LAST_DISTRICT_DAY
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.receiver.documents.consolidated import Consolidation, build_consolidated_document
from cchc_desktop.receiver.documents.letter import head_title
from cchc_desktop.receiver.export import matrix_to_dict
from cchc_desktop.receiver.index import IndexView
from cchc_desktop.receiver.indicators import Consolidated
from cchc_desktop.receiver.letters import LetterService
from cchc_desktop.receiver.model import signature_lines
from cchc_desktop.receiver.rollup_view import DistrictReport, district_reports
from cchc_desktop.receiver.service import ReceiverService

KIND = "consolidation"


@dataclass(frozen=True)
class RollupWritten:
    path: Path
    manifest: Manifest
    title: str
    counts: str

    @property
    def summary(self) -> str:
        return f"{tr('rollup.written', title=self.title, file=str(self.path))} {self.counts}."


class RollupService:
    """Ghi gói báo cáo tổng hợp của huyện (one user action: one package, one outbox row)."""

    def __init__(self, letters: LetterService, ws: ExchangeWorkspace) -> None:
        self.letters = letters
        self.ws = ws  # signing and the outbox: the exchange's view of the same workspace

    def check(self, year: int, period: str) -> UnitProfile:
        """Refuses, saying how to fix it, what stops a district from sending this period."""
        profile = self.ws.profile.get()
        if not profile.is_district:
            raise ValidationError("rollup.not_district")
        if not profile.district_code:
            raise ValidationError("rollup.no_code", field="district_code")
        if not profile.superior_name.strip():
            raise ValidationError("rollup.no_superior", field="superior_name")
        periods = {p.code: p for p in self.letters.receiver.ws.reports.calendar(year)}
        if period not in periods:
            codes = ", ".join(periods) or "—"
            raise ValidationError("rollup.period_unknown", period=period, year=year, periods=codes)
        if periods[period].window.end > LAST_DISTRICT_DAY:
            raise ValidationError("rollup.after_reform", period=periods[period].label)
        return profile

    def write(
        self,
        year: int,
        period: str,
        folder: str | Path,
        passphrase: str,
        *,
        today: dt.date | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> RollupWritten:
        """Sign and write the period's consolidation into ``folder``; recorded in the outbox."""
        profile = self.check(year, period)
        key = keyring.unlock(self.ws, passphrase)
        data = self.letters.consolidation(year, period, today)
        document = render_pdf(build_consolidated_document(data, draft_mark=False), cancelled=cancelled)
        if cancelled is not None and cancelled():
            raise JobCancelled()
        previous = exchange_store.last_export(self.ws.conn, KIND, year, period)
        fields = ManifestFields(
            kind=KIND,
            sender=Sender(profile.province_code, profile.district_unit_code, profile.name, "huyen"),
            receiver=Receiver(profile.superior_name.strip(), "tinh"),
            year=year,
            period=period,
            revision=previous["revision"] + 1 if previous else 1,
            signer=district_signer(profile),
            supersedes=previous["package_id"] if previous else None,
            package_id=uuid.uuid4().hex,
            created_at=now_vietnam(),
        )
        assert fields.created_at is not None
        out = Path(folder) / rollup_file_name(fields)
        row_id = outbox.reserve(self.ws, fields, out, fingerprint(key))
        try:
            content = consolidation_data(data, fields.created_at)
            manifest = build_package(fields, content, document, [], key, out, progress, cancelled)
        except BaseException:
            outbox.release(self.ws, row_id)
            raise
        outbox.complete(self.ws, row_id, manifest, out, None, 0, 0, True)
        counts = tr(
            "rollup.summary",
            units=len(content["completeness"]["units"]),
            indicators=len(content["indicators"]),
            scores=len(content["index"]["units"]),
        )
        return RollupWritten(out, manifest, package_title(manifest), counts)

    def received(self) -> list[DistrictReport]:
        """At a province: each district's current consolidation (``rollup_view``)."""
        return received_reports(self.letters.receiver)


def district_signer(profile: UnitProfile) -> Signer:
    """The district's head, as the consolidated report signs ("TM. Ủy ban nhân dân" / "Chủ tịch")."""
    lines = signature_lines("TM", head_title(profile), "")
    return Signer(profile.chairman_name, sentence_case(lines[-1]), " / ".join(sentence_case(x) for x in lines[:-1]))


def rollup_file_name(fields: ManifestFields) -> str:
    """ "42-90436_consolidation_2024_Q1_r2.cchc"."""
    sender = f"{fields.sender.province_code}-{fields.sender.unit_code}"
    return f"{sender}_{KIND}_{fields.year}_{fields.period}_r{fields.revision}{PACKAGE_SUFFIX}"


# data.json ##############################################################


def consolidation_data(data: Consolidation, submitted_at: str) -> dict[str, Any]:
    """data.json of a consolidation, payload version 1 (docs/package-format.md §12.2.2)."""
    profile = data.profile
    matrix = matrix_to_dict(data.matrix)
    return {
        "payload": KIND,
        "payload_version": PAYLOAD_VERSION,
        "unit": {
            "name": profile.name,
            "short_name": profile.short_name,
            "province_code": profile.province_code,
            "commune_code": profile.district_unit_code,  # the sender's unit code, as for every kind
            "district_code": profile.district_code,
            "unit_type": "huyen",
        },
        "year": data.year,
        "submitted_at": submitted_at,
        "evidence": [],
        "withheld_secret": 0,
        "period": {"code": data.period_code, "label": data.period_label},
        "as_of": data.as_of,
        "completeness": {"columns": matrix["columns"], "units": matrix["units"]},
        "indicators": [_indicator(c) for c in data.indicators],
        "index": _index(data.index),
    }


def _indicator(item: Consolidated) -> dict[str, Any]:
    return {
        "code": item.code,
        "text": item.text,
        "unit": item.measure_unit,
        "is_rate": item.is_rate,
        "numerator": item.numerator if item.is_rate else None,
        "denominator": item.denominator if item.is_rate else None,
        "reporting": item.reporting,
        "units": [
            {
                "code": f"{u.province_code}-{u.unit_code}",
                "name": u.unit_name,
                "numerator": u.numerator,
                "denominator": u.denominator,
                "value": u.value,
                "figure": u.figure,
                "target": u.target,
                "attainment": u.attainment or "",
            }
            for u in item.units
        ],
    }


def _index(view: IndexView) -> dict[str, Any]:
    return {
        "areas": [{"code": a.code, "name": a.name, "max_points": a.max_points} for a in view.areas],
        "units": [
            {
                "code": f"{s.province_code}-{s.unit_code}",
                "name": s.name,
                "total": s.total,
                "max_total": s.max_total,
                "areas": dict(s.areas),
                "scored": s.scored,
                "scorable": s.scorable,
                "submitted": s.submitted,
            }
            for s in view.scores
        ],
    }


def received_reports(service: ReceiverService) -> list[DistrictReport]:
    """At a province: each district's current consolidation, named as the roster names the district."""
    names = {(u.province_code, u.unit_code): u.full_name for u in service.roster()}
    return district_reports(service.ws.conn, names)
