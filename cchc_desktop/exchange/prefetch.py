"""Working out packages ahead of the database while the importer applies the previous ones.

Verification, hashing and building the rows need no database. A large batch (a USB stick with a
whole province's reports) is prepared in worker processes, one per processor, so the checks run
truly in parallel with the database work; a small batch, where starting processes would cost more
than it saves, in one thread. Results come back in file order.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_desktop.exchange.format.keys import load_public_pem
from cchc_desktop.exchange.format.limits import Limits
from cchc_desktop.exchange.format.signing import TrustedKey
from cchc_desktop.exchange.format.verify import VerifiedPackage, verify_package
from cchc_desktop.kernel.errors import CchcError

if TYPE_CHECKING:
    from cchc_desktop.exchange.importer import Prepared

#: Below this many files the batch is prepared in a thread (process start-up would not pay off).
PROCESS_MIN_FILES = 40

KeySnapshot = list[tuple[str, str, str, Any]]  # province, unit, public PEM, key id


def use_processes(count: int) -> bool:
    return count >= PROCESS_MIN_FILES and (os.cpu_count() or 1) > 1


# In the worker process ##################################################

_keys: dict[tuple[str, str], list[TrustedKey]] = {}
_limits: Limits | None = None


def _start_worker(snapshot: KeySnapshot, limits: Limits) -> None:
    global _limits
    _keys.clear()
    for province, unit, pem, key_id in snapshot:
        _keys.setdefault((province, unit), []).append(TrustedKey(load_public_pem(pem.encode("ascii")), key_id))
    _limits = limits


def _prepare_in_worker(incoming: str, file: str) -> tuple:
    """Steps 1–7 and the rows; the package travels back as its fields but the key, and the key as its id
    (key objects do not cross processes)."""
    from cchc_desktop.exchange.import_apply import prepare_content

    if _limits is None:
        raise RuntimeError("the worker process was not started with _start_worker")
    try:
        package = verify_package(Path(incoming), lambda p, u: _keys.get((p, u), []), _limits)
    except CchcError as exc:
        return None, exc, None
    fields = {f.name: getattr(package, f.name) for f in dataclasses.fields(package) if f.name != "key"}
    return (fields, package.key.key_id), None, prepare_content(package, file)


# In the importer ########################################################


class Prefetch:
    """Prepared files in order, up to ``depth`` ahead of the one being applied."""

    def __init__(
        self,
        files: list[Path],
        prepare: Callable[[Path], Prepared],
        incoming: Callable[[Path], Path | CchcError],
        rebind: Callable[[Any], TrustedKey],
        snapshot: KeySnapshot,
        limits: Limits,
    ) -> None:
        self.files, self.prepare, self.incoming, self.rebind = files, prepare, incoming, rebind
        self.processes = use_processes(len(files))
        workers = os.cpu_count() or 1
        # "spawn": the workers start clean, never a fork of a GUI process with threads and Qt in it.
        self.executor: Executor = (
            ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(snapshot, limits),
            )
            if self.processes
            else ThreadPoolExecutor(1, thread_name_prefix="verify")
        )
        self.depth = 2 * workers if self.processes else 1
        self.pending: deque[tuple[Path, Future, Path | None]] = deque()
        self.next_index = 0

    def __iter__(self) -> Iterator[tuple[Path, Prepared]]:
        while self._fill() or self.pending:
            path, future, incoming = self.pending.popleft()
            yield path, self._result(future, incoming)

    def _fill(self) -> bool:
        while len(self.pending) < self.depth and self.next_index < len(self.files):
            path = self.files[self.next_index]
            self.next_index += 1
            self.pending.append(self._submit(path))
        return bool(self.pending)

    def _submit(self, path: Path) -> tuple[Path, Future, Path | None]:
        if not self.processes:
            return path, self.executor.submit(self.prepare, path), None
        incoming = self.incoming(path)
        if isinstance(incoming, CchcError):
            future: Future = Future()
            future.set_result((None, incoming, None))
            return path, future, None
        return path, self.executor.submit(_prepare_in_worker, str(incoming), path.name), incoming

    def _result(self, future: Future, incoming: Path | None) -> Prepared:
        from cchc_desktop.exchange.importer import Prepared

        if not self.processes:
            return future.result()
        portable, error, content = future.result()
        package = None
        if portable is not None:
            fields, key_id = portable
            package = VerifiedPackage(**fields, key=self.rebind(key_id))
        return Prepared(incoming, package, error, content)

    def drain(self) -> list[Path | None]:
        """The private copies of what was prepared ahead and not taken (to discard them)."""
        dropped = [incoming if self.processes else future.result().incoming for _, future, incoming in self.pending]
        self.pending.clear()
        return dropped

    def restart(self) -> list[Path | None]:
        """Keys changed (a key rotation was applied): drop what was prepared ahead and prepare it again,
        from now on in this process with the new keys. Returns the dropped results (to discard copies)."""
        count = len(self.pending)
        dropped = self.drain()
        self.next_index -= count
        self.close()
        self.processes, self.depth = False, 1
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="verify")
        return dropped

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
