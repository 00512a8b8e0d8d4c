"""Hồ sơ đơn vị: read and save the unit profile (setup wizard, settings)."""

from __future__ import annotations

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.unit_file import UnitFile
from cchc_desktop.profile import store
from cchc_desktop.profile.model import UnitProfile, validate_profile


class ProfileService:
    def __init__(self, ws: UnitFile) -> None:
        self.ws = ws

    def exists(self) -> bool:
        return store.exists(self.ws.conn)

    def get(self) -> UnitProfile:
        """The saved profile, or an empty one before the setup wizard has run."""
        return store.load(self.ws.conn) or UnitProfile()

    def require(self) -> UnitProfile:
        if not self.exists():
            raise ValidationError("unit.profile.missing")
        return self.get()

    def save(self, profile: UnitProfile) -> UnitProfile:
        """Validate and save; returns the cleaned profile. Audited field by field."""
        cleaned = validate_profile(profile)
        with self.ws.transaction() as conn:
            store.save(conn, cleaned, self.ws.actor)
        return cleaned
