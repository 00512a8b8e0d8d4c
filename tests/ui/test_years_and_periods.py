"""Any year from 2020 to next year can be opened (a new official back-fills last year's plan), and the
package panel starts on the latest report the commune has submitted."""

from __future__ import annotations

import datetime as dt


def test_the_year_box_reaches_every_year_from_2020_to_next_year(demo_window):
    box = demo_window.year_box
    years = [box.itemData(i) for i in range(box.count())]
    assert years[0] == 2020 and years[-1] == dt.date.today().year + 1 and years == sorted(set(years))
    box.setCurrentIndex(box.findData(2021))
    box.activated.emit(box.currentIndex())
    assert demo_window.year == 2021


def test_the_package_panel_starts_on_the_latest_submitted_report(demo_window):
    from ui.screen_list import SCREENS

    demo_window.nav.setCurrentRow([key for key, _ in SCREENS].index("exchange"))
    panel = demo_window.screens["exchange"].commune
    latest = demo_window.session.ws.reports.latest_submitted_period(2026)
    assert latest is not None and latest.code == "H1"
    assert panel.period.currentData() == "H1"
