"""Admin base classes shared by every app: history, no unfiltered COUNT(*), voiding instead of deleting,
export everywhere but import only where importing is a real task, and records governed by services
shown read-only (the admin must not be a way around the rules the pages keep)."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import AdminSite
from django.core.paginator import Paginator
from django.db import connection
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportMixin, ImportExportMixin
from import_export.formats import base_formats
from import_export.resources import modelresource_factory
from simple_history.admin import SimpleHistoryAdmin

from bureau.exports import formula_safe_dataset


class EstimatedCountPaginator(Paginator):
    """On PostgreSQL an unfiltered changelist takes the planner's row estimate instead of COUNT(*),
    which scans the whole table (DESIGN.md §11); filtered lists and SQLite count exactly."""

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if connection.vendor == "postgresql" and query is not None and not query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [self.object_list.model._meta.db_table],
                )
                row = cursor.fetchone()
            if row and row[0] > 10_000:
                return int(row[0])
        return super().count


class BureauModelAdmin(ExportMixin, SimpleHistoryAdmin):
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50
    export_formats = [base_formats.CSV, base_formats.XLSX]  # what a bureau opens; both formula-safe

    def get_data_for_export(self, request, queryset, **kwargs):
        dataset = super().get_data_for_export(request, queryset, **kwargs)
        # Native values go to the binary format (XLSX), strings to the text one (CSV).
        return formula_safe_dataset(dataset, "xlsx" if kwargs.get("force_native_type") else "csv")

    def history_view(self, request, object_id, extra_context=None):
        # Reference data without a history table (the GB/T 14885 classes) shows the admin's own log.
        if not hasattr(self.model._meta, "simple_history_manager_attribute"):
            return admin.ModelAdmin.history_view(self, request, object_id, extra_context)
        return super().history_view(request, object_id, extra_context)


class ImportableAdmin(ImportExportMixin, BureauModelAdmin):
    """A register a bureau already keeps in Excel (departments, buildings, rooms, people, cost
    standards): importable here, every row through the model's full_clean() like a form."""

    def get_resource_classes(self, request):
        if self.resource_classes:
            return self.resource_classes
        return [modelresource_factory(self.model, meta_options={"clean_model_instances": True})]


class ServiceGovernedAdmin(BureauModelAdmin):
    """Records whose life the services govern (approval decisions, budget lines, attendance): shown
    here with their history, but added, changed, voided and removed only through the pages."""

    actions = None

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ServiceGovernedInline:
    """The same for an inline: the rows are shown, not added, changed or removed."""

    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class VoidableAdmin(BureauModelAdmin):
    """Records with money or legal weight: no delete; a "void" action asks for nothing but is logged."""

    readonly_fields = ("voided_at", "voided_by", "void_reason")
    actions = ["void_selected"]

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_voided:
            return False  # a voided record stays as it was voided
        return super().has_change_permission(request, obj)

    @admin.action(description=_("Void selected records (reason: voided in admin)"))
    def void_selected(self, request, queryset):
        from bureau.services import record_void

        count = 0
        for obj in queryset.filter(voided_at=None):
            record_void(obj=obj, actor=request.user, reason=str(_("Voided in admin")))
            count += 1
        self.message_user(request, _("%(count)d records voided.") % {"count": count}, messages.SUCCESS)


class BureauAdminSite(AdminSite):
    """The admin site; with BUREAU_REQUIRE_TWO_FACTOR (等保 level 3) only a user verified by a
    second factor (a TOTP device, django-otp) gets in, and the admin's login asks for the code."""

    @property
    def login_form(self):
        from django_otp.admin import OTPAdminAuthenticationForm

        return OTPAdminAuthenticationForm if settings.BUREAU_REQUIRE_TWO_FACTOR else None

    @property
    def login_template(self):
        from django_otp.admin import OTPAdminSite

        return OTPAdminSite.login_template if settings.BUREAU_REQUIRE_TWO_FACTOR else None

    def has_permission(self, request):
        allowed = super().has_permission(request)
        if allowed and settings.BUREAU_REQUIRE_TWO_FACTOR:
            return request.user.is_verified()
        return allowed
