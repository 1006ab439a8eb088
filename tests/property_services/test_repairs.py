"""The repair line 后勤保障110: reporting, the moves on the workflow, the paused clock, the rating."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from bureau.roles import Role
from property_services.choices import RepairSource, RepairStatus
from property_services.models import RepairTicket
from property_services.services import repairs
from tests.factories import DepartmentFactory, RoomFactory, make_user
from tests.property_services.factories import office

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))
H = datetime.timedelta(hours=1)


@pytest.fixture
def people():
    department = DepartmentFactory()
    return {
        "department": department,
        "reporter": make_user(roles=[Role.EMPLOYEES], department=department),
        "centre": make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory()),
        "technician": make_user(roles=[Role.TECHNICIANS]),
        "other_technician": make_user(roles=[Role.TECHNICIANS]),
    }


def _report(people, **kwargs):
    values = {"category": "air_conditioning", "description": "空调不制冷", "priority": "normal", "now": T0}
    return repairs.ticket_report(actor=people["reporter"], room=RoomFactory(), **{**values, **kwargs})


def test_a_ticket_belongs_to_the_department_occupying_the_room(people):
    room = office(DepartmentFactory(), start=datetime.date(2025, 1, 1)).room
    ticket = repairs.ticket_report(
        actor=people["reporter"], room=room, category="network", description="网口不通", now=T0
    )
    assert ticket.department == room.occupancies.get().department
    assert ticket.status == RepairStatus.REPORTED
    assert ticket.response_due == T0 + 4 * H and ticket.fix_due == T0 + 72 * H


def test_a_ticket_without_a_room_belongs_to_the_reporters_department(people):
    ticket = repairs.ticket_report(
        actor=people["reporter"], location="北门广场路灯", category="water_electric", description="路灯不亮", now=T0
    )
    assert ticket.department == people["department"] and ticket.room is None


def test_a_room_that_does_not_exist_is_refused(people):
    with pytest.raises(ValidationError) as exc:
        repairs.ticket_report(actor=people["reporter"], room=999999, category="other", description="门锁坏")
    assert exc.value.error_dict["room"][0].code == "unknown_room"
    assert not RepairTicket.objects.exists()


def test_a_ticket_needs_a_room_or_a_location(people):
    with pytest.raises(ValidationError) as exc:
        repairs.ticket_report(actor=people["reporter"], category="other", description="门锁坏")
    assert exc.value.error_dict["room"][0].code == "no_location"


def test_an_anonymous_qr_report_needs_a_name(people):
    with pytest.raises(ValidationError) as exc:
        repairs.ticket_report(actor=None, room=RoomFactory(), source=RepairSource.QR, category="other", description="x")
    assert exc.value.error_dict["reporter_name"][0].code == "no_reporter"
    ticket = repairs.ticket_report(
        actor=None,
        room=RoomFactory(),
        source=RepairSource.QR,
        category="other",
        description="灯管闪烁",
        reporter_name="李明",
        reporter_phone="13800001234",
    )
    assert ticket.reporter is None and ticket.reporter_name == "李明"


def test_only_the_hotline_operator_files_hotline_tickets(people):
    with pytest.raises(ValidationError) as exc:
        _report(people, source=RepairSource.HOTLINE, reporter_name="王")
    assert exc.value.code == "no_permission"
    ticket = repairs.ticket_report(
        actor=people["centre"],
        room=RoomFactory(),
        source=RepairSource.HOTLINE,
        category="water_electric",
        description="卫生间漏水",
        reporter_name="王芳",
        reporter_phone="13912345678",
    )
    assert ticket.source == RepairSource.HOTLINE and ticket.reporter is None


def test_a_photo_must_be_an_image(people):
    with pytest.raises(ValidationError) as exc:
        _report(people, photo=SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image"))
    assert "photo" in exc.value.error_dict
    assert not RepairTicket.objects.exists()


def test_the_whole_way_with_a_pause_that_stops_the_clock(people):
    ticket = _report(people)
    repairs.ticket_dispatch(ticket=ticket, technician=people["technician"], actor=people["centre"], now=T0 + H)
    repairs.ticket_start(ticket=ticket, actor=people["technician"], now=T0 + 2 * H)
    repairs.ticket_pause(ticket=ticket, pause_reason="parts", actor=people["technician"], now=T0 + 3 * H)
    assert not ticket.is_overdue(now=T0 + 100 * H)  # paused: the clock stands
    repairs.ticket_resume(ticket=ticket, actor=people["technician"], now=T0 + 23 * H)
    repairs.ticket_resolve(ticket=ticket, actor=people["technician"], now=T0 + 25 * H)
    ticket.refresh_from_db()
    assert ticket.response_time == 2 * H
    assert ticket.fix_time == 5 * H  # 25 hours less 20 paused
    assert ticket.fix_due == T0 + 92 * H
    repairs.ticket_confirm(ticket=ticket, rating=5, feedback="及时", actor=people["reporter"])
    ticket.refresh_from_db()
    assert ticket.status == RepairStatus.CONFIRMED and ticket.rating == 5
    assert ticket.history.count() == 7  # the report and six moves


def test_rating_an_unresolved_ticket_is_refused(people):
    ticket = _report(people)
    with pytest.raises(ValidationError) as exc:
        repairs.ticket_confirm(ticket=ticket, rating=4, actor=people["reporter"])
    assert exc.value.code == "not_resolved"
    ticket.refresh_from_db()
    assert ticket.rating is None


def _resolved(people):
    ticket = _report(people)
    repairs.ticket_dispatch(ticket=ticket, technician=people["technician"], actor=people["centre"])
    repairs.ticket_start(ticket=ticket, actor=people["technician"])
    repairs.ticket_resolve(ticket=ticket, actor=people["technician"])
    return ticket


@pytest.mark.parametrize("rating", [0, 6, "", None, "五"])
def test_a_rating_is_one_to_five(people, rating):
    ticket = _resolved(people)
    with pytest.raises(ValidationError) as exc:
        repairs.ticket_confirm(ticket=ticket, rating=rating, actor=people["reporter"])
    assert exc.value.error_dict["rating"][0].code == "bad_rating"


def test_the_database_refuses_a_rating_on_an_open_ticket(people):
    ticket = _report(people)
    with pytest.raises(IntegrityError), transaction.atomic():
        RepairTicket.objects.filter(pk=ticket.pk).update(rating=3)


def test_only_the_reporter_confirms(people):
    ticket = _resolved(people)
    stranger = make_user(roles=[Role.EMPLOYEES], department=people["department"])
    with pytest.raises(ValidationError) as exc:
        repairs.ticket_confirm(ticket=ticket, rating=5, actor=stranger)
    assert exc.value.code == "not_reporter"


def test_another_technician_cannot_work_the_ticket(people):
    ticket = _report(people)
    repairs.ticket_dispatch(ticket=ticket, technician=people["technician"], actor=people["centre"])
    with pytest.raises(ValidationError) as exc:
        repairs.ticket_start(ticket=ticket, actor=people["other_technician"])
    assert exc.value.code == "not_assigned"


def test_dispatch_needs_a_technician(people):
    ticket = _report(people)
    with pytest.raises(ValidationError) as exc:
        repairs.ticket_dispatch(ticket=ticket, technician=people["reporter"], actor=people["centre"])
    assert exc.value.error_dict["technician"][0].code == "not_technician"
    with pytest.raises(ValidationError) as exc:
        repairs.ticket_dispatch(ticket=ticket, technician=people["technician"], actor=people["technician"])
    assert exc.value.code == "no_permission"


def test_a_reopened_ticket_is_worked_again(people):
    ticket = _resolved(people)
    repairs.ticket_reopen(ticket=ticket, reason="还是不制冷", actor=people["reporter"])
    ticket.refresh_from_db()
    assert ticket.status == RepairStatus.REOPENED and ticket.resolved_at is None
    repairs.ticket_start(ticket=ticket, actor=people["technician"])
    repairs.ticket_resolve(ticket=ticket, actor=people["technician"])
    repairs.ticket_confirm(ticket=ticket, rating=3, actor=people["reporter"])
    assert RepairTicket.objects.get().rating == 3


def test_overdue_tickets(people):
    late = _report(people, priority="urgent")
    on_time = _report(people, priority="low")
    assert list(RepairTicket.objects.overdue(now=T0 + 2 * H)) == [late]
    assert late.is_overdue(now=T0 + 2 * H) and not on_time.is_overdue(now=T0 + 2 * H)
