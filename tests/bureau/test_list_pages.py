"""List pages: filter, free-text search, sorting, pagination without COUNT(*), scoped CSV/Excel export."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bureau.choices import RoomUse
from bureau.roles import Role
from tests.factories import BuildingFactory, DepartmentFactory, RoomFactory, RoomOccupancyFactory


@pytest.fixture
def rooms(db):
    """60 offices (areas 10…69 m²) and 5 meeting rooms in two buildings."""
    a = BuildingFactory(code="A", name="A栋")
    b = BuildingFactory(code="B", name="B栋")
    offices = [
        RoomFactory(building=a if n % 2 else b, floor=n // 10 + 1, number=f"{n // 10 + 1}{n:02d}", area=Decimal(10 + n))
        for n in range(60)
    ]
    meeting = [
        RoomFactory(
            building=a,
            floor=9,
            number=f"9{n:02d}",
            use=RoomUse.MEETING_ROOM,
            capacity=50,
            area=Decimal(100),
            name=f"第{n}会议室",
        )
        for n in range(5)
    ]
    return offices, meeting


@pytest.fixture
def leader(world, client):
    client.force_login(world.users[Role.LEADERSHIP])
    return client


def _rows(response):
    assert response.status_code == 200
    return list(response.context["table"].page.object_list)


def test_pagination_filter_search_and_sort(rooms, leader):
    url = reverse("bureau:room_list")
    first = _rows(leader.get(url))
    second = _rows(leader.get(url, {"page": 2}))
    assert len(first) == 50 and len(second) == 15
    assert not {row.record.pk for row in first} & {row.record.pk for row in second}

    meeting_rooms = _rows(leader.get(url, {"use": "meeting_room"}))
    assert len(meeting_rooms) == 5 and all(row.record.use == RoomUse.MEETING_ROOM for row in meeting_rooms)

    found = _rows(leader.get(url, {"q": "第3会议"}))
    assert [row.record.name for row in found] == ["第3会议室"]
    assert [row.record.number for row in _rows(leader.get(url, {"q": "903"}))] == ["903"]

    by_area = _rows(leader.get(url, {"sort": "-area", "use": "office"}))
    assert [row.record.area for row in by_area[:2]] == [Decimal(69), Decimal(68)]
    ascending = _rows(leader.get(url, {"sort": "area", "use": "office"}))
    assert ascending[0].record.area == Decimal(10)


def test_no_count_over_the_whole_table(rooms, leader):
    for params in ({}, {"page": 2}, {"use": "office", "sort": "-area"}, {"q": "9"}):
        with CaptureQueriesContext(connection) as queries:
            response = leader.get(reverse("bureau:room_list"), params)
        assert response.status_code == 200
        counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
        assert not counts, f"{params}: {counts}"


def test_page_past_the_end_or_garbage_still_answers(rooms, leader):
    for page in ("99", "x", "-1"):
        rows = _rows(leader.get(reverse("bureau:room_list"), {"page": page}))
        assert len(rows) <= 50


def test_csv_export_has_the_filtered_rows(rooms, leader):
    response = leader.get(reverse("bureau:room_list"), {"use": "meeting_room", "_export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert "房间号" in header and "用途" in header
    assert len(body) == 5
    assert {row[header.index("用途")] for row in body} == {"会议室"}


def test_excel_export_has_the_filtered_rows(rooms, leader):
    response = leader.get(
        reverse("bureau:room_list"), {"use": "office", "building": rooms[0][1].building.pk, "_export": "xlsx"}
    )
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    header, body = values[0], values[1:]
    assert "房间号" in header
    assert len(body) == 30  # offices of building A only
    assert {row[header.index("楼宇")] for row in body} == {"A栋"}


def test_export_is_scoped_to_the_department(world, client):
    finance = DepartmentFactory(code="CZJ", name="财政局")
    for _ in range(3):
        RoomOccupancyFactory(department=world.own)
    for _ in range(4):
        RoomOccupancyFactory(department=finance)
    client.force_login(world.users[Role.DEPARTMENT_HEADS])
    response = client.get(reverse("bureau:roomoccupancy_list"), {"_export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3 and {row["单位"] for row in rows} == {world.own.name}

    # …and a filter naming another department does not widen it.
    response = client.get(reverse("bureau:roomoccupancy_list"), {"department": finance.pk, "_export": "csv"})
    assert finance.name not in response.content.decode("utf-8-sig")

    client.force_login(world.users[Role.EMPLOYEES])
    response = client.get(reverse("bureau:department_list"), {"_export": "xlsx"})
    body = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))[1:]
    assert [row[1] for row in body] == [world.own.name]


def test_department_staff_list_shows_only_their_department(world, client):
    client.force_login(world.users[Role.EMPLOYEES])
    rows = _rows(client.get(reverse("bureau:department_list")))
    assert [row.record for row in rows] == [world.own]


def test_export_limit_asks_to_narrow_the_filter(rooms, leader, settings):
    settings.BUREAU_EXPORT_MAX_ROWS = 10
    response = leader.get(reverse("bureau:room_list"), {"use": "office", "_export": "csv"}, follow=True)
    assert "请缩小筛选范围后再导出" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("bureau:room_list") + "?use=office"


def test_yes_no_filters_offer_any_yes_no(world, client):
    client.force_login(world.users[Role.ADMIN_CENTRE])
    active = world.own.__class__.objects.create(code="W-INACTIVE", name="已撤并单位", kind="township", active=False)
    page = client.get(reverse("bureau:department_list"))
    html = page.content.decode()
    assert "全部" in html and "未知" not in html
    shown = [
        row.record
        for row in client.get(reverse("bureau:department_list"), {"active": "false"}).context["table"].page.object_list
    ]
    assert shown == [active]
