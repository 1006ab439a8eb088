"""Admin of the state-owned asset registry 国有资产: every record's life is governed by the services
(movements, pool, leases, disposals, stock-takes), so the admin shows them with their history and
changes none; the useful lives are dated configuration, added here (a new row from a date, never an
edit of a past one)."""

from django.contrib import admin

from assets.models import (
    Asset,
    AssetClass,
    AssetImport,
    Disposal,
    Lease,
    LeasePayment,
    Movement,
    PoolEntry,
    PoolLoan,
    PoolRequest,
    StockTake,
    StockTakeLine,
    UsefulLife,
)
from bureau.admin_base import BureauModelAdmin, ServiceGovernedAdmin


def _shown(model):
    """Every field read-only: these admins show records, the services change them."""
    return tuple(f.name for f in model._meta.concrete_fields if not f.primary_key)


@admin.register(AssetClass)
class AssetClassAdmin(ServiceGovernedAdmin):
    list_display = ("code", "name", "parent", "depreciable")
    search_fields = ("code", "name")


@admin.register(UsefulLife)
class UsefulLifeAdmin(BureauModelAdmin):
    list_display = ("asset_class", "valid_from", "years", "source")
    autocomplete_fields = ("asset_class",)

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Asset)
class AssetAdmin(ServiceGovernedAdmin):
    list_display = ("code", "name", "asset_class", "using_department", "status", "original_value")
    list_filter = ("status",)
    search_fields = ("=code",)
    list_select_related = ("asset_class", "using_department")
    readonly_fields = _shown(Asset)


for model in (
    Movement,
    PoolEntry,
    PoolRequest,
    PoolLoan,
    Lease,
    LeasePayment,
    Disposal,
    StockTake,
    StockTakeLine,
    AssetImport,
):
    admin.site.register(
        model, type(f"{model.__name__}Admin", (ServiceGovernedAdmin,), {"readonly_fields": _shown(model)})
    )
