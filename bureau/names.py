"""How people are named on pages, PDFs and in history: by name, never by login. A leaf module, so that
the history (imported by the models) can use it too."""


def person_name(user):
    """A user's name as Chinese is written: surname then given name, no space (王会务); else the login."""
    name = f"{user.last_name}{user.first_name}".strip()
    return name or user.get_username()
