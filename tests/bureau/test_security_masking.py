"""Personal information (个人信息保护法): phone and ID numbers masked in lists, exports and detail
pages; shown in full only to the role that needs them, on request; every view of such a record audited."""

import pytest
from django.urls import reverse

from bureau.masking import mask_id_number, mask_phone
from bureau.models_security import AuditAction, AuditEntry
from bureau.roles import Role
from tests.meetings.factories import AttendeeFactory, ReceptionEscortFactory, ReceptionFactory, ReceptionGuestFactory


def test_mask_phone_keeps_the_prefix_and_the_last_four_digits():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0745-2345678") == "074*****5678"
    assert mask_phone("12345") == "***45"
    assert mask_phone("") == ""


@pytest.mark.django_db
def test_a_receptions_guests_and_escorts_show_masked_numbers(world, client):
    reception = ReceptionFactory(host_department=world.own)
    ReceptionGuestFactory(reception=reception, phone="13812345678")
    ReceptionEscortFactory(reception=reception, phone="13987654321")
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(reverse("meetings:reception", args=[reception.pk])).content.decode()
    assert "138****5678" in page and "139****4321" in page
    assert "13812345678" not in page and "13987654321" not in page


def test_mask_id_number_keeps_the_region_and_the_last_four():
    assert mask_id_number("430123199001011234") == "430***********1234"
    assert mask_id_number("12345") == "*****"


def _views(obj):
    return list(
        AuditEntry.objects.filter(
            action=AuditAction.VIEW_PERSONAL, target__startswith=f"{obj._meta.label_lower} {obj.pk} "
        )
        .order_by("pk")
        .values_list("username", "detail")
    )


@pytest.mark.django_db
def test_an_attendees_phone_is_masked_and_shown_in_full_only_to_the_meeting_centre_audited(world, client):
    attendee = AttendeeFactory(meeting__host_department=world.own, department=world.own, phone="13812345678")
    url = reverse("meetings:attendee", args=[attendee.pk])
    head = world.users[Role.DEPARTMENT_HEADS]
    client.force_login(head)
    for asked in (url, f"{url}?full=1"):  # asking for it in full without the permission: still masked
        page = client.get(asked).content.decode()
        assert "138****5678" in page and "13812345678" not in page and 'href="?full=1"' not in page
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(url).content.decode()
    assert "138****5678" in page and "13812345678" not in page and 'href="?full=1"' in page
    page = client.get(f"{url}?full=1").content.decode()
    assert "13812345678" in page
    meeting_centre = world.users[Role.MEETING_CENTRE].username
    assert _views(attendee) == [
        (head.username, "detail masked"),
        (head.username, "detail masked"),
        (meeting_centre, "detail masked"),
        (meeting_centre, "detail full"),
    ]


@pytest.mark.django_db
def test_the_attendee_list_and_its_export_carry_no_phone_number(world, client):
    AttendeeFactory(department=world.own, phone="13812345678")
    client.force_login(world.users[Role.MEETING_CENTRE])
    for suffix in ("", "?_export=csv", "?_export=xlsx"):
        response = client.get(reverse("meetings:attendee_list") + suffix)
        assert response.status_code == 200
        assert b"13812345678" not in response.content


@pytest.mark.django_db
def test_a_receptions_contact_phone_is_masked_and_every_view_of_it_audited(world, client):
    reception = ReceptionFactory(host_department=world.own, contact_phone="13700001111")
    url = reverse("meetings:reception", args=[reception.pk])
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(url).content.decode()
    assert "137****1111" in page and "13700001111" not in page
    assert "13700001111" in client.get(f"{url}?full=1").content.decode()
    user = world.users[Role.MEETING_CENTRE].username
    assert _views(reception) == [(user, "detail masked"), (user, "detail full")]
