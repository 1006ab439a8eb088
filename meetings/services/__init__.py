"""Meetings services (every write beyond a plain form save). One module per part of the work."""

# ---- meetings-core ----
from meetings.services.approval import meeting_check_limits  # noqa: F401
from meetings.services.budget import (  # noqa: F401
    meeting_budget_save,
    meeting_check_settlement,
    printing_order_save,
)
from meetings.services.lifecycle import (  # noqa: F401
    MeetingWorkflow,
    meeting_approve,
    meeting_cancel,
    meeting_finish,
    meeting_reject,
    meeting_send_back,
    meeting_settle,
    meeting_start,
    meeting_start_preparing,
    meeting_submit,
)
from meetings.services.meeting import (  # noqa: F401
    meeting_check_venue,
    meeting_create,
    meeting_update,
)
