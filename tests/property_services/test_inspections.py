"""The supervision group's inspections and the monthly assessment: the reproducible draw, the caps of a
penalty clause, the payable amount, and — as one story through the roles — inspection → finding →
rectification → penalty → monthly payable, with the assessment sheet read back from its PDF."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from bureau.roles import Role
from bureau.workdays import working_days_after
from property_services import rules_inspections
from property_services.choices_inspections import AssessmentStatus, InspectionKind, RectificationStatus
from property_services.models import (
    Finding,
    Inspection,
    InspectionScore,
    MonthlyAssessment,
    Penalty,
    PenaltyClause,
    Rectification,
    ScoringItem,
)
from property_services.services import inspections as services
from tests.factories import BuildingFactory, DepartmentFactory, make_user
from tests.helpers import error_codes, field_error, pdf_fonts, pdf_text
from tests.property_services.factories import service_contract

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.date(2025, 11, 1)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _contract(**kwargs):
    contract = service_contract(areas="广场、停车场、食堂", monthly_fee=Decimal("48000.00"), **kwargs)
    contract.buildings.set([BuildingFactory(name="行政中心1号楼"), BuildingFactory(name="行政中心2号楼")])
    for item, points in [("人员在岗与着装", 40), ("区域清洁", 60)]:
        ScoringItem.objects.create(contract=contract, item=item, points=points)
    PenaltyClause.objects.create(
        contract=contract, deficiency="检查不合格经整改仍不合格", deduction=Decimal("300"), monthly_cap=Decimal("500")
    )
    return contract


def _client(role):
    client = Client()
    client.force_login(make_user(roles=[role], department=DepartmentFactory()))
    return client


# ---- the reproducible draw ---------------------------------------------------------------------------


def test_redrawing_with_the_recorded_seed_gives_the_same_places_and_days():
    contract = _contract()
    inspector = make_user(roles=[Role.SUPERVISION])
    first = services.inspection_draw(contract=contract, month=NOVEMBER, count=5, actor=inspector)
    seed = first[0].draw_seed
    assert seed is not None and all(inspection.draw_seed == seed for inspection in first)
    assert all(inspection.kind == InspectionKind.SPOT for inspection in first)
    places = {"行政中心1号楼", "行政中心2号楼", "广场", "停车场", "食堂"}
    assert {inspection.place for inspection in first} == places  # five checks, five places: each once
    assert all(d.date.month == 11 and d.date.weekday() < 5 for d in first)

    again = services.inspection_draw(contract=contract, month=NOVEMBER, count=5, seed=seed, actor=inspector)
    assert [(i.date, i.place) for i in again] == [(i.date, i.place) for i in first]
    # the pure draw is the same too, and another seed draws another sample
    sample = rules_inspections.draw_sample(places=places, month=NOVEMBER, count=5, seed=seed)
    assert sample == [(i.date, i.place) for i in first]
    others = [rules_inspections.draw_sample(places=places, month=NOVEMBER, count=5, seed=s) for s in range(5)]
    assert any(other != sample for other in others)


def test_a_draw_from_the_page_records_its_seed_and_a_bad_count_is_refused_on_the_field():
    contract = _contract()
    supervision = _client(Role.SUPERVISION)
    url = reverse("property_services:inspection_draw")
    response = supervision.post(url, {"contract": contract.pk, "month": "2025-11", "count": "500", "seed": "42"})
    assert "1" in field_error(response, "count") and not Inspection.objects.exists()
    response = supervision.post(url, {"contract": contract.pk, "month": "2025-11", "count": "3", "seed": "42"})
    assert response.status_code == 302
    assert set(Inspection.objects.values_list("draw_seed", flat=True)) == {42}
    drawn = sorted(Inspection.objects.values_list("date", "place"))
    places = services._places(contract)
    assert drawn == sorted(rules_inspections.draw_sample(places=places, month=NOVEMBER, count=3, seed=42))


# ---- penalty caps and the payable amount ---------------------------------------------------------------


def test_a_penalty_is_never_above_its_clause_per_occurrence_nor_its_monthly_cap():
    contract = _contract()
    clause = contract.penalty_clauses.get()
    actor = make_user(roles=[Role.SUPERVISION])
    with pytest.raises(ValidationError) as refused:
        services.penalty_apply(clause=clause, month=NOVEMBER, amount=Decimal("300.01"), reason="脱岗", actor=actor)
    assert error_codes(refused.value) == {"amount": ["above_clause"]}
    services.penalty_apply(clause=clause, month=NOVEMBER, reason="第一次", actor=actor)  # the clause's 300
    with pytest.raises(ValidationError) as refused:
        services.penalty_apply(clause=clause, month=NOVEMBER, reason="第二次", actor=actor)  # 600 > 500
    assert error_codes(refused.value) == {"amount": ["above_monthly_cap"]}
    services.penalty_apply(clause=clause, month=NOVEMBER, amount=Decimal("200"), reason="第二次", actor=actor)
    with pytest.raises(ValidationError):
        services.penalty_apply(clause=clause, month=NOVEMBER, amount=Decimal("0.01"), reason="第三次", actor=actor)
    # another month has its own cap; a voided penalty leaves room under it
    services.penalty_apply(clause=clause, month=datetime.date(2025, 12, 1), reason="十二月", actor=actor)
    first = Penalty.objects.get(reason="第一次")
    services.penalty_void(penalty=first, actor=actor, reason="录入错误")
    services.penalty_apply(clause=clause, month=NOVEMBER, amount=Decimal("300"), reason="更正", actor=actor)
    assert sum(p.amount for p in Penalty.objects.filter(month=NOVEMBER, voided_at=None)) == Decimal("500")


def test_the_payable_amount_is_the_fee_less_the_penalties_never_below_zero():
    assert rules_inspections.payable(monthly_fee=Decimal("48000"), penalties=Decimal("800")) == Decimal("47200.00")
    assert rules_inspections.payable(monthly_fee=Decimal("500"), penalties=Decimal("800")) == Decimal("0.00")
    contract = _contract(title="小额合同")
    contract.monthly_fee = Decimal("250.00")
    contract.save()
    actor = make_user(roles=[Role.SUPERVISION])
    services.penalty_apply(clause=contract.penalty_clauses.get(), month=NOVEMBER, reason="脱岗", actor=actor)
    assessment = services.assessment_compute(contract=contract, month=NOVEMBER, actor=actor)
    assert (assessment.penalties, assessment.payable) == (Decimal("300.00"), Decimal("0.00"))


def test_a_month_not_yet_ended_is_not_assessed_and_a_confirmed_month_takes_no_more_penalties():
    contract = _contract()
    actor = make_user(roles=[Role.SUPERVISION])
    with pytest.raises(ValidationError) as refused:
        services.assessment_compute(contract=contract, month=NOVEMBER, actor=actor, today=datetime.date(2025, 11, 30))
    assert error_codes(refused.value) == {"month": ["month_not_ended"]}
    assessment = services.assessment_compute(contract=contract, month=NOVEMBER, actor=actor)
    services.assessment_confirm(assessment=assessment, actor=actor)
    with pytest.raises(ValidationError) as refused:
        services.penalty_apply(clause=contract.penalty_clauses.get(), month=NOVEMBER, reason="迟到", actor=actor)
    assert error_codes(refused.value) == {"month": ["month_confirmed"]}


# ---- one story through the roles ------------------------------------------------------------------------


def _sheet(inspection, *, failed_description="楼道有垃圾未清理", photo=None):
    items = list(inspection.contract.scoring_items.order_by("id"))
    data = {"deadline_days": "3"}
    on_duty, cleaning = items
    data |= {f"item{on_duty.pk}-points": "40", f"item{on_duty.pk}-passed": "1"}
    data |= {f"item{cleaning.pk}-points": "30", f"item{cleaning.pk}-passed": "0"}
    data[f"item{cleaning.pk}-description"] = failed_description
    if photo is not None:
        data[f"item{cleaning.pk}-photo"] = photo
    return data, cleaning


def test_inspection_to_finding_to_rectification_to_penalty_to_the_monthly_payable(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    contract = _contract()
    clause = contract.penalty_clauses.get()
    supervision, centre = _client(Role.SUPERVISION), _client(Role.ADMIN_CENTRE)
    finance, head = _client(Role.FINANCE), _client(Role.DEPARTMENT_HEADS)

    # the supervision group plans a scheduled check and fills its scoring sheet on the phone page
    response = supervision.post(
        reverse("property_services:inspection_add"),
        {"contract": contract.pk, "date": "2025-11-05", "place": "行政中心1号楼", "note": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    inspection = Inspection.objects.get()
    score_url = reverse("property_services:inspection_score", args=[inspection.pk])
    page = supervision.get(score_url)
    assert 'name="viewport"' in page.content.decode() and "区域清洁" in page.content.decode()
    data, cleaning = _sheet(inspection, photo=SimpleUploadedFile("laji.png", PNG, content_type="image/png"))
    response = supervision.post(score_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    inspection.refresh_from_db()
    assert inspection.score == Decimal("70.0")
    assert InspectionScore.objects.filter(inspection=inspection).count() == 2

    # the failed item is a finding with its photo, and opens a rectification order due in working days
    finding = Finding.objects.get()
    assert finding.scoring_item == cleaning and finding.photo.name.endswith(".png")
    order = Rectification.objects.get()
    assert order.finding == finding and order.status == RectificationStatus.OPEN
    assert order.deadline == working_days_after(datetime.date(2025, 11, 5), 3).date == datetime.date(2025, 11, 10)

    # the re-check fails again: the order stays open and a penalty above its clause is refused on the field
    recheck_url = reverse("property_services:rectification_recheck", args=[order.pk])
    data = {"passed": "0", "day": "2025-11-11", "note": "仍有垃圾", "clause": clause.pk, "amount": "350"}
    response = supervision.post(recheck_url, data)
    assert "300" in field_error(response, "amount") and "仍有垃圾" in response.content.decode()
    assert not Penalty.objects.exists()
    order.refresh_from_db()
    assert order.rechecks == 0  # nothing half-saved
    response = supervision.post(recheck_url, {**data, "amount": ""})
    assert response.status_code == 302
    order.refresh_from_db()
    assert (order.status, order.rechecks) == (RectificationStatus.OPEN, 1)
    penalty = Penalty.objects.get()
    assert (penalty.amount, penalty.rectification, penalty.month) == (Decimal("300.00"), order, NOVEMBER)

    # a second penalty under the clause would pass its monthly cap of 500: refused on the amount
    response = supervision.post(
        reverse("property_services:penalty_add"),
        {"clause": clause.pk, "month": "2025-11", "amount": "300", "reason": "再次不合格"},
    )
    assert "500" in field_error(response, "amount") and "再次不合格" in response.content.decode()
    assert Penalty.objects.count() == 1

    # the next re-check passes and closes the order
    response = supervision.post(recheck_url, {"passed": "1", "day": "2025-11-13", "note": "已整改"})
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == RectificationStatus.CLOSED

    # the administration centre assesses the month: the fee less the penalty, and confirms it
    add_url = reverse("property_services:monthlyassessment_add")
    response = centre.post(add_url, {"contract": contract.pk, "month": "2025-11"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assessment = MonthlyAssessment.objects.get()
    assert (assessment.score, assessment.penalties, assessment.payable) == (
        Decimal("70.0"),
        Decimal("300.00"),
        Decimal("47700.00"),
    )
    assert not assessment.passed  # 70 is below the contract's pass score of 80
    centre.post(reverse("property_services:monthlyassessment_confirm", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.CONFIRMED

    # finance reads the sheet for signature; a department head sees nothing of it
    response = finance.get(reverse("property_services:monthlyassessment_pdf", args=[assessment.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "月度考核表" in text and contract.title in text and "2025-11" in text
    assert "48000.00" in text and "300.00" in text and "47700.00" in text
    assert "人民币肆万柒仟柒佰元整" in text
    fonts = pdf_fonts(response.content, tmp_path)
    assert any("CJK" in line and " yes " in line for line in fonts.splitlines()), fonts
    assert head.get(reverse("property_services:monthlyassessment", args=[assessment.pk])).status_code == 403
    assert head.get(reverse("property_services:inspection_list")).status_code == 403


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        (SimpleUploadedFile("laji.jpg", b"%PDF-1.4 not an image"), "JPEG、PNG"),
        (SimpleUploadedFile("laji.png", PNG + b"\x00" * (5 * 1024 * 1024)), "5 MB"),
    ],
    ids=["not an image", "too big"],
)
def test_a_photo_that_is_not_an_image_or_too_big_is_refused_on_the_field(photo, message, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    contract = _contract()
    inspection = services.inspection_create(
        contract=contract, date=datetime.date(2025, 11, 5), place="广场", actor=make_user(roles=[Role.SUPERVISION])
    )
    supervision = _client(Role.SUPERVISION)
    data, cleaning = _sheet(inspection, failed_description="草坪积水", photo=photo)
    response = supervision.post(reverse("property_services:inspection_score", args=[inspection.pk]), data)
    assert response.status_code == 200
    form = next(form for form in response.context["lines"] if form.item == cleaning)
    assert message in " ".join(form.errors["photo"])
    assert "草坪积水" in response.content.decode()  # what was typed is kept
    assert not Finding.objects.exists() and not InspectionScore.objects.exists()
    inspection.refresh_from_db()
    assert inspection.score is None


def test_a_failed_item_without_what_was_found_and_points_above_the_item_are_refused():
    contract = _contract()
    inspection = services.inspection_create(
        contract=contract, date=datetime.date(2025, 11, 5), place="广场", actor=make_user(roles=[Role.SUPERVISION])
    )
    supervision = _client(Role.SUPERVISION)
    data, cleaning = _sheet(inspection, failed_description="")
    data[f"item{cleaning.pk}-points"] = "61"
    response = supervision.post(reverse("property_services:inspection_score", args=[inspection.pk]), data)
    form = next(form for form in response.context["lines"] if form.item == cleaning)
    assert form.errors["points"] and form.errors["description"]
    assert not InspectionScore.objects.exists()
