"""The workflow engine on a toy table (tests/bureau/toy_workflow.py): a model declares its moves and
gets the moves, the refusals, the row lock, the history, the move page and its URLs for free."""

import threading
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from bureau.choices import RoomUse as U
from bureau.models import Room
from bureau.roles import Role
from bureau.workflow import transition, workflow_for
from tests.bureau.toy_workflow import RoomUseWorkflow
from tests.factories import RoomFactory, RoomOccupancyFactory, make_user


def office(**kwargs):
    return RoomFactory(use=U.OFFICE, capacity=kwargs.pop("capacity", 20), area=Decimal("40.00"), **kwargs)


def test_the_declaration_is_found_by_model():
    assert workflow_for(Room) is RoomUseWorkflow
    assert [move.name for move in RoomUseWorkflow.moves] == ["convert", "retire"]


def test_a_move_changes_the_state_and_the_history_names_who_and_why(world):
    campus = world.users[Role.ADMIN_CENTRE]
    room = office()
    occupancy = RoomOccupancyFactory(room=room, end_date=None)

    transition(obj=room, move="convert", actor=campus)
    assert room.use == U.MEETING_ROOM, "the caller's object has the new state"
    assert Room.objects.get(pk=room.pk).use == U.MEETING_ROOM
    last = room.history.first()
    assert last.use == U.MEETING_ROOM and last.history_user == campus
    assert last.history_change_reason == "改作会议室", "without a reason the history says which move"

    transition(obj=room, move="retire", actor=campus, reason="  改作档案库房 ")
    room.refresh_from_db()
    assert room.use == U.OTHER and room.active is False, "the move's own fields are saved with the state"
    last = room.history.first()
    assert (last.history_user, last.history_change_reason) == (campus, "改作档案库房")
    occupancy.refresh_from_db()
    assert occupancy.end_date is not None, "what follows the move is written in the same transaction"
    assert occupancy.history.first().history_user == campus


def test_the_moves_offered_depend_on_state_and_permission(world):
    campus, head = world.users[Role.ADMIN_CENTRE], world.users[Role.DEPARTMENT_HEADS]
    room = office()
    assert [m.name for m in RoomUseWorkflow.moves_for(campus, room)] == ["convert", "retire"]
    assert RoomUseWorkflow.moves_for(head, room) == []
    room.use = U.MEETING_ROOM
    assert [m.name for m in RoomUseWorkflow.moves_for(campus, room)] == ["retire"]


def _refused(**kwargs):
    with pytest.raises(ValidationError) as caught:
        transition(**kwargs)
    return caught.value


def _field_codes(error):
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


def test_refusals_carry_a_code_and_change_nothing(world):
    campus, head = world.users[Role.ADMIN_CENTRE], world.users[Role.DEPARTMENT_HEADS]
    room = office()
    versions = room.history.count()

    error = _refused(obj=room, move="convert", actor=head)
    assert error.code == "no_permission"

    error = _refused(obj=room, move="retire", actor=campus, reason="   ")
    assert _field_codes(error) == {"reason": ["reason_required"]}
    assert "请说明停用原因。" in error.messages

    seatless = office(capacity=None)
    error = _refused(obj=seatless, move="convert", actor=campus)
    assert _field_codes(error) == {"capacity": ["no_capacity"]}, "the move's own check"

    transition(obj=room, move="convert", actor=campus)
    versions += 1
    error = _refused(obj=room, move="convert", actor=campus)
    assert error.code == "illegal_move"
    assert str(U.MEETING_ROOM.label) in error.messages[0] and "改作会议室" in error.messages[0]

    with pytest.raises(ValueError):
        transition(obj=room, move="demolish", actor=campus)
    room.refresh_from_db()
    assert (room.use, room.active, room.history.count()) == (U.MEETING_ROOM, True, versions)
    seatless.refresh_from_db()
    assert seatless.use == U.OFFICE


def test_a_stale_copy_is_judged_by_the_row_under_the_lock(world):
    """The state is read again under the lock: a page opened before someone else's move can't repeat it."""
    campus = world.users[Role.ADMIN_CENTRE]
    room = office()
    first, stale = Room.objects.get(pk=room.pk), Room.objects.get(pk=room.pk)
    transition(obj=first, move="convert", actor=campus)
    assert _refused(obj=stale, move="convert", actor=campus).code == "illegal_move"
    assert room.history.count() == 2


def test_the_row_is_read_again_and_locked_for_update(world):
    room = office()
    with CaptureQueriesContext(connection) as queries:
        transition(obj=room, move="convert", actor=world.users[Role.ADMIN_CENTRE])
    reads = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT") and '"bureau_room"' in q["sql"]
    ]
    assert reads, "the state is read from the database, not taken from the caller's copy"
    if connection.features.has_select_for_update:  # PostgreSQL; SQLite locks the whole database for a write
        assert "FOR UPDATE" in reads[0]


@pytest.mark.django_db(transaction=True)
def test_two_people_making_the_same_move_at_once_one_wins():
    """On PostgreSQL two threads move at once (row lock); SQLite serialises writers, so there the
    same code path runs with the second move made on a stale copy."""
    actors = [make_user(roles=[Role.ADMIN_CENTRE], username=f"campus-{n}") for n in "ab"]
    room = office()
    outcomes = []

    def convert(actor, copy, barrier=None):
        try:
            if barrier is not None:
                barrier.wait(timeout=10)
            transition(obj=copy, move="convert", actor=actor)
            outcomes.append("won")
        except ValidationError as exc:
            outcomes.append(exc.code)

    if connection.vendor == "postgresql":
        barrier = threading.Barrier(2)

        def run(actor):
            try:
                convert(actor, Room.objects.get(pk=room.pk), barrier)
            finally:
                connection.close()

        threads = [threading.Thread(target=run, args=(actor,)) for actor in actors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    else:
        copies = [Room.objects.get(pk=room.pk) for _ in actors]
        for actor, copy in zip(actors, copies, strict=True):
            convert(actor, copy)
    assert sorted(outcomes) == ["illegal_move", "won"]
    assert room.history.filter(use=U.MEETING_ROOM).count() == 1


@override_settings(ROOT_URLCONF="tests.bureau.toy_workflow")
def test_the_generic_move_page(world, client):
    campus, head = world.users[Role.ADMIN_CENTRE], world.users[Role.DEPARTMENT_HEADS]
    room = office()
    url = reverse("toy:room_retire", args=[room.pk])
    assert url == f"/toy/rooms/{room.pk}/retire/"

    assert client.get(url).status_code == 302, "anonymous → login"
    client.force_login(head)
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "越权"}).status_code == 403

    client.force_login(campus)
    page = client.get(url)
    assert page.status_code == 200 and "reason" in page.context["form"].fields
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and "请说明停用原因。" in response.context["form"].errors["reason"]
    room.refresh_from_db()
    assert room.use == U.OFFICE

    response = client.post(url, {"reason": "拆改"})
    assert response.status_code == 302 and response.url == room.get_absolute_url()
    room.refresh_from_db()
    assert room.use == U.OTHER and room.history.first().history_user == campus

    # The same move again, from a page opened before: told why, nothing changes.
    response = client.post(url, {"reason": "再次停用"})
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success", "error"]
    assert room.history.count() == 2


@override_settings(ROOT_URLCONF="tests.bureau.toy_workflow")
def test_links_for_the_header_buttons(world):
    room = office()
    links = RoomUseWorkflow.links(world.users[Role.ADMIN_CENTRE], room)
    assert [(link["name"], link["url"]) for link in links] == [
        ("convert", f"/toy/rooms/{room.pk}/convert/"),
        ("retire", f"/toy/rooms/{room.pk}/retire/"),
    ]
