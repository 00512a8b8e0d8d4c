"""Vietnamese labels for packages: kind, period and a one-line title, for messages, mail and lists."""

from __future__ import annotations

import re

from cchc_desktop.exchange.format.manifest import Manifest
from cchc_desktop.kernel.i18n import roman, tr

_QUARTER = re.compile(r"Q([1-4])")


def kind_label(kind: str) -> str:
    """ "report" → "Báo cáo CCHC"; an unknown kind is shown as its code."""
    label = tr(f"exchange.kind.{kind}")
    return kind if label == f"exchange.kind.{kind}" else label


def period_label(period: str | None, year: int) -> str:
    """ "Q1", 2026 → "Quý I/2026"; "H1" → "6 tháng đầu năm 2026"; None or "Y" → "năm 2026"."""
    if period is None or period == "Y":
        return tr("exchange.period.year", year=year)
    quarter = _QUARTER.fullmatch(period)
    if quarter:
        return tr("exchange.period.quarter", quarter=roman(int(quarter.group(1))), year=year)
    if period in ("H1", "H2"):
        return tr(f"exchange.period.{period.lower()}", year=year)
    return tr("exchange.period.other", period=period, year=year)


def package_title(manifest: Manifest, sender: str | None = None) -> str:
    """ "Báo cáo CCHC Quý I/2026 của xã Kỳ Phong (lần gửi 2)"; ``sender`` is how the reader names the
    sender (a receiver: from its enrolment), the package's own claim when not given (the sender's side)."""
    return tr(
        "exchange.title",
        kind=kind_label(manifest.kind),
        period=period_label(manifest.period, manifest.year),
        sender=sender or manifest.sender.label,
        revision=manifest.revision,
    )
