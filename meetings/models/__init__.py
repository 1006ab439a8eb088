"""The meetings app's models, one module per part of the work (keep each under ~400 lines)."""

from meetings.models.meeting import Meeting

__all__ = ["Meeting"]
