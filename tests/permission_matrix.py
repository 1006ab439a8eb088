"""The permission matrix: every URL × every role × own/other department → expected status.

Apps extend it by adding rows in `tests/<app>/permission_rows.py`:

    OBJECTS = {"meeting": lambda world, department: MeetingFactory(host_department=department)}
    ROWS = [Row("meetings:meeting", allow=VIEWERS, obj="meeting"), …]

`tests/test_permission_matrix.py` runs every row for every role (and, for rows with an object,
for an object of the user's own department and of another one); a URL without a row fails.
Expected: anonymous → 302 to the login page; a role not in `allow` → 403; a role in `allow` →
`status`, except department-scoped roles on another department's object → 404. A POST (empty body)
is refused the same way, before anything is written (a page without a POST handler may answer 405
instead of 404): it is sent by one user of each kind of refusal the row has — the anonymous user,
a role without the permission, a department-scoped role on another department's object — since
every user of a kind is refused by the same check; public pages are left to their own tests.
"""

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from bureau.roles import ADMINISTRATOR_ROLES, ALL_ROLES, DEPARTMENT_SCOPED_ROLES, Role

ANONYMOUS = "anonymous"
NO_ROLE = "no role"
SUPERUSER = "superuser"
PUBLIC = frozenset({"*"})
EVERY_ROLE = frozenset(ALL_ROLES)
BUREAU_STAFF = frozenset(r for r in ALL_ROLES if r not in DEPARTMENT_SCOPED_ROLES)


def roles(*names):
    return frozenset(names)


@dataclass(frozen=True)
class Row:
    url_name: str
    allow: frozenset
    obj: str | None = None  # key of an OBJECTS maker; the URL then takes that object's pk
    status: int = 200
    scoped: bool = True  # False: the object belongs to no department (both targets behave alike)
    kwargs: dict = field(default_factory=dict)

    def targets(self):
        return ("own", "other") if self.obj else (None,)

    def expected(self, who, target):
        if self.allow == PUBLIC:
            return self.status
        if who == ANONYMOUS:
            return 302
        if who == SUPERUSER:
            return self.status
        if who in ADMINISTRATOR_ROLES and who not in self.allow:
            who = NO_ROLE  # an administrator sees no business page: like an account with no role
        if who not in self.allow:
            return 403
        if target == "other" and self.scoped and who in DEPARTMENT_SCOPED_ROLES:
            return 404
        return self.status

    def post_refusals(self, target, *, accepts_post):
        """[(who, statuses that refuse their POST)]: one user per kind of refusal, picked the same way
        every run — anonymous; the first business role refused (else an administrator, else no
        role); the first department-scoped role allowed, on another department's object."""
        picked = {}  # the GET status (302, 403 or 404) names the kind of refusal
        for who in (ANONYMOUS, *ALL_ROLES, *ADMINISTRATOR_ROLES, NO_ROLE):
            expected = self.expected_post(who, target, accepts_post=accepts_post)
            if expected is not None:
                picked.setdefault(self.expected(who, target), (who, expected))
        return list(picked.values())

    def expected_post(self, who, target, *, accepts_post):
        """The statuses that refuse a POST from `who`, or None where the POST would be allowed (not sent).
        A page without a POST handler may refuse another department's object with 405 before scoping."""
        if self.allow == PUBLIC or who == SUPERUSER:
            return None
        expected = self.expected(who, target)
        if expected == 404:
            return {404} if accepts_post else {404, 405}
        return {expected} if expected in (302, 403) and (who == ANONYMOUS or who not in self.allow) else None


def register_rows(register, *, viewers, editors, obj, scoped=True):
    """The rows of a register's pages (bureau.registers.Register): `viewers` may open the list,
    detail and history pages, `editors` the add, edit and delete-or-void pages; `obj` is the
    OBJECTS maker of the pages about one record."""
    return [
        Row(
            register.url_name(page),
            allow=viewers if page in ("list", "detail", "history") else editors,
            obj=None if page in ("list", "add") else obj,
            scoped=scoped,
        )
        for page in register.pages
    ]


def load():
    """(rows, objects) gathered from every tests/<app>/permission_rows*.py."""
    rows, objects = [], {}
    for path in sorted(Path(__file__).parent.glob("*/permission_rows*.py")):
        module = import_module(f"tests.{path.parent.name}.{path.stem}")
        rows.extend(module.ROWS)
        objects.update(getattr(module, "OBJECTS", {}))
    return rows, objects


WHO = (ANONYMOUS, NO_ROLE, SUPERUSER, *ALL_ROLES, *ADMINISTRATOR_ROLES)
__all__ = ["Row", "register_rows", "roles", "Role", "PUBLIC", "EVERY_ROLE", "BUREAU_STAFF", "WHO", "load"]
