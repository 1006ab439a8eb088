"""django-filter FilterSets of the procurement centre 政府采购中心 (a free-text `q` on every one)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from bureau.filtersets import BureauFilterSet
from bureau.pickers import PickerFilter
from procurement.choices import BatchStatus, Category, ContractStatus, Method, RequestStatus
from procurement.models import Batch, Contract, ProcurementRequest, Supplier

DATE = forms.DateInput(attrs={"type": "date"})


class SupplierFilterSet(BureauFilterSet):
    search_fields = ("credit_code__startswith", "name__contains")
    active = django_filters.BooleanFilter(label=_("active"))
    is_sme = django_filters.BooleanFilter(label=_("small or medium enterprise"))

    class Meta:
        model = Supplier
        fields = ["q", "active", "is_sme"]

    def search(self, queryset, name, value):
        return super().search(queryset, name, value.upper() if value[:1].isdigit() else value)


class RequestFilterSet(BureauFilterSet):
    search_fields = ("item__contains", "catalogue_code__startswith")
    status = django_filters.ChoiceFilter(choices=RequestStatus.choices, label=_("status"))
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("category"))
    purchasing_department = PickerFilter("bureau.department", label=_("purchasing department"))

    class Meta:
        model = ProcurementRequest
        fields = ["q", "status", "category", "purchasing_department"]


class BatchFilterSet(BureauFilterSet):
    search_fields = ("number__startswith", "title__contains")
    status = django_filters.ChoiceFilter(choices=BatchStatus.choices, label=_("status"))
    method = django_filters.ChoiceFilter(choices=Method.choices, label=_("method"))
    notice_from = django_filters.DateFilter(
        field_name="award_notice_on", lookup_expr="gte", label=_("award notice on or after"), widget=DATE
    )
    notice_to = django_filters.DateFilter(
        field_name="award_notice_on", lookup_expr="lte", label=_("award notice on or before"), widget=DATE
    )

    class Meta:
        model = Batch
        fields = ["q", "status", "method", "notice_from", "notice_to"]


class ContractFilterSet(BureauFilterSet):
    search_fields = ("number__startswith", "title__contains")
    status = django_filters.ChoiceFilter(choices=ContractStatus.choices, label=_("status"))
    purchasing_department = PickerFilter("bureau.department", label=_("purchasing department"))
    supplier = PickerFilter("procurement.supplier", label=_("supplier"))
    signed_from = django_filters.DateFilter(
        field_name="signed_on", lookup_expr="gte", label=_("signed on or after"), widget=DATE
    )
    signed_to = django_filters.DateFilter(
        field_name="signed_on", lookup_expr="lte", label=_("signed on or before"), widget=DATE
    )

    class Meta:
        model = Contract
        fields = ["q", "status", "purchasing_department", "supplier", "signed_from", "signed_to"]
