"""django-tables2 tables. `BureauTable` gives every table a linked first column and sane defaults.

Columns are declared the tables2 way; the rows of a page are rendered by `lean_body()` (DESIGN.md §11:
tables2's per-cell machinery cost ~40–55 ms for 50 rows). It prepares each column once — which
function renders it, with which arguments, its `<td>` attributes, whether it shows a choice's label —
and then renders each cell with a few calls. The HTML is the same as tables2's own template gives
(tests/bureau/test_lean_lists.py compares them for every list table); a column it doesn't know how
to prepare falls back to tables2's own cell rendering.
"""

import functools
import inspect

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template import Context
from django.template.base import render_value_in_context
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext_lazy as _
from django_tables2.columns.linkcolumn import BaseLinkColumn
from django_tables2.rows import BoundRow
from django_tables2.utils import A

from bureau.masking import mask_phone
from bureau.models import Building, Department, Room, RoomOccupancy, StaffProfile, person_name

# Cell contexts of the template tables2 renders with: `{{ cell }}`, `{{ cell|localize }}`, `{{ cell|unlocalize }}`.
_CELL_CONTEXTS = {None: Context(), True: Context(use_l10n=True), False: Context(use_l10n=False)}


CELL_ARGUMENTS = ("value", "record", "column", "bound_column", "bound_row", "table")


class _LeanColumn:
    """One column, prepared once per page: render(record, row) → the HTML of its cell."""

    def __init__(self, table, bound_column, record):
        self.bound_column = bound_column
        self.name = bound_column.name
        column = bound_column.column
        self.column = column
        self.accessor = A(bound_column.accessor)
        self.default = bound_column.default
        self.empty_values = column.empty_values
        self.context = _CELL_CONTEXTS[column.localize]
        self.render_fn = bound_column.render
        self.link = bound_column.link
        # Which of the optional arguments tables2 would pass (value, record, column, …) the renderer takes.
        self.args = self._arguments(self.render_fn)
        self.bits = tuple(self.accessor.bits)
        self.unknown = self.args is not None and any(name not in CELL_ARGUMENTS for name in self.args)
        link_url = getattr(self.link, "url", None)
        self.needs_row = "bound_row" in (self.args or ()) or (
            callable(link_url) and "bound_row" in (self._arguments(link_url) or ("bound_row",))
        )
        self.date_format = None
        if type(column) in (tables.DateTimeColumn, tables.DateColumn) and self.render_fn == column.render:
            # `{{ value|date:format|default:default }}` without a template render per cell.
            self.date_format = column.template_code.split('"')[1]
        # Does the accessor end on a field with choices (shown by get_FOO_display, as tables2 does)?
        # Found from the model's fields, not from a row whose related object might be missing.
        self.display = self.labels = None
        try:
            field = self.accessor.get_field(record)
        except FieldDoesNotExist:
            field = None
        if getattr(field, "choices", ()):
            self.display = self.bits[-1]
            # Django's own get_FOO_display rebuilds the choices each call: look the labels up once.
            method = inspect.getattr_static(field.model, f"get_{self.display}_display", None)
            if isinstance(method, functools.partialmethod):
                self.labels = {value: str(label) for value, label in field.flatchoices}
                self.attname = field.attname
        attrs = {**table.attrs, **column.attrs}
        self.per_row_attrs = any(callable(v) for key in ("td", "cell") for v in dict(attrs.get(key, {})).values())
        self.td = None if self.per_row_attrs else bound_column.attrs["td"].as_html()
        self.fallback = not self.date_format and (
            self.args is None or isinstance(column, BaseLinkColumn | tables.ManyToManyColumn | tables.TemplateColumn)
        )

    @staticmethod
    def _arguments(fn):
        parameters = inspect.signature(fn).parameters.values()
        if any(p.kind == p.VAR_KEYWORD for p in parameters):
            return None  # takes everything: leave it to tables2
        return tuple(p.name for p in parameters if p.kind != p.VAR_POSITIONAL)

    def resolve(self, record, bits):
        """Accessor.resolve for model instances, without its exception-driven dictionary lookups."""
        current = record
        for bit in bits:
            if not isinstance(current, models.Model):
                return A(A.SEPARATOR.join(bits)).resolve(record)  # dicts, lists: tables2's way
            current = getattr(current, bit)
            if callable(current):
                if getattr(current, "alters_data", False):
                    raise ValueError(f"{bit} alters data")
                if not getattr(current, "do_not_call_in_templates", False):
                    current = current()
            if current is None:
                break
        return current

    def value(self, record):
        try:
            if self.display is not None:
                owner = self.resolve(record, self.bits[:-1])
                if isinstance(owner, models.Model):
                    if self.labels is None:
                        display = getattr(owner, f"get_{self.display}_display", None)
                        return display() if display else self.resolve(record, self.bits)
                    value = getattr(owner, self.attname)
                    return self.labels.get(value, value)
            return self.resolve(record, self.bits)
        except Exception:  # noqa: BLE001 - tables2 shows the default for a value it can't reach
            return None

    def cell(self, record, row):
        if self.fallback:
            return render_value_in_context(row().get_cell(self.name), self.context)
        value = self.value(record)
        if value in self.empty_values:
            content = self.default
        elif self.date_format is not None:
            content = date_filter(template_localtime(value), self.date_format) or self.default
        else:
            # The optional arguments tables2 offers a renderer (and the link), the row only when asked for.
            arguments = {"value": value, "record": record, "column": self.column, "bound_column": self.bound_column}
            arguments["table"] = self.bound_column._table
            arguments["bound_row"] = row() if self.needs_row else None
            if self.unknown:
                content = None  # tables2 doesn't call a renderer that wants what it can't give
            else:
                content = self.render_fn(**{name: arguments[name] for name in self.args})
            if self.link:
                content = self.link(content, **arguments)
        return render_value_in_context(content, self.context)

    def td_attrs(self, record, content):
        if not self.per_row_attrs:
            return self.td
        self.bound_column.current_record, self.bound_column.current_value = record, content
        return self.bound_column.attrs["td"].as_html()


class BureauTable(tables.Table):
    """Columns sort only where an index backs the order (declared `orderable=True`, with the index on
    the model; tests/bureau/test_lean_lists.py checks): a sort over an unindexed column reads the whole table."""

    class Meta:
        orderable = False
        template_name = "bureau/tables/lean.html"
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("No records match.")

    def __init__(self, *args, orderable=None, **kwargs):
        super().__init__(*args, orderable=orderable, **kwargs)
        if orderable is False:  # a table inside a page (no sorting there), even over sortable columns
            for bound_column in self.columns:
                bound_column.column.orderable = False

    def lean_body(self):
        """The <tr>s of the current page (or of all rows when the table isn't paginated)."""
        records = [row.record for row in (self.page.object_list if hasattr(self, "page") else self.rows)]
        if not records:
            if not self.empty_text:
                return ""
            return format_html('<tr><td colspan="{}">{}</td></tr>', len(self.columns), self.empty_text)
        columns = [_LeanColumn(self, bound_column, records[0]) for bound_column in self.columns]
        lines = []
        for index, record in enumerate(records):
            # tables2's own row, built only for a column that needs it.
            row = functools.cache(functools.partial(BoundRow, record, table=self))
            cells = []
            for column in columns:
                content = column.cell(record, row)
                cells.append((column.td_attrs(record, content), content))
            # tables2's row attributes: "even"/"odd", and Meta.row_attrs when a table declares them
            tr = row().attrs.as_html() if self.row_attrs else f'class="{"odd" if index % 2 else "even"}"'
            lines.append(
                format_html(
                    "<tr {}>{}</tr>",
                    mark_safe(tr),
                    format_html_join("", "<td {}>{}</td>", ((mark_safe(a), c) for a, c in cells)),
                )
            )
        return mark_safe("".join(lines))


class DepartmentTable(BureauTable):
    code = tables.Column(orderable=True)
    name = tables.Column(linkify=True, orderable=True)
    parent = tables.Column(linkify=True)

    class Meta(BureauTable.Meta):
        model = Department
        fields = ("code", "name", "short_name", "kind", "parent", "head", "active")
        order_by = ("sort_order",)


class BuildingTable(BureauTable):
    code = tables.Column(orderable=True)
    name = tables.Column(linkify=True, orderable=True)

    class Meta(BureauTable.Meta):
        model = Building
        fields = ("code", "name", "address", "floors")


class RoomTable(BureauTable):
    number = tables.Column(linkify=True)
    building = tables.Column(linkify=True, orderable=True, order_by=("building__code", "floor", "number"))
    area = tables.Column(orderable=True)

    class Meta(BureauTable.Meta):
        model = Room
        fields = ("building", "floor", "number", "name", "use", "area", "capacity", "active")


class RoomOccupancyTable(BureauTable):
    id = tables.Column(linkify=True, verbose_name="#", orderable=True)
    room = tables.Column(linkify=True)
    department = tables.Column(linkify=True)
    start_date = tables.Column(orderable=True)
    voided_at = tables.Column(verbose_name=_("voided at"))

    class Meta(BureauTable.Meta):
        model = RoomOccupancy
        fields = ("id", "room", "department", "start_date", "end_date", "note", "voided_at")
        order_by = ("-start_date", "-id")


class StaffProfileTable(BureauTable):
    """The people register: the phone masked (个人信息保护法), in the page and in the export alike."""

    name = tables.Column(verbose_name=_("name"), accessor="pk", linkify=lambda record: record.get_absolute_url())
    department = tables.Column(linkify=True, orderable=True, order_by=("department", "id"))
    phone = tables.Column()

    class Meta(BureauTable.Meta):
        model = StaffProfile
        fields = ("name", "department", "title", "rank", "phone")

    def render_name(self, record):
        return person_name(record.user)

    def value_name(self, record):
        return person_name(record.user)

    def render_phone(self, value):
        return mask_phone(value)

    def value_phone(self, value):
        return mask_phone(value)
