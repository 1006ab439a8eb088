"""Security records (等保 2.0): the append-only audit log, who is logged in where, password ages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    LOGIN = "login", _("Login")
    SUPERUSER_LOGIN = "superuser_login", _("Superuser login")
    LOGIN_FAILED = "login_failed", _("Login failed")
    LOGOUT = "logout", _("Logout")
    USER_CREATED = "user_created", _("User created")
    USER_DEACTIVATED = "user_deactivated", _("User deactivated")
    USER_REACTIVATED = "user_reactivated", _("User reactivated")
    ROLES_CHANGED = "roles_changed", _("Roles changed")
    PERMISSIONS_CHANGED = "permissions_changed", _("Permissions changed")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    SESSIONS_ENDED = "sessions_ended", _("Sessions ended")
    ADMIN_ACTION = "admin_action", _("Admin action")
    EXPORT = "export", _("Export")
    VIEW_PERSONAL = "view_personal", _("Personal data viewed")
    AUDIT_ARCHIVED = "audit_archived", _("Audit log archived")
    BACKUP = "backup", _("Backup made")
    RESTORE = "restore", _("Backup restored")


class AuditOutcome(models.TextChoices):
    SUCCESS = "success", _("Success")
    FAILURE = "failure", _("Failure")


class AuditEntryQuerySet(models.QuerySet):
    def for_user(self, user):
        """The log is read by the audit administrator (the permission says who); no department scope."""
        return self if user.is_authenticated else self.none()


class AuditEntry(models.Model):
    """Who did what, when, from which address, with what outcome. Rows are only ever added: the
    model refuses to save an existing row or delete one, and on PostgreSQL a trigger refuses
    UPDATE and DELETE whoever asks."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # No database constraint: the log outlives whatever it names, and a row is never updated.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(_("login name"), max_length=150, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=30, choices=AuditAction.choices, db_index=True)
    target = models.CharField(_("object"), max_length=300, blank=True)
    detail = models.TextField(_("detail"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=AuditOutcome.choices, default=AuditOutcome.SUCCESS)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)
        permissions = [
            ("assign_roles", _("Can assign roles and permissions")),
            ("manage_sessions", _("Can list and end users' sessions")),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("The audit log is append-only."), code="append_only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("The audit log is append-only."), code="append_only")


class UserSession(models.Model):
    """A session a user logged in with, so the security administrator can list and end it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    started_at = models.DateTimeField(_("logged in at"), auto_now_add=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["started_at"])]  # the list's order

    def __str__(self):
        return f"{self.user} {self.address or ''} {self.started_at:%Y-%m-%d %H:%M}"


class PasswordRecord(models.Model):
    """A password a user has had (its hash), newest last: for expiry and no reuse of the last ones."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    password = models.CharField(_("password"), max_length=128)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("password record")
        verbose_name_plural = _("password records")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.user} {self.changed_at:%Y-%m-%d}"


class PasswordChangeRequired(models.Model):
    """The user must choose a new password before anything else (an account an administrator or
    the demo made)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    since = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("password change required")
        verbose_name_plural = _("password changes required")

    def __str__(self):
        return str(self.user)
