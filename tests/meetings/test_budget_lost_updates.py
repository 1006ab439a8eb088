"""One meeting budget opened in two clients: the second save over a line the first one changed is
refused with who changed what, and keeps every amount the second person typed."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from bureau.concurrency import STALE_CODE, VERSION_FIELD
from bureau.roles import Role
from meetings.choices import BudgetKind
from meetings.models import BudgetLine
from meetings.services.budget import meeting_budget_save
from tests.factories import make_user
from tests.meetings.core_fixtures import standards  # noqa: F401
from tests.meetings.factories import BudgetLineFactory, MeetingFactory

pytestmark = pytest.mark.usefixtures("standards")


def opened_formset(client, url):
    """The formset as the browser posts it back untouched: management form and every field's value."""
    formset = client.get(url).context["formset"]
    data = {bf.html_name: bf.value() for bf in formset.management_form}
    for form in formset.forms:
        for bf in form:
            value = bf.value()
            if value is None or value is False:
                continue
            data[bf.html_name] = value
    return data


@pytest.fixture
def budget(world):
    meeting = MeetingFactory(host_department=world.own)
    meals = BudgetLineFactory(meeting=meeting, kind=BudgetKind.MEALS, description="工作餐", requested="1000.00")
    rent = BudgetLineFactory(
        meeting=meeting, kind=BudgetKind.OTHER, sub_kind="venue_rent", description="会场", requested="800.00"
    )
    return meeting, meals, rent


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _index(data, line):
    return next(key.split("-")[1] for key, value in data.items() if key.endswith("-id") and str(value) == str(line.pk))


def test_second_budget_save_is_refused_with_the_message_and_keeps_its_values(world, budget):
    meeting, meals, rent = budget
    url = reverse("meetings:meeting_budget_edit", args=[meeting.pk])
    centre = make_user(
        roles=[Role.MEETING_CENTRE], department=world.bureau, username="centre-b", last_name="王", first_name="会务"
    )
    first, second = _client(world.users[Role.EMPLOYEES]), _client(centre)
    data_a, data_b = opened_formset(first, url), opened_formset(second, url)

    data_a[f"lines-{_index(data_a, meals)}-requested"] = "1500.00"
    assert first.post(url, data_a).status_code == 302

    i = _index(data_b, meals)
    data_b[f"lines-{i}-requested"] = "1200.00"
    data_b[f"lines-{i}-description"] = "工作餐（调整）"
    data_b[f"lines-{_index(data_b, rent)}-requested"] = "900.00"
    response = second.post(url, data_b)
    assert response.status_code == 200
    html = response.content.decode()
    formset = response.context["formset"]
    errors = [error for form in formset.forms for error in form.non_field_errors().as_data()]
    assert [error.code for error in errors] == [STALE_CODE]
    staff_name = f"{world.users[Role.EMPLOYEES].last_name}{world.users[Role.EMPLOYEES].first_name}"
    assert staff_name in html and "1000.00 → 1500.00" in html
    assert 'value="1200.00"' in html and 'value="工作餐（调整）"' in html and 'value="900.00"' in html
    meals.refresh_from_db()
    rent.refresh_from_db()
    assert (meals.requested, meals.description, rent.requested) == (Decimal("1500.00"), "工作餐", Decimal("800.00"))

    # Saving the same form again, now carrying the current version, is a deliberate choice and saves.
    resubmitted = dict(data_b)
    resubmitted[f"lines-{i}-{VERSION_FIELD}"] = formset.forms[int(i)][VERSION_FIELD].value()
    assert second.post(url, resubmitted).status_code == 302
    meals.refresh_from_db()
    assert meals.requested == Decimal("1200.00")


def test_budget_service_refuses_a_stale_line_under_the_meeting_lock(world, budget):
    """The race the form cannot see: the line changed after the form was checked."""
    meeting, meals, _rent = budget
    opened = meals.updated_at.isoformat()
    meeting_budget_save(
        meeting=meeting, actor=world.users[Role.EMPLOYEES], rows=[{"line": meals, "requested": Decimal("1500.00")}]
    )
    with pytest.raises(ValidationError) as refused:
        meeting_budget_save(
            meeting=meeting,
            actor=world.users[Role.MEETING_CENTRE],
            rows=[{"line": meals, "requested": Decimal("1100.00"), VERSION_FIELD: opened}],
        )
    assert refused.value.code == STALE_CODE
    assert BudgetLine.objects.get(pk=meals.pk).requested == Decimal("1500.00")
