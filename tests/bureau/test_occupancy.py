"""One room, one department per day: the form explains the clash; the database refuses it anyway."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from bureau.models import RoomOccupancy
from bureau.roles import Role
from bureau.services import record_void
from tests.factories import DepartmentFactory, RoomFactory, RoomOccupancyFactory

D = datetime.date


@pytest.fixture
def occupied(world):
    """Room 2-05 occupied by 财政局 for the first quarter of 2025."""
    finance = DepartmentFactory(code="CZJ", name="财政局")
    room = RoomFactory(number="205")
    occupancy = RoomOccupancyFactory(room=room, department=finance, start_date=D(2025, 1, 1), end_date=D(2025, 3, 31))
    return occupancy


def _post(client, occupancy, department, start, end="", note="二季度借用"):
    data = {
        "room": occupancy.room.pk,
        "department": department.pk,
        "start_date": start,
        "end_date": end,
        "note": note,
    }
    return client.post(reverse("bureau:roomoccupancy_add"), data)


def test_clash_form_names_department_and_dates_and_keeps_input(world, campus, occupied):
    response = _post(campus, occupied, world.own, "2025-03-15", "2025-06-30")

    assert response.status_code == 200
    errors = response.context["form"].errors["start_date"]
    assert len(errors) == 1
    message = errors[0]
    assert "财政局" in message and "2025-01-01" in message and "2025-03-31" in message
    assert "已由" in message  # Chinese, not the English msgid
    html = response.content.decode()
    assert message in html
    # What the user typed is still in the form.
    assert 'value="2025-03-15"' in html and 'value="2025-06-30"' in html and "二季度借用" in html
    assert RoomOccupancy.objects.count() == 1


def test_clash_with_open_ended_occupancy(world, campus):
    occupancy = RoomOccupancyFactory(department=world.other, start_date=D(2025, 1, 1), end_date=None)
    response = _post(campus, occupancy, world.own, "2030-01-01")
    message = response.context["form"].errors["start_date"][0]
    assert world.other.name in message and "2025-01-01" in message and "不限期" in message
    assert RoomOccupancy.objects.count() == 1


def test_adjacent_period_is_accepted_by_form(world, campus, occupied):
    response = _post(campus, occupied, world.own, "2025-04-01", "2025-06-30")
    assert response.status_code == 302
    created = RoomOccupancy.objects.get(department=world.own)
    assert (created.start_date, created.end_date) == (D(2025, 4, 1), D(2025, 6, 30))


def test_voided_occupancy_does_not_clash(world, campus, occupied):
    record_void(obj=occupied, actor=world.users[Role.ADMIN_CENTRE], reason="登记错误")
    response = _post(campus, occupied, world.own, "2025-02-01", "2025-02-28")
    assert response.status_code == 302
    assert RoomOccupancy.objects.filter(department=world.own).count() == 1


@pytest.mark.django_db
def test_database_refuses_overlap_written_around_the_form(occupied):
    other = DepartmentFactory(code="JYJ", name="教育局")
    with pytest.raises(IntegrityError), transaction.atomic():
        RoomOccupancy.objects.create(
            room=occupied.room, department=other, start_date=D(2025, 3, 31), end_date=D(2025, 4, 30)
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        RoomOccupancy.objects.create(room=occupied.room, department=other, start_date=D(2024, 6, 1), end_date=None)
    assert RoomOccupancy.objects.count() == 1


@pytest.mark.django_db
def test_database_refuses_an_update_that_creates_overlap(occupied):
    other = DepartmentFactory(code="JYJ", name="教育局")
    later = RoomOccupancy.objects.create(
        room=occupied.room, department=other, start_date=D(2025, 4, 1), end_date=D(2025, 6, 30)
    )
    later.start_date = D(2025, 3, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        later.save()
    later.refresh_from_db()
    assert later.start_date == D(2025, 4, 1)


@pytest.mark.django_db
def test_database_accepts_adjacent_and_voided_rows(occupied):
    other = DepartmentFactory(code="JYJ", name="教育局")
    RoomOccupancy.objects.create(room=occupied.room, department=other, start_date=D(2025, 4, 1))
    occupied.voided_at = datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC)
    occupied.save()
    # A voided row is out of the way: a new live row may cover its days.
    RoomOccupancy.objects.create(
        room=occupied.room, department=other, start_date=D(2025, 1, 1), end_date=D(2025, 3, 31)
    )
    assert RoomOccupancy.objects.filter(voided_at=None).count() == 2
    # …but reviving the voided row would clash again.
    occupied.voided_at = None
    with pytest.raises(IntegrityError), transaction.atomic():
        occupied.save()


@pytest.mark.django_db
def test_same_days_in_another_room_are_fine(occupied):
    RoomOccupancy.objects.create(
        room=RoomFactory(), department=occupied.department, start_date=D(2025, 1, 1), end_date=D(2025, 3, 31)
    )
    assert RoomOccupancy.objects.count() == 2
