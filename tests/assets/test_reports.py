"""Reports: totals at a date and the annual state-asset report as PDF (CJK font embedded) and Excel."""

import datetime
import io
from decimal import Decimal as D

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from assets import selectors
from bureau.roles import Role
from tests.assets.factories import AssetFactory, asset_class
from tests.factories import DepartmentFactory, make_user
from tests.helpers import pdf_fonts, pdf_text

pytestmark = pytest.mark.django_db


def test_totals_by_class_at_a_date():
    unit = DepartmentFactory(name="县民政局")
    AssetFactory(owning_unit=unit, original_value=D("6000.00"), acquired_on=datetime.date(2024, 3, 15))
    AssetFactory(
        owning_unit=unit,
        asset_class=asset_class("3010000"),
        original_value=D("50000.00"),
        acquired_on=datetime.date(2020, 1, 1),
    )
    rows = {key: rest for key, *rest in selectors.totals_at(datetime.date(2024, 12, 31), group_by="top_class")}
    assert rows["2 设备"] == [1, D("6000.00"), D("833.30"), D("5166.70")]
    assert rows["3 文物和陈列品"] == [1, D("50000.00"), D("0.00"), D("50000.00")]


def test_annual_report_pdf_reads_back_with_an_embedded_cjk_font(client, tmp_path):
    unit = DepartmentFactory(name="中方县机关事务管理局")
    AssetFactory(
        owning_unit=unit,
        name="县会议中心",
        asset_class=asset_class("1010200"),
        original_value=D("12000000.00"),
        acquired_on=datetime.date(2012, 8, 1),
    )
    client.force_login(make_user(roles=[Role.FINANCE], department=unit, username="fin"))
    year = datetime.date.today().year - 1
    response = client.get(reverse("assets:annual_report_pdf", args=[year]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    # 2012-08 to 2025-12 is 161 months of a 50-year life: 12,000,000 / 600 = 20,000.00 a month.
    assert "房屋和构筑物" in text and "管理局" in text and "12000000.00" in text and "3220000.00" in text
    fonts = pdf_fonts(response.content, tmp_path)
    assert "CJK" in fonts and " yes " in fonts  # embedded (subset)

    response = client.get(reverse("assets:annual_report_xlsx", args=[year]))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] and book.worksheets[0]["A2"].value == "1 房屋和构筑物"
