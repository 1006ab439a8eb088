"""The reception rules: no 公函 no reception, the escort rule, the allowed status moves — in the
service, on the page and in the database."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from bureau.roles import Role
from bureau.services import record_void
from meetings.choices import MealKind, ReceptionStatus
from meetings.models.reception import Reception, ReceptionMeal
from meetings.rules import max_escorts
from meetings.services import reception as services
from tests.helpers import error_codes, formset_data
from tests.meetings.factories import (
    OfficialLetterFactory,
    ReceptionFactory,
    ReceptionGuestFactory,
    ReceptionMealFactory,
)

pytestmark = pytest.mark.django_db
S = ReceptionStatus


def _zh(msgid):
    with translation.override("zh-hans"):
        return translation.gettext(msgid)


def _reception_fields(department, **overrides):
    fields = {
        "host_department": department,
        "visiting_unit": "怀化市教育局考察组",  # the factory letter's sender
        "purpose": "调研",
        "arrival_date": datetime.date(2026, 6, 1),
        "departure_date": datetime.date(2026, 6, 2),
        "guest_count": 20,
    }
    fields.update(overrides)
    return fields


# --- the escort rule: ≤ 3 escorts for ≤ 10 guests, else ≤ one third of the guests (rounded down) ---

ESCORT_CASES = [
    # (guests, escorts, allowed)
    (10, 2, True),  # just under
    (10, 3, True),  # at
    (10, 4, False),  # just over
    (1, 3, True),
    (11, 3, True),  # one third of 11 is 3.67: rounded down to 3
    (11, 4, False),
    (12, 3, True),  # just under
    (12, 4, True),  # at
    (12, 5, False),  # just over
    (30, 10, True),
    (30, 11, False),
]


@pytest.mark.parametrize(("guests", "escorts", "allowed"), ESCORT_CASES)
def test_escort_rule_in_the_service(world, guests, escorts, allowed):
    reception = ReceptionFactory(host_department=world.own, guest_count=30)
    kwargs = {
        "reception": reception,
        "actor": world.users[Role.MEETING_CENTRE],
        "date": reception.arrival_date,
        "kind": MealKind.LUNCH,
        "guests": guests,
        "escorts": escorts,
        "standard_per_person": Decimal("40"),
    }
    if allowed:
        meal = services.meal_record(**kwargs)
        assert meal.amount == Decimal("40") * (guests + escorts)
    else:
        with pytest.raises(ValidationError) as exc:
            services.meal_record(**kwargs)
        assert error_codes(exc.value) == {"escorts": ["escort_rule"]}
        assert "Escort rule" in str(exc.value) or "陪" in str(exc.value)
        assert not ReceptionMeal.objects.exists()


@pytest.mark.parametrize(("guests", "escorts", "allowed"), ESCORT_CASES)
def test_escort_rule_in_the_database(world, guests, escorts, allowed):
    reception = ReceptionFactory(host_department=world.own, guest_count=30)
    meal = ReceptionMealFactory.build(
        reception=reception, guests=guests, escorts=escorts, standard_per_person=Decimal("10"), amount=Decimal("0")
    )
    if allowed:
        meal.save()
        assert meal.pk
    else:
        with pytest.raises(IntegrityError), transaction.atomic():
            meal.save()


def test_max_escorts_rounds_down():
    assert [max_escorts(n) for n in (0, 1, 10, 11, 12, 14, 15, 33)] == [3, 3, 3, 3, 4, 4, 5, 11]


def test_escort_rule_on_the_meals_page(world, client):
    reception = ReceptionFactory(host_department=world.own, guest_count=10, status=S.APPROVED)
    client.force_login(world.users[Role.MEETING_CENTRE])
    rows = [
        {
            "date": "2026-05-20",
            "kind": "lunch",
            "place": "",
            "guests": 10,
            "escorts": 4,
            "standard_per_person": "40",
            "amount": "",
        }
    ]
    response = client.post(reverse("meetings:reception_meals", args=[reception.pk]), formset_data("meals", rows))
    assert response.status_code == 200
    page = response.content.decode()
    message = _zh(
        "Escort rule: at most 3 escorts for up to 10 guests, otherwise at most one third of the guests "
        "(rounded down). %(guests)s guests allow at most %(allowed)s escorts, not %(escorts)s."
    )
    assert message % {"guests": 10, "allowed": 3, "escorts": 4} in page
    assert not reception.meals.exists()


def test_meal_amount_over_the_standard_is_refused(world):
    reception = ReceptionFactory(host_department=world.own, guest_count=6)
    with pytest.raises(ValidationError) as exc:
        services.meal_record(
            reception=reception,
            actor=None,
            date=reception.arrival_date,
            kind=MealKind.DINNER,
            guests=6,
            escorts=2,
            standard_per_person=Decimal("40"),
            amount=Decimal("320.01"),
        )
    assert error_codes(exc.value) == {"amount": ["over_standard"]}
    with pytest.raises(IntegrityError), transaction.atomic():
        ReceptionMealFactory(reception=reception, guests=6, escorts=2, standard_per_person=40, amount=Decimal("321"))


def test_meal_outside_the_dates_or_with_more_guests_than_the_reception_is_refused(world):
    reception = ReceptionFactory(host_department=world.own, guest_count=6)
    with pytest.raises(ValidationError) as exc:
        services.meal_record(
            reception=reception,
            actor=None,
            date=reception.departure_date + datetime.timedelta(days=1),
            kind=MealKind.LUNCH,
            guests=7,
            escorts=0,
            standard_per_person=Decimal("40"),
        )
    assert error_codes(exc.value) == {"date": ["outside_dates"], "guests": ["too_many_guests"]}


# --- no official letter, no reception ---


def test_a_reception_without_a_letter_is_refused_by_the_service(world):
    with pytest.raises(ValidationError) as exc:
        services.reception_create(actor=world.users[Role.MEETING_CENTRE], letter=None, **_reception_fields(world.own))
    assert error_codes(exc.value) == {"letter": ["letter_required"]}
    assert not Reception.objects.exists()


def test_a_reception_without_a_letter_is_refused_by_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Reception.objects.create(**_reception_fields(world.own))


def test_a_reception_without_a_letter_is_refused_on_the_page(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in _reception_fields(world.own).items()}
    data.update(lodging_amount="0", transport_amount="0", other_amount="0")
    response = client.post(reverse("meetings:reception_add"), data)
    assert response.status_code == 200
    assert _zh("No official letter, no reception: register the official letter (公函) first and choose it.") in (
        response.content.decode()
    )
    assert not Reception.objects.exists()


def test_a_voided_letter_backs_no_reception(world):
    letter = OfficialLetterFactory(receiving_department=world.own)
    record_void(obj=letter, actor=world.users[Role.MEETING_CENTRE], reason="重复登记")
    with pytest.raises(ValidationError) as exc:
        services.reception_create(actor=None, letter=letter, **_reception_fields(world.own))
    assert error_codes(exc.value) == {"letter": ["letter_voided"]}


def test_approval_is_refused_when_the_letter_was_voided_meanwhile(world):
    reception = ReceptionFactory(host_department=world.own, status=S.SUBMITTED)
    record_void(obj=reception.letter, actor=world.users[Role.MEETING_CENTRE], reason="来函撤回")
    with pytest.raises(ValidationError) as exc:
        services.reception_approve(reception=reception, actor=world.users[Role.LEADERSHIP])
    assert error_codes(exc.value) == {"letter": ["letter_voided"]}
    reception.refresh_from_db()
    assert reception.status == S.SUBMITTED


def test_a_letter_behind_a_live_reception_cannot_be_voided(world):
    reception = ReceptionFactory(host_department=world.own, status=S.APPROVED)
    with pytest.raises(ValidationError) as exc:
        services.letter_void(letter=reception.letter, actor=world.users[Role.MEETING_CENTRE], reason="x")
    assert error_codes(exc.value) == ["letter_in_use"]
    reception.letter.refresh_from_db()
    assert not reception.letter.is_voided


def test_letter_numbers_are_unique_per_sending_unit(world):
    OfficialLetterFactory(number="湘函〔2026〕1号", sending_unit="A单位", receiving_department=world.own)
    OfficialLetterFactory(number="湘函〔2026〕1号", sending_unit="B单位", receiving_department=world.own)
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficialLetterFactory(number="湘函〔2026〕1号", sending_unit="A单位", receiving_department=world.own)


def test_the_letter_is_protected_from_deletion(world):
    from django.db.models import ProtectedError

    reception = ReceptionFactory(host_department=world.own)
    with pytest.raises(ProtectedError):
        reception.letter.delete()


# --- status moves ---


@pytest.mark.parametrize(
    ("status", "service"),
    [
        (S.DRAFT, services.reception_approve),
        (S.DRAFT, services.reception_complete),
        (S.SUBMITTED, services.reception_submit),
        (S.SUBMITTED, services.reception_settle),
        (S.APPROVED, services.reception_settle),
        (S.DONE, services.reception_approve),
        (S.SETTLED, services.reception_complete),
        (S.CANCELLED, services.reception_submit),
    ],
)
def test_illegal_moves_are_refused(world, status, service):
    reception = ReceptionFactory(
        host_department=world.own, status=status, cancel_reason="取消" if status == S.CANCELLED else ""
    )
    ReceptionGuestFactory(reception=reception)
    with pytest.raises(ValidationError) as exc:
        service(reception=reception, actor=world.users[Role.MEETING_CENTRE])
    assert error_codes(exc.value) == ["illegal_move"]
    assert "cannot be moved" in str(exc.value) or "不能" in str(exc.value)
    reception.refresh_from_db()
    assert reception.status == status


@pytest.mark.parametrize("status", [S.DONE, S.SETTLED, S.CANCELLED])
def test_cancel_is_refused_late(world, status):
    reception = ReceptionFactory(
        host_department=world.own, status=status, cancel_reason="x" if status == S.CANCELLED else ""
    )
    with pytest.raises(ValidationError) as exc:
        services.reception_cancel(reception=reception, actor=None, reason="来访取消")
    assert error_codes(exc.value) == ["illegal_move"]


def test_cancel_needs_a_reason_and_keeps_the_record(world):
    reception = ReceptionFactory(host_department=world.own, status=S.APPROVED)
    with pytest.raises(ValidationError) as exc:
        services.reception_cancel(reception=reception, actor=None, reason="  ")
    assert error_codes(exc.value) == {"reason": ["reason_required"]}
    services.reception_cancel(reception=reception, actor=None, reason="对方行程调整，来访取消")
    reception.refresh_from_db()
    assert reception.status == S.CANCELLED
    assert reception.cancel_reason == "对方行程调整，来访取消"
    assert reception.history.first().history_change_reason == "对方行程调整，来访取消"
    with pytest.raises(IntegrityError), transaction.atomic():
        Reception.objects.filter(pk=reception.pk).update(cancel_reason="")


def test_submit_needs_named_guests(world):
    reception = ReceptionFactory(host_department=world.own)
    with pytest.raises(ValidationError) as exc:
        services.reception_submit(reception=reception, actor=None)
    assert error_codes(exc.value) == ["no_guests"]
    assert Reception.objects.get(pk=reception.pk).status == S.DRAFT


def test_an_approved_reception_can_no_longer_be_edited(world):
    reception = ReceptionFactory(host_department=world.own, status=S.APPROVED)
    with pytest.raises(ValidationError) as exc:
        services.reception_update(reception=reception, actor=None, guest_count=8)
    assert error_codes(exc.value) == ["status"]


def test_meals_are_closed_once_settled(world):
    reception = ReceptionFactory(host_department=world.own, status=S.SETTLED)
    with pytest.raises(ValidationError) as exc:
        services.meal_record(
            reception=reception,
            actor=None,
            date=reception.arrival_date,
            kind=MealKind.LUNCH,
            guests=2,
            escorts=1,
            standard_per_person=Decimal("40"),
        )
    assert error_codes(exc.value) == ["status"]


def test_departure_before_arrival_is_refused(world):
    letter = OfficialLetterFactory(receiving_department=world.own)
    with pytest.raises(ValidationError) as exc:
        services.reception_create(
            actor=None,
            letter=letter,
            **_reception_fields(world.own, departure_date=datetime.date(2026, 5, 31)),
        )
    assert error_codes(exc.value) == {"departure_date": ["dates"]}


def test_more_named_guests_than_the_count_is_refused_and_nothing_is_saved(world, client):
    reception = ReceptionFactory(host_department=world.own, guest_count=2)
    client.force_login(world.users[Role.MEETING_CENTRE])
    rows = [{"protocol_order": i, "name": f"客{i}", "title": "", "unit": "", "phone": ""} for i in range(1, 4)]
    response = client.post(reverse("meetings:reception_guests", args=[reception.pk]), formset_data("guests", rows))
    assert response.status_code == 200
    assert not reception.guests.exists()


def test_guest_edits_keep_history(world, client):
    reception = ReceptionFactory(host_department=world.own)
    client.force_login(world.users[Role.MEETING_CENTRE])
    rows = [{"protocol_order": 1, "name": "钱一", "title": "处长", "unit": "", "phone": ""}]
    client.post(reverse("meetings:reception_guests", args=[reception.pk]), formset_data("guests", rows))
    guest = reception.guests.get()
    assert guest.history.count() == 1
    assert guest.history.first().history_user == world.users[Role.MEETING_CENTRE]


def test_only_leadership_approves(world, client):
    reception = ReceptionFactory(host_department=world.own, status=S.SUBMITTED)
    for role in (Role.MEETING_CENTRE, Role.FINANCE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES):
        client.force_login(world.users[role])
        assert client.post(reverse("meetings:reception_approve", args=[reception.pk])).status_code == 403
    reception.refresh_from_db()
    assert reception.status == S.SUBMITTED


def test_department_users_see_only_their_departments_receptions(world, client):
    ReceptionFactory(host_department=world.own, visiting_unit="本单位接待")
    ReceptionFactory(host_department=world.other, visiting_unit="他单位接待")
    client.force_login(world.users[Role.EMPLOYEES])
    page = client.get(reverse("meetings:reception_list")).content.decode()
    assert "本单位接待" in page and "他单位接待" not in page
    client.force_login(world.users[Role.FINANCE])
    page = client.get(reverse("meetings:reception_list")).content.decode()
    assert "本单位接待" in page and "他单位接待" in page
