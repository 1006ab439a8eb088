"""Room-based fees: rates, the monthly billing run, adjustments and the deduction list.

A month is billed exactly once, whoever starts it and however often (DESIGN.md §7):
- the run is a row, unique per month (BillingRun). Every run of a month — the page, the command,
  the beat job, a task delivered again after its worker died, a second beat process — first finds
  or creates that row;
- each department is billed in a transaction of its own that first locks the run row
  (SELECT … FOR UPDATE) and then looks for the department's charges: a run that comes second waits
  for the lock and finds them, so it skips the department instead of billing it again; the unique
  constraint on (department, fee type, month) stands behind that check in the database;
- a run killed half-way leaves whole departments (their transaction committed) or nothing of a
  department (rolled back); the next run bills the rest. The last step, under the same lock, sums
  the charges into the run and marks it billed, after which a run of that month changes nothing.
One transaction per department (not per run) keeps each lock short, so two runs interleave instead
of one waiting for the whole month, and a run killed after 1,999 of 2,000 departments keeps them.
Billing reads a past month's occupancy and rates, which no longer change (rates of billed months
are refused by `fee_rate_save`), so every department's charge is the same whichever run writes it.
"""

import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bureau.money import to_yuan
from bureau.services import audited_save, record_void
from bureau.workflow import Move, Workflow
from property_services import rules, selectors
from property_services.choices import BillingRunStatus, DeductionListStatus, FeeType
from property_services.models import BillingRun, DeductionLine, DeductionList, FeeAdjustment, FeeCharge, FeeRate
from property_services.models.fees import month_label

# ---- rates -----------------------------------------------------------------------------------------


def _check_rate_after_billed_months(day):
    billed = BillingRun.objects.filter(month__gte=rules.month_start(day)).order_by("-month").first()
    if billed is not None:
        raise ValidationError(
            {
                "valid_from": ValidationError(
                    _(
                        "%(month)s is already billed with the rates then in force; a new rate applies from "
                        "a day after the last billed month (a correction is an adjustment)."
                    )
                    % {"month": month_label(billed.month)},
                    code="rate_in_billed_month",
                )
            }
        )


@transaction.atomic
def fee_rate_save(*, rate, actor):
    """Add or change a rate; a rate that would apply in a billed month is refused."""
    if rate.valid_from is None:
        raise ValidationError(
            {"valid_from": ValidationError(_("A rate needs the date it applies from."), code="required")}
        )
    _check_rate_after_billed_months(rate.valid_from)
    if rate.pk:
        old = FeeRate.objects.select_for_update().get(pk=rate.pk)
        _check_rate_after_billed_months(old.valid_from)
    return audited_save(obj=rate, actor=actor)


# ---- billing ---------------------------------------------------------------------------------------


def _rates_for(month):
    """{fee type: rate periods} for the month, or a refusal naming the fee without a rate on its 1st."""
    rates = selectors.fee_rates_by_type(month)
    periods = {}
    for fee_type, dated in rates.items():
        if not dated or dated[0][0] > month:
            raise ValidationError(
                {
                    "month": ValidationError(
                        _("No %(fee)s rate applies on %(day)s; enter the rate before billing the month.")
                        % {"fee": FeeType(fee_type).label, "day": month},
                        code="no_rate",
                    )
                }
            )
        periods[fee_type] = rules.rate_periods(dated, month)
    return periods


def _billing_run_for(month, actor):
    """The month's run row, created by whichever run comes first (the unique month decides a race)."""
    run = BillingRun.objects.filter(month=month).first()
    if run is not None:
        return run
    try:
        with transaction.atomic():
            return audited_save(obj=BillingRun(month=month, started_by=actor), actor=actor)
    except IntegrityError:
        return BillingRun.objects.get(month=month)


def _lock(run):
    return BillingRun.objects.select_for_update().get(pk=run.pk)


def fee_month_bill(*, month, actor=None, today=None):
    """Bill `month` (its first day) for every department that occupied office rooms in it; returns the
    run. Safe to repeat and to run twice at once (see the module's docstring)."""
    month = rules.month_start(month)
    rules.check_month_ended(month, today or timezone.localdate())
    periods = _rates_for(month)
    run = _billing_run_for(month, actor)
    with transaction.atomic():
        locked = _lock(run)
        if locked.status == BillingRunStatus.DONE:
            return locked
        locked.attempts += 1
        audited_save(obj=locked, actor=actor, reason=_("Billing started"), update_fields=["attempts"])
    occupied = selectors.office_occupancy_by_department(month)
    pause = settings.PROPERTY_FEES_BILLING_PAUSE
    for department_id in sorted(occupied):
        with transaction.atomic():
            if _lock(run).status == BillingRunStatus.DONE:
                break  # another run finished the month meanwhile
            if FeeCharge.objects.filter(month=month, department_id=department_id).exists():
                continue  # billed by an earlier or a concurrent run
            for fee_type in FeeType.values:
                rooms, amount = rules.department_fees(occupied[department_id], periods[fee_type], month)
                charge = FeeCharge(
                    run=run, department_id=department_id, fee_type=fee_type, month=month, rooms=rooms, amount=amount
                )
                audited_save(obj=charge, actor=actor)
        if pause:
            time.sleep(pause)  # test-only: makes a run slow enough to kill half-way
    return _billing_run_finish(run=run, actor=actor)


@transaction.atomic
def _billing_run_finish(*, run, actor):
    locked = _lock(run)
    if locked.status == BillingRunStatus.DONE:
        return locked
    summary = FeeCharge.objects.filter(month=locked.month).aggregate(
        total=Sum("amount"), departments=Count("department", distinct=True)
    )
    locked.total = to_yuan(summary["total"] or 0)
    locked.departments = summary["departments"]
    locked.status = BillingRunStatus.DONE
    locked.finished_at = timezone.now()
    audited_save(
        obj=locked,
        actor=actor,
        reason=_("Billed"),
        update_fields=["total", "departments", "status", "finished_at"],
    )
    deduction_list_build(month=locked.month, actor=actor)
    return locked


# ---- adjustments -------------------------------------------------------------------------------------


def _check_month_open_for_corrections(month):
    run = BillingRun.objects.filter(month=month, status=BillingRunStatus.DONE).first()
    if run is None:
        raise ValidationError(
            {
                "month": ValidationError(
                    _("%(month)s is not billed yet: an adjustment corrects a billed month.")
                    % {"month": month_label(month)},
                    code="month_not_billed",
                )
            }
        )
    deduction_list = DeductionList.objects.select_for_update().filter(month=month).first()
    if deduction_list is not None and deduction_list.status != DeductionListStatus.DRAFT:
        raise ValidationError(
            {
                "month": ValidationError(
                    _(
                        "The deduction list of %(month)s has been sent to the finance bureau; "
                        "enter the correction in a month whose list is still a draft."
                    )
                    % {"month": month_label(month)},
                    code="deduction_list_sent",
                )
            }
        )


@transaction.atomic
def fee_adjustment_create(*, department, fee_type, month, amount, reason, actor):
    """A correction after billing: a new entry on the month's (draft) deduction list, never an edit."""
    month = rules.month_start(month)
    _check_month_open_for_corrections(month)
    adjustment = FeeAdjustment(
        department=department, fee_type=fee_type, month=month, amount=amount, reason=reason, created_by=actor
    )
    adjustment.full_clean()
    audited_save(obj=adjustment, actor=actor)
    deduction_list_build(month=month, actor=actor)
    return adjustment


@transaction.atomic
def fee_adjustment_void(*, adjustment, actor, reason):
    _check_month_open_for_corrections(adjustment.month)
    record_void(obj=adjustment, actor=actor, reason=reason)
    deduction_list_build(month=adjustment.month, actor=actor)
    return adjustment


# ---- the deduction list 财政直接代扣 ------------------------------------------------------------------


def deduction_list_build(*, month, actor):
    """Create the month's deduction list (a draft) or bring a draft's lines up to date with the
    month's charges and adjustments. A sent or confirmed list does not change."""
    with transaction.atomic():
        deduction_list = DeductionList.objects.select_for_update().filter(month=month).first()
        if deduction_list is None:
            deduction_list = audited_save(obj=DeductionList(month=month), actor=actor)
        if deduction_list.status != DeductionListStatus.DRAFT:
            return deduction_list
        existing = {line.department_id: line for line in deduction_list.lines.all()}
        total = 0
        for department_id, amounts in selectors.fee_month_totals(month).items():
            values = {
                "rooms": amounts["rooms"],
                "air_conditioning": amounts[FeeType.AIR_CONDITIONING],
                "security_cleaning": amounts[FeeType.SECURITY_CLEANING],
                "adjustments": amounts["adjustments"],
            }
            values["total"] = values["air_conditioning"] + values["security_cleaning"] + values["adjustments"]
            total += values["total"]
            line = existing.get(department_id)
            if line is None:
                audited_save(
                    obj=DeductionLine(deduction_list=deduction_list, department_id=department_id, **values),
                    actor=actor,
                )
            elif any(getattr(line, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(line, name, value)
                audited_save(obj=line, actor=actor, update_fields=list(values))
        total = to_yuan(total)
        if deduction_list.total != total:
            deduction_list.total = total
            audited_save(obj=deduction_list, actor=actor, update_fields=["total"])
        return deduction_list


class DeductionListWorkflow(Workflow):
    model = DeductionList
    moves = (
        Move(
            "send",
            {DeductionListStatus.DRAFT},
            DeductionListStatus.SENT,
            "property_services.send_deductionlist",
            gettext_lazy("Send to the finance bureau"),
        ),
        Move(
            "confirm",
            {DeductionListStatus.SENT},
            DeductionListStatus.CONFIRMED,
            "property_services.confirm_deductionlist",
            gettext_lazy("Record the finance bureau's confirmation"),
            css="btn-success",
        ),
    )
