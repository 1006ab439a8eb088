"""System checks of the project's own rules (run by `manage.py check`, hence by CI and every deploy)."""

from types import SimpleNamespace

from django.core.checks import Error, Tags, register


def is_money_or_legal_record(model):
    """Voidable models, and models that declare `money_or_legal_record = True`: never deleted."""
    from bureau.models import VoidableModel

    return issubclass(model, VoidableModel) or getattr(model, "money_or_legal_record", False)


class _EveryPermission:
    """A superuser stand-in: the question is what the admin class allows, not what a role has."""

    is_active = is_staff = is_superuser = is_authenticated = True
    pk = None

    def has_perm(self, perm, obj=None):
        return True

    def has_perms(self, perms, obj=None):
        return True

    def has_module_perms(self, app_label):
        return True


def admin_delete_errors(site):
    request = SimpleNamespace(user=_EveryPermission(), method="GET", GET={}, POST={})
    errors = []
    for model, model_admin in site._registry.items():
        if is_money_or_legal_record(model) and model_admin.has_delete_permission(request):
            errors.append(
                Error(
                    f"The admin of {model._meta.label} allows deleting a record with money or legal weight.",
                    hint="Void or cancel it with a reason instead: base the admin on VoidableAdmin or "
                    "ServiceGovernedAdmin, or return False from has_delete_permission().",
                    obj=type(model_admin),
                    id="bureau.E001",
                )
            )
        for inline_class in model_admin.inlines:
            inline = inline_class(model, site)
            if (
                is_money_or_legal_record(inline.model)
                and inline.can_delete
                and inline.has_delete_permission(request, None)
            ):
                errors.append(
                    Error(
                        f"An inline of {model._meta.label} allows deleting {inline.model._meta.label} rows, "
                        "records with money or legal weight.",
                        hint="Set can_delete = False on the inline.",
                        obj=inline_class,
                        id="bureau.E002",
                    )
                )
    return errors


@register(Tags.admin)
def no_admin_deletes_money_or_legal_records(app_configs=None, **kwargs):
    from django.contrib import admin

    return admin_delete_errors(admin.site)
