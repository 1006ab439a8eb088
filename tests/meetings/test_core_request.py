"""meeting_create / meeting_update: the page form and the admin save the request through the same
service, so both keep the status rule, the category limits and the budget caps."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bureau.roles import Role
from meetings import services
from meetings.choices import BudgetKind, MeetingCategory
from meetings.choices import MeetingStatus as S
from meetings.models import Meeting
from meetings.rules import meeting_editable_by
from tests.meetings.core_fixtures import standards  # noqa: F401
from tests.meetings.factories import BudgetLineFactory, MeetingFactory, local_dt

pytestmark = pytest.mark.usefixtures("standards")


def _admin_data(meeting, client, url, **changes):
    data = {
        "title": meeting.title,
        "host_department": meeting.host_department_id,
        "category": meeting.category,
        "format": meeting.format,
        "venue_room": meeting.venue_room_id or "",
        "venue_name": "",
        "start_at_0": "2026-12-15",
        "start_at_1": "09:00:00",
        "end_at_0": "2026-12-15",
        "end_at_1": "12:00:00",
        "planned_attendees": meeting.planned_attendees,
        "planned_staff": meeting.planned_staff,
    }
    page = client.get(url)
    for inline in page.context["inline_admin_formsets"]:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = "0"
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = "0"
    data.update(changes)
    return data


def _approved_with_budget(world):
    meeting = MeetingFactory(
        host_department=world.own,
        status=S.APPROVED,
        start_at=local_dt(2026, 12, 15, 9),
        end_at=local_dt(2026, 12, 15, 12),
    )
    # 三类: 550 yuan per person-day; 55 people × 1 day = 30,250 yuan; 30,000 requested and approved.
    BudgetLineFactory(
        meeting=meeting, kind=BudgetKind.MEALS, requested=Decimal("30000.00"), approved=Decimal("30000.00")
    )
    return meeting


def test_the_admin_keeps_the_budget_cap(world, client):
    meeting = _approved_with_budget(world)
    client.force_login(world.users["superuser"])
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    response = client.post(url, _admin_data(meeting, client, url, planned_attendees="40", planned_staff="4"))
    assert response.status_code == 200, "the form again, with the rule"
    assert "24200" in response.content.decode().replace(",", "")  # 44 people × 550 yuan: the new cap, named
    meeting.refresh_from_db()
    assert meeting.planned_attendees == 50
    response = client.post(url, _admin_data(meeting, client, url, title="全县教育工作会议（调整）"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "全县教育工作会议（调整）"
    assert meeting.history.first().history_user == world.users["superuser"]


def test_the_admin_keeps_the_category_limits_and_the_status_rule(world, client):
    client.force_login(world.users["superuser"])
    draft = MeetingFactory(host_department=world.own, category=MeetingCategory.CLASS_4)
    url = reverse("admin:meetings_meeting_change", args=[draft.pk])
    response = client.post(url, _admin_data(draft, client, url, planned_attendees="80"))
    assert response.status_code == 200 and "四类会议" in response.content.decode()
    held = MeetingFactory(host_department=world.own, status=S.HELD)
    url = reverse("admin:meetings_meeting_change", args=[held.pk])
    response = client.post(url, _admin_data(held, client, url, title="会后改名"))
    assert response.status_code == 200 and "不能再修改" in response.content.decode()
    held.refresh_from_db()
    assert held.title != "会后改名"


def test_a_meeting_added_in_the_admin_is_created_by_the_service(world, client):
    root = world.users["superuser"]
    client.force_login(root)
    url = reverse("admin:meetings_meeting_add")
    template = MeetingFactory.build(host_department=world.own, venue_room=None, title="全县防汛工作会议")
    data = _admin_data(template, client, url, venue_name="县委党校报告厅", format="on_site")
    assert client.post(url, data).status_code == 302
    meeting = Meeting.objects.get(title="全县防汛工作会议")
    assert meeting.created_by == root and meeting.status == S.DRAFT
    assert meeting.history.get().history_user == root


def test_meeting_update_follows_who_may_edit_at_which_status(world):
    staff, centre = world.users[Role.EMPLOYEES], world.users[Role.MEETING_CENTRE]
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED)
    assert not meeting_editable_by(staff, meeting) and meeting_editable_by(centre, meeting)
    with pytest.raises(ValidationError) as caught:
        services.meeting_update(meeting=meeting, actor=staff, data={"title": "部门自行改名"})
    assert caught.value.code == "meeting_locked"
    services.meeting_update(meeting=meeting, actor=centre, data={"title": "会务中心改名"})
    assert meeting.title == "会务中心改名", "the caller's object follows"
    meeting.refresh_from_db()
    assert meeting.title == "会务中心改名" and meeting.history.first().history_user == centre


def test_meeting_create_refuses_what_the_category_forbids_on_the_field(world):
    with pytest.raises(ValidationError) as caught:
        services.meeting_create(
            actor=world.users[Role.EMPLOYEES],
            title="超规模会议",
            host_department=world.own,
            category=MeetingCategory.CLASS_4,
            format="video",
            start_at=local_dt(2026, 12, 15, 9),
            end_at=local_dt(2026, 12, 15, 12),
            planned_attendees=80,
            planned_staff=0,
        )
    codes = {field: [error.code for error in errors] for field, errors in caught.value.error_dict.items()}
    assert codes == {"planned_attendees": ["over_limit"]}
    assert not Meeting.objects.filter(title="超规模会议").exists()
