"""Permission-matrix rows of office space and campus conduct: the administration centre keeps who sits
where, the standards and the rules, and records violations with the supervision group; leadership reads;
department heads read their own unit's offices and violations (another unit's record: 404)."""

import datetime
from decimal import Decimal

from property_services.choices_space import ConductRuleKind
from property_services.models import ConductRule, ConductViolation, OfficeAssignment, OfficeStandard
from property_services.views import space
from tests.factories import RoomFactory, StaffProfileFactory
from tests.permission_matrix import Role, Row, register_rows, roles

DAY = datetime.date(2025, 11, 5)


def _assignment(world, department):
    person = StaffProfileFactory(department=department)
    return OfficeAssignment.objects.create(person=person, room=RoomFactory(), start_date=DAY)


def _rule(world, department):
    rule, _created = ConductRule.objects.get_or_create(
        kind=ConductRuleKind.PROHIBITION, number=1, defaults={"text": "严禁在办公区吸烟"}
    )
    return rule


def _violation(world, department):
    return ConductViolation.objects.create(
        department=department, date=DAY, rule=_rule(world, department), place="A栋3楼", description="楼道吸烟"
    )


OBJECTS = {
    "officestandard": lambda world, department: OfficeStandard.objects.get_or_create(
        rank="principal", valid_from=datetime.date(2030, 1, 1), defaults={"area_per_person": Decimal("30")}
    )[0],
    "officeassignment": _assignment,
    "conductrule": _rule,
    "conductviolation": _violation,
}

CAMPUS = roles(Role.ADMIN_CENTRE)
RECORDERS = roles(Role.ADMIN_CENTRE, Role.SUPERVISION)
SPACE_READERS = roles(Role.ADMIN_CENTRE, Role.LEADERSHIP, Role.DEPARTMENT_HEADS)
CONDUCT_READERS = RECORDERS | roles(Role.LEADERSHIP, Role.DEPARTMENT_HEADS)

ROWS = [
    Row("property_services:space_report", allow=SPACE_READERS),
    Row("property_services:space_report_xlsx", allow=SPACE_READERS),
    Row("property_services:office_list", allow=SPACE_READERS),
    *register_rows(
        space.OFFICE_STANDARDS,
        viewers=roles(Role.ADMIN_CENTRE, Role.LEADERSHIP),
        editors=CAMPUS,
        obj="officestandard",
        scoped=False,
    ),
    Row("property_services:officeassignment_add", allow=CAMPUS),
    *register_rows(space.OFFICE_ASSIGNMENTS, viewers=SPACE_READERS, editors=CAMPUS, obj="officeassignment"),
    *register_rows(
        space.CONDUCT_RULES, viewers=RECORDERS | roles(Role.LEADERSHIP), editors=CAMPUS, obj="conductrule", scoped=False
    ),
    Row("property_services:conductviolation_add", allow=RECORDERS),
    *register_rows(space.CONDUCT_VIOLATIONS, viewers=CONDUCT_READERS, editors=RECORDERS, obj="conductviolation"),
    Row("property_services:conduct_monthly", allow=CONDUCT_READERS),
    Row("property_services:conduct_monthly_xlsx", allow=CONDUCT_READERS),
    Row("pickers:property_services.office_person", allow=CAMPUS),
    Row("pickers:property_services.office_room", allow=CAMPUS),
    Row("pickers:property_services.conduct_rule", allow=CONDUCT_READERS),
]
