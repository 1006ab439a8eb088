"""No lost updates on the generic edit pages: a save over a change made since the form was opened is
refused with who changed what and when, and everything typed comes back in the form."""

import pytest
from django.test import Client
from django.urls import reverse

from bureau.concurrency import STALE_CODE, VERSION_FIELD
from bureau.forms import BuildingForm
from bureau.models import Building
from bureau.roles import Role
from tests.factories import BuildingFactory, make_user


def opened_form(client, url):
    """What the browser would post back unchanged: every field of the form as the page rendered it."""
    form = client.get(url).context["form"]
    return {bf.html_name: "" if bf.value() is None else bf.value() for bf in form}


@pytest.fixture
def two_clerks(world):
    first = make_user(
        roles=[Role.ADMIN_CENTRE], department=world.bureau, username="clerk-a", last_name="王", first_name="一"
    )
    second = make_user(
        roles=[Role.ADMIN_CENTRE], department=world.bureau, username="clerk-b", last_name="李", first_name="二"
    )
    clients = []
    for user in (first, second):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def test_second_save_of_a_register_record_is_refused_and_keeps_what_was_typed(two_clerks):
    building = BuildingFactory(name="一号楼", address="人民路1号")
    url = reverse("bureau:building_edit", args=[building.pk])
    first, second = two_clerks
    data_a, data_b = opened_form(first, url), opened_form(second, url)
    assert data_a[VERSION_FIELD]  # the version travels with the form

    data_a["name"] = "行政中心一号楼"
    assert first.post(url, data_a).status_code == 302

    data_b["address"] = "人民路3号"
    response = second.post(url, data_b)
    assert response.status_code == 200
    form = response.context["form"]
    message = " ".join(form.non_field_errors())
    assert "王一" in message and "行政中心一号楼" in message and "名称" in message
    assert [error.code for error in form.non_field_errors().as_data()] == [STALE_CODE]
    assert 'value="人民路3号"' in response.content.decode()  # what the second clerk typed is still there
    building.refresh_from_db()
    assert (building.name, building.address) == ("行政中心一号楼", "人民路1号")

    # The form now carries the current version: saving again is a deliberate overwrite.
    assert form[VERSION_FIELD].value() != data_b[VERSION_FIELD]
    resubmitted = {bf.html_name: "" if bf.value() is None else bf.value() for bf in form}
    assert second.post(url, resubmitted).status_code == 302
    building.refresh_from_db()
    assert building.address == "人民路3号" and building.name == "一号楼"  # the second clerk's form, as they chose


def test_a_save_that_changes_nothing_over_a_newer_version_is_not_refused(two_clerks):
    building = BuildingFactory(name="二号楼")
    url = reverse("bureau:building_edit", args=[building.pk])
    first, second = two_clerks
    data_a, data_b = opened_form(first, url), opened_form(second, url)
    data_a["name"] = "新二号楼"
    assert first.post(url, data_a).status_code == 302
    data_b["name"] = "新二号楼"  # the same values as the record now: nothing of the first save is lost
    assert second.post(url, data_b).status_code == 302


def test_a_change_between_checking_and_saving_is_caught_under_the_row_lock(world):
    building = BuildingFactory(name="三号楼", address="")
    form = BuildingForm(
        {
            "name": "三号楼",
            "code": building.code,
            "address": "新地址",
            "floors": "6",
            VERSION_FIELD: building.updated_at.isoformat(),
        },
        instance=Building.objects.get(pk=building.pk),
    )
    assert form.is_valid(), form.errors
    other = Building.objects.get(pk=building.pk)
    other.floors = 7
    other.save()  # someone else's save lands after the form was checked
    assert form.check_version_locked() is False
    assert "地上层数：6 → 7" in " ".join(form.non_field_errors())
    building.refresh_from_db()
    assert building.address == "" and building.floors == 7


def test_a_garbled_version_is_no_error_on_the_hidden_field(world):
    building = BuildingFactory()
    data = {"name": "四号楼", "code": building.code, "address": "", "floors": "6", VERSION_FIELD: "\x00" + "9" * 5000}
    form = BuildingForm(data, instance=building)
    assert form.is_valid(), form.errors
