"""Runs the permission matrix (tests/permission_matrix.py) and checks every URL has a row."""

import pytest
from django.urls import get_resolver, resolve, reverse
from django.urls.resolvers import URLResolver

from tests.helpers import log_in_as, stub_pdf_layout
from tests.permission_matrix import WHO, load

ROWS, OBJECTS = load()
# URLs outside the matrix on purpose: framework pages with their own tests.
UNCHECKED_NAMESPACES = {"admin"}
UNCHECKED_NAMES = {"login", "logout", "password_change", "password_change_done", "set_language", "healthz"}
# One logged-in session per user, made once for the module (tests/conftest.py, module_world).
WORLD_SESSIONS = True


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
def test_permission_matrix(world, client, row, target, monkeypatch):
    # The matrix asks who may open a PDF, not what it shows (every PDF is read back in its own test).
    stub_pdf_layout(monkeypatch)
    args = []
    if row.obj:
        obj = OBJECTS[row.obj](world, world.department(target))
        args = [obj.pk]
    url = reverse(row.url_name, args=args, kwargs=row.kwargs or None)
    mismatches = []
    for who in WHO:
        status = log_in_as(client, world, who).get(url).status_code
        expected = row.expected(who, target)
        if status != expected:
            mismatches.append(f"{who}: got {status}, expected {expected}")
    # A POST is refused exactly as a GET is, before the view can write (an empty body suffices: what
    # is checked is the refusal), by one user of each kind of refusal (tests/permission_matrix.py).
    # Allowed users don't POST here: their writes have their own tests.
    for who, expected in row.post_refusals(target, accepts_post=accepts_post(url)):
        if (status := log_in_as(client, world, who).post(url).status_code) not in expected:
            mismatches.append(f"{who} POST: got {status}, expected {expected}")
    assert not mismatches, f"{url} ({target or 'no object'}):\n" + "\n".join(mismatches)


def accepts_post(url):
    """Whether the view behind `url` has a POST handler (a page without one answers 405 to a POST)."""
    view_class = getattr(resolve(url).func, "view_class", None)
    return view_class is None or hasattr(view_class, "post")
