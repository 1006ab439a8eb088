"""The procurement pages as people use them: bad input comes back on the field in Chinese, what was
typed kept, nothing saved; the clocks show their deadlines and the calendar warning."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from bureau.roles import Role
from procurement.choices import BatchStatus, ContractStatus, RequestStatus
from procurement.hooks import Advice, register_request_advisor, unregister_request_advisor
from procurement.models import Contract, Payment, ProcurementRequest, Supplier
from tests.helpers import field_error, pdf_text
from tests.procurement.factories import BatchFactory, ContractFactory, awarded_lot

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(world, client):
    client.force_login(world.users[Role.PROCUREMENT_CENTRE])
    return client


SUPPLIER = {"name": "怀化市测试科技有限公司", "is_sme": "on", "active": "on"}


@pytest.mark.parametrize(
    ("code", "expected"),
    [("91110000600037341A", "校验码"), ("9111000060003734", "18 位"), ("91110000600037341LX", "18 位")],
)
def test_a_wrong_credit_code_is_refused_on_the_field_in_chinese_and_kept(centre, code, expected):
    response = centre.post(reverse("procurement:supplier_add"), {**SUPPLIER, "credit_code": code})
    assert expected in field_error(response, "credit_code")
    assert f'value="{code}"' in response.content.decode()
    assert not Supplier.objects.exists()


def test_a_valid_credit_code_typed_in_lower_case_is_saved_upper_case(centre):
    response = centre.post(reverse("procurement:supplier_add"), {**SUPPLIER, "credit_code": "91110000600037341l"})
    assert response.status_code == 302
    assert Supplier.objects.get().credit_code == "91110000600037341L"


def _request_post(world):
    return {
        "purchasing_department": world.own.pk,
        "item": "台式计算机",
        "category": "goods",
        "catalogue_code": "A02010104",
        "quantity": "5",
        "unit": "台",
        "budget": "30000",
        "funding_source": "fiscal",
        "planned_start": "2026-06-01",
        "intention_published_on": "2026-04-01",
    }


def test_an_employee_files_a_request_and_the_idle_asset_advice_asks_for_a_reason(world, client):
    client.force_login(world.users[Role.EMPLOYEES])

    def advisor(*, catalogue_code, department, quantity):
        return Advice(message="公物仓有 3 件同类闲置资产可调剂", items=(("台式计算机 #17", "/assets/17/"),))

    register_request_advisor(advisor)
    try:
        response = client.post(reverse("procurement:procurementrequest_add"), _request_post(world))
        assert "公物仓有 3 件" in field_error(response, "idle_asset_reason")
        assert 'href="/assets/17/"' in response.content.decode()
        assert not ProcurementRequest.objects.exists()
        data = {**_request_post(world), "idle_asset_reason": "闲置设备型号过旧，不能满足需要"}
        response = client.post(reverse("procurement:procurementrequest_add"), data)
        assert response.status_code == 302
    finally:
        unregister_request_advisor(advisor)
    pr = ProcurementRequest.objects.get()
    assert pr.purchasing_department == world.own and pr.status == RequestStatus.DRAFT


def test_a_late_intention_is_refused_on_its_field(world, client):
    client.force_login(world.users[Role.EMPLOYEES])
    data = {**_request_post(world), "intention_published_on": "2026-05-20"}
    response = client.post(reverse("procurement:procurementrequest_add"), data)
    assert "财库〔2020〕10号" in field_error(response, "intention_published_on")


def test_a_contract_above_its_award_is_refused_on_the_amount(world, centre):
    lot, award = awarded_lot(world.own, price=Decimal("92000"))
    data = {"purchasing_department": world.own.pk, "amount": "92000.01", "title": "合同"}
    response = centre.post(reverse("procurement:lot_contract_add", args=[lot.pk]), data)
    assert "超过中标金额" in field_error(response, "amount")
    assert not Contract.objects.exists()
    data["amount"] = "92000"
    response = centre.post(reverse("procurement:lot_contract_add", args=[lot.pk]), data)
    assert response.status_code == 302 and Contract.objects.get().status == ContractStatus.DRAFT


def test_a_payment_above_the_contract_is_refused_on_the_amount(world, client):
    client.force_login(world.users[Role.FINANCE])
    contract = ContractFactory(amount=Decimal("1000.00"))
    url = reverse("procurement:contract_payment_add", args=[contract.pk])
    response = client.post(url, {"amount": "1000.01", "paid_on": "2026-06-01"})
    assert "超过合同金额" in field_error(response, "amount")
    assert not Payment.objects.exists()


def test_an_award_to_a_blocked_supplier_is_refused_on_the_form(world, centre):
    from tests.procurement.factories import BadConductRecordFactory, BidFactory, LotFactory

    lot = LotFactory(batch=BatchFactory(status=BatchStatus.EVALUATED))
    bid = BidFactory(lot=lot)
    BadConductRecordFactory(supplier=bid.supplier, in_force_from=datetime.date(2026, 1, 1), in_force_to=None)
    response = centre.post(reverse("procurement:lot_award", args=[lot.pk]), {"bid": bid.pk, "decided_on": "2026-06-01"})
    assert "不良行为记录" in field_error(response, "bid")
    assert not lot.awards.exists()


def test_the_batch_page_shows_its_clocks_and_the_2027_warning(world, centre):
    batch = BatchFactory(status=BatchStatus.EVALUATED, evaluation_ended_on=datetime.date(2027, 3, 1))
    html = centre.get(batch.get_absolute_url()).content.decode()
    assert "实施条例 第四十三条第一款" in html and "2027-03-03" in html
    assert "calendar-warning" in html and "2027" in html


def test_the_contract_page_shows_an_overdue_signature(world, centre):
    contract = ContractFactory(status=ContractStatus.DRAFT, signed_on=None, published_on=None)
    contract.batch.award_notice_on = datetime.date(2026, 1, 5)
    contract.batch.save()
    html = centre.get(contract.get_absolute_url()).content.decode()
    assert "政府采购法 第四十六条" in html and "deadline-overdue" in html and "2026-02-04" in html


def test_a_department_sees_its_own_contracts_only(world, client):
    own = ContractFactory(purchasing_department=world.own)
    other = ContractFactory(purchasing_department=world.other)
    client.force_login(world.users[Role.DEPARTMENT_HEADS])
    html = client.get(reverse("procurement:contract_list")).content.decode()
    assert own.number in html and other.number not in html
    assert client.get(other.get_absolute_url()).status_code == 404


def test_the_contract_summary_prints_the_amount_in_capitals(world, centre, tmp_path):
    contract = ContractFactory(amount=Decimal("92000.50"))
    response = centre.get(reverse("procurement:contract_pdf", args=[contract.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "人民币玖万贰仟元伍角" in text.replace(" ", "").replace("\n", "")
    assert contract.supplier.credit_code in text
