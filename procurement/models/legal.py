"""The law as dated data: the clocks (ClockRule) and each method's preconditions (MethodRule).

A rule is in force from `valid_from` to `valid_to` (inclusive; open-ended when empty); the rule that
applies to a record is the one in force on the day its clock starts. When the revised Government
Procurement Law is adopted, its rules are new rows with their own `valid_from`, and the old rows
get a `valid_to`: data, not code.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from procurement.choices import DayKind, Method
from procurement.models.base import ends_after_start


class RuleQuerySet(models.QuerySet):
    def in_force(self, day):
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day)


class ClockRule(models.Model):
    key = models.SlugField(_("key"), max_length=50, help_text=_("E.g. challenge_reply; what the code asks for."))
    name = models.CharField(_("name"), max_length=200)
    citation = models.CharField(
        _("legal basis"), max_length=200, help_text=_("The article, e.g. 政府采购法 第五十三条.")
    )
    days = BoundedIntegerField(_("days"), min_value=0, max_value=3650)
    day_kind = models.CharField(_("counted in"), max_length=10, choices=DayKind.choices)
    valid_from = PlausibleDateField(_("in force from"))
    valid_to = PlausibleDateField(_("in force until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    objects = RuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("clock rule")
        verbose_name_plural = _("clock rules")
        ordering = ["key", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "valid_from"],
                name="clockrule_one_per_key_and_start",
                violation_error_message=_("This clock already has a rule starting on that day."),
            ),
            ends_after_start(
                "clockrule", "valid_from", "valid_to", _("The end of validity must not be before its start.")
            ),
            models.CheckConstraint(
                condition=Q(day_kind__in=DayKind.values),
                name="clockrule_day_kind_known",
                violation_error_message=_("Choose working days or calendar days."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.citation})"


class MethodRule(models.Model):
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    key = models.SlugField(_("key"), max_length=50, help_text=_("E.g. min_suppliers; what the code checks."))
    name = models.CharField(_("name"), max_length=200)
    citation = models.CharField(_("legal basis"), max_length=200)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    valid_from = PlausibleDateField(_("in force from"))
    valid_to = PlausibleDateField(_("in force until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    objects = RuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("method precondition")
        verbose_name_plural = _("method preconditions")
        ordering = ["method", "key", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["method", "key", "valid_from"],
                name="methodrule_one_per_key_and_start",
                violation_error_message=_("This method already has this precondition starting on that day."),
            ),
            ends_after_start(
                "methodrule", "valid_from", "valid_to", _("The end of validity must not be before its start.")
            ),
            models.CheckConstraint(
                condition=Q(method__in=Method.values),
                name="methodrule_method_known",
                violation_error_message=_("Choose a procurement method."),
            ),
        ]

    def __str__(self):
        return f"{self.get_method_display()}: {self.name} ({self.citation})"
