import pytest

from bureau.roles import ALL_ROLES, BUREAU_WIDE_ROLES
from tests.factories import DepartmentFactory, make_user

pytest_plugins = ["tests.browser"]


class World:
    """Two departments and one user per role: bureau roles work for the bureau, department heads
    and staff for `own`. `other` is a department none of them belongs to."""

    def __init__(self):
        self.bureau = DepartmentFactory(code="W-BUREAU", name="机关事务管理局")
        self.own = DepartmentFactory(code="W-OWN", name="教育局")
        self.other = DepartmentFactory(code="W-OTHER", name="财政局")
        self.users = {}
        for role in ALL_ROLES:
            department = self.bureau if role in BUREAU_WIDE_ROLES else self.own
            self.users[role] = make_user(roles=[role], department=department, username=f"role-{ALL_ROLES.index(role)}")
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
