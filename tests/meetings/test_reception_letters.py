"""One 公函, one reception (issue 10, item 2): the letter comes from the visiting unit and is addressed
to the host department — or the reception records why it still applies —, and a letter backs one
reception unless it is registered as backing several. Page, service, workflow and admin alike."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bureau.roles import Role
from meetings.choices import ReceptionStatus
from meetings.models import OfficialLetter, Reception
from meetings.services import reception as services
from tests.factories import DepartmentFactory
from tests.helpers import error_codes, field_error
from tests.meetings.factories import OfficialLetterFactory, ReceptionFactory, ReceptionGuestFactory

pytestmark = pytest.mark.django_db
S = ReceptionStatus


def _fields(world, **overrides):
    return {
        "host_department": world.own,
        "visiting_unit": "怀化市教育局考察组",
        "purpose": "考察学习",
        "arrival_date": datetime.date(2026, 6, 1),
        "departure_date": datetime.date(2026, 6, 2),
        "guest_count": 5,
        **overrides,
    }


def test_a_letter_from_another_unit_to_another_department_already_used_is_refused(world):
    """The walk-round of the issue: a used letter, from another county's unit, addressed elsewhere."""
    centre = world.users[Role.MEETING_CENTRE]
    elsewhere = DepartmentFactory(name="县教育局")
    letter = OfficialLetterFactory(sending_unit="会同县农业农村局", receiving_department=elsewhere)
    ReceptionFactory(letter=letter, host_department=elsewhere, visiting_unit="会同县农业农村局考察组")
    with pytest.raises(ValidationError) as caught:
        services.reception_create(actor=centre, letter=letter, **_fields(world, visiting_unit="邵阳市财政局考察组"))
    assert error_codes(caught.value) == {
        "visiting_unit": ["letter_sender"],
        "host_department": ["letter_addressee"],
        "letter": ["letter_used"],
    }
    assert "会同县农业农村局" in caught.value.message_dict["visiting_unit"][0]
    assert "县教育局" in caught.value.message_dict["host_department"][0]
    assert Reception.objects.count() == 1, "nothing half-saved"


def test_the_visiting_unit_or_a_group_named_after_it_matches_its_own_letter(world):
    centre = world.users[Role.MEETING_CENTRE]
    letter = OfficialLetterFactory(sending_unit="怀化市教育局", receiving_department=world.own)
    reception = services.reception_create(actor=centre, letter=letter, **_fields(world))
    assert reception.pk and reception.letter_exception == ""
    letter2 = OfficialLetterFactory(sending_unit="怀化市 教育局", receiving_department=world.own)
    assert services.reception_create(actor=centre, letter=letter2, **_fields(world, visiting_unit="怀化市教育局")).pk


def test_an_exception_is_accepted_only_with_its_reason_and_is_recorded(world):
    centre = world.users[Role.MEETING_CENTRE]
    letter = OfficialLetterFactory(sending_unit="湖南省机关事务管理局", receiving_department=world.other)
    fields = _fields(world, visiting_unit="省机关事务管理局调研组")
    with pytest.raises(ValidationError) as caught:
        services.reception_create(actor=centre, letter=letter, **fields, letter_exception="   ")
    assert set(error_codes(caught.value)) == {"visiting_unit", "host_department"}
    reason = "省局来函抄送县政府办，由本局承办接待（县政府办2026年6月1日批示）"
    reception = services.reception_create(actor=centre, letter=letter, **fields, letter_exception=reason)
    assert reception.history.first().letter_exception == reason


def test_a_letter_backs_one_reception_unless_registered_for_several(world):
    centre = world.users[Role.MEETING_CENTRE]
    letter = OfficialLetterFactory(receiving_department=world.own)
    first = services.reception_create(actor=centre, letter=letter, **_fields(world))
    with pytest.raises(ValidationError) as caught:
        services.reception_create(
            actor=centre,
            letter=letter,
            **_fields(world, arrival_date=datetime.date(2026, 7, 1), departure_date=datetime.date(2026, 7, 1)),
        )
    assert error_codes(caught.value) == {"letter": ["letter_used"]}
    assert str(first) in caught.value.message_dict["letter"][0]
    # A cancelled reception frees its letter.
    services.reception_cancel(reception=first, actor=centre, reason="来访取消")
    second = services.reception_create(actor=centre, letter=letter, **_fields(world))
    # Marked for several, it backs a second visit too — and can't be unmarked while it does.
    letter.for_several_receptions = True
    letter.save()
    services.reception_create(
        actor=centre,
        letter=letter,
        **_fields(world, arrival_date=datetime.date(2026, 7, 1), departure_date=datetime.date(2026, 7, 1)),
    )
    letter.for_several_receptions = False
    with pytest.raises(ValidationError) as caught:
        letter.full_clean()
    assert error_codes(caught.value) == {"for_several_receptions": ["letter_used"]}
    assert second.pk


def test_submission_and_approval_check_the_letter_again(world):
    """Receptions registered before the rule (two on one letter, or a stranger's letter) stop at the workflow."""
    letter = OfficialLetterFactory(receiving_department=world.own)
    first = ReceptionFactory(letter=letter, host_department=world.own, status=S.SUBMITTED)
    second = ReceptionFactory(letter=letter, host_department=world.own)
    ReceptionGuestFactory(reception=second)
    with pytest.raises(ValidationError) as caught:
        services.reception_submit(reception=second, actor=world.users[Role.MEETING_CENTRE])
    assert error_codes(caught.value) == {"letter": ["letter_used"]}
    with pytest.raises(ValidationError) as caught:
        services.reception_approve(reception=first, actor=world.users[Role.LEADERSHIP])
    assert error_codes(caught.value) == {"letter": ["letter_used"]}
    assert Reception.objects.get(pk=first.pk).status == S.SUBMITTED
    assert Reception.objects.get(pk=second.pk).status == S.DRAFT


def test_the_reception_page_refuses_on_the_fields_and_accepts_a_recorded_exception(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    letter = OfficialLetterFactory(sending_unit="会同县农业农村局", receiving_department=world.other)
    data = {
        "letter": letter.pk,
        "host_department": world.own.pk,
        "visiting_unit": "邵阳市财政局考察组",
        "letter_exception": "",
        "purpose": "考察学习",
        "arrival_date": "2026-06-01",
        "departure_date": "2026-06-02",
        "guest_count": "5",
        "lodging_amount": "0",
        "transport_amount": "0",
        "other_amount": "0",
    }
    response = client.post(reverse("meetings:reception_add"), data)
    assert "会同县农业农村局" in field_error(response, "visiting_unit")
    assert "不是接待单位" in field_error(response, "host_department")
    assert "邵阳市财政局考察组" in response.content.decode(), "what was typed is kept"
    assert not Reception.objects.exists()
    data["letter_exception"] = "市里统一安排的联合考察，以会同县来函为准"
    response = client.post(reverse("meetings:reception_add"), data)
    assert response.status_code == 302
    reception = Reception.objects.get()
    assert reception.letter_exception == "市里统一安排的联合考察，以会同县来函为准"
    assert "市里统一安排的联合考察" in client.get(reception.get_absolute_url()).content.decode()


def test_the_admin_refuses_a_used_letter_too(world, client):
    letter = OfficialLetterFactory(receiving_department=world.own)
    ReceptionFactory(letter=letter, host_department=world.own)
    client.force_login(world.users["superuser"])
    response = client.post(
        reverse("admin:meetings_reception_add"),
        {
            "letter": letter.pk,
            "host_department": world.own.pk,
            "visiting_unit": "怀化市教育局考察组",
            "letter_exception": "",
            "purpose": "考察",
            "arrival_date": "2026-06-01",
            "departure_date": "2026-06-02",
            "guest_count": "5",
            "lodging_amount": "0",
            "transport_amount": "0",
            "other_amount": "0",
            **{
                f"{prefix}-{key}": "0"
                for prefix in ("guests", "escorts", "meals", "tour_stops")
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    assert response.status_code == 200
    assert "letter" in response.context["adminform"].form.errors
    assert Reception.objects.filter(letter=letter).count() == 1
    assert OfficialLetter.objects.get(pk=letter.pk).receptions.count() == 1
