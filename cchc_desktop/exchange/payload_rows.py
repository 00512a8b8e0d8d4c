"""Kiểm tra nội dung gói (§5.1 step 10): validate data.json for its kind and turn it into rows.

The rows are what the receiver stores for consolidation (``store.exchange.ROW_TABLES`` column order).
The same function turns an older package's stored data.json back into rows, for the dry-run diff
and for rolling an import back. Any shape error is a ``PayloadError`` naming the dotted path.
"""

from __future__ import annotations

import json
from typing import Any

from cchc_desktop.exchange import payload_shapes
from cchc_desktop.exchange.format.manifest import Manifest
from cchc_desktop.exchange.import_errors import PayloadTooNewError
from cchc_desktop.exchange.payload_check import Check, PayloadRows, unique
from cchc_desktop.exchange.payload_consolidation import consolidation_rows
from cchc_desktop.exchange.payload_fast import Bad
from cchc_desktop.exchange.payloads import PAYLOAD_VERSION

# Entry point ############################################################


def payload_rows(manifest: Manifest, data: dict[str, Any], file: str) -> PayloadRows:
    """Validate ``data`` (the parsed data.json) against its manifest; the rows to store."""
    root = Check(data, file, "")
    _check_envelope(root, manifest)
    if manifest.kind == "consolidation":  # a district's: no rows, its data.json is read where it is kept
        rows = consolidation_rows(root, manifest)
    else:
        try:
            rows = payload_shapes.fast_rows(root, manifest)
        except Bad:
            rows = precise_rows(root, manifest)
    rows.submitted_at = root.date("submitted_at")
    rows.evidence = _evidence(root, manifest, rows)
    return rows


def precise_rows(root: Check, manifest: Manifest) -> PayloadRows:
    """The reference checker: slower, and every refusal names its field."""
    shapes = {
        "plan": payload_shapes.plan_rows,
        "report": payload_shapes.report_rows,
        "assessment": payload_shapes.assessment_rows,
    }
    return shapes[manifest.kind](root, manifest)


def rows_from_stored(kind: str, data_json: str, manifest: Manifest) -> PayloadRows:
    """Rows of a package already imported (its stored data.json), for diffs and rollback."""
    return payload_rows(manifest, json.loads(data_json), "data.json")


def _check_envelope(root: Check, manifest: Manifest) -> None:
    if root.text("payload") != manifest.kind:
        raise root.fail(
            "payload", "exchange.reason.payload_kind", value=root.text("payload")[:20], expected=manifest.kind
        )
    version = root.integer("payload_version", minimum=1)
    if version > PAYLOAD_VERSION:
        raise PayloadTooNewError(root.file, version=version, supported=PAYLOAD_VERSION)
    if root.integer("year", minimum=2000) != manifest.year:
        raise root.fail("year", "exchange.reason.mismatch", expected=manifest.year)
    unit = root.child("unit")
    sender = manifest.sender
    if (unit.text("province_code"), unit.text("commune_code")) != (sender.province_code, sender.unit_code):
        raise unit.fail(
            "commune_code", "exchange.reason.other_unit", expected=f"{sender.province_code}-{sender.unit_code}"
        )


def _evidence(root: Check, manifest: Manifest, rows: PayloadRows) -> list[tuple]:
    members = {m.sha256: m for m in manifest.evidence}
    listed = root.items("evidence")
    found: list[tuple] = []
    referenced: dict[str, int] = {}
    targets = {
        "task": {row[1] for row in rows.tasks},
        "indicator": {row[1] for row in rows.indicators},
        "criterion": {row[1] for row in rows.criteria},
        "report": {""} if manifest.kind == "report" else set(),
    }
    for item in listed:
        sha = item.text("sha256", required=True)
        member = members.get(sha)
        if member is None:
            raise item.fail("sha256", "exchange.reason.evidence_absent", value=sha[:12])
        if item.integer("size") != member.size:
            raise item.fail("size", "exchange.reason.mismatch", expected=member.size)
        refs = _refs(item, targets)
        for ref in refs:
            referenced[ref] = referenced.get(ref, 0) + 1
        found.append(
            (
                sha,
                item.text("name", required=True),
                item.text("mime"),
                member.size,
                member.name,
                json.dumps(refs, ensure_ascii=False),
            )
        )
    unique(root, "evidence", [row[0] for row in found])
    missing = set(members) - {row[0] for row in found}
    if missing:
        raise root.fail("evidence", "exchange.reason.evidence_unreferenced", value=sorted(missing)[0][:12])
    rows.criteria = [(*row[:-1], referenced.get(f"criterion:{row[1]}", 0)) for row in rows.criteria]
    return found


def _refs(item: Check, targets: dict[str, set[str]]) -> list[str]:
    value = item.obj.get("refs", [])
    if not isinstance(value, list) or not all(isinstance(ref, str) for ref in value):
        raise item.fail("refs", "exchange.reason.not_array")
    for ref in value:
        kind, _, target = ref.partition(":")
        if target not in targets.get(kind, ()):
            raise item.fail("refs", "exchange.reason.ref_unknown", value=ref[:50])
    return value
