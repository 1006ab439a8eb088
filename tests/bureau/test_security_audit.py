"""The security audit log: what writes an entry, that every export path writes one, who reads it,
and that it is append-only (on PostgreSQL a trigger refuses UPDATE and DELETE)."""

import datetime
import gzip
import hashlib
import json
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.urls import resolve, reverse
from django.utils import timezone

from bureau import tasks
from bureau.audit import audit_archive
from bureau.models_security import AuditAction, AuditEntry, AuditOutcome
from bureau.roles import Role
from tests.factories import make_user
from tests.helpers import stub_pdf_layout
from tests.permission_matrix import load

ROWS, OBJECTS = load()


def entries(action, **filters):
    return AuditEntry.objects.filter(action=action, **filters)


@pytest.mark.django_db
def test_login_logout_and_failure_are_logged_with_the_address(client):
    make_user(username="wang", password="Pw-123456")
    client.post(reverse("login"), {"username": "wang", "password": "wrong"}, REMOTE_ADDR="10.0.0.7")
    failed = entries(AuditAction.LOGIN_FAILED).get()
    assert (failed.username, failed.address, failed.outcome) == ("wang", "10.0.0.7", AuditOutcome.FAILURE)

    client.post(reverse("login"), {"username": "wang", "password": "Pw-123456"}, REMOTE_ADDR="10.0.0.8")
    login = entries(AuditAction.LOGIN).get()
    assert (login.username, login.address) == ("wang", "10.0.0.8")
    client.post(reverse("logout"), REMOTE_ADDR="10.0.0.8")
    assert entries(AuditAction.LOGOUT, username="wang").exists()


@pytest.mark.django_db
def test_superuser_login_is_logged_apart_and_warned_about(client):
    make_user(username="root", password="Pw-123456", is_superuser=True, is_staff=True)
    response = client.post(reverse("login"), {"username": "root", "password": "Pw-123456"}, follow=True)
    assert entries(AuditAction.SUPERUSER_LOGIN, username="root").exists()
    assert "超级用户" in response.content.decode()


@pytest.mark.django_db
def test_role_and_permission_changes_and_user_creation_and_deactivation_are_logged(client):
    user = make_user(username="li")
    assert entries(AuditAction.USER_CREATED, target="li").exists()
    user.groups.add(Group.objects.get(name=Role.FINANCE))
    assert entries(AuditAction.ROLES_CHANGED, target="li", detail__contains=Role.FINANCE).exists()
    user.is_active = False
    user.save()
    assert entries(AuditAction.USER_DEACTIVATED, target="li").exists()


@pytest.mark.django_db
def test_admin_actions_are_logged(client):
    root = make_user(username="root", is_superuser=True, is_staff=True)
    client.force_login(root)
    target = make_user(username="zhao")
    client.post(
        reverse("admin:auth_user_changelist"), {"action": "deactivate_selected", "_selected_action": [target.pk]}
    )
    target.refresh_from_db()
    assert not target.is_active
    assert entries(AuditAction.USER_DEACTIVATED, target="zhao", username="root").exists()


def _view_class(url):
    return getattr(resolve(url).func, "view_class", None)


@pytest.mark.django_db
def test_every_export_path_writes_an_entry(world, client, monkeypatch):
    """Every list of the permission matrix exported as CSV, and every page that answers with a file
    (a PDF, a scan): each one writes an export entry. A new export path without one fails here."""
    from bureau.views.generic import ObjectListView

    stub_pdf_layout(monkeypatch)  # what is checked is the entry, not what the PDF shows
    client.force_login(world.users["superuser"])
    checked, kinds = [], set()
    for row in ROWS:
        args = [OBJECTS[row.obj](world, world.own).pk] if row.obj else []
        url = reverse(row.url_name, args=args, kwargs=row.kwargs or None)
        view = _view_class(url)
        if view is not None and issubclass(view, ObjectListView) and "csv" in view.export_formats:
            url = f"{url}?_export=csv"
        before = AuditEntry.objects.count()
        response = client.get(url)
        if not response.has_header("Content-Disposition"):
            continue
        checked.append(row.url_name)
        kinds.add(response["Content-Type"].split(";")[0])
        new = AuditEntry.objects.filter(action=AuditAction.EXPORT).order_by("-pk")[
            : AuditEntry.objects.count() - before
        ]
        assert any(entry.username == "root" for entry in new), f"{url} exports without an audit entry"
    assert "bureau:department_list" in checked and "bureau:auditentry_list" in checked
    assert {"text/csv", "application/pdf"} <= kinds, kinds


@pytest.mark.django_db
def test_only_the_audit_administrator_reads_and_exports_the_log(world, client):
    AuditEntry.objects.create(username="someone", action=AuditAction.LOGIN)
    url = reverse("bureau:auditentry_list")
    client.force_login(world.users[Role.AUDIT_ADMINISTRATOR])
    assert "someone" in client.get(url).content.decode()
    assert client.get(f"{url}?_export=csv").status_code == 200
    # …and nothing else: no business page, no admin site.
    for other in ("bureau:department_list", "bureau:room_list", "bureau:usersession_list"):
        assert client.get(reverse(other)).status_code == 403
    assert client.get(reverse("admin:index")).status_code == 302
    for who in (Role.SECURITY_ADMINISTRATOR, Role.SYSTEM_ADMINISTRATOR, Role.LEADERSHIP):
        client.force_login(world.users[who])
        assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_the_model_refuses_to_change_or_delete_an_entry():
    entry = AuditEntry.objects.create(username="x", action=AuditAction.LOGIN)
    entry.detail = "rewritten"
    with pytest.raises(ValidationError) as exc:
        entry.save()
    assert exc.value.code == "append_only"
    with pytest.raises(ValidationError) as exc:
        entry.delete()
    assert exc.value.code == "append_only"


@pytest.mark.django_db
def test_the_database_refuses_update_and_on_postgresql_delete_on_the_audit_table():
    """PostgreSQL refuses both; SQLite (the embedded default) refuses UPDATE (its test flush deletes)."""
    AuditEntry.objects.create(username="x", action=AuditAction.LOGIN)
    statements = ["UPDATE bureau_auditentry SET detail = 'x'"]
    if connection.vendor == "postgresql":
        statements.append("DELETE FROM bureau_auditentry")
    for statement in statements:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.all().update(detail="x")
    assert AuditEntry.objects.filter(username="x", detail="").count() == 1


def _entry_at(when, **fields):
    with mock.patch("django.utils.timezone.now", return_value=when):
        return AuditEntry.objects.create(**fields)


@pytest.mark.django_db
def test_the_archive_job_moves_old_entries_to_a_checksummed_file_and_removes_only_them(settings, tmp_path):
    settings.BUREAU_AUDIT_ARCHIVE_DIR = tmp_path
    assert settings.BUREAU_AUDIT_RETENTION_DAYS == 180
    now = timezone.now()
    old = [
        _entry_at(now - datetime.timedelta(days=days), username=f"old{days}", action=AuditAction.LOGIN)
        for days in (400, 200, 181)
    ]
    kept = [
        _entry_at(now - datetime.timedelta(days=days), username=f"new{days}", action=AuditAction.LOGIN)
        for days in (179, 0)
    ]
    assert settings.CELERY_BEAT_SCHEDULE["bureau.audit_archive"]["task"] == tasks.audit_archive.name

    name = tasks.audit_archive.apply().get()
    archive = tmp_path / name
    digest, file_name = (tmp_path / f"{name}.sha256").read_text().split()
    assert file_name == name and hashlib.sha256(archive.read_bytes()).hexdigest() == digest
    with gzip.open(archive, "rt", encoding="utf-8") as lines:
        archived = [json.loads(line) for line in lines]
    assert [row["username"] for row in archived] == ["old400", "old200", "old181"]
    assert [row["id"] for row in archived] == [entry.pk for entry in old]

    left = set(AuditEntry.objects.values_list("pk", flat=True))
    assert not left & {entry.pk for entry in old}
    assert {entry.pk for entry in kept} <= left
    record = AuditEntry.objects.get(action=AuditAction.AUDIT_ARCHIVED)
    assert record.target == name and digest in record.detail and "3" in record.detail
    # Nothing older is left: a second run archives nothing and writes no file.
    assert tasks.audit_archive.apply().get() is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [name, f"{name}.sha256"]


@pytest.mark.django_db
def test_on_postgresql_only_the_archive_job_can_delete_and_only_rows_older_than_six_months(settings, tmp_path):
    """The trigger still refuses a plain DELETE of an old row, and the archive's own permission
    (a transaction-local setting) doesn't reach a row younger than 180 days."""
    now = timezone.now()
    old = _entry_at(now - datetime.timedelta(days=400), username="old", action=AuditAction.LOGIN)
    young = _entry_at(now - datetime.timedelta(days=10), username="young", action=AuditAction.LOGIN)
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # SQLite has no DELETE trigger (see the test above)
        return
    attempts = [
        ["DELETE FROM bureau_auditentry WHERE id = %s", [old.pk]],
        [
            "SELECT set_config('bureau.audit_archive_upto', %s, true); DELETE FROM bureau_auditentry WHERE id = %s",
            [str(young.pk), young.pk],
        ],
        [
            "SELECT set_config('bureau.audit_archive_upto', %s, true); "
            "UPDATE bureau_auditentry SET detail = 'x' WHERE id = %s",
            [str(old.pk), old.pk],
        ],
    ]
    for statement, params in attempts:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            for part, param in zip(statement.split("; "), [[p] for p in params], strict=True):
                cursor.execute(part, param)
    # After the archive job (in this same outer test transaction), a plain DELETE is refused again.
    settings.BUREAU_AUDIT_ARCHIVE_DIR = tmp_path
    assert audit_archive().name.endswith(".jsonl.gz")
    later = _entry_at(now - datetime.timedelta(days=300), username="later", action=AuditAction.LOGIN)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM bureau_auditentry WHERE id = %s", [later.pk])
    assert AuditEntry.objects.filter(pk=later.pk).exists() and not AuditEntry.objects.filter(pk=old.pk).exists()
    assert AuditEntry.objects.filter(pk=young.pk).exists()
