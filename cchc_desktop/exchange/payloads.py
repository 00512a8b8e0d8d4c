"""Nội dung data.json của gói, theo loại gói: what a commune sends for a plan, a report, an assessment.

``export_problems`` says what blocks sending (listed to the user before anything is written);
``export_content`` reads the workspace once into plain data: data.json, the rows evidence may be
attached to, the signer, the framework reference and a renderer for document.pdf that needs no
database. The shapes are specified in docs/package-format.md §12.2; the receiver checks them in
``exchange.payload_rows``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cchc_desktop.exchange import keyring
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.manifest import FrameworkRef, Signer
from cchc_desktop.kernel.errors import CchcError, ValidationError
from cchc_desktop.kernel.problems import Problem, error, warning
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.model import signature_lines

PAYLOAD_VERSION = 1
CONTENT_KINDS = ("plan", "report", "assessment")
#: What a receiver imports as content: the communes' kinds and a district's consolidation (``receiver.rollup``).
RECEIVED_KINDS = (*CONTENT_KINDS, "consolidation")
Renderer = Callable[[Callable[[int, int], None] | None, Callable[[], bool] | None], bytes]


@dataclass
class ExportContent:
    """Everything a package of one kind needs, read from the workspace in one go."""

    kind: str
    year: int
    period: str | None
    data: dict[str, Any]
    signer: Signer
    framework: FrameworkRef | None = None
    targets: dict[tuple[str, int], str] = field(default_factory=dict)  # (entity, row id) → reference
    render: Renderer | None = None


def unit_block(ws: ExchangeWorkspace) -> dict[str, Any]:
    profile = ws.profile.get()
    return {
        "name": profile.full_name,
        "short_name": profile.short_name,
        "province_code": profile.province_code,
        "commune_code": profile.commune_code,
        "unit_type": profile.unit_type,
    }


def sentence_case(text: str) -> str:
    """ "TM. ỦY BAN NHÂN DÂN" → "TM. Ủy ban nhân dân"; "CHỦ TỊCH" → "Chủ tịch"."""
    words = clean(text).split()
    if not words:
        return ""
    first = words[0] if words[0].endswith(".") else words[0].capitalize()
    return " ".join([first, *(w.lower() for w in words[1:])])


def signer_of(mode: str, title: str, name: str, fallback_name: str) -> Signer:
    lines = signature_lines(mode, title)
    return Signer(
        name=clean(name) or clean(fallback_name),
        role=sentence_case(lines[-1]),
        on_behalf_of=" / ".join(sentence_case(line) for line in lines[:-1]),
    )


def framework_ref(identifier: str | None, digest: str | None) -> FrameworkRef | None:
    return FrameworkRef(identifier, digest) if identifier and digest else None


# Problems ###############################################################


def export_problems(
    ws: ExchangeWorkspace, kind: str, year: int, period: str | None, *, by_certificate: bool = False
) -> list[Problem]:
    """What stops (errors) or deserves a word (warnings) before sending this package; a package sealed
    with the unit's certificate needs no app key."""
    profile = ws.profile.get()
    if profile.mode != "commune":
        return [error("exchange.export.not_commune")]
    problems = [] if by_certificate or keyring.key_info(ws) else [error("exchange.export.no_key")]
    checks = {"plan": _plan_problems, "report": _report_problems, "assessment": _assessment_problems}
    if kind not in checks:
        raise ValidationError("exchange.export.kind_unknown", kind=kind, kinds=", ".join(CONTENT_KINDS))
    return problems + checks[kind](ws, year, period)


def _plan_problems(ws: ExchangeWorkspace, year: int, period: str | None) -> list[Problem]:
    plan = ws.plans.in_force(year)
    if plan is None:
        return [error("exchange.export.plan_not_issued", year=year)]
    found = []
    newest = ws.plans.current(year)
    if newest is not None and newest.id != plan.id:
        found.append(warning("exchange.export.plan_amendment_pending", year=year, version=plan.version))
    if not (plan.signer_name or ws.profile.get().chairman_name):
        found.append(error("exchange.export.no_signer", "plan", plan.id, "signer_name"))
    return found


def _report_problems(ws: ExchangeWorkspace, year: int, period: str | None) -> list[Problem]:
    if not period:
        return [error("exchange.export.period_needed")]
    try:
        found = ws.reports.period(year, period)
    except CchcError as exc:
        return [error("exchange.export.message", message=str(exc))]
    report = ws.reports.for_period(year, period)
    if report is None:
        return [error("exchange.export.report_missing", period=found.label)]
    if report.status != "submitted":
        blocking = [p for p in ws.reports.problems(report.id) if p.blocking]
        return [error("exchange.export.report_not_submitted", "report", report.id, period=found.label), *blocking]
    return []


def _assessment_problems(ws: ExchangeWorkspace, year: int, period: str | None) -> list[Problem]:
    assessment = ws.assessment.get(year)
    if assessment is None:
        return [error("exchange.export.assessment_missing", year=year)]
    found = [p for p in ws.assessment.problems(year) if p.blocking]
    if assessment.status != "submitted":
        found.append(warning("exchange.export.assessment_draft", year=year))
    if not ws.profile.get().chairman_name:
        found.append(error("exchange.export.no_signer", "profile", None, "chairman_name"))
    return found


# Content ################################################################


def with_evidence(content: ExportContent, files: list[Any], withheld: int) -> dict[str, Any]:
    """data.json with its evidence list: every file by SHA-256 with the rows it is attached to."""
    evidence = []
    for item in files:
        refs = sorted({content.targets[link] for link in item.attached_to if link in content.targets})
        evidence.append({"sha256": item.sha256, "name": item.name, "mime": item.mime, "size": item.size, "refs": refs})
    return {**content.data, "evidence": sorted(evidence, key=lambda e: e["sha256"]), "withheld_secret": withheld}
