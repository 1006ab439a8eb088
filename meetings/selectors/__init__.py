"""Meetings selectors (reads composed for a page), one module per part of the work."""
