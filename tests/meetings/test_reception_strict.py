"""Receptions as strict as meetings (issue 10, item 3, in part): the leader can return a submitted
reception with a comment (退回) as well as approve it, and "done" is refused before the guests arrive."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bureau.roles import Role
from meetings.choices import ReceptionStatus
from meetings.models import Reception
from meetings.services import reception as services
from tests.helpers import error_codes
from tests.meetings.factories import ReceptionFactory, ReceptionGuestFactory

pytestmark = pytest.mark.django_db
S = ReceptionStatus


def test_the_leader_returns_a_submitted_reception_with_a_comment(world, client):
    reception = ReceptionFactory(host_department=world.own, status=S.SUBMITTED)
    ReceptionGuestFactory(reception=reception)
    leader, centre = world.users[Role.LEADERSHIP], world.users[Role.MEETING_CENTRE]
    with pytest.raises(ValidationError) as caught:
        services.reception_send_back(reception=reception, actor=leader, reason="  ")
    assert error_codes(caught.value) == {"reason": ["reason_required"]}
    with pytest.raises(ValidationError) as caught:
        services.reception_send_back(reception=reception, actor=centre, reason="自行退回")
    assert error_codes(caught.value) == ["no_permission"]
    assert Reception.objects.get(pk=reception.pk).status == S.SUBMITTED

    client.force_login(leader)
    page = client.get(reception.get_absolute_url()).content.decode()
    assert reverse("meetings:reception_send_back", args=[reception.pk]) in page
    client.post(reverse("meetings:reception_send_back", args=[reception.pk]), {"reason": "陪餐人数超标，请核减"})
    reception.refresh_from_db()
    assert reception.status == S.DRAFT
    record = reception.history.first()
    assert (record.history_user, record.history_change_reason) == (leader, "陪餐人数超标，请核减")
    # The meeting centre corrects and submits again.
    services.reception_update(reception=reception, actor=centre, guest_count=5)
    services.reception_submit(reception=reception, actor=centre)
    assert Reception.objects.get(pk=reception.pk).status == S.SUBMITTED


def test_done_is_refused_before_the_guests_arrive(world):
    today = timezone.localdate()
    reception = ReceptionFactory(
        host_department=world.own,
        status=S.APPROVED,
        arrival_date=today + datetime.timedelta(days=1),
        departure_date=today + datetime.timedelta(days=2),
    )
    centre = world.users[Role.MEETING_CENTRE]
    with pytest.raises(ValidationError) as caught:
        services.reception_complete(reception=reception, actor=centre)
    assert error_codes(caught.value) == ["not_arrived"]
    assert (today + datetime.timedelta(days=1)).isoformat() in caught.value.messages[0]
    assert Reception.objects.get(pk=reception.pk).status == S.APPROVED
    Reception.objects.filter(pk=reception.pk).update(arrival_date=today)
    services.reception_complete(reception=Reception.objects.get(pk=reception.pk), actor=centre)
    assert Reception.objects.get(pk=reception.pk).status == S.DONE
