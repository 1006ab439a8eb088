import copy
import subprocess
import time
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.db import transaction
from django.db.models.query import QuerySet
from django.test import Client

from bureau.roles import ADMINISTRATOR_ROLES, ALL_ROLES, BUREAU_WIDE_ROLES
from tests.factories import DepartmentFactory, make_user

pytest_plugins = ["tests.browser"]


class World:
    """Two departments and one user per role: bureau roles work for the bureau, department heads
    and employees for `own`. `other` is a department none of them belongs to."""

    def __init__(self):
        self.bureau = DepartmentFactory(code="W-BUREAU", name="机关事务管理局")
        self.own = DepartmentFactory(code="W-OWN", name="教育局")
        self.other = DepartmentFactory(code="W-OTHER", name="财政局")
        self.users = {}
        for role in ALL_ROLES:
            department = self.bureau if role in BUREAU_WIDE_ROLES else self.own
            self.users[role] = make_user(roles=[role], department=department, username=f"role-{ALL_ROLES.index(role)}")
        for index, role in enumerate(ADMINISTRATOR_ROLES):
            self.users[role] = make_user(roles=[role], department=self.bureau, username=f"admin-{index}")
        self.users["no role"] = make_user(department=self.own, username="norole")
        self.users["superuser"] = make_user(username="root", is_superuser=True, is_staff=True)

    def department(self, which):
        return {"own": self.own, "other": self.other}[which]


@contextmanager
def kept_for_the_module(django_db_blocker):
    """An outer transaction open while a module's tests run and rolled back after the last one: what
    is built in it is built once for the module (each test runs in a savepoint of it, as with
    Django's setUpTestData) and no other module sees it. Only for modules without transactional tests."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


TRANSACTIONAL_MODULES = pytest.StashKey[set]()
TRANSACTIONAL_FIXTURES = {
    *("transactional_db", "live_server"),
    *("django_db_reset_sequences", "django_db_serialized_rollback"),
}
TRANSACTIONAL_OPTIONS = ("transaction", "reset_sequences", "serialized_rollback")  # of the django_db mark


def pytest_collection_modifyitems(config, items):
    """Note the modules with a transactional test (it commits, so no outer transaction may be open)."""
    modules = set()
    for item in items:
        marker = item.get_closest_marker("django_db")
        options = {**dict(zip(TRANSACTIONAL_OPTIONS[:2], marker.args, strict=False)), **marker.kwargs} if marker else {}
        if TRANSACTIONAL_FIXTURES & set(item.fixturenames) or any(options.get(name) for name in TRANSACTIONAL_OPTIONS):
            modules.add(item.module.__name__)
    config.stash[TRANSACTIONAL_MODULES] = modules


# The reference data the migrations load: (migration module, seeding function, a model it fills).
REFERENCE_SEEDS = (
    ("bureau.migrations.0010_working_day_calendar", "seed_calendar", "bureau.CalendarYear"),
    ("procurement.migrations.0002_legal_rules_2014_law", "seed", "procurement.ClockRule"),
    ("assets.migrations.0002_gbt14885_classes", "load", "assets.AssetClass"),
    ("property_services.migrations.0007_office_standards_2014", "seed", "property_services.OfficeStandard"),
    ("meetings.migrations.0004_core_seed_central_standard", "seed", "meetings.MeetingStandard"),
    ("meetings.migrations.0007_attendance_procedure_templates_seed", "seed", "meetings.ProcedureTemplate"),
)


@pytest.fixture(autouse=True)
def reference_data(request):
    """A transactional test ends with a flush, which takes the data the migrations loaded (the holiday
    calendar, the law's clocks and method rules, the asset classes and useful lives, the central meeting
    standard, the procedure checklists) from every test that runs after it in the process: a
    transactional test gets them back first, as migrate left them."""
    if request.node.module.__name__ not in request.config.stash.get(TRANSACTIONAL_MODULES, set()):
        return
    if not ({"transactional_db", "live_server"} & set(request.fixturenames)) and not _is_transactional(request.node):
        return
    request.getfixturevalue("transactional_db")
    for module_name, function, model_label in REFERENCE_SEEDS:
        if not django_apps.get_model(model_label).objects.exists():
            getattr(import_module(module_name), function)(django_apps, None)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    options = {**dict(zip(TRANSACTIONAL_OPTIONS[:2], marker.args, strict=False)), **marker.kwargs} if marker else {}
    return any(options.get(name) for name in TRANSACTIONAL_OPTIONS)


@pytest.fixture(scope="module")
def module_world(request, django_db_setup, django_db_blocker):
    """The World built once per module (None in a module with a transactional test). A module that
    sets WORLD_SESSIONS = True (the permission matrix, the fuzz test) also gets one logged-in session
    per user, made once: tests.helpers.log_in_as puts a client in it."""
    if request.module.__name__ in request.config.stash.get(TRANSACTIONAL_MODULES, {request.module.__name__}):
        yield None
        return
    with kept_for_the_module(django_db_blocker):
        with django_db_blocker.unblock():
            world = World()
            if getattr(request.module, "WORLD_SESSIONS", False):
                world.sessions, world.sessions_made = {}, time.monotonic()
                for who, user in world.users.items():
                    client = Client()
                    client.force_login(user)
                    world.sessions[who] = client.cookies[settings.SESSION_COOKIE_NAME].value
        yield world


@pytest.fixture
def world(module_world, db):
    """The World of the test: a copy of the module's, so what a test changes in its objects is not
    seen by the next (the database goes back after each test anyway) — Django's setUpTestData, for
    pytest. In a module with a transactional test, a World built for the test."""
    return World() if module_world is None else copy.deepcopy(module_world)


@pytest.fixture
def client_for(client):
    """client_for(user) → a test client logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login


LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale" / "zh_Hans" / "LC_MESSAGES"


def pytest_sessionstart(session):
    """Compile the Chinese catalog when it is missing or older than django.po (`make setup` does the same)."""
    po, mo = LOCALE_DIR / "django.po", LOCALE_DIR / "django.mo"
    if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
        subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], check=True)
        from django.utils.translation.reloader import translation_file_changed

        translation_file_changed(sender=None, file_path=mo)  # forget catalogs loaded before the build


@pytest.fixture(scope="session", autouse=True)
def no_bulk_write_without_history():
    """Project code that writes history-tracked rows in bulk without history fails the test that runs it."""
    from tests.history_guard import install

    uninstall = install(QuerySet)
    yield
    uninstall()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the portal's default language (Chinese): a request made in English by an
    earlier test must not leave English active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# The property each fuzz test (tests/test_fuzz_forms.py) records: (forms, fields, posts, failures).
FUZZ_PROPERTY = "fuzz"


def pytest_terminal_summary(terminalreporter):
    """The fuzz tests' counts added up (forms, fields, fields × values), and any line a test recorded
    as its `summary` property; from this process or an xdist worker alike."""
    fuzz, summaries = [0, 0, 0, 0], []
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        if report.when != "call":
            continue
        for name, value in getattr(report, "user_properties", ()):
            if name == FUZZ_PROPERTY:
                fuzz = [total + count for total, count in zip(fuzz, value, strict=True)]
            elif name == "summary":
                summaries.append(value)
    if any(fuzz):
        forms, fields, posts, failures = fuzz
        terminalreporter.write_line(
            f"fuzz: {forms} forms, {fields} fields, {posts} posts (fields × values), {failures} failures"
        )
    for line in summaries:
        terminalreporter.write_line(line)
