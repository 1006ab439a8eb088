from django import template

from meetings.services.attendance import person_name

register = template.Library()


@register.filter
def person(user):
    """A user's name the Chinese way: surname then given name (王会务), else the username."""
    return person_name(user) if user else "—"
