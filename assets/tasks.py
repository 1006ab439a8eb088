"""Celery tasks of the state-owned asset registry 国有资产: thin wrappers that load by id (or take a
month string) and call a service (DESIGN.md §2 and §10)."""

import datetime

from celery import shared_task
from django.utils import timezone

from assets import services, services_import
from assets.models import AssetImport


@shared_task(name="assets.tasks.depreciation_record_month")
def depreciation_record_month(month=None):
    """Record the depreciation charges of `month` ("YYYY-MM"; default: last month). Re-running a
    month records nothing new."""
    if month:
        first = datetime.date.fromisoformat(f"{month}-01")
    else:
        first = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    return services.depreciation_record_month(month=first)


@shared_task(name="assets.tasks.assetimport_check")
def assetimport_check(import_id):
    services_import.assetimport_check(assetimport=AssetImport.objects.get(pk=import_id))


@shared_task(name="assets.tasks.assetimport_run")
def assetimport_run(import_id):
    services_import.assetimport_run(assetimport=AssetImport.objects.get(pk=import_id))
