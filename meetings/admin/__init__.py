"""Meetings admin, one module per part of the work (each registers its own models)."""

from meetings.admin import (
    attendance,  # noqa: F401  meetings-attendance
    core,  # noqa: F401  meetings-core
    reception,  # noqa: F401  official receptions
)
