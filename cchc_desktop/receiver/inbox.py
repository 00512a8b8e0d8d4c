"""Gói đã nhận: every package the office holds, one row each, with what the office asks of it first —
whose it is, what and for when, a draft or the official version, the current revision or replaced,
and how many days after the due date it was signed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cchc_desktop.exchange.format.labels import kind_label, period_label
from cchc_desktop.kernel.i18n import tr

DueOf = Callable[[str, int, str], dt.date | None]  # (kind, year, period) → due date


@dataclass(frozen=True)
class InboxRow:
    id: int
    province_code: str
    unit_code: str
    unit_name: str
    kind: str
    year: int
    period: str
    revision: int
    current: bool
    submitted: bool
    created_at: str  # when the unit signed it (ISO, with offset)
    received_at: str
    signer_name: str
    source_file: str
    days_late: int | None  # None: no due date known, or on time
    pdf_signature: str = ""  # the document's PAdES signatures: "" none, "ok", "invalid"
    pdf_signer: str = ""  # the name in the document's first signature
    seal_certificate: str = ""  # the certificate that sealed the package (CN), "" for the app's key

    @property
    def code(self) -> str:
        return f"{self.province_code}-{self.unit_code}"

    @property
    def what(self) -> str:
        """ "Báo cáo CCHC — Quý I/2026"."""
        return f"{kind_label(self.kind)} — {period_label(self.period or None, self.year)}"

    @property
    def status_text(self) -> str:
        """ "Chính thức", "Bản nháp", "Chính thức (đã có bản mới hơn)"."""
        own = tr("receiver.inbox.submitted") if self.submitted else tr("receiver.inbox.draft")
        return own if self.current else tr("receiver.inbox.replaced", status=own)


def inbox_rows(packages: Iterable[Any], names: Mapping[tuple[str, str], str], due_of: DueOf) -> list[InboxRow]:
    """Rows as received (newest first), named as the roster names the unit."""
    rows = []
    for p in packages:
        key = (p["province_code"], p["unit_code"])
        due = due_of(p["kind"], p["year"], p["period"] or "")
        signed = dt.date.fromisoformat(str(p["created_at"])[:10]) if p["created_at"] else None
        late = (signed - due).days if due is not None and signed is not None and signed > due else None
        rows.append(
            InboxRow(
                p["id"],
                p["province_code"],
                p["unit_code"],
                names.get(key, p["unit_name"]),
                p["kind"],
                p["year"],
                p["period"] or "",
                p["revision"],
                p["state"] == "current",
                p["submitted_at"] is not None,
                p["created_at"] or "",
                p["received_at"] or "",
                p["signer_name"] or "",
                p["source_file"] or "",
                late,
                p["pdf_signature"] or "",
                p["pdf_signer"] or "",
                p["seal_certificate"] or "",
            )
        )
    return rows
