"""Helpers for the exchange database tests: small valid payloads and packages built directly.

Packages made here go through the real ``build_package`` with a real key; their data.json follows
the shapes the receiver checks (docs/package-format.md §12.2), so they import like a commune's.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cchc_desktop.exchange.format import EvidenceFile, ManifestFields, Receiver, Sender, Signer, build_package
from cchc_desktop.exchange.format.builder import package_file_name

SENDER = Sender("42", "18544", "Kỳ Phong", "xa")
RECEIVER = Receiver("Sở Nội vụ tỉnh Hà Tĩnh", "tinh")
SIGNER = Signer("Nguyễn Văn Hùng", "Chủ tịch", "TM. Ủy ban nhân dân")
PDF = b"%PDF-1.4\n%test\n%%EOF\n"


def unit(sender: Sender = SENDER) -> dict[str, Any]:
    return {
        "name": f"Ủy ban nhân dân xã {sender.unit_name}",
        "short_name": f"xã {sender.unit_name}",
        "province_code": sender.province_code,
        "commune_code": sender.unit_code,
        "unit_type": sender.unit_type,
    }


def plan_data(year: int, tasks: int = 3, indicators: int = 2, sender: Sender = SENDER, tag: str = "") -> dict:
    return {
        "payload": "plan",
        "payload_version": 1,
        "unit": unit(sender),
        "year": year,
        "submitted_at": None,
        "plan": {
            "year": year,
            "version": 1,
            "status": "issued",
            "document": {"number_text": "05/KH-UBND", "issue_date": f"{year}-01-08", "title": f"Kế hoạch {year}"},
            "tasks": [
                {
                    "uid": f"t{i}",
                    "order": i + 1,
                    "area_code": "CDDH",
                    "content": f"Nhiệm vụ {i} {tag}".strip(),
                    "lead_unit": "Văn phòng",
                    "not_applicable": False,
                    "deadline": {"text": f"Quý II/{year}", "due": f"{year}-06-30"},
                }
                for i in range(tasks)
            ],
            "indicators": [
                {
                    "uid": f"i{i}",
                    "code": f"CX-{i:02d}",
                    "text": f"Chỉ tiêu {i}",
                    "area_code": "TTHC",
                    "unit": "%",
                    "comparator": ">=",
                    "target": 50.0 + i,
                    "target_max": None,
                }
                for i in range(indicators)
            ],
        },
        "evidence": [],
        "withheld_secret": 0,
    }


def report_data(
    year: int, period: str, tasks: int = 3, indicators: int = 2, sender: Sender = SENDER, status: str = "done_on_time"
) -> dict:
    return {
        "payload": "report",
        "payload_version": 1,
        "unit": unit(sender),
        "year": year,
        "submitted_at": f"{year}-03-15T09:00:00",
        "period": {"code": period, "label": f"Kỳ {period}"},
        "report": {
            "status": "submitted",
            "document": {"number_text": "18/BC-UBND", "date": f"{year}-03-15"},
            "narrative": {
                "achievements": "Kết quả tốt",
                "shortcomings": "",
                "causes": "",
                "next_tasks": "",
                "proposals": "",
            },
            "tasks": [
                {
                    "task_uid": f"t{i}",
                    "area_code": "CDDH",
                    "content": f"Nhiệm vụ {i}",
                    "deadline": "Quý I",
                    "deadline_due": f"{year}-03-31",
                    "status": status,
                    "progress": 100.0,
                    "result": "Xong",
                    "reason": "",
                    "completed_on": f"{year}-03-01",
                }
                for i in range(tasks)
            ],
            "indicators": [
                {
                    "indicator_uid": f"i{i}",
                    "code": f"CX-{i:02d}",
                    "text": f"Chỉ tiêu {i}",
                    "unit": "%",
                    "comparator": ">=",
                    "target": 50.0,
                    "target_max": None,
                    "period": {"numerator": 40.0 + i, "denominator": 80.0, "value": None, "figure": (40.0 + i) / 0.8},
                    "year_to_date": None,
                    "attainment": {"state": "met"},
                }
                for i in range(indicators)
            ],
        },
        "evidence": [],
        "withheld_secret": 0,
    }


def assessment_data(year: int, criteria: int = 4, sender: Sender = SENDER) -> dict:
    rows = [
        {
            "code": "1",
            "parent_code": "",
            "level": 1,
            "name": "Lĩnh vực 1",
            "method": "",
            "max_points": 10.0,
            "leaf": False,
            "self_score": None,
            "explanation": "",
            "override_reason": "",
        }
    ]
    rows += [
        {
            "code": f"1.{i}",
            "parent_code": "1",
            "level": 2,
            "name": f"Tiêu chí 1.{i}",
            "method": "self",
            "max_points": 2.0,
            "leaf": True,
            "self_score": 1.5,
            "explanation": "Có văn bản",
            "override_reason": "",
        }
        for i in range(1, criteria)
    ]
    return {
        "payload": "assessment",
        "payload_version": 1,
        "unit": unit(sender),
        "year": year,
        "submitted_at": None,
        "assessment": {"status": "submitted", "totals": {"total": 1.5 * (criteria - 1)}, "criteria": rows},
        "evidence": [],
        "withheld_secret": 0,
    }


def with_files(data: dict, files: list[tuple[str, bytes, list[str]]]) -> tuple[dict, list[EvidenceFile]]:
    """Attach (name, bytes, refs) files to ``data``; returns the data and the EvidenceFiles to build with."""
    listed = [
        {
            "sha256": hashlib.sha256(raw).hexdigest(),
            "name": name,
            "mime": "application/pdf",
            "size": len(raw),
            "refs": refs,
        }
        for name, raw, refs in files
    ]
    evidence = [EvidenceFile(name, "application/pdf", data=raw) for name, raw, _ in files]
    return dict(data, evidence=listed), evidence


def build(
    folder: Path,
    key,
    kind: str,
    year: int,
    data: dict,
    *,
    period: str | None = None,
    revision: int = 1,
    supersedes: str | None = None,
    sender: Sender = SENDER,
    evidence: list[EvidenceFile] | None = None,
    name: str | None = None,
    document: bytes | None = PDF,
) -> tuple[Path, str]:
    """Build a package; returns (path, package id)."""
    fields = ManifestFields(
        kind=kind,
        sender=sender,
        receiver=RECEIVER,
        year=year,
        period=period,
        revision=revision,
        signer=SIGNER,
        supersedes=supersedes,
    )
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / (name or package_file_name(fields))
    manifest = build_package(fields, data, document, evidence or [], key, out)
    return out, manifest.package_id


def repack(
    path: Path,
    key,
    out: Path,
    *,
    data: bytes | None = None,
    change: Callable[[dict[str, Any]], None] | None = None,
) -> Path:
    """A copy of the package at ``path`` with data.json replaced by ``data`` (bytes as they are, listed
    again in the manifest) and ``change`` applied to the manifest, re-signed with ``key``: a package a
    sender holding its real key could send, whatever it holds."""
    from tests.exchange.format.craft import read_members, relist, replace_member, resign, write_zip

    members = read_members(path)
    if data is not None:
        members = replace_member(members, "data.json", data)

    def edit(manifest: dict[str, Any]) -> None:
        if data is not None:
            relist(manifest, "data.json", data, role="data")
        if change is not None:
            change(manifest)

    out.parent.mkdir(parents=True, exist_ok=True)
    return write_zip(out, resign(members, key, edit), zipfile.ZIP_DEFLATED)


def data_bytes(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("data.json")


def catalogue_assessment_data(year: int, sender: Sender = SENDER, score=lambda node: node.max_points / 2) -> dict:
    """A self-assessment over the shipped illustrative catalogue, as a commune's app sends it: every node,
    a score on each self-scored leaf (``score(node)``), the totals its app computes."""
    from cchc_desktop.assessment.catalogue_files import load_default_catalogue

    spec = load_default_catalogue()
    rows = []
    for node in spec.nodes:
        leaf = not spec.children.get(node.code)
        value = score(node) if leaf and node.method == "self" else None
        rows.append(
            {
                "code": node.code,
                "parent_code": node.parent_code,
                "level": node.level,
                "name": node.name,
                "method": node.method if leaf else "",
                "max_points": node.max_points,
                "leaf": leaf,
                "self_score": value,
                "explanation": "Có văn bản" if value is not None else "",
                "override_reason": "",
            }
        )
    total = round(sum(r["self_score"] or 0.0 for r in rows), 6)
    return {
        "payload": "assessment",
        "payload_version": 1,
        "unit": unit(sender),
        "year": year,
        "submitted_at": None,
        "assessment": {
            "status": "submitted",
            "catalogue": {"title": spec.title, "content_hash": spec.content_hash},
            "totals": {"total": total},
            "criteria": rows,
        },
        "evidence": [],
        "withheld_secret": 0,
    }
