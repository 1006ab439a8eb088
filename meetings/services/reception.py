"""Writes for official receptions 公务接待 (keyword-only, atomic, recording who did it).

The pages, the admin, the demo and any future API write through here, so they refuse the same
things with the same message: the checks (no official letter, no reception; the escort rule for
meals) are meetings.rules, the allowed status moves the transition table below.
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
from meetings.models.reception import OfficialLetter, Reception, ReceptionMeal
from meetings.rules import (
    LETTER_IN_USE_STATUSES,
    RECEPTION_EDITABLE_STATUSES,
    check_dates,
    check_guest_count,
    check_letter,
    check_letter_backs,
    check_meal,
    check_meals_editable,
    check_named_guests,
    check_people_editable,
)

S = ReceptionStatus

RECEPTION_FIELDS = (
    "host_department",
    "visiting_unit",
    "letter_exception",
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


def _lock_letter(letter):
    """The letter's row, locked: two receptions taking the same letter at once are told one after the other."""
    return OfficialLetter.objects.select_for_update().get(pk=letter.pk)


@transaction.atomic
def reception_create(*, actor, letter, **fields):
    check_letter(letter)
    letter = _lock_letter(letter)
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
        reception.letter = _lock_letter(letter)
    for name, value in fields.items():
        if name not in RECEPTION_FIELDS:
            raise TypeError(f"reception_update does not change {name}")
        setattr(reception, name, value)
    check_dates(arrival_date=reception.arrival_date, departure_date=reception.departure_date)
    check_guest_count(
        guest_count=reception.guest_count,
        named=reception.guests.count(),
        largest_meal=max(reception.meals.values_list("guests", flat=True), default=0),
    )
    reception.full_clean()
    return audited_save(obj=reception, actor=actor)


def _check_submittable(reception, **_kwargs):
    check_letter(reception.letter)
    check_letter_backs(reception)
    if not reception.guests.exists():
        raise ValidationError(_("List at least one guest by name before submitting the reception."), code="no_guests")


def _check_approvable(reception, **_kwargs):
    check_letter(reception.letter)
    check_letter_backs(reception)


def _check_completable(reception, **_kwargs):
    """Done is recorded once the guests have come: not before their arrival date."""
    if timezone.localdate() < reception.arrival_date:
        raise ValidationError(
            _("The reception can be marked done from the guests' arrival on %(date)s, not before.")
            % {"date": reception.arrival_date.isoformat()},
            code="not_arrived",
        )


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
    """draft → submitted → approved → done → settled; cancelled (with a reason) until approved; a
    submitted reception can be returned to draft by the approver with a comment (退回)."""

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
        Move(
            "send_back",
            {S.SUBMITTED},
            S.DRAFT,
            "meetings.approve_reception",
            _("Return with a comment (退回)"),
            reason=REQUIRED,
            reason_message=_("Say why the reception is returned and what to change."),
            css="btn-outline-danger",
        ),
        Move(
            "complete",
            {S.APPROVED},
            S.DONE,
            "meetings.change_reception",
            _("Mark as done"),
            check=_check_completable,
        ),
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


def reception_send_back(*, reception, actor, reason):
    """The leader returns a submitted reception to the meeting centre with a comment (退回): a draft again."""
    return transition(obj=reception, move="send_back", actor=actor, reason=reason)


def reception_complete(*, reception, actor):
    return transition(obj=reception, move="complete", actor=actor)


def reception_settle(*, reception, actor):
    return transition(obj=reception, move="settle", actor=actor)


def reception_cancel(*, reception, actor, reason):
    return transition(obj=reception, move="cancel", actor=actor, reason=reason)


# --- guests, escorts, meals, tour stops (saved as formsets) ---


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
