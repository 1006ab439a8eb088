"""The meeting request itself: create and change it (page form, admin and any API alike).

Both check the same rules: the room free at that time, a standard in force on the start date, the
category's limits on days, participants and staff, and — once the request has gone for approval —
that fewer people or days don't leave the budget over the new cap. Who may change a meeting at
which status is meetings.rules.meeting_editable_by. Changing an approved term of an approved meeting
(meetings.rules.APPROVED_TERMS) sends it back for approval through the workflow, in the same
transaction: the approval was given for the old terms.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from bureau.services import audited_save, model_update
from bureau.workflow import transition
from meetings.models import Meeting
from meetings.rules import (
    REAPPROVAL_STATUSES,
    changed_approved_terms,
    check_meeting_editable,
    venue_clash_message,
    venue_taken_error,
    venue_too_small_message,
)
from meetings.selectors.meeting import meeting_request_errors, meeting_venue_clash
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


def meeting_check_venue(*, meeting):
    clash = meeting_venue_clash(meeting)
    if clash is not None:
        raise ValidationError({"venue_room": ValidationError(venue_clash_message(meeting, clash), code="venue_clash")})
    if meeting.venue_room_id and (too_small := venue_too_small_message(meeting, meeting.venue_room)):
        raise ValidationError({"venue_room": ValidationError(too_small, code="venue_too_small")})


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
    the meeting's status still lets them; not-yet-done checklist steps follow a new date. An approved
    meeting whose approved terms change goes back to submitted (the workflow's "send back" move)."""
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
    terms = changed_approved_terms(changed)
    if terms and locked.status in REAPPROVAL_STATUSES:
        labels = "、".join(str(Meeting._meta.get_field(name).verbose_name) for name in terms)
        reason = _("Approved terms changed (%(terms)s): the meeting goes back for approval.") % {"terms": labels}
        transition(obj=locked, move="send_back", actor=actor, reason=reason[:500])
    for name in (*changed, "status", "updated_at"):
        setattr(meeting, name, getattr(locked, name))
    return locked
