"""The demo data set (`seed_demo`: the 中方县 units, rooms, logins, meetings, attendees, receptions).

Building it is the slowest thing the suite does, so it is built once, for this module: the
`demo` fixture runs `seed_demo` inside a transaction that stays open while these tests run (each
test runs in a savepoint of it, as with Django's setUpTestData) and is rolled back after the last
one, so no other test sees the data. Tests that read the demo data belong here.
"""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from bureau import demo as bureau_demo
from bureau.models import Building, Department, Room, RoomOccupancy
from bureau.roles import ADMINISTRATOR_ROLES, ALL_ROLES
from meetings import demo as meetings_demo
from meetings import demo_attendance, demo_reception
from meetings.choices import AttendanceStatus, MeetingStatus, ReceptionStatus
from meetings.models import ApprovalDecision, Attendee, BudgetLine, Meeting, MeetingProcedureStep, PrintingOrder
from meetings.models.reception import OfficialLetter, Reception, ReceptionMeal
from meetings.rules import max_escorts
from tests.conftest import kept_for_the_module
from tests.history_guard import PROJECT_APPS, tracked_models
from tests.meetings.factories import MeetingFactory, local_dt

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """What `seed_demo` printed; the data it built is in the database for this module's tests."""
    out = StringIO()
    with kept_for_the_module(django_db_blocker):
        with django_db_blocker.unblock(), override_settings(DEBUG=True):
            call_command("seed_demo", stdout=out)
        yield out.getvalue()


def _counts():
    models = [*tracked_models(), get_user_model(), Group]
    counts = {model.__name__: model._default_manager.count() for model in models}
    counts |= {f"history of {model.__name__}": model.history.count() for model in tracked_models()}
    return counts


def test_seed_prints_the_logins_and_builds_the_county(demo):
    assert bureau_demo.DEMO_PASSWORD in demo
    for username, full_name, _role, _department in bureau_demo.DEMO_USERS:
        assert username in demo and full_name in demo
    # The demo row of DESIGN.md §9: real-looking 中方县 units, the administrative centre, its rooms.
    assert Department.objects.count() == 60
    for name in (
        "中方县人民政府办公室",
        "中方县财政局",
        "中方县教育局",
        "中方镇人民政府",
        "铜湾镇人民政府",
        "泸阳镇人民政府",
    ):
        assert Department.objects.filter(name=name).exists(), name
    assert Building.objects.count() == 5
    assert 380 <= Room.objects.count() <= 420
    assert RoomOccupancy.objects.current().count() > 200
    users = get_user_model().objects.filter(username__in=[u[0] for u in bureau_demo.DEMO_USERS])
    assert {group for user in users for group in user.groups.values_list("name", flat=True)} == set(ALL_ROLES)


def test_seed_makes_one_login_per_administrator_role(demo):
    """三员分立: sysadmin, secadmin and auditadmin, each in exactly one administrator role, printed."""
    for username, full_name, role, is_staff in bureau_demo.DEMO_ADMINISTRATORS:
        assert username in demo and full_name in demo
        user = get_user_model().objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert (user.is_staff, user.is_superuser) == (is_staff, False)
    assert {role for _u, _n, role, _s in bureau_demo.DEMO_ADMINISTRATORS} == set(ADMINISTRATOR_ROLES)


def test_refuses_with_debug_off_unless_forced_and_a_second_run_changes_nothing(demo, settings):
    settings.DEBUG = False
    first = _counts()
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", "--force", stdout=StringIO())
    assert _counts() == first


# The landing section each demo role must see first on its home page, and one it must not see.
HOME_SECTIONS = {
    "leader": ("/meetings/", None),
    "meeting": ("/meetings/", "/assets/"),
    "procure": ("/procurement/", "/meetings/"),
    "campus": ("/property/", "/assets/"),
    "asset": ("/assets/", "/meetings/"),
    "inspect": ("/property/", "/procurement/"),
    "finance": ("/meetings/", None),
    "repair": ("/property/", "/assets/"),
    "head": ("/meetings/", None),
    # an employee reports faults, asks for purchases and scans stock-takes, but reads no audit log
    "employee": ("/property/", "/registers/audit/"),
}


def test_each_demo_login_shows_its_navigation(demo, client):
    assert set(HOME_SECTIONS) == {username for username, *_ in bureau_demo.DEMO_USERS}
    for username, expected, hidden in ((u, *HOME_SECTIONS[u]) for u in HOME_SECTIONS):
        client.logout()
        data = {"username": username, "password": bureau_demo.DEMO_PASSWORD}
        response = client.post(reverse("login"), data, follow=True)
        assert response.context["user"].username == username
        urls = [section.url for section, _items in response.context["sections"]]
        assert expected in urls, (username, urls)
        assert hidden is None or hidden not in urls, (username, urls)
        assert f'href="{expected}"' in response.content.decode()


def test_every_demo_row_has_its_creation_history(demo):
    checked = 0
    for model in tracked_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        live = set(model._default_manager.values_list("pk", flat=True))
        recorded = set(model.history.filter(history_type="+").values_list("id", flat=True))
        missing = live - recorded
        assert not missing, f"{model.__name__}: {len(missing)} rows without a creation history row"
        checked += len(live)
    assert checked > 500


def test_demo_meetings_are_in_every_state_with_history_and_idempotent(demo):
    assert Meeting.objects.count() == 300
    counts = (
        Meeting.objects.count(),
        BudgetLine.objects.count(),
        PrintingOrder.objects.count(),
        ApprovalDecision.objects.count(),
    )
    assert meetings_demo.seed() == []
    assert counts == (
        Meeting.objects.count(),
        BudgetLine.objects.count(),
        PrintingOrder.objects.count(),
        ApprovalDecision.objects.count(),
    )
    assert set(Meeting.objects.values_list("status", flat=True)) == set(MeetingStatus.values)
    assert Meeting.history.count() == Meeting.objects.count()
    assert BudgetLine.history.count() == BudgetLine.objects.count()
    first, last = Meeting.objects.order_by("start_at").first(), Meeting.objects.order_by("start_at").last()
    assert first.start_at.date() >= datetime.date(2024, 12, 31) and last.start_at.year == 2026


def test_attendance_demo_is_realistic_kept_in_history_and_idempotent(demo):
    statuses = [
        MeetingStatus.DRAFT,
        MeetingStatus.APPROVED,
        MeetingStatus.PREPARING,
        MeetingStatus.HELD,
        MeetingStatus.SETTLED,
        MeetingStatus.CANCELLED,
    ]
    meetings = [
        MeetingFactory(status=status, start_at=local_dt(2026, 3, 2 + i, 9), end_at=local_dt(2026, 3, 2 + i, 12))
        for i, status in enumerate(statuses)
    ]
    attendees = Attendee.objects.filter(meeting__in=meetings)
    steps = MeetingProcedureStep.objects.filter(meeting__in=meetings)
    result = demo_attendance.seed(meetings=meetings)
    assert 6 * 47 <= result["attendees"] <= 6 * 53
    assert attendees.count() == result["attendees"]
    # every bulk-inserted row has its "created" history row
    assert Attendee.history.filter(history_type="+", meeting__in=meetings).count() == result["attendees"]
    assert steps.count() == 5 * 20
    assert MeetingProcedureStep.history.filter(meeting__in=meetings).count() == 5 * 20

    draft, approved, preparing, held, settled, cancelled = meetings
    assert set(draft.attendees.values_list("status", flat=True)) == {AttendanceStatus.PENDING}
    assert draft.procedure_steps.count() == 20 and not draft.procedure_steps.exclude(done_at=None).exists()
    assert not cancelled.procedure_steps.exists()
    held_statuses = set(held.attendees.values_list("status", flat=True)) | set(
        settled.attendees.values_list("status", flat=True)
    )
    assert AttendanceStatus.PENDING not in held_statuses
    assert {AttendanceStatus.ON_TIME, AttendanceStatus.LATE} <= held_statuses
    assert settled.procedure_steps.filter(done_at=None).count() < 5
    assert not approved.procedure_steps.exclude(done_at=None).exists()
    assert preparing.attendees.exclude(seat_row=None).exists()
    late = list(attendees.filter(is_late=True).select_related("meeting"))
    assert late  # the seeded random generator is fixed: some people are late
    assert all(a.signed_in_at > a.meeting.start_at + datetime.timedelta(minutes=5) for a in late)

    again = demo_attendance.seed(meetings=meetings)
    assert again == {"steps": 0, "attendees": 0}
    assert attendees.count() == result["attendees"]


def test_reception_demo_covers_every_state_and_runs_twice_unchanged(demo):
    counts = (Reception.objects.count(), OfficialLetter.objects.count(), ReceptionMeal.objects.count())
    assert counts[0] == 30 and counts[1] == 30 and counts[2] > 0
    assert set(Reception.objects.values_list("status", flat=True)) == set(ReceptionStatus.values)
    dates = Reception.objects.values_list("arrival_date", flat=True)
    assert (max(dates) - min(dates)).days > 600
    for meal in ReceptionMeal.objects.all():
        assert meal.escorts <= max_escorts(meal.guests)
    assert all(r.guests.exists() for r in Reception.objects.all())
    settled = Reception.objects.filter(status=ReceptionStatus.SETTLED).first()
    assert settled.history.filter(status=ReceptionStatus.APPROVED).exists()

    out = StringIO()
    demo_reception.seed(stdout=out)
    assert (Reception.objects.count(), OfficialLetter.objects.count(), ReceptionMeal.objects.count()) == counts
    assert "(0 new)" in out.getvalue()


def test_demo_offices_against_the_standard_and_conduct_violations(demo):
    from bureau.models import StaffProfile
    from property_services import demo_space, selectors_space
    from property_services.choices_space import SpaceVerdict
    from property_services.models import ConductRule, ConductViolation, OfficeAssignment

    assert "people given an office" in demo and "conduct violations" in demo
    root = get_user_model().objects.get(username="admin")
    assert StaffProfile.objects.exclude(rank="").count() >= 25
    assert StaffProfile.objects.filter(rank="", office_assignments__voided_at=None).exists()  # not recorded yet
    verdicts = {row.verdict for row in selectors_space.office_rows(root, day=datetime.date.today())}
    assert verdicts == set(SpaceVerdict.values)  # some over standard, some within, rank not recorded, idle
    county_head = StaffProfile.objects.get(title="县长")
    assert not county_head.user.has_usable_password()  # people of the register need no login
    assert ConductRule.objects.filter(kind="prohibition").count() == 8
    months = {violation.date.replace(day=1) for violation in ConductViolation.objects.all()}
    assert len(months) == 3 and ConductViolation.objects.count() == 27
    counts = (OfficeAssignment.objects.count(), ConductViolation.objects.count(), StaffProfile.objects.count())
    assert demo_space.seed() == (0, 0)
    assert counts == (OfficeAssignment.objects.count(), ConductViolation.objects.count(), StaffProfile.objects.count())
