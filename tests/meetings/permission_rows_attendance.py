"""Permission rows for the procedures, work plan, attendees, seating and attendance pages."""

from types import SimpleNamespace

from meetings.choices import MeetingStatus
from meetings.models import ProcedureTemplate
from meetings.selectors.attendance import meeting_sign_in_code
from meetings.views.attendance import ATTENDEES
from meetings.views.procedures import PROCEDURE_TEMPLATES
from tests.meetings.factories import (
    AttendeeFactory,
    MeetingFactory,
    ProcedureStepFactory,
    WorkPlanAssignmentFactory,
    WorkPlanFactory,
)
from tests.permission_matrix import PUBLIC, Role, Row, register_rows, roles

OBJECTS = {
    "attendance_meeting": lambda world, department: MeetingFactory(
        host_department=department, status=MeetingStatus.APPROVED
    ),
    "attendee": lambda world, department: AttendeeFactory(meeting__host_department=department),
    "procedurestep": lambda world, department: ProcedureStepFactory(meeting__host_department=department),
    "workplan_meeting": lambda world, department: WorkPlanFactory(meeting__host_department=department).meeting,
    "workplanassignment": lambda world, department: WorkPlanAssignmentFactory(
        plan__meeting__host_department=department
    ),
    "proceduretemplate": lambda world, department: ProcedureTemplate.objects.order_by("pk").first(),
    # The sign-in URL takes the attendee's token, not a pk: the runner reverses with `obj.pk`.
    # The check-in URL takes the meeting's signed code (printed on seat cards).
    "check_in_code": lambda world, department: SimpleNamespace(
        pk=meeting_sign_in_code(MeetingFactory(host_department=department, status=MeetingStatus.APPROVED))
    ),
    "sign_in_token": lambda world, department: SimpleNamespace(
        pk=AttendeeFactory(meeting__host_department=department).token
    ),
}

CENTRE = roles(Role.MEETING_CENTRE)
PROCEDURE_VIEWERS = roles(Role.LEADERSHIP, Role.MEETING_CENTRE)
ATTENDANCE_VIEWERS = roles(Role.LEADERSHIP, Role.MEETING_CENTRE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES)
POST_ONLY = 405  # a GET on a form-action URL, after the permission and scoping checks

ROWS = [
    # procedures
    Row("meetings:meeting_procedures", allow=PROCEDURE_VIEWERS, obj="attendance_meeting"),
    Row("meetings:meeting_procedures_create", allow=CENTRE, obj="attendance_meeting", status=POST_ONLY),
    Row("meetings:procedurestep_done", allow=CENTRE, obj="procedurestep", status=POST_ONLY),
    Row("meetings:procedurestep_reopen", allow=CENTRE, obj="procedurestep", status=POST_ONLY),
    Row("meetings:procedurestep_edit", allow=CENTRE, obj="procedurestep"),
    *register_rows(
        PROCEDURE_TEMPLATES, viewers=PROCEDURE_VIEWERS, editors=CENTRE, obj="proceduretemplate", scoped=False
    ),
    # work plan
    Row("meetings:meeting_work_plan", allow=PROCEDURE_VIEWERS, obj="workplan_meeting"),
    Row("meetings:meeting_work_plan_pdf", allow=PROCEDURE_VIEWERS, obj="workplan_meeting"),
    Row("meetings:meeting_work_plan_create", allow=CENTRE, obj="attendance_meeting", status=POST_ONLY),
    Row("meetings:meeting_work_plan_assign", allow=CENTRE, obj="workplan_meeting", status=POST_ONLY),
    Row("meetings:workplanassignment_delete", allow=CENTRE, obj="workplanassignment", status=POST_ONLY),
    # attendees and seating
    Row("meetings:meeting_attendees", allow=ATTENDANCE_VIEWERS, obj="attendance_meeting"),
    Row("meetings:meeting_attendees_invite", allow=CENTRE, obj="attendance_meeting", status=POST_ONLY),
    Row("meetings:meeting_attendee_add", allow=CENTRE, obj="attendance_meeting", status=POST_ONLY),
    Row("meetings:meeting_seats_assign", allow=CENTRE, obj="attendance_meeting", status=POST_ONLY),
    Row("meetings:meeting_seating_chart_pdf", allow=ATTENDANCE_VIEWERS, obj="attendance_meeting"),
    # seat cards and notices carry the sign-in QR codes: the meeting centre only
    Row("meetings:meeting_seat_cards_pdf", allow=CENTRE, obj="attendance_meeting"),
    Row("meetings:meeting_notices_pdf", allow=CENTRE, obj="attendance_meeting"),
    # attendance
    Row("meetings:meeting_attendance", allow=ATTENDANCE_VIEWERS, obj="attendance_meeting"),
    Row("meetings:meeting_attendance_close", allow=CENTRE, obj="attendance_meeting", status=POST_ONLY),
    Row("meetings:meeting_desk_scan", allow=CENTRE, obj="attendance_meeting"),
    Row("meetings:attendee_sign_in", allow=CENTRE, obj="attendee"),
    Row("meetings:attendee_left_early", allow=CENTRE, obj="attendee"),
    Row("meetings:attendee_excuse", allow=CENTRE, obj="attendee"),
    Row("meetings:attendee_edit", allow=CENTRE, obj="attendee"),
    *register_rows(ATTENDEES, viewers=ATTENDANCE_VIEWERS, editors=CENTRE, obj="attendee"),
    # the QR page: no login; the token is the key. A valid token shows its attendee to anyone …
    Row("meetings:sign_in", allow=PUBLIC, obj="sign_in_token", scoped=False),
    # … and a forged one answers 404.
    Row("meetings:sign_in", allow=PUBLIC, kwargs={"token": "forged-token-0123456789abcdefghijkl"}, status=404),
    # the seat card's code: the meeting's page for anyone (it asks who signs in); a forged code is 404
    Row("meetings:meeting_check_in", allow=PUBLIC, obj="check_in_code", scoped=False),
    Row("meetings:meeting_check_in", allow=PUBLIC, kwargs={"code": "1:forged-signature"}, status=404),
]
# The reply page (回执): no login; the attendee's token is the key, a forged one answers 404.
ROWS += [
    Row("meetings:reply", allow=PUBLIC, obj="sign_in_token", scoped=False),
    Row("meetings:reply", allow=PUBLIC, kwargs={"token": "forged-token-0123456789abcdefghijkl"}, status=404),
]
