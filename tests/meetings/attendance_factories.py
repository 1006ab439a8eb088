"""Factories for procedures, the work plan and attendees (meetings-attendance)."""

import datetime

import factory
from django.utils import timezone

from meetings.choices import MeetingStatus, ProcedurePhase
from meetings.models import Attendee, MeetingProcedureStep, WorkPlan, WorkPlanAssignment
from tests.factories import DepartmentFactory, UserFactory
from tests.meetings.factories import MeetingFactory


def meeting_today(**kwargs):
    """A meeting that started a minute ago and lasts two hours (sign-in open, still on time)."""
    now = timezone.now()
    kwargs.setdefault("status", MeetingStatus.IN_PROGRESS)
    kwargs.setdefault("start_at", now - datetime.timedelta(minutes=1))
    kwargs.setdefault("end_at", now + datetime.timedelta(hours=2))
    return MeetingFactory(**kwargs)


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    meeting = factory.SubFactory(MeetingFactory, status=MeetingStatus.APPROVED)
    department = factory.SubFactory(DepartmentFactory)
    name = factory.Sequence(lambda n: f"参会人{n:03d}")
    title = "科长"
    protocol_order = factory.Sequence(lambda n: n + 1)


class ProcedureStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingProcedureStep

    meeting = factory.SubFactory(MeetingFactory, status=MeetingStatus.APPROVED)
    phase = ProcedurePhase.PRE
    name = factory.Sequence(lambda n: f"步骤{n}")
    due_at = factory.LazyAttribute(lambda o: o.meeting.start_at - datetime.timedelta(days=1))


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlan

    meeting = factory.SubFactory(MeetingFactory, status=MeetingStatus.APPROVED, is_county_wide=True)


class WorkPlanAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlanAssignment

    plan = factory.SubFactory(WorkPlanFactory)
    post = "sign_in"
    staff = factory.SubFactory(UserFactory)
