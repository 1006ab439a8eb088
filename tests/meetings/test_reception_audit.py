"""Every reception write records who did it in the history, also outside a web request (a task, the
demo, a shell): the services pass the actor, not only the request middleware."""

import datetime
from decimal import Decimal

import pytest

from bureau.roles import Role
from meetings.choices import MealKind, ReceptionStatus
from meetings.forms.reception import GuestFormSet
from meetings.services import reception as services
from tests.helpers import error_codes, formset_data
from tests.meetings.factories import OfficialLetterFactory, ReceptionFactory, ReceptionGuestFactory

pytestmark = pytest.mark.django_db


def _last_history_user(obj):
    return obj.history.order_by("-history_id").first().history_user


def test_reception_create_update_and_moves_record_the_actor(world):
    centre, leader = world.users[Role.MEETING_CENTRE], world.users[Role.LEADERSHIP]
    letter = OfficialLetterFactory(receiving_department=world.own)
    reception = services.reception_create(
        actor=centre,
        letter=letter,
        host_department=world.own,
        visiting_unit="怀化市教育局",
        purpose="调研",
        arrival_date=datetime.date(2026, 6, 1),
        departure_date=datetime.date(2026, 6, 2),
        guest_count=4,
    )
    assert _last_history_user(reception) == centre
    services.reception_update(reception=reception, actor=centre, visiting_unit="怀化市教育局调研组")
    assert _last_history_user(reception) == centre
    ReceptionGuestFactory(reception=reception)
    services.reception_submit(reception=reception, actor=centre)
    services.reception_approve(reception=reception, actor=leader)
    reception.refresh_from_db()
    assert reception.status == ReceptionStatus.APPROVED
    assert _last_history_user(reception) == leader
    meal = services.meal_record(
        reception=reception,
        actor=centre,
        date=datetime.date(2026, 6, 1),
        kind=MealKind.WORKING_MEAL,
        guests=4,
        escorts=2,
        standard_per_person=Decimal("40.00"),
    )
    assert _last_history_user(meal) == centre


def test_reception_formset_rows_record_the_actor_also_when_deleted(world):
    centre = world.users[Role.MEETING_CENTRE]
    reception = ReceptionFactory(host_department=world.own, guest_count=3)
    kept = ReceptionGuestFactory(reception=reception, name="甲")
    dropped = ReceptionGuestFactory(reception=reception, name="乙")
    rows = [
        {"id": kept.pk, "protocol_order": 1, "name": "甲某", "title": "", "unit": "", "phone": ""},
        {"id": dropped.pk, "protocol_order": 2, "name": "乙", "title": "", "unit": "", "phone": "", "DELETE": "on"},
        {"protocol_order": 3, "name": "丙", "title": "", "unit": "", "phone": ""},
    ]
    formset = GuestFormSet(
        formset_data("guests", rows, initial=2),
        instance=reception,
        prefix="guests",
        form_kwargs={"reception": reception},
    )
    assert formset.is_valid(), formset.errors
    services.reception_save_people(reception=reception, formset=formset, actor=centre)
    assert sorted(reception.guests.values_list("name", flat=True)) == ["丙", "甲某"]
    assert _last_history_user(kept) == centre
    added = reception.guests.get(name="丙")
    assert _last_history_user(added) == centre
    deleted = type(kept).history.filter(id=dropped.pk, history_type="-").get()
    assert deleted.history_user == centre


def test_guest_count_cannot_drop_below_the_named_guests_or_a_meal(world):
    from django.core.exceptions import ValidationError

    from tests.meetings.factories import ReceptionMealFactory

    centre = world.users[Role.MEETING_CENTRE]
    reception = ReceptionFactory(host_department=world.own, guest_count=6)
    ReceptionGuestFactory.create_batch(3, reception=reception)
    ReceptionMealFactory(reception=reception, guests=5, escorts=2, amount=Decimal("280.00"))
    for count in (2, 4):  # under the named guests, then under the meal's guests
        with pytest.raises(ValidationError) as caught:
            services.reception_update(reception=reception, actor=centre, guest_count=count)
        assert error_codes(caught.value) == {"guest_count": ["too_few_guests"]}
    reception.refresh_from_db()
    assert reception.guest_count == 6
    services.reception_update(reception=reception, actor=centre, guest_count=5)
    reception.refresh_from_db()
    assert reception.guest_count == 5
