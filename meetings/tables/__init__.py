"""Meetings tables, one module per part of the work."""
