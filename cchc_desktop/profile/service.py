"""Hồ sơ đơn vị: read and save the unit profile (setup wizard, settings)."""

from __future__ import annotations

import dataclasses
import json

from cchc_desktop.kernel.unit_file import UnitFile
from cchc_desktop.profile.model import UnitProfile, validate_profile
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.store.records import now_iso



class ProfileService:
    def __init__(self, ws: UnitFile) -> None:
        self.ws = ws

    def exists(self) -> bool:
        return self.ws.conn.execute("SELECT 1 FROM unit_profile WHERE id = 1").fetchone() is not None

    def get(self) -> UnitProfile:
        """The saved profile, or an empty one before the setup wizard has run."""
        row = self.ws.conn.execute("SELECT data FROM unit_profile WHERE id = 1").fetchone()
        return UnitProfile.from_dict(json.loads(row[0])) if row else UnitProfile()

    def require(self) -> UnitProfile:
        if not self.exists():
            raise ValidationError("unit.profile.missing")
        return self.get()

    def save(self, profile: UnitProfile) -> UnitProfile:
        """Validate and save; returns the cleaned profile. Audited as one change."""
        cleaned = validate_profile(profile)
        old = self.get() if self.exists() else None
        data = json.dumps(dataclasses.asdict(cleaned), ensure_ascii=False, sort_keys=True)
        with self.ws.transaction() as conn:
            conn.execute(
                "INSERT INTO unit_profile (id, data, updated_at) VALUES (1, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                [data, now_iso()],
            )
            self._audit(conn, old, cleaned)
        return cleaned

    def _audit(self, conn, old: UnitProfile | None, new: UnitProfile) -> None:
        before = dataclasses.asdict(old) if old else {}
        after = dataclasses.asdict(new)
        for key, value in after.items():
            if before.get(key) != value:
                conn.execute(
                    "INSERT INTO audit_log (at, actor, action, entity, entity_id, scope, label, field, old_value, new_value)"
                    " VALUES (?, ?, 'profile', 'unit_profile', 1, 'unit', ?, ?, ?, ?)",
                    [now_iso(), self.ws.actor or new.focal_name, new.short_name, key,
                     json.dumps(before.get(key), ensure_ascii=False) if key in before else None,
                     json.dumps(value, ensure_ascii=False)],
                )
