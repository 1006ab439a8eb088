"""factory_boy factories for the bureau-wide model; centre apps add theirs in tests/<app>/factories.py."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from bureau.choices import DepartmentKind, RoomUse
from bureau.models import Building, Department, Room, RoomOccupancy, StaffProfile


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n:04d}")
    name = factory.Sequence(lambda n: f"测试单位{n}")
    short_name = factory.LazyAttribute(lambda o: o.name[:6])
    kind = DepartmentKind.GOV_DEPARTMENT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "干部"
    last_name = factory.Sequence(lambda n: "王李张刘陈"[n % 5])
    password = factory.PostGenerationMethodCall("set_password", "pw-123456")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for name in extracted or ():
            self.groups.add(Group.objects.get(name=name))
        if create:
            self.save()


class StaffProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffProfile

    user = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory)
    title = "科员"


def make_user(*, roles=(), department=None, username=None, **kwargs):
    """A user with roles and (optionally) a staff profile in `department`."""
    user = UserFactory(roles=roles, **({"username": username} if username else {}), **kwargs)
    if department is not None:
        StaffProfileFactory(user=user, department=department)
    return user


class BuildingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Building

    code = factory.Sequence(lambda n: f"B{n:03d}")
    name = factory.Sequence(lambda n: f"{n}号楼")
    floors = 6


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    building = factory.SubFactory(BuildingFactory)
    floor = 2
    number = factory.Sequence(lambda n: f"2{n:02d}")
    use = RoomUse.OFFICE
    area = Decimal("24.00")


class MeetingRoomFactory(RoomFactory):
    use = RoomUse.MEETING_ROOM
    capacity = 60
    area = Decimal("120.00")
    name = factory.Sequence(lambda n: f"第{n}会议室")


class RoomOccupancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoomOccupancy

    room = factory.SubFactory(RoomFactory)
    department = factory.SubFactory(DepartmentFactory)
    start_date = datetime.date(2025, 1, 1)
