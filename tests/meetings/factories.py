import datetime

import factory
from django.utils import timezone

from meetings.choices import MeetingCategory, MeetingForm, MeetingStatus
from meetings.models import Meeting
from tests.factories import DepartmentFactory, MeetingRoomFactory


def local_dt(*args):
    return timezone.make_aware(datetime.datetime(*args))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"全县工作会议{n}")
    host_department = factory.SubFactory(DepartmentFactory)
    category = MeetingCategory.CLASS_3
    form = MeetingForm.ON_SITE
    venue_room = factory.SubFactory(MeetingRoomFactory)
    start_at = factory.Sequence(lambda n: local_dt(2026, 12, 1, 9) + datetime.timedelta(days=n))
    end_at = factory.LazyAttribute(lambda o: o.start_at + datetime.timedelta(hours=3))
    planned_attendees = 50
    planned_staff = 5
    status = MeetingStatus.DRAFT
