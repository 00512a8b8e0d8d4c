"""Step 6 on a file made before it: each plan gets the sections it printed, provenance leaves "Nguồn"."""

from __future__ import annotations

from cchc_desktop.kernel.store import db as store_db
from cchc_desktop.kernel.store.migrations import apply_pending
from cchc_desktop.workspace import Workspace

PROVENANCE = "QĐ 90/QĐ-UBND huyện Hương Sơn, 2023 (HS-01)"
DATA_SOURCE = "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh"


def test_a_plan_from_before_keeps_its_shape_and_loses_the_provenance_column(ws_path):
    conn = store_db.connect(ws_path)
    apply_pending(conn, stop_before="m007_document_shape")
    conn.execute("INSERT INTO plans (uid, year, created_at, title) VALUES ('p', 2025, '2025-01-02', 'Cải cách')")
    for uid, source in (("a", PROVENANCE), ("b", DATA_SOURCE)):
        conn.execute(
            "INSERT INTO indicators (uid, plan_id, position, text, source_ref) VALUES (?, 1, ?, 'Tỷ lệ', ?)",
            [uid, uid == "b", source],
        )
    conn.close()
    with Workspace.open(ws_path) as ws:
        assert ws.migrated_now[0] == "m007_document_shape"  # and the steps after it
        agg = ws.plans.aggregate(1)
        assert [(s.kind, s.title, s.shown) for s in agg.sections] == [
            ("purpose", "MỤC ĐÍCH, YÊU CẦU", True),
            ("indicators", "CHỈ TIÊU CHỦ YẾU", True),
            ("solutions", "NHIỆM VỤ, GIẢI PHÁP", True),
            ("tasks", "NHIỆM VỤ CỤ THỂ", True),
            ("budget", "KINH PHÍ THỰC HIỆN", True),
            ("actors", "TỔ CHỨC THỰC HIỆN", True),
        ]
        assert agg.sections[0].parts == "Mục đích\nYêu cầu"
        assert [(i.source_ref, i.framework_ref) for i in agg.indicators] == [("", PROVENANCE), (DATA_SOURCE, "")]
        assert agg.plan.area_layout == "separate" and not agg.plan.show_task_objective
    assert len(list((ws_path.parent / "backups").glob("*.sqlite"))) == 1
