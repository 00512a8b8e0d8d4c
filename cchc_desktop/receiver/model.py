"""Nơi nhận báo cáo (Sở Nội vụ, or a district for data from before 01/7/2025): its records.

The roster is the list of subordinate units expected to report; an appraisal is one round of
appraised scores (điểm thẩm định) for one unit's self-assessment; a reminder letter is the công văn
đôn đốc the office sends to the units that are behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_desktop.kernel.fields import editable

#: Kinds of subordinate unit: the three communal kinds since 01/7/2025, and the district-level and
#: pre-2025 communal kinds a legacy roster (a district's, or older data) still names.
UNIT_KINDS = ("xa", "phuong", "dac_khu", "thi_tran", "huyen", "thi_xa", "thanh_pho")
UNIT_KIND_WORDS = {
    "xa": "Xã",
    "phuong": "Phường",
    "dac_khu": "Đặc khu",
    "thi_tran": "Thị trấn",
    "huyen": "Huyện",
    "thi_xa": "Thị xã",
    "thanh_pho": "Thành phố",
}
#: District-level kinds (kernel.units.DISTRICT_KINDS) are typed with their 3-digit code, kept (and
#: enrolled) as "90" + the code.
KEY_STATES = ("none", "enrolled", "revoked", "certificate")  # certificate: seals with its own, no key needed
#: How the receiving unit signs (Decree 30, ô 7a). A Sở has one head (thủ trưởng: Giám đốc) who signs
#: himself (HEAD), or a deputy signs for him (KT), an acting head (Q), or a head of office by order (TL);
#: a district is a collective (UBND huyện: TM. ỦY BAN NHÂN DÂN, as a commune).
SIGNER_FORMS = ("HEAD", "KT", "Q", "TL", "TM")


def signature_lines(form: str, head_title: str, signer_title: str) -> list[str]:
    """The lines above the signer's name: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"."""
    head = (head_title or "GIÁM ĐỐC").upper()
    own = (signer_title or head).upper()
    if form == "KT":
        return [f"KT. {head}", own if own != head else f"PHÓ {head}"]
    if form == "Q":
        return [f"Q. {head}"]
    if form == "TL":
        return [f"TL. {head}", own if own != head else "CHÁNH VĂN PHÒNG"]
    if form == "TM":
        return ["TM. ỦY BAN NHÂN DÂN", own]
    return [head]


@dataclass
class RosterUnit:
    """Đơn vị trực thuộc: expected to report; a legacy unit keeps the dates it existed."""

    id: int
    province_code: str
    unit_code: str
    position: int
    source: str = "official"
    name: str = editable("text", "receiver.roster.col.name", required=True)
    unit_type: str = editable("choice", "receiver.roster.col.unit_type", choices=UNIT_KINDS, required=True)
    valid_from: str | None = editable("date", "receiver.roster.col.valid_from")
    valid_to: str | None = editable("date", "receiver.roster.col.valid_to")
    note: str = editable("text", "receiver.roster.col.note")

    @property
    def full_name(self) -> str:
        """ "Xã Hương Xuân"."""
        return f"{UNIT_KIND_WORDS.get(self.unit_type, '')} {self.name}".strip()

    @property
    def code_text(self) -> str:
        """ "42-18544", as packages and enrolment cards name a unit."""
        return f"{self.province_code}-{self.unit_code}"

    def exists_on(self, day: str) -> bool:
        """Whether the unit existed on ``day`` (ISO date): merged units stop being expected."""
        return (self.valid_from or "") <= day and (not self.valid_to or day <= self.valid_to)


@dataclass
class Appraisal:
    """Một vòng thẩm định: the appraised scores of one unit's self-assessment for a year."""

    id: int
    province_code: str
    unit_code: str
    year: int
    round: int = 1
    status: str = "draft"
    based_on: str = ""  # the package id of the self-assessment appraised
    note: str = editable("text", "receiver.appraisal.col.note", multiline=True)
    created_at: str = ""
    sent_at: str | None = None

    @property
    def editable_now(self) -> bool:
        return self.status == "draft"


@dataclass
class AppraisalScore:
    """Điểm thẩm định và nhận xét của một tiêu chí, beside the unit's self-score."""

    id: int
    appraisal_id: int
    position: int
    criterion_code: str = ""
    criterion_name: str = ""
    max_points: float | None = None
    self_score: float | None = None
    appraised_score: float | None = editable("number", "receiver.appraisal.col.appraised_score")
    comment: str = editable("text", "receiver.appraisal.col.comment", multiline=True)


@dataclass
class ReminderLetter:
    """Công văn đôn đốc: addressed to the units behind, naming what is behind; edited before issuing."""

    id: int
    year: int
    period: str = ""
    status: str = "draft"
    doc_number: int | None = editable("int", "receiver.letter.col.doc_number")
    doc_symbol: str = editable("text", "receiver.letter.col.doc_symbol")
    issue_place: str = editable("text", "receiver.letter.col.issue_place")
    issue_date: str | None = editable("date", "receiver.letter.col.issue_date")
    subject: str = editable("text", "receiver.letter.col.subject", multiline=True)
    addressees: str = editable("text", "receiver.letter.col.addressees", multiline=True)
    body_text: str = editable("text", "receiver.letter.col.body_text", multiline=True)
    requests_text: str = editable("text", "receiver.letter.col.requests_text", multiline=True)
    closing_text: str = editable("text", "receiver.letter.col.closing_text", multiline=True)
    recipients: str = editable("text", "receiver.letter.col.recipients", multiline=True)
    signer_mode: str = editable("choice", "receiver.letter.col.signer_mode", choices=SIGNER_FORMS, default="KT")
    signer_title: str = editable("text", "receiver.letter.col.signer_title")
    signer_name: str = editable("text", "receiver.letter.col.signer_name")
    units: str = "[]"  # JSON: the units the letter names, as chosen when it was drafted
    created_at: str = ""
    issued_at: str | None = None

    @property
    def editable_now(self) -> bool:
        return self.status == "draft"
