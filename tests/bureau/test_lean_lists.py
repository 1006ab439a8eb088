"""Every list page on scale data (`seed_scale`): the lean rows render what django-tables2 renders, and a
page costs the same number of queries whatever its size and however much data there is (issue 6)."""

import dataclasses
import datetime
import re
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F, Q, UniqueConstraint
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bureau import scale
from bureau.models import Building, Department, Room, RoomOccupancy, StaffProfile
from bureau.urls_helpers import views_of
from bureau.views.generic import ObjectListView
from meetings.models import Attendee, BudgetLine, Meeting
from tests.factories import make_user
from tests.meetings.factories import ReceptionFactory

LIST_PAGES = views_of(ObjectListView)
TINY = scale.PLANS["tiny"]
# A second, bigger set added to the first: every list gets more rows than two pages of the largest size.
MORE = dataclasses.replace(TINY, name="more", departments=30, rooms=600, meetings=70, attendance_rows=1500)


def _receptions(count):
    # Receptions and their letters are not in the scale set yet (the meetings centre's scale.py can add them).
    hosts = list(Department.objects.filter(code__startswith=scale.CODE_PREFIX)[:count])
    for host in hosts:
        ReceptionFactory(host_department=host)


def _office_standards(count):
    # The office standard is reference data (five rows, one per rank): dated revisions fill the list.
    from property_services.models import OfficeStandard

    for index in range(count):
        OfficeStandard.objects.create(
            rank="below_section", area_per_person=9 + index % 3, valid_from=datetime.date(2030, 1, 1) + timedelta(index)
        )


def _sessions(count, user):
    # Sessions are recorded at login, not by the scale set; the list shows those not yet expired.
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from bureau.models import UserSession

    start = UserSession.objects.count()
    for number in range(start, start + count):
        key = f"lists-{number:034d}"
        Session.objects.create(session_key=key, session_data="", expire_date=timezone.now() + timedelta(days=1))
        UserSession.objects.create(user=user, session_key=key)


@pytest.fixture
def root(db):
    return make_user(username="lists-root", is_superuser=True, is_staff=True)


def test_list_pages_are_found():
    names = {name for name, _view in LIST_PAGES}
    assert {"bureau:room_list", "bureau:department_list", "meetings:meeting_list", "meetings:attendee_list"} <= names
    assert len(names) >= 10


def test_seed_scale_builds_the_tiny_set_with_history(db):
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_scale", size="tiny", stdout=StringIO())
    assert not Department.objects.exists()
    out = StringIO()
    call_command("seed_scale", size="tiny", force=True, stdout=out)
    departments = Department.objects.filter(code__startswith=scale.CODE_PREFIX)
    assert departments.count() == TINY.departments
    assert StaffProfile.objects.filter(department__in=departments).count() == TINY.people
    assert Room.objects.count() == TINY.rooms
    assert Building.objects.count() == TINY.rooms // TINY.rooms_per_building
    assert Meeting.objects.count() == TINY.meetings
    assert Attendee.objects.count() == TINY.attendance_rows
    assert BudgetLine.objects.exists()
    offices = Room.objects.filter(use="office").count()
    assert offices * 0.8 < RoomOccupancy.objects.current().count() <= offices
    # every department has its head among its own people; every row has its creation in the history
    assert not departments.filter(head=None).exists()
    assert not departments.exclude(head__profile__department=F("pk")).exists()
    for model in (Department, StaffProfile, Room, RoomOccupancy, Meeting, Attendee):
        assert model.history.filter(history_type="+").count() == model.objects.count(), model
    assert "tiny data set built" in out.getvalue()

    with pytest.raises(CommandError, match="already has a scale data set"):
        call_command("seed_scale", size="tiny", force=True, stdout=StringIO())


def _table_html(table, template_name):
    table.template_name = template_name
    html = table.as_html(table.request)
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def test_lean_rows_are_what_tables2_renders(root, client):
    """Every list page, page 1 and a page of 10: the same table HTML as tables2's own template."""
    scale.build_all(TINY)
    _receptions(3)
    _sessions(3, root)
    client.force_login(root)
    for name, _view in LIST_PAGES:
        for params in ({}, {"page": 2, "per_page": 10}):
            response = client.get(reverse(name), params)
            assert response.status_code == 200
            table = response.context["table"]
            assert len(table.page.object_list) > 0, name
            lean = _table_html(table, "bureau/tables/lean.html")
            stock = _table_html(table, "django_tables2/bootstrap5.html")
            assert lean == stock, name
            assert lean.count("<tr class=") == len(table.page.object_list)


def _queries(client, url, per_page):
    # The idle-session middleware writes the session once a minute: a loaded machine's slow run
    # would count that write on whichever page came a minute after the last one.
    session = client.session
    session["_last_seen"] = int(time.time())
    session.save()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"per_page": per_page})
    assert response.status_code == 200
    rows = len(response.context["table"].page.object_list)
    return len(queries.captured_queries), rows


def test_queries_per_list_page_do_not_grow_with_rows_or_data(root, client):
    """Each list page at 10 and 50 rows a page, on the tiny set and again with a bigger set added."""
    client.force_login(root)
    scale.build_all(TINY)
    _receptions(3)
    _sessions(3, root)
    small = {
        (name, per_page): _queries(client, reverse(name), per_page) for name, _v in LIST_PAGES for per_page in (10, 50)
    }
    scale.build_all(MORE)
    _receptions(25)
    _sessions(60, root)
    _office_standards(60)
    big = {
        (name, per_page): _queries(client, reverse(name), per_page) for name, _v in LIST_PAGES for per_page in (10, 50)
    }
    for name, _view in LIST_PAGES:
        counts = {small[name, 10][0], small[name, 50][0], big[name, 10][0], big[name, 50][0]}
        assert len(counts) == 1, f"{name}: {small[name, 10]} {small[name, 50]} {big[name, 10]} {big[name, 50]}"
        assert counts.pop() <= 10, name
        # the sizes really differed: more rows on the bigger page of the bigger set
        assert big[name, 50][1] > big[name, 10][1] == 10, name


def test_page_size_is_bounded(root, client):
    scale.build_all(TINY)
    client.force_login(root)
    url = reverse("bureau:room_list")
    assert len(client.get(url, {"per_page": 100000}).context["table"].page.object_list) == 100
    assert len(client.get(url, {"per_page": "x"}).context["table"].page.object_list) == 50
    assert len(client.get(url, {"per_page": 0}).context["table"].page.object_list) == 1


def _indexed_first(model):
    """Fields that lead an index of `model` (the primary key, unique fields, foreign keys, Meta indexes)."""
    meta = model._meta
    names = {f.name for f in meta.concrete_fields if f.primary_key or f.unique or f.db_index}
    names |= {index.fields[0].lstrip("-") for index in meta.indexes if index.fields}
    names |= {c.fields[0] for c in meta.constraints if isinstance(c, UniqueConstraint) and c.fields}
    return names


def _expression_field(order):
    """The one column an ordering expression ranks (a CASE over a column's few values, e.g. the
    checklist's phases in their chronological order), else None."""
    names = {
        child[0].split("__")[0]
        for node in order.flatten()
        if isinstance(node, Q)
        for child in node.children
        if isinstance(child, tuple)
    }
    return names.pop() if len(names) == 1 else None


def _field_name(model, order):
    if hasattr(order, "flatten") and (name := _expression_field(order)):
        return name
    bit = str(order).lstrip("-").split("__")[0]
    return next((f.name for f in model._meta.concrete_fields if bit in (f.name, f.attname)), bit)


@pytest.mark.parametrize(("name", "view"), LIST_PAGES, ids=[name for name, _view in LIST_PAGES])
def test_lists_sort_only_by_indexed_columns(name, view, db):
    model = view.model
    indexed = _indexed_first(model)
    table = view.table_class(model.objects.none())
    for column in table.columns:
        if column.orderable:
            assert _field_name(model, column.order_by[0]) in indexed, f"{name}: sorting by {column.name}"
    default = view.ordering or table.order_by or model._meta.ordering
    assert _field_name(model, default[0]) in indexed, f"{name}: default order {default}"
    # a table inside a page sorts nothing, whatever its columns would allow
    assert not any(column.orderable for column in view.table_class(model.objects.none(), orderable=False).columns)
