"""Procedures: each meeting's own checklist, and the work plan of county-wide meetings and major events."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from bureau.integrity import integrity_error_as_validation_error
from bureau.services import audited_delete, audited_save
from bureau.workdays import WorkingCalendar
from meetings.models import Meeting, MeetingProcedureStep, ProcedureTemplate, WorkPlan
from meetings.models.procedures import WorkPlanAssignment
from meetings.rules import NO_CHECKLIST_STATUSES


def _save(obj, actor, **kwargs):
    try:
        with transaction.atomic():
            audited_save(obj=obj, actor=actor, **kwargs)
    except IntegrityError as exc:  # e.g. a due time computed past the plausible range: named on its field
        raise integrity_error_as_validation_error(exc) from exc
    return obj


@transaction.atomic
def meeting_procedures_create(*, meeting, actor):
    """Copy every active template step the meeting does not have yet; returns the new steps.

    Idempotent: a second call adds nothing (and a step added to the templates later is added then)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status in NO_CHECKLIST_STATUSES:
        raise ValidationError(
            _("A %(status)s meeting gets no procedure checklist.") % {"status": meeting.get_status_display()},
            code="meeting_status",
        )
    existing = set(meeting.procedure_steps.exclude(template=None).values_list("template_id", flat=True))
    calendar = WorkingCalendar()  # due times keep to office hours on working days; one read per year
    steps = [
        MeetingProcedureStep.from_template(meeting=meeting, template=template, calendar=calendar)
        for template in ProcedureTemplate.objects.filter(active=True)
        if template.pk not in existing
    ]
    if steps:
        bulk_create_with_history(steps, MeetingProcedureStep, default_user=actor)
    return steps


@transaction.atomic
def meeting_procedures_reschedule(*, meeting, actor):
    """The meeting moved: the steps not yet done get due times from its new start and end."""
    steps = list(meeting.procedure_steps.filter(done_at=None).exclude(template=None).select_related("template"))
    calendar = WorkingCalendar()
    for step in steps:
        step.due_at = step.template.due_at_for(meeting, calendar=calendar)
    if steps:
        bulk_update_with_history(steps, MeetingProcedureStep, ["due_at"], default_user=actor)
    return steps


@transaction.atomic
def procedure_step_complete(*, step, actor, note=""):
    step = MeetingProcedureStep.objects.select_for_update().get(pk=step.pk)
    if step.done_at is not None:
        raise ValidationError(
            _("“%(step)s” was already marked done at %(when)s.")
            % {"step": step.name, "when": date_format(timezone.localtime(step.done_at), "SHORT_DATETIME_FORMAT")},
            code="already_done",
        )
    step.done_at = timezone.now()
    step.done_by = actor
    if note:
        step.note = note
    return _save(step, actor)


@transaction.atomic
def procedure_step_reopen(*, step, actor):
    step = MeetingProcedureStep.objects.select_for_update().select_related("meeting").get(pk=step.pk)
    if step.meeting.is_closed:
        raise ValidationError(
            _("The meeting is %(status)s; its checklist can no longer be reopened.")
            % {"status": step.meeting.get_status_display()},
            code="meeting_closed",
        )
    step.done_at = None
    step.done_by = None
    return _save(step, actor)


@transaction.atomic
def meeting_work_plan_create(*, meeting, actor, is_major_event=False, chief=None):
    """The work plan (工作方案) exists for county-wide meetings and for major events only."""
    if not (meeting.is_county_wide or is_major_event):
        raise ValidationError(
            {
                "is_major_event": ValidationError(
                    _(
                        "A work plan is drawn up for county-wide meetings and major events only: "
                        "mark the meeting as a major event to make one."
                    ),
                    code="not_county_wide",
                )
            }
        )
    plan = WorkPlan.objects.filter(meeting=meeting).first()
    if plan is None:
        plan = _save(
            WorkPlan(meeting=meeting, is_major_event=is_major_event, chief=chief or actor, created_by=actor), actor
        )
    return plan


@transaction.atomic
def work_plan_assign(*, plan, actor, post, staff, duties="", phone=""):
    """Put one named person on one post (专人专岗)."""
    if WorkPlanAssignment.objects.filter(plan=plan, post=post, staff=staff).exists():
        raise ValidationError(
            {"staff": ValidationError(_("This person already holds this post."), code="already_assigned")}
        )
    if not phone:
        profile = getattr(staff, "profile", None)  # the reverse one-to-one's "missing" is an AttributeError
        phone = profile.phone if profile else ""
    assignment = WorkPlanAssignment(plan=plan, post=post, staff=staff, duties=duties, phone=phone)
    try:
        with transaction.atomic():
            audited_save(obj=assignment, actor=actor)
    except IntegrityError as exc:
        raise ValidationError(
            {"staff": ValidationError(_("This person already holds this post."), code="already_assigned")}
        ) from exc
    return assignment


@transaction.atomic
def work_plan_unassign(*, assignment, actor):
    audited_delete(obj=assignment, actor=actor)
