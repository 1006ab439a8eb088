"""Service contracts: the contractor is a procurement supplier (PROTECT), the scoring sheet and the
penalty clauses (deficiency → deduction, with a monthly cap)."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from bureau.roles import Role
from property_services.models import PenaltyClause, ServiceContract
from tests.factories import BuildingFactory, DepartmentFactory, make_user
from tests.helpers import field_error
from tests.property_services.factories import service_contract, supplier

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(client_for):
    return client_for(make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory()))


def test_the_administration_centre_enters_a_contract_with_a_procurement_supplier(centre):
    contractor, building = supplier(), BuildingFactory()
    response = centre.post(
        reverse("property_services:servicecontract_add"),
        {
            "title": "行政中心保安服务",
            "contractor": contractor.pk,
            "service_type": "security",
            "buildings": [building.pk],
            "areas": "广场、停车场",
            "monthly_fee": "85000",
            "payment_period": "monthly",
            "start_date": "2025-01-01",
            "end_date": "2027-12-31",
            "pass_score": "80",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    contract = ServiceContract.objects.get()
    assert contract.contractor == contractor and list(contract.buildings.all()) == [building]
    with pytest.raises(ProtectedError):
        contractor.delete()  # a supplier with a service contract stays


def test_a_contract_cannot_end_before_it_starts(centre):
    response = centre.post(
        reverse("property_services:servicecontract_add"),
        {
            "title": "保洁",
            "contractor": supplier().pk,
            "service_type": "cleaning",
            "monthly_fee": "1000",
            "payment_period": "monthly",
            "start_date": "2025-01-01",
            "end_date": "2024-12-31",
            "pass_score": "80",
        },
    )
    assert "结束日期" in field_error(response, "end_date") or field_error(response, "end_date")
    assert not ServiceContract.objects.exists()


def test_a_penalty_clause_caps_at_least_one_deduction(centre):
    contract = service_contract()
    response = centre.post(
        reverse("property_services:penaltyclause_add"),
        {"contract": contract.pk, "deficiency": "保安脱岗", "deduction": "500", "monthly_cap": "200"},
    )
    assert field_error(response, "monthly_cap")
    assert not PenaltyClause.objects.exists()
    response = centre.post(
        reverse("property_services:penaltyclause_add"),
        {"contract": contract.pk, "deficiency": "保安脱岗", "deduction": "200", "monthly_cap": "2000"},
    )
    assert response.status_code == 302
    assert contract.penalty_clauses.get().monthly_cap == 2000
