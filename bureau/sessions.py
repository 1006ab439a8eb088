"""Who is logged in where: sessions are recorded at login so the security administrator can list
and end them (database sessions, or cached_db where Redis is configured: deleting through the
session engine ends them in the cache and the database alike)."""

import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from bureau.audit import audit_record, client_address
from bureau.models_security import AuditAction, UserSession


def live_sessions():
    """Recorded sessions that have not expired (the session table is behind every engine we use)."""
    alive = Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")
    return UserSession.objects.filter(session_key__in=alive)


def user_sessions_end(*, user, actor=None, request=None, reason=""):
    """End every session of `user`: they are logged out everywhere. Returns how many ended."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    with transaction.atomic():
        keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
        for key in keys:
            store(session_key=key).delete()
        UserSession.objects.filter(user=user).delete()
        audit_record(
            action=AuditAction.SESSIONS_ENDED,
            request=request,
            actor=actor,
            target=user.get_username(),
            detail=f"{len(keys)} {reason}".strip(),
        )
    return len(keys)


def _logged_in(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        session["_last_seen"] = int(time.time())  # so the first page writes no session (idle check)
    key = getattr(session, "session_key", None)
    if key:
        UserSession.objects.update_or_create(
            session_key=key,
            defaults={
                "user": user,
                "address": client_address(request),
                "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
            },
        )


def _logged_out(sender, request, user, **kwargs):
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        UserSession.objects.filter(session_key=key).delete()


def _user_saved(sender, instance, created, **kwargs):
    """A deactivated account is logged out everywhere, so reactivating it revives no old session."""
    if (
        not created
        and not kwargs.get("raw")
        and getattr(instance, "_audit_was_active", None)
        and not instance.is_active
    ):
        user_sessions_end(user=instance, reason="deactivated")


def connect():
    from bureau.passwords import check_at_login

    user_logged_in.connect(_logged_in, dispatch_uid="bureau.sessions.login")
    user_logged_in.connect(check_at_login, dispatch_uid="bureau.passwords.login")
    user_logged_out.connect(_logged_out, dispatch_uid="bureau.sessions.logout")
    post_save.connect(_user_saved, sender=get_user_model(), dispatch_uid="bureau.sessions.user_saved")
