"""Demo data of the oversight part, on top of the core procurement demo: a few challenges (answered
on time, answered late, still pending), a complaint decided by the finance bureau, and requests that
raise risk flags (a split purchase, a missing intention). Call `seed()` after the core demo; it
adds nothing twice."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from bureau.models import Department
from bureau.services import audited_save
from bureau.workdays import working_days_after
from procurement.choices import BatchStatus, Category, ChallengeOutcome, ComplaintOutcome, FundingSource, RequestStatus
from procurement.models import Batch, Challenge, ProcurementRequest, Supplier
from procurement.services.challenge import challenge_file, challenge_reply, complaint_decide, complaint_file

MARK = "（演示）"
# Batches still open to a challenge (a closed one is not: services.challenge.CHALLENGEABLE).
DONE = (BatchStatus.AWARDED, BatchStatus.CONTRACTED)


def seed(*, stdout=None, rng=None):
    rng = rng or random.Random(2611)
    if Challenge.objects.filter(grounds__endswith=MARK).exists():
        return 0
    actor = get_user_model().objects.filter(username="procure").first()
    batches = list(Batch.objects.filter(status__in=DONE, award_notice_on__isnull=False).order_by("award_notice_on"))
    suppliers = list(Supplier.objects.filter(active=True).order_by("id")[:20])
    made = 0
    if len(batches) >= 3 and suppliers:
        picks = [batches[len(batches) // 4], batches[len(batches) // 2], batches[-1]]

        challenges = []
        for batch in picks:
            knew = batch.award_notice_on
            challenges.append(
                challenge_file(
                    batch=batch,
                    supplier=rng.choice(suppliers),
                    subject="result",
                    knew_on=knew,
                    received_on=working_days_after(knew, 2).date,
                    grounds="评分标准执行不一致，请求复核评审结果" + MARK,
                    actor=actor,
                )
            )
        on_time, late, _pending = challenges
        on_time = challenge_reply(
            challenge=on_time,
            replied_on=working_days_after(on_time.received_on, 5).date,
            reply="经组织原评审委员会复核，评审过程和结果符合采购文件规定，质疑事项不成立。",
            outcome=ChallengeOutcome.DISMISSED,
            actor=actor,
        )
        challenge_reply(
            challenge=late,
            replied_on=working_days_after(late.received_on, 9).date,  # two working days late: PR-5
            reply="经复核，部分评分存在计算错误，已更正，中标结果不变。",
            outcome=ChallengeOutcome.PARTLY_UPHELD,
            actor=actor,
        )
        filed = working_days_after(on_time.replied_on, 3).date
        complaint = complaint_file(challenge=on_time, filed_on=filed, grounds="对质疑答复不满意" + MARK, actor=actor)
        complaint_decide(
            complaint=complaint,
            decided_on=working_days_after(filed, 20).date,
            outcome=ComplaintOutcome.DISMISSED,
            decision="投诉缺乏事实依据，驳回投诉。",
            actor=actor,
        )
        made += 4
    department = Department.objects.filter(code__startswith="ZF-", active=True).order_by("code").first()
    if department is not None:
        year = datetime.date.today().year
        rows = [
            # A split purchase: the same item twice in a year, each under the open-tendering threshold (PR-1).
            (
                "交换机及网络设备",
                "A02010201",
                Decimal("2600000.00"),
                datetime.date(year, 3, 10),
                datetime.date(year, 2, 1),
            ),
            (
                "交换机及网络设备（二期）",
                "A02010201",
                Decimal("2200000.00"),
                datetime.date(year, 7, 10),
                datetime.date(year, 6, 1),
            ),
            # No intention published, no reason given (PR-3).
            ("会议室音响设备", "A02091000", Decimal("180000.00"), datetime.date(year, 5, 20), None),
        ]
        for item, code, budget, start, intention in rows:
            request = ProcurementRequest(
                purchasing_department=department,
                item=item + MARK,
                category=Category.GOODS,
                catalogue_code=code,
                quantity=Decimal("1"),
                budget=budget,
                funding_source=FundingSource.FISCAL,
                planned_start=start,
                intention_published_on=intention,
                status=RequestStatus.SUBMITTED,
                created_by=actor,
            )
            audited_save(obj=request, actor=actor, reason="demo")
            made += 1
    if stdout is not None:
        stdout.write(f"procurement oversight: {made} challenges, complaints and flagged requests\n")
    return made
