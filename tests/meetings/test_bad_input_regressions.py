"""Regressions of the bad-input findings in the meetings centre (issue 8), each as a user meets it.

Run on PostgreSQL too (DATABASE_URL): a year-1 due time used to be stored there and then break
every page that read it back; a NUL byte in the sign-in URL and a huge protocol order broke there."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from bureau.roles import Role
from meetings.choices import MeetingStatus
from meetings.models import Attendee, PrintingOrder, Reception
from tests.meetings.factories import (
    AttendeeFactory,
    MeetingFactory,
    OfficialLetterFactory,
    PrintingOrderFactory,
    ProcedureStepFactory,
    local_dt,
)

pytestmark = pytest.mark.django_db

DATE_RANGE_MESSAGE = "请输入 2000-01-01 至 2099-12-31 之间的日期。"


@pytest.fixture
def centre(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    return client


def _errors_on(response, form_name, field):
    assert response.status_code == 200, "the form should be shown again"
    errors = response.context[form_name].errors.get(field)
    assert errors, f"no error on {field}: {response.context[form_name].errors}"
    html = response.content.decode()
    for error in errors:
        assert error in html
    return " ".join(errors)


def test_a_printing_order_due_in_year_one_is_refused_on_the_field(world, centre):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED)
    response = centre.post(
        reverse("meetings:printingorder_add"),
        {
            "meeting": meeting.pk,
            "document": "会议议程",
            "pages": 4,
            "copies": 60,
            "unit_price": "0.15",
            "due_at": "0001-01-01T00:00",
            "status": "ordered",
        },
    )
    assert _errors_on(response, "form", "due_at") == DATE_RANGE_MESSAGE
    assert "会议议程" in response.content.decode()
    assert not PrintingOrder.objects.exists()


def test_the_database_refuses_a_printing_order_due_in_year_one(world):
    year_one = datetime.datetime(1, 1, 1, tzinfo=datetime.UTC)
    with pytest.raises(IntegrityError), transaction.atomic():
        PrintingOrderFactory(meeting__host_department=world.own, due_at=year_one)
    # … and the printing list still opens (it used to answer 500 for every role).
    assert not PrintingOrder.objects.exists()


def test_the_printing_list_opens_with_orders_at_the_edges_of_the_range(world, client):
    PrintingOrderFactory(meeting__host_department=world.own, due_at=local_dt(2000, 1, 1, 0))
    PrintingOrderFactory(meeting__host_department=world.own, due_at=local_dt(2099, 12, 31, 23))
    client.force_login(world.users["superuser"])
    assert client.get(reverse("meetings:printingorder_list")).status_code == 200


def test_a_procedure_step_due_in_year_one_is_refused_on_the_field(world, centre):
    step = ProcedureStepFactory(meeting__host_department=world.own)
    response = centre.post(
        reverse("meetings:procedurestep_edit", args=[step.pk]),
        {"owner": "", "due_at": "0001-01-01T00:00", "note": "提前布置"},
    )
    assert _errors_on(response, "form", "due_at") == DATE_RANGE_MESSAGE
    assert "提前布置" in response.content.decode()
    step.refresh_from_db()
    assert step.due_at.year == step.meeting.start_at.year
    client_page = centre.get(reverse("meetings:meeting", args=[step.meeting_id]))
    assert client_page.status_code == 200


def test_a_reception_until_9999_is_refused_on_the_field(world, centre):
    letter = OfficialLetterFactory(receiving_department=world.own)
    response = centre.post(
        reverse("meetings:reception_add"),
        {
            "letter": letter.pk,
            "host_department": world.own.pk,
            "visiting_unit": "怀化市教育局考察组",
            "purpose": "考察学习",
            "arrival_date": "2026-05-20",
            "departure_date": "9999-12-31",
            "guest_count": 6,
        },
    )
    assert _errors_on(response, "form", "departure_date") == DATE_RANGE_MESSAGE
    assert "怀化市教育局考察组" in response.content.decode()
    assert not Reception.objects.exists()


def test_a_protocol_order_past_what_the_column_holds_is_refused_on_the_field(world, centre):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED)
    response = centre.post(
        reverse("meetings:meeting_attendee_add", args=[meeting.pk]),
        {"name": "李四", "organisation": "县委办", "protocol_order": "2147483648"},
    )
    assert _errors_on(response, "add_form", "protocol_order") == "确保该值小于或等于9999。"
    html = response.content.decode()
    assert 'value="李四"' in html and 'value="县委办"' in html  # what was typed is kept
    assert not Attendee.objects.exists()


def test_attendee_add_refused_by_the_service_shows_the_message_on_the_field(world, centre):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED)
    response = centre.post(reverse("meetings:meeting_attendee_add", args=[meeting.pk]), {"name": "王五"})
    assert _errors_on(response, "add_form", "organisation") == "请选择单位；外单位来宾请填写所在单位。"
    assert 'value="王五"' in response.content.decode()
    assert not Attendee.objects.exists()


def test_seat_assignment_with_bad_numbers_keeps_what_was_typed(world, centre):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED)
    response = centre.post(
        reverse("meetings:meeting_seats_assign", args=[meeting.pk]), {"rows": "3", "seats_per_row": "1000"}
    )
    assert _errors_on(response, "seat_form", "seats_per_row") == "确保该值小于或等于100。"
    assert 'value="3"' in response.content.decode()


def test_inviting_a_department_that_does_not_exist_says_so_on_the_field(world, centre):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED)
    response = centre.post(
        reverse("meetings:meeting_attendees_invite", args=[meeting.pk]),
        {"department": "99999999999999999999", "titles": "局长"},
    )
    assert "不在您可选的范围内" in _errors_on(response, "invite_form", "department")  # the picker says so
    assert 'value="局长"' in response.content.decode()


@pytest.mark.parametrize("date_from", ["9999-01-01", "0001-01-01"])
def test_statistics_with_an_implausible_date_show_the_report_and_a_message(world, client, date_from):
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = client.get(reverse("meetings:statistics"), {"date_from": date_from})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"筛选条件“起始日期”无法识别，已忽略：{DATE_RANGE_MESSAGE}" in html
    assert response.context["values"]["date_from"].year == datetime.date.today().year - 1


@pytest.mark.parametrize("token", ["abc%00def", "%00", "x%01y"])
def test_a_control_byte_in_the_public_sign_in_url_is_not_found(client, token):
    AttendeeFactory()
    assert client.get(f"/meetings/sign-in/{token}/").status_code == 404


def test_the_sign_in_url_still_opens_with_a_real_token(client):
    attendee = AttendeeFactory()
    assert client.get(reverse("meetings:sign_in", args=[attendee.token])).status_code == 200


def test_next_protocol_order_stays_within_its_range(world, centre):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED)
    AttendeeFactory(meeting=meeting, protocol_order=9999)
    response = centre.post(
        reverse("meetings:meeting_attendee_add", args=[meeting.pk]), {"name": "赵六", "organisation": "县委办"}
    )
    assert response.status_code == 302
    assert Attendee.objects.get(name="赵六").protocol_order == 9999


@pytest.mark.parametrize(
    ("url_name", "params"),
    [
        ("meetings:statistics", {"date_from": "2025-01-01", "date_to": "2025-06-30"}),
        ("dashboard:index", {"period": "custom", "date_from": "2025-01-01", "date_to": "2025-06-30"}),
        ("procurement:risk_flags", {"date_from": "2025-01-01", "date_to": "2025-06-30"}),
    ],
)
def test_date_filters_keep_their_values_in_the_date_boxes(world, client, url_name, params):
    """A date box reads only ISO dates: in Chinese the dates went out as 2025/01/01 and showed empty."""
    client.force_login(world.users[Role.LEADERSHIP])
    html = client.get(reverse(url_name), params).content.decode()
    assert 'type="date"' in html
    assert 'value="2025-01-01"' in html and 'value="2025-06-30"' in html
    assert "2025/01/01" not in html
