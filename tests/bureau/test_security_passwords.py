"""Password policy: character classes, no reuse of the last five, expiry and the forced change."""

import datetime

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bureau import demo
from bureau.models_security import PasswordChangeRequired, PasswordRecord
from bureau.roles import Role
from tests.factories import make_user


def codes(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return {error.code for error in exc.error_list}
    return set()


@pytest.mark.django_db
def test_length_and_three_of_four_character_classes():
    assert "password_too_short" in codes("Ab1-")
    assert codes("abcdefgh12") == {"password_too_few_classes"}
    assert codes("abcdefgh1X") == set()
    assert codes("abcdefgh-1") == set()


@pytest.mark.django_db
def test_the_last_five_passwords_are_refused_and_the_sixth_back_is_allowed():
    user = make_user(username="wang")
    used = [f"Pw-{n}-Xyz" for n in range(6)]
    for password in used:
        user.set_password(password)
        user.save()
    assert "password_reused" in codes(used[-1], user)  # the current one
    assert "password_reused" in codes(used[1], user)  # the fifth back
    assert "password_reused" not in codes(used[0], user)  # six back: allowed again
    assert PasswordRecord.objects.filter(user=user).count() == 5


def change_page_data(old, new):
    return {"old_password": old, "new_password1": new, "new_password2": new}


@pytest.mark.django_db
def test_an_expired_password_sends_the_user_to_the_change_page_until_changed(client):
    user = make_user(username="li", password="Old-pw-2026", roles=[Role.LEADERSHIP])
    PasswordRecord.objects.filter(user=user).update(changed_at=timezone.now() - datetime.timedelta(days=91))
    client.force_login(user)
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("password_change")
    assert "90 天" in response.content.decode()
    reused = client.post(reverse("password_change"), change_page_data("Old-pw-2026", "Old-pw-2026"))
    assert reused.status_code == 200 and reused.context["form"].has_error("new_password2", "password_reused")
    client.post(reverse("password_change"), change_page_data("Old-pw-2026", "New-pw-2027"))
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_a_password_under_the_age_limit_does_not_expire(client):
    user = make_user(username="li", roles=[Role.LEADERSHIP])
    PasswordRecord.objects.filter(user=user).update(changed_at=timezone.now() - datetime.timedelta(days=89))
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_an_account_made_in_the_admin_changes_its_password_at_the_first_login(client):
    client.force_login(make_user(username="root", is_superuser=True, is_staff=True))
    response = client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "newbie",
            "password1": "First-pw-2026",
            "password2": "First-pw-2026",
            "usable_password": "true",
            **{f"profile-{key}": "0" for key in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")},
            "profile-MAX_NUM_FORMS": "1",
        },
    )
    assert response.status_code == 302
    from django.contrib.auth import get_user_model

    newbie = get_user_model().objects.get(username="newbie")
    assert PasswordChangeRequired.objects.filter(user=newbie).exists()
    client.force_login(newbie)
    assert client.get(reverse("home")).url == reverse("password_change")
    client.post(reverse("password_change"), change_page_data("First-pw-2026", "Own-pw-2026"))
    assert not PasswordChangeRequired.objects.filter(user=newbie).exists()
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("required", [True, False])
def test_seed_demo_accounts_change_their_password_first_unless_the_setting_is_off(settings, required):
    settings.BUREAU_DEMO_PASSWORD_CHANGE = required
    demo._seed_users(demo._seed_departments())
    assert PasswordChangeRequired.objects.filter(user__username="admin").exists() is required
    accounts = len(demo.DEMO_USERS) + len(demo.DEMO_ADMINISTRATORS) + 1  # and the superuser
    assert PasswordChangeRequired.objects.count() == (accounts if required else 0)
