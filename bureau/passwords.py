"""Password policy (等保 2.0): character classes, no reuse of the last passwords, expiry and a forced
change (after expiry, or at the first login of an account an administrator or the demo made).

The validators are Django password validators (AUTH_PASSWORD_VALIDATORS), so every password form
applies them; `password_changed` is how Django tells them a password was set, which is where the
history is kept.
"""

import datetime
import string
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bureau.models_security import PasswordChangeRequired, PasswordRecord

CLASSES = (string.ascii_lowercase, string.ascii_uppercase, string.digits)


def character_classes(password):
    """How many of the four classes (lower case, capitals, digits, other characters) appear."""
    found = sum(any(char in chars for char in password) for chars in CLASSES)
    found += any(not any(char in chars for chars in CLASSES) for char in password)
    return found


class CharacterClassesValidator:
    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        if character_classes(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_few_classes")

    def get_help_text(self):
        return _(
            "Your password must mix at least %(count)d of: lower-case letters, capital letters, digits, "
            "other characters."
        ) % {"count": self.min_classes}


def password_records(user, keep):
    return PasswordRecord.objects.filter(user=user).order_by("-changed_at", "-pk")[:keep]


class PasswordHistoryValidator:
    """Refuses the current password and the last `keep` ones; records each new one."""

    def __init__(self, keep=5):
        self.keep = keep

    def validate(self, password, user=None):
        if user is None or user.pk is None:
            return
        hashes = [record.password for record in password_records(user, self.keep)]
        if user.password:
            hashes.append(user.password)
        if any(check_password(password, encoded) for encoded in hashes):
            raise ValidationError(
                ngettext(
                    "You used this password recently; choose one you have not used in your last %(count)d.",
                    "You used this password recently; choose one you have not used in your last %(count)d.",
                    self.keep,
                )
                % {"count": self.keep},
                code="password_reused",
            )

    def password_changed(self, password, user=None):
        if user is None or user.pk is None:
            return
        from bureau.audit import audit_record
        from bureau.models_security import AuditAction

        changed = PasswordRecord.objects.filter(user=user).exists()
        PasswordRecord.objects.create(user=user, password=user.password)
        old = PasswordRecord.objects.filter(user=user).order_by("-changed_at", "-pk")[self.keep :]
        PasswordRecord.objects.filter(pk__in=list(old.values_list("pk", flat=True))).delete()
        PasswordChangeRequired.objects.filter(user=user).delete()
        if changed:
            audit_record(action=AuditAction.PASSWORD_CHANGED, target=user.get_username())

    def get_help_text(self):
        return _("Your password cannot be one of your last %(count)d.") % {"count": self.keep}


def require_password_change(user):
    """The user chooses a new password at the next login (an account made for them by someone else)."""
    PasswordChangeRequired.objects.get_or_create(user=user)


def password_change_reason(user):
    """Why the user must change their password now, or None."""
    if PasswordChangeRequired.objects.filter(user=user).exists():
        return _("Please choose your own password before you go on.")
    max_age = settings.BUREAU_PASSWORD_MAX_AGE_DAYS
    if max_age:
        last = PasswordRecord.objects.filter(user=user).order_by("-changed_at").values_list("changed_at", flat=True)
        changed_at = last.first() or user.date_joined
        if changed_at < timezone.now() - datetime.timedelta(days=max_age):
            return _("Your password is more than %(days)d days old; please choose a new one.") % {"days": max_age}
    return None


def check_at_login(sender, request, user, **kwargs):
    """user_logged_in: a password in order is noted in the session, so the first page costs nothing."""
    session = getattr(request, "session", None)
    if session is not None and password_change_reason(user) is None:
        session["_password_ok_until"] = int(time.time()) + PasswordPolicyMiddleware.RECHECK_SECONDS


class PasswordPolicyMiddleware(MiddlewareMixin):
    """A user whose password has expired or who must choose their own sees only the change page.

    The check costs two queries; a session that passed it is not checked again for an hour."""

    RECHECK_SECONDS = 3600
    ALWAYS_ALLOWED = ("password_change", "password_change_done", "logout")

    def process_request(self, request):
        if request.user.is_authenticated and not self._allowed(request):
            now = int(time.time())
            if request.session.get("_password_ok_until", 0) < now:
                reason = password_change_reason(request.user)
                if reason:
                    messages.warning(request, reason)
                    return redirect("password_change")
                request.session["_password_ok_until"] = now + self.RECHECK_SECONDS
        return None

    def _allowed(self, request):
        path = request.path_info
        if path.startswith(("/" + settings.STATIC_URL.lstrip("/"), "/i18n/")):
            return True
        return any(path == reverse(name) for name in self.ALWAYS_ALLOWED)
