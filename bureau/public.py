"""The public disclosure pages (/public/, no login): each installed app may offer sections.

An app that discloses something provides
- `<app>/public.py` with `SECTIONS = ({"title": _("…"), "url_name": "<app>_public:…", "description": _("…")}, …)`,
  listed on the public index page, and
- `<app>/urls_public.py` with `app_name = "<app>_public"`, mounted at `public/<app label>/`.
Both are found at start-up like `<app>/pickers.py`; bureau names no centre. Public pages answer
anonymous visitors and must show nothing internal (notes, bad-conduct records, personal data)."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import include, path


def _app_module(config, name):
    module_name = f"{config.name}.{name}"
    if find_spec(module_name) is None:
        return None
    return import_module(module_name)


def public_sections():
    """[(app verbose name, [section dicts])] in app order, for the index page."""
    found = []
    for config in apps.get_app_configs():
        module = _app_module(config, "public")
        if module is not None and getattr(module, "SECTIONS", ()):
            found.append((config.verbose_name, list(module.SECTIONS)))
    return found


def public_urls():
    """The URL patterns mounting every app's urls_public at public/<app label>/."""
    patterns = []
    for config in apps.get_app_configs():
        module = _app_module(config, "urls_public")
        if module is not None:
            patterns.append(path(f"public/{config.label}/", include(module)))
    return patterns
