"""Admin base classes shared by every app: history, no unfiltered COUNT(*), voiding instead of deleting."""

from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.db import connection
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin


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


class BureauModelAdmin(ImportExportMixin, SimpleHistoryAdmin):
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50


class VoidableAdmin(BureauModelAdmin):
    """Records with money or legal weight: no delete; a "void" action asks for nothing but is logged."""

    readonly_fields = ("voided_at", "voided_by", "void_reason")
    actions = ["void_selected"]

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Void selected records (reason: voided in admin)"))
    def void_selected(self, request, queryset):
        from bureau.services import record_void

        count = 0
        for obj in queryset.filter(voided_at=None):
            record_void(obj=obj, actor=request.user, reason=str(_("Voided in admin")))
            count += 1
        self.message_user(request, _("%(count)d records voided.") % {"count": count}, messages.SUCCESS)
