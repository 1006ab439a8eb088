"""Writes for official receptions 公务接待 (keyword-only, atomic, recording who did it).

The rules live here so that pages, the admin, the demo and any future API refuse the same things
with the same message: no official letter, no reception; the escort rule for meals; the allowed
status moves.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.money import to_yuan
from bureau.services import record_void
from meetings.choices import (
    MEALS_EDITABLE_STATUSES,
    PEOPLE_EDITABLE_STATUSES,
    RECEPTION_EDITABLE_STATUSES,
    ReceptionStatus,
)
from meetings.models.reception import Reception, ReceptionMeal, max_escorts

S = ReceptionStatus

# The allowed moves: {target: statuses it may come from}.
TRANSITIONS = {
    S.SUBMITTED: (S.DRAFT,),
    S.APPROVED: (S.SUBMITTED,),
    S.DONE: (S.APPROVED,),
    S.SETTLED: (S.DONE,),
    S.CANCELLED: (S.DRAFT, S.SUBMITTED, S.APPROVED),
}

RECEPTION_FIELDS = (
    "host_department",
    "visiting_unit",
    "purpose",
    "arrival_date",
    "departure_date",
    "guest_count",
    "lodging",
    "lodging_amount",
    "transport_amount",
    "other_amount",
    "contact_name",
    "contact_phone",
    "notes",
)


# --- checks (also used by the forms, so the page and the service say the same thing) ---


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


def check_guest_count(reception):
    """The number of guests may not drop below the guests already named, nor below a meal's guests."""
    named = reception.guests.count()
    if named > reception.guest_count:
        raise ValidationError(
            {
                "guest_count": ValidationError(
                    _("%(named)s guests are already named on this reception; it cannot have fewer.") % {"named": named},
                    code="too_few_guests",
                )
            }
        )
    largest_meal = max(reception.meals.values_list("guests", flat=True), default=0)
    if largest_meal > reception.guest_count:
        raise ValidationError(
            {
                "guest_count": ValidationError(
                    _("A meal cannot have more guests (%(guests)s) than the reception has (%(count)s).")
                    % {"guests": largest_meal, "count": reception.guest_count},
                    code="too_few_guests",
                )
            }
        )


def _check_status(reception, allowed, message):
    if reception.status not in allowed:
        raise ValidationError(message % {"status": reception.get_status_display()}, code="status")


# --- letters ---


@transaction.atomic
def letter_void(*, letter, actor, reason):
    live = letter.receptions.exclude(status=S.CANCELLED).exclude(status=S.DRAFT)
    if live.exists():
        raise ValidationError(
            _("This official letter backs a reception under way; cancel that reception before voiding the letter."),
            code="letter_in_use",
        )
    return record_void(obj=letter, actor=actor, reason=reason)


# --- receptions ---


@transaction.atomic
def reception_create(*, actor, letter, **fields):
    check_letter(letter)
    check_dates(arrival_date=fields.get("arrival_date"), departure_date=fields.get("departure_date"))
    reception = Reception(letter=letter, created_by=actor, **fields)
    reception.full_clean()
    reception._history_user = actor
    reception.save()
    return reception


@transaction.atomic
def reception_update(*, reception, actor, letter=None, **fields):
    reception = Reception.objects.select_for_update().get(pk=reception.pk)
    _check_status(
        reception,
        RECEPTION_EDITABLE_STATUSES,
        _("A reception can be edited only while draft or submitted; this one is %(status)s."),
    )
    if letter is not None:
        check_letter(letter)
        reception.letter = letter
    for name, value in fields.items():
        if name not in RECEPTION_FIELDS:
            raise TypeError(f"reception_update does not change {name}")
        setattr(reception, name, value)
    check_dates(arrival_date=reception.arrival_date, departure_date=reception.departure_date)
    check_guest_count(reception)
    reception.full_clean()
    reception._history_user = actor
    reception.save()
    return reception


def _move(reception, target, *, actor, reason=""):
    """Lock the row, check the move is allowed from the current status, and apply it."""
    locked = Reception.objects.select_for_update().select_related("letter").get(pk=reception.pk)
    if locked.status not in TRANSITIONS[target]:
        raise ValidationError(
            _("A reception that is %(status)s cannot be moved to %(target)s.")
            % {"status": locked.get_status_display(), "target": S(target).label},
            code="transition",
        )
    locked.status = target
    locked._history_user = actor
    locked._change_reason = reason or str(S(target).label)
    return locked


@transaction.atomic
def reception_submit(*, reception, actor):
    locked = _move(reception, S.SUBMITTED, actor=actor)
    check_letter(locked.letter)
    if not locked.guests.exists():
        raise ValidationError(_("List at least one guest by name before submitting the reception."), code="no_guests")
    locked.save()
    return locked


@transaction.atomic
def reception_approve(*, reception, actor):
    locked = _move(reception, S.APPROVED, actor=actor)
    check_letter(locked.letter)
    locked.approved_by = actor
    locked.approved_at = timezone.now()
    locked.save()
    return locked


@transaction.atomic
def reception_complete(*, reception, actor):
    locked = _move(reception, S.DONE, actor=actor)
    locked.save()
    return locked


@transaction.atomic
def reception_settle(*, reception, actor):
    locked = _move(reception, S.SETTLED, actor=actor)
    locked.settled_at = timezone.now()
    locked.save()
    return locked


@transaction.atomic
def reception_cancel(*, reception, actor, reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": ValidationError(_("Say why the reception is cancelled."), code="reason_required")}
        )
    locked = _move(reception, S.CANCELLED, actor=actor, reason=reason)
    locked.cancel_reason = reason[:500]
    locked.save()
    return locked


# --- guests, escorts, meals, tour stops (saved as formsets) ---


def check_people_editable(reception):
    _check_status(
        reception,
        PEOPLE_EDITABLE_STATUSES,
        _("Guests, escorts and the tour plan can be changed only until the reception is approved; it is %(status)s."),
    )


def check_meals_editable(reception):
    _check_status(
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


def _save_rows(formset, actor):
    """Save a formset's rows (and delete the ones marked), each history row naming the actor."""
    saved = formset.save(commit=False)
    for row in formset.deleted_objects:
        row._history_user = actor
        row.delete()
    for row in saved:
        row._history_user = actor
        row.save()
    return saved


@transaction.atomic
def reception_save_people(*, reception, formset, actor):
    """Save a guests / escorts / tour-stop formset after the status check, all or nothing."""
    reception = Reception.objects.select_for_update().get(pk=reception.pk)
    check_people_editable(reception)
    saved = _save_rows(formset, actor)
    check_named_guests(reception=reception, named=reception.guests.count())
    return saved


@transaction.atomic
def reception_save_meals(*, reception, formset, actor):
    """Save a meals formset (each form already checked the escort rule) after the status check."""
    reception = Reception.objects.select_for_update().get(pk=reception.pk)
    check_meals_editable(reception)
    return _save_rows(formset, actor)


@transaction.atomic
def meal_record(*, reception, actor, date, kind, guests, escorts, standard_per_person, amount=None, place=""):
    """Record one meal (used by the demo and the tests; pages use the formset)."""
    check_meals_editable(reception)
    if amount is None:
        amount = to_yuan(Decimal(standard_per_person) * (guests + escorts))
    check_meal(
        reception=reception,
        date=date,
        guests=guests,
        escorts=escorts,
        standard_per_person=standard_per_person,
        amount=amount,
    )
    meal = ReceptionMeal(
        reception=reception,
        date=date,
        kind=kind,
        place=place,
        guests=guests,
        escorts=escorts,
        standard_per_person=standard_per_person,
        amount=amount,
    )
    meal.full_clean()
    meal._history_user = actor
    meal.save()
    return meal
