"""Login lockout (account and address), idle sessions, and ending a user's sessions."""

import datetime
import time
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bureau.models_security import AuditAction, AuditEntry, UserSession
from bureau.roles import Role
from tests.factories import make_user

PASSWORD = "Right-pw-2026"


def try_login(client, password, address):
    return client.post(reverse("login"), {"username": "wang", "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_a_locked_account_and_address_waits_for_the_cool_off_while_another_address_logs_in(settings):
    make_user(username="wang", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert try_login(Client(), "wrong", "10.0.0.1").status_code == 200  # the form again, with its error
    assert try_login(Client(), "wrong", "10.0.0.1").status_code == 429  # the last failure allowed locks
    locked = try_login(Client(), PASSWORD, "10.0.0.1")
    assert locked.status_code == 429
    assert "登录失败次数过多" in locked.content.decode() and "30 分钟" in locked.content.decode()
    assert not locked.wsgi_request.user.is_authenticated
    # The same account from another address is not locked: a stranger can't lock the user out.
    elsewhere = try_login(Client(), PASSWORD, "10.0.0.2")
    assert elsewhere.status_code == 302 and elsewhere.url == reverse("home")
    # After the cool-off the locked address may try again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))
    assert try_login(Client(), PASSWORD, "10.0.0.1").status_code == 302
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED, username="wang").count() >= 5


@pytest.mark.django_db
def test_an_idle_session_ends(client):
    user = make_user(username="li", roles=[Role.LEADERSHIP])
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    session["_last_seen"] = int(time.time()) - 31 * 60
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert client.get(reverse("home")).status_code == 302  # ended for good, not just this request
    assert not UserSession.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_an_active_session_lives_on_past_the_idle_time_counted_from_login(client):
    user = make_user(username="li", roles=[Role.LEADERSHIP])
    client.force_login(user)
    session = client.session
    session["_last_seen"] = int(time.time()) - 29 * 60
    session.save()
    assert client.get(reverse("home")).status_code == 200
    assert client.session["_last_seen"] >= int(time.time()) - 5  # the request counted as activity


@pytest.mark.django_db
def test_pages_carry_the_idle_warning_and_staying_signed_in_counts_as_activity(client, settings):
    settings.BUREAU_SESSION_IDLE_WARNING_MINUTES = 3
    client.force_login(make_user(username="li", roles=[Role.LEADERSHIP]))
    page = client.get(reverse("home")).content.decode()
    assert 'data-idle-minutes="30" data-idle-warning-minutes="3"' in page
    assert 'id="idle-warning"' in page and "bureau/idle-warning.js" in page
    assert "<script>" not in page  # the warning's script is a static file (CSP)
    session = client.session
    session["_last_seen"] = int(time.time()) - 29 * 60
    session.save()
    response = client.post(reverse("session_keep_alive"))
    assert response.status_code == 204
    assert client.session["_last_seen"] >= int(time.time()) - 5
    later = time.time() + 10 * 60  # idle since login: gone; since "stay signed in": 10 minutes
    with mock.patch("bureau.middleware.time.time", return_value=later):
        assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_staying_signed_in_after_the_session_ended_leads_to_the_login_page(client):
    client.force_login(make_user(username="li", roles=[Role.LEADERSHIP]))
    session = client.session
    session["_last_seen"] = int(time.time()) - 31 * 60
    session.save()
    response = client.post(reverse("session_keep_alive"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.django_db
def test_the_security_administrator_lists_and_ends_a_users_sessions_everywhere(client):
    user = make_user(username="zhang", roles=[Role.LEADERSHIP])
    office, home = Client(), Client()
    office.force_login(user)
    home.force_login(user)
    assert office.get(reverse("home")).status_code == home.get(reverse("home")).status_code == 200

    client.force_login(make_user(username="sec", roles=[Role.SECURITY_ADMINISTRATOR]))
    listing = client.get(reverse("bureau:usersession_list")).content.decode()
    assert listing.count("zhang") >= 2
    response = client.post(reverse("bureau:user_sessions_end", args=[user.pk]), follow=True)
    assert "已结束 zhang 的 2 个会话" in response.content.decode()
    assert office.get(reverse("home")).status_code == home.get(reverse("home")).status_code == 302
    assert AuditEntry.objects.filter(action=AuditAction.SESSIONS_ENDED, target="zhang", username="sec").exists()


@pytest.mark.django_db
def test_deactivating_a_user_ends_their_sessions_and_reactivating_revives_none(client):
    user = make_user(username="chen", roles=[Role.LEADERSHIP])
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200
    user.is_active = False
    user.save()
    user.is_active = True
    user.save()
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_the_first_page_after_login_writes_no_session_and_checks_no_password(client):
    """The idle clock and the password check are set at login, so the policy adds no query to a page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_user(username="li", roles=[Role.LEADERSHIP]))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    sql = [query["sql"] for query in queries]
    assert not [q for q in sql if "django_session" in q and not q.lstrip().upper().startswith("SELECT")]
    assert not [q for q in sql if "bureau_password" in q]
