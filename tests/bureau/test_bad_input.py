"""Bad input: a Chinese message on the field, what was typed kept, nothing saved."""

import pytest
from django.urls import reverse

from bureau.models import Building, Department, Room, RoomOccupancy
from bureau.roles import Role
from tests.factories import BuildingFactory, DepartmentFactory
from tests.helpers import field_error


def test_duplicate_department_code(campus):
    DepartmentFactory(code="ZF-CZJ", name="中方县财政局")
    before = Department.objects.count()
    response = campus.post(
        reverse("bureau:department_add"),
        {"name": "另一个财政局", "short_name": "财政", "code": "ZF-CZJ", "kind": "gov_department", "sort_order": 10},
    )
    assert field_error(response, "code") == "该编码的单位已存在。"
    assert "另一个财政局" in response.content.decode()
    assert Department.objects.count() == before


def test_duplicate_building_code(campus):
    BuildingFactory(code="XZZX-A")
    response = campus.post(reverse("bureau:building_add"), {"name": "新楼", "code": "XZZX-A", "floors": 3})
    assert field_error(response, "code") == "该编码的楼宇已存在。"
    assert Building.objects.count() == 1


def _room_data(building_pk, **overrides):
    data = {"building": building_pk, "floor": 3, "number": "301", "name": "档案室", "use": "office", "area": "24.5"}
    data.update(overrides)
    return data


@pytest.mark.parametrize("area", ["0", "-12.5"])
def test_room_area_must_be_positive(campus, area):
    building = BuildingFactory()
    response = campus.post(reverse("bureau:room_add"), _room_data(building.pk, area=area))
    assert field_error(response, "area") == "面积必须大于零。"
    html = response.content.decode()
    assert "档案室" in html and f'value="{area}"' in html
    assert not Room.objects.exists()


def test_room_in_a_building_that_does_not_exist(campus):
    response = campus.post(reverse("bureau:room_add"), _room_data(987654))
    message = field_error(response, "building")
    assert "不在您可选的范围内" in message  # the picker says it is not among the choices
    assert "档案室" in response.content.decode()
    assert not Room.objects.exists()


def test_duplicate_room_number_in_building(campus):
    building = BuildingFactory()
    campus.post(reverse("bureau:room_add"), _room_data(building.pk))
    response = campus.post(reverse("bureau:room_add"), _room_data(building.pk, name="第二间"))
    assert response.status_code == 200
    assert "该楼宇已有此房间号。" in response.content.decode()
    assert Room.objects.count() == 1


def test_meeting_room_needs_capacity(campus):
    building = BuildingFactory()
    response = campus.post(reverse("bureau:room_add"), _room_data(building.pk, use="meeting_room"))
    assert field_error(response, "capacity") == "会议室须填写座位数。"
    assert not Room.objects.exists()


def test_occupancy_end_before_start(world, campus):
    building = BuildingFactory()
    campus.post(reverse("bureau:room_add"), _room_data(building.pk))
    room = Room.objects.get()
    response = campus.post(
        reverse("bureau:roomoccupancy_add"),
        {"room": room.pk, "department": world.own.pk, "start_date": "2025-05-01", "end_date": "2025-04-30"},
    )
    assert field_error(response, "end_date") == "截止日期不能早于起始日期。"
    html = response.content.decode()
    assert 'value="2025-05-01"' in html and 'value="2025-04-30"' in html
    assert not RoomOccupancy.objects.exists()


def test_edit_with_bad_input_changes_nothing(campus):
    building = BuildingFactory()
    campus.post(reverse("bureau:room_add"), _room_data(building.pk))
    room = Room.objects.get()
    history_rows = room.history.count()
    response = campus.post(reverse("bureau:room_edit", args=[room.pk]), _room_data(building.pk, name="改名", area="0"))
    field_error(response, "area")
    room.refresh_from_db()
    assert (room.name, str(room.area)) == ("档案室", "24.50")
    assert room.history.count() == history_rows


def test_people_are_chosen_by_name_not_by_login(world):
    from bureau.forms import StaffProfileForm
    from bureau.models import person_name

    labels = [label for _value, label in StaffProfileForm().fields["user"].choices]
    staff = world.users[Role.EMPLOYEES]
    assert person_name(staff) in labels and staff.username not in labels
