"""What every centre's figures have in common (DESIGN.md §8, issue 14 "figures written once").

Each centre exposes its figures for a period, and optionally for one department, through one selector
function `<centre>_figures(*, period, department=None)` (bureau.periods.Period) returning a frozen
dataclass of ints and Decimals that inherits `FigureSet`: its `LABELS` name each figure in Chinese
and English (message ids), its `UNITS` say how to show it. The dashboards, the briefing, the API and
the statistics pages read those objects and nothing else, so a number is the same wherever it
appears. Breakdowns (by category, by contractor…) are tuples of `(label, value)` pairs.
"""

from dataclasses import fields
from decimal import ROUND_HALF_UP, Decimal
from typing import ClassVar

ZERO = Decimal("0.00")
HUNDRED = Decimal("100")

COUNT, YUAN, PERCENT, HOURS, SCORE, AREA = "count", "yuan", "percent", "hours", "score", "area"


def share(part, whole, places="0.1"):
    """part / whole in per cent, half up, in Decimal arithmetic; None when the whole is 0."""
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def mean(total, count, places="0.1"):
    """total / count rounded half up; None without a count."""
    if not count or total is None:
        return None
    return (Decimal(total) / Decimal(count)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


class FigureSet:
    """Mixin of the centres' figure dataclasses. `LABELS` {field: label} in display order (fields not
    named are breakdowns or internal), `UNITS` {field: unit} (count when not named)."""

    LABELS: ClassVar[dict] = {}
    UNITS: ClassVar[dict] = {}

    def rows(self):
        """[(field, label, value, unit)] of the scalar figures, in display order."""
        names = {f.name for f in fields(self)}
        return [
            (name, label, getattr(self, name), self.UNITS.get(name, COUNT))
            for name, label in self.LABELS.items()
            if name in names
        ]

    def figure(self, name):
        return getattr(self, name)
