"""The meetings app's models, one module per part of the work (keep each under ~400 lines).

The choices live in meetings.choices; the four re-exported here were exported from this package
before they moved there, and stay importable from it.
"""

from meetings.choices import AttendanceStatus, ProcedurePhase, SignInMethod, WorkPlanPost
from meetings.models.approval import ApprovalDecision
from meetings.models.attendance import Attendee
from meetings.models.budget import BudgetLine
from meetings.models.meeting import Meeting
from meetings.models.printing import PrintingOrder
from meetings.models.procedures import MeetingProcedureStep, ProcedureTemplate, WorkPlan, WorkPlanAssignment
from meetings.models.reception import (
    OfficialLetter,
    Reception,
    ReceptionEscort,
    ReceptionGuest,
    ReceptionMeal,
    TourStop,
)
from meetings.models.standards import MeetingStandard

__all__ = [
    # meetings core: the meeting, its approval, budget and printing, and the standards they obey
    "Meeting",
    "ApprovalDecision",
    "BudgetLine",
    "MeetingStandard",
    "PrintingOrder",
    # official receptions 公务接待
    "OfficialLetter",
    "Reception",
    "ReceptionEscort",
    "ReceptionGuest",
    "ReceptionMeal",
    "TourStop",
    # attendees, attendance, procedures and the work plan
    "Attendee",
    "MeetingProcedureStep",
    "ProcedureTemplate",
    "WorkPlan",
    "WorkPlanAssignment",
    # choices (defined in meetings.choices)
    "AttendanceStatus",
    "SignInMethod",
    "ProcedurePhase",
    "WorkPlanPost",
]
