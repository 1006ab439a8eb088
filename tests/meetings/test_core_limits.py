"""Category limits and budget caps of the standard in force: at, just under and just over each one."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.utils import IntegrityError

from bureau.roles import Role
from meetings import rules, services
from meetings.choices import BudgetKind, BudgetSubKind, MeetingCategory, MeetingStatus
from meetings.models import BudgetLine, Meeting, MeetingStandard
from meetings.rules import budget_description_check
from meetings.selectors.meeting import meeting_limit_violations
from tests.helpers import error_codes
from tests.meetings.core_fixtures import standards  # noqa: F401
from tests.meetings.factories import BudgetLineFactory, MeetingFactory, local_dt

C = MeetingCategory
pytestmark = pytest.mark.usefixtures("standards")


def meeting_of(category, *, attendees, staff=0, days=1, start=(2026, 12, 7, 9)):
    start_at = local_dt(*start)
    end_at = start_at + datetime.timedelta(days=days - 1, hours=3)
    return MeetingFactory(
        category=category, planned_attendees=attendees, planned_staff=staff, start_at=start_at, end_at=end_at
    )


def test_seeded_central_standard_matches_the_2016_table():
    totals = {s.category: s.total for s in MeetingStandard.objects.filter(valid_to=None)}
    assert totals == {"1": Decimal("760"), "2": Decimal("650"), "3": Decimal("550"), "4": Decimal("550")}
    class_2 = MeetingStandard.objects.get(category=C.CLASS_2, valid_to=None)
    assert (class_2.lodging, class_2.meals, class_2.other) == (Decimal("400"), Decimal("150"), Decimal("100"))


@pytest.mark.parametrize(("category", "limit"), [(C.CLASS_2, 300), (C.CLASS_3, 150), (C.CLASS_4, 50)])
@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_participant_limit(category, limit, delta):
    # Staff count as participants (参会人员, of whom staff …); keep their share legal.
    staff = 4
    meeting = meeting_of(category, attendees=limit + delta - staff, staff=staff)
    violations = meeting_limit_violations(meeting)
    if delta <= 0:
        assert violations == []
    else:
        assert len(violations) == 1
        assert str(limit) in violations[0] and str(limit + 1) in violations[0]
        assert meeting.get_category_display() in violations[0]


@pytest.mark.parametrize(("category", "limit"), [(C.CLASS_1, 4), (C.CLASS_2, 2), (C.CLASS_3, 2), (C.CLASS_4, 2)])
@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_day_limit(category, limit, delta):
    meeting = meeting_of(category, attendees=40, staff=2, days=limit + delta)
    violations = meeting_limit_violations(meeting)
    assert (violations == []) == (delta <= 0)
    if delta > 0:
        assert f"{limit}" in violations[0] and f"{limit + 1}" in violations[0]


@pytest.mark.parametrize(("category", "attendees", "allowed"), [(C.CLASS_3, 100, 10), (C.CLASS_4, 40, 6)])
@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_staff_share(category, attendees, allowed, delta):
    meeting = meeting_of(category, attendees=attendees, staff=allowed + delta)
    violations = meeting_limit_violations(meeting)
    assert (violations == []) == (delta <= 0)
    if delta > 0:
        assert str(allowed + 1) in violations[0] and str(allowed) in violations[0]


@pytest.mark.parametrize("delta", [Decimal("-0.01"), Decimal("0"), Decimal("0.01")])
def test_money_cap_on_the_three_items_together(delta):
    # 三类: 550 yuan × (50 + 5) people × 2 days = 60,500; lodging over its own 340 is fine when
    # meals and other costs make room (the items may be shifted among themselves).
    meeting = meeting_of(C.CLASS_3, attendees=50, staff=5, days=2)
    cap = Decimal("60500.00")
    assert rules.meeting_budget_cap(meeting, MeetingStandard.objects.for_meeting(meeting)) == cap
    BudgetLineFactory(meeting=meeting, kind=BudgetKind.LODGING, requested=Decimal("45000.00"))
    BudgetLineFactory(meeting=meeting, kind=BudgetKind.MEALS, requested=Decimal("10000.00"))
    BudgetLineFactory(
        meeting=meeting,
        kind=BudgetKind.OTHER,
        sub_kind=BudgetSubKind.VENUE_RENT,
        requested=cap - Decimal("55000.00") + delta,
    )
    violations = meeting_limit_violations(meeting)
    assert (violations == []) == (delta <= 0)
    if delta > 0:
        assert "60500" in violations[0] and "60500.01" in violations[0] and "550" in violations[0]


def test_approval_names_the_broken_rule_and_decides_nothing(world):
    meeting = meeting_of(C.CLASS_2, attendees=330, staff=20)
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.SUBMITTED)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        services.meeting_approve(meeting=meeting, actor=world.users[Role.LEADERSHIP])
    assert set(error_codes(caught.value)) == {"over_limit"}
    assert any("300" in m and "350" in m for m in caught.value.messages)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SUBMITTED
    assert not meeting.approval_decisions.exists()


def test_meeting_is_judged_by_the_standard_in_force_on_its_start_date():
    old = MeetingStandard.objects.get(category=C.CLASS_3, valid_to=None)
    old.valid_to = datetime.date(2025, 12, 31)
    old.save()
    MeetingStandard.objects.create(
        category=C.CLASS_3,
        valid_from=datetime.date(2026, 1, 1),
        lodging=400,
        meals=130,
        other=70,
        max_days=1,
        max_attendees=100,
        max_staff_ratio=10,
    )
    in_2025 = meeting_of(C.CLASS_3, attendees=120, staff=10, days=2, start=(2025, 12, 30, 9))
    in_2026 = meeting_of(C.CLASS_3, attendees=120, staff=10, days=2, start=(2026, 1, 5, 9))
    assert meeting_limit_violations(in_2025) == []
    assert len(meeting_limit_violations(in_2026)) == 2  # days and participants under the new table
    assert rules.meeting_budget_cap(in_2026, MeetingStandard.objects.for_meeting(in_2026)) == 600 * 130 * 2


def test_meeting_without_a_standard_in_force_gets_a_clear_message():
    meeting = meeting_of(C.CLASS_3, attendees=20, start=(2016, 6, 30, 9))
    with pytest.raises(ValidationError) as caught:
        meeting_limit_violations(meeting)
    assert error_codes(caught.value) == ["no_standard"]
    assert "2016-06-30" in caught.value.messages[0]


def test_standards_of_one_category_cannot_overlap():
    overlapping = MeetingStandard(category=C.CLASS_4, valid_from=datetime.date(2024, 1, 1), lodging=1, meals=1, other=1)
    with pytest.raises(ValidationError) as caught:
        overlapping.full_clean()
    assert error_codes(caught.value) == {"valid_from": ["overlapping_standard"]}
    with pytest.raises(IntegrityError), transaction.atomic():
        overlapping.save()


@pytest.mark.parametrize(
    "text", ["会议纪念品", "欢迎晚宴宴请", "组织旅游参观", "购置投影仪（固定资产）", "Souvenir mugs"]
)
def test_banned_spending_is_refused(text):
    with pytest.raises(ValidationError) as caught:
        budget_description_check(text)
    assert error_codes(caught.value) == {"description": ["banned_spending"]}


def test_banned_spending_has_no_kind_to_choose():
    labels = {str(label) for _value, label in [*BudgetKind.choices, *BudgetSubKind.choices]}
    values = {*BudgetKind.values, *BudgetSubKind.values}
    assert values == {"lodging", "meals", "other", "venue_rent", "transport", "printing", "medical"}
    assert not any(word in label.lower() for label in labels for word in ("souvenir", "banquet", "sightseeing"))


def test_budget_save_over_the_cap_saves_nothing(world):
    meeting = meeting_of(C.CLASS_4, attendees=20, staff=2)  # 550 × 22 × 1 = 12,100
    rows = [
        {"line": None, "kind": BudgetKind.MEALS, "sub_kind": "", "description": "工作餐", "requested": Decimal("6000")},
        {
            "line": None,
            "kind": BudgetKind.OTHER,
            "sub_kind": BudgetSubKind.VENUE_RENT,
            "description": "会场",
            "requested": Decimal("6100.01"),
        },
    ]
    with pytest.raises(ValidationError) as caught:
        services.meeting_budget_save(meeting=meeting, actor=world.users[Role.EMPLOYEES], rows=rows)
    assert set(error_codes(caught.value)) == {"over_cap"}
    assert "12100" in caught.value.messages[0]
    assert not BudgetLine.objects.filter(meeting=meeting).exists()
    rows[1]["requested"] = Decimal("6100.00")
    services.meeting_budget_save(meeting=meeting, actor=world.users[Role.EMPLOYEES], rows=rows)
    assert BudgetLine.objects.filter(meeting=meeting).count() == 2


def test_budget_amount_columns_are_kept_apart_by_role(world):
    meeting = meeting_of(C.CLASS_4, attendees=20, staff=2)
    line = BudgetLineFactory(meeting=meeting, requested=Decimal("3000"))
    finance = world.users[Role.FINANCE]
    row = {"line": line, "approved": Decimal("2800")}
    with pytest.raises(ValidationError) as caught:  # a draft: finance has nothing to enter yet
        services.meeting_budget_save(meeting=meeting, actor=finance, rows=[row])
    assert error_codes(caught.value) == ["budget_locked"]
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.SUBMITTED)
    with pytest.raises(ValidationError) as caught:  # the request is frozen once submitted
        services.meeting_budget_save(
            meeting=meeting, actor=world.users[Role.EMPLOYEES], rows=[{"line": line, "requested": Decimal("1")}]
        )
    assert error_codes(caught.value) == ["budget_locked"]
    services.meeting_budget_save(meeting=meeting, actor=finance, rows=[row])  # while it waits for approval
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    services.meeting_budget_save(meeting=meeting, actor=finance, rows=[{**row, "actual": Decimal("2500")}])
    line.refresh_from_db()
    assert (line.requested, line.approved, line.actual, line.savings) == (
        Decimal("3000"),
        Decimal("2800"),
        Decimal("2500"),
        Decimal("500"),
    )
    assert line.history.first().history_user == finance
