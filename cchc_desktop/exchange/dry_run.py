"""Xem trước một lô gói: what the preview would have written so far, per series.

A dry run writes nothing, so without this the second revision of a series in the same batch would be
compared with the database (where the first is not) and counted as new. Each package the preview
accepts is remembered here as its series' current package, so the next one of the series is judged
and compared exactly as the real import will judge it: a resend replacing the first, the same file
twice already there.
"""

from __future__ import annotations

from cchc_desktop.exchange import store
from cchc_desktop.exchange.format.manifest import Manifest
from cchc_desktop.exchange.payload_check import PayloadRows
from cchc_desktop.exchange.received import series_of, stored_rows


class PlannedSeries:
    """The series a dry run has touched: their would-be state and current rows."""

    def __init__(self) -> None:
        self._planned: dict[store.Series, tuple[store.SeriesState, PayloadRows]] = {}

    def state(self, manifest: Manifest, stored: store.SeriesState) -> store.SeriesState:
        """The series as it would be after the packages previewed before this one."""
        planned = self._planned.get(series_of(manifest))
        return planned[0] if planned else stored

    def current_rows(self, conn, manifest: Manifest, state: store.SeriesState) -> PayloadRows | None:
        """What this package would be compared with: the last previewed package of its series, else the
        package the file holds now."""
        planned = self._planned.get(series_of(manifest))
        return planned[1] if planned else stored_rows(conn, state.current_row_id)

    def record(self, manifest: Manifest, state: store.SeriesState, rows: PayloadRows) -> None:
        """``manifest`` would now be its series' current package."""
        after = store.SeriesState(
            None, manifest.package_id, manifest.revision, state.package_ids | {manifest.package_id}
        )
        self._planned[series_of(manifest)] = (after, rows)
