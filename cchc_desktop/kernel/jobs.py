"""Long work (PDF, Excel, packages): how it reports progress and how it is asked to stop.

A job calls ``progress(done, total)`` now and then and polls ``cancelled()``; when that returns True
it raises :class:`cchc_desktop.kernel.errors.JobCancelled` and leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
