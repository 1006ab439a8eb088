"""The challenge pages as a user meets them: filing by batch number and credit code, a late
challenge refused on its field with the rule and what was typed kept, the steps, and scoping."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from bureau.roles import Role
from procurement.models import Challenge
from tests.factories import DepartmentFactory, make_user
from tests.procurement.factories_oversight import BatchFactory, ChallengeFactory, RequestFactory, SupplierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(client):
    client.force_login(make_user(roles=[Role.PROCUREMENT_CENTRE]))
    return client


def form(batch, supplier, received_on):
    return {
        "batch_number": batch.number,
        "supplier_credit_code": supplier.credit_code.lower(),
        "subject": "result",
        "knew_on": "2026-09-29",
        "received_on": received_on,
        "grounds": "评分不公",
        "suspends_signing": "on",
    }


def test_filing_a_challenge_then_replying(centre):
    batch, supplier = BatchFactory(), SupplierFactory()
    response = centre.post(reverse("procurement:challenge_add"), form(batch, supplier, "2026-10-14"))
    challenge = Challenge.objects.get()
    assert response.status_code == 302 and response["Location"] == challenge.get_absolute_url()
    page = centre.get(challenge.get_absolute_url()).content.decode()
    assert "2026-10-14" in page and "第五十二条" in page and "第五十三条" in page
    response = centre.post(
        reverse("procurement:challenge_reply", args=[challenge.pk]),
        {"replied_on": "2026-10-20", "outcome": "dismissed", "reply": "经复核，评审无误。"},
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.status == "replied"


def test_a_late_challenge_is_refused_on_its_field_in_chinese(centre):
    batch, supplier = BatchFactory(), SupplierFactory()
    with translation.override("zh-hans"):
        response = centre.post(
            reverse("procurement:challenge_add"), form(batch, supplier, "2026-10-15"), HTTP_ACCEPT_LANGUAGE="zh-hans"
        )
    assert response.status_code == 200
    form_obj = response.context["form"]
    assert "received_on" in form_obj.errors
    assert "第五十二条" in form_obj.errors["received_on"][0] and "2026-10-14" in form_obj.errors["received_on"][0]
    assert form_obj["grounds"].value() == "评分不公"
    assert not Challenge.objects.exists()


def test_unknown_batch_and_supplier_are_field_errors(centre):
    response = centre.post(
        reverse("procurement:challenge_add"),
        {
            **form(BatchFactory(), SupplierFactory(), "2026-10-10"),
            "batch_number": "NO-SUCH",
            "supplier_credit_code": "91430000000000000X",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"batch_number", "supplier_credit_code"}


def test_a_department_head_sees_only_challenges_of_their_batches(client):
    own = DepartmentFactory()
    batch = BatchFactory()
    RequestFactory(purchasing_department=own, batch=batch, status="batched")
    mine, theirs = ChallengeFactory(batch=batch, grounds="我的"), ChallengeFactory(grounds="别人的")
    client.force_login(make_user(roles=[Role.DEPARTMENT_HEADS], department=own))
    page = client.get(reverse("procurement:challenge_list")).content.decode()
    assert str(mine.batch.number) in page and str(theirs.batch.number) not in page
    assert client.get(reverse("procurement:challenge", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("procurement:challenge_reply", args=[mine.pk])).status_code == 403


def test_the_reply_column_shows_the_deadline_and_overdue_state(centre):
    ChallengeFactory(received_on=datetime.date(2026, 9, 30), knew_on=datetime.date(2026, 9, 29))
    page = centre.get(reverse("procurement:challenge_list")).content.decode()
    assert "2026-10-15" in page and "text-bg-danger" in page
