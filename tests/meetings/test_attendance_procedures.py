"""Procedures: the seeded checklist, each meeting's copy (idempotent), progress, overdue, work plan."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bureau.roles import Role
from meetings.choices import MeetingStatus, ProcedurePhase
from meetings.models import MeetingProcedureStep, ProcedureTemplate, WorkPlan
from meetings.selectors.procedures import meeting_procedure_progress
from meetings.services import procedures as services
from tests.factories import make_user
from tests.helpers import english, error_codes
from tests.meetings.factories import MeetingFactory, local_dt

pytestmark = pytest.mark.django_db


def test_seeded_templates_are_the_reference_bureaus_9_8_3():
    counts = {phase: ProcedureTemplate.objects.filter(phase=phase).count() for phase in ProcedurePhase}
    assert counts == {ProcedurePhase.PRE: 9, ProcedurePhase.IN: 8, ProcedurePhase.POST: 3}
    names = set(ProcedureTemplate.objects.values_list("name", flat=True))
    assert {"发送会议通知", "材料印制", "会场布置", "车辆安排", "食宿安排"} <= names
    assert {"签到", "引导入座", "会议记录", "摄影摄像", "茶水服务"} <= names
    assert {"会场清理", "经费结算", "资料归档"} <= names


def test_copy_is_idempotent_and_dated_from_the_meeting():
    actor = make_user(username="mc")
    meeting = MeetingFactory(
        status=MeetingStatus.APPROVED, start_at=local_dt(2026, 12, 10, 9), end_at=local_dt(2026, 12, 10, 12)
    )
    created = services.meeting_procedures_create(meeting=meeting, actor=actor)
    assert len(created) == 20
    assert services.meeting_procedures_create(meeting=meeting, actor=actor) == []
    assert meeting.procedure_steps.count() == 20
    notice = meeting.procedure_steps.get(name="发送会议通知")
    # five days before the start is Saturday 5 December: the Friday before, at the close of the day
    assert notice.due_at == local_dt(2026, 12, 4, 17, 30)
    archive = meeting.procedure_steps.get(name="资料归档")
    assert archive.due_at == local_dt(2026, 12, 17, 12)  # a week after the end
    assert notice.history.get().history_user == actor


def test_templates_and_steps_run_before_during_after_the_meeting(world, client):
    """会前 → 会中 → 会后, in the register and on a meeting's checklist (the codes sort in, post, pre)."""
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(reverse("meetings:proceduretemplate_list")).content.decode()
    before, during, after = (page.index(name) for name in ("会场布置", "引导入座", "资料归档"))
    assert before < during < after
    assert [t.phase for t in ProcedureTemplate.objects.all()][:1] == [ProcedurePhase.PRE]
    meeting = MeetingFactory(status=MeetingStatus.APPROVED)
    services.meeting_procedures_create(meeting=meeting, actor=None)
    phases = [step.phase for step in MeetingProcedureStep.objects.filter(meeting=meeting)]
    assert phases == sorted(phases, key=list(ProcedurePhase).index)


@pytest.mark.parametrize(
    ("phase", "hours", "due"),
    [
        (ProcedurePhase.PRE, -2, local_dt(2026, 12, 11, 17, 30)),  # Monday 07:00: Friday's close
        (ProcedurePhase.PRE, -48, local_dt(2026, 12, 11, 17, 30)),  # Saturday 09:00: Friday's close
        (ProcedurePhase.PRE, -15, local_dt(2026, 12, 11, 17, 30)),  # Sunday 18:00: Friday's close
        (ProcedurePhase.IN, 0, local_dt(2026, 12, 14, 9)),  # in office hours: as it is
        (ProcedurePhase.POST, 1, local_dt(2026, 12, 15, 8, 30)),  # Monday 18:00: Tuesday's start
        (ProcedurePhase.POST, 7 * 24 + 1, local_dt(2026, 12, 22, 8, 30)),  # Monday 21 18:00: Tuesday's start
    ],
)
def test_no_step_falls_due_outside_office_hours(phase, hours, due):
    meeting = MeetingFactory(
        status=MeetingStatus.APPROVED, start_at=local_dt(2026, 12, 14, 9), end_at=local_dt(2026, 12, 14, 17)
    )
    template = ProcedureTemplate.objects.create(phase=phase, name=f"测试步骤{hours}", order=99, due_offset_hours=hours)
    assert template.due_at_for(meeting) == due


def test_a_template_added_later_is_added_by_the_next_call():
    meeting = MeetingFactory(status=MeetingStatus.APPROVED)
    services.meeting_procedures_create(meeting=meeting, actor=None)
    ProcedureTemplate.objects.create(phase=ProcedurePhase.PRE, name="横幅制作", order=95, due_offset_hours=-48)
    ProcedureTemplate.objects.filter(name="摄影摄像").update(active=False)
    added = services.meeting_procedures_create(meeting=meeting, actor=None)
    assert [step.name for step in added] == ["横幅制作"]
    assert meeting.procedure_steps.count() == 21


def test_no_checklist_for_a_cancelled_meeting():
    with pytest.raises(ValidationError, match="不生成会务流程") as exc:
        services.meeting_procedures_create(meeting=MeetingFactory(status=MeetingStatus.CANCELLED), actor=None)
    assert error_codes(exc.value) == ["meeting_status"]


def test_progress_per_phase_and_overdue():
    actor = make_user(username="mc2")
    # Thursday 17 December at 9; it is Tuesday 15:00: the steps due two days before and more are late.
    now = local_dt(2026, 12, 15, 15)
    meeting = MeetingFactory(
        status=MeetingStatus.PREPARING, start_at=local_dt(2026, 12, 17, 9), end_at=local_dt(2026, 12, 17, 12)
    )
    services.meeting_procedures_create(meeting=meeting, actor=actor)
    steps = {step.name: step for step in meeting.procedure_steps.all()}
    # Already past: notice (-120 h: Friday's close), printing and meals (-48 h: Tuesday 9:00).
    services.procedure_step_complete(step=steps["发送会议通知"], actor=actor)
    progress = meeting_procedure_progress(meeting=meeting, now=now)
    pre, during, post = progress["phases"]
    assert (pre["done"], pre["total"]) == (1, 9)
    assert (during["done"], during["total"]) == (0, 8)
    assert (post["done"], post["total"]) == (0, 3)
    assert (progress["done"], progress["total"]) == (1, 20)
    assert sorted(step.name for step in progress["overdue"]) == ["材料印制", "食宿安排"]
    services.procedure_step_complete(step=steps["材料印制"], actor=actor)
    assert [s.name for s in meeting_procedure_progress(meeting=meeting, now=now)["overdue"]] == ["食宿安排"]


def test_complete_twice_is_refused_and_reopen_works():
    actor = make_user(username="mc3")
    meeting = MeetingFactory(status=MeetingStatus.APPROVED)
    services.meeting_procedures_create(meeting=meeting, actor=actor)
    step = meeting.procedure_steps.get(name="会场布置")
    step = services.procedure_step_complete(step=step, actor=actor)
    assert step.done_by == actor and step.done_at is not None
    with pytest.raises(ValidationError, match="标记完成") as exc:
        services.procedure_step_complete(step=step, actor=actor)
    assert error_codes(exc.value) == ["already_done"]
    step = services.procedure_step_reopen(step=step, actor=actor)
    assert step.done_at is None and step.done_by is None


def test_a_settled_meetings_checklist_cannot_be_reopened():
    actor = make_user(username="mc4")
    meeting = MeetingFactory(status=MeetingStatus.APPROVED)
    services.meeting_procedures_create(meeting=meeting, actor=actor)
    step = services.procedure_step_complete(step=meeting.procedure_steps.get(name="会场布置"), actor=actor)
    MeetingFactory._meta.model.objects.filter(pk=meeting.pk).update(status=MeetingStatus.SETTLED)
    with pytest.raises(ValidationError, match="不能再重新打开") as exc:
        services.procedure_step_reopen(step=step, actor=actor)
    assert error_codes(exc.value) == ["meeting_closed"]
    step.refresh_from_db()
    assert step.done_at is not None


def test_procedures_page_shows_progress_and_overdue_and_marks_done(world, client):
    now = timezone.now()
    meeting = MeetingFactory(
        host_department=world.own,
        status=MeetingStatus.PREPARING,
        start_at=now + datetime.timedelta(hours=30),
        end_at=now + datetime.timedelta(hours=33),
    )
    centre = world.users[Role.MEETING_CENTRE]
    client.force_login(centre)
    url = reverse("meetings:meeting_procedures", args=[meeting.pk])
    assert "Create the checklist" in english(client).get(url).content.decode()
    client.post(reverse("meetings:meeting_procedures_create", args=[meeting.pk]))
    # Three steps past due, the rest ahead (whatever the day and hour the test runs at).
    meeting.procedure_steps.update(due_at=now + datetime.timedelta(days=10))
    meeting.procedure_steps.filter(name__in=["发送会议通知", "材料印制", "食宿安排"]).update(
        due_at=now - datetime.timedelta(hours=1)
    )
    step = meeting.procedure_steps.get(name="食宿安排")
    page = english(client).get(url).content.decode()
    assert "0 / 9" in page and "0 / 20" in page
    assert "Overdue steps (3)" in page
    response = client.post(reverse("meetings:procedurestep_done", args=[step.pk]))
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.done_by == centre
    page = english(client).get(url).content.decode()
    assert "1 / 9" in page and "Overdue steps (2)" in page


def test_step_edit_sets_owner_and_due(world, client):
    meeting = MeetingFactory(host_department=world.own, status=MeetingStatus.APPROVED)
    services.meeting_procedures_create(meeting=meeting, actor=None)
    step = meeting.procedure_steps.get(name="车辆安排")
    centre = world.users[Role.MEETING_CENTRE]
    client.force_login(centre)
    response = client.post(
        reverse("meetings:procedurestep_edit", args=[step.pk]),
        {"owner": centre.pk, "due_at": "2026-11-30T10:00", "note": "两台中巴"},
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.owner == centre and step.note == "两台中巴"
    assert step.due_at == local_dt(2026, 11, 30, 10)


# --- work plan ---------------------------------------------------------------------------------


def test_work_plan_only_for_county_wide_meetings_or_major_events():
    actor = make_user(username="mc4")
    small = MeetingFactory(status=MeetingStatus.APPROVED, is_county_wide=False)
    with pytest.raises(ValidationError) as exc:
        services.meeting_work_plan_create(meeting=small, actor=actor)
    assert error_codes(exc.value) == {"is_major_event": ["not_county_wide"]}
    assert "工作方案仅适用于全县性会议和重大活动" in exc.value.message_dict["is_major_event"][0]
    plan = services.meeting_work_plan_create(meeting=small, actor=actor, is_major_event=True)
    assert plan.is_major_event and plan.chief == actor
    county = MeetingFactory(status=MeetingStatus.APPROVED, is_county_wide=True)
    plan = services.meeting_work_plan_create(meeting=county, actor=actor)
    assert services.meeting_work_plan_create(meeting=county, actor=actor) == plan
    assert WorkPlan.objects.filter(meeting=county).count() == 1


def test_work_plan_assign_one_person_once_per_post():
    actor = make_user(username="mc5")
    plan = services.meeting_work_plan_create(
        meeting=MeetingFactory(status=MeetingStatus.APPROVED, is_county_wide=True), actor=actor
    )
    staff = make_user(username="usher", first_name="引导员")
    services.work_plan_assign(plan=plan, actor=actor, post="ushering", staff=staff, duties="主会场引导")
    with pytest.raises(ValidationError, match="此人已在该岗位") as exc:
        services.work_plan_assign(plan=plan, actor=actor, post="ushering", staff=staff)
    assert error_codes(exc.value) == {"staff": ["already_assigned"]}
    services.work_plan_assign(plan=plan, actor=actor, post="security", staff=staff)
    assert plan.assignments.count() == 2


def test_step_model_needs_who_did_it():
    from django.db import IntegrityError, transaction

    step = MeetingProcedureStep(meeting=MeetingFactory(), phase="pre", name="x", done_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        step.save()
