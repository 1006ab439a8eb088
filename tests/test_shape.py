"""The shape of the code (DESIGN.md §2), checked by reading the source with `ast`.

Import directions: bureau's core imports no centre; meetings and procurement import only bureau;
assets and property_services may import procurement and bureau, not each other; no centre imports
the bureau-wide layer (dashboards, briefing, API), which reads a centre only through its selectors.
Every import counts, function-local ones and `import_module("…")` with a literal name too.

Layout: a centre has the modules of §2 and no others; FilterSets are defined only in `filtersets`,
Tables only in `tables`, Forms only in `forms`, models only in `models`, ModelAdmins only in
`admin`; a public function in `services` is `<entity>_<verb>(*, …)` (keyword-only; a check or a
predicate belongs in `rules`, a read in `selectors`).

The checker takes a source root, so the last tests plant violations in a temporary tree and show
each one is caught.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CENTRES = ("meetings", "procurement", "assets", "property_services")
APPS = ("bureau", *CENTRES)
MAY_IMPORT = {
    "bureau": set(),
    "meetings": {"bureau"},
    "procurement": {"bureau"},
    "assets": {"bureau", "procurement"},
    "property_services": {"bureau", "procurement"},
}
# The bureau-wide layer: it reads every centre (through selectors); no centre may import it.
BUREAU_WIDE = ("bureau.dashboards", "bureau.briefing", "bureau.api")

# A centre's modules (a module `<name>_<part>.py` or a package `<name>/` counts as `<name>`).
LAYOUT = {
    *("models", "choices", "rules", "services", "selectors", "filtersets", "tables", "forms"),
    *("views", "urls", "admin", "tasks", "api"),
    # Django's own, and what bureau collects from every app (roles, permissions, navigation, demo data).
    *("apps", "migrations", "templatetags", "management", "roles", "permissions", "navigation", "demo"),
    "pdf",  # printable documents (WeasyPrint through bureau.pdf)
    "pickers",  # the app's picker sources (bureau.pickers), found by bureau at start-up
    "scale",  # the app's part of `seed_scale` (benchmark data sets)
    "hooks",  # what other centres plug into (procurement.hooks: advice before a purchase)
}
REQUIRED = (
    *("models", "choices", "rules", "services", "selectors", "filtersets", "tables", "forms"),
    *("views", "urls", "admin", "tasks"),
)
# Where a class of each kind may be defined, and the base classes that make a class that kind.
CLASS_HOMES = {
    "filtersets": {"FilterSet"},
    "tables": {"Table"},
    "forms": {"BaseForm", "Form", "ModelForm", "BaseFormSet", "BaseModelFormSet", "BaseInlineFormSet"},
    "models": {"Model"},
    "admin": {"ModelAdmin", "SimpleHistoryAdmin", "TabularInline", "StackedInline"},
}
NOT_A_SERVICE = re.compile(r"^(check|can|is|has|get)_")

# Drift found when this test was written, each waiting for the branch that owns the code; an entry
# that no longer matches fails too, so the list only shrinks.
KNOWN_DRIFT = {
    "class meetings.views.statistics.StatisticsFilterForm is a Form outside forms": "the bad-input branch edits it",
    "class meetings.admin.core.MeetingAdminForm is a Form outside forms": "the workflow branch rewrites it",
    **{
        f"service {name}": "a check, predicate or read: moves to rules/selectors with the workflow branch"
        for name in (
            "meetings.services.approval.meeting_standard",
            "meetings.services.approval.meeting_budget_cap",
            "meetings.services.approval.meeting_budget_totals",
            "meetings.services.approval.meeting_size_violations",
            "meetings.services.approval.meeting_cap_violation",
            "meetings.services.approval.meeting_limit_violations",
            "meetings.services.approval.meeting_last_decision",
            "meetings.services.attendance.is_late",
            "meetings.services.attendance.protocol_seat_order",
            "meetings.services.attendance.protocol_seats",
            "meetings.services.attendance.already_signed_in_message",
            "meetings.services.budget.budget_description_check",
            "meetings.services.reception.check_letter",
            "meetings.services.reception.check_escort_rule",
            "meetings.services.reception.check_dates",
            "meetings.services.reception.check_meal",
            "meetings.services.reception.check_guest_count",
            "meetings.services.reception.check_people_editable",
            "meetings.services.reception.check_meals_editable",
            "meetings.services.reception.check_named_guests",
            "meetings.services.meeting.meeting_venue_clash",
            "meetings.services.meeting.venue_clash_message",
            "meetings.services.meeting.venue_taken_error",
            "meetings.services.meeting.meeting_request_errors",
        )
    },
}


# ---- the checker --------------------------------------------------------------------------------


def source_files(root, app):
    for path in sorted((root / app).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if "migrations" not in parts:
            yield ".".join(part for part in parts if part != "__init__") or app, path


def imported_modules(tree):
    """Every module a file imports, wherever the import is, and `import_module("…")` literals."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in APPS:
            yield from (f"{node.module}.{alias.name}" for alias in node.names)  # `from bureau import api`
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "import_string",
            "__import__",
        ):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield node.args[0].value


def in_package(module, packages):
    return any(module == package or module.startswith(package + ".") for package in packages)


def import_violations(root):
    found = set()
    for app in APPS:
        for module, path in source_files(root, app):
            for imported in set(imported_modules(ast.parse(path.read_text(), str(path)))):
                other = imported.split(".")[0]
                if other not in APPS or other == app:
                    continue
                if app == "bureau" and in_package(module, BUREAU_WIDE):
                    if imported.split(".")[1:2] != ["selectors"]:
                        found.add(f"import {module} → {imported}: the bureau-wide layer reads centres' selectors only")
                elif other not in MAY_IMPORT[app]:
                    found.add(f"import {module} → {imported}: {app} may not import {other}")
                elif other == "bureau" and in_package(imported, BUREAU_WIDE):
                    found.add(f"import {module} → {imported}: no centre imports the bureau-wide layer")
    return found


def module_role(module):
    """`meetings.filtersets.core` → `filtersets`; `meetings.urls_reception` → `urls`."""
    parts = module.split(".")
    return parts[1].split("_")[0] if len(parts) > 1 else ""


def class_kinds(trees):
    """{kind: names of the classes of that kind}, following base classes across every module."""
    bases = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = {getattr(base, "attr", getattr(base, "id", None)) for base in node.bases}
                bases.setdefault(node.name, set()).update(names)
    kinds = {}
    for kind, roots in CLASS_HOMES.items():
        names, grew = set(roots), True
        while grew:
            grew = False
            for name, its_bases in bases.items():
                if name not in names and its_bases & names:
                    names.add(name)
                    grew = True
        kinds[kind] = names
    return kinds


def layout_violations(root):
    found = set()
    files = {app: list(source_files(root, app)) for app in APPS if (root / app).is_dir()}
    trees = {
        module: ast.parse(path.read_text(), str(path)) for app_files in files.values() for module, path in app_files
    }
    kinds = class_kinds(trees.values())
    for app, app_files in files.items():
        roles = {module_role(module) for module, _path in app_files}
        if app in CENTRES:
            found |= {f"layout {app}: no {role} module" for role in REQUIRED if role not in roles}
            found |= {f"layout {app}: {role} is not a module of §2" for role in roles - LAYOUT - {""}}
        for module, _path in app_files:
            tree, role = trees[module], module_role(module)
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    names = {getattr(base, "attr", getattr(base, "id", None)) for base in node.bases}
                    for kind, kind_names in kinds.items():
                        if names & kind_names and role != kind:
                            found.add(f"class {module}.{node.name} is a {kind_singular(kind)} outside {kind}")
                elif isinstance(node, ast.FunctionDef) and role == "services" and not node.name.startswith("_"):
                    arguments = node.args.posonlyargs + node.args.args
                    if arguments or NOT_A_SERVICE.match(node.name) or "_" not in node.name:
                        found.add(f"service {module}.{node.name}")
    return found


def kind_singular(kind):
    return {"filtersets": "FilterSet", "tables": "Table", "forms": "Form", "models": "Model", "admin": "ModelAdmin"}[
        kind
    ]


# ---- the project keeps its shape --------------------------------------------------------------------


def test_imports_run_the_way_design_section_2_says():
    assert not import_violations(ROOT) - set(KNOWN_DRIFT)


def test_every_app_keeps_the_module_layout():
    found = layout_violations(ROOT) - set(KNOWN_DRIFT)
    assert not found, "\n".join(sorted(found))


def test_known_drift_is_still_there():
    """An entry fixed since is taken off the list, so the list only shrinks."""
    gone = set(KNOWN_DRIFT) - layout_violations(ROOT) - import_violations(ROOT)
    assert not gone, "fixed, take off KNOWN_DRIFT: " + "; ".join(sorted(gone))


# ---- and the checker catches a planted violation --------------------------------------------------


def plant(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        for parent in path.relative_to(root).parents:
            if parent != Path("."):
                (root / parent / "__init__.py").touch()


def test_planted_import_violations_are_caught(tmp_path):
    plant(
        tmp_path,
        {
            "bureau/models.py": "from meetings.models import Meeting\n",
            "bureau/dashboards.py": "from meetings.selectors import meeting_statistics\nimport meetings.models\n",
            "meetings/views.py": "def page():\n    from assets.models import Asset  # hidden in a function\n",
            "procurement/services.py": "from importlib import import_module\nimport_module('meetings.models')\n",
            "assets/views.py": "from property_services import models\nfrom procurement.models import Contract\n",
            "property_services/views.py": "from bureau import dashboards\nfrom bureau.models import Room\n",
        },
    )
    assert import_violations(tmp_path) == {
        "import bureau.models → meetings.models: bureau may not import meetings",
        "import bureau.dashboards → meetings.models: the bureau-wide layer reads centres' selectors only",
        "import meetings.views → assets.models: meetings may not import assets",
        "import procurement.services → meetings.models: procurement may not import meetings",
        "import assets.views → property_services.models: assets may not import property_services",
        "import property_services.views → bureau.dashboards: no centre imports the bureau-wide layer",
    }


def test_planted_layout_violations_are_caught(tmp_path):
    skeleton = {f"procurement/{name}.py": '"""Skeleton."""\n' for name in REQUIRED}
    plant(
        tmp_path,
        {
            **skeleton,
            "procurement/helpers.py": "",
            "procurement/tables.py": (
                "import django_filters\nimport django_tables2 as tables\n\n\n"
                "class SupplierTable(tables.Table):\n    pass\n\n\n"
                "class SupplierFilterSet(django_filters.FilterSet):\n    pass\n"
            ),
            "procurement/views/suppliers.py": (
                "from django import forms\nfrom procurement.forms import SupplierForm\n\n\n"
                "class SearchForm(forms.Form):\n    pass\n\n\nclass QuickSupplierForm(SupplierForm):\n    pass\n"
            ),
            "procurement/forms.py": "from django import forms\n\n\nclass SupplierForm(forms.ModelForm):\n    pass\n",
            "procurement/services.py": (
                "def supplier_block(*, supplier, actor):\n    pass\n\n\n"
                "def check_supplier(supplier):\n    pass\n\n\ndef supplier_total(supplier):\n    pass\n"
            ),
            "assets/models.py": "",
        },
    )
    found = layout_violations(tmp_path)
    assert {
        "layout procurement: helpers is not a module of §2",
        "class procurement.tables.SupplierFilterSet is a FilterSet outside filtersets",
        "class procurement.views.suppliers.SearchForm is a Form outside forms",
        "class procurement.views.suppliers.QuickSupplierForm is a Form outside forms",
        "service procurement.services.check_supplier",
        "service procurement.services.supplier_total",
        "layout assets: no tasks module",
    } <= found
    assert not {
        f for f in found if "SupplierTable" in f or "supplier_block" in f or f.startswith("layout procurement: no")
    }
