"""Reception pages: buttons only for the roles that may press them; the admin pages open."""

import pytest
from django.urls import reverse

from bureau.roles import Role
from meetings.choices import ReceptionStatus
from tests.meetings.factories import (
    ReceptionEscortFactory,
    ReceptionFactory,
    ReceptionGuestFactory,
    ReceptionMealFactory,
    TourStopFactory,
)

pytestmark = pytest.mark.django_db


def test_approve_button_only_for_leadership(world, client):
    reception = ReceptionFactory(host_department=world.own, status=ReceptionStatus.SUBMITTED)
    approve_url = reverse("meetings:reception_approve", args=[reception.pk])
    cancel_url = reverse("meetings:reception_cancel", args=[reception.pk])
    client.force_login(world.users[Role.LEADERSHIP])
    page = client.get(reception.get_absolute_url()).content.decode()
    assert approve_url in page and cancel_url not in page
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(reception.get_absolute_url()).content.decode()
    assert approve_url not in page and cancel_url in page
    client.force_login(world.users[Role.EMPLOYEES])
    page = client.get(reception.get_absolute_url()).content.decode()
    assert approve_url not in page and cancel_url not in page
    assert reverse("meetings:reception_list_pdf", args=[reception.pk]) in page


def test_cancel_page_asks_for_a_reason(world, client):
    reception = ReceptionFactory(host_department=world.own, status=ReceptionStatus.APPROVED)
    client.force_login(world.users[Role.MEETING_CENTRE])
    url = reverse("meetings:reception_cancel", args=[reception.pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    reception.refresh_from_db()
    assert reception.status == ReceptionStatus.APPROVED
    client.post(url, {"reason": "上级通知暂停调研"})
    reception.refresh_from_db()
    assert reception.status == ReceptionStatus.CANCELLED


def test_a_refused_move_is_told_not_applied(world, client):
    reception = ReceptionFactory(host_department=world.own, status=ReceptionStatus.DRAFT)
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = client.post(reverse("meetings:reception_submit", args=[reception.pk]), follow=True)
    assert response.status_code == 200
    assert len(list(response.context["messages"])) == 1
    reception.refresh_from_db()
    assert reception.status == ReceptionStatus.DRAFT  # no named guest yet


def test_admin_pages_open(world, client):
    reception = ReceptionFactory(host_department=world.own)
    objects = [
        reception,
        reception.letter,
        ReceptionGuestFactory(reception=reception),
        ReceptionEscortFactory(reception=reception),
        ReceptionMealFactory(reception=reception),
        TourStopFactory(reception=reception),
    ]
    client.force_login(world.users["superuser"])
    for obj in objects:
        meta = obj._meta
        for url in (
            reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"),
            reverse(f"admin:{meta.app_label}_{meta.model_name}_add"),
            reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]),
        ):
            assert client.get(url).status_code == 200, url
