"""The admin's side of pickers: a foreign key to a table that grows is an autocomplete box (its target
admin searchable), never a full <select> nor a list filter with a link per row, and changelists don't
count the whole table."""

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.auth import get_user_model

from bureau.models import Building, Department, Room
from meetings.models import Meeting, OfficialLetter, ProcedureTemplate, Reception
from tests.history_guard import PROJECT_APPS

GROWING = {Department, Building, Room, get_user_model(), Meeting, OfficialLetter, Reception, ProcedureTemplate}


def _admins():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in (*PROJECT_APPS, "auth"):
            yield model, model_admin
            for inline in model_admin.inlines:
                yield inline.model, inline(model, admin.site)


def _editable_foreign_keys(model, model_admin):
    shown = set(model_admin.fields) if model_admin.fields else None
    hidden = set(model_admin.exclude or ()) | set(model_admin.readonly_fields)
    for field in model._meta.fields:
        if not (field.many_to_one and field.editable and field.related_model in GROWING):
            continue
        if field.name in hidden or (shown is not None and field.name not in shown):
            continue
        if getattr(model_admin, "fk_name", None) == field.name or (
            isinstance(model_admin, admin.options.InlineModelAdmin) and field.related_model is model_admin.parent_model
        ):
            continue  # the inline's own parent
        yield field


def test_every_foreign_key_to_a_growing_table_is_an_autocomplete_box():
    missing = [
        f"{type(model_admin).__name__}.{field.name}"
        for model, model_admin in _admins()
        for field in _editable_foreign_keys(model, model_admin)
        if field.name not in model_admin.autocomplete_fields
    ]
    assert not missing, f"Foreign keys to growing tables without autocomplete_fields: {missing}"


def test_autocomplete_targets_are_searchable():
    for model, model_admin in _admins():
        for name in model_admin.autocomplete_fields:
            target = model._meta.get_field(name).related_model
            assert admin.site._registry[target].search_fields, f"{target.__name__} admin needs search_fields"


def test_no_list_filter_over_a_growing_table():
    offenders = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for entry in model_admin.list_filter:
            if not isinstance(entry, str):
                continue
            last = get_fields_from_path(model, entry)[-1]
            if last.is_relation and last.related_model in GROWING:
                offenders.append(f"{type(model_admin).__name__}: {entry}")
    assert not offenders, offenders


def test_changelists_do_not_count_the_whole_table():
    counting = [
        type(model_admin).__name__
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in PROJECT_APPS and model_admin.show_full_result_count
    ]
    assert not counting
