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
from bureau.services import audited_delete, audited_save, record_void
from bureau.workflow import REQUIRED, Move, Workflow, transition
from meetings.choices import ReceptionStatus
from meetings.models.reception import Reception, ReceptionMeal, max_escorts
from meetings.rules import (
    LETTER_IN_USE_STATUSES,
    MEALS_EDITABLE_STATUSES,
    PEOPLE_EDITABLE_STATUSES,
    RECEPTION_EDITABLE_STATUSES,
)

S = ReceptionStatus

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
    live = letter.receptions.filter(status__in=LETTER_IN_USE_STATUSES)
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
    return audited_save(obj=reception, actor=actor)


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
    return audited_save(obj=reception, actor=actor)


def _check_submittable(reception, **_kwargs):
    check_letter(reception.letter)
    if not reception.guests.exists():
        raise ValidationError(_("List at least one guest by name before submitting the reception."), code="no_guests")


def _check_approvable(reception, **_kwargs):
    check_letter(reception.letter)


def _apply_approval(reception, *, actor, **_kwargs):
    reception.approved_by = actor
    reception.approved_at = timezone.now()
    return ("approved_by", "approved_at")


def _apply_settlement(reception, **_kwargs):
    reception.settled_at = timezone.now()
    return ("settled_at",)


def _apply_cancellation(reception, *, reason, **_kwargs):
    reception.cancel_reason = reason[:500]
    return ("cancel_reason",)


class ReceptionWorkflow(Workflow):
    """draft → submitted → approved → done → settled; cancelled (with a reason) until approved."""

    model = Reception
    select_related = ("letter",)
    moves = (
        Move(
            "submit",
            {S.DRAFT},
            S.SUBMITTED,
            "meetings.change_reception",
            _("Submit for approval"),
            check=_check_submittable,
        ),
        Move(
            "approve",
            {S.SUBMITTED},
            S.APPROVED,
            "meetings.approve_reception",
            _("Approve"),
            check=_check_approvable,
            apply=_apply_approval,
            css="btn-success",
        ),
        Move("complete", {S.APPROVED}, S.DONE, "meetings.change_reception", _("Mark as done")),
        Move(
            "settle",
            {S.DONE},
            S.SETTLED,
            "meetings.settle_reception",
            _("Settle"),
            apply=_apply_settlement,
            css="btn-success",
        ),
        Move(
            "cancel",
            {S.DRAFT, S.SUBMITTED, S.APPROVED},
            S.CANCELLED,
            "meetings.cancel_reception",
            _("Cancel the reception"),
            reason=REQUIRED,
            reason_message=_("Say why the reception is cancelled."),
            apply=_apply_cancellation,
            css="btn-outline-danger",
        ),
    )


def reception_submit(*, reception, actor):
    return transition(obj=reception, move="submit", actor=actor)


def reception_approve(*, reception, actor):
    return transition(obj=reception, move="approve", actor=actor)


def reception_complete(*, reception, actor):
    return transition(obj=reception, move="complete", actor=actor)


def reception_settle(*, reception, actor):
    return transition(obj=reception, move="settle", actor=actor)


def reception_cancel(*, reception, actor, reason):
    return transition(obj=reception, move="cancel", actor=actor, reason=reason)


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
        audited_delete(obj=row, actor=actor)
    for row in saved:
        audited_save(obj=row, actor=actor)
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
    return audited_save(obj=meal, actor=actor)
