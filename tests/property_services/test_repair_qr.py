"""The room's QR page: no login to report, a limit per address, the reporter's own link to confirm
and rate (or reopen), and the printable sheet of QR codes."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from bureau.roles import Role
from property_services import rules
from property_services.choices import RepairSource, RepairStatus
from property_services.models import RepairTicket
from property_services.services import repairs
from property_services.views.repair_qr import room_qr_url
from tests.factories import BuildingFactory, DepartmentFactory, RoomFactory, make_user

pytestmark = pytest.mark.django_db

REPORT = {
    "category": "air_conditioning",
    "description": "空调不制冷",
    "reporter_name": "李明",
    "reporter_phone": "13800001234",
}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _resolve(ticket):
    centre = make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory())
    technician = make_user(roles=[Role.TECHNICIANS])
    repairs.ticket_dispatch(ticket=ticket, technician=technician, actor=centre)
    repairs.ticket_start(ticket=ticket, actor=technician)
    repairs.ticket_resolve(ticket=ticket, actor=technician)


def test_a_report_from_the_qr_page_without_login_and_its_rating(client):
    room = RoomFactory()
    url = room_qr_url(room)
    assert str(room) in client.get(url).content.decode()
    response = client.post(url, REPORT)
    ticket = RepairTicket.objects.get()
    assert ticket.room == room and ticket.source == RepairSource.QR and ticket.reporter_name == "李明"
    follow = response.url
    page = client.get(follow).content.decode()
    assert "已报修" in page and 'id="follow-link"' in page
    response = client.post(follow.split("?")[0], {"rating": "5", "confirm": "1"})
    assert response.status_code == 409  # not resolved yet: refused
    assert "只有已修复的报修单才能确认和评价" in response.content.decode()
    _resolve(ticket)
    client.post(follow.split("?")[0], {"rating": "5", "feedback": "很快", "confirm": "1"})
    ticket.refresh_from_db()
    assert ticket.status == RepairStatus.CONFIRMED and ticket.rating == 5


def test_the_reporter_reopens_from_the_link(client):
    client.post(room_qr_url(RoomFactory()), REPORT)
    ticket = RepairTicket.objects.get()
    _resolve(ticket)
    url = reverse("property_services:repair_follow", args=[rules.signed_id(ticket.pk, rules.CONFIRM_SALT)])
    client.post(url, {"feedback": "还是不制冷", "reopen": "1"})
    ticket.refresh_from_db()
    assert ticket.status == RepairStatus.REOPENED


def test_a_forged_token_answers_404(client):
    room = RoomFactory()
    assert client.get(reverse("property_services:repair_room", args=[f"{room.pk}:forged"])).status_code == 404
    follow_token_for_room = rules.signed_id(room.pk, rules.ROOM_QR_SALT)  # a room's token opens no ticket
    assert client.get(reverse("property_services:repair_follow", args=[follow_token_for_room])).status_code == 404


def test_reports_are_limited_per_address(client, settings):
    settings.PROPERTY_QR_REPORTS_PER_HOUR = 2
    url = room_qr_url(RoomFactory())
    client.post(url, REPORT)
    client.post(url, REPORT)
    response = client.post(url, REPORT)
    assert response.status_code == 429
    assert "一小时内报修次数过多" in response.content.decode()
    assert RepairTicket.objects.count() == 2
    assert "李明" in response.content.decode()  # what was typed is kept


def test_a_bad_phone_and_a_non_image_photo_keep_what_was_typed(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = room_qr_url(RoomFactory())
    response = client.post(
        url, {**REPORT, "reporter_phone": "12", "photo": SimpleUploadedFile("a.jpg", b"%PDF-1.4 nope")}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "请填写 7 至 15 位数字的电话号码。" in page and "空调不制冷" in page
    assert not RepairTicket.objects.exists()


def test_the_qr_sheet_of_a_building(client):
    building = BuildingFactory()
    RoomFactory(building=building)
    client.force_login(make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory()))
    response = client.get(reverse("property_services:repair_qr_sheet", args=[building.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
