"""Writes of office space (办公用房) and campus conduct (文明公约): who sits in which office, the dated
standards, and the violations recorded against a unit."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bureau.choices import RoomUse
from bureau.models import StaffProfile
from bureau.services import audited_save, record_void
from property_services.models import ConductViolation, OfficeAssignment


def _refuse(field, message, code):
    raise ValidationError({field: ValidationError(message, code=code)})


@transaction.atomic
def office_assign(*, person, room, start_date, actor, note=""):
    """`person` sits in `room` from `start_date`. A person has one office at a time: their current
    office ends the day before (a move, kept in both records' history); an office that starts on or
    before the current one's start is refused (void the wrong one instead)."""
    if start_date is None:
        _refuse("start_date", _("Give the date the person moves in."), "required")
    if room.use != RoomUse.OFFICE or not room.active:
        _refuse("room", _("%(room)s is not an office in use; pick an office.") % {"room": room}, "not_an_office")
    StaffProfile.objects.select_for_update().get(pk=person.pk)  # one assignment of a person at a time
    current = OfficeAssignment.objects.live().filter(person=person, end_date=None).select_related("room").first()
    if current is not None:
        if current.room_id == room.pk:
            _refuse("room", _("%(person)s already sits in %(room)s.") % {"person": person, "room": room}, "same_office")
        if current.start_date >= start_date:
            _refuse(
                "start_date",
                _("%(person)s has sat in %(room)s since %(start)s: a move starts after that day.")
                % {"person": person, "room": current.room, "start": current.start_date},
                "before_current",
            )
        current.end_date = start_date - datetime.timedelta(days=1)
        audited_save(
            obj=current, actor=actor, reason=_("Moved to %(room)s") % {"room": room}, update_fields=["end_date"]
        )
    assignment = OfficeAssignment(person=person, room=room, start_date=start_date, note=note)
    assignment.full_clean()
    return audited_save(obj=assignment, actor=actor)


@transaction.atomic
def office_assignment_void(*, assignment, actor, reason):
    """An assignment entered by mistake is voided with a reason: it stays, marked void, with its history."""
    if assignment.is_voided:
        _refuse("reason", _("This assignment is already voided."), "already_voided")
    return record_void(obj=assignment, actor=actor, reason=reason)


@transaction.atomic
def office_standard_save(*, standard, actor):
    standard.full_clean()
    return audited_save(obj=standard, actor=actor)


@transaction.atomic
def conduct_violation_record(*, department, date, rule, place, description, actor):
    if date is not None and date > timezone.localdate():
        _refuse("date", _("A violation is recorded on or after the day it happened."), "future")
    if not rule.active:
        _refuse("rule", _("This rule is no longer in force; pick a rule in force."), "rule_inactive")
    violation = ConductViolation(
        department=department, date=date, rule=rule, place=place, description=description, recorded_by=actor
    )
    violation.full_clean()
    return audited_save(obj=violation, actor=actor)


@transaction.atomic
def conduct_violation_void(*, violation, actor, reason):
    if violation.is_voided:
        _refuse("reason", _("This violation is already voided."), "already_voided")
    return record_void(obj=violation, actor=actor, reason=reason)
