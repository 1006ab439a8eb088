"""Registers declared once: a model's list, detail, history, add/edit and delete-or-void pages and
their URLs come from one declaration (NetBox's `get_model_urls` idea, without a global registry).

    BUILDINGS = Register(
        Building, "buildings", table=BuildingTable, filterset=BuildingFilterSet, form=BuildingForm, delete=True
    )
    urlpatterns = [*BUILDINGS.urls()]

gives `buildings/` (`bureau:building_list`), `buildings/<pk>/` (`bureau:building`),
`buildings/<pk>/history/`, `buildings/add/`, `buildings/<pk>/edit/` and `buildings/<pk>/delete/`,
each a generic view of `bureau.views.generic` given the declared attributes. A page with more
behaviour is a subclass of the generic view named in `views` (it receives the same attributes and
adds only its behaviour). `pages` and `url_name()` are what the permission matrix builds its rows from
(`tests/permission_matrix.register_rows`).
"""

from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field

from django.urls import path

from bureau.views import generic

# In URL order; `add/` comes after `<int:pk>/`, which never matches it.
GENERIC_VIEWS = {
    "list": generic.ObjectListView,
    "detail": generic.ObjectDetailView,
    "history": generic.ObjectHistoryView,
    "add": generic.ObjectEditView,
    "edit": generic.ObjectEditView,
    "delete": generic.ObjectDeleteView,
    "void": generic.ObjectVoidView,
}
READ_PAGES = ("list", "detail", "history")
PATHS = {
    "list": "",
    "detail": "<int:pk>/",
    "history": "<int:pk>/history/",
    "add": "add/",
    "edit": "<int:pk>/edit/",
    "delete": "<int:pk>/delete/",
    "void": "<int:pk>/void/",
}


@dataclass(frozen=True)
class Register:
    model: type
    prefix: str  # the URL path segment: "rooms" → /registers/rooms/…
    _: KW_ONLY
    table: type
    filterset: type
    form: type | None = None  # None: a read-only register (no add or edit page)
    select_related: tuple = ()
    detail_select_related: tuple | None = None  # default: select_related
    detail_fields: tuple | None = None  # default: every editable field
    detail_template: str | None = None
    related: Callable | None = None  # (obj, user) → [(title, table)] shown below the detail fields
    delete: bool = False  # a plain record, deleted (refused while others refer to it)
    void: bool = False  # a record with money or legal weight, voided with a reason
    views: dict = field(default_factory=dict)  # {page: subclass of its generic view}

    def __post_init__(self):
        if self.delete and self.void:
            raise ValueError(f"{self.model.__name__}: a register is either deleted or voided, not both.")
        for page, view in self.views.items():
            if not issubclass(view, GENERIC_VIEWS[page]):
                raise TypeError(f"{view.__name__} must subclass {GENERIC_VIEWS[page].__name__} for the {page} page.")

    @property
    def pages(self):
        wanted = {*READ_PAGES}
        wanted |= {"add", "edit"} if self.form or "edit" in self.views else set()
        wanted |= {"delete"} if self.delete else set()
        wanted |= {"void"} if self.void else set()
        return tuple(page for page in GENERIC_VIEWS if page in wanted)

    def url_name(self, page, namespaced=True):
        meta = self.model._meta
        name = meta.model_name if page == "detail" else f"{meta.model_name}_{page}"
        return f"{meta.app_label}:{name}" if namespaced else name

    def view_attributes(self, page):
        """The class attributes the generic view of `page` is given (Django's `as_view(**initkwargs)`)."""
        attributes = {"model": self.model}
        if page == "list":
            attributes.update(table_class=self.table, filterset_class=self.filterset)
            attributes["select_related"] = self.select_related
        elif page in ("detail", "history"):
            detail = self.select_related if self.detail_select_related is None else self.detail_select_related
            attributes["select_related"] = detail
            if self.detail_fields:
                attributes["fields"] = list(self.detail_fields)
        if page == "detail":
            attributes["related"] = self.related
            if self.detail_template:
                attributes["template_name"] = self.detail_template
        if page in ("add", "edit") and self.form:
            attributes["form_class"] = self.form
        return attributes

    def as_view(self, page):
        # One edit view serves both add and edit (it tells them apart by the pk in the URL).
        view = self.views.get(page) or (self.views.get("edit") if page == "add" else None) or GENERIC_VIEWS[page]
        return view.as_view(**self.view_attributes(page))

    def urls(self):
        return [
            path(f"{self.prefix}/{PATHS[page]}", self.as_view(page), name=self.url_name(page, namespaced=False))
            for page in self.pages
        ]
