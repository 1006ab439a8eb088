"""Backup and restore (等保 2.0 数据备份恢复): the database (pg_dump custom format on PostgreSQL, a
copy of the file on SQLite) and the uploaded files, with a manifest of per-table row counts, money
totals and checksums. A restore checks the checksums first and the counts, totals and files after,
so a backup that can't be restored as it was is found out at once, not on the day it is needed.

One backup is one folder under BUREAU_BACKUP_DIR:
    database.dump | database.sqlite3   the database
    media.tar.gz                       MEDIA_ROOT
    manifest.json                      what the restore must find again
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections, models
from django.utils import timezone
from django.utils.translation import gettext as _

from bureau.audit import audit_record
from bureau.models_security import AuditAction

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that can't be made or doesn't match its manifest (the message says why)."""


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_money(field):
    """The project's money field: DecimalField(max_digits=14, decimal_places=2) (DESIGN.md §10)."""
    return isinstance(field, models.DecimalField) and (field.max_digits, field.decimal_places) == (14, 2)


def _tables():
    """(label, table, money columns) of every table Django manages, history tables included."""
    seen = set()
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in seen:
            continue
        seen.add(meta.db_table)
        money = sorted(f.column for f in meta.concrete_fields if is_money(f))
        yield meta.label, meta.db_table, money


def database_summary(connection):
    """{model label: {"rows": n, "money": {column: "total"}}} read through `connection`."""
    quote = connection.ops.quote_name
    summary = {}
    with connection.cursor() as cursor:
        for label, table, money in _tables():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (names from the models)
            entry = {"rows": cursor.fetchone()[0], "money": {}}
            for column in money:
                if connection.vendor == "postgresql":
                    cursor.execute(f"SELECT COALESCE(SUM({quote(column)}), 0)::text FROM {quote(table)}")  # noqa: S608
                    total = Decimal(cursor.fetchone()[0])
                else:  # SQLite sums in floating point: add the values as Decimals here instead
                    cursor.execute(f"SELECT {quote(column)} FROM {quote(table)} WHERE {quote(column)} IS NOT NULL")  # noqa: S608
                    total = sum((Decimal(str(value)) for (value,) in cursor.fetchall()), Decimal(0))
                entry["money"][column] = str(total.quantize(Decimal("0.01")))
            summary[label] = entry
    return summary


def media_summary(root):
    """{relative path: sha256} of every file under `root`."""
    root = Path(root)
    if not root.is_dir():
        return {}
    return {path.relative_to(root).as_posix(): sha256_file(path) for path in sorted(root.rglob("*")) if path.is_file()}


def _pg_env(settings_dict, name=None):
    env = {**os.environ, "PGDATABASE": name or settings_dict["NAME"]}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]}: {result.stderr.strip() or result.returncode}")


def _other_connection(settings_dict=None, **changes):
    """A connection of its own (not the request's or the test's), optionally to another database."""
    connection = connections.create_connection("default")
    # A copy: the wrapper's own dict is the one every other connection to "default" reads.
    connection.settings_dict = {**(settings_dict or connection.settings_dict), **changes}
    return connection


def backup_make(*, directory=None, media_root=None):
    """Make one backup folder and return its path. On PostgreSQL the counts and totals are read in
    the same snapshot pg_dump dumps, so the manifest describes the dump exactly, writes or not."""
    directory = Path(directory or settings.BUREAU_BACKUP_DIR)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = directory / stamp
    suffix = 1
    while target.exists():
        suffix += 1
        target = directory / f"{stamp}-{suffix}"
    target.mkdir(parents=True)
    connection = _other_connection()
    try:
        if connection.vendor == "postgresql":
            database_file = target / "database.dump"
            tables = _pg_dump(connection, database_file)
        elif connection.vendor == "sqlite":
            database_file = target / "database.sqlite3"
            tables = _sqlite_copy(connections["default"], database_file)
        else:
            raise BackupError(f"no backup for the {connection.vendor} database engine")
    finally:
        connection.close()
    media_archive = target / MEDIA_ARCHIVE
    with tarfile.open(media_archive, "w:gz") as archive:
        if media_root.is_dir():
            archive.add(media_root, arcname="media")
    manifest = {
        "format": FORMAT,
        "made_at": timezone.now().isoformat(),
        "engine": connection.vendor,
        "database": {"file": database_file.name, "sha256": sha256_file(database_file)},
        "media": {"file": MEDIA_ARCHIVE, "sha256": sha256_file(media_archive), "files": media_summary(media_root)},
        "tables": tables,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
    return target


def _pg_dump(connection, database_file):
    connection.ensure_connection()
    connection.set_autocommit(False)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        tables = database_summary(connection)
        _run(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={database_file}"],
            _pg_env(connection.settings_dict),
        )
    finally:
        connection.rollback()
        connection.set_autocommit(True)
    return tables


def _sqlite_copy(source, database_file):
    source.ensure_connection()
    with sqlite3.connect(database_file) as copy:
        source.connection.backup(copy)
    copy.close()
    # The counts come from the copy itself: it is what a restore brings back.
    reader = _other_connection(NAME=str(database_file))
    try:
        return database_summary(reader)
    finally:
        reader.close()


def read_manifest(folder):
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(_("%(folder)s is not a backup: %(error)s") % {"folder": folder, "error": exc}) from exc
    for part in (manifest["database"], manifest["media"]):
        if sha256_file(folder / part["file"]) != part["sha256"]:
            raise BackupError(_("%(file)s does not match its checksum in the manifest.") % {"file": part["file"]})
    return manifest


def backup_restore(folder, *, database_name=None, media_root=None):
    """Restore a backup folder into `database_name` (by default the configured database; a
    PostgreSQL database that doesn't exist is created) and `media_root` (by default MEDIA_ROOT),
    then check the manifest's counts, totals and files against what was restored. Returns the
    manifest; raises BackupError on any difference."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    live = connections["default"]
    if manifest["engine"] != live.vendor:
        raise BackupError(f"a {manifest['engine']} backup can't be restored into {live.vendor}")
    database_file = folder / manifest["database"]["file"]
    name = database_name or live.settings_dict["NAME"]
    if live.vendor == "postgresql":
        _pg_restore(live.settings_dict, database_file, name)
    else:
        with sqlite3.connect(database_file) as source, sqlite3.connect(name) as target:
            source.backup(target)
        source.close()
        target.close()
    media_root = Path(media_root or settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
        for member in archive.getmembers():
            if member.name == "media" or not member.name.startswith("media/"):
                continue
            member.name = member.name.removeprefix("media/")
            archive.extract(member, media_root, filter="data")
    restored = _other_connection(live.settings_dict, NAME=name)
    try:
        differences = compare(manifest, database_summary(restored), media_summary(media_root))
    finally:
        restored.close()
    if differences:
        raise BackupError("; ".join(differences))
    return manifest


def _pg_restore(settings_dict, database_file, name):
    admin = _other_connection(settings_dict)
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            exists = cursor.fetchone() is not None
            if not exists:
                cursor.execute(f"CREATE DATABASE {admin.ops.quote_name(name)}")
    finally:
        admin.close()
    command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={name}"]
    if exists:
        command += ["--clean", "--if-exists"]
    _run([*command, str(database_file)], _pg_env(settings_dict, name))


def compare(manifest, tables, files):
    """What the restored database and files lack against the manifest (empty: all there)."""
    differences = []
    for label, expected in manifest["tables"].items():
        found = tables.get(label)
        if found is None:
            differences.append(f"{label}: table missing")
        elif found != expected:
            differences.append(f"{label}: expected {expected}, found {found}")
    for path, digest in manifest["media"]["files"].items():
        if files.get(path) != digest:
            differences.append(f"media/{path}: {'missing' if path not in files else 'different content'}")
    return differences


def backup_run(*, directory=None):
    """The backup the command and the beat job make: the folder, and an entry in the audit log."""
    folder = backup_make(directory=directory)
    audit_record(action=AuditAction.BACKUP, target=folder.name, detail=str(folder))
    return folder


def restore_run(folder, *, database_name=None, media_root=None):
    manifest = backup_restore(folder, database_name=database_name, media_root=media_root)
    audit_record(
        action=AuditAction.RESTORE,
        target=Path(folder).name,
        detail=_("into %(database)s") % {"database": database_name or settings.DATABASES["default"]["NAME"]},
    )
    return manifest
