"""Đăng ký khóa hàng loạt: the keys of a province's communes, read from many files at once and enrolled
in one action after each is confirmed against its paper card.

The reviewer picks key files (``.pub.pem``), enrolment cards (PDF, which carry the key) or whole
folders (a USB stick). ``read_candidates`` makes one row per key: the unit as the office's roster
names it, whether the roster has it, its state here (new, already enrolled with this key, or another
key of the unit still active) and the fingerprint. Each row is confirmed by the last two groups of the
fingerprint read from the signed paper card (``check_choice``); ``enrol_batch`` then enrols every
confirmed row in one transaction, or none when one of them is refused.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from cchc_desktop.exchange import store as exchange_store
from cchc_desktop.exchange.card_key import is_card, key_in_card, read_key_source
from cchc_desktop.exchange.enrolment import (
    EnrolledKey,
    Enrolment,
    KeyWorkspace,
    check_tail,
    enrol_many,
)
from cchc_desktop.exchange.format.manifest import unit_label
from cchc_desktop.exchange.format.pubfile import PUB_SUFFIX, PublicKeyFile, UnitIdentity
from cchc_desktop.exchange.import_errors import BatchKeyUnusableError, BatchUnitTwiceError, RevokeChoiceNeededError
from cchc_desktop.kernel import divisions
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.files import display_name
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import fold
from cchc_desktop.kernel.units import UNIT_TYPES
from cchc_desktop.receiver.model import RosterUnit

MAX_DEPTH = 3  # a stick: its root, a folder per commune, maybe one more level
MAX_FILES = 5000
MASK = "••••"

Unit = tuple[str, str]


@dataclass(frozen=True)
class KeyCandidate:
    """One key found in the files chosen, as the batch table shows it.

    ``state``: ``new`` (the unit has no key in use), ``enrolled`` (this very key is in use: skipped),
    ``replaces`` (the unit uses another key: enrolling needs "thu hồi khóa cũ"), ``unusable`` (no key
    read, no unit named, another province; ``problem`` says why). ``roster``: ``listed`` (in the
    office's list of units), ``official`` (only in the official list), ``unknown``."""

    sources: tuple[str, ...]  # the files' names, as shown
    pub: PublicKeyFile | None
    identity: UnitIdentity | None
    state: str
    roster: str = "unknown"
    notes: tuple[str, ...] = ()
    problem: str = ""
    active_fingerprint: str = ""
    held: int = 0
    path: str = ""  # the first file it was read from (to enrol it on its own)

    @property
    def code(self) -> str:
        return self.identity.code if self.identity else ""

    @property
    def unit(self) -> Unit | None:
        return (self.identity.province_code, self.identity.unit_code) if self.identity else None

    @property
    def label(self) -> str:
        """ "xã Hương Xuân (mã 42-18544)", else the file's name."""
        who = self.identity
        return unit_label(who.unit_type, who.unit_name, who.province_code, who.unit_code) if who else self.sources[0]

    @property
    def name(self) -> str:
        """ "xã Hương Xuân" (its code in a column of its own), else the file's name."""
        who = self.identity
        return f"{UNIT_TYPES.get(who.unit_type, '').lower()} {who.unit_name}".strip() if who else self.sources[0]

    @property
    def fingerprint(self) -> str:
        return self.pub.fingerprint if self.pub else ""

    @property
    def masked_fingerprint(self) -> str:
        """The fingerprint without its last two groups, which the reviewer reads from the paper card."""
        groups = self.fingerprint.split()
        return " ".join(groups[:-2] + [MASK, MASK]) if groups else ""

    @property
    def needs_confirmation(self) -> bool:
        return self.state in ("new", "replaces")


@dataclass(frozen=True)
class KeyChoice:
    """A row the reviewer confirmed: the last two groups typed from its card, and "thu hồi khóa cũ"."""

    candidate: KeyCandidate
    tail: str
    revoke_old: bool = False


@dataclass
class BatchEnrolment:
    """What one batch changed: the keys enrolled, old keys revoked, rows skipped (this key already in
    use), and the packages held for the units just enrolled (importable now)."""

    enrolled: list[EnrolledKey] = field(default_factory=list)
    revoked: int = 0
    skipped: list[KeyCandidate] = field(default_factory=list)
    held: dict[Unit, int] = field(default_factory=dict)

    @property
    def held_total(self) -> int:
        return sum(self.held.values())

    @property
    def summary(self) -> str:
        return tr(
            "receiver.keys.batch.summary",
            enrolled=len(self.enrolled),
            revoked=self.revoked,
            skipped=len(self.skipped),
        )


# Reading ################################################################


def key_files(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """(file, chosen by name) for the files named and the key files and cards found in the folders named
    (``.pub.pem`` and ``.pdf``, a few levels deep, at most ``MAX_FILES``)."""
    found: dict[Path, bool] = {}
    for raw in paths:
        path = Path(raw)
        for file in _walk(path, 0) if path.is_dir() else [path]:
            found[file] = found.get(file, False) or file == path
    return list(found.items())[:MAX_FILES]


def _walk(folder: Path, depth: int) -> list[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    files = [e for e in entries if e.is_file() and (e.name.lower().endswith(PUB_SUFFIX) or is_card(e))]
    if depth < MAX_DEPTH:
        for sub in entries:
            if sub.is_dir() and not sub.name.startswith("."):
                files += _walk(sub, depth + 1)
    return files


def read_candidates(
    paths: Iterable[str | Path],
    province_code: str,
    roster: Iterable[RosterUnit],
    keys: Iterable[sqlite3.Row],
    held: Mapping[Unit, int],
) -> list[KeyCandidate]:
    """One row per key found (a card and its .pub.pem beside it are one row), by unit code; files that
    give no key last.

    A PDF found in a folder counts only when it carries a key (a stick holds other PDFs too); one
    chosen by name that is no card is a row saying so."""
    rows: dict[str, KeyCandidate] = {}
    failed: list[KeyCandidate] = []
    for path, chosen in key_files(paths):
        if not chosen and is_card(path) and key_in_card(path) is None:
            continue
        try:
            pub = read_key_source(path, by_name_only=True)
        except CchcError as exc:
            failed.append(KeyCandidate((display_name(path),), None, None, "unusable", problem=str(exc), path=str(path)))
            continue
        known = rows.get(pub.fingerprint)
        if known is not None:
            rows[pub.fingerprint] = replace(known, sources=(*known.sources, display_name(path)))
        else:
            rows[pub.fingerprint] = KeyCandidate((display_name(path),), pub, pub.identity, "new", path=str(path))
    judge = _Judge(province_code, roster, keys, held)
    judged = sorted((judge(row) for row in rows.values()), key=lambda row: (row.state == "unusable", row.code))
    return _flag_twice(judged) + failed


class _Judge:
    """Names each key's unit as the roster does and says what enrolling it would do."""

    def __init__(
        self, province: str, roster: Iterable[RosterUnit], keys: Iterable[sqlite3.Row], held: Mapping[Unit, int]
    ) -> None:
        self.province = province
        self.roster = {(u.province_code, u.unit_code): u for u in roster}
        self.active: dict[Unit, list[str]] = {}
        for row in keys:
            if row["status"] == "active":
                self.active.setdefault((row["province_code"], row["unit_code"]), []).append(row["fingerprint"])
        self.held = held

    def __call__(self, row: KeyCandidate) -> KeyCandidate:
        who = row.identity
        if who is None or not who.valid():
            return replace(row, identity=None, state="unusable", problem=tr("receiver.keys.no_unit"))
        if who.province_code != self.province:
            reason = tr("receiver.keys.other_province", province=who.province_code)
            return replace(row, state="unusable", problem=reason)
        row = self._named(row, who)
        unit = (who.province_code, who.unit_code)
        active = self.active.get(unit, [])
        held = self.held.get(unit, 0)
        if row.fingerprint in active:
            return replace(row, state="enrolled", held=held)
        if active:
            return replace(row, state="replaces", active_fingerprint=active[0], held=held)
        return replace(row, state="new", held=held)

    def _named(self, row: KeyCandidate, who: UnitIdentity) -> KeyCandidate:
        """The roster's name (and type) for the unit; a note when the file says otherwise or the roster
        lacks the unit."""
        listed = self.roster.get((who.province_code, who.unit_code))
        if listed is not None:
            kind = listed.unit_type if listed.unit_type in UNIT_TYPES else who.unit_type
            named = UnitIdentity(who.province_code, who.unit_code, listed.name, kind)
            notes = () if fold(listed.name) == fold(who.unit_name) else (_other_name(who, listed.full_name),)
            return replace(row, identity=named, roster="listed", notes=notes)
        official = divisions.commune(who.unit_code)
        if official is not None and official.province_code == who.province_code:
            named = UnitIdentity(who.province_code, who.unit_code, official.name, official.kind)
            notes = (tr("receiver.keys.not_in_roster", official=official.full_name),)
            return replace(row, identity=named, roster="official", notes=notes)
        return replace(row, roster="unknown", notes=(tr("receiver.keys.not_official"),))


def _other_name(who: UnitIdentity, listed: str) -> str:
    return tr("receiver.keys.other_name", file_name=who.unit_name, listed=listed)


def _flag_twice(rows: list[KeyCandidate]) -> list[KeyCandidate]:
    """Two different keys for one unit among the files: both rows say so (confirm the card's only)."""
    counts = Counter(row.unit for row in rows if row.unit is not None and row.state != "unusable")
    return [
        replace(row, notes=(*row.notes, tr("receiver.keys.unit_twice_note", count=counts[row.unit])))
        if row.unit is not None and counts[row.unit] > 1
        else row
        for row in rows
    ]


# Enrolling ##############################################################


def check_choice(choice: KeyChoice) -> None:
    """A confirmed row's refusal, if any: unusable, a wrong or missing pair of groups, or another key of
    the unit in use without "thu hồi khóa cũ"."""
    row = choice.candidate
    if row.state == "unusable" or row.pub is None or row.identity is None:
        raise BatchKeyUnusableError(unit=row.label, reason=row.problem)
    check_tail(row.pub, choice.tail, row.label)
    if row.state == "replaces" and not choice.revoke_old:
        raise RevokeChoiceNeededError(field="revoke_old", unit=row.label, fingerprint=row.active_fingerprint)


def enrol_batch(ws: KeyWorkspace, choices: list[KeyChoice], held: Mapping[Unit, int]) -> BatchEnrolment:
    """Enrol every confirmed row in one transaction; rows whose key is already in use are skipped.
    Refused as a whole (nothing enrolled) when one row is refused."""
    result = BatchEnrolment()
    items: list[Enrolment] = []
    seen: set[Unit] = set()
    for choice in choices:
        check_choice(choice)
        row = choice.candidate
        assert row.pub is not None and row.identity is not None and row.unit is not None
        if row.state == "enrolled":
            result.skipped.append(row)
            continue
        if row.unit in seen:
            raise BatchUnitTwiceError(unit=row.label)
        seen.add(row.unit)
        items.append(Enrolment(row.pub, row.identity, choice.revoke_old and row.state == "replaces"))
    result.revoked = sum(len(_active_keys(ws, item.identity)) for item in items if item.revoke_old)
    result.enrolled = enrol_many(ws, items) if items else []
    result.held = {unit: held[unit] for unit in seen if held.get(unit)}
    return result


def _active_keys(ws: KeyWorkspace, who: UnitIdentity) -> list[sqlite3.Row]:
    return exchange_store.keys_of_sender(ws.conn, who.province_code, who.unit_code)
