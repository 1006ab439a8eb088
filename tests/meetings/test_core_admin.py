"""The admin keeps the pages' rules: a meeting holding its room can't be moved onto another meeting."""

import pytest
from django.urls import reverse

from meetings.choices import MeetingStatus as S
from meetings.models import Meeting
from tests.factories import MeetingRoomFactory
from tests.meetings.factories import MeetingFactory, local_dt


def _form_data(meeting, **changes):
    data = {
        "title": meeting.title,
        "host_department": meeting.host_department_id,
        "category": meeting.category,
        "format": meeting.format,
        "venue_room": meeting.venue_room_id,
        "venue_name": "",
        "start_at_0": "2026-12-10",
        "start_at_1": "09:00:00",
        "end_at_0": "2026-12-10",
        "end_at_1": "12:00:00",
        "planned_attendees": meeting.planned_attendees,
        "planned_staff": meeting.planned_staff,
        "budget_lines-TOTAL_FORMS": "0",
        "budget_lines-INITIAL_FORMS": "0",
        "printing_orders-TOTAL_FORMS": "0",
        "printing_orders-INITIAL_FORMS": "0",
        "decisions-TOTAL_FORMS": "0",
        "decisions-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_admin_refuses_to_move_a_booked_meeting_onto_another(world, client):
    room = MeetingRoomFactory()
    other = MeetingFactory(
        venue_room=room, status=S.APPROVED, start_at=local_dt(2026, 12, 10, 9), end_at=local_dt(2026, 12, 10, 12)
    )
    mine = MeetingFactory(
        venue_room=room, status=S.SUBMITTED, start_at=local_dt(2026, 12, 11, 9), end_at=local_dt(2026, 12, 11, 12)
    )
    client.force_login(world.users["superuser"])
    url = reverse("admin:meetings_meeting_change", args=[mine.pk])
    page = client.get(url)
    assert page.status_code == 200
    prefixes = {inline.formset.prefix for inline in page.context["inline_admin_formsets"]}
    data = _form_data(mine)
    for prefix in prefixes:
        data.setdefault(f"{prefix}-TOTAL_FORMS", "0")
        data.setdefault(f"{prefix}-INITIAL_FORMS", "0")
    response = client.post(url, data)
    assert response.status_code == 200  # the form again with the rule, not a database error
    assert other.title in response.content.decode()
    mine.refresh_from_db()
    assert mine.start_at == local_dt(2026, 12, 11, 9)
    # Moved to a free afternoon, it saves.
    data.update({"start_at_1": "14:00:00", "end_at_1": "16:00:00"})
    assert client.post(url, data).status_code == 302
    assert Meeting.objects.get(pk=mine.pk).start_at == local_dt(2026, 12, 10, 14)
