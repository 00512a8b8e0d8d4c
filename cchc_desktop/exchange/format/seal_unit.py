"""Does a certificate name the unit a sealed package says it comes from (đơn vị trên chứng thư)?

The trust root is national and commune names repeat across provinces (and inside one, across old
and new units), so a name alone is not enough:
* a unit code the certificate states ("MNS:18544" in UID or serialNumber: five digits after a label)
  decides, either way;
* otherwise the certificate's province (ST), when it names one, must be the receiver's province;
* its name (CN, OU or O, as ``signatures.units`` compares them) must fit the unit, and no other unit
  of the roster: a name two roster units share cannot tell them apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cchc_desktop.kernel.i18n import tr

if TYPE_CHECKING:
    from cchc_desktop.signatures.certs import CertificateSummary

_STATED_CODE = re.compile(r"^[A-Za-z]+:(\d{5})$")  # "MNS:18544"; longer numbers (MST, CCCD) are not unit codes


@dataclass(frozen=True)
class SealUnit:
    """A unit of the receiver's roster that a certificate may name (đơn vị trực thuộc)."""

    province_code: str
    unit_code: str
    name: str
    unit_type: str
    label: str  # "xã Kỳ Phong (mã 42-18103)": how refusals and results name it
    key_id: Any = None  # how the caller finds the unit again (its holder row)
    ended: str = ""  # ISO date a merged unit stopped existing ("" while it exists)


def stated_codes(cert: CertificateSummary) -> set[str]:
    """Unit codes the certificate states in UID or serialNumber."""
    values = (*cert.values("UID"), *cert.values("serialNumber"))
    return {match.group(1) for value in values if (match := _STATED_CODE.match(value.strip()))}


def mismatch_reason(
    cert: CertificateSummary, unit: SealUnit, roster: Sequence[SealUnit], province_name: str, today: str = ""
) -> str | None:
    """Why the certificate is not ``unit``'s (a Vietnamese clause), or None when it is. A namesake that
    ended before ``today`` (ISO date; a unit merged away) does not make the name ambiguous."""
    from cchc_desktop.signatures.units import matches_unit, names_match

    codes = stated_codes(cert)
    if codes:
        stated = ", ".join(sorted(codes))
        return None if unit.unit_code in codes else tr("exchange.seal.why.code", codes=stated, code=unit.unit_code)
    provinces = cert.values("ST")
    if provinces and province_name and not names_match(provinces[0], province_name):
        return tr("exchange.seal.why.province", province=provinces[0])
    if not matches_unit(cert, unit.name, unit.unit_type):
        return tr("exchange.seal.why.name")
    current = [u for u in roster if u != unit and not (u.ended and today and u.ended < today)]
    others = [u.label for u in current if matches_unit(cert, u.name, u.unit_type)]
    if others:
        return tr("exchange.seal.why.ambiguous", others="; ".join(others[:3]))
    return None
