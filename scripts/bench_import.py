"""Measure importing a batch of packages at a receiver (no assertions; numbers for the report).

Usage: .venv/bin/python scripts/bench_import.py [--count 1000] [--kinds report,assessment] [--keep DIR]

For each kind, ``--count`` realistic packages are generated once into a temporary folder (not timed):
reports carry 60 tasks and 40 indicators, assessments the 95 criteria of the shipped catalogue (a commune's
year sends both), each with three 200 KB evidence files and a small document.pdf, from 150 communes. Then,
each in a child process so the peak memory (RSS) is the child's own:

* import: ``ws.exchange.import_packages([folder])`` into a fresh receiver file — verification, revision,
  payload checks, backup, keeping the package, one transaction per package;
* floor: for the same files, read the file, SHA-256 it, verify the manifest signature, and executemany the
  same rows into the same tables, one transaction per package (rows prepared before timing).

Targets: ≥ 300 packages/s, import ≤ 1.5 × floor, peak RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# ruff: noqa: E402 - the repository root goes on sys.path before the project's imports

from cchc_desktop.exchange.format import (
    EvidenceFile,
    ManifestFields,
    Receiver,
    Sender,
    Signer,
    build_package,
    generate_private_key,
)
from cchc_desktop.exchange.format.keys import encrypt_private_key, load_private_key

PASSPHRASE = "bench-passphrase"
COMMUNES = 150
TEXT = (
    "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã; đề xuất phương án "
    "đơn giản hóa, cắt giảm thời gian giải quyết và chi phí tuân thủ cho người dân, doanh nghiệp"
)


def _unit(code: str) -> dict:
    return {
        "name": f"Ủy ban nhân dân xã {code}",
        "short_name": f"xã {code}",
        "province_code": "42",
        "commune_code": code,
        "unit_type": "xa",
    }


def _report(code: str, year: int, shas: list[str]) -> dict:
    tasks = [
        {
            "task_uid": f"t{i:03d}",
            "area_code": "TTHC",
            "content": f"{TEXT} ({i})",
            "deadline": "Quý I",
            "deadline_due": f"{year}-03-31",
            "status": ("done_on_time", "in_progress", "done_late")[i % 3],
            "progress": float(i % 101),
            "result": "Đã ban hành văn bản, tổ chức thực hiện",
            "reason": "Chờ hướng dẫn",
            "completed_on": f"{year}-03-01",
        }
        for i in range(60)
    ]
    indicators = [
        {
            "indicator_uid": f"i{i:03d}",
            "code": f"CX-{i:02d}",
            "text": f"Tỷ lệ hồ sơ {i} giải quyết đúng hạn",
            "unit": "%",
            "comparator": ">=",
            "target": 90.0,
            "target_max": None,
            "period": {"numerator": 45.0 + i, "denominator": 60.0, "value": None, "figure": (45.0 + i) / 0.6},
            "year_to_date": {"figure": 80.5},
            "attainment": {"state": "met"},
        }
        for i in range(40)
    ]
    return {
        "payload": "report",
        "payload_version": 1,
        "unit": _unit(code),
        "year": year,
        "submitted_at": f"{year}-03-15T09:00:00",
        "period": {"code": "Q1", "label": "Quý I"},
        "report": {
            "status": "submitted",
            "document": {"number_text": "18/BC-UBND", "date": f"{year}-03-15"},
            "narrative": {
                "achievements": TEXT,
                "shortcomings": TEXT,
                "causes": TEXT,
                "next_tasks": TEXT,
                "proposals": TEXT,
            },
            "tasks": tasks,
            "indicators": indicators,
        },
        "evidence": [
            {
                "sha256": sha,
                "name": f"Minh chứng {n}.pdf",
                "mime": "application/pdf",
                "size": 200_000,
                "refs": [f"task:t{n:03d}"],
            }
            for n, sha in enumerate(shas)
        ],
        "withheld_secret": 0,
    }


def _assessment(code: str, year: int, shas: list[str]) -> dict:
    """Scores over the shipped illustrative catalogue (the receiver checks them against it)."""
    from cchc_desktop.assessment.catalogue_files import load_default_catalogue

    spec = load_default_catalogue()
    criteria = []
    for node in spec.nodes:
        leaf = not spec.children.get(node.code)
        criteria.append(
            {
                "code": node.code,
                "parent_code": node.parent_code,
                "level": node.level,
                "name": node.name,
                "method": node.method if leaf else "",
                "max_points": node.max_points,
                "leaf": leaf,
                "self_score": node.max_points / 2 if leaf and node.method == "self" else None,
                "explanation": TEXT if leaf else "",
                "override_reason": "",
            }
        )
    total = round(sum(c["self_score"] or 0.0 for c in criteria), 6)
    scored = [c for c in criteria if c["self_score"] is not None]
    return {
        "payload": "assessment",
        "payload_version": 1,
        "unit": _unit(code),
        "year": year,
        "submitted_at": None,
        "assessment": {
            "status": "submitted",
            "catalogue": {"title": spec.title, "content_hash": spec.content_hash},
            "totals": {"total": total},
            "criteria": criteria,
        },
        "evidence": [
            {
                "sha256": sha,
                "name": f"Minh chứng {n}.pdf",
                "mime": "application/pdf",
                "size": 200_000,
                "refs": [f"criterion:{scored[n]['code']}"],
            }
            for n, sha in enumerate(shas)
        ],
        "withheld_secret": 0,
    }


def generate(folder: Path, kind: str, count: int, key) -> None:
    import hashlib

    folder.mkdir(parents=True, exist_ok=True)
    document = b"%PDF-1.4\n" + os.urandom(30_000) + b"\n%%EOF\n"
    for index in range(count):
        code = f"{18000 + index % COMMUNES:05d}"
        year = 2026 + index // COMMUNES
        files = [b"%PDF-1.4\n" + os.urandom(200_000 - 9) for _ in range(3)]
        shas = [hashlib.sha256(f).hexdigest() for f in files]
        data = (_report if kind == "report" else _assessment)(code, year, shas)
        fields = ManifestFields(
            kind=kind,
            sender=Sender("42", code, f"Xã {code}", "xa"),
            receiver=Receiver("Sở Nội vụ tỉnh Hà Tĩnh", "tinh"),
            year=year,
            period="Q1" if kind == "report" else None,
            revision=1,
            signer=Signer("Nguyễn Văn A", "Chủ tịch", "TM. Ủy ban nhân dân"),
        )
        evidence = [EvidenceFile(f"Minh chứng {n}.pdf", "application/pdf", data=f) for n, f in enumerate(files)]
        build_package(fields, data, document, evidence, key, folder / f"{kind}-{index:04d}.cchc")


def make_receiver(db: Path, key) -> None:
    from cchc_desktop.exchange.format.pubfile import UnitIdentity, parse_pub_file, pub_file_text
    from cchc_desktop.workspace import create_receiver

    ws = create_receiver(db, "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    for index in range(COMMUNES):
        identity = UnitIdentity("42", f"{18000 + index:05d}", f"Xã {18000 + index}")
        pub = parse_pub_file(pub_file_text(key.public_key(), identity, "bench", "now"))
        ws.exchange.enrol(pub, pub.fingerprint)
    ws.close()


# Child processes ########################################################


def child_import(db: Path, folder: Path) -> dict:
    from cchc_desktop.workspace import Workspace

    ws = Workspace.open(db)
    start = time.perf_counter()
    batch = ws.exchange.import_packages([folder])
    seconds = time.perf_counter() - start
    ws.close()
    return {
        "seconds": seconds,
        "packages": len(batch.outcomes),
        "refused": batch.count("refused"),
        "first_refusal": next((o.line for o in batch.outcomes if o.refused), ""),
    }


def _prepared_rows(files: list[Path], public) -> list[dict]:
    """The rows of every package, prepared before the floor is timed."""
    from cchc_desktop.exchange.format.verify import verify_package
    from cchc_desktop.exchange.payload_rows import payload_rows

    prepared = []
    for path in files:
        package = verify_package(path, lambda p, u: [public])
        prepared.append(payload_rows(package.manifest, package.data, path.name).tables())
    return prepared


def _floor_connection(conn):
    """The receiver's own tables, with one package row the floor's rows hang from."""
    conn.execute(
        "INSERT INTO received_packages (id, package_id, province_code, unit_code, unit_name, unit_type, kind,"
        " year, revision, created_at, received_at, key_fingerprint, manifest_json, signature,"
        " manifest_sha256, data_sha256, data_zlib, stored_file, source_file)"
        " VALUES (1, 'x', '42', '0', '', '', 'report', 2026, 1, '', '', '', '', x'', '', '', x'', '', '')"
    )
    return conn


def child_floor(db: Path, folder: Path, key_pem: bytes) -> dict:
    import hashlib
    import zipfile

    from cchc_desktop.exchange import store
    from cchc_desktop.exchange.import_apply import Applier  # noqa: F401 - same imports loaded as the import
    from cchc_desktop.kernel.store import db as store_db

    public = load_private_key(key_pem, PASSPHRASE).public_key()
    files = sorted(folder.glob("*.cchc"))
    prepared = _prepared_rows(files, public)
    conn = _floor_connection(store_db.connect(db))
    start = time.perf_counter()
    conn.execute("PRAGMA synchronous = NORMAL")  # the importer's durability: per package atomic, synced per batch
    for path, rows in zip(files, prepared, strict=False):
        raw = path.read_bytes()
        hashlib.sha256(raw).hexdigest()
        with zipfile.ZipFile(path) as archive:
            public.verify(archive.read("manifest.sig"), archive.read("manifest.json"))
        conn.execute("BEGIN IMMEDIATE")
        store.insert_rows(conn, 1, rows)
        conn.execute("COMMIT")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('bench', 'done')")
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return {"seconds": seconds, "packages": len(files)}


def _in_child(mode: str, *args: str) -> dict:
    """Run one measurement in a fresh process; it reports its own peak RSS (ru_maxrss, KiB on Linux)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode kept
    result = subprocess.run(
        [sys.executable, __file__, "--child", mode, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench_kind(work: Path, kind: str, count: int, key, key_pem: bytes) -> None:
    folder = work / kind
    start = time.perf_counter()
    generate(folder, kind, count, key)
    os.sync()  # packages arrive already on disk: neither measurement should pay for writing them
    size = sum(p.stat().st_size for p in folder.glob("*.cchc"))
    print(f"{kind}: generated {count} packages, {size / 1e6:.0f} MB, in {time.perf_counter() - start:.1f} s")
    template = work / f"template-{kind}.sqlite"
    make_receiver(template, key)
    for mode in ("floor", "import"):
        db = work / mode / f"{kind}.sqlite"
        db.parent.mkdir(exist_ok=True)
        shutil.copy(template, db)
        args = (str(db), str(folder), key_pem.decode()) if mode == "floor" else (str(db), str(folder))
        result = _in_child(mode, *args)
        rate = result["packages"] / result["seconds"]
        print(
            f"  {mode:<6} {result['packages']} packages in {result['seconds']:6.2f} s = {rate:7.1f} packages/s,"
            f" peak RSS {result['peak_rss_mb']:.0f} MB"
            f" {result.get('first_refusal', '')}"
        )
        bench_kind.results[(kind, mode)] = result
    floor, full = bench_kind.results[(kind, "floor")], bench_kind.results[(kind, "import")]
    print(f"  ratio import / floor = {full['seconds'] / floor['seconds']:.2f}")


bench_kind.results = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--kinds", default="report,assessment")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, *rest = args.child
        result = (
            child_floor(Path(rest[0]), Path(rest[1]), rest[2].encode())
            if mode == "floor"
            else child_import(Path(rest[0]), Path(rest[1]))
        )
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "cchc_desktop"], cwd=ROOT, check=True, env=env)
    key = generate_private_key()
    key_pem = encrypt_private_key(key, PASSPHRASE)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        for kind in args.kinds.split(","):
            bench_kind(work, kind, args.count, key, key_pem)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
