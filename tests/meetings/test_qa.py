"""Meetings QA: what issue 3's acceptance list asks for and the other test modules did not pin down —
approval creates the checklist, the wrong role is refused at every step, the rule a user breaks is
told in Chinese, the meeting page shows progress, and no page runs a query per row."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from bureau.roles import Role
from bureau.workdays import into_working_hours
from meetings import rules, services
from meetings.choices import AttendanceStatus, BudgetKind, MeetingCategory, MeetingStatus, ProcedurePhase
from meetings.models import MeetingProcedureStep, ProcedureTemplate
from tests.factories import DepartmentFactory
from tests.helpers import english, error_codes
from tests.meetings.core_fixtures import standards  # noqa: F401
from tests.meetings.factories import AttendeeFactory, BudgetLineFactory, MeetingFactory, local_dt

S = MeetingStatus

pytestmark = pytest.mark.usefixtures("standards")


def chinese_catalog_loaded():
    with translation.override("zh-hans"):
        return str(MeetingCategory.CLASS_2.label) == "二类会议"


# --- approval creates the procedure checklist ------------------------------------------------


def test_approving_a_meeting_through_the_page_creates_its_9_8_3_checklist(world, client):
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED)
    assert not meeting.procedure_steps.exists()
    client.force_login(world.users[Role.LEADERSHIP])
    client.post(reverse("meetings:meeting_approve", args=[meeting.pk]), {"comment": "同意"})
    meeting.refresh_from_db()
    assert meeting.status == S.APPROVED
    phases = [step.phase for step in meeting.procedure_steps.all()]
    assert phases.count(ProcedurePhase.PRE) == 9
    assert phases.count(ProcedurePhase.IN) == 8
    assert phases.count(ProcedurePhase.POST) == 3
    step = meeting.procedure_steps.filter(phase=ProcedurePhase.POST).first()
    template = ProcedureTemplate.objects.get(pk=step.template_id)
    due = into_working_hours(meeting.end_at + datetime.timedelta(hours=template.due_offset_hours), earlier=False)
    assert step.due_at == due
    assert step.history.first().history_user == world.users[Role.LEADERSHIP]


def test_a_refused_approval_creates_no_checklist(world):
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED, planned_attendees=400)
    with pytest.raises(ValidationError) as caught:
        services.meeting_approve(meeting=meeting, actor=world.users[Role.LEADERSHIP])
    assert set(error_codes(caught.value)) == {"over_limit"}
    assert not MeetingProcedureStep.objects.filter(meeting=meeting).exists()


def test_rejecting_creates_no_checklist(world):
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED)
    services.meeting_reject(meeting=meeting, actor=world.users[Role.LEADERSHIP], comment="规模偏大")
    assert not meeting.procedure_steps.exists()


def test_the_meeting_page_shows_checklist_progress_and_overdue_steps(world, client):
    meeting = MeetingFactory(
        host_department=world.own,
        status=S.SUBMITTED,
        start_at=timezone.now() + datetime.timedelta(hours=1),
        end_at=timezone.now() + datetime.timedelta(hours=4),
    )
    services.meeting_approve(meeting=meeting, actor=world.users[Role.LEADERSHIP])
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = english(client).get(meeting.get_absolute_url()).content.decode()
    overdue = MeetingProcedureStep.objects.overdue().filter(meeting=meeting).count()
    assert overdue > 0, "the pre-meeting steps due days before the start are overdue an hour before it"
    assert 'id="meeting-progress"' in page and "0 of 20 steps done" in page
    assert f"Overdue steps ({overdue})" in page
    assert reverse("meetings:meeting_procedures", args=[meeting.pk]) in page


# --- each step by the role that does it; every other role is refused ---------------------------

STEPS = [
    ("submit", Role.EMPLOYEES, S.DRAFT, S.SUBMITTED),
    ("approve", Role.LEADERSHIP, S.SUBMITTED, S.APPROVED),
    ("reject", Role.LEADERSHIP, S.SUBMITTED, S.REJECTED),
    ("start_preparing", Role.MEETING_CENTRE, S.APPROVED, S.PREPARING),
    ("start", Role.MEETING_CENTRE, S.PREPARING, S.IN_PROGRESS),
    ("finish", Role.MEETING_CENTRE, S.IN_PROGRESS, S.HELD),
    ("settle", Role.FINANCE, S.HELD, S.SETTLED),
]
WRONG_ROLES = [Role.EMPLOYEES, Role.DEPARTMENT_HEADS, Role.FINANCE, Role.LEADERSHIP, Role.MEETING_CENTRE]


@pytest.mark.parametrize(("move", "role", "source", "target"), STEPS, ids=[s[0] for s in STEPS])
def test_each_move_is_refused_to_every_role_but_its_own(world, client, move, role, source, target):
    meeting = MeetingFactory(host_department=world.own, status=source)
    BudgetLineFactory(meeting=meeting, kind=BudgetKind.MEALS, requested="1000.00", approved="1000.00", actual="900.00")
    url = reverse(f"meetings:meeting_{move}", args=[meeting.pk])
    for wrong in WRONG_ROLES:
        if wrong == role or (move == "submit" and wrong == Role.MEETING_CENTRE):
            continue  # the meeting centre may also submit on a department's behalf
        client.force_login(world.users[wrong])
        assert client.post(url, {"comment": "试图越权"}).status_code == 403, wrong
        meeting.refresh_from_db()
        assert meeting.status == source
    client.force_login(world.users[role])
    client.post(url, {"comment": "同意"})
    meeting.refresh_from_db()
    assert meeting.status == target


def test_the_header_offers_only_the_moves_the_role_may_make_on_every_tab(world, client):
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED)
    approve = reverse("meetings:meeting_approve", args=[meeting.pk])
    tabs = ["meetings:meeting", "meetings:meeting_budget", "meetings:meeting_attendees", "meetings:meeting_attendance"]
    client.force_login(world.users[Role.LEADERSHIP])
    for tab in tabs:
        assert approve in client.get(reverse(tab, args=[meeting.pk])).content.decode(), tab
    client.force_login(world.users[Role.MEETING_CENTRE])
    for tab in tabs:
        assert approve not in client.get(reverse(tab, args=[meeting.pk])).content.decode(), tab


# --- the rule a user breaks, in Chinese -------------------------------------------------------


def test_a_refused_approval_names_the_rule_in_chinese(world, client):
    if not chinese_catalog_loaded():
        pytest.fail("the Chinese catalog is not compiled: run `make messages` (compilemessages) first")
    meeting = MeetingFactory(
        host_department=world.own, category=MeetingCategory.CLASS_2, planned_attendees=290, planned_staff=11
    )
    meeting.status = S.SUBMITTED
    meeting.save()
    client.force_login(world.users[Role.LEADERSHIP])
    response = client.post(reverse("meetings:meeting_approve", args=[meeting.pk]), {"comment": "同意"}, follow=True)
    page = response.content.decode()
    assert "二类会议参会人员不得超过300人（含工作人员），本次申请301人。" in page
    meeting.refresh_from_db()
    assert meeting.status == S.SUBMITTED


def test_service_messages_are_chinese_by_default(world):
    if not chinese_catalog_loaded():
        pytest.fail("the Chinese catalog is not compiled: run `make messages` (compilemessages) first")
    meeting = MeetingFactory(host_department=world.own, status=S.DRAFT)
    with translation.override("zh-hans"), pytest.raises(ValidationError) as caught:
        rules.budget_description_check("参会人员纪念品")
    assert error_codes(caught.value) == {"description": ["banned_spending"]}
    assert "禁止列支" in caught.value.message_dict["description"][0]
    with translation.override("zh-hans"), pytest.raises(ValidationError) as caught:
        services.meeting_start(meeting=meeting, actor=world.users[Role.MEETING_CENTRE])
    assert error_codes(caught.value) == ["illegal_move"]
    assert "当前状态为“草稿”，不能执行“开始会议”" in caught.value.messages[0]


# --- no query per row ------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _meetings(count, department, start):
    meetings = []
    for index in range(count):
        meeting = MeetingFactory(
            host_department=department,
            status=[S.SUBMITTED, S.APPROVED, S.HELD, S.SETTLED][index % 4],
            start_at=start + datetime.timedelta(days=index),
            end_at=start + datetime.timedelta(days=index, hours=3),
            is_county_wide=index % 3 == 0,
        )
        BudgetLineFactory(meeting=meeting, kind=BudgetKind.MEALS, requested=Decimal("800.00"), actual=Decimal("700"))
        meetings.append(meeting)
    return meetings


def test_meeting_list_and_statistics_do_not_query_per_row(world, client, django_assert_max_num_queries):
    client.force_login(world.users[Role.MEETING_CENTRE])
    list_url = reverse("meetings:meeting_list")
    stats_url = reverse("meetings:statistics") + "?period=month&date_from=2026-01-01&date_to=2026-12-31"
    _meetings(5, world.own, local_dt(2026, 1, 5, 9))
    few = _queries(client, list_url), _queries(client, stats_url)
    _meetings(45, DepartmentFactory(), local_dt(2026, 3, 1, 9))
    many = _queries(client, list_url), _queries(client, stats_url)
    assert many == few, "5 and 50 meetings cost the same number of queries"
    page = english(client).get(stats_url).content.decode()
    assert "2026-03" in page and "2026-04" in page, "the 50 meetings are on the statistics page"
    with django_assert_max_num_queries(12):
        client.get(list_url)
    with django_assert_max_num_queries(12):
        client.get(stats_url)


def test_meeting_detail_does_not_query_per_line_step_or_attendee(world, client, django_assert_max_num_queries):
    client.force_login(world.users[Role.MEETING_CENTRE])
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED)
    services.meeting_approve(meeting=meeting, actor=world.users[Role.LEADERSHIP])
    AttendeeFactory.create_batch(5, meeting=meeting)
    url = meeting.get_absolute_url()
    few = _queries(client, url)
    AttendeeFactory.create_batch(45, meeting=meeting)
    for _ in range(10):
        BudgetLineFactory(meeting=meeting, kind=BudgetKind.MEALS, requested=Decimal("10.00"))
    assert _queries(client, url) == few
    with django_assert_max_num_queries(18):
        client.get(url)


def test_attendance_board_does_not_query_per_attendee(world, client, django_assert_max_num_queries):
    client.force_login(world.users[Role.MEETING_CENTRE])
    meeting = MeetingFactory(host_department=world.own, status=S.IN_PROGRESS)
    departments = [DepartmentFactory() for _ in range(5)]

    def invite(count):
        for index in range(count):
            attendee = AttendeeFactory(meeting=meeting, department=departments[index % 5])
            if index % 3 == 0:
                attendee.status, attendee.signed_in_at = AttendanceStatus.ON_TIME, meeting.start_at
                attendee.save()

    invite(5)
    url = reverse("meetings:meeting_attendance", args=[meeting.pk])
    few = _queries(client, url)
    invite(45)
    assert _queries(client, url) == few
    with django_assert_max_num_queries(14):
        client.get(url)


def test_a_printing_order_page_leads_back_to_its_meeting(world, client):
    from tests.meetings.factories import PrintingOrderFactory

    order = PrintingOrderFactory(meeting=MeetingFactory(host_department=world.own, status=S.APPROVED))
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(order.get_absolute_url()).content.decode()
    assert reverse("meetings:meeting_printing", args=[order.meeting_id]) in page
