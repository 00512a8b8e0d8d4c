"""A small, nearly full disk for tests of what happens when a write runs out of space: a tmpfs of a few
megabytes, mounted for the test (it needs root, which the test machines have), and a filler file that
leaves exactly as many bytes free as the test asks."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest


class SmallDisk:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / ".filler"

    def free(self) -> int:
        info = os.statvfs(self.root)
        return info.f_bavail * info.f_frsize

    def leave_free(self, amount: int) -> None:
        """Grow or shrink the filler so that about ``amount`` bytes (rounded to pages) stay free."""
        self.filler.unlink(missing_ok=True)
        size = max(self.free() - amount, 0)
        with self.filler.open("wb") as handle:
            handle.truncate(0)
            chunk = b"\0" * (1 << 20)
            while size > 0:
                handle.write(chunk[: min(size, len(chunk))])
                size -= len(chunk)

    def release(self) -> None:
        self.filler.unlink(missing_ok=True)


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 16 MiB tmpfs at ``tmp_path/disk``, unmounted afterwards."""
    root = tmp_path / "disk"
    root.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(root)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)
