"""The attendance demo: about 50 attendees per meeting, statuses that fit the meeting, history, idempotent."""

import datetime

import pytest

from bureau import demo as bureau_demo
from meetings import demo_attendance
from meetings.choices import AttendanceStatus, MeetingStatus
from meetings.models import Attendee, MeetingProcedureStep
from tests.meetings.factories import MeetingFactory, local_dt

pytestmark = pytest.mark.django_db


def test_seed_is_realistic_kept_in_history_and_idempotent():
    bureau_demo.seed()
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
    result = demo_attendance.seed(meetings=meetings)
    assert 6 * 47 <= result["attendees"] <= 6 * 53
    assert Attendee.objects.count() == result["attendees"]
    # every bulk-inserted row has its "created" history row
    assert Attendee.history.filter(history_type="+").count() == result["attendees"]
    assert MeetingProcedureStep.history.count() == MeetingProcedureStep.objects.count() == 5 * 20

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
    late = list(Attendee.objects.filter(is_late=True).select_related("meeting"))
    assert late  # the seeded random generator is fixed: some people are late
    assert all(a.signed_in_at > a.meeting.start_at + datetime.timedelta(minutes=5) for a in late)

    again = demo_attendance.seed(meetings=meetings)
    assert again == {"steps": 0, "attendees": 0}
    assert Attendee.objects.count() == result["attendees"]
