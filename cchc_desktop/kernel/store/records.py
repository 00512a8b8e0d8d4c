"""The edit layer: typed, audited, invertible changes to rows of registered entities.

Every user edit goes through here, inside the caller's transaction. Each call returns a
:class:`Change` that says what changed and can be inverted for undo/redo; each also writes
one row to ``audit_log`` (who, when, what, old → new).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cchc_desktop.kernel.errors import CchcError, NotFoundError, ValidationError
from cchc_desktop.kernel.fields import FieldSpec, coerce, field_specs

#: The row a child row hangs under: an id, or a value such as a year (a calendar) or a province code (a roster).
ParentId = int | str | None
Guard = Callable[[sqlite3.Connection, dict], None]
Derive = Callable[[sqlite3.Connection, dict], dict]


@dataclass(frozen=True)
class Entity:
    """A table the user edits row by row, described once."""

    name: str
    table: str
    record: type
    parent_column: str | None
    label_field: str
    label_key: str
    ordered: bool = True
    derive: Derive | None = None
    guard: Guard | None = None
    #: Asked (after ``guard``) before a row is deleted: some rows may be edited but not removed.
    guard_delete: Guard | None = None

    @property
    def specs(self) -> dict[str, FieldSpec]:
        return field_specs(self.record)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in dataclasses.fields(self.record)]

    @property
    def has_uid(self) -> bool:
        return "uid" in self.columns


ENTITIES: dict[str, Entity] = {}


def register(entity: Entity) -> Entity:
    ENTITIES[entity.name] = entity
    return entity


def entity(name: str) -> Entity:
    """The registered entity ``name``; each feature's store module registers its own on import."""
    found = ENTITIES.get(name)
    if found is None:
        raise KeyError(f"entity {name!r} is not registered: import the store module that owns it")
    return found


@dataclass(frozen=True)
class Change:
    """One committed change. ``row`` holds the whole row for inserts and deletes."""

    action: str
    entity: str
    row_id: int
    parent_id: ParentId = None
    field: str = ""
    old: Any = None
    new: Any = None
    row: dict | None = None

    def inverse(self) -> Change:
        swap = {"insert": "delete", "delete": "insert"}.get(self.action, self.action)
        return dataclasses.replace(self, action=swap, old=self.new, new=self.old)


def now_iso() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def new_uid() -> str:
    return uuid.uuid4().hex


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row the INSERT just run on ``cursor`` added (``lastrowid`` is None only before any INSERT)."""
    row_id = cursor.lastrowid
    if row_id is None:
        raise RuntimeError("the statement added no row")
    return row_id


def _to_record(ent: Entity, row: sqlite3.Row | dict) -> Any:
    values = {}
    for f in dataclasses.fields(ent.record):
        value = row[f.name]
        spec = f.metadata.get("spec")
        if spec and spec[0] == "bool":
            value = bool(value)
        values[f.name] = value
    return ent.record(**values)


def fetch_row(conn: sqlite3.Connection, ent: Entity, row_id: int) -> dict:
    row = conn.execute(f"SELECT * FROM {ent.table} WHERE id = ?", [row_id]).fetchone()
    if row is None:
        raise NotFoundError("error.row_missing", what=_entity_label(ent), id=row_id)
    return dict(row)


def get(conn: sqlite3.Connection, name: str, row_id: int) -> Any:
    ent = entity(name)
    return _to_record(ent, fetch_row(conn, ent, row_id))


def children(conn: sqlite3.Connection, name: str, parent_id: int) -> list[Any]:
    ent = entity(name)
    order = "position" if ent.ordered else "id"
    rows = conn.execute(f"SELECT * FROM {ent.table} WHERE {ent.parent_column} = ? ORDER BY {order}, id", [parent_id])
    return [_to_record(ent, row) for row in rows]


def find(conn: sqlite3.Connection, name: str, where: str, params: list[Any], order: str = "id") -> list[Any]:
    """Records of entity ``name`` matching ``where`` (SQL with ? placeholders), in one query."""
    ent = entity(name)
    rows = conn.execute(f"SELECT * FROM {ent.table} WHERE {where} ORDER BY {order}", params)
    return [_to_record(ent, row) for row in rows]


def _entity_label(ent: Entity) -> str:
    from cchc_desktop.kernel.i18n import tr

    return tr(ent.label_key)


def _row_label(ent: Entity, row: dict) -> str:
    text = str(row.get(ent.label_field) or "").replace("\n", " ")
    return text if len(text) <= 80 else text[:79] + "…"


def _scope(ent: Entity, row: dict) -> str:
    if ent.parent_column:
        return f"{ent.parent_column}={row.get(ent.parent_column)}"
    return f"{ent.table}={row.get('id')}"


def _audit_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit trail (nhật ký thay đổi): who did what to which row, old → new."""

    actor: str
    action: str
    entity: str
    entity_id: int | None
    scope: str
    label: str
    field: str = ""
    old: Any = None
    new: Any = None


def append_audit(conn: sqlite3.Connection, entry: AuditEntry) -> None:
    """The one writer of ``audit_log``: every change of every feature is recorded through here."""
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, scope, label, field, old_value, new_value)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            now_iso(),
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.scope,
            entry.label,
            entry.field,
            _audit_value(entry.old),
            _audit_value(entry.new),
        ],
    )


def write_audit(
    conn: sqlite3.Connection,
    actor: str,
    action: str,
    ent: Entity,
    row: dict,
    field: str = "",
    old: Any = None,
    new: Any = None,
) -> None:
    """Audit a change to a row of a registered entity."""
    append_audit(
        conn,
        AuditEntry(actor, action, ent.name, row.get("id"), _scope(ent, row), _row_label(ent, row), field, old, new),
    )


def _check(conn: sqlite3.Connection, ent: Entity, row: dict) -> None:
    if ent.guard is not None:
        ent.guard(conn, row)


def _derived(conn: sqlite3.Connection, ent: Entity, row: dict) -> dict:
    return ent.derive(conn, row) if ent.derive else {}


# Update ################################################################


def update(conn: sqlite3.Connection, name: str, row_id: int, field: str, value: Any, actor: str) -> Change | None:
    """Set one field from user input; None when the stored value does not change."""
    ent = entity(name)
    spec = ent.specs.get(field)
    if spec is None:
        raise ValidationError("error.field_not_editable", field=field, label=field)
    row = fetch_row(conn, ent, row_id)
    _check(conn, ent, row)
    stored = coerce(spec, value)
    old = row[field]
    if spec.kind == "bool":
        old = bool(old)
    if old == stored:
        return None
    change = Change(
        "update",
        name,
        row_id,
        row.get(ent.parent_column) if ent.parent_column else None,
        field=field,
        old=old,
        new=stored,
    )
    _apply_update(conn, ent, row, field, stored)
    write_audit(conn, actor, "update", ent, row, field, old, stored)
    return change


def _apply_update(conn: sqlite3.Connection, ent: Entity, row: dict, field: str, value: Any) -> None:
    row = dict(row, **{field: value})
    values = {field: value, **_derived(conn, ent, row)}
    assignments = ", ".join(f"{column} = ?" for column in values)
    conn.execute(f"UPDATE {ent.table} SET {assignments} WHERE id = ?", [*values.values(), row["id"]])


# Insert / delete #######################################################


def insert(
    conn: sqlite3.Connection,
    name: str,
    parent_id: ParentId,
    values: dict[str, Any],
    actor: str,
    position: int | None = None,
    fixed: dict[str, Any] | None = None,
) -> Change:
    """Insert a row from user input at ``position`` (end when None).

    ``fixed`` holds trusted values for columns the user does not type (e.g. an area's code).
    """
    ent = entity(name)
    specs = ent.specs
    row: dict[str, Any] = dict(fixed or {})
    for key, raw in values.items():
        if key not in specs:
            raise ValidationError("error.field_not_editable", field=key, label=key)
        row[key] = coerce(specs[key], raw)
    if ent.parent_column:
        row[ent.parent_column] = parent_id
    if ent.has_uid:
        row.setdefault("uid", new_uid())
    _check(conn, ent, row)
    if ent.ordered:
        row["position"] = _open_slot(conn, ent, parent_id, position)
    row.update(_derived(conn, ent, row))
    row_id = _insert_raw(conn, ent, row)
    full = fetch_row(conn, ent, row_id)
    write_audit(conn, actor, "insert", ent, full)
    return Change("insert", name, row_id, parent_id, row=full)


def _insert_raw(conn: sqlite3.Connection, ent: Entity, row: dict) -> int:
    columns = list(row)
    placeholders = ", ".join("?" for _ in columns)
    cursor = conn.execute(
        f"INSERT INTO {ent.table} ({', '.join(columns)}) VALUES ({placeholders})", [row[c] for c in columns]
    )
    return inserted_id(cursor)


def _count(conn: sqlite3.Connection, ent: Entity, parent_id: ParentId) -> int:
    return conn.execute(f"SELECT count(*) FROM {ent.table} WHERE {ent.parent_column} = ?", [parent_id]).fetchone()[0]


def _open_slot(conn: sqlite3.Connection, ent: Entity, parent_id: ParentId, position: int | None) -> int:
    size = _count(conn, ent, parent_id)
    slot = size if position is None else max(0, min(position, size))
    conn.execute(
        f"UPDATE {ent.table} SET position = position + 1 WHERE {ent.parent_column} = ? AND position >= ?",
        [parent_id, slot],
    )
    return slot


def _close_slot(conn: sqlite3.Connection, ent: Entity, parent_id: ParentId, position: int) -> None:
    conn.execute(
        f"UPDATE {ent.table} SET position = position - 1 WHERE {ent.parent_column} = ? AND position > ?",
        [parent_id, position],
    )


def delete(conn: sqlite3.Connection, name: str, row_id: int, actor: str) -> Change:
    ent = entity(name)
    row = fetch_row(conn, ent, row_id)
    _check(conn, ent, row)
    if ent.guard_delete is not None:
        ent.guard_delete(conn, row)
    conn.execute(f"DELETE FROM {ent.table} WHERE id = ?", [row_id])
    if ent.ordered:
        _close_slot(conn, ent, row[ent.parent_column], row["position"])
    write_audit(conn, actor, "delete", ent, row)
    return Change("delete", name, row_id, row.get(ent.parent_column) if ent.parent_column else None, row=row)


def move(conn: sqlite3.Connection, name: str, row_id: int, new_position: int, actor: str) -> Change | None:
    """Move a row to ``new_position`` among its siblings (0-based)."""
    ent = entity(name)
    row = fetch_row(conn, ent, row_id)
    _check(conn, ent, row)
    parent_id = row[ent.parent_column]
    last = _count(conn, ent, parent_id) - 1
    target = max(0, min(new_position, last))
    if target == row["position"]:
        return None
    _apply_move(conn, ent, row, target)
    write_audit(conn, actor, "move", ent, row, "position", row["position"] + 1, target + 1)
    return Change("move", name, row_id, parent_id, field="position", old=row["position"], new=target)


def _apply_move(conn: sqlite3.Connection, ent: Entity, row: dict, target: int) -> None:
    parent_id = row[ent.parent_column]
    # Park the row outside the range, close its gap, open the new one, put it back.
    conn.execute(f"UPDATE {ent.table} SET position = -1 WHERE id = ?", [row["id"]])
    _close_slot(conn, ent, parent_id, row["position"])
    conn.execute(
        f"UPDATE {ent.table} SET position = position + 1 WHERE {ent.parent_column} = ? AND position >= ?",
        [parent_id, target],
    )
    conn.execute(f"UPDATE {ent.table} SET position = ? WHERE id = ?", [target, row["id"]])


# Status changes ########################################################


def transition(
    conn: sqlite3.Connection,
    name: str,
    row_id: int,
    *,
    expected: str,
    values: dict[str, Any],
    actor: str,
    action: str,
    refusal: CchcError,
    note: tuple[str, Any, Any] | None = None,
) -> dict:
    """Change the status of a row (ban hành, nộp, mở lại…) with the columns that go with it.

    The status is checked again inside the caller's transaction, so an action another window took
    first is refused with ``refusal`` rather than done twice. The entity's edit guard is not asked:
    a status change is exactly what locks or unlocks a row. One audit row is written: ``note`` as
    (field, old, new), by default the status itself. Returns the row as it was before.
    """
    ent = entity(name)
    row = fetch_row(conn, ent, row_id)
    if row.get("status") != expected:
        raise refusal
    assignments = ", ".join(f"{column} = ?" for column in values)
    conn.execute(f"UPDATE {ent.table} SET {assignments} WHERE id = ?", [*values.values(), row_id])
    field, old, new = note or ("status", row.get("status"), values.get("status", row.get("status")))
    write_audit(conn, actor, action, ent, row, field, old, new)
    return row


def remove(conn: sqlite3.Connection, name: str, row_id: int, *, expected: str, actor: str, refusal: CchcError) -> dict:
    """Delete a whole document while it is still in the ``expected`` status (a draft), audited.

    Its child rows go with it (foreign keys cascade); the caller removes what the database does not
    own (evidence files of its rows) first. Not undoable: the undo history is the caller's to clear.
    """
    ent = entity(name)
    row = fetch_row(conn, ent, row_id)
    if row.get("status") != expected:
        raise refusal
    write_audit(conn, actor, "delete", ent, row)
    conn.execute(f"DELETE FROM {ent.table} WHERE id = ?", [row_id])
    return row


# Replaying a change (undo / redo) ######################################


def replay(conn: sqlite3.Connection, change: Change, actor: str, action: str) -> None:
    """Apply an already-validated change again (its inverse, for undo), audited as ``action``."""
    ent = entity(change.entity)
    if change.action == "update":
        row = fetch_row(conn, ent, change.row_id)
        _check(conn, ent, row)
        _apply_update(conn, ent, row, change.field, change.new)
        write_audit(conn, actor, action, ent, row, change.field, change.old, change.new)
    elif change.action == "insert":
        row = dict(change.row or {})
        _check(conn, ent, row)
        if ent.ordered:
            _open_slot(conn, ent, row[ent.parent_column], row["position"])
        _insert_raw(conn, ent, row)
        write_audit(conn, actor, action, ent, row)
    elif change.action == "delete":
        row = fetch_row(conn, ent, change.row_id)
        _check(conn, ent, row)
        conn.execute(f"DELETE FROM {ent.table} WHERE id = ?", [change.row_id])
        if ent.ordered:
            _close_slot(conn, ent, row[ent.parent_column], row["position"])
        write_audit(conn, actor, action, ent, row)
    elif change.action == "move":
        row = fetch_row(conn, ent, change.row_id)
        _check(conn, ent, row)
        _apply_move(conn, ent, row, change.new)
        write_audit(conn, actor, action, ent, row, "position", change.old + 1, change.new + 1)
