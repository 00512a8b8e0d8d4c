"""Exchange fixtures (a commune with an issued plan and a key, a receiver that enrolled it) and helpers."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

PASSPHRASE = "mật khẩu của xã 2026"


def issue_plan(ws, framework, year: int = 2026):
    plan = ws.plans.create(year, "framework", framework)
    ws.edit("plan", plan.id, "doc_number", 5)
    ws.edit("plan", plan.id, "issue_date", f"{year}-01-08")
    return ws.plans.issue(plan.id)


@pytest.fixture
def commune(ws, small_framework):
    """Xã Kỳ Phong (42-18544) with its 2026 plan issued and a key."""
    issue_plan(ws, small_framework)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    return ws


def pub_file_of(ws):
    from cchc_desktop.exchange.format.keys import load_public_pem
    from cchc_desktop.exchange.format.pubfile import parse_pub_file, pub_file_text
    from cchc_desktop.exchange.keyring import identity_of

    info = ws.exchange.key_info()
    key = load_public_pem(info.public_pem.encode("ascii"))
    return parse_pub_file(pub_file_text(key, identity_of(ws), "Khóa", info.created_at))


@pytest.fixture
def receiver(tmp_path, commune):
    """Sở Nội vụ tỉnh Hà Tĩnh, with the commune's key enrolled."""
    from cchc_desktop.workspace import create_receiver

    rv = create_receiver(tmp_path / "so" / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    pub = pub_file_of(commune)
    rv.exchange.enrol(pub, pub.fingerprint)
    yield rv
    rv.close()


@pytest.fixture
def outbox(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def commune_key(commune):
    return commune.exchange.unlock(PASSPHRASE)


def file_hash(path: Path) -> str:
    """SHA-256 of a closed database file (after its WAL was checkpointed)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_counts(conn) -> dict[str, int]:
    tables = (
        "received_packages",
        "received_tasks",
        "received_indicators",
        "received_criteria",
        "received_evidence",
        "import_log",
        "enrolled_keys",
        "audit_log",
    )
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def debris_snapshot(ws) -> tuple[list[str], list[str]]:
    """What a refusal must leave as it found it: the receiver file's whole content (SQL dump) and every
    name in its folder (backups, kept packages, private copies), recursively."""
    folder = ws.path.parent
    names = sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))
    return list(ws.conn.iterdump()), names


OFFICE_PASSPHRASE = "mật khẩu của Sở 2026"


@pytest.fixture
def linked(receiver, commune):
    """The office has its own key, and the commune enrolled it (from the office's card) to take
    what the office sends down."""
    receiver.exchange.create_key(OFFICE_PASSPHRASE, OFFICE_PASSPHRASE)
    office_pub = pub_file_of(receiver)
    commune.exchange.enrol_superior(office_pub, office_pub.fingerprint)
    return receiver, commune
