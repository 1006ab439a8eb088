"""The repair line's pages: reporting from the web and the hotline, the list with its filters, the
moves with what they need, the statistics."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bureau.roles import Role
from property_services.choices import RepairSource, RepairStatus
from property_services.models import RepairTicket
from property_services.services import repairs
from tests.factories import DepartmentFactory, RoomFactory, make_user
from tests.helpers import field_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    department = DepartmentFactory()
    return {
        "department": department,
        "employee": make_user(roles=[Role.EMPLOYEES], department=department),
        "head": make_user(roles=[Role.DEPARTMENT_HEADS], department=department),
        "centre": make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory()),
        "technician": make_user(roles=[Role.TECHNICIANS]),
    }


def test_an_employee_reports_from_the_web(client, staff):
    client.force_login(staff["employee"])
    room = RoomFactory()
    response = client.post(
        reverse("property_services:repair_report"),
        {"room": room.pk, "category": "network", "priority": "normal", "description": "网口不通"},
    )
    ticket = RepairTicket.objects.get()
    assert response.status_code == 302 and response.url == ticket.get_absolute_url()
    assert ticket.reporter == staff["employee"] and ticket.source == RepairSource.WEB and ticket.room == room
    assert client.get(ticket.get_absolute_url()).status_code == 200


def test_a_report_without_a_room_or_place_keeps_what_was_typed(client, staff):
    client.force_login(staff["employee"])
    response = client.post(
        reverse("property_services:repair_report"),
        {"category": "network", "priority": "normal", "description": "网口不通"},
    )
    assert response.status_code == 200
    assert field_error(response, "room") == "请选择房间或填写位置。"
    assert "网口不通" in response.content.decode()
    assert not RepairTicket.objects.exists()


def test_the_hotline_operator_types_a_call_in(client, staff):
    client.force_login(staff["centre"])
    response = client.post(
        reverse("property_services:repair_hotline"),
        {
            "location": "东门岗亭",
            "category": "doors_windows",
            "priority": "high",
            "description": "岗亭窗户关不上",
            "reporter_name": "张三",
            "reporter_phone": "13812345678",
        },
    )
    assert response.status_code == 302
    ticket = RepairTicket.objects.get()
    assert ticket.source == RepairSource.HOTLINE and ticket.reporter_name == "张三"
    listing = client.get(reverse("property_services:repairticket_list")).content.decode()
    assert "138****5678" in listing and "13812345678" not in listing


def _ticket(staff, **kwargs):
    return repairs.ticket_report(
        actor=staff["employee"], location="三楼", category="other", description="门锁坏", **kwargs
    )


def test_the_list_filters_overdue_tickets_and_technicians_see_theirs(client, staff):
    late = _ticket(staff, priority="urgent", now=timezone.now() - datetime.timedelta(hours=5))
    fresh = _ticket(staff, priority="low")
    repairs.ticket_dispatch(ticket=fresh, technician=staff["technician"], actor=staff["centre"])
    client.force_login(staff["centre"])
    page = client.get(reverse("property_services:repairticket_list"), {"overdue": "true"}).content.decode()
    assert late.number in page and fresh.number not in page
    client.force_login(staff["technician"])
    page = client.get(reverse("property_services:repairticket_list")).content.decode()
    assert fresh.number in page and late.number not in page
    assert client.get(late.get_absolute_url()).status_code == 404


def test_a_department_head_sees_the_departments_tickets_only(client, staff):
    own = _ticket(staff)
    other = repairs.ticket_report(
        actor=make_user(roles=[Role.EMPLOYEES], department=DepartmentFactory()),
        location="一楼",
        category="other",
        description="漏水",
    )
    client.force_login(staff["head"])
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404


def test_dispatch_pause_and_confirm_from_the_pages(client, staff):
    ticket = _ticket(staff)
    client.force_login(staff["centre"])
    url = reverse("property_services:repairticket_dispatch", args=[ticket.pk])
    assert client.post(url, {"technician": staff["technician"].pk}).status_code == 302
    client.force_login(staff["technician"])
    client.post(reverse("property_services:repairticket_start", args=[ticket.pk]), {})
    client.post(reverse("property_services:repairticket_pause", args=[ticket.pk]), {"pause_reason": "parts"})
    ticket.refresh_from_db()
    assert ticket.status == RepairStatus.PAUSED and ticket.pause_reason == "parts"
    client.post(reverse("property_services:repairticket_resume", args=[ticket.pk]), {})
    client.post(reverse("property_services:repairticket_resolve", args=[ticket.pk]), {})
    client.force_login(staff["employee"])
    response = client.post(reverse("property_services:repairticket_confirm", args=[ticket.pk]), {"rating": "4"})
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == RepairStatus.CONFIRMED and ticket.rating == 4
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert "等待配件" in page  # the timeline names the pause


def test_the_statistics_page(client, staff):
    _ticket(staff)
    client.force_login(staff["centre"])
    response = client.get(reverse("property_services:repair_statistics"))
    assert response.status_code == 200
    assert "共 1 张报修单，其中 0 张逾期" in response.content.decode()
