"""Departments, buildings, rooms and occupancy: registers declared once (bureau.registers)."""

from bureau import filtersets, forms, tables
from bureau.models import Building, Department, Room, RoomOccupancy, StaffProfile
from bureau.registers import Register
from bureau.services import person_save
from bureau.views import generic


def department_rooms(department, user):
    occupancies = (
        RoomOccupancy.objects.current().filter(department=department).select_related("room__building", "department")
    )
    return [(RoomOccupancy._meta.verbose_name_plural, tables.RoomOccupancyTable(occupancies, orderable=False))]


def building_rooms(building, user):
    rooms = building.rooms.select_related("building")
    return [(Room._meta.verbose_name_plural, tables.RoomTable(rooms, orderable=False))]


def room_occupancies(room, user):
    occupancies = RoomOccupancy.objects.for_user(user).filter(room=room)
    occupancies = occupancies.select_related("room__building", "department")
    return [(RoomOccupancy._meta.verbose_name_plural, tables.RoomOccupancyTable(occupancies, orderable=False))]


DEPARTMENTS = Register(
    Department,
    "departments",
    table=tables.DepartmentTable,
    filterset=filtersets.DepartmentFilterSet,
    form=forms.DepartmentForm,
    select_related=("parent", "head"),
    related=department_rooms,
    delete=True,
)
BUILDINGS = Register(
    Building,
    "buildings",
    table=tables.BuildingTable,
    filterset=filtersets.BuildingFilterSet,
    form=forms.BuildingForm,
    related=building_rooms,
    delete=True,
)
ROOMS = Register(
    Room,
    "rooms",
    table=tables.RoomTable,
    filterset=filtersets.RoomFilterSet,
    form=forms.RoomForm,
    select_related=("building",),
    related=room_occupancies,
    delete=True,
)
OCCUPANCY = Register(
    RoomOccupancy,
    "occupancy",
    table=tables.RoomOccupancyTable,
    filterset=filtersets.RoomOccupancyFilterSet,
    form=forms.RoomOccupancyForm,
    select_related=("room__building", "department"),
    detail_fields=("room", "department", "start_date", "end_date", "note", "voided_at", "voided_by", "void_reason"),
    void=True,
)


# ---- the people register (通讯录): each unit's people with title and rank; people need no login ------


class PersonEditView(generic.ObjectEditView):
    def save_form(self, form):
        return person_save(profile=form.save(commit=False), name=form.cleaned_data["name"], actor=self.request.user)


class PersonDetailView(generic.ObjectDetailView):
    # The phone is masked; those who keep the register may show it in full (audited, as every view of it).
    personal_fields = ("phone",)
    personal_full_permission = "bureau.change_staffprofile"


PEOPLE = Register(
    StaffProfile,
    "people",
    table=tables.StaffProfileTable,
    filterset=filtersets.StaffProfileFilterSet,
    form=forms.PersonForm,
    select_related=("user", "department"),
    detail_fields=("department", "title", "rank", "phone"),
    views={"edit": PersonEditView, "detail": PersonDetailView},
)
