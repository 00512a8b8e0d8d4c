"""Tổng hợp chỉ tiêu: a period's indicators across units, from summed numerators and denominators.

A rate is never the average of the units' percentages: 3/4 and 1/100 make 4/104, not the mean of
75 % and 1 %. Counts (sáng kiến, cuộc, buổi, trường hợp) are summed; a level that each unit measures
for itself (minutes of waiting, days, points) is averaged over the units that reported it, since
25 minutes here and 30 there do not make 55. Each unit's own figure is judged against its own target (the
attainment the unit's report computed), which is what the per-unit table colours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc_desktop.kernel.i18n import format_number, format_percent, tr
from cchc_desktop.kernel.text import fold

# Đơn vị tính of a level, not a count: averaged across units, never summed.
LEVEL_UNITS = frozenset({"phút", "giờ", "ngày", "điểm"})


@dataclass(frozen=True)
class UnitFigure:
    """One unit's figure of one indicator in one period, as its report sent it."""

    province_code: str
    unit_code: str
    unit_name: str
    code: str
    text: str
    measure_unit: str
    comparator: str
    target: float | None
    target_max: float | None
    numerator: float | None
    denominator: float | None
    value: float | None
    figure: float | None
    attainment: str | None  # met, not_met, pending, no_data, no_target

    @property
    def is_rate(self) -> bool:
        return self.numerator is not None or self.denominator is not None


@dataclass
class Consolidated:
    """One indicator, all units: the sums, the rate of the sums, and how many units met their target."""

    code: str
    text: str
    measure_unit: str
    units: list[UnitFigure] = field(default_factory=list)

    @property
    def is_rate(self) -> bool:
        return any(u.is_rate for u in self.units)

    @property
    def numerator(self) -> float:
        return sum(u.numerator or 0 for u in self.units)

    @property
    def denominator(self) -> float:
        return sum(u.denominator or 0 for u in self.units)

    @property
    def rate(self) -> float | None:
        """Σ tử số / Σ mẫu số, as a percentage."""
        return 100 * self.numerator / self.denominator if self.is_rate and self.denominator else None

    @property
    def is_level(self) -> bool:
        return not self.is_rate and " ".join(self.measure_unit.lower().split()) in LEVEL_UNITS

    @property
    def total(self) -> float | None:
        """Σ số liệu of a count indicator."""
        values = self._values()
        return sum(values) if values and not self.is_rate and not self.is_level else None

    @property
    def mean(self) -> float | None:
        """Bình quân số liệu of a level indicator, over the units that reported it."""
        values = self._values()
        return sum(values) / len(values) if values and self.is_level else None

    @property
    def combined(self) -> float | None:
        """The one figure for all units: the rate of the sums, the mean of a level or the sum of a count."""
        for figure in (self.rate, self.mean, self.total):
            if figure is not None:
                return figure
        return None

    def combined_text(self) -> str:
        if self.rate is not None:
            return format_percent(self.rate)
        if self.mean is not None:
            return tr("receiver.indicator.mean", value=format_number(round(self.mean, 1)), unit=self.measure_unit)
        return format_number(self.total) if self.total is not None else ""

    def _values(self) -> list[float]:
        return [u.value for u in self.units if u.value is not None]

    @property
    def reporting(self) -> int:
        return sum(1 for u in self.units if u.figure is not None or u.value is not None or u.numerator is not None)

    def count(self, state: str) -> int:
        return sum(1 for u in self.units if u.attainment == state)


def consolidate(figures: Iterable[UnitFigure]) -> list[Consolidated]:
    """Group by indicator: by its code when it has one, else by its text (diacritics and spacing ignored)."""
    groups: dict[str, Consolidated] = {}
    for item in figures:
        key = item.code or fold(" ".join(item.text.split()))
        group = groups.setdefault(key, Consolidated(item.code, item.text, item.measure_unit))
        group.units.append(item)
    return sorted(groups.values(), key=lambda g: (g.code == "", g.code, fold(g.text)))
