"""Meetings filtersets, one module per part of the work."""
