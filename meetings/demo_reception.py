"""Demo official receptions for 中方县: about 30 over two years, in every state, each with its
official letter (no scan), guests, escorts, meals within the escort rule and a tour plan.

Deterministic and idempotent: a reception is found by its letter (sending unit + number), so running
the seed twice changes nothing. Written through the services, so history records who did what."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from bureau.models import Department
from meetings.choices import MealKind, ReceptionStatus
from meetings.models.reception import OfficialLetter, Reception, ReceptionEscort, ReceptionGuest, TourStop
from meetings.rules import max_escorts
from meetings.services import reception as services

S = ReceptionStatus

# (sending unit, letter prefix, visiting group — named after the sender, whose letter backs it —, purpose, host)
VISITS = [
    ("怀化市教育局", "怀教函", "怀化市教育局调研组", "调研义务教育优质均衡发展工作", "ZF-JYJ"),
    ("邵阳市财政局", "邵财函", "邵阳市财政局考察组", "考察学习预算绩效管理改革经验", "ZF-CZJ"),
    ("湖南省机关事务管理局", "湘机管函", "湖南省机关事务管理局调研组", "调研县级机关事务集中统一管理工作", "ZF-JGSWJ"),
    (
        "芷江侗族自治县机关事务服务中心",
        "芷机函",
        "芷江侗族自治县机关事务服务中心考察组",
        "考察公务用车和会务统筹管理",
        "ZF-JGSWJ",
    ),
    ("洪江市人民政府办公室", "洪政办函", "洪江市人民政府办公室考察组", "考察学习政务服务“一件事一次办”", "ZF-ZF"),
    ("会同县农业农村局", "会农函", "会同县农业农村局考察组", "考察刺葡萄产业发展", "ZF-NYJ"),
    ("溆浦县发展和改革局", "溆发改函", "溆浦县发展和改革局调研组", "调研重点项目建设管理", "ZF-FGJ"),
    (
        "麻阳苗族自治县文化旅游广电体育局",
        "麻文旅函",
        "麻阳苗族自治县文化旅游广电体育局考察组",
        "考察乡村旅游和非遗保护",
        "ZF-WLJ",
    ),
    ("怀化市卫生健康委员会", "怀卫函", "怀化市卫生健康委员会督导组", "督导基层医疗卫生服务能力建设", "ZF-WJJ"),
    ("辰溪县乡村振兴局", "辰振函", "辰溪县乡村振兴局考察组", "考察巩固拓展脱贫攻坚成果经验", "ZF-XCZX"),
]
GUEST_NAMES = (
    "赵明 钱华 孙伟 李强 周敏 吴静 郑勇 王芳 冯军 陈丽 褚涛 卫红 蒋平 沈洁 韩磊 杨帆 朱琳 秦岭 许亮 何欣".split()
)
GUEST_TITLES = ["局长", "副局长", "处长", "副处长", "科长", "主任科员", "科员"]
ESCORT_TITLES = ["副局长", "办公室主任", "股长"]
TOUR_PLACES = ["中方县刺葡萄产业园", "荆坪古村", "中方县第一中学", "县政务服务中心", "湖南省怀化高新技术产业开发区"]
# The state of each of the 30 receptions (older first): every state is there.
STATES = [S.SETTLED] * 14 + [S.CANCELLED] * 3 + [S.DONE] * 4 + [S.APPROVED] * 3 + [S.SUBMITTED] * 3 + [S.DRAFT] * 3
FIRST_DAY = datetime.date(2025, 1, 8)


ESCORT_NAMES = ["谭志刚", "舒晓燕", "向东明", "杨春华", "蒋卫国", "粟丽君", "田小兵", "龙建平"]


@transaction.atomic
def seed(*, stdout=None, rng=None):
    rng = rng or random.Random(2031)
    departments = {d.code: d for d in Department.objects.filter(code__in={visit[4] for visit in VISITS})}
    if not departments:
        if stdout is not None:
            stdout.write("receptions: skipped (run the bureau demo first)")
        return
    User = get_user_model()
    centre = User.objects.filter(username="meeting").first()
    leader = User.objects.filter(username="leader").first()
    fallback = next(iter(departments.values()))
    created = 0
    for index, status in enumerate(STATES):
        sending_unit, prefix, group, purpose, host_code = VISITS[index % len(VISITS)]
        arrival = FIRST_DAY + datetime.timedelta(days=index * 24 + rng.randint(0, 6))
        number = f"{prefix}〔{arrival.year}〕{index + 3}号"
        host = departments.get(host_code, fallback)
        letter, _new = OfficialLetter.objects.get_or_create(
            sending_unit=sending_unit,
            number=number,
            defaults={
                "receiving_department": host,
                "date": arrival - datetime.timedelta(days=rng.randint(5, 15)),
                "subject": f"关于赴中方县{purpose}的函",
                "registered_by": centre,
            },
        )
        if letter.receptions.exists():
            continue
        _seed_reception(rng, letter, host, group, purpose, arrival, status, centre, leader)
        created += 1
    if stdout is not None:
        stdout.write(f"receptions: {Reception.objects.count()} ({created} new)")


def _seed_reception(rng, letter, host, group, purpose, arrival, status, centre, leader):
    guest_count = rng.choice([3, 4, 5, 6, 8, 10, 12, 15])
    departure = arrival + datetime.timedelta(days=rng.choice([0, 1, 1, 2]))
    nights = (departure - arrival).days
    reception = services.reception_create(
        actor=centre,
        letter=letter,
        host_department=host,
        visiting_unit=group,
        purpose=purpose,
        arrival_date=arrival,
        departure_date=departure,
        guest_count=guest_count,
        lodging="中方县宾馆" if nights else "",
        lodging_amount=Decimal(nights * guest_count * 300) if nights else Decimal("0"),
        transport_amount=Decimal(rng.choice([0, 0, 150, 300])),
        other_amount=Decimal("0"),
        contact_name="王会务",
        contact_phone="0745-2721234",
    )
    names = rng.sample(GUEST_NAMES, k=min(guest_count, len(GUEST_NAMES)))
    for order, name in enumerate(names, start=1):
        ReceptionGuest(
            reception=reception,
            protocol_order=order,
            name=name,
            title=GUEST_TITLES[min(order - 1, len(GUEST_TITLES) - 1)],
            unit=letter.sending_unit,
        ).save()
    escorts = min(3, max_escorts(guest_count))  # the escort rule for meals holds for every meal
    for number in range(escorts):
        ReceptionEscort(
            reception=reception,
            name=ESCORT_NAMES[(reception.pk + number) % len(ESCORT_NAMES)],
            title=ESCORT_TITLES[number],
            unit=host.short_name or host.name,
        ).save()
    for day in range(nights + 1):
        date = arrival + datetime.timedelta(days=day)
        TourStop(
            reception=reception,
            date=date,
            start_time=datetime.time(9 + day, 0),
            end_time=datetime.time(11 + day, 0),
            place=rng.choice(TOUR_PLACES),
            guide="县接待办讲解员",
        ).save()
    if status == S.DRAFT:
        return reception
    services.reception_submit(reception=reception, actor=centre)
    if status == S.SUBMITTED:
        return reception
    if status == S.CANCELLED:
        return services.reception_cancel(reception=reception, actor=centre, reason="来访单位行程调整，来访取消")
    services.reception_approve(reception=reception, actor=leader)
    for day in range(nights + 1):
        date = arrival + datetime.timedelta(days=day)
        kinds = [MealKind.WORKING_MEAL] if day == 0 else [MealKind.BREAKFAST, MealKind.WORKING_MEAL]
        for kind in kinds:
            services.meal_record(
                reception=reception,
                actor=centre,
                date=date,
                kind=kind,
                guests=guest_count,
                escorts=escorts,
                standard_per_person=Decimal("20") if kind == MealKind.BREAKFAST else Decimal("40"),
                place="中方县机关食堂",
            )
    if status == S.APPROVED:
        return reception
    services.reception_complete(reception=reception, actor=centre)
    if status == S.DONE:
        return reception
    return services.reception_settle(reception=reception, actor=centre)
