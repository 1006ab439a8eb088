"""Registers declared once (bureau.registers): the URLs people bookmarked stay where they were, and a
declaration that contradicts itself is refused when the module loads."""

import datetime

import pytest
from django.urls import reverse

from bureau.models import Building
from bureau.registers import Register
from bureau.roles import Role
from bureau.tables import BuildingTable
from bureau.views import generic
from bureau.views.core import BUILDINGS, OCCUPANCY
from meetings.models import OfficialLetter
from meetings.views.attendance import ATTENDEES
from meetings.views.reception import OFFICIAL_LETTERS, OfficialLetterEditView
from tests.factories import BuildingFactory, RoomFactory, RoomOccupancyFactory

D = datetime.date


@pytest.mark.parametrize(
    ("name", "args", "path"),
    [
        ("bureau:room_list", [], "/registers/rooms/"),
        ("bureau:room", [7], "/registers/rooms/7/"),
        ("bureau:room_history", [7], "/registers/rooms/7/history/"),
        ("bureau:room_add", [], "/registers/rooms/add/"),
        ("bureau:room_edit", [7], "/registers/rooms/7/edit/"),
        ("bureau:room_delete", [7], "/registers/rooms/7/delete/"),
        ("bureau:roomoccupancy_void", [7], "/registers/occupancy/7/void/"),
        ("meetings:printingorder_add", [], "/meetings/printing/add/"),
        ("meetings:proceduretemplate_delete", [7], "/meetings/procedure-templates/7/delete/"),
        ("meetings:attendee_history", [7], "/meetings/attendees/7/history/"),
        ("meetings:officialletter_void", [7], "/meetings/receptions/letters/7/void/"),
    ],
)
def test_register_urls_keep_their_paths(name, args, path):
    assert reverse(name, args=args) == path


def test_a_register_has_the_pages_its_declaration_asks_for():
    assert BUILDINGS.pages == ("list", "detail", "history", "add", "edit", "delete")
    assert OCCUPANCY.pages == ("list", "detail", "history", "add", "edit", "void")
    # No form: a read-only register (attendees are added and edited from their meeting's pages).
    assert ATTENDEES.pages == ("list", "detail", "history")


def test_a_page_with_more_behaviour_gets_the_declared_attributes():
    view = OFFICIAL_LETTERS.as_view("add")
    assert view.view_class is OfficialLetterEditView
    assert view.view_initkwargs["form_class"] is OFFICIAL_LETTERS.form


def test_a_register_is_deleted_or_voided_not_both():
    with pytest.raises(ValueError, match="either deleted or voided"):
        Register(Building, "b", table=BuildingTable, filterset=None, delete=True, void=True)


def test_a_page_view_must_extend_the_generic_view_of_that_page():
    with pytest.raises(TypeError, match="must subclass ObjectVoidView"):
        Register(Building, "b", table=BuildingTable, filterset=None, void=True, views={"void": generic.ObjectEditView})


def test_the_declared_related_rows_show_on_the_detail_page_through_the_users_scope(world, client):
    room = RoomFactory(number="318", building=BuildingFactory(name="行政中心A座"))
    RoomOccupancyFactory(room=room, department=world.other, start_date=D(2024, 1, 1), end_date=D(2024, 12, 31))
    RoomOccupancyFactory(room=room, department=world.own, start_date=D(2025, 1, 1), end_date=None)

    client.force_login(world.users[Role.ADMIN_CENTRE])
    assert "318" in client.get(reverse("bureau:building", args=[room.building.pk])).content.decode()
    page = client.get(reverse("bureau:room", args=[room.pk])).content.decode()
    assert world.own.name in page and world.other.name in page

    client.force_login(world.users[Role.DEPARTMENT_HEADS])  # sees its own department's occupancy only
    page = client.get(reverse("bureau:room", args=[room.pk])).content.decode()
    assert world.own.name in page and world.other.name not in page


def test_a_page_subclass_adds_its_behaviour_to_the_declared_one(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = client.post(
        reverse("meetings:officialletter_add"),
        {
            "number": "湘政函〔2026〕12号",
            "sending_unit": "市人民政府办公室",
            "receiving_department": world.own.pk,
            "date": "2026-11-20",
            "subject": "关于调研考察的函",
        },
    )
    letter = OfficialLetter.objects.get(number="湘政函〔2026〕12号")
    assert response.status_code == 302 and letter.registered_by == world.users[Role.MEETING_CENTRE]
