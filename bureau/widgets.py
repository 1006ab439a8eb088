"""Form widgets every centre may use."""

from django import forms


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's own date-and-time picker (`<input type="datetime-local">`), which sends and
    shows `2026-12-01T09:30`: the value is rendered in that format so an edited form keeps it."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")
