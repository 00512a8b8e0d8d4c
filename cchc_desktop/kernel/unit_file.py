"""The open unit file: one SQLite connection, its transactions, undo history and who is editing.

:class:`UnitFile` is what every feature's service works on. It knows no feature: the generic,
audited edits of registered entities (grids and forms), undo and redo, settings and backups.
:class:`cchc_desktop.workspace.Workspace` adds the features' services on top.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Self

from cchc_desktop.kernel.errors import NothingToUndoError, WorkspaceError
from cchc_desktop.kernel.fields import FieldSpec, field_specs
from cchc_desktop.kernel.history import ChangeSet, History
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store import db as store_db
from cchc_desktop.kernel.store import records, settings
from cchc_desktop.kernel.store.records import ParentId


class UnitFile:
    """Tệp dữ liệu của một đơn vị, đang mở."""

    def __init__(self, path: Path, conn: sqlite3.Connection, migrated: list[str]) -> None:
        self.path = path
        self.conn = conn
        self.migrated_now = migrated
        self.history = History()
        self._actor: str | None = None

    # Lifecycle ##########################################################

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False) -> Self:
        conn, migrated = store_db.open_database(path, create=create)
        return cls(Path(path), conn, migrated)

    def close(self) -> None:
        self.conn.close()

    def backup_to(self, destination: str | Path) -> Path:
        """Sao lưu: a consistent copy of the whole file (edits included) at ``destination``."""
        target = Path(destination)
        if target.resolve() == self.path.resolve():
            raise WorkspaceError("error.backup.same_file", path=str(target))
        return store_db.backup_atomically(self.conn, target)

    def daily_backup(self, keep: int = 7) -> Path | None:
        """The automatic backup of the day (kept for ``keep`` days), made once per day."""
        return store_db.rotate_daily_backup(self.conn, self.path, keep)

    @staticmethod
    def daily_backup_of(path: Path, keep: int = 7) -> Path | None:
        """The same from another thread: it opens its own connection to the file at ``path``."""
        return store_db.daily_backup_of(path, keep)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Transactions #######################################################

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One user action: BEGIN IMMEDIATE … COMMIT, rolled back on any error."""
        return store_db.transaction(self.conn)

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
