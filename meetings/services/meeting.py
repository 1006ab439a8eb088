"""The meeting request itself: create and change it (page form, admin and any API alike).

Both check the same rules: the room free at that time, a standard in force on the start date, the
category's limits on days, participants and staff, and — once the request has gone for approval —
that fewer people or days don't leave the budget over the new cap. Who may change a meeting at
which status is meetings.rules.meeting_editable_by.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bureau.services import audited_save, model_update
from meetings.models import Meeting, MeetingStandard
from meetings.rules import REQUEST_EDITABLE_STATUSES, check_meeting_editable
from meetings.services.approval import (
    meeting_budget_totals,
    meeting_cap_violation,
    meeting_size_violations,
    meeting_standard,
)
from meetings.services.procedures import meeting_procedures_reschedule

# The request's own fields: what the page form, the admin and an API may change.
MEETING_FIELDS = (
    "title",
    "host_department",
    "category",
    "format",
    "is_county_wide",
    "in_annual_plan",
    "venue_room",
    "venue_name",
    "start_at",
    "end_at",
    "planned_attendees",
    "planned_staff",
)


def meeting_venue_clash(meeting):
    """Another meeting holding the same room at an overlapping time, or None."""
    if not (meeting.venue_room_id and meeting.start_at and meeting.end_at):
        return None
    return (
        Meeting.objects.venue_clashes(
            room=meeting.venue_room_id, start_at=meeting.start_at, end_at=meeting.end_at, exclude_pk=meeting.pk
        )
        .select_related("host_department", "venue_room__building")
        .first()
    )


def venue_clash_message(meeting, clash):
    return _("%(room)s is already booked from %(start)s to %(end)s by the meeting “%(other)s” (%(department)s).") % {
        "room": clash.venue_room,
        "start": date_format(timezone.localtime(clash.start_at), "Y-m-d H:i"),
        "end": date_format(timezone.localtime(clash.end_at), "Y-m-d H:i"),
        "other": clash.title,
        "department": clash.host_department,
    }


def meeting_check_venue(*, meeting):
    clash = meeting_venue_clash(meeting)
    if clash is not None:
        raise ValidationError({"venue_room": ValidationError(venue_clash_message(meeting, clash), code="venue_clash")})


def venue_taken_error(exc):
    """The ValidationError for the database's no-double-booking constraint, or None for another error."""
    if "venue" not in str(exc):
        return None
    return ValidationError(
        {
            "venue_room": ValidationError(
                _("The venue was booked by another meeting at the same time; choose another time or room."),
                code="venue_clash",
            )
        }
    )


def meeting_request_errors(meeting, *, changed=()):
    """{field: [ValidationError]} for every rule the request breaks (empty: none)."""
    errors = {}

    def add(field, message, code):
        errors.setdefault(field, []).append(ValidationError(message, code=code))

    if not (meeting.start_at and meeting.end_at and meeting.category and meeting.planned_attendees is not None):
        return errors
    if meeting.end_at <= meeting.start_at:
        return errors  # the model's own check says so
    clash = meeting_venue_clash(meeting)
    if clash is not None:
        add("venue_room", venue_clash_message(meeting, clash), "venue_clash")
    standard = MeetingStandard.objects.for_meeting(meeting)
    if standard is None:
        try:
            meeting_standard(meeting)
        except ValidationError as exc:
            add("start_at", exc.messages[0], "no_standard")
        return errors
    for field, message in meeting_size_violations(meeting, standard).items():
        add(field, message, "over_limit")
    if meeting.pk and meeting.status not in REQUEST_EDITABLE_STATUSES:
        # Submitted budgets are no longer re-checked at submission: fewer people or days must not
        # leave the requested, approved or actual amounts over the new cap.
        field = "planned_attendees" if {"planned_attendees", "planned_staff"} & set(changed) else "end_at"
        totals = meeting_budget_totals(meeting)
        for column in ("requested", "approved", "actual"):
            message = meeting_cap_violation(meeting, standard, amount=totals[column], column=column)
            if message:
                add(field, message, "over_cap")
    return errors


def meeting_request_check(*, meeting, changed=()):
    errors = meeting_request_errors(meeting, changed=changed)
    if errors:
        raise ValidationError(errors)


def _save_holding_venue(save):
    try:
        with transaction.atomic():
            return save()
    except IntegrityError as exc:
        error = venue_taken_error(exc)
        if error is None:
            raise
        raise error from exc


@transaction.atomic
def meeting_create(*, actor, instance=None, **fields):
    """A new meeting request (a draft) from `fields`, or from `instance`, an unsaved Meeting a form
    has filled (the admin's inlines hold on to that very object)."""
    meeting = instance if instance is not None else Meeting()
    for name, value in fields.items():
        if name not in MEETING_FIELDS:
            raise TypeError(f"meeting_create does not set {name}")
        setattr(meeting, name, value)
    if actor is not None:
        meeting.created_by = actor
    meeting.full_clean()
    meeting_request_check(meeting=meeting)
    return _save_holding_venue(lambda: audited_save(obj=meeting, actor=actor))


@transaction.atomic
def meeting_update(*, meeting, actor, data):
    """Change the request's fields (`data`: name → value, names from MEETING_FIELDS) by `actor`, if
    the meeting's status still lets them; not-yet-done checklist steps follow a new date."""
    locked = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if actor is not None:
        check_meeting_editable(actor, locked)

    def check(instance, changed):
        meeting_request_check(meeting=instance, changed=changed)

    locked, changed = _save_holding_venue(
        lambda: model_update(instance=locked, fields=MEETING_FIELDS, data=data, actor=actor, check=check)
    )
    if {"start_at", "end_at"} & set(changed):
        meeting_procedures_reschedule(meeting=locked, actor=actor)
    for name in (*changed, "updated_at"):
        setattr(meeting, name, getattr(locked, name))
    return locked
