"""Formula-safe CSV and Excel exports of a django-tables2 table (the one export every list uses).

A spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula, so a title like `=HYPERLINK("http://…"&A1,"点击")` typed into a form would run on the
reader's machine (CSV injection, OWASP). Such text is written as text: in CSV with a leading
apostrophe (OWASP's rule), in Excel as a string cell with the text unchanged.
"""

import re

from django_tables2.export import TableExport
from openpyxl.cell.rich_text import CellRichText
from tablib import Dataset

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain number such as "-12.50" is not a formula; left alone so it stays a number.
PLAIN_NUMBER = re.compile(r"[+-]?\d[\d,]*(\.\d+)?")


def reads_as_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value)


def _as_text(value, export_format):
    if not reads_as_formula(value):
        return value
    if export_format == TableExport.XLSX:
        # openpyxl stores a str starting with "=" as a formula; rich text is always a string cell.
        return CellRichText([value])
    return "'" + value


def formula_safe_dataset(dataset, export_format):
    """A copy of a tablib Dataset with every formula-looking text made text for `export_format`."""
    rows = [[_as_text(value, export_format) for value in row] for row in dataset]
    return Dataset(*rows, headers=dataset.headers, title=dataset.title)


class SafeTableExport(TableExport):
    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        return formula_safe_dataset(super().table_to_dataset(table, exclude_columns, dataset_kwargs), self.format)


def rows_export_response(request, *, rows, title, filename, export_format="xlsx"):
    """A download of `rows` ([headers, row, …]) as Excel (or CSV), formula-safe and in the audit log:
    what a chart's numbers or a report's table export through."""
    from django.http import HttpResponse

    from bureau.audit import audit_export

    headers, *body = rows
    dataset = formula_safe_dataset(
        Dataset(*[list(row) for row in body], headers=[str(h) for h in headers]), export_format
    )
    dataset.title = str(title)[:31]  # Excel's limit for a sheet name
    audit_export(request, target=f"{title} ({export_format})")
    content_types = {
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "text/csv; charset=utf-8",
    }
    response = HttpResponse(dataset.export(export_format), content_type=content_types[export_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
    return response
