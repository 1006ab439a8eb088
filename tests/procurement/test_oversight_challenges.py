"""Challenges (质疑) and complaints (投诉): each clock from the dated rules in working days (across
国庆 2026 and its make-up day, and in 2027 before and after the calendar is entered), refusals with
their codes, and the suspension of signing (实施条例 art. 54)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from bureau.models_calendar import CalendarDay, CalendarDayKind, CalendarYear
from procurement.choices import BatchStatus, ChallengeOutcome, ChallengeStatus, ComplaintOutcome, ComplaintStatus
from procurement.models import ClockRule
from procurement.rules import batch_signing_suspended
from procurement.selectors.clocks import ClockBook, challenge_clocks, complaint_clocks
from procurement.services.challenge import (
    challenge_file,
    challenge_reply,
    challenge_withdraw,
    complaint_decide,
    complaint_file,
    complaint_suspend,
)
from tests.factories import make_user
from tests.procurement.factories_oversight import BatchFactory, ChallengeFactory, SupplierFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def actor():
    return make_user(username="centre")


def file(batch, knew_on, received_on, actor, **extra):
    return challenge_file(
        batch=batch,
        supplier=SupplierFactory(),
        subject="result",
        knew_on=knew_on,
        received_on=received_on,
        grounds="评分不公",
        actor=actor,
        **extra,
    )


def codes(excinfo, field):
    return [error.code for error in excinfo.value.error_dict[field]]


def test_challenge_deadline_crosses_national_day_2026_and_its_makeup_day(actor):
    batch = BatchFactory()
    # Notice on Tue 2026-09-29: Sep 30, Oct 8, 9, 10 (make-up Saturday), 12, 13, 14.
    challenge = file(batch, D(2026, 9, 29), D(2026, 10, 14), actor)
    filing, _reply = challenge_clocks(challenge)
    assert filing.deadline.date == D(2026, 10, 14)
    assert "第五十二条" in filing.deadline.citation
    assert not filing.overdue and not filing.deadline.warning

    with pytest.raises(ValidationError) as excinfo:
        file(batch, D(2026, 9, 29), D(2026, 10, 15), actor)
    assert codes(excinfo, "received_on") == ["challenge_late"]
    message = excinfo.value.message_dict["received_on"][0]
    assert "2026-10-14" in message and "第五十二条" in message


def test_challenge_deadline_in_2027_before_and_after_the_calendar_is_entered():
    book = ClockBook(today=D(2027, 10, 1))
    before = book.deadline("challenge_filing", D(2027, 9, 29))
    assert before.date == D(2027, 10, 8)  # weekends only
    assert "2027" in before.warning

    year = CalendarYear.objects.create(year=2027, complete=True, source="国办发明电〔2026〕")
    for day in range(1, 8):
        CalendarDay.objects.create(
            calendar_year=year, date=D(2027, 10, day), kind=CalendarDayKind.HOLIDAY, name="国庆节"
        )
    CalendarDay.objects.create(
        calendar_year=year, date=D(2027, 10, 9), kind=CalendarDayKind.MAKEUP_WORKDAY, name="国庆节调休上班"
    )
    after = ClockBook(today=D(2027, 10, 1)).deadline("challenge_filing", D(2027, 9, 29))
    # Sep 30, Oct 8, 9 (make-up), 11, 12, 13, 14.
    assert after.date == D(2027, 10, 14)
    assert after.warning == ""


def test_reply_clock_is_overdue_when_the_reply_is_late():
    challenge = ChallengeFactory(knew_on=D(2026, 9, 29), received_on=D(2026, 9, 30))
    _filing, reply = challenge_clocks(challenge, book=ClockBook(today=D(2026, 10, 15)))
    assert reply.deadline.date == D(2026, 10, 15)
    assert not reply.overdue_now
    _filing, reply = challenge_clocks(challenge, book=ClockBook(today=D(2026, 10, 16)))
    assert reply.overdue_now and reply.days_late == 1
    assert "第五十三条" in reply.deadline.citation


def test_a_new_dated_rule_set_changes_the_clock_without_code():
    ClockRule.objects.filter(key="challenge_reply").update(valid_to=D(2026, 12, 31))
    ClockRule.objects.create(
        key="challenge_reply",
        name="答复质疑（修订后）",
        citation="政府采购法（修订） 第八十条",
        days=5,
        day_kind="working",
        valid_from=D(2027, 1, 1),
    )
    book = ClockBook()
    assert book.deadline("challenge_reply", D(2026, 11, 2)).date == D(2026, 11, 11)
    new = book.deadline("challenge_reply", D(2027, 3, 1))
    assert new.date == D(2027, 3, 8) and "修订" in new.citation


def test_a_pending_challenge_that_may_affect_the_result_suspends_signing(actor):
    batch = BatchFactory()
    assert batch_signing_suspended(batch) == ""
    challenge = file(batch, D(2026, 11, 2), D(2026, 11, 3), actor, suspends_signing=True)
    assert "第五十四条" in batch_signing_suspended(batch)
    challenge_reply(
        challenge=challenge,
        replied_on=D(2026, 11, 6),
        reply="经复核，评分无误。",
        outcome=ChallengeOutcome.DISMISSED,
        actor=actor,
    )
    assert batch_signing_suspended(batch) == ""


def test_a_challenge_that_cannot_affect_the_result_does_not_suspend(actor):
    batch = BatchFactory()
    file(batch, D(2026, 11, 2), D(2026, 11, 3), actor, suspends_signing=False)
    assert batch_signing_suspended(batch) == ""


def test_refused_moves(actor):
    with pytest.raises(ValidationError) as excinfo:
        file(BatchFactory(status=BatchStatus.INITIATED), D(2026, 11, 2), D(2026, 11, 3), actor)
    assert codes(excinfo, "batch") == ["batch_not_challengeable"]

    challenge = file(BatchFactory(), D(2026, 11, 2), D(2026, 11, 3), actor)
    with pytest.raises(ValidationError) as excinfo:
        challenge_reply(challenge=challenge, replied_on=D(2026, 11, 2), reply="答复", outcome="dismissed", actor=actor)
    assert codes(excinfo, "replied_on") == ["reply_before_challenge"]
    challenge_withdraw(challenge=challenge, actor=actor)
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.WITHDRAWN
    with pytest.raises(ValidationError) as excinfo:
        challenge_reply(challenge=challenge, replied_on=D(2026, 11, 5), reply="答复", outcome="dismissed", actor=actor)
    assert excinfo.value.code == "challenge_not_open"
    with pytest.raises(ValidationError) as excinfo:
        complaint_file(challenge=challenge, filed_on=D(2026, 11, 20), grounds="不服", actor=actor)
    assert excinfo.value.code == "challenge_closed"


def test_complaint_clocks_refusals_suspension_and_decision(actor):
    challenge = file(BatchFactory(), D(2026, 11, 2), D(2026, 11, 2), actor)
    # The reply is due 2026-11-11; no complaint before a reply or that day.
    with pytest.raises(ValidationError) as excinfo:
        complaint_file(challenge=challenge, filed_on=D(2026, 11, 10), grounds="不服", actor=actor)
    assert codes(excinfo, "filed_on") == ["complaint_premature"]
    # 15 working days after the reply deadline: 2026-12-02.
    with pytest.raises(ValidationError) as excinfo:
        complaint_file(challenge=challenge, filed_on=D(2026, 12, 3), grounds="不服", actor=actor)
    assert codes(excinfo, "filed_on") == ["complaint_late"]
    assert "2026-12-02" in excinfo.value.message_dict["filed_on"][0]
    complaint = complaint_file(challenge=challenge, filed_on=D(2026, 12, 2), grounds="逾期未答复", actor=actor)
    assert complaint.status == ComplaintStatus.FILED

    with pytest.raises(ValidationError) as excinfo:
        complaint_suspend(complaint=complaint, suspended_from=D(2026, 12, 3), suspended_to=D(2027, 1, 3), actor=actor)
    assert codes(excinfo, "suspended_to") == ["suspension_too_long"]
    complaint_suspend(complaint=complaint, suspended_from=D(2026, 12, 3), suspended_to=D(2027, 1, 2), actor=actor)
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.SUSPENDED

    filing, decision, suspension = complaint_clocks(complaint, book=ClockBook(today=D(2026, 12, 20)))
    assert filing.deadline.date == D(2026, 12, 2) and not filing.overdue
    assert "第五十六条" in decision.deadline.citation and decision.running
    assert suspension.deadline.date == D(2027, 1, 2) and suspension.running

    complaint_decide(
        complaint=complaint,
        decided_on=D(2026, 12, 30),
        outcome=ComplaintOutcome.DISMISSED,
        decision="驳回",
        actor=actor,
    )
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.DECIDED
    with pytest.raises(ValidationError) as excinfo:
        complaint_decide(
            complaint=complaint, decided_on=D(2026, 12, 31), outcome="upheld", decision="改判", actor=actor
        )
    assert excinfo.value.code == "complaint_not_open"
    assert complaint.history.first().history_user == actor
