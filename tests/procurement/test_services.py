"""The procurement centre's rules, as a user would meet them: refusals with a code naming the rule."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from bureau.workflow import transition
from procurement.choices import (
    AcceptanceResult,
    BatchStatus,
    BidStatus,
    Category,
    ChallengeSubject,
    ContractStatus,
    Method,
    RequestStatus,
)
from procurement.hooks import Advice, register_request_advisor, unregister_request_advisor
from procurement.models import Challenge, ProcurementRequest, Supplier
from procurement.rules import validate_credit_code
from procurement.selectors.clocks import batch_deadlines, contract_deadlines
from procurement.services import batches, contracts, requests, suppliers
from tests.factories import DepartmentFactory, make_user
from tests.helpers import error_codes
from tests.procurement.factories import (
    VALID_CODES,
    BadConductRecordFactory,
    BatchFactory,
    BidFactory,
    ContractFactory,
    LotFactory,
    RequestFactory,
    SupplierFactory,
    awarded_lot,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def codes(exc_info):
    found = error_codes(exc_info.value)
    if isinstance(found, dict):
        return {code for field_codes in found.values() for code in field_codes}
    return set(found)


@pytest.fixture
def actor():
    return make_user(is_superuser=True, username="centre")


# ---- credit codes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", VALID_CODES)
def test_valid_credit_codes_pass(code):
    validate_credit_code(code)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("91110000600037341A", "credit_code_checksum"),  # last character mistyped
        ("91110000600037314L", "credit_code_checksum"),  # two characters swapped
        ("9111000060003734", "credit_code_length"),
        ("91110000600037341LX", "credit_code_length"),
        ("", "credit_code_length"),
        ("911100006000373I1L", "credit_code_format"),  # I is not used
    ],
)
def test_wrong_credit_codes_are_refused_with_the_reason(code, expected):
    with pytest.raises(ValidationError) as exc:
        validate_credit_code(code)
    assert exc.value.code == expected


def test_a_mistyped_code_message_says_the_check_character_is_wrong():
    with pytest.raises(ValidationError) as exc:
        validate_credit_code("91110000600037341A")
    assert "校验码" in exc.value.messages[0] and "L" in exc.value.messages[0]


def test_supplier_save_normalizes_and_refuses_on_the_field(actor):
    supplier = suppliers.supplier_save(
        supplier=Supplier(name="甲公司", credit_code=" 91110000600037341l "), actor=actor
    )
    assert supplier.credit_code == "91110000600037341L"
    with pytest.raises(ValidationError) as exc:
        suppliers.supplier_save(supplier=Supplier(name="乙公司", credit_code="9111000060003734"), actor=actor)
    assert exc.value.error_dict["credit_code"][0].code == "credit_code_length"
    assert Supplier.objects.count() == 1


# ---- requests: intention, catalogue, advice --------------------------------------------------------


def _request(**kwargs):
    defaults = {
        "purchasing_department": DepartmentFactory(),
        "item": "台式计算机",
        "category": Category.GOODS,
        "catalogue_code": "A02010104",
        "quantity": Decimal("5"),
        "budget": Decimal("30000"),
        "funding_source": "fiscal",
        "planned_start": D(2026, 6, 1),
        "intention_published_on": D(2026, 4, 20),
    }
    return ProcurementRequest(**{**defaults, **kwargs})


def test_an_intention_published_30_days_before_is_accepted_and_29_is_not(actor):
    requests.request_save(procurement_request=_request(intention_published_on=D(2026, 5, 2)), actor=actor)
    with pytest.raises(ValidationError) as exc:
        requests.request_save(procurement_request=_request(intention_published_on=D(2026, 5, 3)), actor=actor)
    assert exc.value.error_dict["intention_published_on"][0].code == "intention_late"
    assert "财库〔2020〕10号" in exc.value.error_dict["intention_published_on"][0].messages[0]


def test_a_missing_intention_needs_the_recorded_reason(actor):
    with pytest.raises(ValidationError) as exc:
        requests.request_save(procurement_request=_request(intention_published_on=None), actor=actor)
    assert codes(exc) == {"intention_missing"}
    pr = requests.request_save(
        procurement_request=_request(intention_published_on=None, intention_exemption_reason="因严重自然灾害紧急采购"),
        actor=actor,
    )
    assert pr.pk


def test_a_catalogue_code_of_another_category_is_refused(actor):
    with pytest.raises(ValidationError) as exc:
        requests.request_save(procurement_request=_request(category=Category.SERVICES), actor=actor)
    assert codes(exc) == {"catalogue_category"}


def test_idle_asset_advice_requires_a_reason(actor):
    def advisor(*, catalogue_code, department, quantity):
        if catalogue_code.startswith("A0201"):
            return Advice(message="公物仓有 3 件同类闲置资产可调剂", items=(("台式计算机 #17", "/assets/17/"),))
        return None

    register_request_advisor(advisor)
    try:
        with pytest.raises(ValidationError) as exc:
            requests.request_save(procurement_request=_request(), actor=actor)
        error = exc.value.error_dict["idle_asset_reason"][0]
        assert error.code == "reason_required" and "公物仓有 3 件" in error.messages[0]
        assert ProcurementRequest.objects.count() == 0
        pr = requests.request_save(procurement_request=_request(idle_asset_reason="闲置设备型号过旧"), actor=actor)
        assert pr.pk
        # Another catalogue item gets no advice.
        requests.request_save(procurement_request=_request(catalogue_code="A05010000"), actor=actor)
    finally:
        unregister_request_advisor(advisor)


def test_submit_refuses_a_request_that_breaks_the_intention_rule(actor):
    pr = RequestFactory(status=RequestStatus.DRAFT, intention_published_on=None)
    with pytest.raises(ValidationError) as exc:
        transition(obj=pr, move="submit", actor=actor)
    assert codes(exc) == {"intention_missing"}
    pr.intention_exemption_reason = "紧急"
    pr.save()
    transition(obj=pr, move="submit", actor=actor)
    assert pr.status == RequestStatus.SUBMITTED


# ---- methods and their preconditions (dated data) ---------------------------------------------------


def _batch(method, *, budget=Decimal("100000"), category=Category.GOODS, **kwargs):
    batch = BatchFactory(method=method, **kwargs)
    lot = LotFactory(batch=batch, number=1, budget=budget)
    RequestFactory(
        batch=batch,
        lot=lot,
        budget=budget,
        category=category,
        status=RequestStatus.BATCHED,
        catalogue_code={"goods": "A02", "works": "B01", "services": "C01"}[category],
    )
    return batch


def _opening(days):
    return timezone.now() + datetime.timedelta(days=days)


def _announce_codes(batch, on=None):
    with pytest.raises(ValidationError) as exc:
        batches.batch_check_method(batch=batch, on=on or timezone.localdate())
    return codes(exc)


def _invite(batch, n):
    for _i in range(n):
        batches.invitation_create(batch=batch, supplier=SupplierFactory(), invited_on=timezone.localdate(), actor=None)


def test_open_tendering_needs_20_days_to_the_opening(actor):
    batch = _batch(Method.OPEN_TENDER, opening_at=_opening(19))
    assert _announce_codes(batch) == {"period_too_short"}
    batch.opening_at = _opening(21)
    batches.batch_check_method(batch=batch)
    batch.opening_at = None
    assert _announce_codes(batch) == {"opening_required"}


def test_invited_tendering_needs_a_reason_and_three_invited_suppliers():
    batch = _batch(Method.INVITED_TENDER, opening_at=_opening(25))
    assert _announce_codes(batch) == {"justification_required", "too_few_invited"}
    batch.method_justification = "只能从有限范围的供应商处采购"
    _invite(batch, 2)
    assert _announce_codes(batch) == {"too_few_invited"}
    _invite(batch, 1)
    batches.batch_check_method(batch=batch)


@pytest.mark.parametrize("method", [Method.NEGOTIATION, Method.CONSULTATION])
def test_negotiation_and_consultation_need_a_reason_three_suppliers_and_the_response_period(method):
    batch = _batch(method, opening_at=_opening(1))
    assert _announce_codes(batch) == {"justification_required", "too_few_invited", "period_too_short"}
    batch.method_justification = "技术复杂，不能确定详细规格"
    _invite(batch, 3)
    batch.opening_at = _opening(15)
    batches.batch_check_method(batch=batch)


def test_negotiation_counts_its_three_days_in_working_days_across_national_day():
    batch = _batch(Method.NEGOTIATION, method_justification="紧急", opening_at=None)
    _invite(batch, 3)
    tz = timezone.get_current_timezone()
    # Announced Wed 30 Sep 2026: 8, 9 Oct are working days, the 10th (Saturday) is the make-up day.
    batch.opening_at = datetime.datetime(2026, 10, 9, 9, tzinfo=tz)
    assert _announce_codes(batch, on=D(2026, 9, 30)) == {"period_too_short"}
    batch.opening_at = datetime.datetime(2026, 10, 10, 9, tzinfo=tz)
    batches.batch_check_method(batch=batch, on=D(2026, 9, 30))


def test_inquiry_is_for_goods_only():
    batch = _batch(
        Method.INQUIRY, category=Category.SERVICES, method_justification="规格标准统一", opening_at=_opening(10)
    )
    _invite(batch, 3)
    assert _announce_codes(batch) == {"method_not_for_category"}
    goods = _batch(Method.INQUIRY, method_justification="规格标准统一", opening_at=_opening(10))
    _invite(goods, 3)
    batches.batch_check_method(batch=goods)


def test_single_source_needs_a_reason_the_supplier_and_five_working_days_of_publicity_above_the_threshold():
    batch = _batch(Method.SINGLE_SOURCE, budget=Decimal("5000000"))
    today = timezone.localdate()
    assert _announce_codes(batch) == {"justification_required", "single_supplier_required", "publicity_missing"}
    batch.method_justification = "只能从唯一供应商处采购"
    batch.single_source_supplier = SupplierFactory()
    batch.publicity_from, batch.publicity_to = D(2026, 9, 29), D(2026, 10, 9)  # 29, 30 Sep, 8, 9 Oct
    assert _announce_codes(batch, on=D(2026, 10, 12)) == {"publicity_too_short"}
    batch.publicity_to = D(2026, 10, 10)  # the make-up Saturday is the fifth
    batches.batch_check_method(batch=batch, on=D(2026, 10, 12))
    assert _announce_codes(batch, on=D(2026, 10, 10)) == {"publicity_running"}
    # Below the open-tendering threshold no publicity is needed.
    small = _batch(
        Method.SINGLE_SOURCE,
        budget=Decimal("300000"),
        method_justification="唯一",
        single_source_supplier=SupplierFactory(),
    )
    batches.batch_check_method(batch=small, on=today)


@pytest.mark.parametrize("method", [Method.FRAMEWORK, Method.INNOVATION])
def test_framework_and_innovation_need_their_reason(method):
    batch = _batch(method)
    assert _announce_codes(batch) == {"justification_required"}
    batch.method_justification = "多频次、小额度采购"
    batches.batch_check_method(batch=batch)


def test_a_batch_without_lots_cannot_be_announced():
    batch = BatchFactory(method=Method.FRAMEWORK, method_justification="x")
    assert _announce_codes(batch) == {"no_lots"}


def test_a_rule_not_yet_in_force_does_not_apply():
    """合作创新采购's rules start in 2024: a batch announced before has no such precondition."""
    batch = _batch(Method.INNOVATION)
    batches.batch_check_method(batch=batch, on=D(2024, 1, 10))


def test_the_announce_move_refuses_with_the_preconditions(actor):
    batch = _batch(Method.INVITED_TENDER, opening_at=_opening(25))
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move="announce", actor=actor)
    assert codes(exc) == {"justification_required", "too_few_invited"}
    batch.refresh_from_db()
    assert batch.status == BatchStatus.INITIATED and batch.announced_on is None


# ---- the life cycle -------------------------------------------------------------------------------

MOVES = {
    "announce": {BatchStatus.INITIATED},
    "open": {BatchStatus.ANNOUNCED},
    "evaluate": {BatchStatus.OPENED},
    "award": {BatchStatus.EVALUATED},
    "contract": {BatchStatus.AWARDED},
    "accept": {BatchStatus.CONTRACTED},
    "close": {BatchStatus.ACCEPTED},
    "fail": {BatchStatus.ANNOUNCED, BatchStatus.OPENED, BatchStatus.EVALUATED},
    "retender": {BatchStatus.FAILED},
    "cancel": {
        BatchStatus.INITIATED,
        BatchStatus.ANNOUNCED,
        BatchStatus.OPENED,
        BatchStatus.EVALUATED,
        BatchStatus.FAILED,
    },
}


@pytest.mark.parametrize(
    ("move", "status"),
    [(move, status) for move, sources in MOVES.items() for status in BatchStatus.values if status not in sources],
)
def test_every_illegal_move_is_refused_naming_the_life_cycle(actor, move, status):
    batch = BatchFactory(status=status)
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move=move, actor=actor, reason="x")
    assert exc.value.code == "illegal_move"
    assert "已发起 → 已公告" in exc.value.messages[0]
    batch.refresh_from_db()
    assert batch.status == status


def test_a_department_employee_may_not_move_a_batch(world):
    batch = BatchFactory(status=BatchStatus.ANNOUNCED)
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move="fail", actor=world.users["干部职工"], reason="x")
    assert exc.value.code == "no_permission"


def test_bids_are_not_opened_before_the_announced_time(actor):
    batch = BatchFactory(status=BatchStatus.ANNOUNCED, opening_at=_opening(2))
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move="open", actor=actor)
    assert exc.value.code == "opening_not_due"


def test_an_open_tender_lot_with_two_valid_bids_cannot_be_evaluated_but_can_fail(actor):
    batch = BatchFactory(status=BatchStatus.OPENED, announced_on=D(2026, 3, 1))
    lot = LotFactory(batch=batch)
    BidFactory(lot=lot)
    BidFactory(lot=lot)
    BidFactory(lot=lot, status=BidStatus.REJECTED)
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move="evaluate", actor=actor)
    assert exc.value.code == "too_few_bids" and "第三十六条" in exc.value.messages[0]
    transition(obj=batch, move="fail", actor=actor, reason="有效投标不足三家")
    assert batch.status == BatchStatus.FAILED and batch.failure_reason == "有效投标不足三家"


def test_a_failed_batch_is_re_tendered_as_a_new_batch_with_its_requests(actor):
    batch = BatchFactory(status=BatchStatus.FAILED, number="ZFCG-2026-009")
    lot = LotFactory(batch=batch, number=1)
    pr = RequestFactory(batch=batch, lot=lot, status=RequestStatus.BATCHED)
    locked = transition(obj=batch, move="retender", actor=actor)
    new = locked._retender
    assert batch.status == BatchStatus.RETENDERED
    assert new.number == "ZFCG-2026-009-R1" and new.status == BatchStatus.INITIATED and new.retender_of == batch
    pr.refresh_from_db()
    assert pr.batch == new and pr.lot.batch == new


def test_a_negotiation_with_two_valid_offers_can_be_evaluated(actor):
    batch = BatchFactory(method=Method.NEGOTIATION, status=BatchStatus.OPENED, announced_on=D(2026, 3, 1))
    lot = LotFactory(batch=batch)
    BidFactory(lot=lot)
    BidFactory(lot=lot)
    transition(obj=batch, move="evaluate", actor=actor, on=D(2026, 3, 20))
    assert batch.status == BatchStatus.EVALUATED and batch.evaluation_ended_on == D(2026, 3, 20)


def test_unscored_bids_block_the_evaluation(actor):
    batch = BatchFactory(method=Method.NEGOTIATION, status=BatchStatus.OPENED, announced_on=D(2026, 3, 1))
    lot = LotFactory(batch=batch)
    BidFactory(lot=lot, score=None)
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move="evaluate", actor=actor)
    assert exc.value.code == "bids_unscored"


def test_the_award_notice_needs_every_lot_awarded_and_the_winners_confirmed(actor):
    batch = BatchFactory(status=BatchStatus.EVALUATED, evaluation_ended_on=D(2026, 9, 29))
    lot = LotFactory(batch=batch)
    bid = BidFactory(lot=lot)
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move="award", actor=actor)
    assert exc.value.code == "lot_unawarded"
    batches.award_make(lot=lot, bid=bid, actor=actor, decided_on=D(2026, 9, 30))
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move="award", actor=actor)
    assert exc.value.code == "winner_not_confirmed"
    batches.batch_record_dates(
        batch=batch, evaluation_report_on=D(2026, 9, 30), winner_confirmed_on=D(2026, 10, 9), actor=actor
    )
    batch.refresh_from_db()
    transition(obj=batch, move="award", actor=actor, on=D(2026, 10, 12))
    assert batch.award_notice_on == D(2026, 10, 12)


def test_evaluation_clocks_across_national_day_2026():
    batch = BatchFactory(
        status=BatchStatus.AWARDED,
        evaluation_ended_on=D(2026, 9, 29),
        evaluation_report_on=D(2026, 10, 8),
        winner_confirmed_on=D(2026, 10, 15),
        award_notice_on=D(2026, 10, 16),
    )
    report, confirmation, notice = batch_deadlines(batch)
    assert report.due == D(2026, 10, 8) and report.state == "done"  # 2 working days: 30 Sep, then 8 Oct
    assert report.rule.citation.endswith("第四十三条第一款")
    assert confirmation.due == D(2026, 10, 14) and confirmation.state == "late"  # 9, 10 (Sat), 12, 13, 14
    assert notice.due == D(2026, 10, 19) and notice.state == "done"


def test_contract_states_refuse_moves_until_their_conditions(actor):
    department = DepartmentFactory()
    contract = ContractFactory(
        purchasing_department=department, status=ContractStatus.DRAFT, signed_on=None, published_on=None
    )
    batch = contract.batch
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move="contract", actor=actor)
    assert exc.value.code == "contract_unsigned"
    contracts.contract_sign(contract=contract, signed_on=D(2026, 5, 20), actor=actor)
    transition(obj=batch, move="contract", actor=actor)
    with pytest.raises(ValidationError) as exc:
        transition(obj=batch, move="accept", actor=actor)
    assert exc.value.code == "contract_not_accepted"
    contracts.acceptance_record(
        contract=contract,
        accepted_on=D(2026, 7, 1),
        result=AcceptanceResult.PASSED,
        inspectors="张三、李四",
        actor=actor,
    )
    transition(obj=batch, move="accept", actor=actor)
    transition(obj=batch, move="close", actor=actor)
    assert batch.status == BatchStatus.CLOSED


def test_a_cancelled_batch_releases_its_requests(actor):
    batch = _batch(Method.OPEN_TENDER)
    transition(obj=batch, move="cancel", actor=actor, reason="需求变更")
    assert batch.status == BatchStatus.CANCELLED
    assert set(ProcurementRequest.objects.values_list("status", "batch")) == {(RequestStatus.SUBMITTED, None)}


# ---- gathering, bids, awards ------------------------------------------------------------------------


def test_requests_are_gathered_into_lots_whose_budget_is_theirs(actor):
    batch = BatchFactory()
    first = RequestFactory(budget=Decimal("30000"))
    second = RequestFactory(budget=Decimal("20000"))
    lot = batches.batch_add_request(batch=batch, procurement_request=first, actor=actor, lot_name="计算机")
    batches.batch_add_request(batch=batch, procurement_request=second, lot=lot, actor=actor)
    lot.refresh_from_db()
    assert lot.budget == Decimal("50000") and lot.number == 1
    with pytest.raises(ValidationError) as exc:
        batches.batch_add_request(batch=batch, procurement_request=second, actor=actor)
    assert codes(exc) == {"request_not_free"}


def test_a_bid_after_the_opening_is_refused(actor):
    opening = timezone.now() - datetime.timedelta(hours=1)
    batch = BatchFactory(status=BatchStatus.ANNOUNCED, opening_at=opening)
    lot = LotFactory(batch=batch)
    supplier = SupplierFactory()
    with pytest.raises(ValidationError) as exc:
        batches.bid_submit(
            lot=lot,
            supplier=supplier,
            price=Decimal("90000"),
            submitted_at=opening + datetime.timedelta(minutes=1),
            actor=actor,
        )
    assert codes(exc) == {"bid_after_opening"}
    assert not lot.bids.exists()
    batches.bid_submit(lot=lot, supplier=supplier, price=Decimal("90000"), submitted_at=opening, actor=actor)
    with pytest.raises(ValidationError) as exc:
        batches.bid_submit(lot=lot, supplier=supplier, price=Decimal("80000"), submitted_at=opening, actor=actor)
    assert codes(exc) == {"duplicate_bid"}


def test_bids_are_refused_on_an_initiated_or_evaluated_batch(actor):
    for status in (BatchStatus.INITIATED, BatchStatus.EVALUATED):
        lot = LotFactory(batch=BatchFactory(status=status))
        with pytest.raises(ValidationError) as exc:
            batches.bid_submit(
                lot=lot, supplier=SupplierFactory(), price=Decimal("1"), submitted_at=timezone.now(), actor=actor
            )
        assert codes(exc) == {"batch_not_open"}


def test_a_supplier_under_a_record_in_force_cannot_be_awarded_and_one_whose_record_ended_can(actor):
    batch = BatchFactory(status=BatchStatus.EVALUATED)
    lot = LotFactory(batch=batch)
    blocked = BidFactory(lot=lot)
    BadConductRecordFactory(supplier=blocked.supplier, in_force_from=D(2026, 1, 1), in_force_to=D(2026, 12, 31))
    with pytest.raises(ValidationError) as exc:
        batches.award_make(lot=lot, bid=blocked, actor=actor, decided_on=D(2026, 12, 31))
    assert codes(exc) == {"supplier_blocked"}
    assert "县财政局" in exc.value.messages[0] and not lot.awards.exists()
    # The day after the record ends, the same supplier may win.
    batches.award_make(lot=lot, bid=blocked, actor=actor, decided_on=D(2027, 1, 1))


def test_a_voided_bad_conduct_record_no_longer_blocks(actor):
    batch = BatchFactory(status=BatchStatus.EVALUATED)
    lot = LotFactory(batch=batch)
    bid = BidFactory(lot=lot)
    record = BadConductRecordFactory(supplier=bid.supplier, in_force_to=None)
    suppliers.bad_conduct_record_void(record=record, actor=actor, reason="行政复议撤销")
    batches.award_make(lot=lot, bid=bid, actor=actor, decided_on=D(2026, 6, 1))


def test_one_award_per_lot(actor):
    batch = BatchFactory(status=BatchStatus.EVALUATED)
    lot = LotFactory(batch=batch)
    first, second = BidFactory(lot=lot), BidFactory(lot=lot)
    batches.award_make(lot=lot, bid=first, actor=actor)
    with pytest.raises(ValidationError) as exc:
        batches.award_make(lot=lot, bid=second, actor=actor)
    assert codes(exc) == {"lot_already_awarded"}


# ---- contracts, payments, acceptance, clocks ---------------------------------------------------------


def test_contracts_of_a_lot_never_exceed_its_award(actor):
    first, second = DepartmentFactory(), DepartmentFactory()
    lot, award = awarded_lot(first, price=Decimal("92000"))
    RequestFactory(purchasing_department=second, batch=lot.batch, lot=lot, status=RequestStatus.BATCHED)
    contract = contracts.contract_create(award=award, purchasing_department=first, amount=Decimal("60000"), actor=actor)
    assert contract.budget_amount == Decimal("100000.00") and contract.status == ContractStatus.DRAFT
    with pytest.raises(ValidationError) as exc:
        contracts.contract_create(award=award, purchasing_department=second, amount=Decimal("32000.01"), actor=actor)
    assert codes(exc) == {"amount_above_award"} and "92,000.00" in exc.value.messages[0]
    contracts.contract_create(award=award, purchasing_department=second, amount=Decimal("32000"), actor=actor)
    with pytest.raises(ValidationError) as exc:
        contracts.contract_create(award=award, purchasing_department=second, amount=Decimal("1"), actor=actor)
    assert "contract_exists" in codes(exc)


def test_a_contract_needs_a_department_with_a_request_in_the_lot(actor):
    lot, award = awarded_lot(DepartmentFactory())
    with pytest.raises(ValidationError) as exc:
        contracts.contract_create(
            award=award, purchasing_department=DepartmentFactory(), amount=Decimal("1"), actor=actor
        )
    assert codes(exc) == {"department_not_in_lot"}


def test_a_pending_challenge_suspends_signing(actor):
    contract = ContractFactory(status=ContractStatus.DRAFT, signed_on=None, published_on=None)
    challenge = Challenge.objects.create(
        batch=contract.batch,
        supplier=SupplierFactory(),
        subject=ChallengeSubject.RESULT,
        knew_on=D(2026, 5, 6),
        received_on=D(2026, 5, 8),
        grounds="评分不公",
        suspends_signing=True,
    )
    with pytest.raises(ValidationError) as exc:
        contracts.contract_sign(contract=contract, signed_on=D(2026, 5, 20), actor=actor)
    assert codes(exc) == {"signing_suspended"}
    challenge.status = "replied"
    challenge.save()
    contracts.contract_sign(contract=contract, signed_on=D(2026, 5, 20), actor=actor)
    assert contract.status == ContractStatus.SIGNED


def test_payments_never_exceed_the_contract(actor):
    contract = ContractFactory(amount=Decimal("92000.00"))
    contracts.milestone_add(contract=contract, sequence=1, description="预付款", amount=Decimal("30000"), actor=actor)
    with pytest.raises(ValidationError) as exc:
        contracts.milestone_add(
            contract=contract, sequence=2, description="尾款", amount=Decimal("62000.01"), actor=actor
        )
    assert codes(exc) == {"milestones_above_contract"}
    contracts.payment_record(contract=contract, amount=Decimal("90000"), paid_on=D(2026, 6, 1), actor=actor)
    with pytest.raises(ValidationError) as exc:
        contracts.payment_record(contract=contract, amount=Decimal("2000.01"), paid_on=D(2026, 6, 2), actor=actor)
    assert codes(exc) == {"payment_above_contract"} and "90,000.00" in exc.value.messages[0]
    assert contract.payments.count() == 1
    contracts.payment_record(contract=contract, amount=Decimal("2000"), paid_on=D(2026, 6, 2), actor=actor)


def test_no_payment_on_an_unsigned_contract(actor):
    contract = ContractFactory(status=ContractStatus.DRAFT, signed_on=None, published_on=None)
    with pytest.raises(ValidationError) as exc:
        contracts.payment_record(contract=contract, amount=Decimal("1"), paid_on=D(2026, 6, 2), actor=actor)
    assert codes(exc) == {"contract_not_signed"}


def test_contract_clocks_signed_within_30_days_and_published_within_2_working_days():
    contract = ContractFactory(signed_on=D(2026, 9, 30), published_on=D(2026, 10, 9))
    contract.batch.award_notice_on = D(2026, 8, 31)
    signing, publication = contract_deadlines(contract)
    assert signing.due == D(2026, 9, 30) and signing.state == "done"
    assert publication.due == D(2026, 10, 9) and publication.state == "done"  # 1–7 Oct skipped
    assert publication.rule.citation.endswith("第五十条")
    contract.published_on = D(2026, 10, 10)
    assert contract_deadlines(contract)[1].state == "late"


def test_an_unsigned_contract_past_30_days_is_overdue():
    contract = ContractFactory(status=ContractStatus.DRAFT, signed_on=None, published_on=None)
    contract.batch.award_notice_on = timezone.localdate() - datetime.timedelta(days=31)
    (signing,) = contract_deadlines(contract)
    assert signing.overdue_now and signing.days_late == 1


def test_a_failed_acceptance_keeps_the_contract_signed(actor):
    contract = ContractFactory()
    contracts.acceptance_record(
        contract=contract,
        accepted_on=D(2026, 7, 1),
        result=AcceptanceResult.FAILED,
        inspectors="张三",
        findings="数量不足",
        actor=actor,
    )
    assert contract.status == ContractStatus.SIGNED
    contracts.acceptance_record(
        contract=contract, accepted_on=D(2026, 7, 9), result=AcceptanceResult.PASSED, inspectors="张三", actor=actor
    )
    assert contract.status == ContractStatus.ACCEPTED
