"""The meetings app's models, one module per part of the work (keep each under ~400 lines)."""

from meetings.models.meeting import Meeting

__all__ = ["Meeting"]

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
