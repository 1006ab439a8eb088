"""Admin of the meetings app, one module per part of the work."""

# --- meetings-attendance ---
from meetings.admin import attendance  # noqa: F401
