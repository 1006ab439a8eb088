"""Searching the audit log: by who, what, when and outcome."""

import django_filters
from django.utils.translation import gettext_lazy as _

from bureau.filtersets import BureauFilterSet
from bureau.models_security import AuditAction, AuditEntry, AuditOutcome, UserSession


class AuditEntryFilterSet(BureauFilterSet):
    search_fields = ("username__istartswith", "target__icontains", "address__istartswith")
    action = django_filters.ChoiceFilter(choices=AuditAction.choices, label=_("action"))
    outcome = django_filters.ChoiceFilter(choices=AuditOutcome.choices, label=_("outcome"))
    after = django_filters.DateFilter(field_name="at", lookup_expr="date__gte", label=_("from"))
    before = django_filters.DateFilter(field_name="at", lookup_expr="date__lte", label=_("to"))

    class Meta:
        model = AuditEntry
        fields = ["q", "action", "outcome", "after", "before"]


class UserSessionFilterSet(BureauFilterSet):
    search_fields = ("user__username__istartswith", "address__istartswith")

    class Meta:
        model = UserSession
        fields = ["q"]
