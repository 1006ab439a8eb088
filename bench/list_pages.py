"""The generic list page on a big table: rooms (200,000 by default, BENCH_ROOMS to change).

Measured with the test client in-process (no network), against two baselines from the same run:
a bare Django view returning a constant, and the stock admin changelist of the same model.
Cases: page 1, a deep page, a filter, a filter + search, sorting, and the department list.
"""

import os
import random
import time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from bench.common import client_for, print_table, time_page
from bureau.choices import DepartmentKind, RoomUse
from bureau.models import Building, Department, Room

ROOMS = int(os.environ.get("BENCH_ROOMS", "200000"))
ROOMS_PER_BUILDING = 1000
BATCH = 5000


def build(rooms=ROOMS):
    """Departments and `rooms` rooms in buildings of 1,000, bulk-inserted once (kept between runs)."""
    if Room.objects.count() >= rooms:
        return False
    started = time.perf_counter()
    rng = random.Random(11)
    with transaction.atomic():
        Department.objects.bulk_create(
            [
                Department(code=f"BENCH-{n:04d}", name=f"测试单位{n}", kind=rng.choice(DepartmentKind.values))
                for n in range(2000)
            ],
            ignore_conflicts=True,
        )
        buildings = rooms // ROOMS_PER_BUILDING + 1
        Building.objects.bulk_create(
            [Building(code=f"BENCH-B{n:04d}", name=f"{n}号楼", floors=20) for n in range(buildings)],
            ignore_conflicts=True,
        )
    building_ids = list(
        Building.objects.filter(code__startswith="BENCH-B").order_by("code").values_list("pk", flat=True)
    )
    Room.objects.filter(building_id__in=building_ids).delete()
    batch = []
    for n in range(rooms):
        building, index = divmod(n, ROOMS_PER_BUILDING)
        floor, number = divmod(index, 50)
        use = RoomUse.MEETING_ROOM if number % 10 == 0 else rng.choice((RoomUse.OFFICE,) * 8 + (RoomUse.OTHER,))
        batch.append(
            Room(
                building_id=building_ids[building],
                floor=floor + 1,
                number=f"{floor + 1}{number:02d}",
                use=use,
                area=Decimal(rng.choice((18, 20, 24, 30, 36, 120))),
                capacity=60 if use == RoomUse.MEETING_ROOM else None,
            )
        )
        if len(batch) == BATCH:
            Room.objects.bulk_create(batch)
            batch = []
    if batch:
        Room.objects.bulk_create(batch)
    print(f"built {rooms:,} rooms in {time.perf_counter() - started:.1f} s")
    return True


def run():
    build()
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE bureau_room; ANALYZE bureau_department; ANALYZE bureau_building")
    total = Room.objects.count()
    User = get_user_model()
    root, _created = User.objects.get_or_create(
        username="bench-root", defaults={"is_superuser": True, "is_staff": True}
    )
    client = client_for(root)
    building = Building.objects.filter(code__startswith="BENCH-B").order_by("code")[3]
    rooms = reverse("bureau:room_list")
    deep = max(1, total // 50 // 2)

    bare = time_page(client, "/bench/bare/", repeat=200)
    rows = [
        ("bare view (baseline)", bare),
        ("admin changelist, rooms (baseline)", time_page(client, reverse("admin:bureau_room_changelist"))),
        (
            "admin changelist, rooms, use=meeting room",
            time_page(client, reverse("admin:bureau_room_changelist"), params={"use__exact": "meeting_room"}),
        ),
        ("room list, page 1", time_page(client, rooms)),
        (f"room list, page {deep:,}", time_page(client, rooms, params={"page": deep})),
        ("room list, filter use=meeting room", time_page(client, rooms, params={"use": "meeting_room"})),
        (
            "room list, filter building + use, page 2",
            time_page(client, rooms, params={"building": building.pk, "use": "office", "page": 2}),
        ),
        ("room list, search q=305", time_page(client, rooms, params={"q": "305"})),
        ("room list, sorted by area desc", time_page(client, rooms, params={"sort": "-area"})),
        ("department list, page 1 (2,000+ rows)", time_page(client, reverse("bureau:department_list"))),
    ]
    print_table(f"List pages on {total:,} rooms ({connection.vendor}); superuser", rows, baseline_ms=bare["median_ms"])
