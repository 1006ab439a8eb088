"""A write that leaves no change history fails a test (DESIGN.md §3)."""

from pathlib import Path

import pytest
from django.conf import settings
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from bureau.models import Room
from tests.factories import BuildingFactory, RoomFactory
from tests.history_guard import bulk_writes_in_source, bulk_writes_without_history, tracked_models


def test_every_business_model_keeps_history():
    names = {f"{m._meta.app_label}.{m.__name__}" for m in tracked_models()}
    assert {
        "bureau.Department",
        "bureau.StaffProfile",
        "bureau.Building",
        "bureau.Room",
        "bureau.RoomOccupancy",
    } <= names


def test_no_bulk_write_without_history_in_the_code():
    found = bulk_writes_without_history()
    assert not found, "bulk writes that leave no history (use simple_history's bulk helpers):\n" + "\n".join(
        f"{path}:{line}: {text}" for path, line, text in found
    )


def test_static_check_finds_a_real_mistake():
    source = (
        "from bureau.models import Room\n"
        "from simple_history.utils import bulk_update_with_history\n"
        "def close(rooms, qs):\n"
        "    Room.objects.filter(active=True).update(active=False)\n"
        "    Room.objects.bulk_create(rooms)\n"
        "    qs.bulk_update(rooms, ['area'])\n"
        "    bulk_update_with_history(rooms, Room, ['area'])\n"
        "    context = {}\n"
        "    context.update(a=1)\n"
        "    User.objects.filter(is_active=False).update(is_staff=False)\n"
        "    Room.objects.filter(pk=1).update(area=1)  # history: test marker\n"
    )
    found = bulk_writes_in_source(source, "bureau/example.py", {"Room"})
    assert [line for _path, line, _text in found] == [4, 5, 6]


def _run_as_project_code(code, namespace):
    """Execute `code` as if it were a module of the bureau app (the guard looks at the caller's file)."""
    filename = str(Path(settings.BASE_DIR) / "bureau" / "_history_guard_probe.py")
    exec(compile(code, filename, "exec"), namespace)  # noqa: S102 - test of the guard itself


@pytest.mark.django_db
def test_runtime_guard_stops_project_code_that_updates_without_history():
    room = RoomFactory()
    namespace = {"Room": Room}
    with pytest.raises(AssertionError, match=r"bureau/_history_guard_probe.py:1: Room update\(\)"):
        _run_as_project_code(f"Room.objects.filter(pk={room.pk}).update(name='x')", namespace)
    with pytest.raises(AssertionError, match="bulk_create"):
        _run_as_project_code(
            f"Room.objects.bulk_create([Room(building_id={room.building_id}, floor=1, number='9', area=1)])",
            namespace,
        )
    room.refresh_from_db()
    assert room.name == ""


@pytest.mark.django_db
def test_runtime_guard_lets_the_history_helpers_through():
    building = BuildingFactory()
    namespace = {
        "Room": Room,
        "building": building,
        "create": bulk_create_with_history,
        "update": bulk_update_with_history,
    }
    _run_as_project_code(
        "rooms = create([Room(building=building, floor=1, number=str(n), area=20) for n in range(3)], Room)\n"
        "for room in rooms: room.area = 30\n"
        "update(rooms, Room, ['area'])\n",
        namespace,
    )
    assert Room.objects.filter(area=30).count() == 3
    assert Room.history.filter(history_type="+").count() == 3
    assert Room.history.filter(history_type="~", area=30).count() == 3
