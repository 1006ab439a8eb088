"""Data sets at scale (DESIGN.md §9) for benchmarks: `manage.py seed_scale --size county|city|tiny`.

Each app that has data to add keeps a `scale.py` with `build(plan, writer, stdout)`; the command runs
bureau's first, then every other app's in INSTALLED_APPS order (as `seed_demo` does with `demo.py`),
so a new centre extends the data set by adding its own `scale.py`.

Rows are written by `ScaleWriter`: on PostgreSQL with COPY (the city set has 6.5 million attendance
rows), elsewhere through simple_history's bulk helper. Either way every row gets its creation
history row, as if it had been saved once: the data set looks like real data to every page (the
history tab included), and the history guard of the tests has nothing to object to.
"""

import dataclasses
import datetime
import random
from decimal import Decimal
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone
from psycopg.types.json import Jsonb
from simple_history.utils import bulk_create_with_history

from bureau.choices import DepartmentKind, Rank, RoomUse
from bureau.models import Building, Department, Room, RoomOccupancy, StaffProfile
from bureau.roles import Role

CODE_PREFIX = "S-"  # every department of a scale set; how the command knows a set is present


@dataclasses.dataclass(frozen=True)
class Plan:
    """How big each part of the data set is (DESIGN.md §9 rows; `tiny` is for tests)."""

    name: str
    departments: int
    rooms: int
    people_per_department: int
    meetings: int
    attendance_rows: int
    years: int
    rooms_per_building: int = 40
    last_day: datetime.date = datetime.date(2026, 12, 31)

    @property
    def first_day(self):
        return datetime.date(self.last_day.year - self.years + 1, 1, 1)

    @property
    def people(self):
        return self.departments * self.people_per_department


PLANS = {
    "tiny": Plan("tiny", departments=12, rooms=120, people_per_department=4, meetings=30, attendance_rows=600, years=2),
    "county": Plan(
        "county",
        departments=150,
        rooms=1_500,
        people_per_department=20,
        meetings=5_000,
        attendance_rows=500_000,
        years=10,
    ),
    "city": Plan(
        "city",
        departments=2_000,
        rooms=20_000,
        people_per_department=20,
        meetings=65_000,
        attendance_rows=6_500_000,
        years=10,
    ),
}


class ScaleWriter:
    """Inserts rows given as tuples, with ids chosen here (so later rows can point at them) and one
    creation history row each ('+', by `user_id`, at `when`) for history-tracked models."""

    def __init__(self, *, when=None, batch_size=2000):
        self.when = when or timezone.now()
        self.user_id = None  # who the history rows say created the data
        self.batch_size = batch_size
        self.copy = connection.vendor == "postgresql"
        self._next_id = {}
        self._triggers_off = False
        self.written = {}

    def reserve(self, model, count):
        """A range of `count` new ids of `model`."""
        if model not in self._next_id:
            self._next_id[model] = (model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1
        first = self._next_id[model]
        self._next_id[model] = first + count
        return range(first, first + count)

    def write(self, model, fields, rows):
        """Insert `rows` (tuples in the order of `fields`, attribute names, `id` first)."""
        fields = list(fields)
        # COPY knows no Django defaults: every field not given gets its default (a timestamp: `when`).
        missing = [f for f in model._meta.concrete_fields if f.attname not in fields and not f.primary_key]
        extra = tuple(
            self.when if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else f.get_default()
            for f in missing
        )
        if any(f.has_default() and callable(f.default) for f in missing):
            raise ValueError(f"{model.__name__}: give {[f.name for f in missing if f.has_default()]} per row")
        history = getattr(model, "history", None)
        rows = [(*row, *extra) for row in rows]
        fields += [f.attname for f in missing]
        if not rows:
            return 0
        if self.copy:
            # COPY takes a JSON value only when told it is JSON (a list would go in as an array)
            json_at = [i for i, name in enumerate(fields) if isinstance(model._meta.get_field(name), models.JSONField)]
            if json_at:
                rows = [tuple(Jsonb(v) if i in json_at else v for i, v in enumerate(row)) for row in rows]
            self._copy(model._meta.db_table, [model._meta.get_field(f).column for f in fields], rows)
            if history is not None:
                self._copy_history(history.model, fields, rows)
        else:
            objs = [model(**dict(zip(fields, row, strict=True))) for row in rows]
            if history is not None:
                bulk_create_with_history(
                    objs, model, batch_size=self.batch_size, default_user=self._user(), default_date=self.when
                )
            else:
                # history: only models that keep none (users, group memberships) come this way
                model._default_manager.bulk_create(objs, batch_size=self.batch_size)
        self.written[model] = self.written.get(model, 0) + len(rows)
        return len(rows)

    def finish(self):
        """Move the id sequences past the ids chosen here (PostgreSQL) and refresh the statistics."""
        if not self.copy:
            return
        models = list(self._next_id)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
            for model in {*self.written, *(m.history.model for m in self.written if hasattr(m, "history"))}:
                cursor.execute(f'ANALYZE "{model._meta.db_table}"')

    def _user(self):
        return get_user_model().objects.filter(pk=self.user_id).first() if self.user_id else None

    def _copy(self, table, columns, rows):
        names = ", ".join(f'"{c}"' for c in columns)
        with connection.cursor() as cursor:
            if not self._triggers_off:
                # The rows are made consistent here: a superuser loads them without the deferred
                # foreign-key checks (a third of the time); constraints and indexes still apply.
                cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                if cursor.fetchone()[0]:
                    cursor.execute("SET LOCAL session_replication_role = replica")
                self._triggers_off = True
            with cursor.cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)

    def _copy_history(self, history_model, fields, rows):
        tracked = {f.attname for f in history_model._meta.concrete_fields}
        keep = [i for i, name in enumerate(fields) if name in tracked]
        columns = [history_model._meta.get_field(fields[i]).column for i in keep]
        columns += ["history_date", "history_type", "history_change_reason", "history_user_id"]
        tail = (self.when, "+", None, self.user_id)
        self._copy(history_model._meta.db_table, columns, [(*(row[i] for i in keep), *tail) for row in rows])


def _has_field(model, name):
    return any(f.attname == name for f in model._meta.concrete_fields)


def build_all(plan, stdout=None):
    """Bureau's part, then each other app's `scale.build()` in INSTALLED_APPS order, in one transaction."""
    writer = ScaleWriter()
    built = {}
    with transaction.atomic():
        for config in apps.get_app_configs():
            if config.name == "bureau":
                built["bureau"] = build(plan, writer, stdout)
                continue
            try:
                module = import_module(f"{config.name}.scale")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.scale":
                    raise
                continue
            built[config.label] = module.build(plan, writer, stdout, built)
        writer.finish()
    return built


# --- bureau's part: departments, buildings, rooms, occupancy, people ---------------------------------

K = DepartmentKind
COUNTIES = [
    "中方县",
    "鹤城区",
    "沅陵县",
    "辰溪县",
    "溆浦县",
    "会同县",
    "麻阳县",
    "新晃县",
    "芷江县",
    "靖州县",
    "通道县",
    "洪江市",
    "洪江区",
]
UNITS_PER_COUNTY = 150
# The units of one county, in the order they are listed: the four leading bodies, the government's
# departments, the townships, then public institutions (as many as the county has room for).
LEADING = [("县委办公室", "县委办", K.PARTY), ("人大常委会办公室", "人大办", K.CONGRESS)]
LEADING += [("人民政府办公室", "政府办", K.GOVERNMENT), ("政协办公室", "政协办", K.CPPCC)]
GOV_DEPARTMENTS = (
    "机关事务管理局 发展和改革局 教育局 科技和工业信息化局 公安局 民政局 司法局 财政局 人力资源和社会保障局 "
    "自然资源局 住房和城乡建设局 交通运输局 水利局 农业农村局 商务局 文化旅游广电体育局 卫生健康局 退役军人事务局 "
    "应急管理局 审计局 "
    "市场监督管理局 统计局 医疗保障局 林业局 信访局 行政审批服务局 城市管理和综合执法局 乡村振兴局"
).split()
TOWNSHIPS = "城关 东山 西溪 南岭 北坪 新建 花桥 袁家 接龙 丁家 铜湾 桐木 泸阳 蒿吉 大坪 龙潭".split()
INSTITUTIONS = ["第{n}中学", "第{n}小学", "第{n}卫生院", "第{n}幼儿园", "{n}号事务中心"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
GIVEN = "建国志强海军红梅丽华明军文静秀英伟东晓燕小平新民春生玉兰德胜国庆卫东永红金凤桂香俊杰"
TITLES = ["局长", "副局长", "主任", "副主任", "科长", "副科长", "股长", "科员", "科员", "办事员"]
# Ranks by position in a unit (the head 正科级, two deputies 副科级, the rest 科级以下); every 17th
# person's rank is not recorded yet, as in a register still being filled in.
RANKS = [Rank.SECTION_CHIEF, Rank.DEPUTY_SECTION_CHIEF, Rank.DEPUTY_SECTION_CHIEF]


def scale_rank(position, pk):
    if pk % 17 == 0:
        return ""
    return RANKS[position] if position < len(RANKS) else Rank.BELOW_SECTION


# Who in the first county's 机关事务管理局 holds a bureau role (the rest of a department: head, staff).
BUREAU_ROLES = [Role.LEADERSHIP, Role.MEETING_CENTRE, Role.FINANCE, Role.ADMIN_CENTRE, Role.PROCUREMENT_CENTRE]


def county_units(count):
    """[(name, short name, kind)] of `count` units of one county (the county name is added later)."""
    units = [
        *LEADING,
        *((name, name.removesuffix("管理局").removesuffix("局") + "局", K.GOV_DEPARTMENT) for name in GOV_DEPARTMENTS),
    ]
    units += [(f"{town}镇人民政府", f"{town}镇", K.TOWNSHIP) for town in TOWNSHIPS]
    n = 0
    while len(units) < count:
        pattern = INSTITUTIONS[n % len(INSTITUTIONS)]
        label = pattern.format(n=n // len(INSTITUTIONS) + 1)
        units.append((label, label, K.INSTITUTION))
        n += 1
    return units[:count]


def person_name(rng):
    return rng.choice(SURNAMES), "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


@dataclasses.dataclass
class Built:
    """What bureau's part made, for the parts that come after it (ids only: cheap at any size)."""

    departments: list  # [(id, county index, kind)]
    meeting_rooms: list  # [id]
    people: dict  # department id → [user id]
    bureau_users: dict  # role → user id (the first county's 机关事务管理局)


def build(plan, writer, stdout, built=None):
    rng = random.Random(f"bureau-{plan.name}")
    User = get_user_model()
    counties = max(1, -(-plan.departments // UNITS_PER_COUNTY))
    per_county = -(-plan.departments // counties)

    # departments (heads are the first person of each: their ids are reserved now)
    department_ids = list(writer.reserve(Department, plan.departments))
    user_ids = list(writer.reserve(User, plan.people))
    departments, rows = [], []
    units = county_units(per_county)
    for index, pk in enumerate(department_ids):
        county, unit = divmod(index, per_county)
        name, short, kind = units[unit]
        county_name = COUNTIES[county % len(COUNTIES)] + (
            str(county // len(COUNTIES) + 1) if county >= len(COUNTIES) else ""
        )
        government = department_ids[county * per_county + 2] if per_county > 2 else None
        parent = government if kind in (K.GOV_DEPARTMENT, K.TOWNSHIP) and government != pk else None
        head = user_ids[index * plan.people_per_department]
        code = f"{CODE_PREFIX}{pk:05d}"  # by id: a second set in the same database gets codes of its own
        rows.append((pk, f"{county_name}{name}", short, code, kind, parent, head, True, index + 1))
        departments.append((pk, county, kind))
    # Parents come first in `rows` (the government office is third of its county): no FK waits.
    writer.write(
        Department, ("id", "name", "short_name", "code", "kind", "parent_id", "head_id", "active", "sort_order"), rows
    )

    # people: users, their staff profiles and roles
    password = make_password(None)  # unusable: scale people are data, not logins
    user_rows, profile_rows, people = [], [], {}
    for d_index, (department_id, _county, _kind) in enumerate(departments):
        for p in range(plan.people_per_department):
            pk = user_ids[d_index * plan.people_per_department + p]
            last, first = person_name(rng)
            user_rows.append((pk, password, f"s{pk:07d}", first, last, "", False, False, True, writer.when))
            title = TITLES[0] if p == 0 else TITLES[min(p, len(TITLES) - 1)]
            phone = f"0745-{rng.randint(2000000, 8999999)}"
            profile_rows.append((pk, pk, department_id, title, scale_rank(p, pk), phone))
            people.setdefault(department_id, []).append(pk)
    user_fields = ("id", "password", "username", "first_name", "last_name", "email", "is_staff", "is_superuser")
    writer.write(User, (*user_fields, "is_active", "date_joined"), user_rows)
    writer.write(StaffProfile, ("id", "user_id", "department_id", "title", "rank", "phone"), profile_rows)
    writer.user_id = user_ids[0]
    groups = dict(Group.objects.values_list("name", "pk"))
    bureau_department = department_ids[min(4, len(department_ids) - 1)]  # 机关事务管理局 of the first county
    bureau_users = dict(zip(BUREAU_ROLES, people[bureau_department][1:], strict=False))
    membership = []
    for department_id, members in people.items():
        for position, user_id in enumerate(members):
            role = Role.DEPARTMENT_HEADS if position == 0 else Role.EMPLOYEES
            if department_id == bureau_department:
                role = next((r for r, u in bureau_users.items() if u == user_id), role)
            if role in groups:
                membership.append((user_id, groups[role]))
    Through = User.groups.through
    ids = writer.reserve(Through, len(membership))
    writer.write(Through, ("id", "user_id", "group_id"), [(pk, *row) for pk, row in zip(ids, membership, strict=True)])

    # buildings and rooms
    buildings = max(1, plan.rooms // plan.rooms_per_building)
    building_ids = list(writer.reserve(Building, buildings))
    rows = []
    for index, pk in enumerate(building_ids):
        county = index * counties // buildings
        floors = rng.randint(3, 12)
        rows.append(
            (
                pk,
                f"{COUNTIES[county % len(COUNTIES)]}第{index + 1}办公楼",
                f"{CODE_PREFIX}B{pk:04d}",
                f"行政中心{index + 1}号",
                floors,
            )
        )
    writer.write(Building, ("id", "name", "code", "address", "floors"), rows)
    room_ids = list(writer.reserve(Room, plan.rooms))
    rows, offices, meeting_rooms = [], [], []
    for index, pk in enumerate(room_ids):
        b_index, position = divmod(index, -(-plan.rooms // buildings))
        b_index = min(b_index, buildings - 1)
        floor, number = divmod(position, 10)
        roll = rng.random()
        use = (
            RoomUse.MEETING_ROOM
            if roll < 0.08
            else RoomUse.CANTEEN
            if roll < 0.1
            else RoomUse.OTHER
            if roll < 0.15
            else RoomUse.OFFICE
        )
        if use == RoomUse.MEETING_ROOM:
            area = Decimal(rng.choice((40, 60, 80, 120, 240, 400)))
            capacity, name, equipment = int(area / 2), f"第{index + 1}会议室", "投影、话筒"
            meeting_rooms.append((pk, b_index * counties // buildings))
        else:
            area = Decimal(rng.choice((15, 18, 20, 24, 30, 36, 48))) + Decimal(rng.randint(0, 99)) / 100
            capacity, name, equipment = None, "", ""
            if use == RoomUse.OFFICE:
                offices.append((pk, b_index * counties // buildings))
        rows.append(
            (
                pk,
                building_ids[b_index],
                floor + 1,
                f"{floor + 1}{number + 1:02d}",
                name,
                use,
                area,
                capacity,
                equipment,
                True,
            )
        )
    room_fields = ("id", "building_id", "floor", "number", "name", "use", "area", "capacity", "equipment", "active")
    writer.write(Room, room_fields, rows)

    # occupancy: most offices are held by a unit of the building's county; some changed hands once
    by_county = {}
    for pk, county, _kind in departments:
        by_county.setdefault(county, []).append(pk)
    start, rows = plan.first_day, []
    span = (plan.last_day - plan.first_day).days
    ids = iter(writer.reserve(RoomOccupancy, 2 * len(offices)))
    for room_id, county in offices:
        if rng.random() < 0.08:
            continue  # vacant
        units = by_county.get(county) or by_county[0]
        department = (
            units[min(int(rng.paretovariate(1.2)) - 1, len(units) - 1)] if rng.random() < 0.3 else rng.choice(units)
        )
        if rng.random() < 0.25:
            moved = start + datetime.timedelta(days=rng.randint(30, span - 30))
            rows.append((next(ids), room_id, rng.choice(units), start, moved - datetime.timedelta(days=1), "搬迁前"))
            rows.append((next(ids), room_id, department, moved, None, ""))
        else:
            rows.append((next(ids), room_id, department, start, None, ""))
    writer.write(RoomOccupancy, ("id", "room_id", "department_id", "start_date", "end_date", "note"), rows)
    if stdout is not None:
        stdout.write(
            f"bureau: {len(departments):,} departments, {plan.people:,} people, {buildings:,} buildings, "
            f"{plan.rooms:,} rooms, {len(rows):,} occupancies"
        )
    return Built(
        departments=departments,
        meeting_rooms=[pk for pk, _county in meeting_rooms],
        people=people,
        bureau_users=bureau_users,
    )
