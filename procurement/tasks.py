"""Celery tasks of the procurement centre 政府采购中心: thin wrappers that call a service (DESIGN.md §2
and §10). A task that works on a record takes its id, never the record (the worker reads it fresh);
the service that makes the change enqueues it with `transaction.on_commit`, so a rolled-back change
sends nothing. Without a broker configured a task runs eagerly in-process (bureau/settings.py)."""

import datetime

from celery import shared_task

from procurement.services.oversight import overdue_mail_send


@shared_task(name="procurement.overdue_mail")
def overdue_mail(day=None):
    """The daily mail of overdue clocks (beat: bureau/settings.py); `day` (YYYY-MM-DD) re-runs a past day."""
    return overdue_mail_send(today=datetime.date.fromisoformat(day) if day else None)
