"""Pickers: search-as-you-type choices among rows that can grow (DESIGN.md §2, §11).

A choice among departments, rooms, people … is never a full `<select>`: the server renders only the
chosen row(s), so a form that comes back with errors keeps them, and TomSelect
(static/bureau/pickers.js) asks the source's JSON endpoint for matches as the user types. Written
once here, the way NetBox's DynamicModelChoiceField and its API select work, and declared per field:

    register("bureau.room", queryset=lambda user: Room.objects.for_user(user), search=…, permissions=…)
    class RoomOccupancyForm(BureauModelForm):
        pickers = {"room": "bureau.room"}            # a model form's own field becomes a picker
    department = PickerField("bureau.department")    # a declared form field
    department = PickerFilter("bureau.department")   # a django-filter filter

The endpoint and the field's validation use the same scoped queryset, so another department's row
is neither offered nor accepted. Apps register their sources in `<app>/pickers.py` (autodiscovered).
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

LIMIT = 20  # matches per answer: enough to pick from, small enough to stay fast at any table size
QUERY_MAX_LENGTH = 100
NOT_AVAILABLE = _("This choice is not among the records you may choose; type to search and pick one from the list.")


@dataclass(frozen=True)
class PickerSource:
    """Rows one may pick: `queryset(user)` is already scoped; `search(q)` a Q over indexed prefix or
    exact lookups (or over a small table); `permissions` any one of which lets a user ask."""

    name: str
    queryset: object
    search: object
    permissions: tuple
    label: object = str

    def rows(self, user):
        return self.queryset(user)

    def matches(self, user, query):
        rows = self.rows(user)
        # Control characters (a NUL makes PostgreSQL refuse the query) can't be part of a name.
        query = "".join(char for char in query if char.isprintable()).strip()[:QUERY_MAX_LENGTH]
        return rows.filter(self.search(query)) if query else rows

    def allowed(self, user):
        return any(user.has_perm(permission) for permission in self.permissions)

    @property
    def url(self):
        return reverse(f"pickers:{self.name}")


SOURCES = {}


def register(name, *, queryset, search, permissions, label=str):
    SOURCES[name] = PickerSource(name, queryset, search, tuple(permissions), label)
    return SOURCES[name]


def source(name):
    return SOURCES[name]


# ---- the endpoint ---------------------------------------------------------------------------------


def picker_view(request, name):
    """`?q=` → {"results": [{"id", "text"}, …]}: at most LIMIT rows of the user's scope."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    picker = SOURCES.get(name)
    if picker is None:
        raise Http404
    if not picker.allowed(request.user):
        raise PermissionDenied
    rows = picker.matches(request.user, request.GET.get("q", ""))[:LIMIT]
    return JsonResponse({"results": [{"id": row.pk, "text": picker.label(row)} for row in rows]})


def picker_urls():
    """One URL per source (`pickers:<name>`), so each needs its own permission-matrix row."""
    return [path(f"{name}/", picker_view, {"name": name}, name=name) for name in SOURCES]


# ---- widgets, fields and filters ------------------------------------------------------------------


# The largest key a database column holds; a bigger number is no row (and SQLite can't even compare it).
MAX_PK = 2**63 - 1


def _comparable(value):
    """A posted id as the field may look it up: a number past any key becomes a text that is no id,
    which the field refuses as a choice not offered (instead of the driver's OverflowError)."""
    text = str(value).strip()
    return "-" if text.isdigit() and int(text) > MAX_PK else value


class Picker(forms.Select):
    """A <select> holding only the chosen row(s), not every row of the table."""

    def __init__(self, source_name, attrs=None):
        super().__init__(attrs)
        self.source_name = source_name

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return None if value is None else _comparable(value)

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-picker-url"] = source(self.source_name).url
        attrs["data-placeholder"] = str(_("Type to search…"))
        attrs["data-no-results"] = str(_("No matches"))
        return attrs

    def optgroups(self, name, value, attrs=None):
        chosen = self._chosen(value)
        options = [] if self.allow_multiple_selected else [("", "")]
        options += [(pk, label) for pk, label in chosen]
        selected = {str(pk) for pk, _label in chosen}
        return [
            (None, [self.create_option(name, pk, label, str(pk) in selected, index, attrs=attrs)], index)
            for index, (pk, label) in enumerate(options)
        ]

    def _chosen(self, value):
        field = getattr(self.choices, "field", None)
        if field is None:
            return []
        pks = []
        for item in value:
            if item in ("", None):
                continue
            try:
                pks.append(field.queryset.model._meta.pk.to_python(item))
            except ValidationError:
                continue
        if not pks:
            return []
        return [(row.pk, field.label_from_instance(row)) for row in field.queryset.filter(pk__in=pks)]


class PickerMultiple(Picker):
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        values = forms.SelectMultiple.value_from_datadict(self, data, files, name)
        return None if values is None else [_comparable(value) for value in values]

    def value_omitted_from_data(self, data, files, name):
        return False


def make_picker(field, source_name, user):
    """Turn a ModelChoiceField (or its multiple form) into a picker over `source_name` scoped to `user`."""
    picker = source(source_name)
    multiple = isinstance(field, forms.ModelMultipleChoiceField)
    widget = (PickerMultiple if multiple else Picker)(source_name, attrs=field.widget.attrs)
    field.queryset = picker.rows(user)
    field.label_from_instance = picker.label
    widget.is_required = field.required
    field.widget = widget
    field.widget.choices = field.choices
    field.error_messages["invalid_choice"] = NOT_AVAILABLE
    if multiple:
        field.error_messages["invalid_pk_value"] = NOT_AVAILABLE
    return field


# Until a form binds a declared picker to its user it offers and accepts nothing (an empty queryset
# of any model will do: the source's model is only known once every app has registered its sources).


class PickerField(forms.ModelChoiceField):
    """A declared picker; BureauForm and BureauModelForm bind it to their user."""

    def __init__(self, source_name, **kwargs):
        self.source_name = source_name
        super().__init__(queryset=get_user_model().objects.none(), **kwargs)


class PickerMultipleField(forms.ModelMultipleChoiceField):
    def __init__(self, source_name, **kwargs):
        self.source_name = source_name
        super().__init__(queryset=get_user_model().objects.none(), **kwargs)


def bind_pickers(form, user, declared=None):
    """Scope every picker of `form` to `user`: PickerFields and the model fields named in `declared`.
    Without a user (the admin, a service) the fields are left as they are."""
    if user is None:
        return
    for name, field in form.fields.items():
        source_name = (declared or {}).get(name) or getattr(field, "source_name", None)
        if source_name:
            make_picker(field, source_name, user)
            _keep_saved_value(form, name, field)


def _keep_saved_value(form, name, field):
    """The row a saved record already points to stays acceptable even when the source no longer
    offers it (a department deactivated since, a room no longer occupied): editing a record must not
    force a new choice on a field one doesn't touch."""
    instance = getattr(form, "instance", None)
    if instance is None or instance.pk is None or isinstance(field, forms.ModelMultipleChoiceField):
        return
    try:
        saved = instance._meta.get_field(name).value_from_object(instance)
    except FieldDoesNotExist:
        return
    if saved is not None:
        field.queryset = field.queryset | field.queryset.model._default_manager.filter(pk=saved)


class PickerFilter(django_filters.ModelChoiceFilter):
    """A filter over a picker source, scoped to the request's user."""

    def __init__(self, source_name, **kwargs):
        self.source_name = source_name
        kwargs.setdefault("widget", Picker(source_name))
        super().__init__(queryset=lambda request: picker_rows(source_name, request), **kwargs)

    @property
    def field(self):
        field = super().field
        field.label_from_instance = source(self.source_name).label
        field.error_messages["invalid_choice"] = NOT_AVAILABLE
        return field


def picker_rows(source_name, request):
    return source(source_name).rows(request.user if request is not None else AnonymousUser())


# ---- bureau's own sources -------------------------------------------------------------------------


def _person_rows(user):
    from bureau.scoping import sees_all_departments, user_department

    people = get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name", "username")
    if sees_all_departments(user):
        return people
    department = user_department(user)
    return people.filter(profile__department=department) if department else people.none()


def _person_search(query):
    # Chinese names are stored surname (last_name) + given name (first_name): 王会务 = 王 + 会务.
    condition = Q(username__istartswith=query) | Q(last_name__startswith=query) | Q(first_name__startswith=query)
    if len(query) > 1:
        condition |= Q(last_name=query[0], first_name__startswith=query[1:])
    return condition


def _register_bureau_sources():
    from bureau.models import Building, Department, Room, person_name

    register(
        "bureau.department",
        queryset=lambda user: Department.objects.for_user(user).filter(active=True).only("pk", "name"),
        # Departments stay in the thousands even for a city and their names begin with the county's
        # name (中方县…): "contains" on the name costs a scan of that small table, codes and short names by prefix.
        search=lambda q: Q(code__istartswith=q) | Q(short_name__startswith=q) | Q(name__contains=q),
        permissions=["bureau.view_department"],
    )
    register(
        "bureau.building",
        queryset=lambda user: Building.objects.for_user(user).only("pk", "name"),
        search=lambda q: Q(code__istartswith=q) | Q(name__contains=q),  # a campus has tens of buildings
        permissions=["bureau.view_building"],
    )
    register(
        "bureau.room",
        queryset=lambda user: Room.objects.for_user(user).select_related("building"),
        search=lambda q: Q(number__startswith=q) | Q(name__startswith=q),  # both indexed
        permissions=["bureau.view_room"],
    )
    register(
        "bureau.person",
        queryset=_person_rows,
        search=_person_search,
        # People are listed as members of the departments one may see (auth's own view_user is no role's).
        permissions=["bureau.view_department"],
        label=person_name,
    )


_register_bureau_sources()
