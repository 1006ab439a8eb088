"""Meetings forms, one module per part of the work."""
