"""Writes of batches before and after their moves: gathering requests into lots, invitations, bids,
awards, and the method's preconditions (MethodRule, dated data) checked when a batch is announced."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from bureau.services import audited_save
from bureau.workdays import working_days_between
from procurement.choices import BatchStatus, BidStatus, DayKind, RequestStatus
from procurement.models import Award, Batch, Bid, Invitation, Lot, ProcurementRequest
from procurement.selectors.rules import method_rules
from procurement.selectors.suppliers import supplier_blocking_record


def _error(field, message, code, **params):
    return ValidationError({field: ValidationError(message, code=code, params=params or None)})


def _locked(model, pk):
    return model._default_manager.select_for_update().get(pk=pk)


def _next_batch_number(year):
    prefix = f"ZFCG-{year}-"
    last = Batch.objects.filter(number__startswith=prefix).aggregate(n=Max("number"))["n"]
    sequence = int(last.removeprefix(prefix).split("-")[0]) + 1 if last else 1
    return f"{prefix}{sequence:03d}"


@transaction.atomic
def batch_save(*, batch, actor):
    """Create or change an initiated batch (its method and the method's particulars)."""
    if batch.pk is None:
        batch.created_by = actor
        if not batch.number:
            batch.number = _next_batch_number(timezone.localdate().year)
    elif Batch.objects.filter(pk=batch.pk).values_list("status", flat=True).get() != BatchStatus.INITIATED:
        raise ValidationError(_("Only an initiated batch can be changed."), code="batch_locked")
    batch.full_clean()
    return audited_save(obj=batch, actor=actor)


def _update_lot_budget(lot, actor):
    total = lot.requests.aggregate(total=Sum("budget"))["total"] or Decimal("0")
    if total > 0 and lot.budget != total:
        lot.budget = total
        audited_save(obj=lot, actor=actor, update_fields=["budget"])


@transaction.atomic
def batch_add_request(*, batch, procurement_request, actor, lot=None, lot_name=""):
    """Gather a submitted request into an initiated batch, into `lot` or a new lot (named `lot_name`
    or after the item); the lot's budget is its requests' budgets."""
    batch = _locked(Batch, batch.pk)
    pr = _locked(ProcurementRequest, procurement_request.pk)
    if batch.status != BatchStatus.INITIATED:
        raise _error("procurement_request", _("Requests join a batch only before it is announced."), "batch_locked")
    if pr.status != RequestStatus.SUBMITTED or pr.batch_id:
        raise _error(
            "procurement_request", _("Only a submitted request that is in no batch can be added."), "request_not_free"
        )
    if lot is not None and lot.batch_id != batch.pk:
        raise _error("lot", _("The lot belongs to another batch."), "lot_of_other_batch")
    if lot is None:
        number = (batch.lots.aggregate(n=Max("number"))["n"] or 0) + 1
        lot = Lot(batch=batch, number=number, name=(lot_name or pr.item)[:200], budget=pr.budget)
        lot.full_clean()
        audited_save(obj=lot, actor=actor)
    pr.batch, pr.lot, pr.status = batch, lot, RequestStatus.BATCHED
    audited_save(obj=pr, actor=actor, update_fields=["batch", "lot", "status"])
    _update_lot_budget(lot, actor)
    procurement_request.batch, procurement_request.lot, procurement_request.status = batch, lot, pr.status
    return lot


@transaction.atomic
def invitation_create(*, batch, supplier, invited_on, actor):
    batch = _locked(Batch, batch.pk)
    if batch.status != BatchStatus.INITIATED:
        raise _error("supplier", _("Suppliers are invited before the batch is announced."), "batch_locked")
    if Invitation.objects.filter(batch=batch, supplier=supplier).exists():
        raise _error("supplier", _("This supplier is already invited."), "already_invited")
    invitation = Invitation(batch=batch, supplier=supplier, invited_on=invited_on)
    invitation.full_clean()
    return audited_save(obj=invitation, actor=actor)


def _period_days(start, end, day_kind):
    if day_kind == DayKind.WORKING:
        return working_days_between(start, end).days
    return (end - start).days


@transaction.atomic
def batch_check_method(*, batch, on=None):
    """Raise a ValidationError listing every precondition of the batch's method (MethodRule rows in
    force on `on`, the announcement day) that the batch does not meet, each naming its article."""
    on = on or timezone.localdate()
    rules = method_rules(batch.method, on=on)
    method = batch.get_method_display()
    errors = {}

    def refuse(field, rule, message, code, **params):
        errors.setdefault(field, []).append(
            ValidationError(
                "%(message)s（%(citation)s）",
                code=code,
                params={"message": message % params if params else message, "citation": rule.citation},
            )
        )

    if (rule := rules.get("justification")) and not batch.method_justification.strip():
        refuse(
            "method_justification",
            rule,
            _("%(method)s needs the reason it applies."),
            "justification_required",
            method=method,
        )
    if (rule := rules.get("single_supplier")) and batch.single_source_supplier_id is None:
        refuse("single_source_supplier", rule, _("Name the single supplier."), "single_supplier_required")
    if rule := rules.get("min_invited"):
        count = batch.invitations.count()
        wanted = int(rule.parameters.get("count", 3))
        if count < wanted:
            refuse(
                "__all__",
                rule,
                _("%(method)s needs at least %(wanted)d invited suppliers; %(count)d are invited."),
                "too_few_invited",
                method=method,
                wanted=wanted,
                count=count,
            )
    if rule := rules.get("categories"):
        allowed = set(rule.parameters.get("allowed", ()))
        wrong = batch.requests.exclude(category__in=allowed)
        if wrong.exists():
            refuse(
                "method",
                rule,
                _("%(method)s is not for %(item)s (%(category)s)."),
                "method_not_for_category",
                method=method,
                item=wrong.first().item,
                category=wrong.first().get_category_display(),
            )
    if rule := rules.get("publicity"):
        budget = batch.lots.aggregate(total=Sum("budget"))["total"] or Decimal("0")
        if budget >= Decimal(str(rule.parameters.get("from_budget", "0"))):
            wanted = int(rule.parameters.get("working_days", 5))
            if batch.publicity_from is None or batch.publicity_to is None:
                refuse(
                    "publicity_from",
                    rule,
                    _("Publish the single-source publicity for %(wanted)d working days first."),
                    "publicity_missing",
                    wanted=wanted,
                )
            else:
                days = working_days_between(batch.publicity_from - datetime.timedelta(days=1), batch.publicity_to).days
                if days < wanted:
                    refuse(
                        "publicity_to",
                        rule,
                        _("The publicity lasted %(days)d working days; at least %(wanted)d are needed."),
                        "publicity_too_short",
                        days=days,
                        wanted=wanted,
                    )
                elif batch.publicity_to >= on:
                    refuse("publicity_to", rule, _("The publicity period has not ended yet."), "publicity_running")
    for key in ("bidding_period", "response_period"):
        if rule := rules.get(key):
            wanted, kind = int(rule.parameters.get("days", 0)), rule.parameters.get("day_kind", DayKind.CALENDAR)
            if batch.opening_at is None:
                refuse("opening_at", rule, _("Set the deadline for bids (the opening)."), "opening_required")
            else:
                opening = timezone.localtime(batch.opening_at).date()
                days = _period_days(on, opening, kind)
                if days < wanted:
                    unit = _("working days") if kind == DayKind.WORKING else _("days")
                    refuse(
                        "opening_at",
                        rule,
                        _(
                            "From the announcement to the deadline for bids must be at least %(wanted)d %(unit)s; "
                            "it is %(days)d."
                        ),
                        "period_too_short",
                        wanted=wanted,
                        unit=unit,
                        days=days,
                    )
    if not batch.lots.exists():
        errors.setdefault("__all__", []).append(
            ValidationError(_("Add the requests (and so the lots) to the batch first."), code="no_lots")
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def bid_submit(*, lot, supplier, price, submitted_at, actor, score=None):
    """Record a bid on a lot; a bid received after the deadline (the opening) is refused."""
    batch = _locked(Batch, lot.batch_id)
    if batch.status not in (BatchStatus.ANNOUNCED, BatchStatus.OPENED):
        raise _error("supplier", _("Bids are recorded while the batch is announced or being opened."), "batch_not_open")
    deadline = batch.opening_at or batch.opened_at
    if deadline is not None and submitted_at > deadline:
        raise _error(
            "submitted_at",
            _(
                "Received after the opening (%(opening)s): a late bid is refused "
                "(政府采购货物和服务招标投标管理办法 第三十三条)."
            ),
            "bid_after_opening",
            opening=timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M"),
        )
    if Bid.objects.filter(lot=lot, supplier=supplier).exists():
        raise _error("supplier", _("This supplier has already bid on this lot."), "duplicate_bid")
    bid = Bid(lot=lot, supplier=supplier, price=price, submitted_at=submitted_at, score=score)
    bid.full_clean()
    return audited_save(obj=bid, actor=actor)


@transaction.atomic
def bid_score(*, bid, score, actor, status=BidStatus.VALID, rejection_reason=""):
    """Enter the evaluation's score (or reject the bid with its reason) while the batch is opened."""
    batch = _locked(Batch, bid.lot.batch_id)
    if batch.status != BatchStatus.OPENED:
        raise _error(
            "score", _("Bids are scored after the opening and before the evaluation ends."), "batch_not_opened"
        )
    if status == BidStatus.REJECTED and not rejection_reason.strip():
        raise _error("rejection_reason", _("Give the reason."), "reason_required")
    bid.score, bid.status, bid.rejection_reason = score, status, rejection_reason
    bid.full_clean()
    return audited_save(obj=bid, actor=actor, update_fields=["score", "status", "rejection_reason"])


@transaction.atomic
def award_make(*, lot, bid, actor, decided_on=None):
    """Award `lot` to `bid`: one award in force per lot; never to a supplier under a bad-conduct
    record in force (政府采购法 第二十二条, 实施条例 第十九条)."""
    decided_on = decided_on or timezone.localdate()
    batch = _locked(Batch, lot.batch_id)
    if batch.status != BatchStatus.EVALUATED:
        raise _error(
            "bid", _("A lot is awarded once the evaluation has ended, before the award notice."), "batch_not_evaluated"
        )
    if bid.lot_id != lot.pk:
        raise _error("bid", _("The bid is for another lot."), "bid_of_other_lot")
    if bid.status != BidStatus.VALID:
        raise _error("bid", _("A rejected or withdrawn bid cannot win."), "bid_not_valid")
    if Award.objects.filter(lot=lot, voided_at__isnull=True).exists():
        raise _error("bid", _("This lot is already awarded; void that award first."), "lot_already_awarded")
    record = supplier_blocking_record(bid.supplier, on=decided_on)
    if record is not None:
        raise _error(
            "bid",
            _(
                "%(supplier)s is under a bad-conduct record in force (%(authority)s, from %(start)s%(end)s) and "
                "cannot be awarded (政府采购法 第二十二条, 实施条例 第十九条)."
            ),
            "supplier_blocked",
            supplier=bid.supplier.name,
            authority=record.authority,
            start=record.in_force_from,
            end=_(" until %(end)s") % {"end": record.in_force_to} if record.in_force_to else "",
        )
    award = Award(lot=lot, bid=bid, supplier=bid.supplier, amount=bid.price, decided_on=decided_on, created_by=actor)
    award.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            return audited_save(obj=award, actor=actor)
    except IntegrityError:
        raise _error("bid", _("This lot is already awarded; void that award first."), "lot_already_awarded") from None


@transaction.atomic
def batch_record_dates(*, batch, actor, evaluation_report_on=None, winner_confirmed_on=None):
    """Record the day the evaluation report reached the purchaser and the day the winners were
    confirmed (实施条例 第四十三条: within 2 and 5 working days; shown as deadlines)."""
    batch = _locked(Batch, batch.pk)
    if batch.status != BatchStatus.EVALUATED:
        raise _error(
            "evaluation_report_on",
            _("These dates are recorded after the evaluation, before the award notice."),
            "batch_not_evaluated",
        )
    report = evaluation_report_on or batch.evaluation_report_on
    if report and batch.evaluation_ended_on and report < batch.evaluation_ended_on:
        raise _error("evaluation_report_on", _("The report cannot arrive before the evaluation ended."), "date_order")
    if winner_confirmed_on and (report is None or winner_confirmed_on < report):
        raise _error("winner_confirmed_on", _("The winners are confirmed after the report arrives."), "date_order")
    batch.evaluation_report_on = report
    batch.winner_confirmed_on = winner_confirmed_on or batch.winner_confirmed_on
    batch.full_clean()
    return audited_save(obj=batch, actor=actor, update_fields=["evaluation_report_on", "winner_confirmed_on"])
