"""Catch writes that leave no change history (DESIGN.md §3).

django-simple-history records through `save()`; `QuerySet.update()`, `bulk_create()` and
`bulk_update()` bypass it. Two checks use this module:

- at run time (tests/conftest.py): while the tests run, those three methods raise when project code
  (an app module, not a test, not a migration) calls them on a history-tracked model, unless the
  call comes through simple_history's bulk helpers (`bulk_create_with_history`,
  `bulk_update_with_history`);
- statically (tests/test_history_coverage.py): `bulk_writes_without_history()` reads every app
  module and lists bulk writes on tracked (or unknown) models that don't go through the helpers.
"""

import ast
import sys
from pathlib import Path

from django.conf import settings

PROJECT_APPS = ("bureau", "meetings", "procurement", "assets", "property_services")
BULK_METHODS = ("update", "bulk_create", "bulk_update")
HELPER_FILE = str(Path("simple_history") / "utils.py")
# A deliberate exception is marked on the line (or the line above) with this comment and a reason.
MARKER = "# history:"


def tracked_models():
    """Models of the project apps that keep a django-simple-history table."""
    from simple_history.models import registered_models

    return {model for model in registered_models.values() if model._meta.app_label in PROJECT_APPS}


def _project_frame(frame):
    """The innermost frame of project code (or None), and whether a simple_history helper is on the way."""
    base = str(Path(settings.BASE_DIR).resolve())
    through_helper = False
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.endswith(HELPER_FILE):
            through_helper = True
        if "site-packages" not in filename and filename.startswith(base):
            return frame, through_helper
        frame = frame.f_back
    return None, through_helper


def offending_caller(model):
    """'path:line' of the project code writing `model` in bulk without history, else None."""
    frame, through_helper = _project_frame(sys._getframe(2))
    if through_helper or frame is None:
        return None
    relative = Path(frame.f_code.co_filename).resolve().relative_to(Path(settings.BASE_DIR).resolve())
    top = relative.parts[0]
    if top not in PROJECT_APPS or "migrations" in relative.parts:
        return None  # tests, benchmarks and data migrations may write in bulk
    return f"{relative}:{frame.f_lineno}"


def install(queryset_class):
    """Wrap QuerySet.update/bulk_create/bulk_update; returns an `uninstall()` callable."""
    tracked = tracked_models()
    originals = {name: getattr(queryset_class, name) for name in BULK_METHODS}

    def guard(name):
        original = originals[name]

        def wrapper(self, *args, **kwargs):
            if self.model in tracked:
                where = offending_caller(self.model)
                if where:
                    raise AssertionError(
                        f"{where}: {self.model.__name__} {name}() writes rows without change history; use "
                        "simple_history.utils.bulk_create_with_history / bulk_update_with_history or save()."
                    )
            return original(self, *args, **kwargs)

        wrapper.__wrapped__ = original
        return wrapper

    for name in BULK_METHODS:
        setattr(queryset_class, name, guard(name))

    def uninstall():
        for name, original in originals.items():
            setattr(queryset_class, name, original)

    return uninstall


# --- static check ---------------------------------------------------------------------------

_QUERYSET_HINTS = ("objects", "_default_manager", "filter(", "exclude(", "all()", "for_user(", "queryset", "qs")


def _root_name(node):
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def bulk_writes_in_source(source, filename, tracked_names):
    """[(filename, line, text)] of bulk writes in `source` that would leave no history."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method = node.func.attr
        if method not in BULK_METHODS:
            continue
        receiver = ast.unparse(node.func.value)
        if method == "update" and not any(hint in receiver for hint in _QUERYSET_HINTS):
            continue  # dict.update / set.update and the like
        root = _root_name(node.func.value)
        if root is not None and root[:1].isupper() and root not in tracked_names:
            continue  # a model class that keeps no history (User, Group, …)
        here = lines[node.lineno - 1]
        above = lines[node.lineno - 2] if node.lineno > 1 else ""
        if MARKER in here or MARKER in above:
            continue
        found.append((filename, node.lineno, here.strip()))
    return found


def bulk_writes_without_history():
    base = Path(settings.BASE_DIR)
    tracked_names = {model.__name__ for model in tracked_models()}
    found = []
    for app in PROJECT_APPS:
        for path in sorted((base / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            found += bulk_writes_in_source(path.read_text(encoding="utf-8"), str(path.relative_to(base)), tracked_names)
    return found
