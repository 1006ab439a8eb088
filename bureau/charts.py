"""Server-rendered charts (DESIGN.md §8): one code path for the page and the PDF.

matplotlib (Agg, no pyplot: a Figure per chart, safe in threads) writes SVG with `svg.fonttype =
"path"`, so Chinese labels are outlines and need no font where the SVG is shown or printed (WeasyPrint
included). A `Chart` carries its title, a text alternative, the SVG markup to inline (ids prefixed
per chart so two charts on a page don't share them) and its numbers as a table — shown under the
chart and downloaded as Excel through `chart_export_response` (formula-safe and audited).
"""

import functools
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# Noto Sans CJK is the CJK font the portal's PDFs embed (scripts/system-deps.sh); DejaVu for digits.
FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei", "DejaVu Sans"]
COLOURS = ["#0d6efd", "#adb5bd", "#6f42c1", "#20c997", "#fd7e14", "#dc3545", "#198754", "#0dcaf0"]
RC = {
    "svg.fonttype": "path",
    "svg.hashsalt": "bureau-portal",  # the same chart is the same SVG (tests, caching, PDFs)
    "font.family": "sans-serif",
    "font.sans-serif": FONTS,
    "font.size": 9,
    "axes.unicode_minus": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_SIZE = re.compile(r'<svg([^>]*?) width="[^"]*" height="[^"]*"')
_IDS = re.compile(r'(id="|xlink:href="#|href="#|url\(#)([^")]+)')


@dataclass
class Chart:
    key: str
    title: str
    description: str
    svg: str
    headers: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # [[label, value, value…]]

    def dataset_rows(self):
        return [self.headers, *self.rows]


def _number(value):
    if value is None:
        return 0.0
    return float(value) if isinstance(value, Decimal | int | float) else 0.0


def _svg_markup(figure, key, title, description):
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    buffer = io.StringIO()
    FigureCanvasSVG(figure).print_svg(buffer)
    svg = _METADATA.sub("", _XML_PROLOGUE.sub("", buffer.getvalue(), count=1), count=1)
    prefix = f"chart-{key}-"
    svg = _IDS.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", svg)
    svg = _SIZE.sub(r'<svg\1 width="100%"', svg, count=1)
    title_id, desc_id = f"{prefix}title", f"{prefix}desc"
    svg = svg.replace(
        "<svg",
        f'<svg role="img" aria-labelledby="{title_id} {desc_id}" class="bureau-chart" data-chart="{escape(key)}"',
        1,
    )
    head_end = svg.index(">") + 1
    accessible = f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(description)}</desc>'
    return mark_safe(svg[:head_end] + accessible + svg[head_end:])  # noqa: S308 - matplotlib's SVG, texts escaped


@dataclass(frozen=True)
class ChartSpec:
    """What a bar chart shows: `series` [(name, [value per category])] over `categories` (labels), side
    by side or stacked, vertical or horizontal (long labels). Its table (a row per category, a column
    per series) is known without drawing; `render()` draws it."""

    key: str
    title: str
    categories: tuple
    series: tuple
    unit: str = ""
    stacked: bool = False
    horizontal: bool = False
    width: float = 7.5
    height: float = 2.8

    def __post_init__(self):
        # Text and tuples only (a translated label is made text in the active language): hashable, so
        # the drawing can be kept, and the same in the page, the Excel and the PDF.
        object.__setattr__(self, "title", str(self.title))
        object.__setattr__(self, "unit", str(self.unit))
        object.__setattr__(self, "categories", tuple(str(c) for c in self.categories))
        object.__setattr__(self, "series", tuple((str(name), tuple(values)) for name, values in self.series))

    @property
    def headers(self):
        return [_("Item"), *[str(name) for name, _values in self.series]]

    @property
    def rows(self):
        return [[str(label), *[values[i] for _name, values in self.series]] for i, label in enumerate(self.categories)]

    def dataset_rows(self):
        return [self.headers, *self.rows]

    @property
    def description(self):
        text = _("%(title)s: %(series)s over %(count)s items; the numbers are in the table below.") % {
            "title": self.title,
            "series": "、".join(str(name) for name, _values in self.series),
            "count": len(self.categories),
        }
        if self.unit:
            text += " " + _("Unit: %(unit)s.") % {"unit": self.unit}
        return text

    def render(self):
        return Chart(
            key=self.key,
            title=str(self.title),
            description=self.description,
            svg=_draw(self),
            headers=self.headers,
            rows=self.rows,
        )


def bar_chart(**kwargs):
    """ChartSpec(**kwargs).render(): the chart drawn, with its table."""
    return ChartSpec(**kwargs).render()


@functools.lru_cache(maxsize=256)
def _draw(spec):
    """The SVG of a chart spec. A spec is a frozen value (labels, numbers, titles as text), so the same
    numbers give the same drawing, kept for the next page that shows them (drawing costs ~0.1 s)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    categories = [str(c) for c in spec.categories]
    series = [(str(name), list(values)) for name, values in spec.series]
    total = sum(_number(v) for _name, values in series for v in values)
    stacked, horizontal, height = spec.stacked, spec.horizontal, spec.height
    with matplotlib.rc_context(RC):
        if horizontal:
            height = max(height, 0.35 * len(categories) * (1 if stacked else max(1, len(series) * 0.6)) + 0.8)
        figure = Figure(figsize=(spec.width, height), layout="constrained")
        axes = figure.add_subplot()
        positions = list(range(len(categories)))
        count = max(1, len(series))
        thickness = 0.8 if stacked else 0.8 / count
        bottoms = [0.0] * len(categories)
        for index, (name, values) in enumerate(series):
            numbers = [_number(v) for v in values]
            colour = COLOURS[index % len(COLOURS)]
            offsets = positions if stacked else [p - 0.4 + thickness * (index + 0.5) for p in positions]
            base = bottoms if stacked else None
            if horizontal:
                axes.barh(offsets, numbers, height=thickness, left=base, label=name, color=colour)
            else:
                axes.bar(offsets, numbers, width=thickness, bottom=base, label=name, color=colour)
            if stacked:
                bottoms = [b + n for b, n in zip(bottoms, numbers, strict=True)]
        if horizontal:
            axes.set_yticks(positions, categories)
            axes.invert_yaxis()
        else:
            step = max(1, len(categories) // 14)
            axes.set_xticks(positions[::step], categories[::step])
            if len(categories) > 6:
                axes.tick_params(axis="x", labelrotation=30)
        value_axis = axes.xaxis if horizontal else axes.yaxis
        if all(isinstance(v, int) for _name, values in series for v in values):
            value_axis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 meeting
        value_axis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:,.0f}" if abs(x) >= 1000 else f"{x:g}"))
        axes.set_title(str(spec.title), fontsize=10)
        if spec.unit:
            (axes.set_xlabel if horizontal else axes.set_ylabel)(str(spec.unit))
        if len(series) > 1:
            axes.legend(loc="best", fontsize=8, frameon=False)
        if not total:
            axes.text(0.5, 0.5, _("No data in this period."), transform=axes.transAxes, ha="center", color="#6c757d")
        return _svg_markup(figure, spec.key, str(spec.title), spec.description)
