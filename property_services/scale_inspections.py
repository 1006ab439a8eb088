"""The inspections' part of `seed_scale` (called from property_services.scale): for each contract of the
build, its last months in force — a scheduled check and two spot checks drawn with a recorded seed
a month, scored on the contract's sheet, one failed item a month with its finding, rectification
order (the latest still open) and penalty under the contract's first clause, and the month's
assessment (the latest a draft) — computed by the same rules as the services."""

import datetime
from decimal import Decimal

from bureau.workdays import WorkingCalendar, working_days_after
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
    ScoringItem,
    ServiceContract,
)

MONTHS = 6
PLACES = ["1号楼", "2号楼", "3号楼", "广场", "停车场", "食堂"]


def build(plan, writer, contract_ids, months):
    """`months`: the plan's billed months (the latest ones are inspected)."""
    months = list(months)[-MONTHS:]
    contracts = list(ServiceContract.objects.filter(pk__in=contract_ids).order_by("pk"))
    items = {}
    for item in ScoringItem.objects.filter(contract_id__in=contract_ids).order_by("pk"):
        items.setdefault(item.contract_id, []).append(item)
    clauses = {}
    for clause in PenaltyClause.objects.filter(contract_id__in=contract_ids).order_by("pk"):
        clauses.setdefault(clause.contract_id, clause)
    calendar = WorkingCalendar()
    inspections, scores, findings, orders, penalties, assessments = [], [], [], [], [], []
    inspection_ids = iter(writer.reserve(Inspection, len(contracts) * len(months) * 3))
    finding_ids = iter(writer.reserve(Finding, len(contracts) * len(months)))
    order_ids = iter(writer.reserve(Rectification, len(contracts) * len(months)))
    for contract in contracts:
        sheet, clause = items.get(contract.pk, []), clauses.get(contract.pk)
        for index, month in enumerate(months):
            if not (contract.start_date <= month and rules.month_end(month) <= contract.end_date) or not sheet:
                continue
            latest = index == len(months) - 1
            seed = int(f"{month:%Y%m}") * 1000 + contract.pk % 1000
            checks = [(month + datetime.timedelta(days=9), PLACES[0], InspectionKind.SCHEDULED, None)]
            drawn = rules_inspections.draw_sample(places=PLACES, month=month, count=2, seed=seed)
            checks += [(day, place, InspectionKind.SPOT, seed) for day, place in drawn]
            month_scores = []
            for number, (day, place, kind, draw_seed) in enumerate(checks):
                inspection_id = next(inspection_ids)
                failing = sheet[-1] if number == 2 else None
                lines = [(item.points // 2 if item is failing else item.points, item.points) for item in sheet]
                score = rules_inspections.inspection_score(lines)
                month_scores.append(score)
                inspections.append(
                    (inspection_id, contract.pk, kind, day, place, draw_seed, InspectionStatus.SCORED, score, "")
                )
                for item, (given, _points) in zip(sheet, lines, strict=True):
                    scores.append((inspection_id, item.pk, given, item is not failing))
                if failing is None:
                    continue
                finding_id, order_id = next(finding_ids), next(order_ids)
                findings.append((finding_id, inspection_id, failing.pk, f"{failing.item}不达标", ""))
                due = working_days_after(day, 3, calendar=calendar)
                status = RectificationStatus.OPEN if latest else RectificationStatus.CLOSED
                rechecks, rechecked = (0, None) if latest else (1, due.date)
                orders.append((order_id, finding_id, contract.pk, day, due.date, due.estimated, status))
                orders[-1] += (rechecks, rechecked)
                if clause is not None:
                    penalties.append((contract.pk, clause.pk, month, clause.deduction, order_id, clause.deficiency))
            total = clause.deduction if clause is not None else Decimal(0)
            status = AssessmentStatus.DRAFT if latest else AssessmentStatus.CONFIRMED
            month_score = rules_inspections.month_score(month_scores)
            assessments.append(
                (
                    contract.pk,
                    month,
                    len(month_scores),
                    month_score,
                    month_score >= contract.pass_score,
                    contract.monthly_fee,
                    total,
                    rules_inspections.payable(monthly_fee=contract.monthly_fee, penalties=total),
                    status,
                )
            )
    writer.write(
        Inspection,
        ("id", "contract_id", "kind", "date", "place", "draw_seed", "status", "score", "note"),
        inspections,
    )
    writer.write(
        InspectionScore,
        ("id", "inspection_id", "scoring_item_id", "points", "passed"),
        [(pk, *row) for pk, row in zip(writer.reserve(InspectionScore, len(scores)), scores, strict=True)],
    )
    writer.write(Finding, ("id", "inspection_id", "scoring_item_id", "description", "photo"), findings)
    writer.write(
        Rectification,
        ("id", "finding_id", "contract_id", "issued_on", "deadline", "deadline_estimated", "status", "rechecks")
        + ("rechecked_on",),
        orders,
    )
    writer.write(
        Penalty,
        ("id", "contract_id", "clause_id", "month", "amount", "rectification_id", "reason"),
        [(pk, *row) for pk, row in zip(writer.reserve(Penalty, len(penalties)), penalties, strict=True)],
    )
    writer.write(
        MonthlyAssessment,
        ("id", "contract_id", "month", "inspections", "score", "passed", "monthly_fee", "penalties", "payable")
        + ("status",),
        [(pk, *row) for pk, row in zip(writer.reserve(MonthlyAssessment, len(assessments)), assessments, strict=True)],
    )
    return len(inspections), len(assessments)
