"""Celery tasks of outsourced property services 物业服务 and the campus: thin wrappers that take ids
or a month string and call a service (DESIGN.md §2 and §10)."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from property_services import rules
from property_services.services import fees


# acks_late + reject_on_worker_lost: a worker killed mid-run leaves the message unacknowledged, so the
# broker delivers it again; the billing service makes the second delivery finish the month, not repeat it.
@shared_task(name="property_services.tasks.fee_month_bill", acks_late=True, reject_on_worker_lost=True)
def fee_month_bill(month, actor_id=None):
    """Bill `month` ("YYYY-MM"): the month is always the argument, never "now"."""
    actor = get_user_model().objects.get(pk=actor_id) if actor_id else None
    run = fees.fee_month_bill(month=rules.month_parse(month), actor=actor)
    return {"month": month, "departments": run.departments, "total": str(run.total), "status": run.status}


@shared_task(name="property_services.tasks.fee_month_bill_scheduled")
def fee_month_bill_scheduled(scheduled_at=None):
    """The beat job on the 1st: bills the month before its schedule time (Asia/Shanghai), passed on as
    the argument of `fee_month_bill`. Beat sends no time with the message, so the schedule time is
    taken as the moment the job runs — on the 1st, minutes after it was due; `scheduled_at` (ISO)
    overrides it. Two beat processes send it twice: the second run finds the month billed."""
    moment = timezone.datetime.fromisoformat(scheduled_at) if scheduled_at else timezone.now()
    day = timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
    month = rules.previous_month(day)
    return fee_month_bill(f"{month.year}-{month.month:02d}")
