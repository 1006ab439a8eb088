"""Backup and restore (`make backup` / `make restore`): a backup restored into a NEW database finds
the same row counts, money totals and uploaded files; a damaged backup is refused.

Runs on the configured database: in CI that is PostgreSQL (pg_dump custom format, pg_restore into a
database this test creates and drops); on the embedded SQLite default the same round trip goes
through SQLite's backup API into a new file. The test asserts which of the two it ran, so a run on
PostgreSQL can't quietly take the SQLite path."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection, connections

from bureau import backup, tasks
from bureau.models_security import AuditAction, AuditEntry
from tests.meetings.factories import JPEG_BYTES, BudgetLineFactory, OfficialLetterFactory


@pytest.fixture
def places(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BUREAU_BACKUP_DIR = tmp_path / "backups"
    return tmp_path


def _restored_database(tmp_path):
    if connection.vendor == "postgresql":
        return f"{connection.settings_dict['NAME']}_restored"
    return str(tmp_path / "restored.sqlite3")


def _drop(name):
    if connection.vendor != "postgresql":
        return
    admin = connections.create_connection("default")
    try:
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {admin.ops.quote_name(name)} WITH (FORCE)")
    finally:
        admin.close()


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_a_new_database_has_the_same_rows_money_and_files(places):
    BudgetLineFactory(requested=Decimal("1234.56"))
    BudgetLineFactory(requested=Decimal("0.44"), approved=Decimal("800.00"))
    letter = OfficialLetterFactory()
    letter.scan.save("letter.jpg", ContentFile(JPEG_BYTES))
    before = backup.database_summary(connection)

    out = StringIO()
    call_command("backup", stdout=out)
    folder = places / "backups" / out.getvalue().strip().rsplit("/", 1)[-1]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["tables"] == before
    assert manifest["tables"]["meetings.BudgetLine"]["rows"] == 2
    assert manifest["tables"]["meetings.BudgetLine"]["money"]["requested"] == "1235.00"
    assert manifest["tables"]["meetings.BudgetLine"]["money"]["approved"] == "800.00"
    assert list(manifest["media"]["files"]) == [letter.scan.name]
    if connection.vendor == "postgresql":
        assert manifest["engine"] == "postgresql"
        assert (folder / "database.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    else:
        assert manifest["engine"] == "sqlite"
    assert AuditEntry.objects.filter(action=AuditAction.BACKUP, target=folder.name).exists()

    name = _restored_database(places)
    _drop(name)
    try:
        call_command(
            "restore", str(folder), "--database-name", name, "--media-root", str(places / "restored"), stdout=out
        )
        restored = connections.create_connection("default")
        restored.settings_dict = {**restored.settings_dict, "NAME": name}
        try:
            assert backup.database_summary(restored) == before
            with restored.cursor() as cursor:
                cursor.execute("SELECT SUM(requested) FROM meetings_budgetline")
                assert Decimal(str(cursor.fetchone()[0])).quantize(Decimal("0.01")) == Decimal("1235.00")
        finally:
            restored.close()
    finally:
        _drop(name)
    assert (places / "restored" / letter.scan.name).read_bytes() == JPEG_BYTES
    assert "match the manifest" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_nightly_beat_job_makes_a_backup_and_a_damaged_one_is_refused(places, settings):
    entry = settings.CELERY_BEAT_SCHEDULE["bureau.backup"]
    assert entry["task"] == tasks.backup.name
    folder = places / "backups" / tasks.backup.apply().get()
    assert (folder / "manifest.json").is_file()
    with (folder / "media.tar.gz").open("ab") as damaged:
        damaged.write(b"x")
    name = _restored_database(places)
    with pytest.raises(CommandError, match="media.tar.gz 与清单中的校验和不符"):
        call_command("restore", str(folder), "--database-name", name, stdout=StringIO())
    assert not (places / "restored.sqlite3").exists()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            assert cursor.fetchone() is None
