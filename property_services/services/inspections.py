"""The supervision group's inspections and the monthly assessment (物业监管, 月度考核).

A scheduled check is entered, a month's random spot checks are drawn with a recorded seed; an
inspection is scored once on its contract's scoring sheet, each failed item a finding (with a
photo) that opens a rectification order due in working days (bureau's calendar); the re-check
closes it or leaves it open, with a further penalty where the contract's clause allows one. A
penalty is never above its clause: its deduction per occurrence, and its monthly cap with the
month's other penalties under it (the clause's row is locked while they are added up). The month's
assessment adds it up: the mean score, the penalties and the payable amount.
"""

import random
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bureau.services import audited_save, record_void
from bureau.workdays import WorkingCalendar, working_days_after
from bureau.workflow import Move, Workflow, transition
from property_services import rules, rules_inspections
from property_services.choices_inspections import (
    AssessmentStatus,
    InspectionKind,
    InspectionStatus,
    RectificationStatus,
)
from property_services.models import (
    Finding,
    Inspection,
    InspectionScore,
    MonthlyAssessment,
    Penalty,
    PenaltyClause,
    Rectification,
)
from property_services.models.inspections import SEED_MAX

RECTIFICATION_DAYS = 3  # working days a rectification order gives, unless the inspector says otherwise
_AREA_SPLIT = re.compile(r"[、，,；;\s]+")


def _places(contract):
    """The places a contract's spot checks are drawn from: its buildings and its named areas."""
    places = [building.name for building in contract.buildings.all()]
    places += [area for area in _AREA_SPLIT.split(contract.areas or "") if area]
    return places


def _check_in_force(contract, day, field="date"):
    if contract.is_voided:
        raise ValidationError({field: ValidationError(_("This contract is voided."), code="voided")})
    if not contract.start_date <= day <= contract.end_date:
        raise ValidationError(
            {
                field: ValidationError(
                    _("The contract runs from %(start)s to %(end)s; %(day)s is outside it.")
                    % {"start": contract.start_date, "end": contract.end_date, "day": day},
                    code="outside_term",
                )
            }
        )


def _check_month_in_force(contract, month, field="month"):
    if contract.is_voided or not (contract.start_date <= rules.month_end(month) and month <= contract.end_date):
        raise ValidationError(
            {field: ValidationError(_("The contract is not in force in this month."), code="outside_term")}
        )


@transaction.atomic
def inspection_create(*, contract, date, place, actor, kind=InspectionKind.SCHEDULED, inspector=None, note=""):
    """Plan a scheduled check (定期检查) of `contract` at `place` on `date`."""
    _check_in_force(contract, date)
    inspection = Inspection(
        contract=contract, kind=kind, date=date, place=place, inspector=inspector or actor, note=note
    )
    inspection.full_clean()
    return audited_save(obj=inspection, actor=actor, reason=_("Planned"))


@transaction.atomic
def inspection_draw(*, contract, month, count, actor, seed=None, inspector=None):
    """Draw `month`'s random spot checks (不定期抽查) of `contract`: `count` places and days drawn
    with `seed` (a new one when not given), recorded on every inspection drawn. Drawing again with
    the same seed gives the same places and days."""
    if seed is None:
        seed = random.SystemRandom().randrange(SEED_MAX)
    if not 0 <= seed <= SEED_MAX:
        raise ValidationError(
            {
                "seed": ValidationError(
                    _("A seed is a whole number from 0 to %(max)s.") % {"max": SEED_MAX}, code="bad_seed"
                )
            }
        )
    _check_month_in_force(contract, month)
    sample = rules_inspections.draw_sample(places=_places(contract), month=month, count=count, seed=seed)
    drawn = []
    for day, place in sample:
        if not contract.start_date <= day <= contract.end_date:
            continue  # a day of the month outside the contract's term is not checked
        inspection = Inspection(
            contract=contract,
            kind=InspectionKind.SPOT,
            date=day,
            place=place,
            draw_seed=seed,
            inspector=inspector or actor,
        )
        inspection.full_clean()
        drawn.append(audited_save(obj=inspection, actor=actor, reason=_("Drawn with seed %(seed)s") % {"seed": seed}))
    return drawn


@transaction.atomic
def inspection_score(*, inspection, lines, actor, deadline_days=RECTIFICATION_DAYS, calendar=None):
    """Fill the scoring sheet of `inspection` once. `lines` [{"item", "points", "passed",
    "description", "photo"}] — one per scoring item of the contract. Each failed item is a finding
    that opens a rectification order due `deadline_days` working days after the inspection.
    Returns the findings."""
    inspection = Inspection.objects.select_for_update().select_related("contract").get(pk=inspection.pk)
    if inspection.status != InspectionStatus.PLANNED:
        raise ValidationError(_("This inspection is already scored."), code="already_scored")
    items = {item.pk: item for item in inspection.contract.scoring_items.all()}
    if not items:
        raise ValidationError(
            _("The contract has no scoring sheet yet; enter its scoring items first."), code="no_sheet"
        )
    given = {line["item"].pk: line for line in lines}
    if set(given) != set(items):
        raise ValidationError(_("Score every item of the contract's scoring sheet."), code="incomplete_sheet")
    calendar = calendar or WorkingCalendar()
    findings, sheet = [], []
    for pk, item in items.items():
        line = given[pk]
        points, passed = int(line["points"]), bool(line["passed"])
        if not 0 <= points <= item.points:
            raise ValidationError(
                {
                    "points": ValidationError(
                        _("“%(item)s” carries %(max)s points; give 0 to %(max)s.")
                        % {"item": item.item, "max": item.points},
                        code="bad_points",
                    )
                }
            )
        description = (line.get("description") or "").strip()
        if not passed and not description:
            raise ValidationError(
                {
                    "description": ValidationError(
                        _("Say what was found at “%(item)s”.") % {"item": item.item}, code="no_description"
                    )
                }
            )
        score = InspectionScore(inspection=inspection, scoring_item=item, points=points, passed=passed)
        audited_save(obj=score, actor=actor)
        sheet.append((points, item.points))
        if passed:
            continue
        finding = Finding(inspection=inspection, scoring_item=item, description=description)
        if line.get("photo"):
            finding.photo = line["photo"]
        finding.full_clean()
        audited_save(obj=finding, actor=actor, reason=_("Found at inspection"))
        due = working_days_after(inspection.date, deadline_days, calendar=calendar)
        rectification = Rectification(
            finding=finding,
            contract=inspection.contract,
            issued_on=inspection.date,
            deadline=due.date,
            deadline_estimated=due.estimated,
        )
        audited_save(obj=rectification, actor=actor, reason=_("Rectification ordered"))
        findings.append(finding)
    inspection.score = rules_inspections.inspection_score(sheet)
    inspection.status = InspectionStatus.SCORED
    if inspection.inspector_id is None and actor is not None:
        inspection.inspector = actor
    audited_save(obj=inspection, actor=actor, reason=_("Scored"), update_fields=["score", "status", "inspector"])
    return findings


# ---- rectification and its re-check -----------------------------------------------------------------


class RectificationWorkflow(Workflow):
    """The re-check: passed closes the order, failed keeps it open (counted, with a further penalty
    where the caller applies one). Made from the re-check page (views.inspections), not a bare move."""

    model = Rectification
    moves = (
        Move(
            "recheck_pass",
            {RectificationStatus.OPEN},
            RectificationStatus.CLOSED,
            "property_services.change_rectification",
            gettext_lazy("Re-check passed"),
            apply=lambda obj, **kw: _recheck_apply(obj, **kw),
        ),
        Move(
            "recheck_fail",
            {RectificationStatus.OPEN},
            RectificationStatus.OPEN,
            "property_services.change_rectification",
            gettext_lazy("Re-check failed"),
            apply=lambda obj, **kw: _recheck_apply(obj, **kw),
        ),
    )


def _recheck_apply(rectification, *, day=None, note="", **kw):
    rectification.rechecks += 1
    rectification.rechecked_on = day or timezone.localdate()
    rectification.recheck_note = (note or "").strip()[:500]
    return ["rechecks", "rechecked_on", "recheck_note"]


@transaction.atomic
def rectification_recheck(*, rectification, passed, actor, note="", day=None, clause=None, amount=None):
    """Re-check a rectification order: passed → closed; failed again → stays open, and with `clause`
    a further penalty under it (never above the clause). Returns the penalty, if any."""
    day = day or timezone.localdate()
    if day < rectification.issued_on:
        raise ValidationError(
            {"day": ValidationError(_("A re-check cannot come before the order was issued."), code="before_issue")}
        )
    if passed and clause is not None:
        raise ValidationError({"clause": ValidationError(_("A passed re-check brings no penalty."), code="no_penalty")})
    move = "recheck_pass" if passed else "recheck_fail"
    transition(obj=rectification, move=move, actor=actor, reason=note or None, day=day, note=note)
    if clause is None:
        return None
    return penalty_apply(
        clause=clause,
        month=rules.month_start(day),
        amount=amount,
        reason=_("%(order)s failed its re-check") % {"order": rectification},
        rectification=rectification,
        actor=actor,
    )


# ---- penalties ---------------------------------------------------------------------------------------


def _month_open(contract, month, field="month"):
    confirmed = MonthlyAssessment.objects.filter(contract=contract, month=month, status=AssessmentStatus.CONFIRMED)
    if confirmed.exists():
        raise ValidationError(
            {
                field: ValidationError(
                    _("The assessment of %(month)s is confirmed; its penalties no longer change.")
                    % {"month": f"{month.year}-{month.month:02d}"},
                    code="month_confirmed",
                )
            }
        )


@transaction.atomic
def penalty_apply(*, clause, month, reason, actor, amount=None, rectification=None):
    """Deduct under `clause` in `month` (its first day): `amount` (default: the clause's deduction per
    occurrence), never above the deduction, nor above the monthly cap with the month's other
    penalties under the clause — refused on the amount otherwise."""
    clause = PenaltyClause.objects.select_for_update().select_related("contract").get(pk=clause.pk)
    contract = clause.contract
    month = rules.month_start(month)
    if rectification is not None and rectification.contract_id != contract.pk:
        raise ValidationError(
            {"clause": ValidationError(_("The clause is not one of the order's contract."), code="other_contract")}
        )
    _check_month_in_force(contract, month)
    _month_open(contract, month)
    amount = clause.deduction if amount is None else amount
    total = Penalty.objects.filter(clause=clause, month=month, voided_at=None).aggregate(total=Sum("amount"))["total"]
    rules_inspections.check_penalty_caps(clause=clause, amount=amount, month_total=total or 0)
    penalty = Penalty(
        contract=contract,
        clause=clause,
        month=month,
        amount=amount,
        rectification=rectification,
        reason=(reason or "").strip() or clause.deficiency,
        created_by=actor,
    )
    penalty.full_clean()
    return audited_save(obj=penalty, actor=actor, reason=penalty.reason)


@transaction.atomic
def penalty_void(*, penalty, actor, reason):
    """Void a penalty entered in error (its month's assessment not yet confirmed)."""
    _month_open(penalty.contract, penalty.month, field="reason")
    return record_void(obj=penalty, actor=actor, reason=reason)


# ---- the monthly assessment -------------------------------------------------------------------------


@transaction.atomic
def assessment_compute(*, contract, month, actor, today=None):
    """Assess `contract`'s `month` (once it has ended): the mean score of its scored inspections and
    its penalties give the payable amount. Computed again while a draft; a confirmed one stays."""
    month = rules.month_start(month)
    today = today or timezone.localdate()
    if today <= rules.month_end(month):
        raise ValidationError(
            {
                "month": ValidationError(
                    _("%(month)s has not ended yet; a month is assessed from the 1st of the next month.")
                    % {"month": f"{month.year}-{month.month:02d}"},
                    code="month_not_ended",
                )
            }
        )
    _check_month_in_force(contract, month)
    assessment = MonthlyAssessment.objects.select_for_update().filter(
        contract=contract, month=month
    ).first() or MonthlyAssessment(contract=contract, month=month)
    if assessment.status == AssessmentStatus.CONFIRMED:
        raise ValidationError(
            {"month": ValidationError(_("This month's assessment is confirmed."), code="month_confirmed")}
        )
    scores = list(
        Inspection.objects.filter(
            contract=contract, status=InspectionStatus.SCORED, date__gte=month, date__lte=rules.month_end(month)
        ).values_list("score", flat=True)
    )
    penalties = (
        Penalty.objects.filter(contract=contract, month=month, voided_at=None).aggregate(total=Sum("amount"))["total"]
        or 0
    )
    assessment.inspections = len(scores)
    assessment.score = rules_inspections.month_score(scores)
    assessment.passed = assessment.score is None or assessment.score >= contract.pass_score
    assessment.monthly_fee = contract.monthly_fee
    assessment.penalties = penalties
    assessment.payable = rules_inspections.payable(monthly_fee=contract.monthly_fee, penalties=penalties)
    assessment.full_clean(validate_unique=False)
    return audited_save(obj=assessment, actor=actor, reason=_("Assessed"))


class MonthlyAssessmentWorkflow(Workflow):
    model = MonthlyAssessment
    moves = (
        Move(
            "confirm",
            {AssessmentStatus.DRAFT},
            AssessmentStatus.CONFIRMED,
            "property_services.confirm_monthlyassessment",
            gettext_lazy("Confirm the assessment"),
            css="btn-success",
        ),
    )


def assessment_confirm(*, assessment, actor):
    return transition(obj=assessment, move="confirm", actor=actor)
