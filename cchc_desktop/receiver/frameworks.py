"""Khung năm: the office prepares the year's framework, edits some of its values and sends it, signed, to
each commune whose key it enrolled; the commune's plan, calendar and self-assessment of that year start
from it.

One package per commune (a package going down is addressed to one unit: ``check_down_addressing``),
each carrying the same content, its id and the SHA-256 of its canonical JSON (``framework.content``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cchc_desktop.exchange import keyring
from cchc_desktop.exchange import store as exchange_store
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.down_export import Addressee, DownPackage, write_down_package
from cchc_desktop.exchange.format.manifest import FrameworkRef, Signer
from cchc_desktop.framework import store
from cchc_desktop.framework.content import canonical_json, content_hash
from cchc_desktop.framework.year import YearFramework
from cchc_desktop.kernel.errors import JobCancelled, ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.jobs import Cancelled, Progress
from cchc_desktop.kernel.store.records import now_iso, write_audit
from cchc_desktop.receiver import framework_content as fc
from cchc_desktop.receiver.model import UNIT_KIND_WORDS
from cchc_desktop.receiver.service import ReceiverService

#: What the office edits, one grid each (entity names of the edit layer).
EDITED = tuple(ent.name for ent in store.ITEM_ENTITIES)


@dataclass(frozen=True)
class FrameworksWritten:
    files: list[Path]
    framework_id: str
    hash: str
    year: int

    @property
    def summary(self) -> str:
        return tr("receiver.framework.done", year=self.year, files=len(self.files), hash=self.hash[:12])


class FrameworkService:
    def __init__(self, receiver: ReceiverService, ws: ExchangeWorkspace) -> None:
        self.receiver = receiver
        self.ws = ws  # signing and the outbox: the exchange's view of the same workspace

    # Reading ############################################################

    def get(self, year: int) -> YearFramework | None:
        """The office's framework for ``year`` (None until :meth:`prepare` made it)."""
        return store.for_year(self.ws.conn, year, "office")

    def require(self, year: int) -> YearFramework:
        found = self.get(year)
        if found is None:
            raise ValidationError("receiver.framework.not_prepared", year=year)
        return found

    def rows(self, year: int, entity: str) -> list[Any]:
        """The rows of one edited part (``framework_area`` …) for the grids."""
        row = self.require(year)
        return store.items(self.ws.conn, _entity(entity), row.id)

    def content(self, year: int) -> dict[str, Any]:
        """What would be sent now: the base content with the office's values."""
        row = self.require(year)
        edits = {ent.name: store.items(self.ws.conn, ent, row.id) for ent in store.ITEM_ENTITIES}
        return fc.edited_content(row.data, edits)

    def problems(self, year: int) -> list[str]:
        return fc.problems(self.content(year))

    def addressees(self) -> list[Addressee]:
        """Every unit with an active key: the framework goes to each (named as the roster names it)."""
        roster = {(u.province_code, u.unit_code): u for u in self.receiver.roster()}
        found: dict[tuple[str, str], Addressee] = {}
        for key in exchange_store.enrolled_keys(self.ws.conn):
            code = (key["province_code"], key["unit_code"])
            if key["status"] != "active" or code in found:
                continue
            unit = roster.get(code)
            if unit is not None:
                found[code] = Addressee(*code, unit.full_name, _communal(unit.unit_type))
            else:
                name = f"{UNIT_KIND_WORDS.get(key['unit_type'], '')} {key['unit_name']}".strip()
                found[code] = Addressee(*code, name, _communal(key["unit_type"]))
        return sorted(found.values(), key=lambda a: a.code)

    # Preparing ##########################################################

    def prepare(self, year: int) -> YearFramework:
        """Soạn khung năm: from the app's default framework and criteria (once per year)."""
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise ValidationError("plan.year.invalid", value=year)
        if self.get(year) is not None:
            raise ValidationError("receiver.framework.exists", year=year)
        profile = self.ws.profile.require()
        if profile.mode != "receiver":
            raise ValidationError("receiver.framework.not_receiver", unit=profile.name)
        base = fc.base_content(profile, year)
        with self.ws.transaction() as conn:
            row_id = store.insert(
                conn,
                {
                    "year": year,
                    "role": "office",
                    "framework_id": base["id"],
                    "title": base["title"],
                    "content": canonical_json(base).decode("utf-8"),
                    "hash": content_hash(base),
                    "created_at": now_iso(),
                },
            )
            for name, rows in fc.item_rows(base).items():
                store.insert_items(conn, _entity(name), row_id, rows)
            write_audit(
                conn, self.ws.actor, "create", store.FRAMEWORK, store.row_of(conn, row_id), "", None, base["title"]
            )
        return self.require(year)

    # Sending ############################################################

    def export(
        self,
        year: int,
        folder: str | Path,
        passphrase: str,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> FrameworksWritten:
        """Gửi khung năm: one signed package per commune with an enrolled key, into ``folder``."""
        row = self.require(year)
        content = self.content(year)
        found = fc.problems(content)
        if found:
            raise ValidationError("receiver.framework.problems", count=len(found), first=found[0])
        addressees = self.addressees()
        if not addressees:
            raise ValidationError("receiver.framework.no_units")
        key = keyring.unlock(self.ws, passphrase)
        digest = content_hash(content)
        package = self._package(row, content, digest)
        files = []
        for done, addressee in enumerate(addressees):
            if cancelled is not None and cancelled():
                raise JobCancelled()
            data = dict(package.data, addressee=_addressee_block(addressee))
            path, _ = write_down_package(self.ws, replace(package, data=data), addressee, folder, key)
            files.append(path)
            if progress is not None:
                progress(done + 1, len(addressees))
        with self.ws.transaction() as conn:
            store.set_published(conn, row.id, digest, now_iso())
            self.ws.assessment.keep_framework_catalogue(conn, content["criteria"], year, row.framework_id, digest)
            write_audit(
                conn, self.ws.actor, "publish", store.FRAMEWORK, store.row_of(conn, row.id), "hash", None, digest
            )
        return FrameworksWritten(files, row.framework_id, digest, year)

    def _package(self, row: YearFramework, content: dict[str, Any], digest: str) -> DownPackage:
        profile = self.ws.profile.require()
        data: dict[str, Any] = {
            "payload": "framework",
            "payload_version": 1,
            "unit": {"name": profile.name, "province_code": profile.province_code},
            "year": row.year,
            "framework": {"id": row.framework_id, "hash": digest, "content": json.loads(canonical_json(content))},
        }
        signer = Signer(profile.name, tr("receiver.framework.signer_role"), "")
        return DownPackage("framework", row.year, data, signer, framework=FrameworkRef(row.framework_id, digest))


def _addressee_block(addressee: Addressee) -> dict[str, str]:
    return {"province_code": addressee.province_code, "unit_code": addressee.unit_code, "name": addressee.name}


def _entity(name: str):
    for ent in store.ITEM_ENTITIES:
        if ent.name == name:
            return ent
    raise ValidationError("error.validation")


def _communal(unit_type: str) -> str:
    """The manifest's commune level; a legacy kind (thị trấn) travels as "xa"."""
    return unit_type if unit_type in ("xa", "phuong", "dac_khu") else "xa"
