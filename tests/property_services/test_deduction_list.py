"""The deduction list (财政直接代扣): Excel and PDF read back, draft → sent → confirmed, heads see their lines;
and the fee pages' refusals (a rate without a date, a month that hasn't ended)."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from bureau.models import AuditEntry
from bureau.roles import Role
from property_services import tasks
from property_services.choices import DeductionListStatus
from property_services.models import BillingRun, DeductionList, FeeRate
from property_services.services.fees import fee_month_bill
from tests.factories import DepartmentFactory, make_user
from tests.helpers import field_error, pdf_fonts, pdf_text
from tests.property_services.factories import office, standard_rates

NOVEMBER = datetime.date(2025, 11, 1)

pytestmark = pytest.mark.django_db


@pytest.fixture
def billed():
    standard_rates()
    education = DepartmentFactory(code="EDU", name="中方县教育局")
    sly = DepartmentFactory(code="EVIL", name='=HYPERLINK("http://x","点击")')
    office(education)
    office(education)
    office(sly, start=datetime.date(2025, 11, 16))
    fee_month_bill(month=NOVEMBER, actor=None)
    return DeductionList.objects.get(month=NOVEMBER), education, sly


def test_the_deduction_list_reads_back_from_its_excel_file(billed, client_for):
    deduction_list, education, sly = billed
    finance = make_user(roles=[Role.FINANCE], department=DepartmentFactory())
    response = client_for(finance).get(reverse("property_services:deductionlist_excel", args=[deduction_list.pk]))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == ["代码", "单位"]
    by_code = {row[0]: row for row in rows[1:] if row[0]}
    # Two rooms the whole month: 600 + 300; one room from the 16th: 150 + 75.
    assert [Decimal(str(v)) for v in by_code["EDU"][3:]] == [Decimal("600"), Decimal("300"), 0, Decimal("900")]
    assert [Decimal(str(v)) for v in by_code["EVIL"][3:]] == [Decimal("150"), Decimal("75"), 0, Decimal("225")]
    # A name that looks like a formula stays text.
    evil_cell = next(row for row in sheet.iter_rows() if row[0].value == "EVIL")[1]
    assert evil_cell.data_type == "s" and str(evil_cell.value) == sly.name
    assert Decimal(str(rows[-2][-1])) == Decimal("1125.00")
    assert rows[-1][-1] == "人民币壹仟壹佰贰拾伍元整"
    assert AuditEntry.objects.filter(target__contains="xlsx").exists()


def test_the_deduction_list_pdf_for_signature_has_the_amounts_in_capitals_and_an_embedded_cjk_font(
    billed, client_for, tmp_path
):
    deduction_list, education, sly = billed
    finance = make_user(roles=[Role.FINANCE], department=DepartmentFactory())
    response = client_for(finance).get(reverse("property_services:deductionlist_pdf", args=[deduction_list.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "2025-11" in text and "中方县教育局" in text
    assert "1125.00" in text and "人民币壹仟壹佰贰拾伍元整" in text
    fonts = pdf_fonts(response.content, tmp_path)
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts


def test_the_list_goes_draft_sent_confirmed_by_finance(billed, client_for):
    deduction_list, *_ = billed
    client = client_for(make_user(roles=[Role.FINANCE], department=DepartmentFactory()))
    assert deduction_list.status == DeductionListStatus.DRAFT
    client.post(reverse("property_services:deductionlist_send", args=[deduction_list.pk]))
    deduction_list.refresh_from_db()
    assert deduction_list.status == DeductionListStatus.SENT
    client.post(reverse("property_services:deductionlist_confirm", args=[deduction_list.pk]))
    deduction_list.refresh_from_db()
    assert deduction_list.status == DeductionListStatus.CONFIRMED


def test_a_department_head_sees_their_own_line_only(billed, client_for):
    deduction_list, education, sly = billed
    head = make_user(roles=[Role.DEPARTMENT_HEADS], department=education)
    page = client_for(head).get(reverse("property_services:deductionline_list")).content.decode()
    assert "中方县教育局" in page and "HYPERLINK" not in page
    charges = client_for(head).get(reverse("property_services:feecharge_list")).content.decode()
    assert "900" not in charges or "中方县教育局" in charges
    assert "HYPERLINK" not in charges


def test_a_rate_without_a_date_is_refused_on_the_field(client_for):
    finance = make_user(roles=[Role.FINANCE], department=DepartmentFactory())
    response = client_for(finance).post(
        reverse("property_services:feerate_add"), {"fee_type": "air_conditioning", "monthly_rate": "300", "note": "x"}
    )
    assert field_error(response, "valid_from") == "收费标准必须填写执行日期。"
    assert not FeeRate.objects.exists()


def test_a_rate_in_a_billed_month_is_refused(billed, client_for):
    finance = make_user(roles=[Role.FINANCE], department=DepartmentFactory())
    response = client_for(finance).post(
        reverse("property_services:feerate_add"),
        {"fee_type": "air_conditioning", "monthly_rate": "400", "valid_from": "2025-11-20"},
    )
    assert "2025-11" in field_error(response, "valid_from")
    assert not FeeRate.objects.filter(monthly_rate=400).exists()


def test_billing_from_the_page(client_for, django_capture_on_commit_callbacks, monkeypatch):
    standard_rates()
    office(DepartmentFactory(code="EDU"))
    client = client_for(make_user(roles=[Role.FINANCE], department=DepartmentFactory()))
    today = datetime.date.today()
    response = client.post(reverse("property_services:billing"), {"month": f"{today.year}-{today.month:02d}"})
    assert "尚未结束" in field_error(response, "month")
    assert not BillingRun.objects.exists()

    # The page sends the task once the request's transaction commits; here it runs in this process
    # (a worker runs it where a broker is configured: test_fees_worker).
    sent = []
    monkeypatch.setattr(
        tasks.fee_month_bill, "delay", lambda *args: sent.append(args) or tasks.fee_month_bill.apply(args)
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("property_services:billing"), {"month": "2025-11"})
    assert response.status_code == 302
    assert sent and sent[0][0] == "2025-11"  # the month is the task's argument
    run = BillingRun.objects.get(month=NOVEMBER)
    assert (run.departments, run.total) == (1, Decimal("450.00"))
