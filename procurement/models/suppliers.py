from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.fields import PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.models import TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet
from procurement.models.base import ends_after_start
from procurement.rules import validate_credit_code


class SupplierQuerySet(ScopedQuerySet):
    def scope_to_department(self, department):
        return self  # the supplier register is the county's, not a department's


class Supplier(TimeStampedModel):
    name = models.CharField(_("supplier name"), max_length=200)
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
        help_text=_("18 characters; the last is a check character."),
    )
    legal_representative = models.CharField(_("legal representative"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    bank_account_name = models.CharField(_("account name"), max_length=200, blank=True)
    bank_account_number = models.CharField(_("account number"), max_length=40, blank=True)
    is_sme = models.BooleanField(_("small or medium enterprise"), default=False)
    active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("internal notes"), blank=True)
    history = HistoricalRecords()

    objects = SupplierQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["name", "id"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("procurement:supplier", args=[self.pk])


class SupplierContact(TimeStampedModel):
    supplier = models.ForeignKey(
        Supplier, verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=50)
    role = models.CharField(_("position"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    history = HistoricalRecords()

    objects = SupplierQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("supplier contact")
        verbose_name_plural = _("supplier contacts")
        ordering = ["supplier", "name"]

    def __str__(self):
        return self.name


class BadConductQuerySet(ScopedQuerySet):
    def in_force(self, day):
        return self.filter(
            Q(in_force_to__isnull=True) | Q(in_force_to__gte=day), in_force_from__lte=day, voided_at__isnull=True
        )


class BadConductRecord(TimeStampedModel, VoidableModel):
    """不良行为记录: while in force (from–to, inclusive) the supplier cannot be awarded."""

    supplier = models.ForeignKey(
        Supplier, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="bad_conduct_records"
    )
    authority = models.CharField(_("recorded by"), max_length=100, help_text=_("E.g. 县财政局."))
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True)
    reason = models.TextField(_("conduct"))
    in_force_from = PlausibleDateField(_("in force from"))
    in_force_to = PlausibleDateField(_("in force until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = BadConductQuerySet.as_manager()
    scope_department_field = None  # never shown to departments, nor on the public page

    class Meta:
        verbose_name = _("bad-conduct record")
        verbose_name_plural = _("bad-conduct records")
        ordering = ["-in_force_from", "id"]
        constraints = [
            ends_after_start(
                "badconductrecord", "in_force_from", "in_force_to", _("The record cannot end before it starts.")
            ),
        ]
        indexes = [models.Index(fields=["supplier", "in_force_from"])]

    def __str__(self):
        return f"{self.supplier} {self.in_force_from}"

    def in_force_on(self, day):
        return (
            not self.is_voided and self.in_force_from <= day and (self.in_force_to is None or day <= self.in_force_to)
        )
