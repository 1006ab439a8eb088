"""The printables read back: pdftotext finds the names and amounts, pdffonts an embedded CJK font."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from bureau.roles import Role
from meetings.choices import MealKind, ReceptionStatus
from tests.helpers import pdf_fonts, pdf_text
from tests.meetings.factories import (
    ReceptionEscortFactory,
    ReceptionFactory,
    ReceptionGuestFactory,
    ReceptionMealFactory,
    TourStopFactory,
)
from tests.meetings.reception_helpers import has_embedded_cjk_font

pytestmark = pytest.mark.django_db


@pytest.fixture
def reception(world):
    reception = ReceptionFactory(
        host_department=world.own,
        status=ReceptionStatus.DONE,
        guest_count=3,
        lodging="中方县宾馆 2 间",
        lodging_amount=Decimal("1200.00"),
        transport_amount=Decimal("0"),
        other_amount=Decimal("0"),
        contact_name="王会务",
        contact_phone="0745-7777777",
    )
    for order, name in enumerate(["慕容复", "令狐冲", "岳灵珊"], start=1):
        ReceptionGuestFactory(reception=reception, protocol_order=order, name=name, title="调研员", unit="邵阳市财政局")
    ReceptionEscortFactory(reception=reception, name="东方白", title="副局长", phone="13900000000")
    ReceptionMealFactory(
        reception=reception,
        date=datetime.date(2026, 5, 20),
        kind=MealKind.LUNCH,
        guests=3,
        escorts=1,
        standard_per_person=Decimal("50"),
        amount=Decimal("200.00"),
        place="机关食堂",
    )
    TourStopFactory(reception=reception, place="中方县刺葡萄产业园", guide="黄导")
    return reception


def _get(client, world, name, reception):
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = client.get(reverse(f"meetings:{name}", args=[reception.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_reception_list_has_guests_escorts_amounts_and_capitals(world, client, reception, tmp_path):
    pdf = _get(client, world, "reception_list_pdf", reception)
    text = pdf_text(pdf, tmp_path)
    for expected in ("慕容复", "令狐冲", "岳灵珊", "东方白", "1,400.00", "人民币壹仟肆佰元整", "中方县刺葡萄产业园"):
        assert expected in text, expected
    assert has_embedded_cjk_font(pdf_fonts(pdf, tmp_path))


def test_table_cards_one_big_name_per_card_in_protocol_order(world, client, reception, tmp_path):
    pdf = _get(client, world, "reception_table_cards_pdf", reception)
    text = pdf_text(pdf, tmp_path)
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) == 3  # one folded card per guest
    for page, name in zip(pages, ["慕容复", "令狐冲", "岳灵珊"], strict=True):
        assert name in page.replace(" ", "")
    assert has_embedded_cjk_font(pdf_fonts(pdf, tmp_path))


def test_name_cards_for_guests_and_escorts(world, client, reception, tmp_path):
    pdf = _get(client, world, "reception_name_cards_pdf", reception)
    text = pdf_text(pdf, tmp_path).replace(" ", "")
    for name in ("慕容复", "令狐冲", "岳灵珊", "东方白", "邵阳市财政局"):
        assert name in text
    assert has_embedded_cjk_font(pdf_fonts(pdf, tmp_path))


def test_handbook_has_schedule_people_contacts_lodging_meals_and_tour(world, client, reception, tmp_path):
    pdf = _get(client, world, "reception_handbook_pdf", reception)
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "慕容复",
        "东方白",
        "13900000000",
        "0745-7777777",
        "中方县宾馆",
        "机关食堂",
        "中方县刺葡萄产业园",
        "黄导",
    ):
        assert expected in text, expected
    assert has_embedded_cjk_font(pdf_fonts(pdf, tmp_path))


def test_tour_plan(world, client, reception, tmp_path):
    pdf = _get(client, world, "reception_tour_pdf", reception)
    text = pdf_text(pdf, tmp_path)
    for expected in ("中方县刺葡萄产业园", "黄导", "09:00", "10:30"):
        assert expected in text
    assert has_embedded_cjk_font(pdf_fonts(pdf, tmp_path))


def test_other_departments_reception_pdf_is_404_for_department_staff(world, client, reception):
    reception.host_department = world.other
    reception.save()
    client.force_login(world.users[Role.EMPLOYEES])
    assert client.get(reverse("meetings:reception_list_pdf", args=[reception.pk])).status_code == 404
