import subprocess
from pathlib import Path

import pytest
from django.db.models.query import QuerySet

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


@pytest.fixture
def world(db):
    return World()


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


def pytest_terminal_summary(terminalreporter):
    """Lines a test recorded as its `summary` property (the fuzz test's count of fields × values)."""
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "summary" and report.when == "call":
                terminalreporter.write_line(value)
