"""Regressions of the bad-input findings in the registers (issue 8): implausible dates and numbers,
unreadable query parameters, control characters, and constraint violations in words, on the field.

Run on PostgreSQL too (DATABASE_URL): that is where a year-1 date or a NUL byte used to fail."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from bureau.integrity import integrity_error_as_validation_error
from bureau.models import Building, Room, RoomOccupancy
from bureau.views.generic import ObjectListView
from tests.factories import BuildingFactory, DepartmentFactory, RoomFactory
from tests.helpers import field_error
from tests.permission_matrix import load

pytestmark = pytest.mark.django_db

DATE_RANGE_MESSAGE = "请输入 2000-01-01 至 2099-12-31 之间的日期。"
CONTROL_MESSAGE = "内容中含有不可见的控制字符（如 NUL），请删除后重新输入。"


@pytest.mark.parametrize(("start", "end"), [("0001-01-01", ""), ("2025-01-01", "9999-12-31")])
def test_occupancy_with_an_implausible_date_is_refused_on_the_field(world, campus, start, end):
    room = RoomFactory()
    response = campus.post(
        reverse("bureau:roomoccupancy_add"),
        {"room": room.pk, "department": world.own.pk, "start_date": start, "end_date": end, "note": "临时借用"},
    )
    field = "start_date" if start.startswith("0001") else "end_date"
    assert field_error(response, field) == DATE_RANGE_MESSAGE
    assert "临时借用" in response.content.decode()
    assert not RoomOccupancy.objects.exists()


def test_the_database_refuses_an_implausible_date_written_around_the_form(world):
    room = RoomFactory()
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        RoomOccupancy.objects.create(room=room, department=world.own, start_date=datetime.date(1, 1, 1))
    error = integrity_error_as_validation_error(caught.value)
    assert error.message_dict == {"start_date": [DATE_RANGE_MESSAGE]}


@pytest.mark.parametrize(
    ("floors", "message"), [("0", "确保该值大于或等于 1。"), ("2147483648", "确保该值小于或等于 200。")]
)
def test_building_floors_out_of_range_on_the_field(campus, floors, message):
    response = campus.post(reverse("bureau:building_add"), {"name": "新楼", "code": "XL-1", "floors": floors})
    assert field_error(response, "floors") == "请输入 1 至 200 之间的整数。"
    assert "约束" not in response.content.decode()
    assert not Building.objects.exists()


def test_a_check_constraint_is_named_in_words_on_its_field():
    """What used to surface as 「约束 “building_floors_positive” 是无效的」."""
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        Building.objects.create(name="地下楼", code="DX", floors=0)
    error = integrity_error_as_validation_error(caught.value)
    assert list(error.message_dict) == ["floors"]
    (message,) = error.message_dict["floors"]
    assert message in ("楼宇地上至少有一层。", "请输入 1 至 200 之间的整数。")


def test_an_overlap_caught_by_the_database_is_named_on_the_start_date(world):
    room = RoomFactory()
    RoomOccupancy.objects.create(room=room, department=world.own, start_date=datetime.date(2025, 1, 1))
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        RoomOccupancy.objects.create(room=room, department=world.other, start_date=datetime.date(2025, 6, 1))
    error = integrity_error_as_validation_error(caught.value)
    assert error.message_dict == {"start_date": ["该房间在此期间已由其他单位使用。"]}


def test_a_room_area_constraint_from_the_model_form_goes_on_the_field(campus):
    building = BuildingFactory()
    data = {"building": building.pk, "floor": 3, "number": "301", "use": "office", "area": "-1"}
    response = campus.post(reverse("bureau:room_add"), data)
    assert field_error(response, "area") == "面积必须大于零。"
    assert not response.context["form"].non_field_errors()
    assert not Room.objects.exists()


@pytest.mark.parametrize("name", ["财政\x00局", "财政\x1b局"])
def test_control_characters_are_refused_with_a_clear_message(campus, name):
    response = campus.post(
        reverse("bureau:department_add"),
        {"name": name, "code": "CZJ", "kind": "gov_department", "sort_order": 10},
    )
    assert field_error(response, "name") == CONTROL_MESSAGE
    assert "空字符串" not in response.content.decode()
    assert 'value="CZJ"' in response.content.decode()


def _list_urls():
    rows, _objects = load()
    from django.urls import resolve

    for row in rows:
        if row.obj or row.kwargs or row.status != 200:
            continue
        url = reverse(row.url_name)
        view_class = getattr(resolve(url).func, "view_class", None)
        if view_class and issubclass(view_class, ObjectListView):
            yield url


def test_every_list_answers_an_unreadable_page_number_with_its_first_page(world, client):
    client.force_login(world.users["superuser"])
    urls = list(_list_urls())
    assert len(urls) >= 10
    for url in urls:
        response = client.get(url, {"page": "99999999999999999999"})
        assert response.status_code == 200, url
        assert "无法识别页码“99999999999999999999”，已显示第一页。" in response.content.decode(), url


@pytest.mark.parametrize("page", ["0", "-1", "abc", "²", "1000001"])
def test_other_unreadable_page_numbers(world, client, page):
    client.force_login(world.users["superuser"])
    response = client.get(reverse("bureau:department_list"), {"page": page})
    assert response.status_code == 200
    assert f"无法识别页码“{page}”，已显示第一页。" in response.content.decode()


def test_a_filter_that_cannot_be_read_is_left_out_with_a_message(world, client):
    DepartmentFactory(code="JYJ-X", name="教育局分局")
    client.force_login(world.users["superuser"])
    response = client.get(reverse("bureau:department_list"), {"q": "教育\x00", "kind": "no-such-kind"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "无法识别，已忽略" in html
    assert "教育局分局" in html  # the list without the filters, not an empty page


def test_a_nul_byte_in_a_search_on_the_database_is_refused_before_the_query(world, client):
    client.force_login(world.users["superuser"])
    response = client.get(reverse("bureau:room_list"), {"q": "\x00"})
    assert response.status_code == 200
    assert CONTROL_MESSAGE in response.content.decode()


def _business_models():
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.app_label in ("bureau", "meetings") and not model._meta.model_name.startswith("historical"):
            yield model


def test_every_date_and_number_a_user_types_is_bounded_by_construction():
    """A new model field that takes dates or counts from a form uses the bounded fields (and so gets
    its form message and its database check)."""
    from django.db import models

    from bureau.fields import BoundedIntegerField, PlausibleDateField, PlausibleDateTimeField

    loose = []
    for model in _business_models():
        for field in model._meta.concrete_fields:
            if not field.editable or field.primary_key or field.is_relation:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                continue
            if isinstance(field, models.DateTimeField) and not isinstance(field, PlausibleDateTimeField):
                loose.append(f"{model.__name__}.{field.name}")
            elif isinstance(field, models.DateField) and not isinstance(
                field, (PlausibleDateField, models.DateTimeField)
            ):
                loose.append(f"{model.__name__}.{field.name}")
            elif isinstance(field, models.IntegerField) and not isinstance(field, BoundedIntegerField):
                loose.append(f"{model.__name__}.{field.name}")
    assert not loose, f"unbounded fields: {loose}"


def test_every_constraint_names_its_rule_in_words():
    """A constraint without a message would surface as 「约束 “…” 是无效的」."""
    from django.utils import translation

    from bureau.integrity import constraint_rules

    silent = [
        name
        for name, (model, _field, constraint, _message) in constraint_rules().items()
        if model is not None and constraint is not None and not constraint.violation_error_message
    ]
    assert not silent, f"constraints without violation_error_message: {silent}"
    with translation.override("zh-hans"):
        assert all("约束" not in str(constraint_rules()[name][3]) for name in constraint_rules())


@pytest.mark.parametrize(
    ("table", "constraint"),
    [
        ("bureau_roomoccupancy", "roomoccupancy_start_date_plausible"),
        ("meetings_printingorder", "printingorder_due_at_plausible"),
        ("meetings_meetingprocedurestep", "meetingprocedurestep_due_at_plausible"),
        ("meetings_attendee", "attendee_protocol_order_range"),
        ("meetings_reception", "reception_departure_date_plausible"),
    ],
)
def test_the_migrations_write_the_checks_into_the_database(table, constraint):
    """Changing a column's field class (AlterField) alone adds no check on PostgreSQL: the fields
    declare named constraints, and the migrations must have created them."""
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    assert constraint in constraints and constraints[constraint]["check"]
