"""Two factors for the admin site when the setting requires them (等保 level 3)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from bureau.roles import Role
from tests.factories import make_user

PASSWORD = "Admin-pw-2026"


@pytest.fixture
def administrator(db):
    return make_user(username="sysadmin", password=PASSWORD, roles=[Role.SYSTEM_ADMINISTRATOR], is_staff=True)


def test_without_the_setting_the_admin_needs_no_second_factor(client, administrator, settings):
    settings.BUREAU_REQUIRE_TWO_FACTOR = False
    client.force_login(administrator)
    assert client.get(reverse("admin:index")).status_code == 200


def test_an_administrator_without_a_second_factor_cannot_reach_the_admin(client, administrator, settings):
    settings.BUREAU_REQUIRE_TWO_FACTOR = True
    client.force_login(administrator)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    # The password alone does not do either: the admin's login asks for the code.
    client.logout()
    login = client.post(reverse("admin:login"), {"username": "sysadmin", "password": PASSWORD})
    assert login.status_code == 200 and "otp_token" in login.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


def test_with_a_registered_device_and_its_code_the_administrator_gets_in(client, administrator, settings):
    settings.BUREAU_REQUIRE_TWO_FACTOR = True
    device = TOTPDevice.objects.create(user=administrator, name="手机", confirmed=True)
    wrong = client.post(
        reverse("admin:login"),
        {"username": "sysadmin", "password": PASSWORD, "otp_device": device.persistent_id, "otp_token": "000000"},
    )
    assert wrong.status_code == 200 and client.get(reverse("admin:index")).status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the device wait before the next try (django-otp)
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    response = client.post(
        reverse("admin:login"),
        {"username": "sysadmin", "password": PASSWORD, "otp_device": device.persistent_id, "otp_token": code},
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
