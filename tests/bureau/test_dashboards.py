"""Issue 14, first parts: figures written once per centre, server-rendered charts, the bureau
dashboard and the department dashboard.

One hand-built March 2026 (and March 2025, the year before) across the four centres; each centre's
figures are checked against it, then the pages: the bureau dashboard and its Excel give the same
numbers, a department head sees their own department only."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assets.choices import AssetStatus
from assets.selectors import assets_figures
from bureau.charts import bar_chart
from bureau.dashboards import bureau_dashboard, department_dashboard
from bureau.models import AuditEntry
from bureau.periods import Period
from bureau.roles import Role
from meetings.choices import AttendanceStatus, MeetingCategory, MeetingFormat, MeetingStatus
from meetings.selectors.figures import meetings_figures
from procurement.selectors.figures import procurement_figures
from property_services.choices import RepairStatus
from property_services.choices_inspections import InspectionStatus
from property_services.models import Inspection, RepairTicket
from property_services.selectors import property_figures
from property_services.services.fees import fee_month_bill
from tests.assets.factories import AssetFactory
from tests.meetings.factories import AttendeeFactory, BudgetLineFactory, MeetingFactory, local_dt
from tests.procurement.factories import ContractFactory
from tests.property_services.factories import office, service_contract, standard_rates

MARCH = Period.month(2026, 3)
MARCH_PARAMS = {"period": "month", "year": "2026", "month": "3"}


def _meeting(department, category, meeting_format, day, *, status=MeetingStatus.SETTLED, county_wide=False):
    return MeetingFactory(
        host_department=department,
        category=category,
        format=meeting_format,
        status=status,
        is_county_wide=county_wide,
        venue_room=None,
        venue_name="县宾馆",
        start_at=day,
        end_at=day + datetime.timedelta(hours=3),
    )


def _ticket(department, reported, *, rating=None):
    return RepairTicket.objects.create(
        location="行政中心三楼",
        category="water_electric",
        description="灯不亮",
        reporter_name="张三",
        department=department,
        status=RepairStatus.CONFIRMED if rating else RepairStatus.REPORTED,
        reported_at=reported,
        dispatched_at=reported + datetime.timedelta(hours=1) if rating else None,
        resolved_at=reported + datetime.timedelta(hours=5) if rating else None,
        confirmed_at=reported + datetime.timedelta(hours=6) if rating else None,
        rating=rating,
        response_due=reported + datetime.timedelta(hours=2),
        fix_due=reported + datetime.timedelta(days=1),
    )


@pytest.fixture
def march(world):
    own, other = world.own, world.other
    # Meetings: two of 教育局 and one of 财政局 in March 2026 (a draft does not count), one a year before.
    held = _meeting(own, MeetingCategory.CLASS_2, MeetingFormat.ON_SITE, local_dt(2026, 3, 10, 9), county_wide=True)
    BudgetLineFactory(meeting=held, requested=Decimal("1000"), approved=Decimal("1000"), actual=Decimal("800"))
    _meeting(own, MeetingCategory.CLASS_3, MeetingFormat.VIDEO, local_dt(2026, 3, 12, 9), status=MeetingStatus.HELD)
    _meeting(other, MeetingCategory.CLASS_4, MeetingFormat.ON_SITE, local_dt(2026, 3, 20, 9), status=MeetingStatus.HELD)
    _meeting(own, MeetingCategory.CLASS_3, MeetingFormat.ON_SITE, local_dt(2026, 3, 25, 9), status=MeetingStatus.DRAFT)
    _meeting(own, MeetingCategory.CLASS_3, MeetingFormat.ON_SITE, local_dt(2025, 3, 5, 9))
    signed = local_dt(2026, 3, 10, 8, 55)
    AttendeeFactory(meeting=held, department=own, status=AttendanceStatus.ON_TIME, signed_in_at=signed)
    AttendeeFactory(meeting=held, department=own, status=AttendanceStatus.ABSENT)
    AttendeeFactory(meeting=held, department=own, status=AttendanceStatus.EXCUSED, excuse_reason="出差")
    AttendeeFactory(meeting=held, department=other, status=AttendanceStatus.LATE, is_late=True, signed_in_at=signed)
    # Procurement: a contract of each department signed in March 2026, one of 教育局 in March 2025.
    ContractFactory(purchasing_department=own, signed_on=datetime.date(2026, 3, 10), published_on=None)
    ContractFactory(
        purchasing_department=other,
        signed_on=datetime.date(2026, 3, 20),
        published_on=None,
        amount=Decimal("45000.00"),
        budget_amount=Decimal("50000.00"),
    )
    ContractFactory(purchasing_department=own, signed_on=datetime.date(2025, 3, 5), published_on=None)
    # Assets: 教育局 holds two (one idle), 财政局 one; one of 教育局's was added after March 2025.
    AssetFactory(owning_unit=own, acquired_on=datetime.date(2024, 3, 15), original_value=Decimal("6000.00"))
    AssetFactory(
        owning_unit=own,
        acquired_on=datetime.date(2025, 6, 1),
        original_value=Decimal("4000.00"),
        status=AssetStatus.IDLE,
    )
    AssetFactory(owning_unit=other, acquired_on=datetime.date(2024, 1, 1), original_value=Decimal("10000.00"))
    # Property: 教育局 occupies an office (450 yuan a month billed), tickets, one inspection scored 92.
    standard_rates()
    office(own)
    fee_month_bill(month=datetime.date(2026, 3, 1))
    _ticket(own, local_dt(2026, 3, 2, 9), rating=4)
    _ticket(own, local_dt(2026, 3, 30, 9))
    _ticket(other, local_dt(2026, 3, 3, 9), rating=2)
    contract = service_contract()
    Inspection.objects.create(
        contract=contract, date=datetime.date(2026, 3, 15), place="一楼大厅", status=InspectionStatus.SCORED, score=92
    )
    return world


# ---- the period ----------------------------------------------------------------------------------


def test_periods_and_the_same_period_a_year_before():
    assert (MARCH.start, MARCH.end) == (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    assert MARCH.year_before() == Period.month(2025, 3)
    assert Period.month(2024, 2).year_before().end == datetime.date(2023, 2, 28)
    assert Period.quarter(2026, 4).end == datetime.date(2026, 12, 31)
    assert Period.quarter(2026, 1).year_before() == Period.quarter(2025, 1)
    leap = Period.custom(datetime.date(2024, 2, 29), datetime.date(2024, 3, 10))
    assert leap.year_before() == Period("custom", datetime.date(2023, 2, 28), datetime.date(2023, 3, 10))
    assert MARCH.previous() == Period.month(2026, 2) and Period.month(2026, 12).next() == Period.month(2027, 1)
    start, end = MARCH.bounds()
    assert (end - start).days == 31 and start.hour == 0


# ---- figures per centre, against the hand-built month ---------------------------------------------


def test_meeting_figures(march):
    figures = meetings_figures(period=MARCH)
    assert (figures.meetings, figures.county_wide, figures.video) == (3, 1, 1)
    assert figures.video_share == Decimal("33.3")
    assert dict(figures.by_category)["二类会议"] == 1 and sum(n for _label, n in figures.by_category) == 3
    assert (figures.requested, figures.actual, figures.saved) == (Decimal("1000"), Decimal("800"), Decimal("200"))
    assert (figures.invited, figures.absent, figures.excused, figures.late) == (4, 1, 1, 1)
    assert figures.attendance_rate == Decimal("50.0")
    own = meetings_figures(period=MARCH, department=march.own)
    assert own.meetings == 2 and (own.invited, own.absent, own.excused, own.late) == (3, 1, 1, 0)
    assert own.attendance_rate == Decimal("33.3")
    assert meetings_figures(period=MARCH.year_before()).meetings == 1


def test_procurement_figures(march):
    figures = procurement_figures(period=MARCH, today=datetime.date(2026, 4, 1))
    assert (figures.contracts, figures.batches) == (2, 2)
    assert (figures.budget, figures.amount, figures.saved) == (Decimal("150000"), Decimal("137000"), Decimal("13000"))
    assert figures.savings_rate == Decimal("8.67")
    own = procurement_figures(period=MARCH, department=march.own, today=datetime.date(2026, 4, 1))
    assert (own.contracts, own.amount, own.savings_rate) == (1, Decimal("92000"), Decimal("8.00"))
    assert procurement_figures(period=MARCH.year_before(), today=datetime.date(2026, 4, 1)).contracts == 1


def test_asset_figures(march):
    figures = assets_figures(period=MARCH)
    assert (figures.assets, figures.value, figures.idle) == (3, Decimal("20000"), 1)
    assert figures.idle_rate == Decimal("33.3")
    assert sum(value for _label, value in figures.by_class) == Decimal("20000")
    own = assets_figures(period=MARCH, department=march.own)
    assert (own.assets, own.value, own.acquired) == (2, Decimal("10000"), 0)
    before = assets_figures(period=MARCH.year_before(), department=march.own)
    assert (before.assets, before.value) == (1, Decimal("6000")), "the asset added in June 2025 was not held yet"


def test_property_figures(march):
    figures = property_figures(period=MARCH)
    assert (figures.tickets_opened, figures.tickets_resolved, figures.tickets_open) == (3, 2, 1)
    hours = (figures.response_hours, figures.fix_hours, figures.rating)
    assert hours == (Decimal("1.0"), Decimal("5.0"), Decimal("3.0"))
    assert (figures.inspections, figures.inspection_score) == (1, Decimal("92.0"))
    assert dict(figures.by_contractor) == {"怀化蓝世纪物业管理公司": Decimal("92.0")}
    assert figures.fees_billed == Decimal("450.00")
    own = property_figures(period=MARCH, department=march.own)
    assert (own.fees_billed, own.tickets_opened, own.rating, own.offices) == (Decimal("450.00"), 2, Decimal("4.0"), 1)
    other = property_figures(period=MARCH, department=march.other)
    assert (other.fees_billed, other.tickets_opened, other.offices) == (Decimal("0.00"), 1, 0)


def test_figures_are_aggregates_whatever_the_rows(march):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            bureau_dashboard(period=MARCH, today=datetime.date(2026, 4, 1))
            department_dashboard(period=MARCH, department=march.own, today=datetime.date(2026, 4, 1))
        return len(captured)

    before = queries()
    for day in range(1, 20):
        _ticket(march.own, local_dt(2026, 3, day, 10), rating=5)
        _meeting(march.other, MeetingCategory.CLASS_4, MeetingFormat.VIDEO, local_dt(2026, 3, day, 14))
        AssetFactory(owning_unit=march.own, acquired_on=datetime.date(2024, 3, day))
    assert queries() == before


# ---- charts ----------------------------------------------------------------------------------------


def test_a_chart_is_inline_svg_with_a_title_a_text_alternative_and_its_table():
    drawing = {
        "key": "t",
        "title": "会议数量<按类别>",
        "categories": ["一类", "二类"],
        "series": [("本期", [1, 2]), ("上年同期", [0, 3])],
        "unit": "个",
    }
    chart = bar_chart(**drawing)
    svg = str(chart.svg)
    assert svg.startswith("<svg") and 'role="img"' in svg and "<?xml" not in svg and "<script" not in svg
    assert '<title id="chart-t-title">会议数量&lt;按类别&gt;</title>' in svg and "<desc" in svg
    assert "<text" not in svg, "labels are outlines (svg.fonttype = path): no font needed to show or print them"
    assert chart.rows == [["一类", 1, 0], ["二类", 2, 3]] and chart.headers[1:] == ["本期", "上年同期"]
    assert bar_chart(**drawing).svg == chart.svg, "the same numbers draw the same SVG"


# ---- the bureau dashboard --------------------------------------------------------------------------


def test_the_dashboard_and_its_excel_give_the_same_numbers(march, client):
    client.force_login(march.users[Role.LEADERSHIP])
    url = reverse("dashboard:index")
    response = client.get(url, MARCH_PARAMS)
    assert response.status_code == 200
    board = response.context["dashboard"]
    assert board.period == MARCH and board.before == Period.month(2025, 3)
    assert board.figure("meetings", "meetings") == (3, 1)
    assert board.figure("procurement", "amount") == (Decimal("137000"), Decimal("92000"))
    page = response.content.decode()
    assert "137,000.00 元" in page and "2026年3月" in page and "对比 2025年3月" in page
    assert page.count('class="bureau-chart"') == len(board.charts()) >= 6

    for spec in board.charts():
        download = client.get(url, {**MARCH_PARAMS, "_export": "xlsx", "chart": spec.key})
        assert download.status_code == 200
        assert download["Content-Type"].startswith("application/vnd.openxmlformats")
        sheet = openpyxl.load_workbook(io.BytesIO(download.content)).active
        cells = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert cells[0] == [str(h) for h in spec.headers]
        numbers = [[row[0], *[float(v) if isinstance(v, Decimal) else v for v in row[1:]]] for row in spec.rows]
        assert cells[1:] == numbers
    category = next(s for s in board.charts() if s.key == "meetings-category")
    assert ["二类会议", 1, 0] in category.rows and ["三类会议", 1, 1] in category.rows
    assert AuditEntry.objects.filter(target__contains="xlsx").count() == len(board.charts())
    assert client.get(url, {**MARCH_PARAMS, "_export": "xlsx", "chart": "nothing"}).status_code == 404


def test_switching_the_period(march, client):
    client.force_login(march.users[Role.LEADERSHIP])
    url = reverse("dashboard:index")
    year = client.get(url, {"period": "year", "year": "2026"}).context["dashboard"]
    assert year.period == Period.year(2026) and year.figure("meetings", "meetings") == (3, 1)
    quarter = client.get(url, {"period": "quarter", "year": "2026", "quarter": "1"}).context["dashboard"]
    assert quarter.period == Period.quarter(2026, 1)
    custom = client.get(url, {"period": "custom", "date_from": "2026-03-11", "date_to": "2026-03-31"})
    assert custom.context["dashboard"].figure("meetings", "meetings") == (2, 0)


@pytest.mark.parametrize(
    "params",
    [
        {"period": "custom", "date_from": "2026-03-31", "date_to": "2026-03-01"},
        {"period": "custom", "date_from": "2026-03-01"},
        {"period": "month", "year": "99999", "month": "13"},
        {"period": "custom", "date_from": "1900-01-01", "date_to": "2026-01-01"},
        {"period": "fortnight"},
    ],
)
def test_a_period_that_cannot_be_read_is_said_on_its_field(world, client, params):
    client.force_login(world.users[Role.LEADERSHIP])
    response = client.get(reverse("dashboard:index"), params)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors and "invalid-feedback" in response.content.decode()


def test_who_opens_the_bureau_dashboard(world, client):
    for role, status in ((Role.LEADERSHIP, 200), (Role.FINANCE, 200), (Role.TECHNICIANS, 403)):
        client.force_login(world.users[role])
        assert client.get(reverse("dashboard:index")).status_code == status
    client.force_login(world.users[Role.DEPARTMENT_HEADS])
    assert client.get(reverse("dashboard:index")).status_code == 403


# ---- the department dashboard ------------------------------------------------------------------------


def test_a_head_sees_only_their_department(march, client):
    client.force_login(march.users[Role.DEPARTMENT_HEADS])
    response = client.get(reverse("dashboard:department"), MARCH_PARAMS)
    assert response.status_code == 200
    board = response.context["dashboard"]
    assert board.department == march.own
    assert board.figure("meetings", "meetings") == (2, 1)
    assert board.figure("meetings", "invited") == (3, 0)
    assert board.figure("property", "fees_billed") == (Decimal("450.00"), Decimal("0.00"))
    assert board.figure("procurement", "amount") == (Decimal("92000"), Decimal("92000"))
    page = response.content.decode()
    assert "教育局" in page and "财政局" not in page
    assert 'name="department"' not in page, "a head has no department to choose"
    # Another department, however asked for, is not found.
    assert client.get(reverse("dashboard:department_detail", args=[march.other.pk])).status_code == 404
    assert client.get(reverse("dashboard:department"), {"department": march.other.pk}).status_code == 404
    assert client.get(reverse("dashboard:department"), {"department": "x"}).status_code == 404
    own = client.get(reverse("dashboard:department_detail", args=[march.own.pk]), MARCH_PARAMS)
    assert own.status_code == 200 and own.context["dashboard"].figure("meetings", "meetings") == (2, 1)
    fees = {**MARCH_PARAMS, "_export": "xlsx", "chart": "department-fees"}
    export = client.get(reverse("dashboard:department"), fees)
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    assert sum(row[1] for row in sheet.iter_rows(min_row=2, values_only=True)) == 450


def test_leadership_picks_a_department(march, client):
    client.force_login(march.users[Role.LEADERSHIP])
    url = reverse("dashboard:department")
    empty = client.get(url)
    assert empty.status_code == 200 and empty.context.get("dashboard") is None
    assert 'id="choose-department"' in empty.content.decode()
    picked = client.get(url, {**MARCH_PARAMS, "department": march.other.pk})
    assert picked.status_code == 302
    assert picked["Location"].startswith(reverse("dashboard:department_detail", args=[march.other.pk]))
    board = client.get(picked["Location"]).context["dashboard"]
    assert board.department == march.other and board.figure("meetings", "meetings") == (1, 0)
    assert board.figure("procurement", "amount") == (Decimal("45000"), Decimal("0.00"))


def test_the_department_dashboard_reads_the_same_figures(march):
    board = department_dashboard(period=MARCH, department=march.other)
    assert board.figure("meetings", "late") == (1, 0)
    assert board.figure("property", "tickets_opened") == (1, 0)
    assert board.figure("assets", "value") == (Decimal("10000"), Decimal("10000"))


# ---- the meeting statistics chart is drawn by the same code ------------------------------------------


def test_meeting_statistics_draw_their_chart_with_the_chart_code(march, client):
    client.force_login(march.users[Role.LEADERSHIP])
    params = {"period": "month", "date_from": "2026-01-01", "date_to": "2026-03-31"}
    response = client.get(reverse("meetings:statistics"), params)
    chart = response.context["chart"]
    assert 'class="bureau-chart"' in str(chart.svg) and "<text" not in str(chart.svg)
    assert chart.rows == [["2026-03", 0, 1, 1, 1]], "meetings per month by category (一类 … 四类)"
    download = client.get(reverse("meetings:statistics"), {**params, "_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(download.content)).active
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == [("2026-03", 0, 1, 1, 1)]
