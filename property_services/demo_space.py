"""Demo data of office space and campus conduct (called from property_services.demo, idempotent): the
campus rules (八条严禁, 文明公约); ranks for the demo logins; the people of a few units of the
administrative centre (no logins, as the people register keeps them) with their offices — the county's
leaders in the government and party offices, each unit's head, deputies and staff, some offices over
standard, some idle, a few people whose rank is not recorded yet; and three months of violations.
Everything through the services, so every row has its history."""

import datetime
import random

from django.contrib.auth import get_user_model

from bureau.choices import Rank, RoomUse
from bureau.models import Department, RoomOccupancy, StaffProfile, person_name
from bureau.services import audited_save, person_save
from property_services import rules
from property_services.choices_space import ConductRuleKind
from property_services.models import ConductRule, ConductViolation, OfficeAssignment
from property_services.services import space

P, C = ConductRuleKind.PROHIBITION, ConductRuleKind.CIVILITY
RULES = [
    (P, 1, "严禁在办公区域、会议室、电梯间吸烟"),
    (P, 2, "严禁上班时间打牌、下棋、玩网络游戏或从事与工作无关的活动"),
    (P, 3, "严禁在办公楼内大声喧哗、追逐打闹"),
    (P, 4, "严禁乱停乱放车辆、占用消防通道"),
    (P, 5, "严禁乱扔垃圾、随地吐痰、在楼道堆放杂物"),
    (P, 6, "严禁在办公室存放易燃易爆物品、违规使用大功率电器"),
    (P, 7, "严禁下班后不关空调、电灯、电脑等用电设备"),
    (P, 8, "严禁擅自改变办公用房用途、私拉乱接电线"),
    (C, 1, "衣着整洁，举止文明，接待群众热情周到"),
    (C, 2, "节约用水用电，人走灯灭"),
    (C, 3, "爱护公物和绿化，不践踏草坪"),
    (C, 4, "文明就餐，珍惜粮食，践行光盘行动"),
    (C, 5, "垃圾分类投放"),
    (C, 6, "车辆按位有序停放"),
]
PLACES = ["A栋楼道", "B栋电梯间", "C栋会议室", "D栋食堂", "行政中心广场", "地下停车场", "东门停车场"]

# Ranks of the demo logins (the technician is a worker without a civil-service rank: not recorded).
LOGIN_RANKS = {
    "leader": Rank.SECTION_CHIEF,
    "meeting": Rank.DEPUTY_SECTION_CHIEF,
    "campus": Rank.DEPUTY_SECTION_CHIEF,
    "procure": Rank.BELOW_SECTION,
    "asset": Rank.BELOW_SECTION,
    "inspect": Rank.BELOW_SECTION,
    "finance": Rank.BELOW_SECTION,
    "head": Rank.SECTION_CHIEF,
    "employee": Rank.BELOW_SECTION,
}

# The people of a few units (code → [(name, title, rank, share)]): `share` people sit together in an
# office; "" rank: not recorded yet.
PEOPLE = {
    "ZF-ZF": [
        ("龙建国", "县长", Rank.PRINCIPAL, 1),
        ("向明华", "常务副县长", Rank.DEPUTY, 1),
        ("舒红梅", "副县长", Rank.DEPUTY, 1),
        ("蒋志刚", "县政府办主任", Rank.SECTION_CHIEF, 1),
        ("粟晓玲", "秘书", Rank.BELOW_SECTION, 2),
        ("杨帆", "秘书", Rank.BELOW_SECTION, 2),
    ],
    "ZF-XW": [
        ("滕文军", "县委书记", Rank.PRINCIPAL, 1),
        ("邓卫东", "县委副书记", Rank.DEPUTY, 1),
        ("唐俊", "县委办主任", Rank.SECTION_CHIEF, 1),
        ("田甜", "科员", "", 2),
        ("潘越", "科员", Rank.BELOW_SECTION, 2),
    ],
    "ZF-JYJ": [
        ("石国强", "局长", Rank.SECTION_CHIEF, 1),
        ("谭丽", "副局长", Rank.DEPUTY_SECTION_CHIEF, 1),
        ("米永红", "股长", Rank.BELOW_SECTION, 3),
        ("姚敏", "科员", Rank.BELOW_SECTION, 3),
        ("曾凡", "科员", "", 3),
    ],
    "ZF-CZJ": [
        ("梁启明", "局长", Rank.SECTION_CHIEF, 1),
        ("万芳", "副局长", Rank.DEPUTY_SECTION_CHIEF, 2),
        ("贺斌", "副局长", Rank.DEPUTY_SECTION_CHIEF, 2),
        ("黎晓", "会计", Rank.BELOW_SECTION, 2),
        ("罗静", "出纳", Rank.BELOW_SECTION, 2),
    ],
    "ZF-FGJ": [
        ("彭勇", "局长", Rank.SECTION_CHIEF, 1),
        ("覃雪", "科员", "", 1),
    ],
}
MOVED_IN = datetime.date(2025, 1, 1)
MONTHS = 3
PER_MONTH = 9


def seed(*, today=None):
    """Returns (people with an office, violations)."""
    today = today or datetime.date.today()
    users = get_user_model().objects
    campus = users.filter(username="campus").first()
    if campus is None:
        return 0, 0
    _rules(campus)
    _login_ranks(campus)
    people = _people(campus)
    seated = _offices(people, campus)
    violations = _violations(today, campus)
    return seated, violations


def _rules(actor):
    for kind, number, text in RULES:
        if not ConductRule.objects.filter(kind=kind, number=number).exists():
            audited_save(obj=ConductRule(kind=kind, number=number, text=text), actor=actor)


def _login_ranks(actor):
    for profile in StaffProfile.objects.filter(user__username__in=LOGIN_RANKS, rank="").select_related("user"):
        profile.rank = LOGIN_RANKS[profile.user.username]
        person_save(profile=profile, name=person_name(profile.user), actor=actor)


def _people(actor):
    """{department code: [(profile, share)]} in the order of PEOPLE; made once, found by name after."""
    result = {}
    for code, members in PEOPLE.items():
        department = Department.objects.filter(code=code).first()
        if department is None:
            continue
        for name, title, rank, share in members:
            profile = (
                StaffProfile.objects.filter(department=department, user__last_name=name[0], user__first_name=name[1:])
                .select_related("user")
                .first()
            )
            if profile is None:
                profile = person_save(
                    profile=StaffProfile(department=department, title=title, rank=rank), name=name, actor=actor
                )
            result.setdefault(code, []).append((profile, share))
    # The demo logins of the education bureau sit there too.
    education = result.get("ZF-JYJ")
    if education is not None:
        for username in ("head", "employee"):
            profile = StaffProfile.objects.filter(user__username=username).first()
            if profile is not None:
                education.append((profile, 1 if username == "head" else 3))
    return result


def _offices(people, actor):
    """Each unit's people into the offices it occupies, one office per `share` group, largest offices to
    the most senior; the unit's remaining offices stay idle."""
    seated = 0
    for code, members in people.items():
        offices = [
            occupancy.room
            for occupancy in RoomOccupancy.objects.current()
            .filter(department__code=code, room__use=RoomUse.OFFICE)
            .select_related("room__building")
            .order_by("-room__area", "room__building__code", "room__number")
        ]
        groups, index = [], 0
        while index < len(members):
            share = members[index][1]
            groups.append([profile for profile, _share in members[index : index + share]])
            index += share
        for room, group in zip(offices, groups, strict=False):
            for profile in group:
                if OfficeAssignment.objects.live().filter(person=profile).exists():
                    continue
                space.office_assign(person=profile, room=room, start_date=MOVED_IN, actor=actor)
                seated += 1
    return seated


def _violations(today, actor):
    if ConductViolation.objects.exists():
        return 0
    rng = random.Random("conduct-demo")
    units = list(
        Department.objects.filter(pk__in=RoomOccupancy.objects.current().values("department")).order_by("sort_order")
    )
    campus_rules = list(ConductRule.objects.filter(active=True).order_by("kind", "number"))
    if not units or not campus_rules:
        return 0
    month, count = rules.previous_month(today), 0
    for _ in range(MONTHS):
        for _number in range(PER_MONTH):
            day = month + datetime.timedelta(days=rng.randrange(rules.month_days(month)))
            rule = rng.choice(campus_rules)
            space.conduct_violation_record(
                department=rng.choice(units[:20]),
                date=min(day, today),
                rule=rule,
                place=rng.choice(PLACES),
                description=f"巡查发现：{rule.text.removeprefix('严禁')}",
                actor=actor,
            )
            count += 1
        month = rules.previous_month(month)
    return count
