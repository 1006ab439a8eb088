"""seed_demo: the 中方县 demo, idempotent, prints the logins, refuses production without --force."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from bureau import demo
from bureau.models import Building, Department, Room, RoomOccupancy
from bureau.roles import ALL_ROLES
from tests.history_guard import tracked_models


def _counts():
    models = [*tracked_models(), get_user_model(), Group]
    counts = {model.__name__: model._default_manager.count() for model in models}
    counts |= {f"history of {model.__name__}": model.history.count() for model in tracked_models()}
    return counts


@pytest.mark.django_db
def test_seed_twice_changes_nothing_and_prints_logins(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", stdout=out)
    first = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first

    printed = out.getvalue()
    assert demo.DEMO_PASSWORD in printed
    for username, full_name, _role, _department in demo.DEMO_USERS:
        assert username in printed and full_name in printed
    # The demo row of DESIGN.md §9: real-looking 中方县 units, the administrative centre, its rooms.
    assert Department.objects.count() == 60
    for name in (
        "中方县人民政府办公室",
        "中方县财政局",
        "中方县教育局",
        "中方镇人民政府",
        "铜湾镇人民政府",
        "泸阳镇人民政府",
    ):
        assert Department.objects.filter(name=name).exists(), name
    assert Building.objects.count() == 5
    assert 380 <= Room.objects.count() <= 420
    assert RoomOccupancy.objects.current().count() > 200
    users = get_user_model().objects.filter(username__in=[u[0] for u in demo.DEMO_USERS])
    assert {group for user in users for group in user.groups.values_list("name", flat=True)} == set(ALL_ROLES)


@pytest.mark.django_db
def test_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=StringIO())
    assert not Department.objects.exists()
    call_command("seed_demo", "--force", stdout=StringIO())
    assert Department.objects.count() == 60


# The landing section each demo role must see first on its home page, and one it must not see.
HOME_SECTIONS = {
    "leader": ("/meetings/", None),
    "meeting": ("/meetings/", "/assets/"),
    "procure": ("/procurement/", "/meetings/"),
    "campus": ("/property/", "/assets/"),
    "asset": ("/assets/", "/meetings/"),
    "inspect": ("/property/", "/procurement/"),
    "finance": ("/meetings/", None),
    "repair": ("/property/", "/assets/"),
    "head": ("/meetings/", None),
    "employee": ("/meetings/", "/assets/"),
}


@pytest.mark.django_db
def test_each_demo_login_shows_its_navigation(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    settings.DEBUG = False
    assert set(HOME_SECTIONS) == {username for username, *_ in demo.DEMO_USERS}
    for username, expected, hidden in ((u, *HOME_SECTIONS[u]) for u in HOME_SECTIONS):
        client.logout()
        response = client.post(reverse("login"), {"username": username, "password": demo.DEMO_PASSWORD}, follow=True)
        assert response.context["user"].username == username
        urls = [section.url for section, _items in response.context["sections"]]
        assert expected in urls, (username, urls)
        assert hidden is None or hidden not in urls, (username, urls)
        assert f'href="{expected}"' in response.content.decode()
