"""One URL scheme for every model (DESIGN.md §10): list, add, detail, edit, history, delete/void."""

from django.urls import URLPattern, URLResolver, get_resolver, path


def object_urls(
    prefix, model_name, *, list_view, detail_view, history_view, edit_view=None, delete_view=None, void_view=None
):
    patterns = [
        path(f"{prefix}/", list_view.as_view(), name=f"{model_name}_list"),
        path(f"{prefix}/<int:pk>/", detail_view.as_view(), name=model_name),
        path(f"{prefix}/<int:pk>/history/", history_view.as_view(), name=f"{model_name}_history"),
    ]
    if edit_view:
        patterns += [
            path(f"{prefix}/add/", edit_view.as_view(), name=f"{model_name}_add"),
            path(f"{prefix}/<int:pk>/edit/", edit_view.as_view(), name=f"{model_name}_edit"),
        ]
    if delete_view:
        patterns.append(path(f"{prefix}/<int:pk>/delete/", delete_view.as_view(), name=f"{model_name}_delete"))
    if void_view:
        patterns.append(path(f"{prefix}/<int:pk>/void/", void_view.as_view(), name=f"{model_name}_void"))
    return patterns


def move_urls(view, prefix):
    """One URL per move of `view.workflow` (a subclass of the generic MoveView that names its workflow):
    `<prefix>/<pk>/<move>/`, named `<model>_<move>` — e.g. `meetings:meeting_start_preparing` at
    `m/<pk>/start-preparing/`."""
    workflow = view.workflow
    base = f"{prefix}/" if prefix else ""
    model_name = workflow.model._meta.model_name
    return [
        path(f"{base}<int:pk>/{move.slug}/", view.as_view(move=move.name), name=f"{model_name}_{move.name}")
        for move in workflow.moves
    ]


def views_of(base):
    """[(namespaced URL name, view class)] of every URL whose view is a `base` (e.g. every list page)."""
    found = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern):
                view = getattr(pattern.callback, "view_class", None)
                if view is not None and issubclass(view, base) and pattern.name:
                    # A register's view gets its model, table… as as_view() arguments: read them as attributes.
                    attributes = getattr(pattern.callback, "view_initkwargs", None)
                    if attributes:
                        view = type(view.__name__, (view,), dict(attributes))
                    found.append((f"{namespace}{pattern.name}", view))

    walk(get_resolver().url_patterns, "")
    return found
