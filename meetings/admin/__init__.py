"""Admin registrations, one module per part of the meetings app."""

# --- official receptions 公务接待 (meetings-reception) ---
from meetings.admin import reception  # noqa: F401
# --- end official receptions ---
