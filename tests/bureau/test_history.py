"""The history tab: an edit on a page and one in the admin both show who changed what, old → new."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from bureau.roles import Role
from bureau.services import audited_save
from tests.factories import RoomFactory, RoomOccupancyFactory
from tests.meetings.factories import AttendeeFactory, MeetingFactory


def _history_rows(client, room):
    response = client.get(reverse("bureau:room_history", args=[room.pk]))
    assert response.status_code == 200
    return response.context["history"], response.content.decode()


def test_page_edit_and_admin_edit_both_on_history_tab(world, client):
    campus = world.users[Role.ADMIN_CENTRE]
    campus.first_name, campus.last_name = "行管", "张"
    campus.save()
    root = world.users["superuser"]
    root.first_name, root.last_name = "管理员", "系统"
    root.save()
    room = RoomFactory(number="305", name="", area=Decimal("24.00"))

    # 1. An edit on the portal page.
    client.force_login(campus)
    response = client.post(
        reverse("bureau:room_edit", args=[room.pk]),
        {"building": room.building.pk, "floor": 3, "number": "305", "name": "财务室", "use": "office", "area": "30"},
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    # 2. An edit in the Django admin.
    client.force_login(root)
    response = client.post(
        reverse("admin:bureau_room_change", args=[room.pk]),
        {
            "building": room.building.pk,
            "floor": 3,
            "number": "305",
            "name": "财务室",
            "use": "office",
            "area": "30.00",
            "capacity": "",
            "equipment": "空调",
            "active": "on",
            "occupancies-TOTAL_FORMS": "0",
            "occupancies-INITIAL_FORMS": "0",
            "occupancies-MIN_NUM_FORMS": "0",
            "occupancies-MAX_NUM_FORMS": "1000",
            "_save": "保存",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response

    history, html = _history_rows(client, room)
    admin_edit, page_edit, created = history
    assert admin_edit["who"] == root and page_edit["who"] == campus
    assert ("设备", "—", "空调") in admin_edit["changes"]
    assert ("面积（平方米）", "24.00", "30.00") in page_edit["changes"]
    assert ("名称", "—", "财务室") in page_edit["changes"]
    assert created["type"] == "新建"
    # The page shows the same: who, field, old, new.
    for text in ("张", "管理员", "面积（平方米）", "24.00", "30.00", "空调", "修改"):
        assert text in html


def test_void_records_the_reason_in_history(world, client):
    campus = world.users[Role.ADMIN_CENTRE]
    occupancy = RoomOccupancyFactory(department=world.own)
    client.force_login(campus)
    response = client.post(reverse("bureau:roomoccupancy_void", args=[occupancy.pk]), {"reason": "单位搬迁，登记作废"})
    assert response.status_code == 302
    occupancy.refresh_from_db()
    assert occupancy.is_voided and occupancy.voided_by == campus and occupancy.void_reason == "单位搬迁，登记作废"

    response = client.get(reverse("bureau:roomoccupancy_history", args=[occupancy.pk]))
    latest = response.context["history"][0]
    assert latest["who"] == campus and latest["reason"] == "单位搬迁，登记作废"
    assert "单位搬迁，登记作废" in response.content.decode()
    assert "已作废" in response.content.decode()


def test_void_needs_a_reason(world, client):
    occupancy = RoomOccupancyFactory(department=world.own)
    client.force_login(world.users[Role.ADMIN_CENTRE])
    response = client.post(reverse("bureau:roomoccupancy_void", args=[occupancy.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "这个字段是必填项。" in response.content.decode()
    occupancy.refresh_from_db()
    assert not occupancy.is_voided


def test_admin_void_action_records_who_and_reason(world, client):
    occupancy = RoomOccupancyFactory(department=world.own)
    client.force_login(world.users["superuser"])
    client.post(
        reverse("admin:bureau_roomoccupancy_changelist"),
        {"action": "void_selected", "_selected_action": [occupancy.pk], "index": 0},
    )
    occupancy.refresh_from_db()
    assert occupancy.is_voided and occupancy.voided_by == world.users["superuser"]
    assert occupancy.history.latest("history_date").history_change_reason == "后台作废"


def test_times_show_in_local_time_and_people_by_name(world, client):
    """The history stores UTC; the tab shows the portal's time (Beijing, 8 hours ahead) and a person
    changed into a field by their name, never their login."""
    centre = world.users[Role.MEETING_CENTRE]
    centre.last_name, centre.first_name = "王", "会务"
    centre.save()
    meeting = MeetingFactory(
        host_department=world.own, start_at=timezone.make_aware(datetime.datetime(2026, 12, 15, 9))
    )
    meeting.start_at = timezone.make_aware(datetime.datetime(2026, 12, 15, 14, 30))
    meeting.end_at = timezone.make_aware(datetime.datetime(2026, 12, 15, 17))
    audited_save(obj=meeting, actor=centre)
    attendee = AttendeeFactory(meeting=meeting)
    attendee.user = centre
    audited_save(obj=attendee, actor=centre)

    client.force_login(centre)
    page = client.get(reverse("meetings:meeting_history", args=[meeting.pk])).content.decode()
    assert "2026-12-15 09:00" in page and "2026-12-15 14:30" in page
    assert "+00:00" not in page and "06:30" not in page
    page = client.get(reverse("meetings:attendee_history", args=[attendee.pk])).content.decode()
    history = page[page.index('id="history"') :]
    assert "王会务" in history and centre.username not in history
