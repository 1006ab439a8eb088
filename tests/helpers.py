"""Small helpers shared by tests of several apps."""

from django.conf import settings


def english(client):
    """Switch `client` to English as the language switch does (a cookie), and return it."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
