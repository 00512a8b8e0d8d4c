"""Dữ liệu mẫu của nơi nhận: Sở Nội vụ tỉnh Hà Tĩnh with the packages of about thirty communes.

The communes are real units of the official list; their figures are the demo commune's, varied per
unit (fictional data, as the demo commune is). Each sends its plan, its Quý I and 6-month reports
and its self-assessment, signed on dates spread around the due dates, so the office sees what it
sees in a real year: some late, some missing, some only a draft, one unit that sent Quý I twice,
and one unit whose key was never enrolled (its packages wait on the stick).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.assessment.criteria import floor_to_step
from cchc_desktop.demo import create_demo
from cchc_desktop.exchange.exporter import write_package
from cchc_desktop.exchange.format.keys import generate_private_key
from cchc_desktop.exchange.format.pubfile import UnitIdentity, parse_pub_file, pub_file_text
from cchc_desktop.kernel import divisions
from cchc_desktop.kernel.errors import WorkspaceError
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.reports.calendar import due_date
from cchc_desktop.workspace import Workspace, create_receiver

PROVINCE = "42"  # Hà Tĩnh, the province of the seed documents
VN = "+07:00"


@dataclass(frozen=True)
class UnitPlan:
    """What one demo unit sends and when (None: not sent)."""

    unit: divisions.Division
    plan_day: str | None
    q1_day: str | None
    h1_day: str | None
    q3_day: str | None
    q3_draft: bool
    assessment: str  # "submitted", "draft" or "" (not sent)
    enrolled: bool = True
    resend_q1: bool = False


def office_name(province: str) -> str:
    """ "Sở Nội vụ tỉnh Hà Tĩnh", "Sở Nội vụ thành phố Hà Nội"."""
    unit = divisions.province(province)
    if unit is None:
        raise WorkspaceError("demo.province_unknown", code=province)
    return f"Sở Nội vụ {unit.full_name[0].lower()}{unit.full_name[1:]}"


def schedule(
    province: str, year: int, count: int, q3_due: dt.date, seed: int = 2026, today: dt.date | None = None
) -> list[UnitPlan]:
    """Who sends what and when: mostly on time, a few late, a few missing (always the same, by seed).

    The Quý III report is sent only once its window has closed (the demo of the current year,
    made in August, has none yet).
    """
    rng = random.Random(seed)
    q3_sent = q3_due <= (today or dt.date.today())
    units = list(divisions.communes(province))[:count]
    plans = []
    for index, unit in enumerate(units):
        late = index % 6 == 2
        plans.append(
            UnitPlan(
                unit,
                f"{year}-01-{rng.randint(10, 29):02d}" if index % 9 else f"{year}-02-{rng.randint(3, 12):02d}",
                None if index % 10 == 7 else f"{year}-03-{rng.randint(22, 30) if late else rng.randint(12, 20):02d}",
                None if index % 5 == 4 else f"{year}-06-{rng.randint(22, 29) if late else rng.randint(12, 20):02d}",
                f"{year}-09-{rng.randint(22, 29) if late else rng.randint(14, 20):02d}"
                if q3_sent and index % 8 != 6
                else None,
                index % 8 == 5,
                "" if index % 7 == 6 else ("draft" if index % 4 == 3 else "submitted"),
                enrolled=index != count - 1,
                resend_q1=index == 1,
            )
        )
    return plans


def create_receiver_demo(
    path: str | Path, *, year: int | None = None, count: int = 30, province: str = PROVINCE
) -> Workspace:
    """The receiver's demo workspace at ``path`` (refuses an existing file).

    ``count`` units of ``province`` send packages (all of them when the province has fewer).
    """
    target = Path(path)
    if target.exists():
        raise WorkspaceError("demo.exists", path=str(target))
    name = office_name(province)
    year = year or dt.date.today().year
    work = Path(tempfile.mkdtemp(prefix="cchc-demo-"))
    try:
        template = work / "xa.sqlite"
        create_demo(template, year=year).close()
        stick = target.parent / f"{target.stem}-usb"
        stick.mkdir(parents=True, exist_ok=True)
        office = create_receiver(target, name, province)
        office.receiver.fill_roster(province)
        office.reports.create_calendar(year)
        q3_due = due_date(office.reports.period(year, "Q3"))
        for index, plan in enumerate(schedule(province, year, count, q3_due)):
            _send(office, template, work / f"{index}.sqlite", stick, plan, year, random.Random(index))
        office.exchange.import_packages([stick])
        office.history.clear()
        return office
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _send(
    office: Workspace, template: Path, copy: Path, stick: Path, plan: UnitPlan, year: int, rng: random.Random
) -> None:
    shutil.copy(template, copy)
    with Workspace.open(copy) as ws:
        profile = ws.profile.get()
        ws.profile.save(
            UnitProfile.from_dict(
                {
                    **profile.__dict__,
                    "name": plan.unit.name,
                    "unit_type": plan.unit.kind,
                    "commune_code": plan.unit.code,
                    "place_name": plan.unit.name,
                    "province_code": plan.unit.province_code,
                    "receiver_name": office.profile.get().name,
                    "receiver_salutation": office.profile.get().name,
                }
            )
        )
        key = generate_private_key()
        if plan.enrolled:
            identity = UnitIdentity(plan.unit.province_code, plan.unit.code, plan.unit.name, plan.unit.kind)
            pub = parse_pub_file(pub_file_text(key.public_key(), identity, plan.unit.full_name, f"{year}-01-05"))
            office.exchange.enrol(pub, pub.fingerprint)
        folder = stick if plan.enrolled else stick / "chua-dang-ky"
        folder.mkdir(exist_ok=True)
        _vary(ws, year, rng)
        for kind, period, day in (
            ("plan", None, plan.plan_day),
            ("report", "Q1", plan.q1_day),
            ("report", "H1", plan.h1_day),
            ("report", "Q3", _close_q3(ws, year, plan)),
        ):
            if day is not None:
                write_package(ws, kind, year, period, folder, key, created_at=f"{day}T15:30:00{VN}")
        if plan.resend_q1 and plan.q1_day:
            write_package(ws, "report", year, "Q1", folder, key, created_at=f"{year}-04-02T09:00:00{VN}")
        if plan.assessment:
            _assess(ws, year, plan.assessment == "submitted", rng)
            write_package(
                ws,
                "assessment",
                year,
                None,
                folder,
                key,
                created_at=f"{year}-11-{rng.randint(10, 28):02d}T10:00:00{VN}",
            )


def _close_q3(ws: Workspace, year: int, plan: UnitPlan) -> str | None:
    """The demo's Quý III draft numbered, dated and sent on its day (or sent as it is, a draft)."""
    report = ws.reports.for_period(year, "Q3")
    if plan.q3_day is None or report is None:
        return None
    if not plan.q3_draft and not report.locked:
        day = dt.date.fromisoformat(plan.q3_day)
        ws.edit_cells("report", [(report.id, "doc_number", "142"), (report.id, "report_date", day)])
        reason = "Số liệu tổng hợp chậm" if day > due_date(ws.reports.period(year, "Q3")) else ""
        ws.reports.keep_copied(report.id)  # the unit has read what its draft carried over from 6 tháng
        ws.reports.submit(report.id, late_reason=reason, at=dt.datetime.combine(day, dt.time(15, 0)))
    return plan.q3_day


def _vary(ws: Workspace, year: int, rng: random.Random) -> None:
    """Each commune's own figures: the demo's, scaled, in the submitted Q1 and 6-month reports."""
    for code in ("Q1", "H1"):
        report = ws.reports.for_period(year, code)
        if report is None or not report.locked:
            continue
        ws.reports.reopen(report.id, "Số liệu của đơn vị")
        agg = ws.reports.aggregate(report.id)
        cells = []
        for actual in agg.actuals:
            if actual.numerator is not None and actual.denominator:
                numerator = min(actual.denominator, round(actual.numerator * rng.uniform(0.6, 1.1)))
                cells.append((actual.id, "numerator", numerator))
            elif actual.value is not None:
                cells.append((actual.id, "value", round(actual.value * rng.uniform(0.5, 1.4))))
        ws.edit_cells("indicator_actual", cells)
        when = dt.datetime.fromisoformat(report.first_submitted_at or f"{year}-01-01T08:00")
        ws.reports.submit(report.id, late_reason="Số liệu tổng hợp chậm", at=when)


def _assess(ws: Workspace, year: int, submit: bool, rng: random.Random) -> None:
    """Scores varied per unit (the proposed one where the figures give it); every claimed point explained."""
    view = ws.assessment.view(year)
    cells: list[tuple[int, str, object]] = []
    for line in view.lines:
        criterion = line.criterion
        if line.is_leaf and line.score is not None and criterion.method in ("self", "") and criterion.max_points:
            share = rng.choice((0.0, 0.5, 1.0, 1.0, 1.0))
            score = floor_to_step(criterion.max_points * share, criterion.step)
            # Where the figures propose a score the commune takes it, as most do.
            cells.append((line.score.id, "self_score", line.proposed if line.proposed is not None else score))
            cells.append((line.score.id, "explanation", "Có văn bản, hồ sơ lưu tại Văn phòng."))
    ws.edit_cells("criterion_score", cells)
    if submit:
        blocking = [p for p in ws.assessment.problems(year) if p.blocking]
        if not blocking:
            ws.assessment.submit(year)
