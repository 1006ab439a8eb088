"""Demo data for 中方县 (the "demo" row of DESIGN.md §9): departments, the administrative centre,
rooms and their occupancy, and one login per role. Deterministic and idempotent: every row is
looked up by its natural key, so running it twice changes nothing."""

import datetime
import random
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from bureau.choices import DepartmentKind, RoomUse
from bureau.models import Building, Department, Room, RoomOccupancy, StaffProfile
from bureau.passwords import require_password_change
from bureau.roles import Role

DEMO_PASSWORD = "demo-2026"
BUREAU_CODE = "ZF-JGSWJ"

K = DepartmentKind
# (code, name, short name, kind)
DEPARTMENTS = [
    ("ZF-XW", "中共中方县委员会办公室", "县委办", K.PARTY),
    ("ZF-RD", "中方县人大常委会办公室", "县人大办", K.CONGRESS),
    ("ZF-ZF", "中方县人民政府办公室", "县政府办", K.GOVERNMENT),
    ("ZF-ZX", "政协中方县委员会办公室", "县政协办", K.CPPCC),
    ("ZF-JW", "中共中方县纪律检查委员会", "县纪委监委", K.PARTY),
    ("ZF-ZZB", "中共中方县委组织部", "县委组织部", K.PARTY),
    ("ZF-XCB", "中共中方县委宣传部", "县委宣传部", K.PARTY),
    ("ZF-TZB", "中共中方县委统战部", "县委统战部", K.PARTY),
    ("ZF-ZFW", "中共中方县委政法委员会", "县委政法委", K.PARTY),
    (BUREAU_CODE, "中方县机关事务管理局", "机关事务局", K.GOV_DEPARTMENT),
    ("ZF-FGJ", "中方县发展和改革局", "发改局", K.GOV_DEPARTMENT),
    ("ZF-JYJ", "中方县教育局", "教育局", K.GOV_DEPARTMENT),
    ("ZF-KGJ", "中方县科技和工业信息化局", "科工信局", K.GOV_DEPARTMENT),
    ("ZF-GAJ", "中方县公安局", "公安局", K.GOV_DEPARTMENT),
    ("ZF-MZJ", "中方县民政局", "民政局", K.GOV_DEPARTMENT),
    ("ZF-SFJ", "中方县司法局", "司法局", K.GOV_DEPARTMENT),
    ("ZF-CZJ", "中方县财政局", "财政局", K.GOV_DEPARTMENT),
    ("ZF-RSJ", "中方县人力资源和社会保障局", "人社局", K.GOV_DEPARTMENT),
    ("ZF-ZRJ", "中方县自然资源局", "自然资源局", K.GOV_DEPARTMENT),
    ("ZF-HBJ", "怀化市生态环境局中方分局", "生态环境分局", K.GOV_DEPARTMENT),
    ("ZF-ZJJ", "中方县住房和城乡建设局", "住建局", K.GOV_DEPARTMENT),
    ("ZF-JTJ", "中方县交通运输局", "交通运输局", K.GOV_DEPARTMENT),
    ("ZF-SLJ", "中方县水利局", "水利局", K.GOV_DEPARTMENT),
    ("ZF-NYJ", "中方县农业农村局", "农业农村局", K.GOV_DEPARTMENT),
    ("ZF-SWJ", "中方县商务局", "商务局", K.GOV_DEPARTMENT),
    ("ZF-WLJ", "中方县文化旅游广电体育局", "文旅广体局", K.GOV_DEPARTMENT),
    ("ZF-WJJ", "中方县卫生健康局", "卫健局", K.GOV_DEPARTMENT),
    ("ZF-TJJ", "中方县退役军人事务局", "退役军人局", K.GOV_DEPARTMENT),
    ("ZF-YJJ", "中方县应急管理局", "应急局", K.GOV_DEPARTMENT),
    ("ZF-SJJ", "中方县审计局", "审计局", K.GOV_DEPARTMENT),
    ("ZF-SCJ", "中方县市场监督管理局", "市场监管局", K.GOV_DEPARTMENT),
    ("ZF-TJ", "中方县统计局", "统计局", K.GOV_DEPARTMENT),
    ("ZF-YBJ", "中方县医疗保障局", "医保局", K.GOV_DEPARTMENT),
    ("ZF-LYJ", "中方县林业局", "林业局", K.GOV_DEPARTMENT),
    ("ZF-XFJ", "中方县信访局", "信访局", K.GOV_DEPARTMENT),
    ("ZF-SPJ", "中方县行政审批服务局", "行政审批局", K.GOV_DEPARTMENT),
    ("ZF-CGJ", "中方县城市管理和综合执法局", "城管局", K.GOV_DEPARTMENT),
    ("ZF-XCZX", "中方县乡村振兴局", "乡村振兴局", K.GOV_DEPARTMENT),
    ("ZF-ZXZ", "中方镇人民政府", "中方镇", K.TOWNSHIP),
    ("ZF-TWZ", "铜湾镇人民政府", "铜湾镇", K.TOWNSHIP),
    ("ZF-LYZ", "泸阳镇人民政府", "泸阳镇", K.TOWNSHIP),
    ("ZF-GCZ", "桐木镇人民政府", "桐木镇", K.TOWNSHIP),
    ("ZF-XTZ", "新建镇人民政府", "新建镇", K.TOWNSHIP),
    ("ZF-HJZ", "花桥镇人民政府", "花桥镇", K.TOWNSHIP),
    ("ZF-YSZ", "袁家镇人民政府", "袁家镇", K.TOWNSHIP),
    ("ZF-JPZ", "接龙镇人民政府", "接龙镇", K.TOWNSHIP),
    ("ZF-DHZ", "丁家乡人民政府", "丁家乡", K.TOWNSHIP),
    ("ZF-XLX", "新路河乡人民政府", "新路河乡", K.TOWNSHIP),
    ("ZF-SJX", "蒿吉坪瑶族乡人民政府", "蒿吉坪乡", K.TOWNSHIP),
    ("ZF-GHZ", "中方县融媒体中心", "融媒体中心", K.INSTITUTION),
    ("ZF-DAG", "中方县档案馆", "档案馆", K.INSTITUTION),
    ("ZF-GJJ", "怀化市住房公积金管理中心中方县管理部", "公积金管理部", K.INSTITUTION),
    ("ZF-JKZX", "中方县疾病预防控制中心", "县疾控中心", K.INSTITUTION),
    ("ZF-RMYY", "中方县人民医院", "县人民医院", K.INSTITUTION),
    ("ZF-YZ", "中方县第一中学", "县一中", K.INSTITUTION),
    ("ZF-ZWZX", "中方县政务服务中心", "政务服务中心", K.INSTITUTION),
    ("ZF-GGZY", "中方县公共资源交易中心", "公共资源交易中心", K.INSTITUTION),
    ("ZF-NJZ", "中方县农业技术推广中心", "农技中心", K.INSTITUTION),
    ("ZF-QXJ", "中方县气象局", "气象局", K.INSTITUTION),
    ("ZF-DXX", "中共中方县委党校", "县委党校", K.INSTITUTION),
]

# (code, name, floors, rooms per floor) of the administrative centre 中方县行政中心.
BUILDINGS = [
    ("XZZX-A", "行政中心A栋（县委）", 8, 14),
    ("XZZX-B", "行政中心B栋（县政府）", 8, 14),
    ("XZZX-C", "行政中心C栋（人大政协）", 6, 12),
    ("XZZX-D", "行政中心D栋（综合楼）", 6, 10),
    ("XZZX-E", "行政中心会议中心", 3, 14),
]

# One login per role: (username, full name, role, department code).
DEMO_USERS = [
    ("leader", "刘局长", Role.LEADERSHIP, BUREAU_CODE),
    ("meeting", "王会务", Role.MEETING_CENTRE, BUREAU_CODE),
    ("procure", "陈采购", Role.PROCUREMENT_CENTRE, BUREAU_CODE),
    ("campus", "张行管", Role.ADMIN_CENTRE, BUREAU_CODE),
    ("asset", "李资产", Role.ASSET_MANAGERS, BUREAU_CODE),
    ("inspect", "赵监管", Role.SUPERVISION, BUREAU_CODE),
    ("finance", "周财务", Role.FINANCE, BUREAU_CODE),
    ("repair", "吴师傅", Role.TECHNICIANS, BUREAU_CODE),
    ("head", "杨主任", Role.DEPARTMENT_HEADS, "ZF-JYJ"),
    ("employee", "孙干事", Role.EMPLOYEES, "ZF-JYJ"),
]

# One login per administrator role (三员分立): (username, full name, role, reaches the admin site).
# The audit administrator only reads the log in the portal, so no admin site for them.
DEMO_ADMINISTRATORS = [
    ("sysadmin", "钱系统", Role.SYSTEM_ADMINISTRATOR, True),
    ("secadmin", "冯安全", Role.SECURITY_ADMINISTRATOR, True),
    ("auditadmin", "郑审计", Role.AUDIT_ADMINISTRATOR, False),
]


@transaction.atomic
def seed(*, stdout=None, rng=None):
    rng = rng or random.Random(2026)
    departments = _seed_departments()
    rooms = _seed_buildings_and_rooms(rng)
    _seed_occupancy(rng, rooms, departments)
    users = _seed_users(departments)
    if stdout is not None:
        stdout.write(
            f"departments: {Department.objects.count()}, rooms: {Room.objects.count()}, "
            f"occupancies: {RoomOccupancy.objects.count()}"
        )
    return users


def _seed_departments():
    result = {}
    for order, (code, name, short, kind) in enumerate(DEPARTMENTS, start=1):
        result[code], _created = Department.objects.get_or_create(
            code=code, defaults={"name": name, "short_name": short, "kind": kind, "sort_order": order * 10}
        )
    parent = result["ZF-ZF"]
    for department in result.values():
        if department.kind == K.GOV_DEPARTMENT and department.parent_id is None:
            department.parent = parent
            department.save(update_fields=["parent"])
    return result


def _seed_buildings_and_rooms(rng):
    rooms = []
    for code, name, floors, per_floor in BUILDINGS:
        building, _created = Building.objects.get_or_create(
            code=code, defaults={"name": name, "floors": floors, "address": "中方县中方镇行政中心"}
        )
        for floor in range(1, floors + 1):
            for index in range(1, per_floor + 1):
                number = f"{floor}{index:02d}"
                is_meeting = index in (1, per_floor) or code == "XZZX-E"
                use = RoomUse.MEETING_ROOM if is_meeting else RoomUse.OFFICE
                if code == "XZZX-D" and floor == 1 and index <= 2:
                    use = RoomUse.CANTEEN
                area = (
                    Decimal(rng.choice([18, 20, 24, 30, 36]))
                    if use == RoomUse.OFFICE
                    else Decimal(rng.choice([60, 80, 120, 240]))
                )
                room, _created = Room.objects.get_or_create(
                    building=building,
                    number=number,
                    defaults={
                        "floor": floor,
                        "use": use,
                        "area": area,
                        "capacity": int(area / 2) if use == RoomUse.MEETING_ROOM else None,
                        "equipment": "投影、话筒、视频会议终端" if use == RoomUse.MEETING_ROOM else "",
                        "name": _meeting_room_name(code, floor, index) if use == RoomUse.MEETING_ROOM else "",
                    },
                )
                rooms.append(room)
    return rooms


def _meeting_room_name(building_code, floor, index):
    if building_code == "XZZX-E":  # the conference centre numbers its halls
        return "大礼堂" if (floor, index) == (1, 1) else f"第{(floor - 1) * 14 + index}会议室"
    return f"{floor}楼{'东' if index == 1 else '西'}会议室"


def _seed_occupancy(rng, rooms, departments):
    if RoomOccupancy.objects.exists():
        return
    offices = [room for room in rooms if room.use == RoomUse.OFFICE]
    # Townships sit in their own towns; the centre houses the county organs.
    occupants = [d for d in departments.values() if d.kind != K.TOWNSHIP]
    start = datetime.date(2025, 1, 1)
    moved = datetime.date(2026, 3, 1)
    rows = []
    for index, room in enumerate(offices):
        department = occupants[index % len(occupants)]
        if index % 23 == 0:
            # A move half-way through the period: one department leaves, another comes in.
            newcomer = occupants[(index + 7) % len(occupants)]
            rows.append(
                RoomOccupancy(
                    room=room, department=department, start_date=start, end_date=moved - datetime.timedelta(days=1)
                )
            )
            rows.append(RoomOccupancy(room=room, department=newcomer, start_date=moved))
        elif index % 17 == 0:
            continue  # vacant
        else:
            rows.append(RoomOccupancy(room=room, department=department, start_date=start))
    for row in rows:
        row.save()  # save(), not bulk_create: every row keeps its history


def _seed_users(departments):
    User = get_user_model()
    created = []
    for username, full_name, role, department_code in DEMO_USERS:
        user = _demo_login(username, full_name)
        user.groups.add(Group.objects.get(name=role))
        StaffProfile.objects.get_or_create(user=user, defaults={"department": departments[department_code]})
        created.append((username, full_name, role, departments[department_code].short_name))
    for username, full_name, role, is_staff in DEMO_ADMINISTRATORS:
        user = _demo_login(username, full_name, is_staff=is_staff)
        user.groups.add(Group.objects.get(name=role))
        StaffProfile.objects.get_or_create(user=user, defaults={"department": departments[BUREAU_CODE]})
        created.append((username, full_name, role, departments[BUREAU_CODE].short_name))
    head = User.objects.get(username="head")
    education = departments["ZF-JYJ"]
    if education.head_id is None:
        education.head = head
        education.save(update_fields=["head"])
    _demo_login("admin", "管理员", is_staff=True, is_superuser=True, split_name=False)
    created.append(("admin", "管理员", "superuser", "—"))
    return created


def _demo_login(username, full_name, *, is_staff=False, is_superuser=False, split_name=True):
    """A demo account with the demo password, made once (a second run leaves it as it is)."""
    names = {"first_name": full_name[1:], "last_name": full_name[0]} if split_name else {"first_name": full_name}
    user, was_created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": is_staff, "is_superuser": is_superuser, **names}
    )
    if was_created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        if settings.BUREAU_DEMO_PASSWORD_CHANGE:
            require_password_change(user)
    return user
