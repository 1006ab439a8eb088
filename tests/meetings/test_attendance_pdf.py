"""Seat cards, seating chart, notices and the work plan as PDFs, read back with pdftotext/pdffonts."""

import base64
import re

import pytest
import segno
from django.urls import reverse

from bureau.roles import Role
from meetings import pdf_attendance
from meetings.choices import MeetingStatus
from meetings.services import attendance as attendance_services
from meetings.services import procedures as procedure_services
from tests.factories import make_user
from tests.helpers import english, pdf_fonts, pdf_text
from tests.meetings.factories import AttendeeFactory, MeetingFactory

pytestmark = pytest.mark.django_db
NAMES = ["欧阳明", "司马青", "诸葛文", "上官红", "王小二"]


def assert_cjk_font_embedded(pdf, tmp_path):
    out = pdf_fonts(pdf, tmp_path, "fonts.pdf")
    cjk = [line for line in out.splitlines() if "CJK" in line]
    assert cjk, out
    # columns: name type encoding emb sub uni object ID — "emb" is the first yes/no
    assert all(re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s", line).group(1) == "yes" for line in cjk), out


@pytest.fixture
def seated_meeting(world):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.PREPARING, title="全县三级干部大会")
    for order, name in enumerate(NAMES, start=1):
        AttendeeFactory(meeting=meeting, name=name, protocol_order=order, department=world.own)
    AttendeeFactory(meeting=meeting, name="请假人", protocol_order=9, department=world.own)
    attendance_services.attendee_excuse(attendee=meeting.attendees.get(name="请假人"), actor=None, reason="外出学习")
    attendance_services.meeting_seats_assign(meeting=meeting, actor=None, rows=2, seats_per_row=3)
    return meeting


def test_seat_cards_pdf_has_every_name_and_an_embedded_cjk_font(seated_meeting, world, client, tmp_path):
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = client.get(reverse("meetings:meeting_seat_cards_pdf", args=[seated_meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    text = pdf_text(pdf, tmp_path)
    for name in NAMES:
        assert name in text.replace(" ", "")
    assert "请假人" not in text.replace(" ", "")  # on leave: no card
    assert text.count("\f") >= len(NAMES) - 1  # one page per card
    assert_cjk_font_embedded(pdf, tmp_path)


def test_notice_qr_encodes_the_attendees_own_sign_in_url(seated_meeting, rf):
    attendee = seated_meeting.attendees.get(name="欧阳明")
    request = rf.get("/", HTTP_HOST="localhost")
    [with_qr] = pdf_attendance.with_qr([attendee], request=request)
    assert with_qr.sign_in_url == f"http://localhost/meetings/sign-in/{attendee.token}/"
    expected = segno.make(with_qr.sign_in_url, error="m").png_data_uri(scale=4, border=2)
    assert with_qr.qr == expected
    assert base64.b64decode(with_qr.qr.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


def test_seating_chart_pdf(seated_meeting, world, client, tmp_path):
    client.force_login(world.users[Role.DEPARTMENT_HEADS])  # own department's meeting: may read the chart
    response = client.get(reverse("meetings:meeting_seating_chart_pdf", args=[seated_meeting.pk]))
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    flat = text.replace(" ", "")
    for name in NAMES:
        assert name in flat
    # front row, left to right as seated: 2, 1, 3 in protocol order
    first_row = next(line for line in text.splitlines() if "欧阳明" in line)
    assert first_row.index("司马青") < first_row.index("欧阳明") < first_row.index("诸葛文")
    assert_cjk_font_embedded(response.content, tmp_path)


def test_notices_pdf_one_per_attendee(seated_meeting, world, client, tmp_path):
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = client.get(reverse("meetings:meeting_notices_pdf", args=[seated_meeting.pk]))
    text = pdf_text(response.content, tmp_path).replace(" ", "")
    for name in [*NAMES, "请假人"]:
        assert name in text
    assert "全县三级干部大会" in text
    assert_cjk_font_embedded(response.content, tmp_path)


def test_work_plan_pdf_names_every_post_and_person(world, client, tmp_path):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED, is_county_wide=True)
    centre = world.users[Role.MEETING_CENTRE]
    plan = procedure_services.meeting_work_plan_create(meeting=meeting, actor=centre)
    people = {"sign_in": "签到岗甲", "ushering": "引导岗乙", "security": "安保岗丙"}
    for post, name in people.items():
        staff = make_user(username=f"wp-{post}", first_name=name[1:], last_name=name[0])
        procedure_services.work_plan_assign(plan=plan, actor=centre, post=post, staff=staff, duties="全程值守")
    client.force_login(world.users[Role.LEADERSHIP])
    response = client.get(reverse("meetings:meeting_work_plan_pdf", args=[meeting.pk]))
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path).replace(" ", "")
    for name in people.values():
        assert name in text
    assert_cjk_font_embedded(response.content, tmp_path)


def test_work_plan_page_create_and_assign(world, client):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED, is_county_wide=False)
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = english(client).post(reverse("meetings:meeting_work_plan_create", args=[meeting.pk]))
    assert response.status_code == 400 and "major events only" in response.content.decode()
    response = client.post(reverse("meetings:meeting_work_plan_create", args=[meeting.pk]), {"is_major_event": "on"})
    assert response.status_code == 302
    staff = world.users[Role.EMPLOYEES]
    data = {"post": "minutes", "staff": staff.pk, "duties": "会议记录"}
    assert client.post(reverse("meetings:meeting_work_plan_assign", args=[meeting.pk]), data).status_code == 302
    response = english(client).post(reverse("meetings:meeting_work_plan_assign", args=[meeting.pk]), data)
    assert response.status_code == 400 and "already holds this post" in response.content.decode()
    assert meeting.work_plan.assignments.count() == 1
