"""Rules that could be walked around (issue 10): the room's capacity (item 5), printing orders only for
approved meetings and due before they start, no submission without a budget (item 6)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bureau.roles import Role
from meetings import services
from meetings.choices import BudgetKind, MeetingCategory, MeetingFormat, PrintingStatus
from meetings.choices import MeetingStatus as S
from meetings.models import Meeting, PrintingOrder
from tests.factories import MeetingRoomFactory
from tests.helpers import error_codes, field_error
from tests.meetings.core_fixtures import standards  # noqa: F401
from tests.meetings.factories import BudgetLineFactory, MeetingFactory, PrintingOrderFactory, local_dt

pytestmark = pytest.mark.usefixtures("standards")


# ---- item 5: the room's capacity ----


def test_a_room_smaller_than_attendees_and_staff_is_refused_by_the_service(world):
    room = MeetingRoomFactory(name="第三会议室", capacity=30)
    with pytest.raises(ValidationError) as caught:
        services.meeting_create(
            actor=world.users[Role.MEETING_CENTRE],
            title="全县森林防火工作会议",
            host_department=world.own,
            category=MeetingCategory.CLASS_3,
            venue_room=room,
            start_at=local_dt(2026, 12, 15, 9),
            end_at=local_dt(2026, 12, 15, 12),
            planned_attendees=43,
            planned_staff=4,
        )
    assert error_codes(caught.value) == {"venue_room": ["venue_too_small"]}
    message = caught.value.message_dict["venue_room"][0]
    assert "30" in message and "47" in message
    assert not Meeting.objects.filter(title="全县森林防火工作会议").exists()


def test_the_request_page_refuses_47_people_in_a_30_seat_room_on_the_field(world, client):
    room = MeetingRoomFactory(name="第三会议室", capacity=30)
    client.force_login(world.users[Role.MEETING_CENTRE])
    data = {
        "title": "全县森林防火工作会议",
        "host_department": world.own.pk,
        "category": MeetingCategory.CLASS_3,
        "format": MeetingFormat.ON_SITE,
        "venue_room": room.pk,
        "start_at": "2026-12-15T09:00",
        "end_at": "2026-12-15T12:00",
        "planned_attendees": "43",
        "planned_staff": "4",
    }
    response = client.post(reverse("meetings:meeting_add"), data)
    message = field_error(response, "venue_room")
    assert "只能容纳30人" in message and "共47人" in message
    assert 'value="全县森林防火工作会议"' in response.content.decode(), "what was typed is kept"
    assert not Meeting.objects.filter(title="全县森林防火工作会议").exists()
    data["planned_attendees"], data["planned_staff"] = "27", "2"
    assert client.post(reverse("meetings:meeting_add"), data).status_code == 302


def test_a_smaller_room_or_more_people_later_is_refused_and_submission_checks_it_again(world):
    room = MeetingRoomFactory(capacity=30)
    meeting = MeetingFactory(host_department=world.own, planned_attendees=25, planned_staff=2, venue_room=room)
    with pytest.raises(ValidationError) as caught:
        services.meeting_update(meeting=meeting, actor=world.users[Role.EMPLOYEES], data={"planned_attendees": 43})
    assert error_codes(caught.value) == {"venue_room": ["venue_too_small"]}
    meeting.refresh_from_db()
    assert meeting.planned_attendees == 25
    # A request saved before the rule (or the room made smaller since) is stopped at submission.
    Meeting.objects.filter(pk=meeting.pk).update(planned_attendees=43)
    BudgetLineFactory(meeting=meeting)
    with pytest.raises(ValidationError) as caught:
        services.meeting_submit(meeting=Meeting.objects.get(pk=meeting.pk), actor=world.users[Role.EMPLOYEES])
    assert error_codes(caught.value) == {"venue_room": ["venue_too_small"]}
    assert Meeting.objects.get(pk=meeting.pk).status == S.DRAFT


def test_a_video_meeting_counts_only_its_own_room_so_is_not_refused(world):
    room = MeetingRoomFactory(capacity=30)
    meeting = services.meeting_create(
        actor=world.users[Role.MEETING_CENTRE],
        title="全县视频调度会",
        host_department=world.own,
        category=MeetingCategory.CLASS_3,
        format=MeetingFormat.VIDEO,
        venue_room=room,
        start_at=local_dt(2026, 12, 15, 9),
        end_at=local_dt(2026, 12, 15, 12),
        planned_attendees=100,
        planned_staff=5,
    )
    assert meeting.pk


# ---- item 6: printing orders and the budget before submission ----


def _order(meeting, **fields):
    values = {
        "meeting": meeting,
        "document": "会议议程",
        "pages": 4,
        "copies": 60,
        "unit_price": Decimal("0.15"),
        "due_at": meeting.start_at - datetime.timedelta(days=1),
        **fields,
    }
    return PrintingOrder(**values)


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.REJECTED, S.IN_PROGRESS, S.HELD])
def test_printing_orders_only_for_approved_or_preparing_meetings(world, status):
    meeting = MeetingFactory(host_department=world.own, status=status)
    with pytest.raises(ValidationError) as caught:
        services.printing_order_save(order=_order(meeting), actor=world.users[Role.MEETING_CENTRE])
    assert error_codes(caught.value) == {"meeting": ["meeting_not_approved"]}
    assert not PrintingOrder.objects.exists()


@pytest.mark.parametrize("status", [S.APPROVED, S.PREPARING])
def test_printing_orders_for_approved_meetings_are_due_before_the_start(world, status):
    meeting = MeetingFactory(host_department=world.own, status=status)
    centre = world.users[Role.MEETING_CENTRE]
    with pytest.raises(ValidationError) as caught:
        services.printing_order_save(order=_order(meeting, due_at=meeting.start_at), actor=centre)
    assert error_codes(caught.value) == {"due_at": ["due_after_start"]}
    assert not PrintingOrder.objects.exists()
    order = services.printing_order_save(order=_order(meeting), actor=centre)
    assert order.pk and order.ordered_by == centre


def test_an_existing_order_is_delivered_during_the_meeting_and_can_not_be_moved_after_its_start(world):
    meeting = MeetingFactory(host_department=world.own, status=S.IN_PROGRESS)
    order = PrintingOrderFactory(meeting=meeting, due_at=meeting.start_at - datetime.timedelta(hours=2))
    centre = world.users[Role.MEETING_CENTRE]
    order.status = PrintingStatus.DELIVERED
    services.printing_order_save(order=order, actor=centre)
    order.due_at = meeting.start_at + datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as caught:
        services.printing_order_save(order=order, actor=centre)
    assert error_codes(caught.value) == {"due_at": ["due_after_start"]}
    order.refresh_from_db()
    assert order.due_at == meeting.start_at - datetime.timedelta(hours=2)


def test_the_printing_page_refuses_on_the_fields(world, client):
    approved = MeetingFactory(
        host_department=world.own,
        status=S.APPROVED,
        start_at=local_dt(2026, 12, 15, 9),
        end_at=local_dt(2026, 12, 15, 12),
    )
    draft = MeetingFactory(host_department=world.own, status=S.DRAFT)
    client.force_login(world.users[Role.MEETING_CENTRE])
    data = {
        "meeting": approved.pk,
        "document": "会议议程",
        "pages": "12",
        "copies": "80",
        "unit_price": "0.15",
        "due_at": "2026-12-15T10:00",
        "status": PrintingStatus.ORDERED,
        "cancel_reason": "",
    }
    response = client.post(reverse("meetings:printingorder_add"), data)
    assert "早于会议开始时间" in field_error(response, "due_at")
    assert "2026-12-15T10:00" in response.content.decode(), "what was typed is kept"
    response = client.post(reverse("meetings:printingorder_add"), {**data, "meeting": draft.pk})
    assert "已批准" in field_error(response, "meeting")
    assert not PrintingOrder.objects.exists()
    tab = client.get(reverse("meetings:meeting_printing", args=[draft.pk])).content.decode()
    assert reverse("meetings:printingorder_add") not in tab, "no way to order for a draft"


def test_a_meeting_with_no_budget_lines_can_not_be_submitted(world, client):
    meeting = MeetingFactory(host_department=world.own)
    staff = world.users[Role.EMPLOYEES]
    with pytest.raises(ValidationError) as caught:
        services.meeting_submit(meeting=meeting, actor=staff)
    assert error_codes(caught.value) == ["no_budget"]
    assert Meeting.objects.get(pk=meeting.pk).status == S.DRAFT
    # A removed (voided) line does not count either; the page says why.
    line = BudgetLineFactory(meeting=meeting, kind=BudgetKind.MEALS)
    services.meeting_budget_save(meeting=meeting, actor=staff, rows=[{"line": line, "void": True}])
    client.force_login(staff)
    response = client.post(reverse("meetings:meeting_submit", args=[meeting.pk]), follow=True)
    assert "没有预算明细的会议不能报批" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == S.DRAFT
    BudgetLineFactory(meeting=meeting, kind=BudgetKind.MEALS)
    services.meeting_submit(meeting=meeting, actor=staff)
    assert Meeting.objects.get(pk=meeting.pk).status == S.SUBMITTED
