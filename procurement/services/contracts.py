"""Writes of contracts (合同) and what follows them: signing (suspended by a pending challenge,
实施条例 第五十四条), publication, payment milestones, payments (never above the contract) and
acceptance (验收)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from bureau.money import to_yuan
from bureau.services import audited_save, record_void
from procurement.choices import AcceptanceResult, BatchStatus, ContractStatus
from procurement.models import Acceptance, Award, Contract, Payment, PaymentMilestone, ProcurementRequest
from procurement.rules import CONTRACT_IN_FORCE, batch_signing_suspended


def _error(field, message, code, **params):
    return ValidationError({field: ValidationError(message, code=code, params=params or None)})


def _money(value):
    return f"{to_yuan(value):,.2f}"


@transaction.atomic
def contract_create(
    *, award, purchasing_department, amount, actor, title="", term_start=None, term_end=None, number=""
):
    """A contract of an award with one purchasing department of its lot: one per department and
    supplier; the lot's contracts together never above the award."""
    award = Award.objects.select_for_update().select_related("lot__batch", "supplier").get(pk=award.pk)
    lot, batch = award.lot, award.lot.batch
    if award.is_voided:
        raise _error("award", _("The award is voided."), "award_voided")
    if batch.status not in (BatchStatus.AWARDED, BatchStatus.CONTRACTED):
        raise _error("award", _("Contracts are made after the award notice."), "batch_not_awarded")
    requests = ProcurementRequest.objects.filter(lot=lot, purchasing_department=purchasing_department)
    budget = requests.aggregate(total=Sum("budget"))["total"]
    if not budget:
        raise _error(
            "purchasing_department",
            _("This department has no request in lot %(lot)s."),
            "department_not_in_lot",
            lot=lot.number,
        )
    if Contract.objects.filter(
        lot=lot, purchasing_department=purchasing_department, supplier=award.supplier, voided_at__isnull=True
    ).exists():
        raise _error(
            "purchasing_department",
            _("This department already has a contract with this supplier for this lot."),
            "contract_exists",
        )
    others = Contract.objects.filter(lot=lot, voided_at__isnull=True).aggregate(total=Sum("amount"))["total"] or 0
    if amount is not None and amount + others > award.amount:
        raise _error(
            "amount",
            _(
                "The lot's contracts would come to %(total)s yuan, above its award of %(award)s yuan "
                "(政府采购法 第四十六条: the contract follows the award)."
            ),
            "amount_above_award",
            total=_money(amount + others),
            award=_money(award.amount),
        )
    if not number:
        sequence = Contract.objects.filter(batch=batch).count() + 1
        number = f"{batch.number}-HT{sequence:03d}"
    contract = Contract(
        number=number,
        title=title or lot.name,
        batch=batch,
        lot=lot,
        award=award,
        purchasing_department=purchasing_department,
        supplier=award.supplier,
        amount=amount,
        budget_amount=budget,
        term_start=term_start,
        term_end=term_end,
        created_by=actor,
    )
    contract.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            return audited_save(obj=contract, actor=actor)
    except IntegrityError:
        raise _error(
            "purchasing_department",
            _("This department already has a contract with this supplier for this lot."),
            "contract_exists",
        ) from None


def _locked(contract):
    return Contract.objects.select_for_update().select_related("batch").get(pk=contract.pk)


@transaction.atomic
def contract_sign(*, contract, signed_on, actor):
    locked = _locked(contract)
    if locked.is_voided or locked.status != ContractStatus.DRAFT:
        raise _error("signed_on", _("Only a contract awaiting signature can be signed."), "contract_not_draft")
    notice = locked.batch.award_notice_on
    if notice and signed_on < notice:
        raise _error(
            "signed_on",
            _("A contract is signed after the award notice (%(notice)s)."),
            "signed_before_notice",
            notice=notice,
        )
    suspended = batch_signing_suspended(locked.batch, lot_id=locked.lot_id, on=signed_on)
    if suspended:
        raise ValidationError({"signed_on": ValidationError(suspended, code="signing_suspended")})
    locked.signed_on, locked.status = signed_on, ContractStatus.SIGNED
    locked.full_clean()
    audited_save(obj=locked, actor=actor, update_fields=["signed_on", "status"])
    contract.signed_on, contract.status = locked.signed_on, locked.status
    return locked


@transaction.atomic
def contract_publish(*, contract, published_on, actor):
    locked = _locked(contract)
    if locked.signed_on is None or locked.is_voided:
        raise _error("published_on", _("A contract is published once signed."), "contract_unsigned")
    if published_on < locked.signed_on:
        raise _error(
            "published_on", _("A contract cannot be published before it is signed."), "published_before_signing"
        )
    locked.published_on = published_on
    audited_save(obj=locked, actor=actor, update_fields=["published_on"])
    contract.published_on = published_on
    return locked


@transaction.atomic
def milestone_add(*, contract, sequence, description, amount, actor, due_on=None):
    locked = _locked(contract)
    if locked.is_voided:
        raise _error("amount", _("The contract is voided."), "contract_voided")
    planned = locked.milestones.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    if amount is not None and planned + amount > locked.amount:
        raise _error(
            "amount",
            _("The instalments would come to %(total)s yuan, above the contract's %(contract)s yuan."),
            "milestones_above_contract",
            total=_money(planned + amount),
            contract=_money(locked.amount),
        )
    milestone = PaymentMilestone(
        contract=locked, sequence=sequence, description=description, amount=amount, due_on=due_on
    )
    milestone.full_clean()
    return audited_save(obj=milestone, actor=actor)


@transaction.atomic
def payment_record(*, contract, amount, paid_on, actor, milestone=None, voucher_number=""):
    """A payment: the contract's payments together never above its amount."""
    locked = _locked(contract)
    if locked.is_voided or locked.status not in CONTRACT_IN_FORCE:
        raise _error("amount", _("Payments are made on a signed contract."), "contract_not_signed")
    if milestone is not None and milestone.contract_id != locked.pk:
        raise _error("milestone", _("The instalment belongs to another contract."), "milestone_of_other_contract")
    paid = locked.payments.filter(voided_at__isnull=True).aggregate(total=Sum("amount"))["total"] or Decimal("0")
    if amount is not None and paid + amount > locked.amount:
        raise _error(
            "amount",
            _(
                "Payments would come to %(total)s yuan, above the contract's %(contract)s yuan "
                "(%(paid)s yuan already paid)."
            ),
            "payment_above_contract",
            total=_money(paid + amount),
            contract=_money(locked.amount),
            paid=_money(paid),
        )
    if locked.signed_on and paid_on < locked.signed_on:
        raise _error("paid_on", _("A payment cannot precede the contract's signature."), "paid_before_signing")
    payment = Payment(
        contract=locked,
        milestone=milestone,
        amount=amount,
        paid_on=paid_on,
        voucher_number=voucher_number,
        created_by=actor,
    )
    payment.full_clean()
    return audited_save(obj=payment, actor=actor)


@transaction.atomic
def acceptance_record(*, contract, accepted_on, result, inspectors, actor, findings="", report_number=""):
    """验收: a passed acceptance makes the contract accepted; a failed one is kept and another follows."""
    locked = _locked(contract)
    if locked.is_voided or locked.status != ContractStatus.SIGNED:
        raise _error("accepted_on", _("A signed contract, not yet accepted, is accepted."), "contract_not_signed")
    if accepted_on < locked.signed_on:
        raise _error("accepted_on", _("Acceptance cannot precede the contract's signature."), "accepted_before_signing")
    acceptance = Acceptance(
        contract=locked,
        accepted_on=accepted_on,
        result=result,
        inspectors=inspectors,
        findings=findings,
        report_number=report_number,
        created_by=actor,
    )
    acceptance.full_clean()
    audited_save(obj=acceptance, actor=actor)
    if result == AcceptanceResult.PASSED:
        locked.status = ContractStatus.ACCEPTED
        audited_save(obj=locked, actor=actor, update_fields=["status"])
        contract.status = locked.status
    return acceptance


@transaction.atomic
def contract_void(*, contract, reason, actor):
    locked = _locked(contract)
    if not (reason or "").strip():
        raise _error("reason", _("Give the reason."), "reason_required")
    if locked.payments.filter(voided_at__isnull=True).exists():
        raise _error("reason", _("The contract has payments: void them first."), "contract_has_payments")
    locked.status = ContractStatus.VOIDED
    audited_save(obj=locked, actor=actor, update_fields=["status"])
    return record_void(obj=locked, actor=actor, reason=reason)
