"""Home, health check and error pages."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from bureau.navigation import menu_for
from bureau.roles import ROLE_MAIN_SECTION, has_role, role_names


class RoleRequiredMixin(LoginRequiredMixin):
    """For pages gated by role rather than by one model permission (a centre's index page)."""

    roles = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not (request.user.is_superuser or has_role(request.user, *self.roles)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CentreIndexView(RoleRequiredMixin, TemplateView):
    """A centre's landing page: its menu section as tiles. Apps set `roles` and `section_url`."""

    template_name = "bureau/centre_index.html"
    section_url = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for section, items in menu_for(self.request.user):
            if section.url_name == self.section_url:
                context.update(section=section, items=items)
        return context


@login_required
def home(request):
    """Every role lands on the sections it works in, its main one first."""
    main = {ROLE_MAIN_SECTION[name] for name in role_names(request.user) if name in ROLE_MAIN_SECTION}
    sections = sorted(menu_for(request.user), key=lambda entry: entry[0].url_name not in main)
    return render(request, "bureau/home.html", {"sections": sections})


@never_cache
def healthz(request):
    """200 when the database (and the broker, where configured) answer; 503 otherwise."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = f"error: {exc.__class__.__name__}"
    if settings.CELERY_BROKER_URL:
        from bureau.celery import app

        try:
            # The URL from settings, not the app's cached configuration: what is configured now.
            with app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
                conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
            checks["broker"] = "ok"
        except Exception as exc:  # noqa: BLE001
            checks["broker"] = f"error: {exc.__class__.__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No request context: the database (sessions, the user, the menu) may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
