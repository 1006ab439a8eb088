import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control
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


class RequestSizeLimitMiddleware(MiddlewareMixin):
    """Refuses a request whose declared body is over BUREAU_MAX_REQUEST_BYTES before anything reads
    it (Django's own limits apply while it is being read)."""

    def process_request(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.BUREAU_MAX_REQUEST_BYTES:
            limit_mb = settings.BUREAU_MAX_REQUEST_BYTES // (1024 * 1024)
            message = translation.gettext("The upload is too large: at most %(mb)s MB per request.") % {"mb": limit_mb}
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return None


class PrivateResponseMiddleware(MiddlewareMixin):
    """Nothing shown to a logged-in user (pages, exports, PDFs) is kept by a browser or a proxy cache,
    and every response says which browser features the portal never uses."""

    def process_response(self, request, response):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        response.headers.setdefault("Permissions-Policy", settings.BUREAU_PERMISSIONS_POLICY)
        return response
