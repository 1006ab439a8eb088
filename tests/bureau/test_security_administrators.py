"""The three separated administrators (三员分立): no account holds two, nobody changes their own
roles, and the system administrator can't hand out roles."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from bureau.forms_security import AdminUserChangeForm
from bureau.roles import ADMINISTRATOR_ROLES, Role
from tests.factories import make_user


def group(name):
    return Group.objects.get(name=name)


@pytest.mark.django_db
def test_an_account_cannot_be_given_a_second_administrator_role_either_way():
    user = make_user(roles=[Role.SYSTEM_ADMINISTRATOR])
    # m2m add() runs in the caller's transaction (no savepoint of its own): refused, it is rolled back.
    with pytest.raises(ValidationError) as exc, transaction.atomic():
        user.groups.add(group(Role.AUDIT_ADMINISTRATOR))
    assert exc.value.code == "two_administrator_roles"
    with pytest.raises(ValidationError) as exc, transaction.atomic():
        group(Role.SECURITY_ADMINISTRATOR).user_set.add(user)
    assert exc.value.code == "two_administrator_roles"
    assert list(user.groups.values_list("name", flat=True)) == [Role.SYSTEM_ADMINISTRATOR]
    user.groups.add(group(Role.FINANCE))  # a business role beside it is not refused by this rule
    assert user.groups.count() == 2


@pytest.mark.django_db
def test_the_admin_user_form_refuses_two_administrator_roles_on_the_field():
    user = make_user(username="zhou")
    data = {
        "username": "zhou",
        "date_joined": timezone.now(),
        "groups": [group(Role.SECURITY_ADMINISTRATOR).pk, group(Role.AUDIT_ADMINISTRATOR).pk],
    }
    form = AdminUserChangeForm(data, instance=user)
    assert not form.is_valid()
    assert form.has_error("groups", "two_administrator_roles")
    assert "三员" in str(form.errors["groups"]) or "管理员" in str(form.errors["groups"])
    data["groups"] = [group(Role.SECURITY_ADMINISTRATOR).pk]
    assert AdminUserChangeForm(data, instance=user).is_valid()


@pytest.mark.django_db
def test_an_administrator_cannot_change_their_own_roles_and_the_system_administrator_none(client):
    security = make_user(roles=[Role.SECURITY_ADMINISTRATOR], username="sec", is_staff=True)
    system = make_user(roles=[Role.SYSTEM_ADMINISTRATOR], username="sys", is_staff=True)
    other = make_user(username="other")

    def editable(actor, target):
        client.force_login(actor)
        response = client.get(reverse("admin:auth_user_change", args=[target.pk]))
        assert response.status_code == 200
        return set(response.context["adminform"].form.fields)

    assert "groups" not in editable(security, security)
    assert "groups" in editable(security, other)
    assert "groups" not in editable(system, other)
    assert {"username", "is_active"} <= editable(system, other)


@pytest.mark.django_db
def test_the_role_groups_exist_with_only_their_duty():
    perms = {
        name: set(group(name).permissions.values_list("content_type__app_label", "codename"))
        for name in ADMINISTRATOR_ROLES
    }
    assert perms[Role.AUDIT_ADMINISTRATOR] == {("bureau", "view_auditentry")}
    assert ("bureau", "manage_sessions") in perms[Role.SECURITY_ADMINISTRATOR]
    assert not any(
        app in ("meetings", "procurement", "assets", "property_services") for app, _ in set().union(*perms.values())
    )
