"""Measure building and verifying .cchc packages (no assertions; numbers for the report).

Usage: .venv/bin/python scripts/bench_package_verify.py [--evidence-mib 200] [--inbox 170]

1. One large package: evidence files of 4 MiB (random, incompressible) up to --evidence-mib in total.
2. A receiver's inbox: --inbox small packages (data.json + a 200 KiB PDF + 3 evidence files) verified one by one.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.exchange.format import (
    EvidenceFile,
    ManifestFields,
    Receiver,
    Sender,
    Signer,
    build_package,
    generate_private_key,
    verify_package,
)

MIB = 1024 * 1024


def _fields(unit_code: str) -> ManifestFields:
    return ManifestFields(
        kind="report",
        sender=Sender("42", unit_code, f"Xã {unit_code}", "xa"),
        receiver=Receiver("Sở Nội vụ tỉnh Hà Tĩnh", "tinh"),
        year=2026,
        period="Q1",
        revision=1,
        signer=Signer("Nguyễn Văn A", "Chủ tịch", "TM. Ủy ban nhân dân"),
    )


def _data(rows: int) -> dict:
    return {
        "indicators": [{"code": f"CT{i:03d}", "value": i * 1.5, "note": "Đã hoàn thành đúng hạn"} for i in range(rows)]
    }


def _timed(label: str, size: int, action) -> None:
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"{label:<36} {seconds:7.2f} s  {size / MIB / seconds:8.1f} MiB/s")


def bench_large(folder: Path, evidence_mib: int) -> None:
    key = generate_private_key()
    evidence = []
    for index in range(max(1, evidence_mib // 4)):
        path = folder / f"scan{index}.pdf"
        path.write_bytes(os.urandom(4 * MIB))
        evidence.append(EvidenceFile(path.name, "application/pdf", path=path))
    out = folder / "large.cchc"
    total = sum(item.path.stat().st_size for item in evidence)
    _timed(
        f"build {total // MIB} MiB package",
        total,
        lambda: build_package(_fields("18103"), _data(2000), b"%PDF-1.7\n" + os.urandom(MIB), evidence, key, out),
    )
    _timed(f"verify {total // MIB} MiB package", total, lambda: verify_package(out, lambda p, u: [key.public_key()]))


def bench_inbox(folder: Path, count: int) -> None:
    key = generate_private_key()
    pdf = b"%PDF-1.7\n" + os.urandom(200 * 1024)
    evidence = [EvidenceFile(f"kiem-chung-{i}.pdf", "application/pdf", data=os.urandom(300 * 1024)) for i in range(3)]
    paths = [folder / f"{i:05d}.cchc" for i in range(count)]
    for index, path in enumerate(paths):
        build_package(_fields(f"{index:05d}"), _data(300), pdf, evidence, key, path)
    size = sum(p.stat().st_size for p in paths)
    _timed(
        f"verify inbox of {count} packages",
        size,
        lambda: [verify_package(p, lambda prov, unit: [key.public_key()]) for p in paths],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evidence-mib", type=int, default=200)
    parser.add_argument("--inbox", type=int, default=170)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_large(Path(tmp), args.evidence_mib)
    with tempfile.TemporaryDirectory() as tmp:
        bench_inbox(Path(tmp), args.inbox)


if __name__ == "__main__":
    main()
