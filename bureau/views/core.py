"""Departments, buildings, rooms and occupancy: the generic views, declared."""

from bureau import filtersets, forms, tables
from bureau.models import Building, Department, Room, RoomOccupancy
from bureau.views import generic


class DepartmentListView(generic.ObjectListView):
    model = Department
    table_class = tables.DepartmentTable
    filterset_class = filtersets.DepartmentFilterSet
    select_related = ("parent", "head")


class DepartmentView(generic.ObjectDetailView):
    model = Department
    select_related = ("parent", "head")

    def get_related_tables(self):
        occupancies = (
            RoomOccupancy.objects.current()
            .filter(department=self.object)
            .select_related("room__building", "department")
        )
        return [(RoomOccupancy._meta.verbose_name_plural, tables.RoomOccupancyTable(occupancies, orderable=False))]


class DepartmentHistoryView(generic.ObjectHistoryView):
    model = Department


class DepartmentEditView(generic.ObjectEditView):
    model = Department
    form_class = forms.DepartmentForm


class DepartmentDeleteView(generic.ObjectDeleteView):
    model = Department


class BuildingListView(generic.ObjectListView):
    model = Building
    table_class = tables.BuildingTable
    filterset_class = filtersets.BuildingFilterSet


class BuildingView(generic.ObjectDetailView):
    model = Building

    def get_related_tables(self):
        rooms = self.object.rooms.select_related("building")
        return [(Room._meta.verbose_name_plural, tables.RoomTable(rooms, orderable=False))]


class BuildingHistoryView(generic.ObjectHistoryView):
    model = Building


class BuildingEditView(generic.ObjectEditView):
    model = Building
    form_class = forms.BuildingForm


class BuildingDeleteView(generic.ObjectDeleteView):
    model = Building


class RoomListView(generic.ObjectListView):
    model = Room
    table_class = tables.RoomTable
    filterset_class = filtersets.RoomFilterSet
    select_related = ("building",)


class RoomView(generic.ObjectDetailView):
    model = Room
    select_related = ("building",)

    def get_related_tables(self):
        occupancies = RoomOccupancy.objects.for_user(self.request.user).filter(room=self.object)
        occupancies = occupancies.select_related("room__building", "department")
        return [(RoomOccupancy._meta.verbose_name_plural, tables.RoomOccupancyTable(occupancies, orderable=False))]


class RoomHistoryView(generic.ObjectHistoryView):
    model = Room


class RoomEditView(generic.ObjectEditView):
    model = Room
    form_class = forms.RoomForm


class RoomDeleteView(generic.ObjectDeleteView):
    model = Room


class RoomOccupancyListView(generic.ObjectListView):
    model = RoomOccupancy
    table_class = tables.RoomOccupancyTable
    filterset_class = filtersets.RoomOccupancyFilterSet
    select_related = ("room__building", "department")


class RoomOccupancyView(generic.ObjectDetailView):
    model = RoomOccupancy
    select_related = ("room__building", "department")
    fields = ["room", "department", "start_date", "end_date", "note", "voided_at", "voided_by", "void_reason"]


class RoomOccupancyHistoryView(generic.ObjectHistoryView):
    model = RoomOccupancy


class RoomOccupancyEditView(generic.ObjectEditView):
    model = RoomOccupancy
    form_class = forms.RoomOccupancyForm


class RoomOccupancyVoidView(generic.ObjectVoidView):
    model = RoomOccupancy
