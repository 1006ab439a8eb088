from bureau.urls_helpers import object_urls
from bureau.views import core

app_name = "bureau"

urlpatterns = [
    *object_urls(
        "departments",
        "department",
        list_view=core.DepartmentListView,
        detail_view=core.DepartmentView,
        history_view=core.DepartmentHistoryView,
        edit_view=core.DepartmentEditView,
        delete_view=core.DepartmentDeleteView,
    ),
    *object_urls(
        "buildings",
        "building",
        list_view=core.BuildingListView,
        detail_view=core.BuildingView,
        history_view=core.BuildingHistoryView,
        edit_view=core.BuildingEditView,
        delete_view=core.BuildingDeleteView,
    ),
    *object_urls(
        "rooms",
        "room",
        list_view=core.RoomListView,
        detail_view=core.RoomView,
        history_view=core.RoomHistoryView,
        edit_view=core.RoomEditView,
        delete_view=core.RoomDeleteView,
    ),
    *object_urls(
        "occupancy",
        "roomoccupancy",
        list_view=core.RoomOccupancyListView,
        detail_view=core.RoomOccupancyView,
        history_view=core.RoomOccupancyHistoryView,
        edit_view=core.RoomOccupancyEditView,
        void_view=core.RoomOccupancyVoidView,
    ),
]
