"""Nhận khung năm (at a commune): the year's framework its superior sent.

The content must hash to the hash the package names (the SHA-256 of its canonical JSON), carry every
section a plan, a calendar and a self-assessment start from, and its criteria must make a valid
catalogue. It is kept as the year's framework (a newer one replaces it); a plan, calendar or
self-assessment of that year started before is not changed, and the result line says so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from cchc_desktop.assessment.catalogue import CatalogueImportError
from cchc_desktop.assessment.catalogue_files import read_json_catalogue
from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.exchange.import_apply import Applier
from cchc_desktop.exchange.payload_check import Check
from cchc_desktop.framework import store as framework_store
from cchc_desktop.framework.content import canonical_json, content_hash
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store.records import now_iso, write_audit
from cchc_desktop.reports import calendar as cal

#: Each section and the JSON type it must have.
_SECTIONS: dict[str, type] = {
    "areas": list,
    "plan": dict,
    "indicators": list,
    "tasks": list,
    "periods": dict,
    "criteria": dict,
}


def framework_effect(
    applier: Applier, package: VerifiedPackage, root: Check
) -> tuple[str, Callable[[sqlite3.Connection, int], None]]:
    """The result line's words and what storing the framework does in the import's transaction."""
    block = root.child("framework")
    framework_id = block.text("id", required=True)
    digest = block.text("hash", required=True)
    content = _checked_content(block)
    if content_hash(content) != digest:
        raise block.fail("hash", "exchange.down.framework.hash_mismatch")
    year = package.manifest.year
    summary = tr("exchange.down.framework.summary", year=year, id=framework_id, hash=digest[:12])
    kept = _already_started(applier, year)
    if kept:
        summary += tr("exchange.down.framework.kept", year=year, what=", ".join(kept))
    sender = applier.sender_label(package)

    def apply(conn: sqlite3.Connection, row_id: int) -> None:
        old = framework_store.for_year(conn, year, "received")
        if old is not None:
            framework_store.delete(conn, old.id)
        new_id = framework_store.insert(
            conn,
            {
                "year": year,
                "role": "received",
                "framework_id": framework_id,
                "title": str(content.get("title") or framework_id),
                "content": canonical_json(content).decode("utf-8"),
                "hash": digest,
                "package_id": package.manifest.package_id,
                "sender": sender,
                "created_at": now_iso(),
            },
        )
        row = framework_store.row_of(conn, new_id)
        write_audit(conn, applier.ws.actor, "import", framework_store.FRAMEWORK, row, "hash", old and old.hash, digest)

    return summary, apply


def _checked_content(block: Check) -> dict[str, Any]:
    content = block.child("content")
    for name, kind in _SECTIONS.items():
        if not isinstance(content.obj.get(name), kind):
            raise content.fail(name, "exchange.reason.not_array" if kind is list else "exchange.reason.not_object")
    try:
        cal.specs_from_framework(content.obj["periods"])
    except ValidationError as exc:
        raise content.fail("periods", "exchange.down.framework.bad_part", reason=str(exc)) from None
    try:
        read_json_catalogue(canonical_json(content.obj["criteria"]), "criteria")
    except CatalogueImportError as exc:
        raise content.fail("criteria", "exchange.down.framework.bad_part", reason=exc.errors[0]) from None
    return content.obj


def _already_started(applier: Applier, year: int) -> list[str]:
    """What of the year was started before the framework came: it keeps what it has."""
    ws = applier.ws
    found = []
    if ws.plans.versions(year):
        found.append(tr("exchange.down.framework.kept.plan"))
    if ws.reports.calendar(year):
        found.append(tr("exchange.down.framework.kept.calendar"))
    if ws.assessment.get(year) is not None:
        found.append(tr("exchange.down.framework.kept.assessment"))
    return found
