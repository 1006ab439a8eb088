"""The repair line 后勤保障110: reporting a fault and the ticket's moves on the shared workflow.

reported → dispatched → in progress ⇄ paused → resolved → confirmed (with a rating), or reopened
and worked again. While paused (waiting for parts or for the reporter) the clock stops: the pause
is added to `paused_seconds` and the fix target moves on by it when work resumes.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bureau.models import Room, RoomOccupancy
from bureau.scoping import user_department
from bureau.services import audited_save
from bureau.workflow import OPTIONAL, REQUIRED, Move, Workflow, transition
from property_services import rules
from property_services.choices import RepairPauseReason, RepairSource, RepairStatus
from property_services.models import RepairTicket

S = RepairStatus


def _room_department(room, day):
    occupancy = RoomOccupancy.objects.active().on(day).filter(room=room).select_related("department").first()
    return occupancy.department if occupancy else None


@transaction.atomic
def ticket_report(
    *,
    category,
    description,
    actor,
    room=None,
    location="",
    priority="normal",
    source=RepairSource.WEB,
    photo=None,
    reporter_name="",
    reporter_phone="",
    now=None,
):
    """File a ticket. `actor` None is the anonymous reporter of a room's QR page (name and phone
    then required). The ticket belongs to the department occupying the room, else the reporter's."""
    if room is not None and not isinstance(room, Room):
        room = Room.objects.filter(pk=room, active=True).first()
        if room is None:
            raise ValidationError({"room": ValidationError(_("This room does not exist."), code="unknown_room")})
    if room is None and not (location or "").strip():
        raise ValidationError(
            {"room": ValidationError(_("Give the room or describe the location."), code="no_location")}
        )
    if actor is None and not (reporter_name or "").strip():
        raise ValidationError(
            {"reporter_name": ValidationError(_("Give your name so the technician can find you."), code="no_reporter")}
        )
    if (
        source == RepairSource.HOTLINE
        and actor is not None
        and not actor.has_perm("property_services.dispatch_repairticket")
    ):
        raise ValidationError(_("Only the hotline operator files hotline tickets."), code="no_permission")
    if actor is not None and not actor.has_perm("property_services.add_repairticket"):
        raise ValidationError(_("You may not report repairs."), code="no_permission")
    now = now or timezone.now()
    response, fix = rules.repair_targets(priority)
    department = _room_department(room, timezone.localdate(now)) if room else None
    if department is None and actor is not None and source != RepairSource.HOTLINE:
        department = user_department(actor)
    ticket = RepairTicket(
        room=room,
        location=(location or "").strip(),
        category=category,
        description=description,
        priority=priority,
        source=source,
        reporter=actor if source != RepairSource.HOTLINE else None,
        reporter_name=(reporter_name or "").strip(),
        reporter_phone=(reporter_phone or "").strip(),
        department=department,
        reported_at=now,
        response_due=now + response,
        fix_due=now + fix,
    )
    if photo:
        ticket.photo = photo
    ticket.full_clean()
    return audited_save(obj=ticket, actor=actor, reason=_("Reported"))


def _may_work(ticket, actor):
    if (
        actor is not None
        and ticket.technician_id != actor.pk
        and not actor.has_perm("property_services.dispatch_repairticket")
    ):
        raise ValidationError(_("This ticket is assigned to another technician."), code="not_assigned")


def _dispatch_check(ticket, *, technician=None, **kw):
    if technician is None:
        raise ValidationError({"technician": ValidationError(_("Choose the technician."), code="no_technician")})
    if not technician.has_perm("property_services.work_repairticket"):
        raise ValidationError(
            {"technician": ValidationError(_("This person is not a technician."), code="not_technician")}
        )


def _dispatch_apply(ticket, *, technician, now=None, **kw):
    ticket.technician = technician
    ticket.dispatched_at = now or timezone.now()
    return ["technician", "dispatched_at"]


def _work_check(ticket, *, actor=None, **kw):
    _may_work(ticket, actor)


def _start_apply(ticket, *, now=None, **kw):
    if ticket.started_at:
        return []
    ticket.started_at = now or timezone.now()
    return ["started_at"]


def _pause_check(ticket, *, actor=None, pause_reason=None, **kw):
    _may_work(ticket, actor)
    if pause_reason not in RepairPauseReason.values:
        raise ValidationError(
            {"pause_reason": ValidationError(_("Say what the ticket waits for."), code="no_pause_reason")}
        )


def _pause_apply(ticket, *, pause_reason, now=None, **kw):
    ticket.paused_at = now or timezone.now()
    ticket.pause_reason = pause_reason
    return ["paused_at", "pause_reason"]


def _resume_apply(ticket, *, now=None, **kw):
    pause = (now or timezone.now()) - ticket.paused_at
    ticket.paused_seconds += int(pause.total_seconds())
    ticket.fix_due += pause
    ticket.paused_at, ticket.pause_reason = None, ""
    return ["paused_seconds", "fix_due", "paused_at", "pause_reason"]


def _resolve_apply(ticket, *, now=None, **kw):
    ticket.resolved_at = now or timezone.now()
    return ["resolved_at"]


def _confirm_check(ticket, *, actor=None, rating=None, **kw):
    if (
        actor is not None
        and actor.pk != ticket.reporter_id
        and not actor.has_perm("property_services.dispatch_repairticket")
    ):
        raise ValidationError(_("Only the reporter confirms the repair."), code="not_reporter")
    rules.repair_rating_check(rating)


def _confirm_apply(ticket, *, rating, feedback="", now=None, **kw):
    ticket.rating = int(rating)
    ticket.feedback = (feedback or "").strip()[:500]
    ticket.confirmed_at = now or timezone.now()
    return ["rating", "feedback", "confirmed_at"]


def _reopen_check(ticket, *, actor=None, **kw):
    if (
        actor is not None
        and actor.pk != ticket.reporter_id
        and not actor.has_perm("property_services.dispatch_repairticket")
    ):
        raise ValidationError(_("Only the reporter reopens the ticket."), code="not_reporter")


def _reopen_apply(ticket, *, now=None, **kw):
    ticket.resolved_at = None
    return ["resolved_at"]


class RepairTicketWorkflow(Workflow):
    model = RepairTicket
    moves = (
        Move(
            "dispatch",
            {S.REPORTED, S.REOPENED},
            S.DISPATCHED,
            "property_services.dispatch_repairticket",
            gettext_lazy("Dispatch"),
            check=_dispatch_check,
            apply=_dispatch_apply,
        ),
        Move(
            "start",
            {S.DISPATCHED, S.REOPENED},
            S.IN_PROGRESS,
            "property_services.work_repairticket",
            gettext_lazy("Start work"),
            check=_work_check,
            apply=_start_apply,
        ),
        Move(
            "pause",
            {S.IN_PROGRESS},
            S.PAUSED,
            "property_services.work_repairticket",
            gettext_lazy("Pause"),
            reason=OPTIONAL,
            check=_pause_check,
            apply=_pause_apply,
            css="btn-outline-secondary",
        ),
        Move(
            "resume",
            {S.PAUSED},
            S.IN_PROGRESS,
            "property_services.work_repairticket",
            gettext_lazy("Resume work"),
            check=_work_check,
            apply=_resume_apply,
        ),
        Move(
            "resolve",
            {S.IN_PROGRESS},
            S.RESOLVED,
            "property_services.work_repairticket",
            gettext_lazy("Mark resolved"),
            check=_work_check,
            apply=_resolve_apply,
            css="btn-success",
        ),
        Move(
            "confirm",
            {S.RESOLVED},
            S.CONFIRMED,
            "property_services.confirm_repairticket",
            gettext_lazy("Confirm and rate"),
            check=_confirm_check,
            apply=_confirm_apply,
            css="btn-success",
        ),
        Move(
            "reopen",
            {S.RESOLVED},
            S.REOPENED,
            "property_services.confirm_repairticket",
            gettext_lazy("Reopen"),
            reason=REQUIRED,
            check=_reopen_check,
            apply=_reopen_apply,
            css="btn-outline-danger",
        ),
    )

    @classmethod
    def illegal_move_message(cls, obj, move):
        if move.name == "confirm":
            return _("Only a resolved ticket can be confirmed and rated; this one is %(status)s.") % {
                "status": cls.state_label(obj)
            }
        return super().illegal_move_message(obj, move)


def _move(name, *, ticket, actor, reason=None, **extra):
    try:
        return transition(obj=ticket, move=name, actor=actor, reason=reason, **extra)
    except ValidationError as exc:
        if name == "confirm" and getattr(exc, "code", None) == "illegal_move":
            raise ValidationError(exc.messages[0], code="not_resolved") from exc
        raise


def ticket_dispatch(*, ticket, technician, actor, now=None):
    return _move("dispatch", ticket=ticket, actor=actor, technician=technician, now=now)


def ticket_start(*, ticket, actor, now=None):
    return _move("start", ticket=ticket, actor=actor, now=now)


def ticket_pause(*, ticket, pause_reason, actor, reason="", now=None):
    if not reason and pause_reason in RepairPauseReason.values:
        reason = str(RepairPauseReason(pause_reason).label)
    return _move("pause", ticket=ticket, actor=actor, reason=reason, pause_reason=pause_reason, now=now)


def ticket_resume(*, ticket, actor, now=None):
    return _move("resume", ticket=ticket, actor=actor, now=now)


def ticket_resolve(*, ticket, actor, reason="", now=None):
    return _move("resolve", ticket=ticket, actor=actor, reason=reason, now=now)


def ticket_confirm(*, ticket, rating, actor, feedback="", now=None):
    """The reporter's confirmation with a rating 1–5; `actor` None is the reporter of a QR ticket
    coming back through the signed link they were given."""
    return _move("confirm", ticket=ticket, actor=actor, rating=rating, feedback=feedback, now=now)


def ticket_reopen(*, ticket, reason, actor, now=None):
    return _move("reopen", ticket=ticket, actor=actor, reason=reason, now=now)
