"""Demo data of the supervision group (called from property_services.demo, idempotent): a year of
inspections of the reference contracts — each month a scheduled check and two random spot checks
drawn with a recorded seed, scored on the contract's sheet; some items failed, each a finding with a
rectification order, most closed at the first re-check, some failed again with a penalty under the
contract's clause — and each month's assessment (confirmed, the latest still a draft). Everything
through the services, so every row has its history."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db.models import Sum

from bureau.models import Building
from property_services import rules
from property_services.choices_inspections import AssessmentStatus, RectificationStatus
from property_services.models import Inspection, MonthlyAssessment, Rectification, ServiceContract
from property_services.services import inspections as services

MONTHS = 12
SPOT_CHECKS = 2
FAIL_RATE = 0.08
REFERENCE_TITLES = ("行政中心保安服务", "行政中心保洁服务", "机关食堂服务")


def seed(*, today=None):
    """Returns (inspections, assessments) of the reference contracts."""
    today = today or datetime.date.today()
    users = get_user_model().objects
    inspector, centre = users.filter(username="inspect").first(), users.filter(username="campus").first()
    contracts = list(ServiceContract.objects.filter(title__in=REFERENCE_TITLES, voided_at=None).order_by("pk"))
    if not (inspector and centre and contracts):
        return 0, 0
    months = []
    month = rules.previous_month(today)
    for _ in range(MONTHS):
        months.append(month)
        month = rules.previous_month(month)
    months.reverse()
    buildings = list(Building.objects.order_by("code")[:4])
    for contract in contracts:
        if not contract.buildings.exists() and buildings:
            contract.buildings.set(buildings)  # the campus's office buildings: where spot checks go
        if Inspection.objects.filter(contract=contract).exists():
            continue
        rng = random.Random(f"inspections-{contract.title}")
        for month in months:
            if not (contract.start_date <= month and rules.month_end(month) <= contract.end_date):
                continue
            _month(contract, month, rng, inspector, today)
    for contract in contracts:
        for month in months:
            if not (contract.start_date <= month and rules.month_end(month) <= contract.end_date):
                continue
            assessment = MonthlyAssessment.objects.filter(contract=contract, month=month).first()
            if assessment is None:
                assessment = services.assessment_compute(contract=contract, month=month, actor=centre, today=today)
            if month != months[-1] and assessment.status == AssessmentStatus.DRAFT:
                services.assessment_confirm(assessment=assessment, actor=centre)
    return (
        Inspection.objects.filter(contract__in=contracts).count(),
        MonthlyAssessment.objects.filter(contract__in=contracts).count(),
    )


def _month(contract, month, rng, inspector, today):
    scheduled = services.inspection_create(
        contract=contract,
        date=month + datetime.timedelta(days=9),
        place=(contract.areas or "行政中心")[:200],
        actor=inspector,
    )
    seed = int(f"{month:%Y%m}{contract.pk:03d}")
    drawn = services.inspection_draw(contract=contract, month=month, count=SPOT_CHECKS, seed=seed, actor=inspector)
    clause = contract.penalty_clauses.filter(deficiency__contains="整改仍不合格").first()
    items = list(contract.scoring_items.all())
    for inspection in [scheduled, *drawn]:
        lines = []
        for item in items:
            passed = rng.random() > FAIL_RATE
            points = item.points - (rng.random() < 0.3) if passed else rng.randint(item.points // 3, item.points // 2)
            description = "" if passed else f"{item.item}不达标"
            lines.append({"item": item, "points": points, "passed": passed, "description": description})
        findings = services.inspection_score(inspection=inspection, lines=lines, actor=inspector)
        for finding in findings:
            order = Rectification.objects.get(finding=finding)
            day = min(order.deadline, today)
            if rng.random() < 0.2:
                further = clause if clause is not None and _room_under_cap(clause, rules.month_start(day)) else None
                services.rectification_recheck(
                    rectification=order, passed=False, note="复查仍不合格", day=day, clause=further, actor=inspector
                )
                day = min(day + datetime.timedelta(days=2), today)
            order.refresh_from_db()
            if order.status == RectificationStatus.OPEN:
                services.rectification_recheck(
                    rectification=order, passed=True, note="已整改到位", day=day, actor=inspector
                )


def _room_under_cap(clause, month):
    """Whether one more deduction under `clause` stays within its monthly cap."""
    total = clause.penalties.filter(month=month, voided_at=None).aggregate(total=Sum("amount"))["total"] or 0
    return total + clause.deduction <= clause.monthly_cap
