"""Personal information: reception guests' and escorts' mobile numbers are masked on the page."""

import pytest
from django.urls import reverse

from bureau.masking import mask_phone
from bureau.roles import Role
from tests.meetings.factories import ReceptionEscortFactory, ReceptionFactory, ReceptionGuestFactory


def test_mask_phone_keeps_the_prefix_and_the_last_four_digits():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0745-2345678") == "074*****5678"
    assert mask_phone("12345") == "***45"
    assert mask_phone("") == ""


@pytest.mark.django_db
def test_a_receptions_guests_and_escorts_show_masked_numbers(world, client):
    reception = ReceptionFactory(host_department=world.own)
    ReceptionGuestFactory(reception=reception, phone="13812345678")
    ReceptionEscortFactory(reception=reception, phone="13987654321")
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(reverse("meetings:reception", args=[reception.pk])).content.decode()
    assert "138****5678" in page and "139****4321" in page
    assert "13812345678" not in page and "13987654321" not in page
