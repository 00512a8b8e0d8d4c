"""Chuyển sang máy khác: the whole workspace as one file, and that file taken in on the new computer.

The file (``.cchcws``, a zip) holds ``manifest.json``, ``workspace.sqlite`` — a consistent copy made with
SQLite's backup API, holding the plans, reports, evidence and the keys (the private key as it is
stored: encrypted with its passphrase, never in clear) — and, at a receiver, the packages it kept
(``packages/``). The manifest lists every member with its size and SHA-256. Taking it in checks all
of them, the copy's integrity and schema before anything gets a name: a damaged or altered file is
refused whole, and the new workspace appears under its name only when complete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cchc_desktop import __version__
from cchc_desktop.exchange.package_store import PackageStore
from cchc_desktop.kernel.atomic import atomic_output
from cchc_desktop.kernel.backup_set import BackupSet
from cchc_desktop.kernel.errors import JobCancelled, WorkspaceError
from cchc_desktop.kernel.files import describe_os_error, display_name
from cchc_desktop.kernel.i18n import format_datetime, tr
from cchc_desktop.kernel.private import make_private, private_folder
from cchc_desktop.kernel.store import backups, creation
from cchc_desktop.workspace import Workspace

SUFFIX = ".cchcws"
FORMAT = "cchc-workspace"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "workspace.sqlite"
PACKAGES = "packages/"
_PACKAGE_NAME = re.compile(r"packages/[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}")
_MANIFEST_LIMIT = 4 * 1024 * 1024
_CHUNK = 1024 * 1024

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class TransferSummary:
    """What a transfer file holds, said before it is taken in (and after it was written)."""

    file: Path
    unit: str
    source_file: str
    created_at: str
    app: str
    size: int
    evidence: int
    keys: int
    packages: int

    @property
    def text(self) -> str:
        return tr(
            "transfer.summary",
            unit=self.unit,
            file=self.source_file,
            when=format_datetime(self.created_at),
            app=self.app,
            size=_size_text(self.size),
            evidence=self.evidence,
            keys=self.keys,
            packages=self.packages,
        )


def _size_text(size: int) -> str:
    return f"{max(size // 1024, 1)} KB" if size < 1024 * 1024 else f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _never() -> bool:
    return False


def _quiet(done: int, total: int) -> None:
    pass


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


# Export ###############################################################


def export_workspace(
    ws: Workspace, destination: str | Path, progress: Progress = _quiet, cancelled: Cancelled = _never
) -> TransferSummary:
    """Xuất toàn bộ dữ liệu: the whole workspace into one file at ``destination`` (written atomically)."""
    target = Path(destination)
    kept = sorted(p for p in PackageStore(ws.path).folder.glob("*.cchc") if p.is_file())
    profile = ws.profile.get()
    with tempfile.TemporaryDirectory(prefix="cchc-chuyen-") as scratch:
        copy = backups.copy_database(ws.conn, Path(scratch) / DATABASE)
        members = [(DATABASE, copy), *((PACKAGES + p.name, p) for p in kept)]
        listed = [{"name": name, "size": path.stat().st_size, "sha256": _sha256_of(path)} for name, path in members]
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "app": f"cchc-desktop {__version__}",
            "created_at": dt.datetime.now().replace(microsecond=0).isoformat(),
            "unit": profile.full_name,
            "file": ws.path.name,
            "mode": profile.mode,
            "counts": {"evidence": ws.evidence.blob_count(), "keys": len(ws.exchange.keys()), "packages": len(kept)},
            "members": listed,
        }
        with atomic_output(target) as handle:
            make_private(handle.fileno())  # it holds everything the workspace holds
            _write_zip(handle, manifest, members, progress, cancelled)
    return summary_of(manifest, target)


def _write_zip(
    handle: BinaryIO, manifest: dict, members: list[tuple[str, Path]], progress: Progress, cancelled: Cancelled
) -> None:
    total = sum(path.stat().st_size for _, path in members)
    done = 0
    with zipfile.ZipFile(handle, "w") as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1), zipfile.ZIP_DEFLATED)
        for name, path in members:
            if cancelled():
                raise JobCancelled()
            method = zipfile.ZIP_STORED if name.startswith(PACKAGES) else zipfile.ZIP_DEFLATED  # packages are zips
            archive.write(path, name, compress_type=method)
            done += path.stat().st_size
            progress(done, total)


def default_name(ws: Workspace) -> str:
    return f"{ws.path.stem}-chuyen-may-{dt.date.today():%Y%m%d}{SUFFIX}"


# Import ###############################################################


def summary_of(manifest: dict, file: Path) -> TransferSummary:
    counts = manifest.get("counts") or {}
    return TransferSummary(
        file=file,
        unit=str(manifest.get("unit", "")),
        source_file=str(manifest.get("file", "")),
        created_at=str(manifest.get("created_at", "")),
        app=str(manifest.get("app", "")),
        size=sum(int(m["size"]) for m in manifest["members"]),
        evidence=int(counts.get("evidence", 0)),
        keys=int(counts.get("keys", 0)),
        packages=int(counts.get("packages", 0)),
    )


def read_summary(source: str | Path) -> TransferSummary:
    """What the transfer file at ``source`` says it holds (checked only for form; see ``import_workspace``)."""
    path = Path(source)
    with _open(path) as archive:
        return summary_of(_manifest(archive, path), path)


def _refused(path: Path, key: str = "transfer.not_transfer", **params: Any) -> WorkspaceError:
    return WorkspaceError(key, file=display_name(path), **params)


def _open(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise WorkspaceError("transfer.missing", file=display_name(path))
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refused(path) from None


def _manifest(archive: zipfile.ZipFile, path: Path) -> dict:
    try:
        info = archive.getinfo(MANIFEST)
        if info.file_size > _MANIFEST_LIMIT:
            raise _refused(path)
        manifest = json.loads(archive.read(info).decode("utf-8"))
        members = manifest["members"]
        ok = manifest.get("format") == FORMAT and isinstance(members, list)
        names = [m["name"] for m in members] if ok else []
        ok = ok and all(isinstance(m["size"], int) and isinstance(m["sha256"], str) for m in members)
    except (KeyError, TypeError, ValueError, UnicodeDecodeError, zipfile.BadZipFile):
        raise _refused(path) from None
    if not ok:
        raise _refused(path)
    if manifest.get("version") != VERSION:
        raise _refused(path, "transfer.newer", app=str(manifest.get("app", "")))
    if len(names) != len(set(names)) or DATABASE not in names or not all(_allowed(n) for n in names):
        raise _refused(path)
    present = [info.filename for info in archive.infolist()]
    if sorted(present) != sorted([*names, MANIFEST]):
        raise _refused(path, "transfer.altered", member=tr("transfer.member_list"))
    return manifest


def _allowed(name: str) -> bool:
    return name == DATABASE or bool(_PACKAGE_NAME.fullmatch(name))


def import_workspace(
    source: str | Path, target: str | Path, progress: Progress = _quiet, cancelled: Cancelled = _never
) -> TransferSummary:
    """Nhận dữ liệu từ máy cũ: the workspace of the transfer file at ``source`` becomes the file at
    ``target`` (which must be free), with its kept packages beside it. Every member is checked first."""
    path, db_path = Path(source), Path(target)
    if not creation.is_free(db_path):
        raise WorkspaceError("transfer.target_exists", path=str(db_path))
    store = PackageStore(db_path).folder
    if store.exists() and any(store.iterdir()):
        raise WorkspaceError("transfer.target_exists", path=str(store))
    with _open(path) as archive:
        manifest = _manifest(archive, path)
        summary = summary_of(manifest, path)
        _check_room(db_path, summary.size)
        placed: list[Path] = []
        scratch = Path(tempfile.mkdtemp(prefix=".cchc-nhan-", dir=private_folder(db_path.parent)))
        try:
            with creation.creating(db_path) as temporary:
                _extract(archive, manifest, path, temporary, scratch, progress, cancelled)
                BackupSet.check(temporary)  # intact, this app's, not from a newer version
                placed = _place_packages(scratch, store)
        except BaseException:
            _remove_placed(placed, store)
            raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return summary


def _check_room(db_path: Path, size: int) -> None:
    free = shutil.disk_usage(private_folder(db_path.parent)).free
    if free < size + 16 * 1024 * 1024:
        raise WorkspaceError("transfer.no_room", need=_size_text(size), free=_size_text(free))


def _extract(
    archive: zipfile.ZipFile,
    manifest: dict,
    path: Path,
    database: Path,
    scratch: Path,
    progress: Progress,
    cancelled: Cancelled,
) -> None:
    total = sum(int(m["size"]) for m in manifest["members"])
    done = 0
    for member in manifest["members"]:
        name = member["name"]
        out = database if name == DATABASE else scratch / name[len(PACKAGES) :]
        done = _copy_checked(archive, member, path, out, done, total, progress, cancelled)


def _copy_checked(
    archive: zipfile.ZipFile,
    member: dict,
    path: Path,
    out: Path,
    done: int,
    total: int,
    progress: Progress,
    cancelled: Cancelled,
) -> int:
    """Copy one member to ``out``, refusing it when its size or SHA-256 is not the manifest's."""
    digest, size = hashlib.sha256(), 0
    try:
        with archive.open(member["name"]) as source, out.open("r+b" if out.exists() else "xb") as sink:
            while chunk := source.read(_CHUNK):
                size += len(chunk)
                if size > member["size"]:
                    break
                digest.update(chunk)
                sink.write(chunk)
                if cancelled():
                    raise JobCancelled()
                progress(done + size, total)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise _refused(path, "transfer.altered", member=member["name"]) from None
    except OSError as exc:  # the disk is full, the USB stick was pulled
        raise WorkspaceError("transfer.io", file=display_name(path), detail=describe_os_error(exc)) from None
    if size != member["size"] or digest.hexdigest() != member["sha256"]:
        raise _refused(path, "transfer.altered", member=member["name"])
    return done + size


def _place_packages(scratch: Path, store: Path) -> list[Path]:
    """The kept packages moved beside the new workspace; the paths now holding them."""
    placed: list[Path] = []
    kept = sorted(p for p in scratch.iterdir() if p.is_file())
    if kept:
        private_folder(store)
    for package in kept:
        final = store / package.name
        package.replace(final)
        placed.append(final)
    return placed


def _remove_placed(placed: list[Path], store: Path) -> None:
    for package in placed:
        package.unlink(missing_ok=True)
    if store.is_dir() and not any(store.iterdir()):
        store.rmdir()
