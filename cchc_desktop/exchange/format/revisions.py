"""Lần gửi: how a verified package relates to what was already imported for its series (§5.1 step 9).

Pure decision logic for the importer. A series is (sender province, sender unit, kind, year, period);
``Manifest.series`` gives it. The importer looks up what it already holds and calls ``check_revision``.
"""

from __future__ import annotations

import enum
from collections.abc import Container
from dataclasses import dataclass

from cchc_desktop.exchange.format.errors import RevisionConflictError, RevisionOlderError
from cchc_desktop.exchange.format.manifest import Manifest


class RevisionVerdict(enum.Enum):
    NEW = "new"  # nothing imported for this series yet
    NEWER = "newer"  # replaces the series' values entirely
    ALREADY_IMPORTED = "already_imported"  # this very package was imported: nothing to do
    OLDER = "older"  # an older revision than the one held: refuse
    CONFLICT = "conflict"  # same revision number, different package: refuse


@dataclass(frozen=True)
class ImportedRevision:
    """The latest package imported for a series."""

    package_id: str
    revision: int


def classify_revision(
    manifest: Manifest, latest: ImportedRevision | None, imported_ids: Container[str] = ()
) -> RevisionVerdict:
    """The verdict for ``manifest`` given the series' latest import and every package id imported."""
    if manifest.package_id in imported_ids or (latest and latest.package_id == manifest.package_id):
        return RevisionVerdict.ALREADY_IMPORTED
    if latest is None:
        return RevisionVerdict.NEW
    if manifest.revision > latest.revision:
        return RevisionVerdict.NEWER
    if manifest.revision < latest.revision:
        return RevisionVerdict.OLDER
    return RevisionVerdict.CONFLICT


def check_revision(
    manifest: Manifest,
    latest: ImportedRevision | None,
    file: str,
    imported_ids: Container[str] = (),
    sender: str | None = None,
) -> RevisionVerdict:
    """Like ``classify_revision`` but raises the typed refusal for OLDER and CONFLICT; ``sender`` names
    the sender in it (the receiver's enrolment; the package's claim when not given)."""
    verdict = classify_revision(manifest, latest, imported_ids)
    label = sender or manifest.sender.label
    if verdict is RevisionVerdict.OLDER:
        assert latest is not None
        raise RevisionOlderError(file, sender=label, revision=manifest.revision, latest=latest.revision)
    if verdict is RevisionVerdict.CONFLICT:
        raise RevisionConflictError(file, sender=label, revision=manifest.revision)
    return verdict
