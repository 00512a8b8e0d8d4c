"""Working out the next package while the importer applies this one.

Verification, hashing and building the rows need no database, so one background thread does them
for the next file while the database work of the current file runs. Results come back in file order.
A pool of worker processes was measured against this single thread on 2 cores: up to 3× slower for
40–150 packages and no faster at 400–1,000 (and it hangs under Wine), so there is none.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.exchange.format.verify import UncheckedPackage, VerifiedPackage
from cchc_desktop.exchange.import_prepare import PreparedContent
from cchc_desktop.kernel.errors import CchcError


@dataclass
class Prepared:
    """A file after the database-free steps: its private copy, and the package or the refusal."""

    incoming: Path | None
    package: VerifiedPackage | None
    error: CchcError | None
    content: PreparedContent | None = None
    unchecked: UncheckedPackage | None = None  # a sender not enrolled: to be held (chờ xác nhận khóa)

    def checked_package(self) -> VerifiedPackage:
        """The verified package; the refusal is raised in its place."""
        if self.error is not None:
            raise self.error
        if self.package is None:
            raise ValueError("a prepared file holds neither a package nor a refusal")
        return self.package


class Prefetch:
    """Prepared files in order, one ahead of the one being applied."""

    def __init__(self, files: list[Path], prepare: Callable[[Path], Prepared]) -> None:
        self.files, self.prepare = files, prepare
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="verify")
        self.pending: deque[tuple[Path, Future[Prepared]]] = deque()
        self.next_index = 0

    def __iter__(self) -> Iterator[tuple[Path, Prepared]]:
        while self._fill() or self.pending:
            path, future = self.pending.popleft()
            yield path, future.result()

    def _fill(self) -> bool:
        while len(self.pending) < 2 and self.next_index < len(self.files):
            path = self.files[self.next_index]
            self.next_index += 1
            self.pending.append((path, self.executor.submit(self.prepare, path)))
        return bool(self.pending)

    def drain(self) -> list[Path | None]:
        """The private copies of what was prepared ahead and not taken (to discard them)."""
        dropped = [future.result().incoming for _, future in self.pending]
        self.pending.clear()
        return dropped

    def restart(self) -> list[Path | None]:
        """Keys changed (a key rotation was applied): what was prepared ahead with the old keys is dropped
        and prepared again. Returns the dropped results (to discard their copies)."""
        count = len(self.pending)
        dropped = self.drain()
        self.next_index -= count
        return dropped

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
