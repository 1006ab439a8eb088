"""A changed meeting is approved again (issue 10, item 1): changing an approved term of an approved
meeting — category, size, dates, venue — sends it back to the approver through the workflow, on the
page, in the admin and through the service alike; the approved budget is fixed by the approval and
changes only after the meeting centre sends the meeting back. Both decisions stay on record."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bureau.roles import Role
from meetings import services
from meetings.choices import ApprovalDecisionKind, BudgetKind, MeetingCategory, MeetingFormat
from meetings.choices import MeetingStatus as S
from meetings.models import ApprovalDecision, BudgetLine, Meeting
from tests.helpers import error_codes
from tests.meetings.core_fixtures import standards  # noqa: F401
from tests.meetings.factories import BudgetLineFactory, MeetingFactory, local_dt
from tests.meetings.test_core_request import _admin_data

pytestmark = pytest.mark.usefixtures("standards")


def approved_meeting(world):
    """A 三类 meeting for 50 + 5 people on 2026-12-15, submitted with its budget and approved by the leader."""
    meeting = MeetingFactory(
        host_department=world.own,
        category=MeetingCategory.CLASS_3,
        start_at=local_dt(2026, 12, 15, 9),
        end_at=local_dt(2026, 12, 15, 12),
    )
    BudgetLineFactory(meeting=meeting, kind=BudgetKind.MEALS, requested=Decimal("5000.00"))
    services.meeting_submit(meeting=meeting, actor=world.users[Role.EMPLOYEES])
    services.meeting_approve(meeting=meeting, actor=world.users[Role.LEADERSHIP], comment="同意召开")
    assert meeting.status == S.APPROVED
    return meeting


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("category", MeetingCategory.CLASS_2),
        ("planned_attendees", 55),
        ("planned_staff", 2),
        ("start_at", local_dt(2026, 12, 15, 8)),
        ("end_at", local_dt(2026, 12, 15, 17)),
        ("venue_room", None),
    ],
)
def test_changing_an_approved_term_sends_the_meeting_back_for_approval(world, field, value):
    meeting = approved_meeting(world)
    centre = world.users[Role.MEETING_CENTRE]
    data = {field: value}
    if field == "venue_room":
        data["venue_name"] = "县委党校报告厅"
    services.meeting_update(meeting=meeting, actor=centre, data=data)
    meeting.refresh_from_db()
    assert meeting.status == S.SUBMITTED
    record = meeting.history.first()
    assert record.history_user == centre and record.status == S.SUBMITTED
    assert str(Meeting._meta.get_field(field).verbose_name) in record.history_change_reason


def test_a_change_outside_the_approved_terms_keeps_the_approval(world):
    meeting = approved_meeting(world)
    services.meeting_update(meeting=meeting, actor=world.users[Role.MEETING_CENTRE], data={"title": "全县教育大会"})
    meeting.refresh_from_db()
    assert (meeting.title, meeting.status) == ("全县教育大会", S.APPROVED)


def test_a_meeting_being_prepared_goes_back_too_and_the_history_shows_both_decisions(world, client):
    meeting = approved_meeting(world)
    centre, leader = world.users[Role.MEETING_CENTRE], world.users[Role.LEADERSHIP]
    services.meeting_start_preparing(meeting=meeting, actor=centre)
    services.meeting_update(meeting=meeting, actor=centre, data={"planned_attendees": 52})
    assert Meeting.objects.get(pk=meeting.pk).status == S.SUBMITTED
    services.meeting_reject(meeting=meeting, actor=leader, comment="人数变化需说明理由")
    services.meeting_submit(meeting=meeting, actor=centre)
    services.meeting_approve(meeting=meeting, actor=leader, comment="同意调整")
    decisions = list(ApprovalDecision.objects.filter(meeting=meeting).order_by("decided_at", "id"))
    assert [(d.decision, d.comment) for d in decisions] == [
        (ApprovalDecisionKind.APPROVE, "同意召开"),
        (ApprovalDecisionKind.REJECT, "人数变化需说明理由"),
        (ApprovalDecisionKind.APPROVE, "同意调整"),
    ]
    client.force_login(centre)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "同意召开" in page and "同意调整" in page
    statuses = list(meeting.history.order_by("history_date", "history_id").values_list("status", flat=True))
    assert statuses[-6:] == [S.PREPARING, S.PREPARING, S.SUBMITTED, S.REJECTED, S.SUBMITTED, S.APPROVED]


def test_the_edit_page_sends_an_approved_meeting_back(world, client):
    meeting = approved_meeting(world)
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        {
            "title": meeting.title,
            "host_department": world.own.pk,
            "category": MeetingCategory.CLASS_3,
            "format": MeetingFormat.ON_SITE,
            "venue_room": meeting.venue_room_id,
            "start_at": "2026-12-15T09:00",
            "end_at": "2026-12-15T12:00",
            "planned_attendees": "30",
            "planned_staff": "3",
        },
        follow=True,
    )
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert (meeting.planned_attendees, meeting.status) == (30, S.SUBMITTED)
    assert "已批准的事项有变更" in response.content.decode()


def test_the_admin_sends_an_approved_meeting_back(world, client):
    meeting = approved_meeting(world)
    client.force_login(world.users["superuser"])
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    response = client.post(url, _admin_data(meeting, client, url, planned_attendees="40", planned_staff="4"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.planned_attendees, meeting.status) == (40, S.SUBMITTED)
    assert meeting.history.first().history_user == world.users["superuser"]


def test_the_approved_budget_is_fixed_until_the_meeting_is_sent_back(world):
    meeting = approved_meeting(world)
    finance, centre = world.users[Role.FINANCE], world.users[Role.MEETING_CENTRE]
    line = BudgetLine.objects.get(meeting=meeting)
    assert line.approved == Decimal("5000.00")
    with pytest.raises(ValidationError) as caught:
        services.meeting_budget_save(meeting=meeting, actor=finance, rows=[{"line": line, "approved": Decimal("9000")}])
    assert error_codes(caught.value) == {"approved": ["approved_locked"]}
    line.refresh_from_db()
    assert line.approved == Decimal("5000.00"), "nothing saved"
    # Actual amounts stay open to finance.
    services.meeting_budget_save(meeting=meeting, actor=finance, rows=[{"line": line, "actual": Decimal("100")}])
    with pytest.raises(ValidationError) as caught:
        services.meeting_send_back(meeting=meeting, actor=centre, reason=" ")
    assert error_codes(caught.value) == {"comment": ["reason_required"]}
    services.meeting_send_back(meeting=meeting, actor=centre, reason="追加会场租金预算")
    assert Meeting.objects.get(pk=meeting.pk).status == S.SUBMITTED
    services.meeting_budget_save(meeting=meeting, actor=finance, rows=[{"line": line, "approved": Decimal("9000")}])
    line.refresh_from_db()
    assert line.approved == Decimal("9000")


def test_the_budget_page_shows_the_approved_column_locked_after_approval(world, client):
    meeting = approved_meeting(world)
    client.force_login(world.users[Role.FINANCE])
    formset = client.get(reverse("meetings:meeting_budget_edit", args=[meeting.pk])).context["formset"]
    assert formset.forms[0].fields["approved"].disabled
    assert not formset.forms[0].fields["actual"].disabled
