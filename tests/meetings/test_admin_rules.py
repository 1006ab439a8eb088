"""The admin keeps the rules the pages keep: a superuser cannot add an approval decision, change a
settled meeting's amounts, type attendance, or edit a voided record there."""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse

from meetings.choices import AttendanceStatus, MeetingStatus
from meetings.models import ApprovalDecision, Attendee, BudgetLine
from tests.factories import RoomOccupancyFactory
from tests.meetings.factories import AttendeeFactory, BudgetLineFactory, MeetingFactory


def _url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


@pytest.fixture
def root(world, client):
    client.force_login(world.users["superuser"])
    return client


def test_superuser_cannot_add_an_approval_decision_for_a_draft_meeting(world, root):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    data = {
        "meeting": meeting.pk,
        "approver": world.users["no role"].pk,
        "decision": "approved",
        "comment": "",
        "decided_at_0": "2001-01-01",
        "decided_at_1": "00:00:00",
    }
    assert root.get(_url(ApprovalDecision, "add")).status_code == 403
    assert root.post(_url(ApprovalDecision, "add"), data).status_code == 403
    assert not ApprovalDecision.objects.exists()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT
    # Nor through the meeting's page in the admin: the decisions inline has no "add" row.
    page = root.get(_url(meeting.__class__, "change", meeting.pk))
    decisions = next(i for i in page.context["inline_admin_formsets"] if i.formset.model is ApprovalDecision)
    assert not decisions.has_add_permission and decisions.formset.extra == 0


def test_superuser_cannot_change_a_settled_meetings_actual_amounts(world, root):
    meeting = MeetingFactory(status=MeetingStatus.SETTLED)
    line = BudgetLineFactory(meeting=meeting, requested="1000.00", approved="1000.00", actual="900.00")
    # The budget line's own admin page: shown, not editable.
    page = root.get(_url(BudgetLine, "change", line.pk))
    assert page.status_code == 200 and 'name="actual"' not in page.content.decode()
    data = {"meeting": meeting.pk, "kind": line.kind, "sub_kind": "", "description": line.description}
    data.update(requested="1000.00", approved="1000.00", actual="5000.00")
    assert root.post(_url(BudgetLine, "change", line.pk), data).status_code == 403
    assert root.post(_url(BudgetLine, "add"), data).status_code == 403
    # The meeting's page: a settled meeting is closed, its budget inline read-only.
    page = root.get(_url(meeting.__class__, "change", meeting.pk))
    assert page.status_code == 200 and 'name="budget_lines-0-actual"' not in page.content.decode()
    assert (
        root.post(_url(meeting.__class__, "change", meeting.pk), {"budget_lines-0-actual": "5000"}).status_code == 403
    )
    line.refresh_from_db()
    assert line.actual == Decimal("900.00") and BudgetLine.objects.count() == 1


def test_budget_lines_are_read_only_in_the_admin_whatever_the_status(root):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    page = root.get(_url(meeting.__class__, "change", meeting.pk))
    budget = next(i for i in page.context["inline_admin_formsets"] if i.formset.model is BudgetLine)
    assert not budget.has_add_permission and not budget.has_change_permission and not budget.has_delete_permission
    assert "void_selected" not in (admin.site._registry[BudgetLine].get_actions(page.wsgi_request) or {})


def test_attendance_is_not_typed_in_the_admin(root):
    attendee = AttendeeFactory()
    assert root.get(_url(Attendee, "add")).status_code == 403
    page = root.get(_url(Attendee, "change", attendee.pk))
    html = page.content.decode()
    assert page.status_code == 200 and 'name="name"' in html
    assert 'name="status"' not in html and 'name="signed_in_at_0"' not in html
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(status=AttendanceStatus.ON_TIME, name="改名", meeting=attendee.meeting_id)
    response = root.post(_url(Attendee, "change", attendee.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    attendee.refresh_from_db()
    assert attendee.name == "改名" and attendee.status == AttendanceStatus.PENDING
    assert root.post(_url(Attendee, "delete", attendee.pk), {"post": "yes"}).status_code == 403


def test_a_voided_record_is_read_only_in_the_admin(world, root):
    occupancy = RoomOccupancyFactory(department=world.own)
    from bureau.services import record_void

    record_void(obj=occupancy, actor=world.users["superuser"], reason="录入错误")
    url = _url(occupancy.__class__, "change", occupancy.pk)
    assert root.get(url).status_code == 200
    response = root.post(url, {"room": occupancy.room_id, "department": world.other.pk, "start_date": "2025-01-01"})
    assert response.status_code == 403
    occupancy.refresh_from_db()
    assert occupancy.department == world.own
    # …and it is not among the room's editable periods either.
    page = root.get(_url(occupancy.room.__class__, "change", occupancy.room_id))
    periods = next(i for i in page.context["inline_admin_formsets"] if i.formset.model is occupancy.__class__)
    assert list(periods.formset.queryset) == []


def test_a_settled_receptions_meals_cannot_be_changed_in_the_admin(root):
    from meetings.choices import ReceptionStatus
    from tests.meetings.factories import ReceptionMealFactory

    meal = ReceptionMealFactory(reception__status=ReceptionStatus.SETTLED)
    url = _url(meal.__class__, "change", meal.pk)
    page = root.get(url)
    assert page.status_code == 200 and 'name="amount"' not in page.content.decode()
    assert root.post(url, {"amount": "9999.00"}).status_code == 403
    assert root.post(_url(meal.__class__, "delete", meal.pk), {"post": "yes"}).status_code == 403
    reception = meal.reception
    assert root.post(_url(reception.__class__, "change", reception.pk), {"guest_count": "99"}).status_code == 403
    meal.refresh_from_db()
    assert meal.amount == Decimal("320.00")


def test_superuser_cannot_change_or_add_printing_orders_of_a_settled_meeting(world, root):
    from meetings.models import PrintingOrder
    from tests.meetings.factories import PrintingOrderFactory

    meeting = MeetingFactory(status=MeetingStatus.SETTLED)
    order = PrintingOrderFactory(meeting=meeting, copies=10)
    page = root.get(_url(PrintingOrder, "change", order.pk))
    assert page.status_code == 200 and 'name="copies"' not in page.content.decode()
    data = {
        "meeting": meeting.pk,
        "document": "会议材料",
        "pages": "4",
        "copies": "500",
        "unit_price": "0.20",
        "due_at": "2026-12-20T09:00",
        "status": order.status,
        "cancel_reason": "",
    }
    assert root.post(_url(PrintingOrder, "change", order.pk), data).status_code == 403
    response = root.post(_url(PrintingOrder, "add"), data)
    assert response.status_code == 200 and "meeting" in response.context["adminform"].form.errors
    order.refresh_from_db()
    assert order.copies == 10 and PrintingOrder.objects.count() == 1


def test_superuser_cannot_add_a_guest_to_a_settled_reception(world, root):
    from meetings.choices import ReceptionStatus
    from meetings.models.reception import ReceptionGuest
    from tests.meetings.factories import ReceptionFactory

    reception = ReceptionFactory(status=ReceptionStatus.SETTLED)
    response = root.post(
        _url(ReceptionGuest, "add"), {"reception": reception.pk, "name": "张三", "protocol_order": "1"}
    )
    assert response.status_code == 200 and "reception" in response.context["adminform"].form.errors
    assert not ReceptionGuest.objects.filter(reception=reception).exists()
