"""Seating ties (issue 10, item 7): people of the same protocol order are seated by rank (职级), then
by the units' order in the register, then by name — the same plan however they were invited."""

import pytest

from bureau.choices import Rank
from meetings.choices import MeetingStatus
from meetings.services import attendance as services
from tests.factories import DepartmentFactory, make_user
from tests.meetings.factories import AttendeeFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _person(name, rank, department):
    user = make_user(department=department, last_name=name[0], first_name=name[1:])
    user.profile.rank = rank
    user.profile.save()
    return user


@pytest.mark.parametrize("invitation_order", [(0, 1, 2, 3, 4), (4, 3, 2, 1, 0), (2, 4, 0, 3, 1)])
def test_ties_in_protocol_order_go_by_rank_then_the_units_order_then_name(invitation_order):
    first_unit = DepartmentFactory(name="县委办公室", sort_order=1)
    second_unit = DepartmentFactory(name="县教育局", sort_order=20)
    meeting = MeetingFactory(status=MeetingStatus.APPROVED)
    people = [
        ("张副县", _person("张副县", Rank.DEPUTY, second_unit), second_unit),
        ("李正科", _person("李正科", Rank.SECTION_CHIEF, second_unit), second_unit),
        ("王正科", _person("王正科", Rank.SECTION_CHIEF, first_unit), first_unit),
        ("赵未定", _person("赵未定", "", first_unit), first_unit),  # rank not recorded: after every rank
        ("外来宾", None, None),  # an outside guest: no account, no rank
    ]
    for index in invitation_order:
        name, user, unit = people[index]
        AttendeeFactory(meeting=meeting, name=name, user=user, department=unit, organisation="", protocol_order=5)
    AttendeeFactory(meeting=meeting, name="周县长", department=second_unit, protocol_order=1)

    seated = services.meeting_seats_assign(meeting=meeting, actor=None, rows=2, seats_per_row=5)
    assert [attendee.name for attendee in seated] == ["周县长", "张副县", "王正科", "李正科", "赵未定", "外来宾"]
