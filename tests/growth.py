"""Data that grows: more than a page of every kind of row a picker offers (tests of pickers and of
the pages that must not list them all)."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from bureau.choices import DepartmentKind, RoomUse
from bureau.models import Building, Department, Room, RoomOccupancy, StaffProfile
from bureau.roles import Role
from meetings.choices import MeetingCategory, MeetingFormat, MeetingStatus
from meetings.models import Meeting, OfficialLetter


def grow(world, n):
    """`n` more rows of everything a picker offers: departments, buildings, rooms (offices and
    meeting rooms), people (technicians too), open meetings and official letters; suppliers, requests,
    batches and contracts; asset cards and pool entries."""
    departments = Department.objects.bulk_create(
        Department(
            code=f"G{n}-{i:04d}", name=f"增长单位{n}-{i}", short_name=f"增{i}", kind=DepartmentKind.GOV_DEPARTMENT
        )
        for i in range(n)
    )
    buildings = Building.objects.bulk_create(Building(code=f"GB{n}-{i:04d}", name=f"增长楼{n}-{i}") for i in range(n))
    rooms = Room.objects.bulk_create(
        Room(
            building=buildings[i % len(buildings)],
            floor=1,
            number=f"{n}{i:04d}",
            name=f"第{n}-{i}会议室" if i % 2 else "",
            use=RoomUse.MEETING_ROOM if i % 2 else RoomUse.OFFICE,
            capacity=50 if i % 2 else None,
            area="30.00",
        )
        for i in range(2 * n)
    )
    RoomOccupancy.objects.bulk_create(
        RoomOccupancy(room=room, department=world.own, start_date=datetime.date(2025, 1, 1)) for room in rooms[:n]
    )
    people = get_user_model().objects.bulk_create(
        get_user_model()(username=f"grow{n}-{i}", last_name="欧阳", first_name=f"增{i}") for i in range(n)
    )
    StaffProfile.objects.bulk_create(
        StaffProfile(user=person, department=departments[i % len(departments)]) for i, person in enumerate(people)
    )
    # the repair line's technicians, whom the dispatcher picks among
    technicians, _created = Group.objects.get_or_create(name=Role.TECHNICIANS)
    technicians.user_set.add(*people)
    start = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)
    Meeting.objects.bulk_create(
        Meeting(
            title=f"增长会议{n}-{i}",
            host_department=world.own,
            category=MeetingCategory.CLASS_3,
            format=MeetingFormat.VIDEO,
            start_at=start + datetime.timedelta(days=i),
            end_at=start + datetime.timedelta(days=i, hours=2),
            planned_attendees=10,
            status=MeetingStatus.APPROVED,  # the printing order's meeting picker offers approved meetings
        )
        for i in range(n)
    )
    # property services: contractors (procurement suppliers) and their service contracts
    from procurement.models import Supplier
    from property_services.models import PenaltyClause, ServiceContract

    suppliers = Supplier.objects.bulk_create(
        Supplier(name=f"增长物业公司{n}-{i}", credit_code=f"G{n:03d}{i:014d}"[:18]) for i in range(n)
    )
    contracts = ServiceContract.objects.bulk_create(
        ServiceContract(
            contractor=supplier,
            title=f"增长服务合同{n}-{i}",
            service_type="cleaning",
            monthly_fee=1000,
            start_date=datetime.date(2025, 1, 1),
            end_date=datetime.date(2026, 12, 31),
        )
        for i, supplier in enumerate(suppliers)
    )
    PenaltyClause.objects.bulk_create(
        PenaltyClause(contract=contract, deficiency=f"增长扣分项{n}-{i}", deduction=100, monthly_cap=500)
        for i, contract in enumerate(contracts)
    )
    OfficialLetter.objects.bulk_create(
        OfficialLetter(
            number=f"函〔2026〕{n}-{i}号",
            sending_unit="怀化市教育局",
            receiving_department=world.own,
            date=datetime.date(2026, 11, 1),
            subject="来访",
        )
        for i in range(n)
    )
    _grow_procurement(n, departments)
    _grow_assets(n, departments)


def _grow_procurement(n, departments):
    """Suppliers, free requests, batches and contracts (procurement's picker sources)."""
    from decimal import Decimal

    from stdnum.cn import uscc

    from procurement.models import Award, Batch, Bid, Contract, Lot, ProcurementRequest, Supplier

    def code(i):
        body = f"914312{n % 100:02d}{i:09d}"
        return body + uscc.calc_check_digit(body)

    suppliers = Supplier.objects.bulk_create(Supplier(name=f"增长供应商{n}-{i}", credit_code=code(i)) for i in range(n))
    ProcurementRequest.objects.bulk_create(
        ProcurementRequest(
            purchasing_department=departments[i % len(departments)],
            item=f"增长需求{n}-{i}",
            category="goods",
            catalogue_code="A02010104",
            quantity=Decimal(1),
            budget=Decimal(1000),
            funding_source="fiscal",
            planned_start=datetime.date(2026, 6, 1),
            intention_published_on=datetime.date(2026, 4, 1),
            status="submitted",
        )
        for i in range(n)
    )
    batches = Batch.objects.bulk_create(
        Batch(number=f"GROW-{n}-{i:04d}", title=f"增长批次{n}-{i}", method="open_tender", status="awarded")
        for i in range(n)
    )
    lot = Lot.objects.create(batch=batches[0], number=1, name="增长包", budget=Decimal(1000) * n)
    bid = Bid.objects.create(
        lot=lot,
        supplier=suppliers[0],
        price=Decimal(900) * n,
        submitted_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC),
    )
    award = Award.objects.create(
        lot=lot, bid=bid, supplier=suppliers[0], amount=bid.price, decided_on=datetime.date(2026, 5, 6)
    )
    Contract.objects.bulk_create(
        Contract(
            number=f"GROW-{n}-HT{i:04d}",
            title=f"增长合同{n}-{i}",
            batch=batches[0],
            lot=lot,
            award=award,
            purchasing_department=department,
            supplier=suppliers[0],
            amount=Decimal(900),
            budget_amount=Decimal(1000),
            status="signed",
            signed_on=datetime.date(2026, 5, 20),
        )
        for i, department in enumerate(departments)
    )


def _grow_assets(n, departments):
    """Asset cards and idle-pool entries (the asset registry's picker sources); the classes are
    GB/T 14885 reference data, loaded by a migration, and do not grow."""
    from decimal import Decimal

    from assets.models import Asset, AssetClass, PoolEntry

    asset_class = AssetClass.objects.get(code="2010100")
    assets = Asset.objects.bulk_create(
        Asset(
            code=f"G{n}-{i:06d}",
            name=f"增长资产{n}-{i}",
            asset_class=asset_class,
            owning_unit=departments[i % len(departments)],
            using_department=departments[i % len(departments)],
            acquired_on=datetime.date(2024, 3, 15),
            source="purchase",
            original_value=Decimal("6000.00"),
            unit_of_measure="台",
        )
        for i in range(n)
    )
    PoolEntry.objects.bulk_create(
        PoolEntry(asset=asset, handed_in_on=datetime.date(2026, 6, 1), handed_in_by=asset.owning_unit, condition="良好")
        for asset in assets
    )
