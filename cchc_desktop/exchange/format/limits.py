"""Giới hạn kích thước khi đọc gói: limits a reader enforces before trusting a package.

The defaults are the ones in docs/package-format.md §2.1. Tests pass smaller values to exercise
refusals without building huge files.
"""

from __future__ import annotations

from dataclasses import dataclass

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB


@dataclass(frozen=True)
class Limits:
    """Upper bounds for one package; every size is in bytes (uncompressed unless said otherwise)."""

    max_package_bytes: int = 1 * GIB
    max_members: int = 2000
    max_total_bytes: int = 2 * GIB
    max_data_bytes: int = 50 * MIB
    max_manifest_bytes: int = 8 * MIB
    max_signature_bytes: int = 64 * KIB
    max_member_bytes: int = 100 * MIB
    max_ratio: int = 100
    ratio_exempt_below: int = 1 * MIB

    def member_limit(self, name: str) -> int:
        """The largest uncompressed size allowed for the member called ``name``."""
        special = {
            "data.json": self.max_data_bytes,
            "manifest.json": self.max_manifest_bytes,
            "manifest.sig": self.max_signature_bytes,
        }
        return special.get(name, self.max_member_bytes)

    def ratio_too_high(self, uncompressed: int, compressed: int) -> bool:
        """True when a member expands suspiciously much (a zip bomb); small members are exempt."""
        if uncompressed <= self.ratio_exempt_below:
            return False
        return uncompressed > self.max_ratio * max(compressed, 1)


DEFAULT_LIMITS = Limits()
