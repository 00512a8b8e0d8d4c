"""Who sent a package, as the receiver knows it: the enrolled key's holder, not the package's claim.

A package names its sender (``manifest.sender``), but only the key proves who sent it, and the key was
enrolled for a unit whose name and type the receiver checked on the signed card. Lines, titles, stored
rows and refusals therefore name the sender by the enrolment; a package that names itself otherwise is
imported with a warning, so a reviewer sees the mismatch (§5.1 step 8).
"""

from __future__ import annotations

import sqlite3

from cchc_desktop.exchange.format.keys import load_public_pem
from cchc_desktop.exchange.format.manifest import unit_label
from cchc_desktop.exchange.format.signing import TrustedKey
from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.kernel.i18n import tr

#: Every status a sender's key can have; a lookup returns them all, verification accepts only some.
KEY_STATUSES = ("active", "retired", "revoked")


def holder_label(row: sqlite3.Row) -> str:
    """ "xã Kỳ Phong (mã 42-18544)" from an enrolled_keys row."""
    return unit_label(row["unit_type"], row["unit_name"], row["province_code"], row["unit_code"])


def trusted_key(row: sqlite3.Row) -> TrustedKey:
    """An enrolled key as verification uses it: its row id, holder, status and when it stopped."""
    return TrustedKey(
        load_public_pem(row["public_pem"].encode("ascii")),
        row["id"],
        label=holder_label(row),
        status=row["status"],
        ended_at=row["ended_at"] or "",
    )


def _same_name(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def sender_note(package: VerifiedPackage) -> str:
    """A warning when the package names its sender otherwise than the enrolment ("" when they agree)."""
    enrolled = package.key.label
    claimed = package.manifest.sender.label
    if not enrolled or _same_name(claimed, enrolled):
        return ""
    return " " + tr("exchange.import.sender_mismatch", claimed=claimed, enrolled=enrolled)
