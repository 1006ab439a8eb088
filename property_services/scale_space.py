"""Office space and campus conduct in `seed_scale` (called from property_services.scale): each build's
people in the offices their unit occupies at the end of the plan (two or three to an office beyond the
head and deputies, the unit's other offices idle) and two violations a unit a year under the campus
rules (八条严禁, 文明公约; made here when the database has none), written by the scale writer."""

import datetime
import random
from collections import defaultdict

from bureau.choices import RoomUse
from bureau.models import RoomOccupancy, StaffProfile
from property_services.demo_space import PLACES, RULES
from property_services.models import ConductRule, ConductViolation, OfficeAssignment

VIOLATIONS_PER_UNIT_YEAR = 2
SINGLE_OFFICES = 3  # the head and two deputies sit alone; the others share


def build(plan, writer, department_ids):
    """Returns (office assignments, violations) written."""
    rng = random.Random(f"space-{plan.name}")
    assignments = _assignments(plan, writer, department_ids)
    violations = _violations(plan, writer, department_ids, rng)
    return assignments, violations


def _assignments(plan, writer, department_ids):
    offices = defaultdict(list)
    open_occupancies = (
        RoomOccupancy.objects.filter(room__use=RoomUse.OFFICE, voided_at=None, end_date=None)
        .order_by("department_id", "-room__area", "room_id")
        .values_list("department_id", "room_id", "start_date")
    )
    for department_id, room_id, start in open_occupancies:
        if department_id in department_ids:
            offices[department_id].append((room_id, start))
    people = defaultdict(list)
    seated = set(OfficeAssignment.objects.values_list("person_id", flat=True))
    for pk, department_id in (
        StaffProfile.objects.filter(department_id__in=department_ids).order_by("pk").values_list("pk", "department_id")
    ):
        if pk not in seated:
            people[department_id].append(pk)
    rows = []
    for department_id, members in people.items():
        rooms = offices.get(department_id, [])
        groups = [members[:1], *([pk] for pk in members[1:SINGLE_OFFICES])]
        rest = members[SINGLE_OFFICES:]
        groups += [rest[i : i + 3] for i in range(0, len(rest), 3)]
        for (room_id, start), group in zip(rooms, [g for g in groups if g], strict=False):
            rows.extend((person_id, room_id, start) for person_id in group)
    ids = writer.reserve(OfficeAssignment, len(rows))
    writer.write(
        OfficeAssignment,
        ("id", "person_id", "room_id", "start_date"),
        [(pk, *row) for pk, row in zip(ids, rows, strict=True)],
    )
    return len(rows)


def _violations(plan, writer, department_ids, rng):
    if not ConductRule.objects.exists():
        ids = writer.reserve(ConductRule, len(RULES))
        writer.write(
            ConductRule,
            ("id", "kind", "number", "text", "active"),
            [(pk, kind, number, text, True) for pk, (kind, number, text) in zip(ids, RULES, strict=True)],
        )
    rules = list(ConductRule.objects.filter(active=True).values_list("pk", "text"))
    span = (plan.last_day - plan.first_day).days
    today = datetime.date.today()
    rows = []
    for department_id in sorted(department_ids):
        for _ in range(VIOLATIONS_PER_UNIT_YEAR * plan.years):
            day = min(plan.first_day + datetime.timedelta(days=rng.randrange(span + 1)), today)
            rule_id, text = rng.choice(rules)
            rows.append((department_id, day, rule_id, rng.choice(PLACES), f"巡查发现：{text}"))
    ids = writer.reserve(ConductViolation, len(rows))
    writer.write(
        ConductViolation,
        ("id", "department_id", "date", "rule_id", "place", "description"),
        [(pk, *row) for pk, row in zip(ids, rows, strict=True)],
    )
    return len(rows)
