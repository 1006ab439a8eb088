"""Delete only what nothing refers to; otherwise a message and the record stays."""

from django.urls import reverse

from bureau.models import Building, Department, Room
from bureau.roles import Role
from tests.factories import BuildingFactory, DepartmentFactory, RoomFactory, RoomOccupancyFactory


def test_department_in_use_cannot_be_deleted(world, client):
    client.force_login(world.users[Role.ADMIN_CENTRE])
    department = DepartmentFactory(code="ZF-SJJ", name="审计局")
    RoomOccupancyFactory(department=department)
    response = client.post(reverse("bureau:department_delete", args=[department.pk]), follow=True)
    assert response.redirect_chain[-1][0] == department.get_absolute_url()
    html = response.content.decode()
    assert "“审计局”无法删除" in html and "房间使用" in html
    assert Department.objects.filter(pk=department.pk).exists()


def test_building_with_rooms_cannot_be_deleted(world, client):
    client.force_login(world.users[Role.ADMIN_CENTRE])
    room = RoomFactory()
    response = client.post(reverse("bureau:building_delete", args=[room.building.pk]), follow=True)
    assert "无法删除" in response.content.decode()
    assert Room.objects.filter(pk=room.pk).exists()


def test_unreferenced_building_is_deleted(world, client):
    client.force_login(world.users[Role.ADMIN_CENTRE])
    building = BuildingFactory(name="待拆除临时楼")
    confirm = client.get(reverse("bureau:building_delete", args=[building.pk]))
    assert "待拆除临时楼" in confirm.content.decode()
    response = client.post(reverse("bureau:building_delete", args=[building.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("bureau:building_list")
    assert "“待拆除临时楼”已删除。" in response.content.decode()
    assert not Building.objects.filter(pk=building.pk).exists()
    # The deletion itself is in the history table, with who did it.
    last = Building.history.filter(id=building.pk).latest("history_date")
    assert last.history_type == "-" and last.history_user == world.users[Role.ADMIN_CENTRE]


def test_unused_department_is_deleted(world, client):
    client.force_login(world.users[Role.ADMIN_CENTRE])
    department = DepartmentFactory(code="ZF-TMP", name="临时机构")
    client.post(reverse("bureau:department_delete", args=[department.pk]))
    assert not Department.objects.filter(pk=department.pk).exists()
