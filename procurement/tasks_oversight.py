"""Celery tasks of the oversight part (thin: they call a service). Imported by the worker through
CELERY_IMPORTS (bureau/settings.py)."""

import datetime

from celery import shared_task

from procurement.services.oversight import overdue_mail_send


@shared_task(name="procurement.overdue_mail")
def overdue_mail(day=None):
    """The daily mail of overdue clocks; `day` (YYYY-MM-DD) for a re-run of a past day."""
    return overdue_mail_send(today=datetime.date.fromisoformat(day) if day else None)
