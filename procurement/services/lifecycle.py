"""The life cycles, declared as transition tables for the bureau workflow engine.

Request: draft → submitted (the intention rule and the advice checked) → in a batch; cancelled.
Batch: initiated → announced (the method's preconditions) → opened → evaluated (enough valid bids)
→ awarded (every lot awarded, winners confirmed; the award notice) → contracted (every award's
contracts signed) → accepted (every contract accepted) → closed; failed (流标) from announced,
opened or evaluated → re-tendered (a new batch takes the requests); cancelled before the award.
A refused move names the rule. Moves take `on` (a date, default today) for the day they record.
"""

from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bureau.services import audited_save
from bureau.workflow import REQUIRED, Move, Workflow
from procurement.choices import BatchStatus, BidStatus, ContractStatus, RequestStatus
from procurement.models import Award, Batch, Lot, ProcurementRequest
from procurement.selectors.rules import method_rules
from procurement.services.batches import batch_check_method
from procurement.services.requests import _request_errors

B = BatchStatus
R = RequestStatus


def _day(kwargs):
    return kwargs.get("on") or timezone.localdate()


# --- requests ---


def _check_request_submission(pr, **_kwargs):
    errors = _request_errors(pr)
    if errors:
        raise ValidationError(errors)


def _apply_request_cancel(pr, *, reason, **_kwargs):
    pr.cancel_reason = reason[:500]
    return ("cancel_reason",)


class RequestWorkflow(Workflow):
    model = ProcurementRequest
    moves = (
        Move(
            "submit",
            {R.DRAFT},
            R.SUBMITTED,
            "procurement.change_procurementrequest",
            gettext_lazy("Submit to the procurement centre"),
            check=_check_request_submission,
        ),
        Move(
            "cancel",
            {R.DRAFT, R.SUBMITTED},
            R.CANCELLED,
            "procurement.change_procurementrequest",
            gettext_lazy("Cancel"),
            reason=REQUIRED,
            apply=_apply_request_cancel,
            css="btn-outline-danger",
        ),
    )


# --- batches ---


def _check_announce(batch, **kwargs):
    batch_check_method(batch=batch, on=_day(kwargs))


def _apply_announce(batch, **kwargs):
    batch.announced_on = _day(kwargs)
    return ("announced_on",)


def _check_open(batch, **kwargs):
    now = kwargs.get("at") or timezone.now()
    if batch.opening_at and now < batch.opening_at:
        raise ValidationError(
            _(
                "Bids are opened at the announced time, %(opening)s, not before "
                "(政府采购法 第三十五条, 87号令 第三十九条)."
            ),
            code="opening_not_due",
            params={"opening": timezone.localtime(batch.opening_at).strftime("%Y-%m-%d %H:%M")},
        )


def _apply_open(batch, **kwargs):
    batch.opened_at = kwargs.get("at") or timezone.now()
    return ("opened_at",)


def _check_evaluate(batch, **kwargs):
    rule = method_rules(batch.method, on=batch.announced_on or _day(kwargs)).get("min_bidders")
    lots = Lot.objects.filter(batch=batch).annotate(valid=Count("bids", filter=Q(bids__status=BidStatus.VALID)))
    for lot in lots:
        if lot.valid == 0:
            raise ValidationError(
                _("Lot %(lot)s has no valid bid: declare the batch failed (流标)."),
                code="no_bids",
                params={"lot": lot.number},
            )
        if rule and lot.valid < int(rule.parameters.get("count", 3)):
            raise ValidationError(
                _(
                    "Lot %(lot)s has %(valid)d valid bids; %(citation)s needs %(wanted)d: declare the batch "
                    "failed (流标)."
                ),
                code="too_few_bids",
                params={
                    "lot": lot.number,
                    "valid": lot.valid,
                    "wanted": int(rule.parameters.get("count", 3)),
                    "citation": rule.citation,
                },
            )
    if lots.filter(bids__status=BidStatus.VALID, bids__score__isnull=True).exists():
        raise ValidationError(_("Score every valid bid first."), code="bids_unscored")


def _apply_evaluate(batch, **kwargs):
    batch.evaluation_ended_on = _day(kwargs)
    return ("evaluation_ended_on",)


def _check_award(batch, **kwargs):
    awarded = Award.objects.filter(lot__batch=batch, voided_at__isnull=True).values("lot_id")
    unawarded = Lot.objects.filter(batch=batch).exclude(pk__in=awarded).order_by("number")
    if unawarded.exists():
        raise ValidationError(
            _("Lot %(lot)s has no award yet."), code="lot_unawarded", params={"lot": unawarded.first().number}
        )
    if batch.winner_confirmed_on is None:
        raise ValidationError(
            _(
                "Record the evaluation report and the purchaser's confirmation of the winners first "
                "(实施条例 第四十三条)."
            ),
            code="winner_not_confirmed",
        )


def _apply_award(batch, **kwargs):
    batch.award_notice_on = _day(kwargs)
    return ("award_notice_on",)


def _check_contracted(batch, **_kwargs):
    for award in Award.objects.filter(lot__batch=batch, voided_at__isnull=True).select_related("lot"):
        contracts = award.contracts.filter(voided_at__isnull=True)
        if not contracts.exists():
            raise ValidationError(
                _("Lot %(lot)s has no contract yet."), code="contract_missing", params={"lot": award.lot.number}
            )
        if contracts.filter(status=ContractStatus.DRAFT).exists():
            raise ValidationError(
                _("A contract of lot %(lot)s is not signed yet."),
                code="contract_unsigned",
                params={"lot": award.lot.number},
            )


def _check_accepted(batch, **_kwargs):
    pending = batch.contracts.filter(voided_at__isnull=True).exclude(
        status__in=[ContractStatus.ACCEPTED, ContractStatus.CLOSED]
    )
    if pending.exists():
        raise ValidationError(
            _("Contract %(number)s is not accepted yet (验收)."),
            code="contract_not_accepted",
            params={"number": pending.first().number},
        )


def _apply_close(batch, **kwargs):
    batch.closed_on = _day(kwargs)
    return ("closed_on",)


def _apply_fail(batch, *, reason, **_kwargs):
    batch.failure_reason = reason[:500]
    return ("failure_reason",)


def _apply_cancel(batch, *, reason, **_kwargs):
    batch.cancel_reason = reason[:500]
    return ("cancel_reason",)


def _after_cancel(batch, *, actor, **_kwargs):
    """The requests go back to the centre's queue, to be gathered again."""
    for pr in ProcurementRequest.objects.filter(batch=batch):
        pr.batch, pr.lot, pr.status = None, None, R.SUBMITTED
        audited_save(obj=pr, actor=actor, reason=_("Batch cancelled"), update_fields=["batch", "lot", "status"])


def _after_retender(batch, *, actor, **kwargs):
    """A new batch (same method, changeable while initiated) takes the lots and the requests."""
    prefix = batch.number.split("-R")[0]
    last = Batch.objects.filter(number__startswith=f"{prefix}-R").aggregate(n=Max("number"))["n"]
    round_number = int(last.rsplit("-R", 1)[1]) + 1 if last else 1
    new = Batch(
        number=f"{prefix}-R{round_number}",
        title=batch.title,
        method=batch.method,
        method_justification=batch.method_justification,
        single_source_supplier=batch.single_source_supplier,
        retender_of=batch,
        created_by=actor,
    )
    audited_save(obj=new, actor=actor, reason=_("Re-tender"))
    for lot in Lot.objects.filter(batch=batch).order_by("number"):
        new_lot = audited_save(obj=Lot(batch=new, number=lot.number, name=lot.name, budget=lot.budget), actor=actor)
        for pr in ProcurementRequest.objects.filter(lot=lot):
            pr.batch, pr.lot = new, new_lot
            audited_save(obj=pr, actor=actor, reason=_("Re-tender"), update_fields=["batch", "lot"])
    batch._retender = new


class BatchWorkflow(Workflow):
    model = Batch
    moves = (
        Move(
            "announce",
            {B.INITIATED},
            B.ANNOUNCED,
            "procurement.manage_batch",
            gettext_lazy("Announce"),
            check=_check_announce,
            apply=_apply_announce,
        ),
        Move(
            "open",
            {B.ANNOUNCED},
            B.OPENED,
            "procurement.manage_batch",
            gettext_lazy("Open the bids"),
            check=_check_open,
            apply=_apply_open,
        ),
        Move(
            "evaluate",
            {B.OPENED},
            B.EVALUATED,
            "procurement.manage_batch",
            gettext_lazy("End the evaluation"),
            check=_check_evaluate,
            apply=_apply_evaluate,
        ),
        Move(
            "award",
            {B.EVALUATED},
            B.AWARDED,
            "procurement.manage_batch",
            gettext_lazy("Issue the award notice"),
            check=_check_award,
            apply=_apply_award,
        ),
        Move(
            "contract",
            {B.AWARDED},
            B.CONTRACTED,
            "procurement.manage_batch",
            gettext_lazy("Mark contracts signed"),
            check=_check_contracted,
        ),
        Move(
            "accept",
            {B.CONTRACTED},
            B.ACCEPTED,
            "procurement.manage_batch",
            gettext_lazy("Mark accepted"),
            check=_check_accepted,
        ),
        Move("close", {B.ACCEPTED}, B.CLOSED, "procurement.manage_batch", gettext_lazy("Close"), apply=_apply_close),
        Move(
            "fail",
            {B.ANNOUNCED, B.OPENED, B.EVALUATED},
            B.FAILED,
            "procurement.manage_batch",
            gettext_lazy("Declare failed (流标)"),
            reason=REQUIRED,
            apply=_apply_fail,
            css="btn-outline-danger",
        ),
        Move(
            "retender",
            {B.FAILED},
            B.RETENDERED,
            "procurement.manage_batch",
            gettext_lazy("Re-tender"),
            after=_after_retender,
        ),
        Move(
            "cancel",
            {B.INITIATED, B.ANNOUNCED, B.OPENED, B.EVALUATED, B.FAILED},
            B.CANCELLED,
            "procurement.manage_batch",
            gettext_lazy("Cancel"),
            reason=REQUIRED,
            apply=_apply_cancel,
            after=_after_cancel,
            css="btn-outline-danger",
        ),
    )

    @classmethod
    def illegal_move_message(cls, obj, move):
        return _(
            "“%(object)s” is %(status)s; “%(move)s” is not possible from this state (the life cycle: initiated → "
            "announced → opened → evaluated → awarded → contracted → accepted → closed)."
        ) % {"object": obj, "status": cls.state_label(obj), "move": move.label}
