"""Demo procedures and attendance for the demo meetings (DESIGN.md §9: ~15,000 attendance rows).

`seed(meetings=…)` is called by the meetings demo with the meetings it made (~300). For each one:
its procedure checklist (done as far as its state says) and about 50 attendees from the county's
units with statuses that fit its state. Bulk inserts keep their history; a meeting that already
has attendees or steps is left alone, so running it twice changes nothing.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from bureau.models import Department
from bureau.workdays import WorkingCalendar
from meetings.choices import AttendanceStatus, MeetingStatus, ProcedurePhase, SignInMethod
from meetings.models import Attendee, MeetingProcedureStep, ProcedureTemplate
from meetings.rules import NO_CHECKLIST_STATUSES, is_late, protocol_seats

ATTENDEES_PER_MEETING = 50
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
GIVEN = "建国志强海军红梅丽华明军文静秀英伟东晓燕小平新民春生玉兰德胜国庆卫东永红金凤桂香俊杰"
TITLES = ["局长", "副局长", "主任", "副主任", "党组书记", "镇长", "副镇长", "科长", "股长", "办公室主任"]
EXCUSES = ["出差", "下乡督导", "参加上级会议", "病假", "接待上级检查", "外出学习"]
# Checklist phases done by the time a meeting reaches a status.
PHASES_DONE = {
    MeetingStatus.PREPARING: (ProcedurePhase.PRE,),
    MeetingStatus.IN_PROGRESS: (ProcedurePhase.PRE,),
    MeetingStatus.HELD: (ProcedurePhase.PRE, ProcedurePhase.IN),
    MeetingStatus.SETTLED: (ProcedurePhase.PRE, ProcedurePhase.IN, ProcedurePhase.POST),
}
SIGNED_IN_MEETINGS = (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD, MeetingStatus.SETTLED)


def _name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _steps(meeting, templates, rng, actor, calendar):
    done_phases = PHASES_DONE.get(meeting.status, ())
    steps = []
    for template in templates:
        due = template.due_at_for(meeting, calendar=calendar)
        done = actor is not None and template.phase in done_phases and rng.random() > 0.03
        steps.append(
            MeetingProcedureStep.from_template(
                meeting=meeting,
                template=template,
                calendar=calendar,
                owner=actor,
                done_at=due - datetime.timedelta(hours=rng.randint(0, 20)) if done else None,
                done_by=actor if done else None,
            )
        )
    return steps


def _attendees(meeting, departments, rng):
    count = ATTENDEES_PER_MEETING + rng.randint(-3, 3)
    invited = rng.sample(departments, k=min(len(departments), max(5, count // 3)))
    seats_per_row = 10
    seats = protocol_seats(-(-count // seats_per_row), seats_per_row)
    rows = []
    for index in range(count):
        department = invited[index % len(invited)]
        attendee = Attendee(
            meeting=meeting,
            department=department,
            name=_name(rng),
            title=TITLES[min(index // 5, len(TITLES) - 1)] if index < 40 else rng.choice(TITLES[6:]),
            protocol_order=index + 1,
        )
        if meeting.status not in (MeetingStatus.DRAFT, MeetingStatus.SUBMITTED, MeetingStatus.REJECTED):
            attendee.seat_row, attendee.seat_number = seats[index]
        _attendance(attendee, meeting, rng)
        if attendee.status == AttendanceStatus.EXCUSED:
            attendee.seat_row = attendee.seat_number = None
        rows.append(attendee)
    return rows


def _attendance(attendee, meeting, rng):
    if meeting.status in (MeetingStatus.APPROVED, MeetingStatus.PREPARING):
        if rng.random() < 0.04:
            attendee.status, attendee.excuse_reason = AttendanceStatus.EXCUSED, rng.choice(EXCUSES)
        return
    if meeting.status not in SIGNED_IN_MEETINGS:
        return
    roll = rng.random()
    if roll < 0.04:
        attendee.status, attendee.excuse_reason = AttendanceStatus.EXCUSED, rng.choice(EXCUSES)
        return
    if roll < 0.07:
        # not (yet) signed in: absent once the meeting is over
        in_progress = meeting.status == MeetingStatus.IN_PROGRESS
        attendee.status = AttendanceStatus.PENDING if in_progress else AttendanceStatus.ABSENT
        return
    minutes = rng.choice([-25, -20, -15, -12, -10, -8, -5, -3, -1, 0, 2, 4]) if roll < 0.93 else rng.randint(6, 40)
    at = meeting.start_at + datetime.timedelta(minutes=minutes, seconds=rng.randint(0, 59))
    attendee.signed_in_at = at
    attendee.sign_in_method = SignInMethod.QR if rng.random() < 0.8 else SignInMethod.DESK
    attendee.is_late = is_late(meeting=meeting, at=at)
    attendee.status = AttendanceStatus.LATE if attendee.is_late else AttendanceStatus.ON_TIME
    if rng.random() < 0.02 and meeting.status != MeetingStatus.IN_PROGRESS:
        attendee.left_at = meeting.start_at + (meeting.end_at - meeting.start_at) / 2
        attendee.status = AttendanceStatus.LEFT_EARLY


@transaction.atomic
def seed(*, stdout=None, meetings, rng=None):
    rng = rng or random.Random(3003)
    # The demo's meeting-centre login marks the steps done (none without it).
    actor = get_user_model().objects.filter(username="meeting").first()
    meetings = list(meetings)
    templates = list(ProcedureTemplate.objects.filter(active=True))
    calendar = WorkingCalendar()
    departments = list(Department.objects.filter(active=True).order_by("sort_order", "code"))
    ids = [m.pk for m in meetings]
    with_steps = set(MeetingProcedureStep.objects.filter(meeting_id__in=ids).values_list("meeting_id", flat=True))
    with_attendees = set(Attendee.objects.filter(meeting_id__in=ids).values_list("meeting_id", flat=True))
    steps, attendees = [], []
    for meeting in meetings:
        if meeting.pk not in with_steps and meeting.status not in NO_CHECKLIST_STATUSES:
            steps.extend(_steps(meeting, templates, rng, actor, calendar))
        if meeting.pk not in with_attendees and departments:
            attendees.extend(_attendees(meeting, departments, rng))
    bulk_create_with_history(steps, MeetingProcedureStep, batch_size=1000)
    bulk_create_with_history(attendees, Attendee, batch_size=1000)
    if stdout is not None:
        stdout.write(f"meeting procedure steps: +{len(steps)}, attendees: +{len(attendees)}")
    return {"steps": len(steps), "attendees": len(attendees)}
