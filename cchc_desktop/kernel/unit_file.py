"""The open unit file: one SQLite connection, its transactions, undo history and who is editing.

:class:`UnitFile` is what every feature's service works on. It knows no feature: the generic,
audited edits of registered entities (grids and forms), undo and redo, settings and backups.
:class:`cchc_desktop.workspace.Workspace` adds the features' services on top.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from cchc_desktop.kernel.backup_set import BackupSet
from cchc_desktop.kernel.errors import CchcError, NothingToUndoError, WorkspaceError
from cchc_desktop.kernel.fields import FieldSpec, field_specs
from cchc_desktop.kernel.history import ChangeSet, History
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.lock import WorkspaceLock
from cchc_desktop.kernel.store import backups, creation, faults, records, settings
from cchc_desktop.kernel.store import db as store_db
from cchc_desktop.kernel.store.records import ParentId


class UnitFile:
    """Tệp dữ liệu của một đơn vị, đang mở."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, migrated: list[str], lock: WorkspaceLock | None = None
    ) -> None:
        self.path = path
        self.conn = conn
        self.migrated_now = migrated
        self.history = History()
        self._actor: str | None = None
        self.lock = lock or WorkspaceLock(path, None)
        self.backups = BackupSet(self)

    # Lifecycle ##########################################################

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, read_only: bool = False, lock: str | None = None) -> Self:
        """Open the unit file at ``path``. ``create``: make a new one when there is none (or only an
        empty file); ``read_only``: to look at it only (a file that cannot be written opens so anyway);
        ``lock``: "open" or "write", when to take the file's lock (kernel/lock.py)."""
        target = Path(path)
        if create and creation.is_free(target):
            return cls.create(target, lock=lock)
        held = WorkspaceLock(target, None if read_only else lock)
        if held.mode == "open":
            held.take()
        try:
            conn, migrated = store_db.open_database(target, read_only=read_only, before_write=held.take)
        except BaseException:
            held.release()
            raise
        opened = cls(target, conn, migrated, held)
        if held.held:
            held.describe(opened.actor)
        return opened

    @classmethod
    def create(cls, path: str | Path, fill: Callable[[Self], object] | None = None, *, lock: str | None = None) -> Self:
        """A new unit file at ``path``, opened. It is made whole under a temporary name and renamed
        when complete, ``fill`` (its first content) included: a failure leaves nothing at ``path``."""
        target = Path(path)
        with creation.creating(target) as temporary:
            conn, migrated = store_db.open_database(temporary, new=True)
            made = cls(temporary, conn, migrated)
            try:
                if fill is not None:
                    fill(made)
            finally:
                made.close()
        opened = cls.open(target, lock=lock)
        opened.migrated_now = migrated
        return opened

    @staticmethod
    def is_free(path: str | Path) -> bool:
        """Whether a new file may be made at ``path`` (nothing there, or only an empty file)."""
        return creation.is_free(Path(path))

    @property
    def read_only(self) -> str | None:
        """Why the file cannot be written ("file", "folder", "medium", "full", "asked"), or None."""
        return getattr(self.conn, "read_only", None)

    def read_only_message(self) -> str | None:
        """What a user is told about a file opened to read only (None when it can be written)."""
        reason = self.read_only
        if reason is None:
            return None
        cause, fix = faults.cause_text(self.path, reason), faults.fix_text(reason)
        key = "error.workspace.read_only.banner" + (".asked" if reason == "asked" else "")
        return tr(key, file=self.path.name, cause=cause, fix=fix)

    @staticmethod
    def explain_fault(exc: BaseException, path: Path) -> CchcError | None:
        """The typed error to show for an unexpected ``exc`` met on the file at ``path`` (a damaged
        file, a full or read-only disk…); None when the file is fine and ``exc`` is a program fault."""
        return faults.explain_unexpected(exc, path)

    def close(self) -> None:
        self.conn.close()
        self.lock.release()

    def backup_to(self, destination: str | Path) -> Path:
        """Sao lưu ra tệp: a consistent copy of the whole file (edits included) at ``destination``."""
        target = Path(destination)
        if target.resolve() == self.path.resolve():
            raise WorkspaceError("error.backup.same_file", path=str(target))
        return backups.copy_database(self.conn, target)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Transactions #######################################################

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: BEGIN IMMEDIATE … COMMIT, rolled back on any error. A file that cannot be
        written, a full disk or a damaged page is reported as what it is."""
        self.before_write()
        try:
            with store_db.transaction(self.conn) as conn:
                yield conn
        except sqlite3.Error as exc:
            if not faults.is_fault(exc):
                raise
            raise faults.explain(exc, self.path) from exc

    def before_write(self) -> None:
        """Before any write: refuse it on a file that cannot be written; take the lock before the first."""
        reason = self.read_only
        if reason is not None:
            raise faults.read_only_error(self.path, reason)
        if not self.conn.in_transaction:
            self.lock.take(self.actor)

    # Who is editing #####################################################

    @property
    def actor(self) -> str:
        """The official recorded in the audit trail (chosen at start-up or in settings)."""
        if not self._actor:  # nobody known yet (before the setup wizard): ask again next time
            self._actor = self.get_setting("actor") or self.default_actor()
        return self._actor

    def set_actor(self, name: str) -> None:
        with self.transaction():
            self.put_setting("actor", name)
        self._actor = name
        self.lock.describe(name)  # the official a second copy of the app is told about

    def default_actor(self) -> str:
        """Who edits when nobody was chosen (a workspace names its focal official)."""
        return ""

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return settings.get(self.conn, key, default)

    def remember(self, key: str, value: str) -> None:
        """Keep a choice of the user's (the last folder used…): its own small transaction, not audited,
        not undoable (it changes nothing in the unit's records)."""
        if self.get_setting(key) != value:
            with self.transaction():
                self.put_setting(key, value)

    def put_setting(self, key: str, value: str | None) -> None:
        """Inside the caller's transaction."""
        settings.put(self.conn, key, value)

    # Generic edits (grids and forms) ####################################

    def edit(self, entity: str, row_id: int, field: str, value: Any, *, typing: Any = None) -> ChangeSet:
        """Set one field of one row. Returns the ChangeSet (empty when nothing changed).

        ``typing`` names a field being typed in: its successive saves make one undo step."""
        label = tr("undo.edit", what=tr(records.entity(entity).label_key))
        with self.transaction() as conn:
            change = records.update(conn, entity, row_id, field, value, self.actor)
        return self._recorded(ChangeSet(label, [change] if change else [], typing))

    def edit_cells(self, entity: str, cells: list[tuple[int, str, Any]]) -> ChangeSet:
        """Set several cells in one transaction (clearing a selection, pasting into cells)."""
        label = tr("undo.edit", what=tr(records.entity(entity).label_key))
        changes = []
        with self.transaction() as conn:
            for row_id, field, value in cells:
                change = records.update(conn, entity, row_id, field, value, self.actor)
                if change:
                    changes.append(change)
        return self._recorded(ChangeSet(label, changes))

    def edit_mixed(self, cells: list[tuple[str, int, str, Any]], label: str) -> ChangeSet:
        """Set fields of rows of several entities in one transaction, as one undoable action."""
        changes = []
        with self.transaction() as conn:
            for entity, row_id, field, value in cells:
                change = records.update(conn, entity, row_id, field, value, self.actor)
                if change:
                    changes.append(change)
        return self._recorded(ChangeSet(label, changes))

    def get(self, entity: str, row_id: int) -> Any:
        return records.get(self.conn, entity, row_id)

    def children(self, entity: str, parent_id: int) -> list[Any]:
        """The rows of ``entity`` under ``parent_id``, in order (a grid's content)."""
        return records.children(self.conn, entity, parent_id)

    @staticmethod
    def field_specs(entity: str) -> dict[str, FieldSpec]:
        """How each editable field of ``entity`` is typed, labelled and checked."""
        return field_specs(records.entity(entity).record)

    def insert(
        self,
        entity: str,
        parent_id: ParentId,
        values: dict[str, Any] | None = None,
        position: int | None = None,
        fixed: dict[str, Any] | None = None,
    ) -> ChangeSet:
        label = tr("undo.insert", what=tr(records.entity(entity).label_key))
        with self.transaction() as conn:
            change = records.insert(conn, entity, parent_id, values or {}, self.actor, position, fixed)
        return self._recorded(ChangeSet(label, [change]))

    def insert_many(
        self, entity: str, parent_id: ParentId, rows: list[dict[str, Any]], position: int | None = None
    ) -> ChangeSet:
        """Insert several rows in one transaction (a paste): all or none."""
        label = tr("undo.paste", count=len(rows), what=tr(records.entity(entity).label_key))
        changes = []
        with self.transaction() as conn:
            for offset, values in enumerate(rows):
                at = None if position is None else position + offset
                changes.append(records.insert(conn, entity, parent_id, values, self.actor, at))
        return self._recorded(ChangeSet(label, changes))

    def insert_fixed(self, entity: str, parent_id: ParentId, rows: list[dict[str, Any]], label: str) -> ChangeSet:
        """Insert rows whose values come from the app, not from typing (a calendar from the framework):
        one transaction, audited, one undo step."""
        changes = []
        with self.transaction() as conn:
            for values in rows:
                changes.append(records.insert(conn, entity, parent_id, {}, self.actor, None, values))
        return self._recorded(ChangeSet(label, changes))

    def delete(self, entity: str, row_ids: list[int]) -> ChangeSet:
        label = tr("undo.delete", count=len(row_ids), what=tr(records.entity(entity).label_key))
        with self.transaction() as conn:
            changes = [records.delete(conn, entity, row_id, self.actor) for row_id in row_ids]
        return self._recorded(ChangeSet(label, changes))

    def delete_mixed(self, rows: list[tuple[str, int]], label: str) -> ChangeSet:
        """Delete rows of several entities (entity, id) in one transaction, as one undoable action."""
        with self.transaction() as conn:
            changes = [records.delete(conn, entity, row_id, self.actor) for entity, row_id in rows]
        return self._recorded(ChangeSet(label, changes))

    def move(self, entity: str, row_id: int, new_position: int) -> ChangeSet:
        label = tr("undo.move", what=tr(records.entity(entity).label_key))
        with self.transaction() as conn:
            change = records.move(conn, entity, row_id, new_position, self.actor)
        return self._recorded(ChangeSet(label, [change] if change else []))

    def _recorded(self, changes: ChangeSet) -> ChangeSet:
        self.history.record(changes)
        return changes

    # Undo / redo ########################################################

    def undo(self) -> ChangeSet:
        if not self.history.can_undo:
            raise NothingToUndoError()
        done = self.history.pop_undo()
        try:
            self._replay(done.inverse(), "undo")
        except BaseException:
            self.history.push_redone(done)
            raise
        self.history.push_undone(done)
        return done.inverse()

    def redo(self) -> ChangeSet:
        if not self.history.can_redo:
            raise NothingToUndoError("error.nothing_to_redo")
        undone = self.history.pop_redo()
        try:
            self._replay(undone, "redo")
        except BaseException:
            self.history.push_undone(undone)
            raise
        self.history.push_redone(undone)
        return undone

    def _replay(self, changes: ChangeSet, action: str) -> None:
        with self.transaction() as conn:
            for change in changes.changes:
                records.replay(conn, change, self.actor, action)
