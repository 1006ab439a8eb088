"""Attendees, seating and attendance: invitations, protocol seating, sign-in, leaving early, leave."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from bureau.integrity import integrity_error_as_validation_error
from bureau.models import StaffProfile, person_name
from bureau.services import audited_save
from meetings.choices import AttendanceStatus, MeetingStatus, ReplyStatus, SignInMethod
from meetings.models import Attendee, Meeting
from meetings.rules import (
    ATTENDANCE_CLOSING_STATUSES,
    EXCUSING_STATUSES,
    INVITING_STATUSES,
    RECORDING_STATUSES,
    REPLY_OPEN_STATUSES,
    SIGN_IN_OPEN_STATUSES,
    duplicate_attendee_error,
    is_late,
    protocol_seats,
    same_person,
)


def _short(dt):
    return date_format(timezone.localtime(dt), "SHORT_DATETIME_FORMAT")


def _time(dt):
    return timezone.localtime(dt).strftime("%H:%M")


def sign_in_refusal(*, meeting, now=None):
    """Why sign-in is closed for this meeting now, or None when it is open."""
    now = now or timezone.now()
    if meeting.status not in SIGN_IN_OPEN_STATUSES:
        return _("Sign-in is closed: the meeting is %(status)s.") % {"status": meeting.get_status_display()}
    today = timezone.localdate(now)
    first_day = timezone.localdate(meeting.start_at)
    last_day = timezone.localdate(meeting.end_at)
    if today < first_day:
        return _("Sign-in opens on the day of the meeting (%(day)s).") % {"day": first_day.isoformat()}
    if today > last_day:
        return _("Sign-in is closed: the meeting was on %(day)s.") % {"day": first_day.isoformat()}
    return None


def _save(attendee, actor, reason=None):
    try:
        with transaction.atomic():
            audited_save(obj=attendee, actor=actor, reason=reason)
    except IntegrityError as exc:  # a rule the checks above missed: named on its field
        raise integrity_error_as_validation_error(exc) from exc
    return attendee


def _check_inviting(meeting):
    if meeting.status not in INVITING_STATUSES:
        raise ValidationError(
            _("The list of attendees is closed: the meeting is %(status)s.") % {"status": meeting.get_status_display()},
            code="meeting_status",
        )


def _check_not_invited(attendee):
    """A person is on a meeting's list once: by account, or by name in their unit (meetings.rules.same_person)."""
    others = attendee.meeting.attendees.select_related("department").exclude(pk=attendee.pk)
    if attendee.user_id is not None and others.filter(user_id=attendee.user_id).exists():
        raise duplicate_attendee_error(others.get(user_id=attendee.user_id))
    for other in others.filter(department_id=attendee.department_id):
        if same_person(attendee, other):
            raise duplicate_attendee_error(other)


def _next_protocol_order(meeting):
    last = meeting.attendees.order_by("-protocol_order").values_list("protocol_order", flat=True).first()
    return min((last or 0) + 1, Attendee._meta.get_field("protocol_order").max_value)


@transaction.atomic
def attendee_invite_department(*, meeting, actor, department, titles=None):
    """Invite the staff of a department (everyone with a staff profile there, or those with the given
    titles); people already invited are skipped. Returns the new attendees."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_inviting(meeting)
    invited = set(meeting.attendees.exclude(user=None).values_list("user_id", flat=True))
    # People added by name before (no account linked) are on the list too: not invited twice.
    listed = list(meeting.attendees.filter(department=department, user=None))
    profiles = StaffProfile.objects.filter(department=department, user__is_active=True).select_related("user")
    if titles:
        profiles = profiles.filter(title__in=titles)
    order = _next_protocol_order(meeting)
    new = []
    for profile in profiles.order_by("user__last_name", "user__first_name", "user__username"):
        if profile.user_id in invited:
            continue
        candidate = Attendee(
            meeting=meeting,
            department=department,
            user=profile.user,
            name=person_name(profile.user),
            title=profile.title,
            phone=profile.phone,
            protocol_order=order,
        )
        if any(same_person(candidate, other) for other in listed):
            continue
        new.append(candidate)
        order += 1
    if not new and not profiles.exists():
        raise ValidationError(
            {
                "department": ValidationError(
                    _("%(department)s has no staff on record to invite.") % {"department": department},
                    code="nobody_to_invite",
                )
            }
        )
    bulk_create_with_history(new, Attendee, default_user=actor)
    return new


@transaction.atomic
def attendee_add(*, meeting, actor, name, organisation="", department=None, title="", phone="", protocol_order=None):
    """Invite one person by name (an outside guest, or someone without an account)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_inviting(meeting)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": ValidationError(_("Enter the attendee's name."), code="required")})
    if department is None and not organisation.strip():
        raise ValidationError(
            {
                "organisation": ValidationError(
                    _("Give the department or, for an outside guest, the organisation."), code="required"
                )
            }
        )
    attendee = Attendee(
        meeting=meeting,
        name=name,
        organisation=organisation.strip(),
        department=department,
        title=title,
        phone=phone,
        protocol_order=protocol_order or _next_protocol_order(meeting),
    )
    _check_not_invited(attendee)
    return _save(attendee, actor)


def reply_refusal(*, meeting, now=None):
    """Why the meeting takes no replies now, or None."""
    now = now or timezone.now()
    if meeting.status not in REPLY_OPEN_STATUSES:
        return _("Replies are closed: the meeting is %(status)s.") % {"status": meeting.get_status_display()}
    if now >= meeting.start_at:
        return _("Replies are closed: the meeting has started.")
    return None


@transaction.atomic
def attendee_reply(*, attendee, reply, note="", substitute_name="", substitute_title="", now=None):
    """The invitee's reply (回执) from their notice's link: attending, not attending, or a substitute
    (named). It can be changed until the meeting starts; the history keeps every reply."""
    now = now or timezone.now()
    attendee = Attendee.objects.select_for_update().select_related("meeting").get(pk=attendee.pk)
    refusal = reply_refusal(meeting=attendee.meeting, now=now)
    if refusal:
        raise ValidationError(refusal, code="replies_closed")
    if reply not in ReplyStatus.values:
        raise ValidationError({"reply": ValidationError(_("Choose a reply."), code="invalid_reply")})
    substitute_name, substitute_title = substitute_name.strip(), substitute_title.strip()
    if reply == ReplyStatus.SUBSTITUTE and not substitute_name:
        raise ValidationError(
            {"substitute_name": ValidationError(_("Name the person who comes instead."), code="substitute_missing")}
        )
    if reply != ReplyStatus.SUBSTITUTE:
        substitute_name = substitute_title = ""
    attendee.reply, attendee.reply_note = reply, note.strip()
    attendee.substitute_name, attendee.substitute_title = substitute_name, substitute_title
    attendee.replied_at = now
    return _save(attendee, None, reason=_("Reply: %(reply)s") % {"reply": ReplyStatus(reply).label})


@transaction.atomic
def meeting_seats_assign(*, meeting, actor, rows, seats_per_row):
    """Seat every attendee not on leave (nor replied not attending) by protocol order (ties: by rank,
    then the units' order, then name).
    Replaces earlier seats, manual changes included. Returns the attendees in seat order."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_inviting(meeting)
    if rows < 1 or seats_per_row < 1:
        raise ValidationError(
            {"rows": ValidationError(_("A seating plan needs at least one row of at least one seat."), code="no_seats")}
        )
    not_coming = Q(status=AttendanceStatus.EXCUSED) | Q(reply=ReplyStatus.DECLINED)
    attendees = list(meeting.attendees.exclude(not_coming).in_protocol_order())
    capacity = rows * seats_per_row
    if len(attendees) > capacity:
        raise ValidationError(
            {
                "rows": ValidationError(
                    _("%(rows)s rows × %(seats)s seats = %(capacity)s seats, but %(count)s attendees need one.")
                    % {"rows": rows, "seats": seats_per_row, "capacity": capacity, "count": len(attendees)},
                    code="too_few_seats",
                )
            }
        )
    # Free every seat first: the seat is unique per meeting, and one UPDATE may move A into B's seat.
    seated = list(meeting.attendees.exclude(seat_row=None))
    for attendee in seated:
        attendee.seat_row = attendee.seat_number = None
    bulk_update_with_history(seated, Attendee, ["seat_row", "seat_number"], batch_size=500)
    excused = list(meeting.attendees.filter(not_coming))
    for attendee, (row, seat) in zip(attendees, protocol_seats(rows, seats_per_row), strict=False):
        attendee.seat_row, attendee.seat_number = row, seat
    for attendee in excused:
        attendee.seat_row = attendee.seat_number = None
    bulk_update_with_history(
        attendees + excused,
        Attendee,
        ["seat_row", "seat_number"],
        default_user=actor,
        default_change_reason=_("Seats assigned by protocol order"),
    )
    return attendees


ATTENDEE_EDITABLE_FIELDS = (
    "name",
    "department",
    "organisation",
    "title",
    "phone",
    "protocol_order",
    "seat_row",
    "seat_number",
)


@transaction.atomic
def attendee_update(*, attendee, actor, **fields):
    """Edit one attendee while the list is open, a manual seat change included: a taken seat is
    refused with the name of who sits there."""
    unknown = set(fields) - set(ATTENDEE_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"attendee_update() got fields it may not change: {', '.join(sorted(unknown))}")
    attendee = Attendee.objects.select_for_update().select_related("meeting").get(pk=attendee.pk)
    _check_inviting(attendee.meeting)
    for name, value in fields.items():
        setattr(attendee, name, value)
    if {"name", "department", "organisation", "title"} & set(fields):
        _check_not_invited(attendee)
    row, seat = attendee.seat_row, attendee.seat_number
    if (row is None) != (seat is None):
        raise ValidationError(
            {"seat_number": ValidationError(_("A seat needs both its row and its number."), code="seat_incomplete")}
        )
    if row is not None:
        taken = (
            Attendee.objects.filter(meeting_id=attendee.meeting_id, seat_row=row, seat_number=seat)
            .exclude(pk=attendee.pk)
            .first()
        )
        if taken:
            raise ValidationError(
                {
                    "seat_number": ValidationError(
                        _("Row %(row)s, seat %(seat)s is already taken by %(name)s.")
                        % {"row": row, "seat": seat, "name": taken.name},
                        code="seat_taken",
                    )
                }
            )
    return _save(attendee, actor)


@transaction.atomic
def attendee_sign_in(*, attendee, actor=None, method=SignInMethod.QR, now=None, arrived_at=None):
    """Sign one attendee in. Returns (attendee, changed): a second sign-in changes nothing.

    `actor` is the desk staff member, or None when the attendee signs in with their own QR token.
    `arrived_at`: the desk records a late arrival's time after the fact (default: now); it is not in
    the future and falls on a day sign-in was open, and it decides whether they were late."""
    now = now or timezone.now()
    at = arrived_at or now
    attendee = Attendee.objects.select_for_update().select_related("meeting").get(pk=attendee.pk)
    if attendee.signed_in_at is not None:
        return attendee, False
    if at > now:
        raise ValidationError(
            {"arrived_at": ValidationError(_("The arrival time can't be later than now."), code="arrival_in_future")}
        )
    refusal = sign_in_refusal(meeting=attendee.meeting, now=at)
    if refusal:
        error = ValidationError(refusal, code="sign_in_closed")
        raise ValidationError({"arrived_at": error}) if arrived_at else error
    late = is_late(meeting=attendee.meeting, at=at)
    attendee.signed_in_at = at
    attendee.sign_in_method = method
    attendee.signed_in_by = actor if method == SignInMethod.DESK else None
    attendee.is_late = late
    attendee.status = AttendanceStatus.LATE if late else AttendanceStatus.ON_TIME
    return _save(attendee, actor), True


@transaction.atomic
def attendee_mark_left_early(*, attendee, actor, at=None):
    at = at or timezone.now()
    attendee = Attendee.objects.select_for_update().select_related("meeting").get(pk=attendee.pk)
    meeting = attendee.meeting
    if meeting.status not in RECORDING_STATUSES:
        raise ValidationError(
            _("Attendance can't be changed: the meeting is %(status)s.") % {"status": meeting.get_status_display()},
            code="meeting_status",
        )
    if attendee.signed_in_at is None:
        raise ValidationError(
            {
                "left_at": ValidationError(
                    _("%(name)s has not signed in, so cannot leave early.") % {"name": attendee}, code="not_signed_in"
                )
            }
        )
    if attendee.left_at is not None:
        raise ValidationError(
            {
                "left_at": ValidationError(
                    _("%(name)s was already marked as leaving at %(when)s.")
                    % {"name": attendee, "when": _short(attendee.left_at)},
                    code="already_left",
                )
            }
        )
    if at >= meeting.end_at:
        raise ValidationError(
            {
                "left_at": ValidationError(
                    _("The meeting ends at %(end)s; leaving then is not leaving early.")
                    % {"end": _time(meeting.end_at)},
                    code="not_early",
                )
            }
        )
    if at < attendee.signed_in_at:
        raise ValidationError(
            {
                "left_at": ValidationError(
                    _("The time of leaving is before the sign-in at %(when)s.")
                    % {"when": _time(attendee.signed_in_at)},
                    code="left_before_sign_in",
                )
            }
        )
    attendee.left_at = at
    attendee.status = AttendanceStatus.LEFT_EARLY
    return _save(attendee, actor)


@transaction.atomic
def attendee_excuse(*, attendee, actor, reason):
    """Leave (请假) for the meeting, with its reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ValidationError(_("Leave (请假) needs a reason."), code="reason_required")})
    attendee = Attendee.objects.select_for_update().select_related("meeting").get(pk=attendee.pk)
    meeting = attendee.meeting
    if meeting.status not in EXCUSING_STATUSES:
        raise ValidationError(
            _("Attendance can't be changed: the meeting is %(status)s.") % {"status": meeting.get_status_display()},
            code="meeting_status",
        )
    if attendee.signed_in_at is not None:
        raise ValidationError(
            {
                "reason": ValidationError(
                    _("%(name)s signed in at %(when)s; mark them as leaving early instead.")
                    % {"name": attendee, "when": _short(attendee.signed_in_at)},
                    code="already_signed_in",
                )
            }
        )
    attendee.status = AttendanceStatus.EXCUSED
    attendee.excuse_reason = reason
    return _save(attendee, actor, reason=reason[:100])


@transaction.atomic
def meeting_attendance_close(*, meeting, actor):
    """After the meeting: everyone still not signed in (and not on leave) is absent. Returns how many."""
    if meeting.status not in ATTENDANCE_CLOSING_STATUSES:
        # A meeting that never took place (draft, rejected, cancelled …) has no absentees.
        raise ValidationError(
            _("Attendance can't be changed: the meeting is %(status)s.") % {"status": meeting.get_status_display()},
            code="meeting_status",
        )
    if meeting.end_at > timezone.now() and meeting.status not in (MeetingStatus.HELD, MeetingStatus.SETTLED):
        raise ValidationError(
            _("Attendance is closed after the meeting ends (%(end)s).") % {"end": _short(meeting.end_at)},
            code="meeting_not_over",
        )
    pending = list(meeting.attendees.select_for_update().filter(status=AttendanceStatus.PENDING))
    if not pending:
        return 0
    for attendee in pending:
        attendee.status = AttendanceStatus.ABSENT
    bulk_update_with_history(pending, Attendee, ["status"], default_user=actor)
    return len(pending)
