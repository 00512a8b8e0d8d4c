"""Demo part: a self-assessment partly done, the way a commune has it in late autumn.

About 60 % of the self-scored criteria carry a score and an explanation, a few have small
evidence files (a one-page PDF and a PNG made here, byte by byte), one file is marked mật,
and one criterion claims points with neither evidence nor explanation, so the check that
blocks submission has something to show.
"""

from __future__ import annotations

import struct
import zlib
from typing import TYPE_CHECKING

from cchc_desktop.assessment.criteria import floor_to_step
from cchc_desktop.assessment.model import ScoreLine

if TYPE_CHECKING:
    from cchc_desktop.workspace import Workspace

SCORE = "criterion_score"
#: The criterion left claiming points without support (the blocking check shows it).
UNSUPPORTED = "5.3"
#: Criteria that get an evidence file: code → (file name, kind, secret).
FILES = {
    "1.1.1": ("Kế hoạch CCHC năm.pdf", "pdf", False),
    "3.1.1": ("Ảnh niêm yết TTHC tại Bộ phận Một cửa.png", "png", False),
    "3.2.2": ("Trích xuất hồ sơ đúng hạn.pdf", "pdf", False),
    "5.5.1": ("Báo cáo rà soát kỷ luật (mật).pdf", "pdf", True),
}
EXPLANATIONS = {
    "1.1.1": "Kế hoạch CCHC năm được ban hành ngày 08/01, trước thời hạn 31/01.",
    "1.2": "Đã gửi đủ các báo cáo quý I, 6 tháng, quý III đúng thời hạn qua Hệ thống quản lý văn bản.",
    "3.1.1": "Niêm yết đủ 100% thủ tục hành chính tại Bộ phận Một cửa; cập nhật khi có quyết định công bố mới.",
    "3.2.2": "Số liệu trích xuất từ Hệ thống thông tin giải quyết TTHC của tỉnh đến ngày 30/9.",
    "5.5.1": "Không có cán bộ, công chức bị xử lý kỷ luật trong năm (báo cáo rà soát lưu hành nội bộ).",
    "9.1.2": "Được Chủ tịch UBND huyện tặng Giấy khen về thành tích CCHC năm trước.",
    "9.2.3": "Báo cáo quý I gửi chậm 02 ngày do lỗi đường truyền.",
}


def build(ws: Workspace, year: int) -> None:
    """Add the year's self-assessment to the demo workspace (one transaction for the scores)."""
    ws.assessment.start(year)
    view = ws.assessment.view(year)
    leaves = [(line, line.score) for line in view.lines if line.is_leaf and line.score is not None]
    cells: list[tuple[int, str, object]] = []
    for index, (line, score) in enumerate(pair for pair in leaves if pair[0].criterion.method == "self"):
        if line.criterion.code == UNSUPPORTED or index % 5 in (0, 1, 2):
            cells += _scored(line, score.id, index)
    by_code = {line.criterion.code: score for line, score in leaves}
    for code, value in (("9.1.2", 0.5), ("9.2.3", -0.5)):
        score = by_code[code]
        cells += [(score.id, "self_score", value), (score.id, "explanation", EXPLANATIONS[code])]
    ws.edit_cells(SCORE, cells)
    for code, (name, kind, secret) in FILES.items():
        data = tiny_pdf(name) if kind == "pdf" else tiny_png()
        ws.evidence.attach(SCORE, by_code[code].id, data=data, name=name, secret=secret)
    ws.history.clear()


def _scored(line: ScoreLine, score_id: int, index: int) -> list[tuple[int, str, object]]:
    criterion = line.criterion
    value = line.proposed
    if value is None:
        value = criterion.max_points if index % 4 else floor_to_step(criterion.max_points / 2, criterion.step)
    cells: list[tuple[int, str, object]] = [(score_id, "self_score", value)]
    if criterion.code != UNSUPPORTED:
        text = EXPLANATIONS.get(criterion.code) or _generic_explanation(line)
        cells.append((score_id, "explanation", text))
    return cells


def _generic_explanation(line: ScoreLine) -> str:
    required = line.criterion.evidence_required.rstrip(".")
    if required:
        return f"Đã thực hiện theo kế hoạch; hồ sơ lưu tại Văn phòng - Thống kê: {required[:1].lower()}{required[1:]}."
    return "Đã thực hiện theo kế hoạch; hồ sơ lưu tại Văn phòng - Thống kê."


# Small valid files, made without any library ##########################


def tiny_pdf(title: str) -> bytes:
    """A one-page PDF with one line of (ASCII) text."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 56 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def tiny_png(width: int = 16, height: int = 16) -> bytes:
    """A small two-colour PNG (a red stamp on white, roughly)."""
    rows = b""
    for y in range(height):
        row = b"".join(
            b"\xc0\x20\x20" if abs(x - y) < 3 or abs(x + y - width) < 3 else b"\xff\xff\xff" for x in range(width)
        )
        rows += b"\x00" + row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
