"""One way to save with the actor recorded: audited_save / model_update / record_void, and the
generic edit view's save hook; nothing outside bureau sets simple_history's history user by hand."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bureau.models import Building
from bureau.roles import Role
from bureau.services import audited_save, model_update, record_void
from tests.factories import BuildingFactory, RoomFactory, RoomOccupancyFactory

ROOT = Path(__file__).resolve().parents[2]


def test_audited_save_names_the_actor_and_the_reason_outside_a_request(world):
    campus, root = world.users[Role.ADMIN_CENTRE], world.users["superuser"]
    building = BuildingFactory()
    building.name = "行政中心1号楼"
    audited_save(obj=building, actor=campus, reason="更名")
    last = building.history.first()
    assert (last.name, last.history_user, last.history_change_reason) == ("行政中心1号楼", campus, "更名")
    building.floors = 9
    audited_save(obj=building, actor=root, update_fields=["floors"])
    last = building.history.first()
    assert (last.history_user, last.history_change_reason) == (root, None), "a reason is never carried over"
    audited_save(obj=building, actor=None)
    assert building.history.first().history_user is None, "no actor: not the previous save's actor"


def test_model_update_saves_only_what_changed_and_validates(world):
    campus = world.users[Role.ADMIN_CENTRE]
    room = RoomFactory(area=Decimal("24.00"))
    versions = room.history.count()
    room, changed = model_update(instance=room, fields=("name", "area"), data={"name": "", "area": 24}, actor=campus)
    assert changed == [] and room.history.count() == versions, "nothing changed, nothing saved"
    room, changed = model_update(instance=room, fields=("name", "area"), data={"name": "档案室"}, actor=campus)
    assert changed == ["name"] and room.history.first().history_user == campus
    with pytest.raises(ValidationError) as caught:
        model_update(instance=room, fields=("area",), data={"area": Decimal("0")}, actor=campus)
    assert "area" in caught.value.message_dict
    with pytest.raises(TypeError):
        model_update(instance=room, fields=("name",), data={"floor": 3}, actor=campus)


def test_record_void_names_who_voided(world):
    campus = world.users[Role.ADMIN_CENTRE]
    occupancy = RoomOccupancyFactory(start_date=datetime.date(2025, 1, 1))
    record_void(obj=occupancy, actor=campus, reason="登记错误")
    last = occupancy.history.first()
    assert last.voided_by == campus and last.history_user == campus
    assert last.history_change_reason == "登记错误"


def test_the_generic_edit_view_saves_through_the_audited_hook(world, client):
    campus = world.users[Role.ADMIN_CENTRE]
    client.force_login(campus)
    response = client.post(
        reverse("bureau:building_add"), {"name": "行政中心5号楼", "code": "B5", "address": "", "floors": 6}
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    building = Building.objects.get(code="B5")
    assert building.history.get().history_user == campus


def test_no_history_user_is_set_by_hand_outside_bureau():
    needle = "_history_user" + " ="
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for top in ("meetings", "procurement", "assets", "property_services", "tests", "bench")
        if (ROOT / top).is_dir()
        for path in (ROOT / top).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    ]
    assert offenders == [], "save through bureau.services.audited_save instead"
