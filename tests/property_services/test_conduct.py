"""Campus conduct 文明公约: violations recorded by unit, date and rule through the page's pickers, voided
not deleted, a department head's own unit only, and the monthly list for publication — counts by unit
and rule — on the page and in Excel."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from bureau.models import AuditEntry
from bureau.roles import Role
from property_services.choices_space import ConductRuleKind
from property_services.models import ConductRule, ConductViolation
from property_services.services import space
from tests.factories import DepartmentFactory, make_user
from tests.helpers import error_codes, field_error

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.date(2025, 11, 1)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def rules():
    smoking = ConductRule.objects.create(kind=ConductRuleKind.PROHIBITION, number=1, text="严禁在办公区域吸烟")
    parking = ConductRule.objects.create(kind=ConductRuleKind.CIVILITY, number=3, text="车辆按位停放")
    return smoking, parking


@pytest.fixture
def campus():
    return make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory(name="机关事务局"))


def _record(department, day, rule, actor):
    return space.conduct_violation_record(
        department=department, date=day, rule=rule, place="A栋", description="巡查发现", actor=actor
    )


def test_the_campus_staff_record_a_violation_with_pickers(rules, campus):
    education = DepartmentFactory(name="教育局")
    smoking, _parking = rules
    client = _client(campus)
    form = client.get(reverse("property_services:conductviolation_add")).content.decode()
    assert "/pickers/bureau.department/" in form
    assert "/pickers/property_services.conduct_rule/" in form
    response = client.post(
        reverse("property_services:conductviolation_add"),
        {
            "department": education.pk,
            "date": "2025-11-12",
            "rule": smoking.pk,
            "place": "A栋3楼楼道",
            "description": "在楼道吸烟",
        },
    )
    assert response.status_code == 302
    violation = ConductViolation.objects.get()
    assert (violation.department, violation.rule, violation.recorded_by) == (education, smoking, campus)
    assert violation.history.latest().history_user == campus


def test_a_violation_in_the_future_or_under_a_rule_no_longer_in_force_is_refused(rules, campus):
    smoking, parking = rules
    department = DepartmentFactory()
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    with pytest.raises(ValidationError) as refused:
        _record(department, tomorrow, smoking, campus)
    assert error_codes(refused.value) == {"date": ["future"]}
    parking.active = False
    parking.save()
    response = _client(campus).post(
        reverse("property_services:conductviolation_add"),
        {
            "department": department.pk,
            "date": "2025-11-12",
            "rule": parking.pk,
            "place": "停车场",
            "description": "乱停",
        },
    )
    assert "停用" in field_error(response, "rule")
    assert not ConductViolation.objects.exists()


def test_voiding_keeps_the_violation_and_its_history_and_drops_it_from_the_month(rules, campus):
    smoking, _parking = rules
    violation = _record(DepartmentFactory(), NOVEMBER + datetime.timedelta(days=3), smoking, campus)
    response = _client(campus).post(
        reverse("property_services:conductviolation_void", args=[violation.pk]), {"reason": "单位记错"}
    )
    assert response.status_code == 302
    violation.refresh_from_db()
    assert violation.is_voided and [h.history_type for h in violation.history.order_by("history_date")] == ["+", "~"]
    page = _client(campus).get(reverse("property_services:conduct_monthly"), {"month": "2025-11"})
    assert page.context["total"] == 0


def test_the_monthly_list_counts_by_unit_and_rule(rules, campus):
    smoking, parking = rules
    education, finance = DepartmentFactory(name="教育局"), DepartmentFactory(name="财政局")
    _record(education, NOVEMBER + datetime.timedelta(days=2), smoking, campus)
    _record(education, NOVEMBER + datetime.timedelta(days=9), smoking, campus)
    _record(education, NOVEMBER + datetime.timedelta(days=20), parking, campus)
    _record(finance, NOVEMBER + datetime.timedelta(days=5), parking, campus)
    _record(finance, datetime.date(2025, 10, 31), smoking, campus)  # the month before: not in November's list
    response = _client(campus).get(reverse("property_services:conduct_monthly"), {"month": "2025-11"})
    assert response.context["total"] == 4
    rows = {department.name: (counts, total) for department, counts, total in response.context["rows"]}
    assert [rule.pk for rule in response.context["rules"]] == [parking.pk, smoking.pk]  # 文明公约, 八条严禁 by kind
    assert rows == {"教育局": ([1, 2], 3), "财政局": ([1, 0], 1)}
    page = response.content.decode()
    assert "违反文明公约通报 2025-11" in page and "本月共记录4起违规" in page


def test_the_monthly_list_in_excel_is_audited(rules, campus):
    smoking, parking = rules
    education = DepartmentFactory(name="教育局")
    _record(education, NOVEMBER + datetime.timedelta(days=2), smoking, campus)
    _record(education, NOVEMBER + datetime.timedelta(days=3), parking, campus)
    response = _client(campus).get(reverse("property_services:conduct_monthly_xlsx"), {"month": "2025-11"})
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("单位", "文明公约（3）", "八条严禁（1）", "合计")
    assert rows[1] == ("教育局", 1, 1, 2)
    assert rows[-1] == ("合计", 1, 1, 2)
    assert AuditEntry.objects.filter(action="export", actor=campus).exists()


def test_a_department_head_sees_their_units_violations_only(rules, campus):
    smoking, _parking = rules
    own, other = DepartmentFactory(name="教育局"), DepartmentFactory(name="财政局")
    head = make_user(roles=[Role.DEPARTMENT_HEADS], department=own)
    _record(own, NOVEMBER + datetime.timedelta(days=2), smoking, campus)
    theirs = _record(other, NOVEMBER + datetime.timedelta(days=2), smoking, campus)
    client = _client(head)
    response = client.get(reverse("property_services:conduct_monthly"), {"month": "2025-11"})
    assert [department.name for department, _counts, _total in response.context["rows"]] == ["教育局"]
    assert client.get(reverse("property_services:conductviolation", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("property_services:conductviolation_add")).status_code == 403


def test_a_bad_month_is_said_and_the_month_before_is_shown(campus):
    response = _client(campus).get(reverse("property_services:conduct_monthly"), {"month": "2025-13"})
    assert response.status_code == 200
    assert any("YYYY-MM" in str(message) for message in response.context["messages"])
