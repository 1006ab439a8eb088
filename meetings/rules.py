"""Which state allows what: the status sets that gate actions and the pure checks built on them.

One place per rule (DESIGN.md §2): services, forms, views, templates and the admin ask here. No
database reads; the moves themselves are the transition tables in meetings/services/lifecycle.py
and meetings/services/reception.py.
"""

import datetime
import unicodedata
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bureau.money import to_yuan
from meetings.choices import BANNED_SPENDING_WORDS, MeetingFormat, MeetingStatus, ReceptionStatus

S = MeetingStatus
R = ReceptionStatus

# ---- meetings ----

# A meeting holding its venue: a second meeting can't book the room at the same time.
VENUE_HOLDING_STATUSES = (S.SUBMITTED, S.APPROVED, S.PREPARING, S.IN_PROGRESS, S.HELD, S.SETTLED)
# The host department draws up the request (and its requested budget) while it is a draft or sent back.
REQUEST_EDITABLE_STATUSES = (S.DRAFT, S.REJECTED)
# The meeting centre may still correct the request until the meeting starts.
CENTRE_EDITABLE_STATUSES = (*REQUEST_EDITABLE_STATUSES, S.SUBMITTED, S.APPROVED, S.PREPARING)
# Finance enters approved and actual amounts from submission until settlement.
FINANCE_EDITABLE_STATUSES = (S.SUBMITTED, S.APPROVED, S.PREPARING, S.IN_PROGRESS, S.HELD)
# The terms the approver decided on: changing one of them on an approved meeting sends it back for approval.
APPROVED_TERMS = ("category", "venue_room", "venue_name", "start_at", "end_at", "planned_attendees", "planned_staff")
# Approved and not yet started: a changed approved term goes back to the approver (the "send back" move).
REAPPROVAL_STATUSES = (S.APPROVED, S.PREPARING)
# Finance sets the approved amounts while the meeting waits for its approval; the approval fixes them.
APPROVED_AMOUNT_EDITABLE_STATUSES = (S.SUBMITTED,)
# New printing orders: for a meeting that is approved and not yet under way.
PRINTING_ORDER_STATUSES = (S.APPROVED, S.PREPARING)
# Settled or cancelled: printing orders and the checklist are closed.
CLOSED_STATUSES = (S.SETTLED, S.CANCELLED)
# A meeting that will not take place gets no checklist.
NO_CHECKLIST_STATUSES = (S.REJECTED, S.CANCELLED)
# Sign-in (by QR or at the desk) is open on the meeting's day(s) while it is in one of these statuses.
SIGN_IN_OPEN_STATUSES = (S.APPROVED, S.PREPARING, S.IN_PROGRESS)
# Leave and leaving early can also be recorded after the meeting, until it is settled.
RECORDING_STATUSES = (*SIGN_IN_OPEN_STATUSES, S.HELD)
# The invitation list can change until the meeting is held.
INVITING_STATUSES = (S.DRAFT, S.SUBMITTED, S.APPROVED, S.PREPARING, S.IN_PROGRESS)
# Replies (回执) come after the notice (an approved meeting) and before the meeting starts.
REPLY_OPEN_STATUSES = (S.APPROVED, S.PREPARING)
# Replies an hour from one address at most, on the page that needs no login (settings MEETINGS_REPLIES_PER_HOUR).
REPLIES_PER_HOUR = 30
# Leave (请假) can be granted until the meeting is settled.
EXCUSING_STATUSES = (*INVITING_STATUSES, S.HELD)
# The attendance board can be closed (the pending marked absent) from the meeting's day until it is settled.
ATTENDANCE_CLOSING_STATUSES = (*RECORDING_STATUSES, S.SETTLED)


def meeting_is_closed(meeting):
    return meeting.status in CLOSED_STATUSES


def meeting_editable_by(user, meeting):
    """The request's own fields: the host department while a draft (or sent back), the centre until it starts."""
    if not user.has_perm("meetings.change_meeting"):
        return False
    allowed = CENTRE_EDITABLE_STATUSES if user.has_perm("meetings.manage_meeting") else REQUEST_EDITABLE_STATUSES
    return meeting.status in allowed


def can_edit_requested(user, meeting):
    """The requested side of the budget: with the request itself, before it goes for approval."""
    return (
        meeting.status in REQUEST_EDITABLE_STATUSES
        and user.has_perm("meetings.change_budgetline")
        and user.has_perm("meetings.change_meeting")
    )


def can_edit_amounts(user, meeting):
    """Approved and actual amounts: finance, once the meeting has been submitted, until it is settled."""
    return meeting.status in FINANCE_EDITABLE_STATUSES and user.has_perm("meetings.settle_meeting")


def can_edit_approved(user, meeting):
    """The approved column: finance, while the meeting waits for its approval (the approval fixes it)."""
    return meeting.status in APPROVED_AMOUNT_EDITABLE_STATUSES and user.has_perm("meetings.settle_meeting")


def approved_amount_locked_error(meeting):
    return ValidationError(
        {
            "approved": ValidationError(
                _(
                    "The approved amounts were fixed by the approval (the meeting is %(status)s); to change them, "
                    "the meeting centre sends the meeting back for approval."
                )
                % {"status": meeting.get_status_display()},
                code="approved_locked",
            )
        }
    )


def changed_approved_terms(changed):
    """The approved terms among the `changed` field names, in the table's order."""
    return [name for name in APPROVED_TERMS if name in changed]


def check_meeting_editable(user, meeting):
    if not meeting_editable_by(user, meeting):
        raise ValidationError(
            _("A meeting that is %(status)s can no longer be edited.") % {"status": meeting.get_status_display()},
            code="meeting_locked",
        )


def check_printing_open(meeting):
    """Printing orders change only while the meeting is neither settled nor cancelled."""
    if meeting_is_closed(meeting):
        raise ValidationError(
            _("The meeting is %(status)s; its printing orders can no longer be changed.")
            % {"status": meeting.get_status_display()},
            code="meeting_closed",
        )


def check_printing_order(*, meeting, due_at, is_new, due_changed):
    """A new order needs an approved (or preparing) meeting; its due time comes before the meeting starts."""
    errors = {}
    if is_new and meeting.status not in PRINTING_ORDER_STATUSES:
        errors["meeting"] = ValidationError(
            _(
                "Printing orders are placed for approved meetings (approved or being prepared); "
                "“%(meeting)s” is %(status)s."
            )
            % {"meeting": meeting, "status": meeting.get_status_display()},
            code="meeting_not_approved",
        )
    if due_at is not None and (is_new or due_changed) and due_at >= meeting.start_at:
        errors["due_at"] = ValidationError(
            _("The printing must be ready before the meeting starts (%(start)s).")
            % {"start": date_format(timezone.localtime(meeting.start_at), "Y-m-d H:i")},
            code="due_after_start",
        )
    if errors:
        raise ValidationError(errors)


def no_budget_error():
    return ValidationError(
        _("Enter the meeting's budget before submitting it: a meeting with no budget lines can't be submitted."),
        code="no_budget",
    )


# ---- the request within its standard (the standard and the totals are read by meetings.selectors.meeting) ----


def no_standard_error(meeting):
    """The refusal of a meeting whose start date has no standard in force."""
    return ValidationError(
        _(
            "No meeting standard is in force for %(category)s meetings on %(date)s; "
            "ask the administrator to enter the standard for that date."
        )
        % {
            "category": meeting.get_category_display(),
            "date": date_format(timezone.localtime(meeting.start_at).date(), "Y-m-d"),
        },
        code="no_standard",
    )


def meeting_budget_cap(meeting, standard):
    """Comprehensive quota × (attendees + staff) × days: the three main items together."""
    return standard.total * meeting.people * meeting.days


def meeting_size_violations(meeting, standard):
    """{field: message} for days, participants and staff share over the category limits."""
    errors = {}
    category = meeting.get_category_display()
    if standard.max_days is not None and meeting.days > standard.max_days:
        errors["end_at"] = _("%(category)s meetings may last at most %(max)s days; this request has %(days)s days.") % {
            "category": category,
            "max": standard.max_days,
            "days": meeting.days,
        }
    if standard.max_attendees is not None and meeting.people > standard.max_attendees:
        errors["planned_attendees"] = _(
            "%(category)s meetings may have at most %(max)s participants (attendees and staff); "
            "this request has %(count)s."
        ) % {"category": category, "max": standard.max_attendees, "count": meeting.people}
    if standard.max_staff_ratio is not None:
        max_staff = int(Decimal(meeting.planned_attendees or 0) * standard.max_staff_ratio / 100)
        if (meeting.planned_staff or 0) > max_staff:
            errors["planned_staff"] = _(
                "%(category)s meetings may have staff of at most %(ratio)s%% of the attendees "
                "(%(max)s for %(attendees)s attendees); this request has %(staff)s."
            ) % {
                "category": category,
                "ratio": f"{standard.max_staff_ratio.normalize():f}",
                "max": max_staff,
                "attendees": meeting.planned_attendees,
                "staff": meeting.planned_staff,
            }
    return errors


def meeting_cap_violation(meeting, standard, *, amount, column):
    """The message when `amount` (a total of the `column` amounts) is over the cap, else None."""
    cap = meeting_budget_cap(meeting, standard)
    if amount <= cap:
        return None
    labels = {"requested": _("requested"), "approved": _("approved"), "actual": _("actual")}
    return _(
        "%(category)s meetings may cost at most %(quota)s yuan per person-day: %(people)s people × %(days)s days "
        "allow %(cap)s yuan for lodging, meals and other costs together; the %(column)s amounts total %(total)s yuan."
    ) % {
        "category": meeting.get_category_display(),
        "quota": standard.total,
        "people": meeting.people,
        "days": meeting.days,
        "cap": cap,
        "column": labels[column],
        "total": amount,
    }


def budget_description_check(description):
    """Banned spending can't be entered: souvenirs, banquets, sightseeing, fixed assets …"""
    lowered = (description or "").lower()
    for word in BANNED_SPENDING_WORDS:
        if word in lowered:
            raise ValidationError(
                {
                    "description": ValidationError(
                        _(
                            "“%(word)s” is banned spending: meeting funds may not pay for souvenirs, banquets, "
                            "sightseeing or fixed assets (财行〔2016〕214号)."
                        )
                        % {"word": word},
                        code="banned_spending",
                    )
                }
            )


# ---- the venue (the clash itself is read by meetings.selectors.meeting) ----


def venue_too_small_message(meeting, room):
    """The message when an on-site meeting's people (attendees + staff) don't fit the room, else None."""
    if meeting.format != MeetingFormat.ON_SITE or not room.capacity or meeting.people <= room.capacity:
        return None
    return _(
        "%(room)s seats %(capacity)s people; this meeting has %(people)s (%(attendees)s attendees and "
        "%(staff)s staff). Choose a larger room or plan fewer people."
    ) % {
        "room": room,
        "capacity": room.capacity,
        "people": meeting.people,
        "attendees": meeting.planned_attendees or 0,
        "staff": meeting.planned_staff or 0,
    }


def venue_clash_message(meeting, clash):
    return _("%(room)s is already booked from %(start)s to %(end)s by the meeting “%(other)s” (%(department)s).") % {
        "room": clash.venue_room,
        "start": date_format(timezone.localtime(clash.start_at), "Y-m-d H:i"),
        "end": date_format(timezone.localtime(clash.end_at), "Y-m-d H:i"),
        "other": clash.title,
        "department": clash.host_department,
    }


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


# ---- attendance: lateness and protocol seating ----

DEFAULT_LATE_GRACE_MINUTES = 5


def late_grace():
    """Minutes after the start an attendee still counts as on time (setting MEETINGS_LATE_GRACE_MINUTES)."""
    return datetime.timedelta(minutes=getattr(settings, "MEETINGS_LATE_GRACE_MINUTES", DEFAULT_LATE_GRACE_MINUTES))


def is_late(*, meeting, at):
    """Late means signed in after start + grace; exactly at the limit is still on time."""
    return at > meeting.start_at + late_grace()


def already_signed_in_message(attendee):
    return _("%(name)s already signed in at %(when)s.") % {
        "name": attendee.name,
        "when": date_format(timezone.localtime(attendee.signed_in_at), "SHORT_DATETIME_FORMAT"),
    }


def _name_key(name):
    return "".join(unicodedata.normalize("NFKC", name or "").split())


def same_person(a, b):
    """Two attendee entries (objects with name, department_id, organisation, title) are the same person:
    the same name in the same unit (department, or organisation for outside guests), unless both give
    a position and the positions differ (two people of one name in one unit are told apart so)."""
    if _name_key(a.name) != _name_key(b.name):
        return False
    if a.department_id != b.department_id:
        return False
    if a.department_id is None and _name_key(a.organisation) != _name_key(b.organisation):
        return False
    return not (a.title and b.title and _name_key(a.title) != _name_key(b.title))


def duplicate_attendee_error(other):
    return ValidationError(
        {
            "name": ValidationError(
                _(
                    "%(name)s (%(unit)s) is already on the list of this meeting. Two people of the same name in one "
                    "unit are told apart by their positions."
                )
                % {"name": other.name, "unit": other.unit_label or "—"},
                code="duplicate_attendee",
            )
        }
    )


def protocol_seat_order(seats_per_row):
    """Seat numbers of one row in the order they are filled.

    Seats are numbered 1…n from left to right as the attendees sit (facing the front). The most
    senior sits in the centre; then the next ones alternate left and right of them, left first
    (以左为尊, the rule of Party and government meetings). With an even number of seats the two
    middle seats come first, the left one before the right one. In one sentence: seats by distance
    from the centre of the row, the left seat first when two are equally far.
    """
    centre = (seats_per_row + 1) / 2
    return sorted(range(1, seats_per_row + 1), key=lambda seat: (abs(seat - centre), seat))


def protocol_seats(rows, seats_per_row):
    """[(row, seat)] in protocol order: the front row first, each row from its centre outwards."""
    order = protocol_seat_order(seats_per_row)
    return [(row, seat) for row in range(1, rows + 1) for seat in order]


# ---- official receptions ----

# The escort rule for official meals (陪餐): up to 10 guests, at most 3 escorts; above 10 guests, at
# most one third of the guests — rounded down, i.e. 3 × escorts ≤ guests (11 guests → 3, 12 → 4).
# The database holds it too (meetings.models.reception.escort_rule_condition).
ESCORT_RULE_GUEST_THRESHOLD = 10
ESCORT_RULE_SMALL_MAX = 3

RECEPTION_EDITABLE_STATUSES = (R.DRAFT, R.SUBMITTED)
PEOPLE_EDITABLE_STATUSES = (R.DRAFT, R.SUBMITTED, R.APPROVED)
MEALS_EDITABLE_STATUSES = (R.DRAFT, R.SUBMITTED, R.APPROVED, R.DONE)
# A letter backing a reception in one of these can't be voided.
LETTER_IN_USE_STATUSES = (R.SUBMITTED, R.APPROVED, R.DONE, R.SETTLED)


def max_escorts(guests):
    """The most escorts allowed at a meal for `guests` guests."""
    guests = guests or 0
    if guests <= ESCORT_RULE_GUEST_THRESHOLD:
        return ESCORT_RULE_SMALL_MAX
    return guests // 3


# The checks below are used by the services and the forms alike, so the page and the service say the same thing.


def check_letter(letter, *, field="letter"):
    """No official letter, no reception: the letter must exist and not be voided."""
    if letter is None:
        raise ValidationError(
            {
                field: ValidationError(
                    _("No official letter, no reception: register the official letter (公函) first and choose it."),
                    code="letter_required",
                )
            }
        )
    if letter.is_voided:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Official letter %(letter)s is voided; a reception needs a valid official letter.")
                    % {"letter": letter},
                    code="letter_voided",
                )
            }
        )


def _unit_key(name):
    """A unit's name compared loosely: full- and half-width forms alike, no spaces."""
    return "".join(unicodedata.normalize("NFKC", name or "").split())


def letter_sender_matches(letter, visiting_unit):
    """The visiting unit is the letter's sender, or a group of it named after it (怀化市教育局 → 怀化市教育局考察组)."""
    sender, visitor = _unit_key(letter.sending_unit), _unit_key(visiting_unit)
    return bool(sender) and visitor.startswith(sender)


def check_letter_backs(reception, *, check_other_receptions=True):
    """One letter, one reception: the letter comes from the visiting unit and is addressed to the host
    department (or the reception records why it still applies), and it backs no other live reception
    unless it is marked as backing several."""
    letter = reception.letter
    errors = {}
    exception = (reception.letter_exception or "").strip()
    if not exception:
        if reception.visiting_unit and not letter_sender_matches(letter, reception.visiting_unit):
            errors["visiting_unit"] = ValidationError(
                _(
                    "The official letter %(letter)s is from %(sender)s, not from the visiting unit; a letter backs "
                    "a visit of its own sender. Choose that unit's letter, or record why this letter still applies."
                )
                % {"letter": letter.number, "sender": letter.sending_unit},
                code="letter_sender",
            )
        if reception.host_department_id and letter.receiving_department_id != reception.host_department_id:
            errors["host_department"] = ValidationError(
                _(
                    "The official letter %(letter)s is addressed to %(addressee)s, not to the host department; "
                    "choose a letter addressed to the host, or record why this letter still applies."
                )
                % {"letter": letter.number, "addressee": letter.receiving_department},
                code="letter_addressee",
            )
    if check_other_receptions and not letter.for_several_receptions:
        other = letter.receptions.exclude(status=R.CANCELLED).exclude(pk=reception.pk).first()
        if other is not None:
            errors["letter"] = ValidationError(
                _(
                    "The official letter %(letter)s already backs the reception “%(other)s” (%(status)s); a letter "
                    "backs one reception unless it is registered as backing several."
                )
                % {"letter": letter, "other": other, "status": other.get_status_display()},
                code="letter_used",
            )
    if errors:
        raise ValidationError(errors)


def check_escort_rule(*, guests, escorts, field="escorts"):
    """At most 3 escorts for up to 10 guests; above 10 guests at most one third (rounded down)."""
    if guests is None or escorts is None:
        return
    allowed = max_escorts(guests)
    if escorts > allowed:
        raise ValidationError(
            {
                field: ValidationError(
                    _(
                        "Escort rule: at most 3 escorts for up to 10 guests, otherwise at most one third of the "
                        "guests (rounded down). %(guests)s guests allow at most %(allowed)s escorts, not %(escorts)s."
                    )
                    % {"guests": guests, "allowed": allowed, "escorts": escorts},
                    code="escort_rule",
                )
            }
        )


def check_dates(*, arrival_date, departure_date):
    if arrival_date and departure_date and departure_date < arrival_date:
        raise ValidationError(
            {
                "departure_date": ValidationError(
                    _("The departure date cannot be before the arrival date."), code="dates"
                )
            }
        )


def check_meal(*, reception, date, guests, escorts, standard_per_person, amount):
    errors = {}
    try:
        check_escort_rule(guests=guests, escorts=escorts)
    except ValidationError as exc:
        errors.update(exc.error_dict)
    if guests is not None and reception.guest_count and guests > reception.guest_count:
        errors.setdefault("guests", []).append(
            ValidationError(
                _("A meal cannot have more guests (%(guests)s) than the reception has (%(count)s).")
                % {"guests": guests, "count": reception.guest_count},
                code="too_many_guests",
            )
        )
    if date and reception.arrival_date and not (reception.arrival_date <= date <= reception.departure_date):
        errors.setdefault("date", []).append(
            ValidationError(
                _("The meal must fall within the reception, %(start)s to %(end)s.")
                % {"start": reception.arrival_date, "end": reception.departure_date},
                code="outside_dates",
            )
        )
    if standard_per_person is not None and amount is not None and guests is not None:
        cap = to_yuan(standard_per_person * (guests + (escorts or 0)))
        if amount > cap:
            errors.setdefault("amount", []).append(
                ValidationError(
                    _("The amount cannot exceed the standard per person × everyone at the table (%(cap)s yuan).")
                    % {"cap": cap},
                    code="over_standard",
                )
            )
    if errors:
        raise ValidationError(errors)


def check_guest_count(*, guest_count, named, largest_meal):
    """The number of guests may not drop below the guests already named, nor below a meal's guests."""
    if named > guest_count:
        raise ValidationError(
            {
                "guest_count": ValidationError(
                    _("%(named)s guests are already named on this reception; it cannot have fewer.") % {"named": named},
                    code="too_few_guests",
                )
            }
        )
    if largest_meal > guest_count:
        raise ValidationError(
            {
                "guest_count": ValidationError(
                    _("A meal cannot have more guests (%(guests)s) than the reception has (%(count)s).")
                    % {"guests": largest_meal, "count": guest_count},
                    code="too_few_guests",
                )
            }
        )


def _check_reception_status(reception, allowed, message):
    if reception.status not in allowed:
        raise ValidationError(message % {"status": reception.get_status_display()}, code="status")


def check_people_editable(reception):
    _check_reception_status(
        reception,
        PEOPLE_EDITABLE_STATUSES,
        _("Guests, escorts and the tour plan can be changed only until the reception is approved; it is %(status)s."),
    )


def check_meals_editable(reception):
    _check_reception_status(
        reception,
        MEALS_EDITABLE_STATUSES,
        _("Meals can be recorded only until the reception is done; it is %(status)s."),
    )


def check_named_guests(*, reception, named):
    if named > reception.guest_count:
        raise ValidationError(
            _("%(named)s guests are named but the reception has %(count)s; raise the number of guests first.")
            % {"named": named, "count": reception.guest_count},
            code="too_many_guests",
        )
