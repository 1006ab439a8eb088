"""The demo's repair line: about 250 tickets, most confirmed with a rating, a few still open."""

from io import StringIO

import pytest
from django.core.management import call_command

from property_services.choices import RepairStatus
from property_services.models import RepairTicket

pytestmark = pytest.mark.django_db


def test_the_demo_has_about_250_tickets_most_of_them_rated():
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out)
    assert "250 repair tickets" in out.getvalue()
    confirmed = RepairTicket.objects.filter(status=RepairStatus.CONFIRMED)
    assert confirmed.count() > 200 and not confirmed.filter(rating=None).exists()
    assert RepairTicket.objects.open().exists() and RepairTicket.objects.overdue().exists()
    assert {"web", "qr", "hotline"} == set(RepairTicket.objects.values_list("source", flat=True))
