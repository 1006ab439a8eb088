"""The security audit log (等保 2.0): one service that writes an entry, and the signal receivers
that write one for logins, logouts, failed logins, role and permission changes, user creation and
deactivation, and admin actions. Exports call `audit_record` themselves (generic list export, PDFs,
file downloads); tests/bureau/test_audit.py walks every export path to make sure they do."""

import datetime
import gzip
import hashlib
import json
import os
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import DatabaseError, connection, transaction
from django.db.models import Max
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from bureau.models_security import AuditAction, AuditEntry, AuditOutcome


def client_address(request):
    """The address the request came from: REMOTE_ADDR, or behind BUREAU_TRUSTED_PROXIES proxies the
    address the first of them saw (X-Forwarded-For read from the right, so a client can't forge it)."""
    if request is None:
        return None
    proxies = settings.BUREAU_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def current_request():
    """The request being served on this thread (set by simple_history's middleware), or None."""
    return getattr(HistoricalRecords.context, "request", None)


def audit_record(*, action, request=None, actor=None, target="", detail="", outcome=AuditOutcome.SUCCESS):
    """Append one entry. Without `actor`, the request's user is the one who acted."""
    request = request if request is not None else current_request()
    if actor is None and request is not None and getattr(request, "user", None) is not None:
        actor = request.user if request.user.is_authenticated else None
    return AuditEntry.objects.create(
        actor=actor,
        username=actor.get_username() if actor is not None else "",
        address=client_address(request),
        action=action,
        target=str(target)[:300],
        detail=detail,
        outcome=outcome,
    )


def audit_export(request, *, target, detail=""):
    """An export (list, PDF or file) leaves the portal: who took what."""
    return audit_record(
        action=AuditAction.EXPORT, request=request, target=target, detail=detail or request.get_full_path()
    )


def audit_personal_view(request, *, obj, in_full, page="detail"):
    """A record holding personal data was looked at (个人信息保护法): who, which record, masked or in full."""
    meta = obj._meta
    return audit_record(
        action=AuditAction.VIEW_PERSONAL,
        request=request,
        target=f"{meta.label_lower} {obj.pk} {obj}",
        detail=f"{page} {'full' if in_full else 'masked'}",
    )


def _logged_in(sender, request, user, **kwargs):
    action = AuditAction.SUPERUSER_LOGIN if user.is_superuser else AuditAction.LOGIN
    audit_record(action=action, request=request, actor=user)
    if user.is_superuser:
        messages.warning(
            request,
            _("You are logged in as a superuser. Use this account for set-up only; this login is in the audit log."),
            fail_silently=True,
        )


def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditAction.LOGOUT, request=request, actor=user)


def _login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    AuditEntry.objects.create(
        username=username,
        address=client_address(request),
        action=AuditAction.LOGIN_FAILED,
        outcome=AuditOutcome.FAILURE,
    )


def _remember_active(sender, instance, **kwargs):
    """Before a user is saved: was the account active? (post_save then tells a deactivation.)"""
    if instance.pk is None:
        instance._audit_was_active = None
    else:
        instance._audit_was_active = sender.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()


def _user_saved(sender, instance, created, **kwargs):
    if kwargs.get("raw"):
        return
    if created:
        audit_record(action=AuditAction.USER_CREATED, target=instance.get_username())
        return
    was_active = getattr(instance, "_audit_was_active", None)
    if was_active and not instance.is_active:
        audit_record(action=AuditAction.USER_DEACTIVATED, target=instance.get_username())
    elif was_active is False and instance.is_active:
        audit_record(action=AuditAction.USER_REACTIVATED, target=instance.get_username())


def _names(model, pks):
    if model is Group:
        return sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
    if model is get_user_model():
        return sorted(model.objects.filter(pk__in=pks).values_list("username", flat=True))
    return sorted(f"{p.content_type.app_label}.{p.codename}" for p in model.objects.filter(pk__in=pks))


def _m2m_changed(action_kind):
    def receiver(sender, instance, action, reverse, model, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        verb = {"post_add": "+", "post_remove": "-", "post_clear": "-*"}[action]
        names = "、".join(_names(model, pk_set or ()))
        audit_record(action=action_kind, target=str(instance), detail=f"{verb} {names}".strip())

    return receiver


_ADMIN_VERBS = {ADDITION: "add", CHANGE: "change", DELETION: "delete"}


def _admin_logged(sender, instance, created, **kwargs):
    if created:
        model = instance.content_type.model if instance.content_type_id else ""
        audit_record(
            action=AuditAction.ADMIN_ACTION,
            actor=instance.user,
            target=f"{model} {instance.object_repr}".strip(),
            detail=f"{_ADMIN_VERBS.get(instance.action_flag, instance.action_flag)} {instance.get_change_message()}",
        )


def connect():
    User = get_user_model()
    user_logged_in.connect(_logged_in, dispatch_uid="bureau.audit.login")
    user_logged_out.connect(_logged_out, dispatch_uid="bureau.audit.logout")
    user_login_failed.connect(_login_failed, dispatch_uid="bureau.audit.login_failed")
    pre_save.connect(_remember_active, sender=User, dispatch_uid="bureau.audit.user_pre_save")
    post_save.connect(_user_saved, sender=User, dispatch_uid="bureau.audit.user_saved")
    m2m_changed.connect(
        _m2m_changed(AuditAction.ROLES_CHANGED),
        sender=User.groups.through,
        weak=False,  # a closure: nothing else keeps it alive
        dispatch_uid="bureau.audit.roles",
    )
    m2m_changed.connect(
        _m2m_changed(AuditAction.PERMISSIONS_CHANGED),
        sender=User.user_permissions.through,
        weak=False,
        dispatch_uid="bureau.audit.user_permissions",
    )
    m2m_changed.connect(
        _m2m_changed(AuditAction.PERMISSIONS_CHANGED),
        sender=Group.permissions.through,
        weak=False,
        dispatch_uid="bureau.audit.group_permissions",
    )
    post_save.connect(_admin_logged, sender=LogEntry, dispatch_uid="bureau.audit.admin")


def _archive_line(entry):
    return json.dumps(
        {
            "id": entry.pk,
            "at": entry.at.isoformat(),
            "actor_id": entry.actor_id,
            "username": entry.username,
            "address": entry.address,
            "action": entry.action,
            "target": entry.target,
            "detail": entry.detail,
            "outcome": entry.outcome,
        },
        ensure_ascii=False,
    )


def audit_archive(*, directory=None, retention_days=None):
    """Move the entries older than BUREAU_AUDIT_RETENTION_DAYS to `audit-<first>-<last>-<id>.jsonl.gz`
    with a `.sha256` file beside it, then delete exactly those rows and log the archiving. The file
    is written, synced and read back before any row goes; if the rows deleted aren't the rows
    written, nothing is deleted. On PostgreSQL the append-only trigger lets a DELETE through only
    for rows up to the id this transaction names (a transaction-local setting) that are also older
    than 180 days; every other UPDATE or DELETE is still refused. Returns the archive's path or None."""
    directory = Path(directory or settings.BUREAU_AUDIT_ARCHIVE_DIR)
    days = settings.BUREAU_AUDIT_RETENTION_DAYS if retention_days is None else retention_days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    with transaction.atomic():
        old = AuditEntry.objects.filter(at__lt=cutoff)
        upto = old.aggregate(upto=Max("pk"))["upto"]
        if upto is None:
            return None
        rows = old.filter(pk__lte=upto).order_by("pk")
        first, last = rows.first(), rows.last()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"audit-{first.at:%Y%m%d}-{last.at:%Y%m%d}-{upto}.jsonl.gz"
        ids = []
        raw = open(path, "xb")  # noqa: SIM115 (never over an archive already there)
        try:
            with raw:
                with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as archive:
                    for entry in rows.iterator(chunk_size=2000):
                        archive.write(_archive_line(entry).encode() + b"\n")
                        ids.append(entry.pk)
                raw.flush()
                os.fsync(raw.fileno())
            with gzip.open(path, "rt", encoding="utf-8") as archive:
                if [json.loads(line)["id"] for line in archive] != ids:
                    raise DatabaseError(f"{path.name} does not read back as written")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            checksum = path.with_name(path.name + ".sha256")
            checksum.write_text(f"{digest}  {path.name}\n")  # the `sha256sum -c` format
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("SELECT set_config('bureau.audit_archive_upto', %s, true)", [str(upto)])
                cursor.execute("DELETE FROM bureau_auditentry WHERE id <= %s AND at < %s", [upto, cutoff])
                if cursor.rowcount != len(ids):
                    raise DatabaseError(f"{cursor.rowcount} rows to delete, {len(ids)} archived")
                if connection.vendor == "postgresql":
                    # Withdrawn at once: called inside an outer transaction, it would last until that ends.
                    cursor.execute("SELECT set_config('bureau.audit_archive_upto', '', true)")
            audit_record(
                action=AuditAction.AUDIT_ARCHIVED,
                target=path.name,
                detail=_("%(count)d entries before %(cutoff)s, sha256 %(digest)s")
                % {"count": len(ids), "cutoff": f"{cutoff:%Y-%m-%d %H:%M}", "digest": digest},
            )
        except BaseException:
            # Nothing was deleted (the transaction rolls back): no file claims otherwise.
            for leftover in (path, path.with_name(path.name + ".sha256")):
                leftover.unlink(missing_ok=True)
            raise
    return path
