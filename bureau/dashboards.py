"""The dashboards (DESIGN.md §8, issue 14): the bureau's — every centre's figures for a chosen period
against the same period a year before, with charts — and a department's, the same for one department.

This is the bureau-wide layer: it reads each centre only through its figures selector
(`<centre>_figures(*, period, department=None)`), never a centre's models, and no centre imports it.
A dashboard is a list of sections; a section has its figure rows (this period, the year before,
the change) and its chart specs (bureau.charts.ChartSpec), drawn for the page and exported to Excel
from the same numbers. The monthly briefing reads the same sections.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from assets.selectors import assets_figures
from bureau.charts import ChartSpec
from bureau.figures import AREA, COUNT, HOURS, PERCENT, SCORE, YUAN, share
from meetings.selectors.figures import meetings_figures
from procurement.selectors.figures import procurement_figures
from property_services.selectors import property_figures

UNIT_LABELS = {YUAN: _("yuan"), COUNT: "", PERCENT: "%", HOURS: _("hours"), SCORE: "", AREA: "m²"}


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    this: object
    before: object
    unit: str

    @property
    def change(self):
        if self.this is None or self.before is None:
            return None
        return self.this - self.before

    @property
    def change_share(self):
        """The change in per cent of the year before's figure (not for figures that are already shares)."""
        if self.unit == PERCENT or self.change is None:
            return None
        return share(self.change, self.before)


@dataclass
class Section:
    key: str
    title: str
    rows: list
    charts: list = field(default_factory=list)


@dataclass
class Dashboard:
    period: object
    before: object
    department: object
    sections: list

    def charts(self):
        return [chart for section in self.sections for chart in section.charts]

    def chart(self, key):
        return next((chart for chart in self.charts() if chart.key == key), None)

    def figure(self, section, key):
        """(this, before) of one figure, by section and figure key: what tests and the briefing read."""
        for row in next(s for s in self.sections if s.key == section).rows:
            if row.key == key:
                return row.this, row.before
        raise KeyError(key)


def _rows(now, before, only=None):
    return [
        FigureRow(key, str(label), value, before.figure(key), unit)
        for key, label, value, unit in now.rows()
        if only is None or key in only
    ]


def _pairs_series(period, before, now_pairs, before_pairs):
    """Series this period / the year before over the union of the labels of two breakdowns."""
    labels = [label for label, _value in now_pairs]
    labels += [label for label, _value in before_pairs if label not in labels]
    now_values, before_values = dict(now_pairs), dict(before_pairs)
    return labels, (
        (period.label, tuple(now_values.get(label, 0) for label in labels)),
        (before.label, tuple(before_values.get(label, 0) for label in labels)),
    )


def _compare(key, title, period, before, now_pairs, before_pairs, unit="", horizontal=False):
    labels, series = _pairs_series(period, before, now_pairs, before_pairs)
    return ChartSpec(key=key, title=title, categories=tuple(labels), series=series, unit=unit, horizontal=horizontal)


def _figures_chart(key, title, period, before, now, then, names, unit=""):
    pairs = [(str(now.LABELS[name]), now.figure(name)) for name in names]
    then_pairs = [(str(then.LABELS[name]), then.figure(name)) for name in names]
    return _compare(key, title, period, before, pairs, then_pairs, unit=unit)


def bureau_dashboard(*, period, today=None):
    """Every centre's figures for `period` (bureau.periods.Period) and the same period a year before."""
    before = period.year_before()
    meetings = meetings_figures(period=period), meetings_figures(period=before)
    procurement = procurement_figures(period=period, today=today), procurement_figures(period=before, today=today)
    assets = assets_figures(period=period), assets_figures(period=before)
    campus = property_figures(period=period), property_figures(period=before)
    yuan = str(UNIT_LABELS[YUAN])
    sections = [
        Section(
            "meetings",
            str(_("Meetings")),
            _rows(*meetings),
            [
                _compare(
                    "meetings-category",
                    _("Meetings by category"),
                    period,
                    before,
                    meetings[0].by_category,
                    meetings[1].by_category,
                ),
                _compare(
                    "meetings-format",
                    _("Meetings by format"),
                    period,
                    before,
                    meetings[0].by_format,
                    meetings[1].by_format,
                ),
            ],
        ),
        Section(
            "procurement",
            str(_("Procurement")),
            _rows(*procurement),
            [
                _figures_chart(
                    "procurement-money",
                    _("Budget, contracts and savings"),
                    period,
                    before,
                    *procurement,
                    ("budget", "amount", "saved"),
                    unit=yuan,
                ),
                _compare(
                    "procurement-method",
                    _("Contract amount by method"),
                    period,
                    before,
                    procurement[0].by_method,
                    procurement[1].by_method,
                    unit=yuan,
                    horizontal=True,
                ),
            ],
        ),
        Section(
            "assets",
            str(_("State assets")),
            _rows(*assets),
            [
                _compare(
                    "assets-class",
                    _("Original value by class"),
                    period,
                    before,
                    assets[0].by_class,
                    assets[1].by_class,
                    unit=yuan,
                    horizontal=True,
                ),
            ],
        ),
        Section(
            "property",
            str(_("Property services")),
            _rows(*campus, only=set(campus[0].LABELS) - {"offices", "office_area"}),
            [
                _compare(
                    "property-contractor",
                    _("Mean inspection score by contractor"),
                    period,
                    before,
                    campus[0].by_contractor,
                    campus[1].by_contractor,
                    horizontal=True,
                ),
                _figures_chart(
                    "property-tickets",
                    _("Repair tickets"),
                    period,
                    before,
                    *campus,
                    ("tickets_opened", "tickets_resolved", "tickets_open"),
                ),
            ],
        ),
    ]
    return Dashboard(period=period, before=before, department=None, sections=sections)


MEETING_ROWS = {"meetings", "video_share", "invited", "absent", "excused", "late", "attendance_rate", "receptions"}
MEETING_ROWS |= {"requested", "actual", "saved"}
ASSET_ROWS = {"assets", "value", "idle", "leased_out", "acquired", "disposals", "stocktake_missing"}
PROPERTY_ROWS = {
    "fees_billed",
    "tickets_opened",
    "tickets_resolved",
    "tickets_open",
    "rating",
    "offices",
    "office_area",
}
PROCUREMENT_ROWS = {"requests", "requests_waiting", "contracts", "contracts_unsigned", "amount", "saved"}
PROCUREMENT_ROWS |= {"savings_rate", "challenges", "risk_hits"}


def department_dashboard(*, period, department, today=None):
    """One department's figures for `period` and the year before: its meetings and its people's
    attendance (会风会纪), fees charged, assets in use and offices, tickets, requests and contracts."""
    before = period.year_before()
    meetings = (
        meetings_figures(period=period, department=department),
        meetings_figures(period=before, department=department),
    )
    campus = (
        property_figures(period=period, department=department),
        property_figures(period=before, department=department),
    )
    assets = assets_figures(period=period, department=department), assets_figures(period=before, department=department)
    procurement = (
        procurement_figures(period=period, department=department, today=today),
        procurement_figures(period=before, department=department, today=today),
    )
    yuan = str(UNIT_LABELS[YUAN])
    sections = [
        Section(
            "meetings",
            str(_("Meetings and attendance")),
            _rows(*meetings, only=MEETING_ROWS),
            [
                _figures_chart(
                    "department-attendance",
                    _("Attendance of the department's people"),
                    period,
                    before,
                    *meetings,
                    ("invited", "absent", "excused", "late"),
                ),
            ],
        ),
        Section(
            "property",
            str(_("Fees, offices and repairs")),
            _rows(*campus, only=PROPERTY_ROWS),
            [
                _compare(
                    "department-fees",
                    _("Fees by type"),
                    period,
                    before,
                    campus[0].fees_by_type,
                    campus[1].fees_by_type,
                    unit=yuan,
                ),
            ],
        ),
        Section("assets", str(_("Assets in use")), _rows(*assets, only=ASSET_ROWS)),
        Section("procurement", str(_("Requests and contracts")), _rows(*procurement, only=PROCUREMENT_ROWS)),
    ]
    return Dashboard(period=period, before=before, department=department, sections=sections)
