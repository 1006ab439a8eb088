"""django-filter FilterSets of the state-owned asset registry 国有资产 (a free-text `q` on every one),
reused by list pages and exports."""

import django_filters
from django.utils.translation import gettext_lazy as _

from assets.choices import ACTIVE_STATUSES, AssetStatus, DisposalMethod, DisposalStatus, LeaseKind, LeaseStatus
from assets.models import Asset, AssetImport, Disposal, Lease, PoolEntry, PoolLoan, PoolRequest, StockTake
from bureau.filtersets import AnyYesNoSelect, BureauFilterSet
from bureau.pickers import PickerFilter


class AssetFilterSet(BureauFilterSet):
    # Codes by prefix (unique index), names by prefix (indexed): searching millions of cards stays fast.
    search_fields = ("code__istartswith", "name__startswith")
    asset_class = PickerFilter("assets.assetclass", method="filter_class", label=_("asset class"))
    using_department = PickerFilter("bureau.department", label=_("using department"))
    owning_unit = PickerFilter("bureau.department", label=_("owning unit"))
    status = django_filters.ChoiceFilter(choices=AssetStatus.choices, label=_("status"))
    building = PickerFilter("bureau.building", label=_("building"))
    room = PickerFilter("bureau.room", label=_("room"))
    disposed = django_filters.BooleanFilter(method="filter_disposed", label=_("disposed"), widget=AnyYesNoSelect)

    class Meta:
        model = Asset
        fields = ["q", "asset_class", "using_department", "owning_unit", "status", "building", "room", "disposed"]

    def filter_class(self, queryset, name, value):
        # A class and its sub-classes (codes share the prefix up to the first trailing zeros).
        if len(value.code) == 1:
            return queryset.filter(asset_class__top_code=value.code)
        prefix = value.code.rstrip("0")
        return queryset.filter(asset_class__code__startswith=prefix)

    def filter_disposed(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(status=AssetStatus.DISPOSED) if value else queryset.filter(status__in=ACTIVE_STATUSES)


class PoolEntryFilterSet(BureauFilterSet):
    search_fields = ("asset__code__istartswith", "asset__name__startswith")
    in_pool = django_filters.BooleanFilter(field_name="left_on", lookup_expr="isnull", label=_("in the pool"))

    class Meta:
        model = PoolEntry
        fields = ["q", "in_pool"]


class PoolRequestFilterSet(BureauFilterSet):
    search_fields = ("entry__asset__code__istartswith",)

    class Meta:
        model = PoolRequest
        fields = ["q", "status"]


class PoolLoanFilterSet(BureauFilterSet):
    search_fields = ("entry__asset__code__istartswith", "purpose__icontains")
    returned = django_filters.BooleanFilter(
        field_name="returned_on", lookup_expr="isnull", exclude=True, label=_("returned")
    )

    class Meta:
        model = PoolLoan
        fields = ["q", "returned"]


class LeaseFilterSet(BureauFilterSet):
    search_fields = ("asset__code__istartswith", "lessee__icontains")
    kind = django_filters.ChoiceFilter(choices=LeaseKind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=LeaseStatus.choices, label=_("status"))

    class Meta:
        model = Lease
        fields = ["q", "kind", "status"]


class DisposalFilterSet(BureauFilterSet):
    search_fields = ("asset__code__istartswith", "approval_document__istartswith")
    method = django_filters.ChoiceFilter(choices=DisposalMethod.choices, label=_("method"))
    status = django_filters.ChoiceFilter(choices=DisposalStatus.choices, label=_("status"))

    class Meta:
        model = Disposal
        fields = ["q", "method", "status"]


class StockTakeFilterSet(BureauFilterSet):
    search_fields = ("title__icontains",)

    class Meta:
        model = StockTake
        fields = ["q"]


class AssetImportFilterSet(BureauFilterSet):
    search_fields = ("file__icontains",)

    class Meta:
        model = AssetImport
        fields = ["q"]
