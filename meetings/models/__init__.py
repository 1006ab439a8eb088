"""The meetings app's models, one module per part of the work (keep each under ~400 lines)."""

# --- meetings-attendance: attendees and attendance ---
from meetings.models.attendance import AttendanceStatus, Attendee, CheckInMethod
from meetings.models.meeting import Meeting

# --- meetings-attendance: procedures and the work plan ---
from meetings.models.procedures import (
    MeetingProcedureStep,
    ProcedurePhase,
    ProcedureTemplate,
    WorkPlan,
    WorkPlanAssignment,
    WorkPlanPost,
)

__all__ = ["Meeting"]
# --- meetings-attendance ---
__all__ += [
    "AttendanceStatus",
    "Attendee",
    "CheckInMethod",
    "MeetingProcedureStep",
    "ProcedurePhase",
    "ProcedureTemplate",
    "WorkPlan",
    "WorkPlanAssignment",
    "WorkPlanPost",
]
