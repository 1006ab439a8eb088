"""Demo data of the meetings centre (called by `manage.py seed_demo` after bureau.demo.seed()).

# ---- meetings-core ----
About 300 meetings of the demo departments over 2025-01 .. 2026-12, in every state, with budgets,
approval decisions and printing orders. Deterministic and idempotent: a meeting is identified by
its title and start time, so a second run adds nothing. Fast: rows are bulk-created WITH their
history (simple_history.utils.bulk_create_with_history).

`build_meetings()` is the reusable part: it builds N meetings over any period for the given
departments and rooms (the benchmarks use it for the "county, 10 years" data set).
"""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from bureau.models import Department, Room
from meetings import demo_attendance, demo_reception
from meetings.choices import (
    ApprovalDecisionKind,
    BudgetKind,
    BudgetSubKind,
    MeetingCategory,
    MeetingFormat,
    MeetingStatus,
    PrintingStatus,
)
from meetings.models import ApprovalDecision, BudgetLine, Meeting, MeetingStandard, PrintingOrder

S = MeetingStatus
CENT = Decimal("0.01")
TOPICS = [
    "工作会议",
    "安全生产工作部署会",
    "防汛抗旱工作会议",
    "项目建设推进会",
    "党风廉政建设工作会议",
    "乡村振兴工作调度会",
    "经济运行分析会",
    "重点工作督办会",
    "业务培训会",
    "专题座谈会",
    "评审会",
    "年度工作总结会",
    "优化营商环境推进会",
    "信访维稳工作会议",
    "疫情防控工作部署会",
]
EXTERNAL_VENUES = ["中方县宾馆会议厅", "县委党校报告厅", "县融媒体中心演播厅"]
# (category, weight, attendees range, max days)
CATEGORY_MIX = [
    (MeetingCategory.CLASS_1, 2, (150, 400), 3),
    (MeetingCategory.CLASS_2, 10, (80, 270), 2),
    (MeetingCategory.CLASS_3, 40, (30, 135), 2),
    (MeetingCategory.CLASS_4, 48, (10, 45), 1),
]
PAST_STATUSES = [
    (S.SETTLED, 60),
    (S.HELD, 12),
    (S.IN_PROGRESS, 2),
    (S.CANCELLED, 10),
    (S.REJECTED, 8),
]
FUTURE_STATUSES = [
    (S.DRAFT, 20),
    (S.SUBMITTED, 25),
    (S.APPROVED, 20),
    (S.PREPARING, 20),
    (S.REJECTED, 5),
    (S.CANCELLED, 10),
]
APPROVED_ON = (S.APPROVED, S.PREPARING, S.IN_PROGRESS, S.HELD, S.SETTLED)


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _money(value):
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def build_meetings(
    *,
    count,
    departments,
    rooms,
    date_from,
    date_to,
    seed=2026,
    today=None,
    users=None,
    skip_existing=True,
    batch_size=1000,
):
    """Create `count` meetings spread over [date_from, date_to] with budgets, decisions and printing
    orders, all with history. Returns the new meetings. Meetings of one room never overlap: each
    meeting gets its own day slot, and a room comes round again only after len(rooms) meetings."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    users = users or {}
    tz = timezone.get_current_timezone()
    span = (date_to - date_from).days + 1
    standards = {s.category: s for s in MeetingStandard.objects.filter(valid_to=None)}
    existing = set(Meeting.objects.values_list("title", "start_at")) if skip_existing else set()
    now = timezone.now()
    meetings, plans = [], []
    for index in range(count):
        department = departments[index % len(departments)] if index % 3 else rng.choice(departments)
        category, _weight, (low, high), max_days = _pick_category(rng)
        day = date_from + datetime.timedelta(days=index * span // count)
        hour = 9 if index % 2 == 0 else 14
        start_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)), tz)
        days = 1 if max_days == 1 or rng.random() < 0.75 else rng.randint(2, max_days)
        end_at = start_at + datetime.timedelta(days=days - 1, hours=3 if days == 1 else 8)
        meeting_format = _pick(
            rng, [(MeetingFormat.ON_SITE, 70), (MeetingFormat.VIDEO, 20), (MeetingFormat.TV_PHONE, 10)]
        )
        standard = standards.get(category)
        attendees = rng.randint(low, high)
        if standard and standard.max_attendees:
            attendees = min(attendees, int(standard.max_attendees / 1.2))
        ratio = standard.max_staff_ratio if standard and standard.max_staff_ratio is not None else Decimal(10)
        staff = rng.randint(0, int(Decimal(attendees) * ratio / 100))
        status = _pick(rng, PAST_STATUSES if day < today else FUTURE_STATUSES)
        title = f"{department.short_name or department.name}{rng.choice(TOPICS)}（{day:%Y年%m月}第{index % 7 + 1}场）"
        use_room = rooms and rng.random() < 0.85
        room = rooms[index % len(rooms)] if rooms else None
        if use_room and meeting_format == MeetingFormat.ON_SITE and room.capacity:
            use_room = attendees + staff <= room.capacity  # too small a room: an external venue instead
        meeting = Meeting(
            title=title,
            host_department=department,
            category=category,
            format=meeting_format,
            is_county_wide=category in (MeetingCategory.CLASS_1, MeetingCategory.CLASS_2)
            or (category == MeetingCategory.CLASS_3 and rng.random() < 0.5),
            venue_room=room if use_room else None,
            venue_name="" if use_room else rng.choice(EXTERNAL_VENUES),
            start_at=start_at,
            end_at=end_at,
            planned_attendees=attendees,
            planned_staff=staff,
            in_annual_plan=rng.random() < 0.6,
            status=status,
            cancel_reason="因工作安排调整，会议取消" if status == S.CANCELLED else "",
            created_by=users.get("employee") if department.code == "ZF-JYJ" else users.get("meeting"),
            settled_at=end_at + datetime.timedelta(days=7) if status == S.SETTLED else None,
            settled_by=users.get("finance") if status == S.SETTLED else None,
        )
        # Every random draw is made before this check, so the sequence is the same on every run.
        if (title, start_at) in existing:
            continue
        meetings.append(meeting)
        plans.append((meeting, standard, days))
    if not meetings:
        return []
    with transaction.atomic():
        meetings = bulk_create_with_history(
            meetings, Meeting, batch_size=batch_size, default_user=users.get("meeting"), default_date=now
        )
        lines, decisions, orders = [], [], []
        for meeting, (_same, standard, days) in zip(meetings, plans, strict=True):
            lines += _budget_lines(rng, meeting, standard, days)
            decisions += _decisions(rng, meeting, users)
            orders += _printing_orders(rng, meeting, users)
        bulk_create_with_history(
            lines, BudgetLine, batch_size=batch_size, default_user=users.get("meeting"), default_date=now
        )
        bulk_create_with_history(
            decisions, ApprovalDecision, batch_size=batch_size, default_user=users.get("leader"), default_date=now
        )
        bulk_create_with_history(
            orders, PrintingOrder, batch_size=batch_size, default_user=users.get("meeting"), default_date=now
        )
    return meetings


def _pick_category(rng):
    weights = [item[1] for item in CATEGORY_MIX]
    return rng.choices(CATEGORY_MIX, weights=weights)[0]


def _budget_lines(rng, meeting, standard, days):
    if standard is None:
        return []
    cap = standard.total * meeting.people * days
    share = Decimal(rng.uniform(0.05, 0.25) if meeting.format != MeetingFormat.ON_SITE else rng.uniform(0.35, 0.9))
    total = _money(cap * share)
    lodging = _money(total * Decimal("0.5")) if days > 1 else Decimal("0.00")
    meals = _money(total * Decimal("0.3"))
    venue = _money((total - lodging - meals) * Decimal("0.6"))
    printing = total - lodging - meals - venue
    parts = [
        (BudgetKind.LODGING, "", "会议代表住宿", lodging),
        (BudgetKind.MEALS, "", "工作餐", meals),
        (BudgetKind.OTHER, BudgetSubKind.VENUE_RENT, "会场及设备", venue),
        (BudgetKind.OTHER, BudgetSubKind.PRINTING, "会议材料印制", printing),
    ]
    approved = meeting.status in APPROVED_ON
    spent = meeting.status in (S.HELD, S.SETTLED)
    lines = []
    for kind, sub_kind, description, requested in parts:
        if requested <= 0:
            continue
        actual = _money(requested * Decimal(rng.uniform(0.7, 1.0))) if spent else None
        lines.append(
            BudgetLine(
                meeting=meeting,
                kind=kind,
                sub_kind=sub_kind,
                description=description,
                requested=requested,
                approved=requested if approved else None,
                actual=actual,
            )
        )
    return lines


def _decisions(rng, meeting, users):
    leader = users.get("leader")
    if leader is None:
        return []
    decided_at = meeting.start_at - datetime.timedelta(days=rng.randint(3, 20))
    if meeting.status in APPROVED_ON:
        return [
            ApprovalDecision(
                meeting=meeting,
                approver=leader,
                decision=ApprovalDecisionKind.APPROVE,
                comment="同意",
                decided_at=decided_at,
            )
        ]
    if meeting.status == S.REJECTED:
        return [
            ApprovalDecision(
                meeting=meeting,
                approver=leader,
                decision=ApprovalDecisionKind.REJECT,
                comment="规模偏大，请压缩参会人数后重新报批",
                decided_at=decided_at,
            )
        ]
    return []


def _printing_orders(rng, meeting, users):
    if meeting.status not in (*APPROVED_ON, S.CANCELLED) or rng.random() < 0.3:
        return []
    if meeting.status == S.CANCELLED:
        status, reason = PrintingStatus.CANCELLED, "会议取消"
    elif meeting.status in (S.HELD, S.SETTLED, S.IN_PROGRESS):
        status, reason = PrintingStatus.DELIVERED, ""
    else:
        status, reason = rng.choice([PrintingStatus.ORDERED, PrintingStatus.PRINTING]), ""
    return [
        PrintingOrder(
            meeting=meeting,
            document=rng.choice(["会议议程及主持词", "领导讲话稿", "会议材料汇编", "参会人员名单"]),
            pages=rng.randint(2, 40),
            copies=meeting.people,
            unit_price=Decimal("0.15"),
            due_at=meeting.start_at - datetime.timedelta(days=1),
            status=status,
            cancel_reason=reason,
            ordered_by=users.get("meeting"),
        )
    ]


def demo_users():
    User = get_user_model()
    return {u.username: u for u in User.objects.filter(username__in=["leader", "meeting", "finance", "employee"])}


def seed(*, stdout=None):
    created = _seed_core(stdout=stdout)
    # --- meetings-attendance: checklists and attendees of every demo meeting ---
    demo_attendance.seed(stdout=stdout, meetings=Meeting.objects.all())
    # --- end meetings-attendance ---
    # --- official receptions 公务接待 (meetings-reception) ---
    demo_reception.seed(stdout=stdout)
    # --- end official receptions ---
    return created


def _seed_core(*, stdout=None):
    departments = list(Department.objects.filter(code__startswith="ZF-", active=True).order_by("sort_order", "code"))
    if not departments:
        return []
    rooms = list(Room.objects.meeting_rooms().filter(active=True).order_by("building__code", "floor", "number"))
    created = build_meetings(
        count=300,
        departments=departments,
        rooms=rooms,
        date_from=datetime.date(2025, 1, 1),
        date_to=datetime.date(2026, 12, 31),
        seed=2026,
        users=demo_users(),
    )
    if stdout is not None:
        stdout.write(
            f"meetings: {Meeting.objects.count()} (+{len(created)}), budget lines: {BudgetLine.objects.count()}, "
            f"printing orders: {PrintingOrder.objects.count()}"
        )
    return created


# ---- end meetings-core ----
