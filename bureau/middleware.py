import time

from django.conf import settings
from django.contrib.auth import logout
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin


class PortalLocaleMiddleware(LocaleMiddleware):
    """Chinese unless the user chose otherwise with the language switch (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a browser set up in
    English would show an English portal to a Chinese bureau; the portal speaks Chinese by default.
    """

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class IdleSessionMiddleware(MiddlewareMixin):
    """Ends a logged-in session idle for BUREAU_SESSION_IDLE_MINUTES (the cookie's age is the same,
    refreshed when the session is saved). The last request's time is stored at most once a minute,
    so a busy user doesn't write the session on every request. (A process_request hook, not a
    wrapper: the views' own stack stays free of project middleware.)"""

    def process_request(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get("_last_seen", now)
            if now - last > settings.BUREAU_SESSION_IDLE_MINUTES * 60:
                logout(request)  # ends the session server-side, then the login page asks again
            elif now - last >= 60 or "_last_seen" not in request.session:
                request.session["_last_seen"] = now
