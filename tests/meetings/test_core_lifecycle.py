"""The meeting life cycle: every legal move, every refused one, reasons, history, two approvers at once."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.utils import IntegrityError

from bureau.models import person_name
from bureau.roles import Role
from meetings import services
from meetings.choices import MeetingStatus, PrintingStatus
from meetings.models import ApprovalDecision, Meeting
from meetings.services.lifecycle import MeetingWorkflow
from tests.factories import MeetingRoomFactory, make_user
from tests.helpers import error_codes
from tests.meetings.core_fixtures import ensure_central_standards, standards  # noqa: F401
from tests.meetings.factories import BudgetLineFactory, MeetingFactory, PrintingOrderFactory, local_dt

S = MeetingStatus
pytestmark = pytest.mark.usefixtures("standards")


def do(move, meeting, actor):
    calls = {
        "submit": lambda: services.meeting_submit(meeting=meeting, actor=actor),
        "approve": lambda: services.meeting_approve(meeting=meeting, actor=actor, comment="同意"),
        "reject": lambda: services.meeting_reject(meeting=meeting, actor=actor, comment="规模偏大"),
        "start_preparing": lambda: services.meeting_start_preparing(meeting=meeting, actor=actor),
        "start": lambda: services.meeting_start(meeting=meeting, actor=actor),
        "finish": lambda: services.meeting_finish(meeting=meeting, actor=actor),
        "settle": lambda: services.meeting_settle(meeting=meeting, actor=actor),
        "cancel": lambda: services.meeting_cancel(meeting=meeting, actor=actor, reason="工作调整"),
        "send_back": lambda: services.meeting_send_back(meeting=meeting, actor=actor, reason="调整规模"),
    }
    return calls[move]()


REFUSED = [(move.name, status) for move in MeetingWorkflow.moves for status in S if status not in move.sources]


@pytest.mark.parametrize(("move", "status"), REFUSED, ids=[f"{m}-from-{s}" for m, s in REFUSED])
def test_each_refused_state_change(world, move, status):
    meeting = MeetingFactory(host_department=world.own, status=status)
    with pytest.raises(ValidationError) as caught:
        do(move, meeting, world.users["superuser"])
    assert error_codes(caught.value) == ["illegal_move"]
    message = " ".join(caught.value.messages)
    assert str(S(status).label) in message, "the message names the current state"
    assert str(MeetingWorkflow.get_move(move).label) in message, "the message names the refused move"
    meeting.refresh_from_db()
    assert meeting.status == status, "nothing changed"


def test_legal_moves_walk_the_whole_cycle_and_record_who(world):
    meeting = MeetingFactory(host_department=world.own)
    BudgetLineFactory(meeting=meeting, requested="1000.00")
    staff, leader = world.users[Role.EMPLOYEES], world.users[Role.LEADERSHIP]
    centre, finance = world.users[Role.MEETING_CENTRE], world.users[Role.FINANCE]
    steps = [
        ("submit", staff, S.SUBMITTED),
        ("approve", leader, S.APPROVED),
        ("start_preparing", centre, S.PREPARING),
        ("start", centre, S.IN_PROGRESS),
        ("finish", centre, S.HELD),
    ]
    for move, actor, expected in steps:
        do(move, meeting, actor)
        assert meeting.status == expected
        assert meeting.history.first().history_user == actor
    line = meeting.budget_lines.get()
    assert line.approved == line.requested, "approved as requested"
    with pytest.raises(ValidationError, match="实际金额") as missing:
        do("settle", meeting, finance)
    assert missing.value.code == "actual_missing"
    assert meeting.status == S.HELD
    line.actual = line.requested - 150
    line.save()
    do("settle", meeting, finance)
    meeting.refresh_from_db()
    assert meeting.status == S.SETTLED and meeting.settled_by == finance and meeting.settled_at is not None


def test_rejected_meeting_can_be_resubmitted(world):
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED)
    BudgetLineFactory(meeting=meeting)
    services.meeting_reject(meeting=meeting, actor=world.users[Role.LEADERSHIP], comment="请压缩规模")
    assert meeting.status == S.REJECTED
    services.meeting_submit(meeting=meeting, actor=world.users[Role.EMPLOYEES])
    assert Meeting.objects.get(pk=meeting.pk).status == S.SUBMITTED


def test_reject_and_cancel_need_a_reason(world):
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED)
    with pytest.raises(ValidationError) as caught:
        services.meeting_reject(meeting=meeting, actor=world.users[Role.LEADERSHIP], comment="  ")
    assert error_codes(caught.value) == {"comment": ["reason_required"]}
    with pytest.raises(ValidationError) as caught:
        services.meeting_cancel(meeting=meeting, actor=world.users[Role.MEETING_CENTRE], reason="")
    assert error_codes(caught.value) == {"comment": ["reason_required"]}
    meeting.refresh_from_db()
    assert meeting.status == S.SUBMITTED
    assert not ApprovalDecision.objects.filter(meeting=meeting).exists()


def test_cancel_keeps_the_reason_and_cancels_open_printing_orders(world):
    meeting = MeetingFactory(host_department=world.own, status=S.PREPARING)
    open_order = PrintingOrderFactory(meeting=meeting)
    delivered = PrintingOrderFactory(meeting=meeting, status=PrintingStatus.DELIVERED)
    services.meeting_cancel(meeting=meeting, actor=world.users[Role.MEETING_CENTRE], reason="上级会议冲突")
    meeting.refresh_from_db()
    open_order.refresh_from_db()
    delivered.refresh_from_db()
    assert meeting.status == S.CANCELLED and meeting.cancel_reason == "上级会议冲突"
    assert meeting.history.first().history_change_reason == "上级会议冲突"
    assert open_order.status == PrintingStatus.CANCELLED and "上级会议冲突" in open_order.cancel_reason
    assert delivered.status == PrintingStatus.DELIVERED


def test_second_approver_with_a_stale_page_is_told_who_decided(world):
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED)
    first = world.users[Role.LEADERSHIP]
    second = make_user(roles=[Role.LEADERSHIP], department=world.bureau, username="leader2", first_name="副局长")
    page_of_first, page_of_second = Meeting.objects.get(pk=meeting.pk), Meeting.objects.get(pk=meeting.pk)
    services.meeting_approve(meeting=page_of_first, actor=first, comment="同意")
    with pytest.raises(ValidationError) as caught:
        services.meeting_reject(meeting=page_of_second, actor=second, comment="不同意")
    assert error_codes(caught.value) == ["illegal_move"]
    message = caught.value.messages[0]
    assert person_name(first) in message
    assert str(S.APPROVED.label) in message
    assert ApprovalDecision.objects.filter(meeting=meeting).count() == 1
    assert Meeting.objects.get(pk=meeting.pk).status == S.APPROVED
    # The decision's own history names the approver, also outside a web request.
    assert ApprovalDecision.objects.get(meeting=meeting).history.get().history_user == first


@pytest.mark.django_db(transaction=True)
def test_two_approvers_at_the_same_moment_one_wins(world):
    """On PostgreSQL two threads decide at once (row lock); SQLite serialises writers, so there the
    same code path runs with the second decision made on a stale copy."""
    ensure_central_standards()
    meeting = MeetingFactory(host_department=world.own, status=S.SUBMITTED)
    approvers = [
        world.users[Role.LEADERSHIP],
        make_user(roles=[Role.LEADERSHIP], department=world.bureau, username="leader2"),
    ]
    outcomes = []
    if connection.vendor == "postgresql":
        barrier = threading.Barrier(2)

        def decide(actor, approve):
            try:
                copy = Meeting.objects.get(pk=meeting.pk)
                barrier.wait(timeout=10)
                if approve:
                    services.meeting_approve(meeting=copy, actor=actor)
                else:
                    services.meeting_reject(meeting=copy, actor=actor, comment="不同意")
                outcomes.append("won")
            except ValidationError as exc:
                outcomes.append(exc.messages[0])
            finally:
                connection.close()

        threads = [threading.Thread(target=decide, args=(a, i == 0)) for i, a in enumerate(approvers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    else:
        copies = [Meeting.objects.get(pk=meeting.pk) for _ in approvers]
        for index, (copy, actor) in enumerate(zip(copies, approvers, strict=True)):
            try:
                if index == 0:
                    services.meeting_approve(meeting=copy, actor=actor)
                else:
                    services.meeting_reject(meeting=copy, actor=actor, comment="不同意")
                outcomes.append("won")
            except ValidationError as exc:
                outcomes.append(exc.messages[0])
    assert outcomes.count("won") == 1, outcomes
    loser = next(o for o in outcomes if o != "won")
    assert "已" in loser or "already" in loser
    assert ApprovalDecision.objects.filter(meeting=meeting).count() == 1


def test_submit_refuses_a_double_booked_venue_naming_the_other_meeting(world):
    room = MeetingRoomFactory()
    other = MeetingFactory(
        title="全县经济工作会议",
        venue_room=room,
        status=S.APPROVED,
        start_at=local_dt(2026, 12, 10, 9),
        end_at=local_dt(2026, 12, 10, 12),
    )
    mine = MeetingFactory(
        host_department=world.own,
        venue_room=room,
        start_at=local_dt(2026, 12, 10, 11),
        end_at=local_dt(2026, 12, 10, 15),
    )
    with pytest.raises(ValidationError) as caught:
        services.meeting_submit(meeting=mine, actor=world.users[Role.EMPLOYEES])
    assert error_codes(caught.value) == {"venue_room": ["venue_clash"]}
    assert other.title in caught.value.messages[0]
    mine.refresh_from_db()
    assert mine.status == S.DRAFT


def test_database_refuses_a_double_booked_venue(world):
    room = MeetingRoomFactory()
    MeetingFactory(
        venue_room=room, status=S.SUBMITTED, start_at=local_dt(2026, 12, 10, 9), end_at=local_dt(2026, 12, 10, 12)
    )
    # Back to back is fine, and so are drafts and cancelled meetings at the same time.
    MeetingFactory(
        venue_room=room, status=S.APPROVED, start_at=local_dt(2026, 12, 10, 12), end_at=local_dt(2026, 12, 10, 14)
    )
    MeetingFactory(
        venue_room=room, status=S.DRAFT, start_at=local_dt(2026, 12, 10, 10), end_at=local_dt(2026, 12, 10, 11)
    )
    cancelled = MeetingFactory(
        venue_room=room, status=S.CANCELLED, start_at=local_dt(2026, 12, 10, 10), end_at=local_dt(2026, 12, 10, 11)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(
            venue_room=room, status=S.SUBMITTED, start_at=local_dt(2026, 12, 10, 11), end_at=local_dt(2026, 12, 10, 13)
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=cancelled.pk).update(status=S.PREPARING)


def test_end_before_start_is_refused_by_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(start_at=local_dt(2026, 12, 10, 12), end_at=local_dt(2026, 12, 10, 9))
