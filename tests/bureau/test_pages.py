"""Home page by role, language switch, error pages in Chinese, /healthz."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import RequestFactory
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from bureau.roles import Role
from bureau.views import pages
from tests.factories import RoomOccupancyFactory


def _home(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    sections = {section.url: [item.url for item in items] for section, items in response.context["sections"]}
    return sections, response.content.decode()


def test_meeting_centre_sees_meetings_not_assets(world, client):
    sections, html = _home(client, world.users[Role.MEETING_CENTRE])
    assert "/meetings/" in sections and "/assets/" not in sections and "/procurement/" not in sections
    assert "会务中心" in html and "国有资产" not in html


def test_asset_managers_see_assets_and_procurement_not_meetings(world, client):
    sections, html = _home(client, world.users[Role.ASSET_MANAGERS])
    assert "/assets/" in sections and "/procurement/" in sections and "/meetings/" not in sections


def test_each_role_lands_on_its_main_section_first(world, client):
    client.force_login(world.users[Role.ASSET_MANAGERS])
    first_section, _items = client.get(reverse("home")).context["sections"][0]
    assert first_section.url == "/assets/"
    client.force_login(world.users[Role.PROCUREMENT_CENTRE])
    first_section, _items = client.get(reverse("home")).context["sections"][0]
    assert first_section.url == "/procurement/"


def test_chinese_by_default_even_for_a_browser_set_to_english(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "会务中心" in page and 'lang="zh-hans"' in page


def test_technicians_see_property_services_only_among_centres(world, client):
    sections, _html = _home(client, world.users[Role.TECHNICIANS])
    centres = {url for url in sections if url in ("/meetings/", "/procurement/", "/assets/", "/property/")}
    assert centres == {"/property/"}


def test_department_staff_see_their_department_only(world, client):
    sections, html = _home(client, world.users[Role.EMPLOYEES])
    registers = sections[reverse("bureau:department_list")]
    assert registers == [reverse("bureau:department_list")]  # no buildings, rooms or occupancy
    assert world.own.name in html  # their department in the user menu
    response = client.get(reverse("bureau:department_list"))
    assert [row.record for row in response.context["table"].page.object_list] == [world.own]
    assert client.get(reverse("bureau:department", args=[world.other.pk])).status_code == 404


def test_campus_sees_all_registers(world, client):
    sections, _html = _home(client, world.users[Role.ADMIN_CENTRE])
    assert len(sections[reverse("bureau:department_list")]) == 5  # departments, buildings, rooms, occupancy, people


def test_user_without_role_is_told_so(world, client):
    sections, html = _home(client, world.users["no role"])
    assert sections == {} and "尚未分配角色" in html


def test_anonymous_home_goes_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_login_page_in_chinese_by_default(client):
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="zh-hans">' in html and "登录" in html


def test_language_switch_to_english_and_back(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    assert "欢迎" in client.get(reverse("home")).content.decode()

    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    assert response.status_code == 302
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html and "Welcome" in html and "Meetings centre" in html and "欢迎" not in html

    client.post(reverse("set_language"), {"language": "zh-hans", "next": reverse("home")})
    assert "欢迎" in client.get(reverse("home")).content.decode()


def test_403_page_in_chinese(world, client):
    client.force_login(world.users[Role.EMPLOYEES])
    response = client.get(reverse("bureau:building_list"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "无权访问" in html and "返回首页" in html


def test_404_page_in_chinese_for_another_departments_record(world, client):
    occupancy = RoomOccupancyFactory(department=world.other)
    client.force_login(world.users[Role.DEPARTMENT_HEADS])
    response = client.get(reverse("bureau:roomoccupancy", args=[occupancy.pk]))
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
    assert client.get("/no/such/page/").status_code == 404


def test_500_page_renders_without_a_database():
    def broken(*args, **kwargs):
        raise OperationalError("database is down")

    request = RequestFactory().get("/")
    request.user = SimpleLazyObject(broken)  # touching the user would hit the dead database
    request.session = SimpleLazyObject(broken)
    with mock.patch.object(BaseDatabaseWrapper, "cursor", broken):
        response = pages.error_500(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "服务器错误" in html and "返回首页" in html


@pytest.mark.django_db
def test_healthz_ok(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_503_when_the_database_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = ""

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    with mock.patch.object(BaseDatabaseWrapper, "cursor", broken):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error: OperationalError"


@pytest.mark.django_db
def test_healthz_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"  # the discard port: nothing listens
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "ok" and body["broker"].startswith("error")


@pytest.mark.django_db
def test_healthz_checks_a_reachable_broker(client, settings):
    """With a broker configured (CI: Redis), healthz says so; without one, it is not checked."""
    import os

    url = os.environ.get("CELERY_BROKER_URL", "")
    settings.CELERY_BROKER_URL = url
    body = client.get("/healthz").json()
    if url:
        assert body["broker"] == "ok"
    else:
        assert "broker" not in body
