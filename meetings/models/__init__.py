"""The meetings app's models, one module per part of the work (keep each under ~400 lines)."""

# ---- meetings-core ----
from meetings.models.approval import ApprovalDecision  # noqa: E402,I001
from meetings.models.budget import BudgetLine  # noqa: E402
from meetings.models.meeting import Meeting
from meetings.models.printing import PrintingOrder  # noqa: E402
from meetings.models.standards import MeetingStandard  # noqa: E402

__all__ = ["Meeting", "ApprovalDecision", "BudgetLine", "MeetingStandard", "PrintingOrder"]

# --- official receptions 公务接待 (meetings-reception) ---
from meetings.models.reception import (  # noqa: E402
    OfficialLetter,
    Reception,
    ReceptionEscort,
    ReceptionGuest,
    ReceptionMeal,
    TourStop,
)

__all__ += ["OfficialLetter", "Reception", "ReceptionEscort", "ReceptionGuest", "ReceptionMeal", "TourStop"]
# --- end official receptions ---

# --- meetings-attendance: attendees, attendance, procedures and the work plan ---
from meetings.models.attendance import AttendanceStatus, Attendee, CheckInMethod  # noqa: E402
from meetings.models.procedures import (  # noqa: E402
    MeetingProcedureStep,
    ProcedurePhase,
    ProcedureTemplate,
    WorkPlan,
    WorkPlanAssignment,
    WorkPlanPost,
)

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
# --- end meetings-attendance ---
