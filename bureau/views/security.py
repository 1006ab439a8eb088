"""The audit administrator's log, the security administrator's sessions page, the idle warning's keep-alive."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from bureau import filtersets_security, tables_security
from bureau.models_security import AuditEntry, UserSession
from bureau.sessions import live_sessions, user_sessions_end
from bureau.views.generic import ObjectListView, ObjectViewMixin


class AuditEntryListView(ObjectListView):
    """Searched and exported by the audit administrator only (the permission is theirs alone)."""

    model = AuditEntry
    table_class = tables_security.AuditEntryTable
    filterset_class = filtersets_security.AuditEntryFilterSet


class SessionPermissionMixin(ObjectViewMixin):
    model = UserSession

    def get_permission_required(self):
        return ["bureau.manage_sessions"]


class UserSessionListView(SessionPermissionMixin, ObjectListView):
    table_class = tables_security.UserSessionTable
    filterset_class = filtersets_security.UserSessionFilterSet
    export_formats = ()

    def get_queryset(self):
        return live_sessions().select_related("user")


class UserSessionsEndView(SessionPermissionMixin, TemplateView):
    """Confirm, then end every session of one user (the URL's pk is the user's)."""

    template_name = "bureau/security/sessions_end.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated or not self.has_permission():
            return self.handle_no_permission()
        self.target = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(target=self.target, sessions=live_sessions().filter(user=self.target))
        return context

    def post(self, request, *args, **kwargs):
        count = user_sessions_end(user=self.target, actor=request.user, request=request)
        messages.success(
            request, _("%(count)d sessions of %(user)s ended.") % {"count": count, "user": self.target.get_username()}
        )
        return redirect("bureau:usersession_list")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout: the login page's place, in Chinese, with how long to wait."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


@login_required
@require_POST
def session_keep_alive(request):
    """The idle warning's "stay signed in" (static/bureau/idle-warning.js): the request itself
    counts as activity; 204, so a plain form post leaves the page where it is too."""
    request.session["_last_seen"] = int(time.time())
    return HttpResponse(status=204)
