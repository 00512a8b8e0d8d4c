"""Which unit (đơn vị) a certificate belongs to: a tolerant match against a roster of communes.

Vietnamese government certificates name the organisation in CN (an organisation certificate:
"UBND xã Kỳ Phong"), in O/OU (a person's certificate: O="Ủy ban nhân dân xã Kỳ Phong"), and
sometimes carry codes in UID ("MST:…", "MNS:…") or serialNumber. Names are compared after NFC,
case folding, removing diacritics (đ → d) and the agency words ("Ủy ban nhân dân", "UBND"); the
kind of unit ("xã", "phường", "tỉnh"…) must agree when both sides name it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from cchc_desktop.signatures.certs import CertificateSummary

#: Kinds of administrative unit, folded, longest first ("thi xa" before "xa").
_UNIT_KINDS = ("thanh pho", "thi tran", "thi xa", "dac khu", "phuong", "huyen", "quan", "tinh", "xa", "tp")
#: The app's unit_type codes (domain.units) and the folded kind word each stands for.
_TYPE_WORDS = {"xa": "xa", "phuong": "phuong", "dac_khu": "dac khu", "thi_tran": "thi tran", "tinh": "tinh"}
_AGENCY_WORDS = ("uy ban nhan dan", "hoi dong nhan dan", "ubnd", "hdnd")
_NAME_FIELDS = ("CN", "OU", "O")
_CODE_FIELDS = ("UID", "serialNumber", "OU", "CN")
_DIGITS = re.compile(r"\d+")

Unit = TypeVar("Unit")


def fold(text: str) -> str:
    """ "Ủy ban nhân dân Xã  Kỳ Phong" → "uy ban nhan dan xa ky phong": NFC, no diacritics, đ → d,
    case-folded, punctuation as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("đ", "d").replace("Đ", "D").casefold()
    spaced = re.sub(r"[^\w]+", " ", bare)
    return " ".join(spaced.split())


@dataclass(frozen=True)
class UnitName:
    """A unit name split into its kind ("xa", "tinh"… or None when not said) and its core ("ky phong")."""

    kind: str | None
    core: str


def split_unit_name(text: str) -> UnitName:
    """ "UBND xã Kỳ Phong" → UnitName("xa", "ky phong"); "Kỳ Phong" → UnitName(None, "ky phong")."""
    folded = fold(text)
    for word in _AGENCY_WORDS:
        if folded.startswith(word + " "):
            folded = folded[len(word) + 1 :]
            break
    for kind in _UNIT_KINDS:
        if folded.startswith(kind + " "):
            return UnitName("thanh pho" if kind == "tp" else kind, folded[len(kind) + 1 :])
    return UnitName(None, folded)


@dataclass(frozen=True)
class CertificateUnit:
    """The unit names and codes a certificate carries, most specific first."""

    names: tuple[str, ...]
    codes: tuple[str, ...]


def certificate_unit(cert: CertificateSummary) -> CertificateUnit:
    """Names from CN, OU and O (in that order) and digit runs from UID, serialNumber, OU and CN."""
    names = tuple(value for name in _NAME_FIELDS for value in cert.values(name) if value.strip())
    codes: list[str] = []
    for name in _CODE_FIELDS:
        for value in cert.values(name):
            codes.extend(code for code in _DIGITS.findall(value) if code not in codes)
    return CertificateUnit(names=names, codes=tuple(codes))


def names_match(certificate_name: str, roster_name: str, unit_type: str | None = None) -> bool:
    """True when two names denote the same unit: same core, and no conflicting kind."""
    left, right = split_unit_name(certificate_name), split_unit_name(roster_name)
    if not left.core or left.core != right.core:
        return False
    wanted = right.kind or _TYPE_WORDS.get(unit_type or "")
    return left.kind is None or wanted is None or left.kind == wanted


def matches_unit(
    cert: CertificateSummary, name: str, unit_type: str | None = None, unit_code: str | None = None
) -> bool:
    """Does the certificate belong to the unit ``name`` (e.g. "Kỳ Phong", unit_type "xa")?

    A code given and found in the certificate (UID, serialNumber…) is enough; otherwise one of its
    names must match.
    """
    unit = certificate_unit(cert)
    if unit_code and unit_code.strip() in unit.codes:
        return True
    return any(names_match(candidate, name, unit_type) for candidate in unit.names)


def find_unit(
    cert: CertificateSummary,
    roster: Iterable[Unit],
    *,
    name_of: Callable[[Unit], str],
    type_of: Callable[[Unit], str | None] | None = None,
    code_of: Callable[[Unit], str | None] | None = None,
) -> Unit | None:
    """The roster entry the certificate belongs to, or None when none or several fit equally.

    A unit code found in the certificate decides first; then its names are tried from the most
    specific (CN, then OU, then O), so a commune's certificate whose O names the province goes to
    the commune. ``name_of(entry)`` gives an entry's name; ``type_of`` and ``code_of`` (optional) its
    unit type and code, so a roster of any shape can be searched.
    """
    entries = list(roster)
    unit = certificate_unit(cert)
    if code_of is not None:
        by_code = [entry for entry in entries if (code_of(entry) or "").strip() in unit.codes]
        if len(by_code) == 1:
            return by_code[0]
    for candidate in unit.names:
        found = [
            entry for entry in entries if names_match(candidate, name_of(entry), type_of(entry) if type_of else None)
        ]
        if found:
            return found[0] if len(found) == 1 else None
    return None
