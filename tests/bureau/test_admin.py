"""Every admin page of the project's models opens for a superuser; users carry their staff profile."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bureau.roles import Role
from tests.factories import RoomOccupancyFactory, StaffProfileFactory
from tests.history_guard import PROJECT_APPS

ADMIN_APPS = (*PROJECT_APPS, "auth")
PROFILE_MANAGEMENT = {
    "profile-TOTAL_FORMS": "1",
    "profile-INITIAL_FORMS": "0",
    "profile-MIN_NUM_FORMS": "0",
    "profile-MAX_NUM_FORMS": "1",
}


def _registered():
    return sorted(
        (model for model in admin.site._registry if model._meta.app_label in ADMIN_APPS),
        key=lambda model: model._meta.label,
    )


def _url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


@pytest.fixture
def superuser_client(world, client):
    client.force_login(world.users["superuser"])
    occupancy = RoomOccupancyFactory(department=world.own)
    StaffProfileFactory(department=world.other)
    return client, occupancy


def test_bureau_and_auth_models_are_registered():
    labels = {model._meta.label for model in _registered()}
    expected = {"bureau.Department", "bureau.StaffProfile", "bureau.Building", "bureau.Room", "bureau.RoomOccupancy"}
    assert expected | {"auth.User", "auth.Group"} <= labels


def test_every_changelist_add_change_and_history_page_opens(superuser_client):
    client, _occupancy = superuser_client
    failures, opened = [], set()
    request = client.get(reverse("admin:index")).wsgi_request
    for model in _registered():
        pages = [_url(model, "changelist")]
        if admin.site._registry[model].has_add_permission(request):  # not where services add the rows
            pages.append(_url(model, "add"))
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            pages += [_url(model, "change", obj.pk), _url(model, "history", obj.pk)]
            opened.add(model._meta.model_name)
        for url in pages:
            status = client.get(url).status_code
            if status != 200:
                failures.append(f"{url}: {status}")
    assert not failures, failures
    # Every bureau model (and the user) had a row whose change page was opened.
    assert {"department", "staffprofile", "building", "room", "roomoccupancy", "user", "group"} <= opened


def test_admin_search_and_filters_answer(superuser_client):
    client, occupancy = superuser_client
    room_list = _url(occupancy.room.__class__, "changelist")
    response = client.get(room_list, {"q": occupancy.room.number, "use__exact": "office"})
    assert response.status_code == 200 and occupancy.room.number in response.content.decode()
    response = client.get(_url(occupancy.__class__, "changelist"), {"q": occupancy.department.name})
    assert response.status_code == 200


def test_admin_changelist_does_not_count_twice(superuser_client):
    client, occupancy = superuser_client
    with CaptureQueriesContext(connection) as queries:
        client.get(_url(occupancy.room.__class__, "changelist"))
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) <= 1, counts  # no second, unfiltered "full result count"


def test_user_admin_shows_staff_profile_and_roles(world, superuser_client):
    client, _occupancy = superuser_client
    staff = world.users[Role.EMPLOYEES]
    html = client.get(_url(get_user_model(), "change", staff.pk)).content.decode()
    assert "人员信息" in html and world.own.name in html
    assert "组" in html  # Django's own Chinese label for groups (the roles)
    listing = client.get(_url(get_user_model(), "changelist")).content.decode()
    assert world.own.name in listing


def test_superuser_creates_a_user_with_profile_and_role(world, superuser_client):
    client, _occupancy = superuser_client
    response = client.post(
        _url(get_user_model(), "add"),
        {
            "username": "newclerk",
            "password1": "Qz-7a!long-pass",
            "password2": "Qz-7a!long-pass",
            "usable_password": "true",
            "_continue": "1",
            **PROFILE_MANAGEMENT,
            "profile-TOTAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["errors"]
    user = get_user_model().objects.get(username="newclerk")
    data = {
        "username": "newclerk",
        "first_name": "干事",
        "last_name": "钱",
        "email": "",
        "is_active": "on",
        "groups": [Group.objects.get(name=Role.EMPLOYEES).pk],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
        **PROFILE_MANAGEMENT,
        "profile-0-department": world.own.pk,
        "profile-0-title": "科员",
        "profile-0-phone": "0745-1234567",
        "_save": "1",
    }
    response = client.post(_url(get_user_model(), "change", user.pk), data)
    assert response.status_code == 302, response.context["errors"]
    user.refresh_from_db()
    assert user.profile.department == world.own and user.groups.get().name == Role.EMPLOYEES


def test_two_overlapping_occupancies_entered_together_in_the_admin_are_refused(world, superuser_client):
    from bureau.models import RoomOccupancy
    from tests.factories import RoomFactory

    client, _occupancy = superuser_client
    room = RoomFactory()
    data = {
        "building": room.building.pk,
        "floor": room.floor,
        "number": room.number,
        "name": "",
        "use": room.use,
        "area": "24.00",
        "capacity": "",
        "equipment": "",
        "active": "on",
        "occupancies-TOTAL_FORMS": "2",
        "occupancies-INITIAL_FORMS": "0",
        "occupancies-MIN_NUM_FORMS": "0",
        "occupancies-MAX_NUM_FORMS": "1000",
        "occupancies-0-department": world.own.pk,
        "occupancies-0-start_date": "2026-01-01",
        "occupancies-0-end_date": "",
        "occupancies-1-department": world.other.pk,
        "occupancies-1-start_date": "2026-06-01",
        "occupancies-1-end_date": "",
    }
    response = client.post(_url(room.__class__, "change", room.pk), data)
    assert response.status_code == 200  # the form again, not a server error
    assert "重叠" in response.content.decode()
    assert not RoomOccupancy.objects.filter(room=room).exists()
    data["occupancies-0-end_date"] = "2026-05-31"
    assert client.post(_url(room.__class__, "change", room.pk), data).status_code == 302
    assert RoomOccupancy.objects.filter(room=room).count() == 2
