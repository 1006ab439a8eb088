"""Seating (issue 10, item 7): a person is on a meeting's list once — by account, or by name within
their unit — whether added by name, invited with their department, or renamed later; the page shows
the refusal on the name, with what was typed kept."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bureau.roles import Role
from meetings.choices import MeetingStatus
from meetings.models import Attendee
from meetings.services import attendance as services
from tests.factories import DepartmentFactory, StaffProfileFactory, make_user
from tests.helpers import error_codes
from tests.meetings.factories import AttendeeFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    return MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED)


def test_the_same_name_in_the_same_unit_is_refused(meeting):
    unit = DepartmentFactory(name="县财政局")
    services.attendee_add(meeting=meeting, actor=None, name="王小二", department=unit, title="科长")
    for name, title in (("王小二", "科长"), (" 王 小二 ", ""), ("王小二", "")):
        with pytest.raises(ValidationError) as caught:
            services.attendee_add(meeting=meeting, actor=None, name=name, department=unit, title=title)
        assert error_codes(caught.value) == {"name": ["duplicate_attendee"]}
        assert "县财政局" in caught.value.message_dict["name"][0]
    assert meeting.attendees.count() == 1, "nothing half-saved"


def test_namesakes_are_told_apart_by_position_or_unit(meeting):
    unit, other = DepartmentFactory(), DepartmentFactory()
    services.attendee_add(meeting=meeting, actor=None, name="张伟", department=unit, title="局长")
    services.attendee_add(meeting=meeting, actor=None, name="张伟", department=unit, title="科员")
    services.attendee_add(meeting=meeting, actor=None, name="张伟", department=other)
    services.attendee_add(meeting=meeting, actor=None, name="张伟", organisation="怀化市会务协会")
    with pytest.raises(ValidationError) as caught:
        services.attendee_add(meeting=meeting, actor=None, name="张伟", organisation="怀化市会务协会")
    assert error_codes(caught.value) == {"name": ["duplicate_attendee"]}
    assert meeting.attendees.count() == 4


def test_someone_invited_with_their_department_is_not_added_again_by_name_nor_the_reverse(meeting):
    unit = DepartmentFactory()
    invited = make_user(username="li-si", first_name="四", last_name="李")
    StaffProfileFactory(user=invited, department=unit, title="副局长")
    listed = make_user(username="wang-wu", first_name="五", last_name="王")
    StaffProfileFactory(user=listed, department=unit, title="科长")
    services.attendee_add(meeting=meeting, actor=None, name="王五", department=unit)  # before the invitation
    new = services.attendee_invite_department(meeting=meeting, actor=None, department=unit)
    assert [a.name for a in new] == ["李四"], "王五 is on the list already"
    with pytest.raises(ValidationError) as caught:
        services.attendee_add(meeting=meeting, actor=None, name="李四", department=unit)
    assert error_codes(caught.value) == {"name": ["duplicate_attendee"]}
    assert meeting.attendees.count() == 2


def test_renaming_into_a_duplicate_is_refused(meeting):
    unit = DepartmentFactory()
    AttendeeFactory(meeting=meeting, name="赵六", department=unit, title="科长")
    other = AttendeeFactory(meeting=meeting, name="钱七", department=unit, title="科长")
    with pytest.raises(ValidationError) as caught:
        services.attendee_update(attendee=other, actor=None, name="赵六")
    assert error_codes(caught.value) == {"name": ["duplicate_attendee"]}
    assert Attendee.objects.get(pk=other.pk).name == "钱七"
    services.attendee_update(attendee=other, actor=None, phone="13800000000")  # other changes still go through


def test_the_attendees_page_refuses_a_duplicate_on_the_name(world, client, meeting):
    AttendeeFactory(meeting=meeting, name="王小二", department=None, organisation="怀化市会务协会", title="")
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = client.post(
        reverse("meetings:meeting_attendee_add", args=[meeting.pk]),
        {"name": "王小二", "organisation": "怀化市会务协会", "phone": "13912345678"},
    )
    assert response.status_code == 200
    errors = response.context["add_form"].errors["name"]
    assert "已在本次会议的参会名单中" in errors[0] and errors[0] in response.content.decode()
    assert 'value="13912345678"' in response.content.decode(), "what was typed is kept"
    assert meeting.attendees.count() == 1
