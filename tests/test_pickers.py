"""Pickers: the JSON endpoints answer within the user's scope, with at most LIMIT rows, in a number of
queries that does not grow with the table; a picker renders only the chosen row and refuses a row
outside the user's scope with a Chinese message on the field."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bureau.choices import DepartmentKind
from bureau.models import Department, StaffProfile
from bureau.pickers import LIMIT, SOURCES
from bureau.roles import Role
from tests.factories import BuildingFactory, RoomFactory, RoomOccupancyFactory
from tests.growth import grow


def _answer(client, name, q=""):
    response = client.get(reverse(f"pickers:{name}"), {"q": q})
    assert response.status_code == 200
    return response.json()["results"]


def _texts(results):
    return {row["text"] for row in results}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_an_endpoint_answers_at_most_the_limit_in_queries_constant_in_rows(world, client, name):
    client.force_login(world.users["superuser"])
    grow(world, 3)
    _answer(client, name)  # warm the session and content types
    with CaptureQueriesContext(connection) as few:
        small = _answer(client, name)
    grow(world, LIMIT + 5)
    with CaptureQueriesContext(connection) as many:
        large = _answer(client, name)
    assert 0 < len(small) <= LIMIT  # reference data (the asset classes) may fill a page before growing
    assert len(large) == LIMIT
    assert len(many) == len(few), [q["sql"] for q in many]


def test_a_department_head_is_offered_only_their_own_department(world, client):
    own_room = RoomOccupancyFactory(department=world.own, room=RoomFactory(number="501")).room
    RoomOccupancyFactory(department=world.other, room=RoomFactory(number="502", building=own_room.building))
    client.force_login(world.users[Role.DEPARTMENT_HEADS])

    assert _texts(_answer(client, "bureau.department")) == {"教育局"}
    assert _answer(client, "bureau.department", "财政") == []
    assert [row["id"] for row in _answer(client, "bureau.room", "50")] == [own_room.pk]
    assert _answer(client, "bureau.room", "502") == []  # another department's room: nothing
    people = _texts(_answer(client, "bureau.person"))
    assert people and all(
        StaffProfile.objects.get(user__pk=row["id"]).department == world.own for row in _answer(client, "bureau.person")
    )


def test_search_by_prefix_code_and_chinese_name(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    assert _texts(_answer(client, "bureau.department", "财政")) == {"财政局"}
    assert _texts(_answer(client, "bureau.department", "w-oth")) == {"财政局"}  # code, any case
    building = BuildingFactory(name="行政中心主楼")
    RoomFactory(building=building, number="301")
    RoomFactory(building=building, number="1301")
    assert _texts(_answer(client, "bureau.room", "30")) == {"行政中心主楼 301"}
    centre = world.users[Role.MEETING_CENTRE]
    centre.last_name, centre.first_name = "王", "会务"
    centre.save()
    assert _texts(_answer(client, "bureau.person", "王会")) == {"王会务"}


def test_a_posted_row_outside_the_scope_is_refused_on_the_field(world, client):
    client.force_login(world.users[Role.EMPLOYEES])
    response = client.post(reverse("meetings:meeting_add"), {"title": "越权会议", "host_department": world.other.pk})
    assert response.status_code == 200
    errors = response.context["form"].errors["host_department"]
    assert errors == ["所选记录不在您可选的范围内，请输入关键字搜索后从列表中选择。"]


def test_a_picker_renders_only_the_chosen_row_and_keeps_it_when_the_form_comes_back(world, client):
    Department.objects.bulk_create(
        Department(code=f"X{i:03d}", name=f"其他单位{i}", kind=DepartmentKind.GOV_DEPARTMENT) for i in range(30)
    )
    building = BuildingFactory(name="综合楼")
    client.force_login(world.users[Role.ADMIN_CENTRE])
    page = client.get(reverse("bureau:department_add")).content.decode()
    select = re.search(r'<select name="parent"[^>]*>(.*?)</select>', page, re.S)
    assert 'data-picker-url="/pickers/bureau.department/"' in select.group(0)
    assert select.group(1).count("<option") == 1  # the empty choice only

    response = client.post(reverse("bureau:room_add"), {"building": building.pk, "number": "", "floor": "1"})
    assert response.status_code == 200 and "number" in response.context["form"].errors
    select = re.search(r'<select name="building"[^>]*>(.*?)</select>', response.content.decode(), re.S).group(1)
    assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == ["", "综合楼"]
    assert f'value="{building.pk}" selected' in select


def test_a_filter_picker_keeps_its_choice_and_filters(world, client):
    chosen = BuildingFactory(name="东楼")
    RoomFactory(building=chosen, number="101")
    RoomFactory(building=BuildingFactory(name="西楼"), number="102")
    client.force_login(world.users[Role.ADMIN_CENTRE])
    page = client.get(reverse("bureau:room_list"), {"building": chosen.pk}).content.decode()
    select = re.search(r'<select name="building"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == ["", "东楼"]
    assert ">101<" in page and "西楼" not in page  # the other building: neither a row nor an option


def test_the_endpoint_needs_the_sources_permission(world, client):
    client.force_login(world.users[Role.EMPLOYEES])  # no view_room
    assert client.get(reverse("pickers:bureau.room")).status_code == 403
    client.logout()
    response = client.get(reverse("pickers:bureau.room"), {"q": "3"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_search_with_control_characters_or_a_long_text_is_answered(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    assert _texts(_answer(client, "bureau.department", "财\x00政")) == {"财政局"}
    assert _answer(client, "bureau.department", "局" * 5000) == []


def test_a_multiple_picker_renders_and_accepts_only_rows_of_the_scope(world):
    from django import forms

    from bureau.forms import BureauForm
    from bureau.pickers import PickerMultipleField

    class InviteForm(BureauForm):
        departments = PickerMultipleField("bureau.department", label="单位")

    head = world.users[Role.DEPARTMENT_HEADS]
    form = InviteForm({"departments": [world.own.pk]}, user=head)
    assert form.is_valid() and list(form.cleaned_data["departments"]) == [world.own]
    html = str(form["departments"])
    assert re.findall(r"<option[^>]*>([^<]*)</option>", html) == ["教育局"] and "multiple" in html
    form = InviteForm({"departments": [world.own.pk, world.other.pk]}, user=head)
    assert not form.is_valid()
    assert "不在您可选的范围内" in form.errors["departments"][0]
    assert isinstance(form.fields["departments"], forms.ModelMultipleChoiceField)


def test_editing_keeps_a_value_the_picker_no_longer_offers(world, client):
    occupancy = RoomOccupancyFactory(department=world.other)
    world.other.active = False
    world.other.save()
    client.force_login(world.users[Role.ADMIN_CENTRE])
    assert _answer(client, "bureau.department", "财政") == []  # an inactive department is not offered
    url = reverse("bureau:roomoccupancy_edit", args=[occupancy.pk])
    page = client.get(url).content.decode()
    assert f'<option value="{world.other.pk}" selected>财政局</option>' in page
    data = {"room": occupancy.room.pk, "department": world.other.pk, "start_date": "2025-01-01", "note": "续用"}
    assert client.post(url, data).status_code == 302
    occupancy.refresh_from_db()
    assert occupancy.note == "续用" and occupancy.department == world.other
    fresh = client.post(reverse("bureau:roomoccupancy_add"), {**data, "start_date": "2030-01-01"})
    assert "department" in fresh.context["form"].errors  # but a new record can't choose it
