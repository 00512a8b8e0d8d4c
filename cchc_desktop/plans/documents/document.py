"""Builder: the annual CCHC plan as an official document (Decree 30/2020, Mẫu 1.4).

Two ways of issuing it, both seen in communes:
- a standalone "KẾ HOẠCH", Số: 05/KH-UBND, signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH";
- a "QUYẾT ĐỊNH" (Số: …/QĐ-UBND, "V/v ban hành Kế hoạch …", căn cứ, Điều 1-3, signed by the
  Chủ tịch) followed by the plan "(Ban hành kèm theo Quyết định số …)".
Either way the plan carries Phụ lục I (nhiệm vụ cụ thể) and Phụ lục II (chỉ tiêu).
"""

from __future__ import annotations

from cchc_desktop.kernel.documents.model import Block, Header, OfficialDocument, Paragraph, Signature
from cchc_desktop.kernel.documents.wording import BLANK, long_date, lower_first, place_date, strip_end
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import clean, fold
from cchc_desktop.plans.documents.sections import plan_body
from cchc_desktop.plans.documents.tables import plan_appendices
from cchc_desktop.plans.model import DEFAULT_SYMBOL, Plan, PlanAggregate, signature_lines
from cchc_desktop.profile.model import UnitProfile

#: Signer modes of a plan → the mode used on the Quyết định (the Chủ tịch's own authority).
_DECISION_SIGNER = {"TM": "CT", "CT": "CT", "KT": "KTCT", "KTCT": "KTCT", "Q": "Q"}


def build_plan_document(
    profile: UnitProfile, aggregate: PlanAggregate, *, as_decision: bool | None = None, draft_mark: bool = False
) -> OfficialDocument:
    """The plan as a standalone Kế hoạch, or (``plan.issue_mode == "QD"`` or ``as_decision``)
    as a Quyết định with the plan attached. ``draft_mark`` boxes "DỰ THẢO" under the number."""
    mark = tr("doc.mark.draft") if draft_mark else ""
    if is_decision(aggregate.plan, as_decision):
        return _decision(profile, aggregate, mark)
    return _standalone_plan(profile, aggregate, mark)


def plan_title(profile: UnitProfile, plan: Plan) -> str:
    """Trích yếu: the plan's own title or "Cải cách hành chính xã … năm …".

    The tên loại "KẾ HOẠCH" is printed above it, and a Quyết định says "Ban hành Kế hoạch …": a
    title typed as "Kế hoạch cải cách …" loses its first word, so "Kế hoạch" is never said twice."""
    title = clean(plan.title)
    word = tr("doc.plan.word")
    if fold(title).startswith(fold(word) + " "):
        rest = title[len(word) :].strip()
        title = rest[:1].upper() + rest[1:]
    return title or tr("doc.plan.default_title", unit=profile.short_name, year=plan.year)


def number_text(plan: Plan, kind: str) -> str:
    """ "05/KH-UBND" or "05/QĐ-UBND"; a blank number for hand numbering when there is none."""
    symbol = clean(plan.doc_symbol) or DEFAULT_SYMBOL[kind]
    if fold(symbol[:2]) != fold(DEFAULT_SYMBOL[kind][:2]):
        symbol = DEFAULT_SYMBOL[kind]
    number = f"{plan.doc_number:02d}" if plan.doc_number is not None else BLANK
    return f"{number}/{symbol}"


def agency_header(profile: UnitProfile, number: str | None, when: str | None, mark: str = "") -> Header:
    """Tên cơ quan: "ỦY BAN NHÂN DÂN" / "XÃ KỲ PHONG" (a receiver unit prints its own name)."""
    if profile.mode == "receiver":
        lines = [profile.agency_upper]
    else:
        lines = [tr("doc.agency.people_committee"), profile.agency_upper]
    return Header(agency_lines=lines, number_text=number, place_date=when, mark=mark)


def _place_date(profile: UnitProfile, plan: Plan) -> str:
    return place_date(clean(plan.issue_place) or profile.place_name, plan.issue_date, plan.year)


def plan_recipients(aggregate: PlanAggregate, first: tuple[str, ...] = ()) -> list[str]:
    """Nơi nhận lines: ``first``, each recipient with its purpose, and "Lưu: VT, VP" last."""
    return recipient_lines(aggregate.recipients, first)


def recipient_lines(entries: list, first: tuple[str, ...] = ()) -> list[str]:
    """Nơi nhận lines of any document: ``first``, each entry (``recipient``, ``purpose``,
    ``position``) with its purpose, and the archive line ("Lưu: VT, VP") last."""
    items = list(first)
    archive = ""
    archive_prefix = fold(tr("doc.recipients.archive_prefix")).rstrip(":")
    for entry in sorted(entries, key=lambda r: r.position):
        recipient, purpose = strip_end(entry.recipient), clean(entry.purpose).strip("()")
        if fold(recipient).startswith(archive_prefix):
            archive = recipient
        elif recipient:
            items.append(
                tr("doc.recipients.with_purpose", recipient=recipient, purpose=purpose) if purpose else recipient
            )
    return items + [archive or tr("doc.recipients.archive")]


def _signer_name(profile: UnitProfile, plan: Plan) -> str:
    if clean(plan.signer_name):
        return clean(plan.signer_name)
    return profile.chairman_name if plan.signer_mode in ("TM", "CT") else ""


def _bases(aggregate: PlanAggregate) -> list[str]:
    return [b.text for b in sorted(aggregate.bases, key=lambda b: b.position) if clean(b.text)]


def is_decision(plan: Plan, as_decision: bool | None = None) -> bool:
    return plan.issue_mode == "QD" if as_decision is None else as_decision


def appendix_reference(profile: UnitProfile, aggregate: PlanAggregate, as_decision: bool | None = None) -> str:
    """The "(Kèm theo Kế hoạch số … ngày … của …)" line of the plan's appendices."""
    plan = aggregate.plan
    date = long_date(plan.issue_date, plan.year)
    if is_decision(plan, as_decision):
        return tr("doc.plan.appendix_ref.decision", number=number_text(plan, "QD"), date=date, unit=profile.short_name)
    return tr("doc.plan.appendix_ref", number=number_text(plan, "KH"), date=date, unit=profile.short_name)


def _standalone_plan(profile: UnitProfile, aggregate: PlanAggregate, mark: str) -> OfficialDocument:
    plan = aggregate.plan
    number = number_text(plan, "KH")
    reference = appendix_reference(profile, aggregate, as_decision=False)
    intro = Paragraph(tr("doc.plan.intro", unit=profile.short_name, year=plan.year))
    return OfficialDocument(
        header=agency_header(profile, number, _place_date(profile, plan), mark),
        type_name=tr("doc.type.plan"),
        summary=plan_title(profile, plan),
        bases=_bases(aggregate),
        body=[intro, *plan_body(profile, aggregate)],
        signature=Signature(signature_lines(plan.signer_mode, plan.signer_title), _signer_name(profile, plan)),
        recipients=plan_recipients(aggregate),
        appendices=plan_appendices(aggregate, reference),
        title=f"{tr('doc.type.plan')} {number}",
        author=profile.full_name,
    )


def _decision_signature(profile: UnitProfile, plan: Plan) -> Signature:
    mode = _DECISION_SIGNER.get(plan.signer_mode, "CT")
    lines = signature_lines(mode, plan.signer_title)
    if mode == "Q":
        lines = lines[1:]  # "Q. CHỦ TỊCH": the Chủ tịch's own authority, no "TM." line
    return Signature(lines, _signer_name(profile, plan))


def _executors(aggregate: PlanAggregate) -> str:
    """Điều 3 names the plan's actors that the Chủ tịch can direct: not those only "requested"
    ("Đề nghị Ủy ban MTTQ …"), which a Quyết định cannot bind."""
    requested = fold(tr("doc.decision.requested"))
    names = [strip_end(a.actor) for a in sorted(aggregate.actors, key=lambda a: a.position)]
    names = [n for n in names if n and not fold(n).startswith(requested)]
    return "; ".join([names[0], *(lower_first(n) for n in names[1:])]) if names else ""


def _decision_articles(aggregate: PlanAggregate, title: str) -> list[Block]:
    actors = _executors(aggregate)
    article3 = tr("doc.decision.article3", actors=actors) if actors else tr("doc.decision.article3.bare")
    texts = [tr("doc.decision.article1", title=title), tr("doc.decision.article2"), article3]
    return [
        Paragraph(tr("doc.decision.decides"), bold=True, align="center", indent=False),
        *(Paragraph(text, lead=tr("doc.decision.article", number=n)) for n, text in enumerate(texts, start=1)),
    ]


def _decision_bases(profile: UnitProfile, aggregate: PlanAggregate) -> list[str]:
    bases = _bases(aggregate)
    if clean(profile.focal_title):
        bases.append(tr("doc.decision.proposal", who=lower_first(profile.focal_title)))
    return bases


def _decision(profile: UnitProfile, aggregate: PlanAggregate, mark: str) -> OfficialDocument:
    plan = aggregate.plan
    number = number_text(plan, "QD")
    title = plan_title(profile, plan)
    date = long_date(plan.issue_date, plan.year)
    attached = OfficialDocument(
        header=agency_header(profile, None, None),
        type_name=tr("doc.type.plan"),
        summary=title,
        subtitle=tr("doc.plan.attached_to", number=number, date=date, unit=profile.short_name),
        body=plan_body(profile, aggregate),
        appendices=plan_appendices(aggregate, appendix_reference(profile, aggregate, as_decision=True)),
    )
    return OfficialDocument(
        header=agency_header(profile, number, _place_date(profile, plan), mark),
        type_name=tr("doc.type.decision"),
        summary=tr("doc.decision.summary", title=lower_first(title)),
        authority=tr("doc.decision.authority", agency=profile.agency_upper),
        bases=_decision_bases(profile, aggregate),
        body=_decision_articles(aggregate, lower_first(title)),
        signature=_decision_signature(profile, plan),
        recipients=plan_recipients(aggregate, first=(tr("doc.decision.as_article3"),)),
        attachments=[attached],
        title=f"{tr('doc.type.decision')} {number}",
        author=profile.full_name,
    )
