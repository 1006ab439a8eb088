"""Bureau-wide Celery tasks: thin wrappers (DESIGN.md §10). `ping` proves a worker reaches the database."""

import os

from celery import shared_task
from django.db import connection


@shared_task(name="bureau.tasks.ping")
def ping():
    """Answer from the process that ran the task: its pid, `SELECT 1`, the database and a row count."""
    from bureau.models import Department

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (one,) = cursor.fetchone()
    return {
        "pid": os.getpid(),
        "select_1": one,
        "database": str(connection.settings_dict["NAME"]),
        "departments": Department.objects.count(),
    }


@shared_task(name="bureau.tasks.backup")
def backup():
    """The nightly backup (beat "bureau.backup"): the folder's name."""
    from bureau.backup import backup_run

    return backup_run().name


@shared_task(name="bureau.tasks.audit_archive")
def audit_archive():
    """The nightly audit archive (beat "bureau.audit_archive"): the archive's name, or None."""
    from bureau.audit import audit_archive as archive

    path = archive()
    return path.name if path else None
