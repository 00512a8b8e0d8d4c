"""Step 9 on a file made before it: the framework tables appear empty, catalogues name no framework."""

from __future__ import annotations

from cchc_desktop.kernel.store import db as store_db
from cchc_desktop.kernel.store.migrations import apply_pending
from cchc_desktop.workspace import Workspace


def test_a_file_from_before_gets_empty_framework_tables_and_keeps_its_catalogue(ws_path):
    conn = store_db.connect(ws_path)
    apply_pending(conn, stop_before="m009_framework")
    conn.execute(
        "INSERT INTO criteria_catalogues (uid, code, title, year, content_hash, imported_at)"
        " VALUES ('c', 'ht-2025', 'Bộ tiêu chí 2025', 2025, 'abc', '2025-01-02')"
    )
    conn.close()
    with Workspace.open(ws_path) as ws:
        assert ws.migrated_now[0] == "m009_framework"
        (catalogue,) = ws.assessment.catalogues()
        assert (catalogue.code, catalogue.framework_id, catalogue.framework_hash) == ("ht-2025", "", "")
        tables = ("frameworks", "framework_areas", "framework_indicators", "framework_periods", "framework_criteria")
        assert [ws.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables] == [0] * 5
        assert ws.frameworks.get(2026) is None
