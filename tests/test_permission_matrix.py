"""Runs the permission matrix (tests/permission_matrix.py) and checks every URL has a row."""

import pytest
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLResolver

from tests.permission_matrix import ANONYMOUS, WHO, load

ROWS, OBJECTS = load()
# URLs outside the matrix on purpose: framework pages with their own tests.
UNCHECKED_NAMESPACES = {"admin"}
UNCHECKED_NAMES = {"login", "logout", "password_change", "password_change_done", "set_language", "healthz"}


def _named_urls(resolver=None, namespace=None):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            if ns in UNCHECKED_NAMESPACES:
                continue
            yield from _named_urls(pattern, ":".join(filter(None, [namespace, pattern.namespace])) or None)
        elif pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_has_a_row():
    covered = {row.url_name for row in ROWS}
    missing = sorted(name for name in set(_named_urls()) if name not in covered and name not in UNCHECKED_NAMES)
    assert not missing, f"URLs without a permission-matrix row: {missing}"


@pytest.mark.parametrize(
    ("row", "target"),
    [(row, target) for row in ROWS for target in row.targets()],
    ids=lambda value: value if isinstance(value, str) else getattr(value, "url_name", str(value)),
)
def test_permission_matrix(world, client, row, target):
    args = []
    if row.obj:
        obj = OBJECTS[row.obj](world, world.department(target))
        args = [obj.pk]
    url = reverse(row.url_name, args=args, kwargs=row.kwargs or None)
    mismatches = []
    for who in WHO:
        client.logout()
        if who != ANONYMOUS:
            client.force_login(world.users[who])
        status = client.get(url).status_code
        expected = row.expected(who, target)
        if status != expected:
            mismatches.append(f"{who}: got {status}, expected {expected}")
    assert not mismatches, f"{url} ({target or 'no object'}):\n" + "\n".join(mismatches)
