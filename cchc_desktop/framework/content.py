"""Khung năm as data: the canonical JSON a framework travels as, its hash, and the framework it makes.

The office publishes the year's framework as one JSON object (``content``): the default framework's
sections (``areas``, ``plan``, ``indicators``, ``tasks``, ``periods``) with the office's values, and
the criteria catalogue (``criteria``, in the catalogue file's JSON shape). Its hash is the SHA-256 of
its canonical form (keys sorted, no spaces, UTF-8), so the commune can check what it received and every
package made under it can name it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from cchc_desktop.framework.model import Framework
from cchc_desktop.kernel.text import nfc

#: The sections a published framework carries besides its identity.
SECTIONS = ("areas", "plan", "indicators", "tasks", "periods", "criteria")


def canonical_json(content: dict[str, Any]) -> bytes:
    """The one byte form of a framework: what its hash is computed over."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def framework_id_for(province_code: str, year: int) -> str:
    """ "khung-cchc-42-2027": one id per province and year; the hash tells its versions apart."""
    return f"khung-cchc-{province_code}-{year}"


def framework_of(framework_id: str, digest: str, content: dict[str, Any]) -> Framework:
    """The framework a received content makes (plans, calendars and catalogues start from it)."""
    return Framework(
        id=framework_id,
        version=str(content.get("version", "")),
        title=nfc(str(content.get("title", ""))),
        hash=digest,
        areas=list(content.get("areas", [])),
        plan=dict(content.get("plan", {})),
        indicators=list(content.get("indicators", [])),
        tasks=list(content.get("tasks", [])),
        extra={k: v for k, v in content.items() if k in ("periods", "criteria")},
    )
