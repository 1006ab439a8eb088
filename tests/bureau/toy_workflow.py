"""A toy transition table over an existing model — a room's use as its state — for the engine's own
tests: what a new centre declares, and the URL configuration that serves its move view."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import include, path
from django.utils import timezone

from bureau.choices import RoomUse as U
from bureau.models import Room, RoomOccupancy
from bureau.services import audited_save
from bureau.urls import urlpatterns as project_urlpatterns
from bureau.urls_helpers import move_urls
from bureau.views.generic import MoveView
from bureau.workflow import REQUIRED, Move, Workflow


def needs_seats(room, **_kwargs):
    if not room.capacity:
        raise ValidationError(
            {"capacity": ValidationError("A meeting room needs its number of seats.", code="no_capacity")}
        )


def close_room(room, **_kwargs):
    room.active = False
    return ("active",)


def end_occupancies(room, *, actor, **_kwargs):
    """After the move, in the same transaction: nobody occupies a retired room from today on."""
    today = timezone.localdate()
    for occupancy in RoomOccupancy.objects.filter(room=room).filter(Q(end_date=None) | Q(end_date__gt=today)):
        occupancy.end_date = today
        audited_save(obj=occupancy, actor=actor, update_fields=["end_date"])


class RoomUseWorkflow(Workflow):
    model = Room
    status_field = "use"
    select_related = ("building",)
    moves = (
        Move("convert", {U.OFFICE, U.OTHER}, U.MEETING_ROOM, "bureau.change_room", "改作会议室", check=needs_seats),
        Move(
            "retire",
            {U.OFFICE, U.MEETING_ROOM, U.CANTEEN},
            U.OTHER,
            "bureau.delete_room",
            "停用",
            reason=REQUIRED,
            reason_message="请说明停用原因。",
            apply=close_room,
            after=end_occupancies,
            css="btn-outline-danger",
        ),
    )

    @classmethod
    def url_name(cls, move):
        return f"toy:room_{move.name}"


class RoomMoveView(MoveView):
    workflow = RoomUseWorkflow


# ROOT_URLCONF of the view tests: the portal's URLs and the toy's moves at /toy/rooms/<pk>/<move>/.
urlpatterns = [*project_urlpatterns, path("toy/", include((move_urls(RoomMoveView, "rooms"), "toy")))]
