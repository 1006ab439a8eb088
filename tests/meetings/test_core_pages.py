"""The meeting pages as their users meet them: the whole life cycle through the pages, forms,
the settlement PDF, printing orders, statistics and the demo data."""

from decimal import Decimal

import pytest
from django.urls import reverse

from bureau.roles import Role
from meetings.choices import BudgetKind, MeetingCategory, MeetingFormat, MeetingStatus, PrintingStatus
from meetings.models import ApprovalDecision, BudgetLine, Meeting, PrintingOrder
from tests.factories import MeetingRoomFactory
from tests.helpers import formset_data, pdf_fonts, pdf_text
from tests.meetings.core_fixtures import standards  # noqa: F401
from tests.meetings.factories import BudgetLineFactory, MeetingFactory, local_dt

S = MeetingStatus
pytestmark = pytest.mark.usefixtures("standards")


def budget_post(lines, *, existing=()):
    """Formset POST data: `existing` lines first (by pk), then new ones."""
    return formset_data("lines", [*existing, *lines], initial=len(existing))


def errors_of(response):
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def test_whole_life_cycle_through_the_pages_as_each_role(world, client):
    room = MeetingRoomFactory(capacity=100)
    staff, leader = world.users[Role.EMPLOYEES], world.users[Role.LEADERSHIP]
    centre, finance = world.users[Role.MEETING_CENTRE], world.users[Role.FINANCE]

    client.force_login(staff)
    response = client.post(
        reverse("meetings:meeting_add"),
        {
            "title": "全县教育工作会议",
            "host_department": world.own.pk,
            "category": MeetingCategory.CLASS_3,
            "format": MeetingFormat.ON_SITE,
            "venue_room": room.pk,
            "start_at": "2026-12-15T09:00",
            "end_at": "2026-12-15T12:00",
            "planned_attendees": "80",
            "planned_staff": "6",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    meeting = Meeting.objects.get(title="全县教育工作会议")
    assert meeting.created_by == staff and meeting.status == S.DRAFT
    response = client.post(
        reverse("meetings:meeting_budget_edit", args=[meeting.pk]),
        budget_post(
            [
                {"kind": BudgetKind.MEALS, "sub_kind": "", "description": "工作餐", "requested": "4300.00"},
                {"kind": BudgetKind.OTHER, "sub_kind": "venue_rent", "description": "会场布置", "requested": "2000.00"},
                {"kind": BudgetKind.OTHER, "sub_kind": "printing", "description": "会议材料", "requested": "700.00"},
            ]
        ),
    )
    assert response.status_code == 302
    assert BudgetLine.objects.filter(meeting=meeting).count() == 3
    detail = client.get(meeting.get_absolute_url())
    assert reverse("meetings:meeting_submit", args=[meeting.pk]) in detail.content.decode()
    assert reverse("meetings:meeting_approve", args=[meeting.pk]) not in detail.content.decode()
    client.post(reverse("meetings:meeting_submit", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == S.SUBMITTED

    client.force_login(leader)
    assert (
        reverse("meetings:meeting_approve", args=[meeting.pk])
        in client.get(meeting.get_absolute_url()).content.decode()
    )
    client.post(reverse("meetings:meeting_approve", args=[meeting.pk]), {"comment": "同意召开"})
    meeting.refresh_from_db()
    assert meeting.status == S.APPROVED
    assert ApprovalDecision.objects.get(meeting=meeting).approver == leader

    client.force_login(centre)
    for move, expected in (("start_preparing", S.PREPARING), ("start", S.IN_PROGRESS), ("finish", S.HELD)):
        client.post(reverse(f"meetings:meeting_{move}", args=[meeting.pk]))
        meeting.refresh_from_db()
        assert meeting.status == expected

    client.force_login(finance)
    lines = list(BudgetLine.objects.filter(meeting=meeting).order_by("id"))
    existing = [{"id": line.pk, "approved": str(line.requested), "actual": str(line.requested - 100)} for line in lines]
    response = client.post(
        reverse("meetings:meeting_budget_edit", args=[meeting.pk]), budget_post([], existing=existing)
    )
    assert response.status_code == 302
    client.post(reverse("meetings:meeting_settle", args=[meeting.pk]), {"comment": "已结算"})
    meeting.refresh_from_db()
    assert meeting.status == S.SETTLED and meeting.settled_by == finance
    who = [record.history_user for record in meeting.history.order_by("history_date", "history_id")]
    assert who == [staff, staff, leader, centre, centre, centre, finance]


def test_department_staff_create_meetings_for_their_own_department_only(world, client):
    client.force_login(world.users[Role.EMPLOYEES])
    form = client.get(reverse("meetings:meeting_add")).context["form"]
    assert list(form.fields["host_department"].queryset) == [world.own]
    response = client.post(
        reverse("meetings:meeting_add"),
        {
            "title": "越权会议",
            "host_department": world.other.pk,
            "category": MeetingCategory.CLASS_4,
            "format": MeetingFormat.VIDEO,
            "start_at": "2026-12-15T09:00",
            "end_at": "2026-12-15T10:00",
            "planned_attendees": "10",
            "planned_staff": "0",
        },
    )
    assert response.status_code == 200 and "host_department" in response.context["form"].errors
    assert not Meeting.objects.filter(title="越权会议").exists()


def test_form_refuses_end_before_start_and_a_double_booked_room(world, client):
    room = MeetingRoomFactory()
    MeetingFactory(
        title="县委常委会",
        venue_room=room,
        status=S.APPROVED,
        start_at=local_dt(2026, 12, 15, 9),
        end_at=local_dt(2026, 12, 15, 12),
    )
    client.force_login(world.users[Role.EMPLOYEES])
    data = {
        "title": "教育座谈会",
        "host_department": world.own.pk,
        "category": MeetingCategory.CLASS_4,
        "format": MeetingFormat.ON_SITE,
        "venue_room": room.pk,
        "start_at": "2026-12-15T11:00",
        "end_at": "2026-12-15T10:00",
        "planned_attendees": "20",
        "planned_staff": "1",
    }
    errors = client.post(reverse("meetings:meeting_add"), data).context["form"].errors
    assert "end_at" in errors
    data["end_at"] = "2026-12-15T13:00"
    errors = client.post(reverse("meetings:meeting_add"), data).context["form"].errors
    assert "县委常委会" in errors["venue_room"][0]
    data["planned_attendees"], data["start_at"] = "60", "2026-12-15T12:00"
    errors = client.post(reverse("meetings:meeting_add"), data).context["form"].errors
    assert "50" in errors["planned_attendees"][0] and "61" in errors["planned_attendees"][0]
    assert not Meeting.objects.filter(title="教育座谈会").exists()


def test_banned_item_in_the_budget_form_is_refused_and_nothing_saved(world, client):
    meeting = MeetingFactory(host_department=world.own)
    client.force_login(world.users[Role.EMPLOYEES])
    response = client.post(
        reverse("meetings:meeting_budget_edit", args=[meeting.pk]),
        budget_post(
            [
                {"kind": BudgetKind.MEALS, "sub_kind": "", "description": "工作餐", "requested": "500"},
                {"kind": BudgetKind.MEALS, "sub_kind": "", "description": "欢迎宴请", "requested": "3000"},
            ]
        ),
    )
    assert response.status_code == 200
    assert "宴请" in str(response.context["formset"].forms[1].errors["description"])
    assert not BudgetLine.objects.filter(meeting=meeting).exists()


def test_refused_move_through_the_page_explains_and_changes_nothing(world, client):
    meeting = MeetingFactory(host_department=world.own)
    client.force_login(world.users[Role.LEADERSHIP])
    response = client.post(reverse("meetings:meeting_approve", args=[meeting.pk]), follow=True)
    assert str(S.DRAFT.label) in errors_of(response)
    meeting.refresh_from_db()
    assert meeting.status == S.DRAFT


def test_settlement_pdf_has_the_amounts_in_capitals_and_an_embedded_cjk_font(world, client, tmp_path):
    meeting = MeetingFactory(host_department=world.own, title="全县安全生产工作会议", status=S.SETTLED)
    BudgetLineFactory(
        meeting=meeting, requested=Decimal("12000.00"), approved=Decimal("12000.00"), actual=Decimal("10500.50")
    )
    client.force_login(world.users[Role.FINANCE])
    response = client.get(reverse("meetings:meeting_settlement_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path, "settlement.pdf")
    assert "全县安全生产工作会议" in text
    assert "人民币壹万贰仟元整" in text
    assert "人民币壹万零伍佰元伍角" in text
    assert "人民币壹仟肆佰玖拾玖元伍角" in text  # saved
    fonts = pdf_fonts(response.content, tmp_path, "settlement.pdf")
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts


def test_printing_order_total_and_cancel_needs_a_reason(world, client):
    meeting = MeetingFactory(
        host_department=world.own,
        status=S.APPROVED,
        start_at=local_dt(2026, 12, 15, 9),
        end_at=local_dt(2026, 12, 15, 12),
    )
    client.force_login(world.users[Role.MEETING_CENTRE])
    data = {
        "meeting": meeting.pk,
        "document": "会议议程",
        "pages": "12",
        "copies": "80",
        "unit_price": "0.15",
        "due_at": "2026-12-06T17:00",
        "status": PrintingStatus.ORDERED,
        "cancel_reason": "",
    }
    assert client.post(reverse("meetings:printingorder_add"), data).status_code == 302
    order = PrintingOrder.objects.get(document="会议议程")
    assert order.total == Decimal("144.00") and order.ordered_by == world.users[Role.MEETING_CENTRE]
    data["status"] = PrintingStatus.CANCELLED
    response = client.post(reverse("meetings:printingorder_edit", args=[order.pk]), data)
    assert "cancel_reason" in response.context["form"].errors
    order.refresh_from_db()
    assert order.status == PrintingStatus.ORDERED
    tab = client.get(reverse("meetings:meeting_printing", args=[meeting.pk]))
    assert "144.00" in tab.content.decode()


def test_statistics_by_period_category_format_video_share_and_savings(world, client):
    def held(
        category, meeting_format, month, *, department=world.own, county_wide=False, requested="1000", actual="800"
    ):
        meeting = MeetingFactory(
            host_department=department,
            category=category,
            format=meeting_format,
            status=S.SETTLED,
            is_county_wide=county_wide,
            venue_room=None,
            venue_name="县宾馆",
            start_at=local_dt(2025, month, 10, 9),
            end_at=local_dt(2025, month, 10, 11),
        )
        BudgetLineFactory(
            meeting=meeting, requested=Decimal(requested), approved=Decimal(requested), actual=Decimal(actual)
        )
        return meeting

    held(MeetingCategory.CLASS_2, MeetingFormat.ON_SITE, 1, county_wide=True)
    held(MeetingCategory.CLASS_3, MeetingFormat.VIDEO, 2)
    held(MeetingCategory.CLASS_4, MeetingFormat.VIDEO, 5, requested="500", actual="500")
    held(MeetingCategory.CLASS_4, MeetingFormat.ON_SITE, 5, department=world.other)
    MeetingFactory(
        host_department=world.own, status=S.CANCELLED, start_at=local_dt(2025, 3, 1, 9), end_at=local_dt(2025, 3, 1, 10)
    )
    params = {"period": "quarter", "date_from": "2025-01-01", "date_to": "2025-12-31"}

    client.force_login(world.users[Role.LEADERSHIP])
    response = client.get(reverse("meetings:statistics"), params)
    stats = response.context["stats"]
    assert [row["label"] for row in stats["rows"]] == ["2025 Q1", "2025 Q2"]
    q1, q2 = stats["rows"]
    assert q1["total"] == 2 and q1["by_category"]["2"] == 1 and q1["county_wide"] == 1
    assert q1["video_share"] == Decimal("50.0")
    assert q2["total"] == 2 and q2["by_format"][MeetingFormat.VIDEO] == 1
    assert stats["totals"]["requested"] == Decimal("3500") and stats["totals"]["saved"] == Decimal("600")
    assert "<svg" in response.content.decode()

    client.force_login(world.users[Role.DEPARTMENT_HEADS])
    stats = client.get(reverse("meetings:statistics"), params).context["stats"]
    assert stats["totals"]["total"] == 3, "a department head counts only their department's meetings"


def test_lists_are_scoped_to_the_department(world, client):
    mine = MeetingFactory(host_department=world.own, title="教育局会议")
    theirs = MeetingFactory(host_department=world.other, title="财政局会议")
    client.force_login(world.users[Role.EMPLOYEES])
    content = client.get(reverse("meetings:meeting_list")).content.decode()
    assert mine.title in content and theirs.title not in content
    client.force_login(world.users[Role.MEETING_CENTRE])
    content = client.get(reverse("meetings:meeting_list"), {"status": "draft", "q": "局会议"}).content.decode()
    assert mine.title in content and theirs.title in content


def test_moving_an_approved_meeting_moves_the_open_checklist_steps(world, client):
    from meetings.services.procedures import meeting_procedures_create, procedure_step_complete

    centre = world.users[Role.MEETING_CENTRE]
    meeting = MeetingFactory(
        host_department=world.own,
        status=S.APPROVED,
        start_at=local_dt(2026, 12, 15, 9),
        end_at=local_dt(2026, 12, 15, 12),
    )
    steps = meeting_procedures_create(meeting=meeting, actor=centre)
    done = procedure_step_complete(step=steps[0], actor=centre)
    done_due = done.due_at
    open_step = meeting.procedure_steps.filter(done_at=None).exclude(pk=done.pk).first()
    before = open_step.due_at
    client.force_login(centre)
    response = client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        {
            "title": meeting.title,
            "host_department": world.own.pk,
            "category": meeting.category,
            "format": meeting.format,
            "venue_room": meeting.venue_room_id,
            "start_at": "2026-12-17T09:00",
            "end_at": "2026-12-17T12:00",
            "planned_attendees": meeting.planned_attendees,
            "planned_staff": meeting.planned_staff,
        },
    )
    assert response.status_code == 302, errors_of(response)
    open_step.refresh_from_db()
    done.refresh_from_db()
    meeting.refresh_from_db()
    # moved with the meeting, as its template says (within office hours)
    assert open_step.due_at == open_step.template.due_at_for(meeting) != before
    assert done.due_at == done_due  # what is done stays as it was
    assert open_step.history.first().history_user == centre


def test_an_approved_meeting_cannot_shrink_under_its_approved_budget(world, client):
    """Submission checked the cap; a later edit with fewer people must not leave the budget over it."""
    centre = world.users[Role.MEETING_CENTRE]
    meeting = MeetingFactory(
        host_department=world.own,
        status=S.APPROVED,
        start_at=local_dt(2026, 12, 15, 9),
        end_at=local_dt(2026, 12, 15, 12),
        planned_attendees=50,
        planned_staff=5,
    )
    # 三类: 550 yuan per person-day; 55 people × 1 day = 30,250 yuan; 30,000 requested and approved.
    BudgetLineFactory(
        meeting=meeting, kind=BudgetKind.MEALS, requested=Decimal("30000.00"), approved=Decimal("30000.00")
    )
    data = {
        "title": meeting.title,
        "host_department": world.own.pk,
        "category": meeting.category,
        "format": meeting.format,
        "venue_room": meeting.venue_room_id,
        "start_at": "2026-12-15T09:00",
        "end_at": "2026-12-15T12:00",
        "planned_attendees": "40",
        "planned_staff": "4",
    }
    client.force_login(centre)
    response = client.post(reverse("meetings:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["planned_attendees"])
    assert "24200" in errors.replace(",", "")  # 44 people × 550 yuan: the new cap, named
    meeting.refresh_from_db()
    assert meeting.planned_attendees == 50
    data.update(planned_attendees="50", planned_staff="5", title="改名后的会议")
    response = client.post(reverse("meetings:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 302, errors_of(response)


def test_video_share_is_decimal_and_rounds_half_up():
    from meetings.selectors.statistics import video_share

    assert video_share(1, 16) == Decimal("6.3")  # 6.25 %: float arithmetic and banker's rounding gave 6.2
    assert video_share(1, 3) == Decimal("33.3")
    assert video_share(0, 0) is None
