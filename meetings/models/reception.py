"""Official receptions 公务接待: no official letter (公函), no reception.

A reception records the visiting unit, purpose, guests, our escorts, lodging, meals (with the escort
rule for meals) and the guided-tour plan; it moves draft → submitted → approved → done → settled,
or is cancelled with a reason. Receptions are never deleted. Status changes and every write beyond a
plain form save go through meetings.services.reception.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.integrity import register_constraint_field
from bureau.models import Department, TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet
from bureau.validators import UploadValidator
from meetings.choices import MealKind, ReceptionStatus
from meetings.rules import ESCORT_RULE_GUEST_THRESHOLD, ESCORT_RULE_SMALL_MAX, check_letter_backs

LETTER_SCAN_MAX_MB = 10


def escort_rule_condition(guests_field, escorts_field):
    """The escort rule (meetings.rules.max_escorts) as a database condition (used by CheckConstraints)."""
    return Q(**{f"{escorts_field}__lte": ESCORT_RULE_SMALL_MAX}) | Q(
        **{f"{guests_field}__gt": ESCORT_RULE_GUEST_THRESHOLD, f"{guests_field}__gte": F(escorts_field) * 3}
    )


def letter_scan_path(instance, filename):
    return f"receptions/letters/{instance.date:%Y}/{filename}"


class OfficialLetterQuerySet(ScopedQuerySet):
    def scope_to_department(self, department):
        # A department sees the letters addressed to it and those behind its receptions.
        return self.filter(
            Q(receiving_department=department)
            | Q(pk__in=Reception.objects.filter(host_department=department).values("letter"))
        )

    def usable(self):
        return self.filter(voided_at=None)


class OfficialLetter(TimeStampedModel, VoidableModel):
    """公函: the visiting unit's official letter announcing the visit. No letter, no reception."""

    number = models.CharField(
        _("letter number"), max_length=60, help_text=_("As printed on the letter, e.g. 湘教函〔2025〕12号.")
    )
    sending_unit = models.CharField(_("sending unit"), max_length=200)
    receiving_department = models.ForeignKey(
        Department,
        verbose_name=_("addressed to"),
        on_delete=models.PROTECT,
        related_name="official_letters",
        help_text=_("The department the letter is addressed to."),
    )
    date = PlausibleDateField(_("letter date"))
    subject = models.CharField(_("subject"), max_length=300)
    scan = models.FileField(
        _("scan of the letter"),
        upload_to=letter_scan_path,
        blank=True,
        validators=[UploadValidator(kinds=("pdf", "jpeg", "png"), max_mb=LETTER_SCAN_MAX_MB)],
        help_text=_("PDF, JPEG or PNG, at most 10 MB."),
    )
    for_several_receptions = models.BooleanField(
        _("backs several receptions"),
        default=False,
        help_text=_("Tick only when the letter announces several visits; otherwise it backs one reception."),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = OfficialLetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("official letter")
        verbose_name_plural = _("official letters")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sending_unit", "number"],
                name="official_letter_number_unique_per_sender",
                violation_error_message=_("This sending unit already has a letter with this number."),
            ),
        ]
        indexes = [models.Index(fields=["receiving_department", "date"]), models.Index(fields=["date", "id"])]
        permissions = [("void_officialletter", _("Can void official letter"))]

    def __str__(self):
        return f"{self.sending_unit} {self.number}"

    def clean(self):
        super().clean()
        if self.pk and not self.for_several_receptions:
            live = self.receptions.exclude(status=ReceptionStatus.CANCELLED).count()
            if live > 1:
                raise ValidationError(
                    {
                        "for_several_receptions": ValidationError(
                            _("This letter already backs %(count)s receptions; it stays marked as backing several.")
                            % {"count": live},
                            code="letter_used",
                        )
                    }
                )

    def get_absolute_url(self):
        return reverse("meetings:officialletter", args=[self.pk])


class ReceptionQuerySet(ScopedQuerySet):
    def live(self):
        return self.exclude(status=ReceptionStatus.CANCELLED)


class Reception(TimeStampedModel):
    """One official reception, from the letter to the settled reception list (接待清单)."""

    money_or_legal_record = True  # cancelled or kept, never deleted (bureau.checks)

    letter = models.ForeignKey(
        OfficialLetter,
        verbose_name=_("official letter"),
        on_delete=models.PROTECT,
        related_name="receptions",
        help_text=_("No official letter, no reception: register the letter first."),
    )
    host_department = models.ForeignKey(
        Department,
        verbose_name=pgettext_lazy("reception", "host department"),
        on_delete=models.PROTECT,
        related_name="receptions",
    )
    visiting_unit = models.CharField(_("visiting unit"), max_length=200)
    purpose = models.TextField(_("purpose of the visit"))
    arrival_date = PlausibleDateField(_("arrival date"))
    departure_date = PlausibleDateField(_("departure date"))
    letter_exception = models.CharField(
        _("why the letter still applies"),
        max_length=300,
        blank=True,
        help_text=_(
            "Only when the letter is not from the visiting unit or is addressed to another department: "
            "the recorded reason it still backs this reception."
        ),
    )
    guest_count = BoundedIntegerField(_("number of guests"), min_value=1, max_value=10_000)
    lodging = models.CharField(_("lodging"), max_length=300, blank=True, help_text=_("Hotel and rooms, if any."))
    lodging_amount = models.DecimalField(_("lodging cost"), max_digits=14, decimal_places=2, default=Decimal("0"))
    transport_amount = models.DecimalField(_("transport cost"), max_digits=14, decimal_places=2, default=Decimal("0"))
    other_amount = models.DecimalField(_("other costs"), max_digits=14, decimal_places=2, default=Decimal("0"))
    contact_name = models.CharField(_("our contact"), max_length=50, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    notes = models.TextField(_("notes for the handbook"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReceptionStatus.choices, default=ReceptionStatus.DRAFT, editable=False
    )
    cancel_reason = models.CharField(_("cancellation reason"), max_length=500, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    settled_at = models.DateTimeField(_("settled at"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = ReceptionQuerySet.as_manager()
    scope_department_field = "host_department"

    class Meta:
        verbose_name = _("reception")
        verbose_name_plural = _("receptions")
        ordering = ["-arrival_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(departure_date__gte=F("arrival_date")),
                name="reception_departure_not_before_arrival",
                violation_error_message=_("The departure date cannot be before the arrival date."),
            ),
            models.CheckConstraint(
                condition=Q(guest_count__gte=1),
                name="reception_has_guests",
                violation_error_message=_("A reception needs at least one guest."),
            ),
            models.CheckConstraint(
                condition=Q(lodging_amount__gte=0) & Q(transport_amount__gte=0) & Q(other_amount__gte=0),
                name="reception_amounts_not_negative",
                violation_error_message=_("Amounts cannot be negative."),
            ),
            models.CheckConstraint(
                condition=~Q(status=ReceptionStatus.CANCELLED) | ~Q(cancel_reason=""),
                name="reception_cancel_has_reason",
                violation_error_message=_("A cancelled reception needs a reason."),
            ),
        ]
        indexes = [
            models.Index(fields=["host_department", "status", "id"]),
            models.Index(fields=["status", "arrival_date"]),
            models.Index(fields=["arrival_date", "id"]),
        ]
        permissions = [
            ("approve_reception", _("Can approve reception")),
            ("settle_reception", _("Can settle reception")),
            ("cancel_reception", _("Can cancel reception")),
        ]

    def __str__(self):
        return f"{self.visiting_unit}（{self.arrival_date:%Y-%m-%d}）"

    def clean(self):
        """One letter, one reception (meetings.rules.check_letter_backs): here so that the page, the
        services and the admin refuse the same."""
        super().clean()
        if self.letter_id is None:
            return
        letter_changed = self.pk is None or (
            Reception.objects.filter(pk=self.pk).values_list("letter_id", flat=True).first() != self.letter_id
        )
        check_letter_backs(self, check_other_receptions=letter_changed)

    def get_absolute_url(self):
        return reverse("meetings:reception", args=[self.pk])

    @property
    def days(self):
        return (self.departure_date - self.arrival_date).days + 1


class ReceptionGuest(TimeStampedModel):
    """A guest of the reception, listed in protocol order (礼宾次序) on the cards and the list."""

    reception = models.ForeignKey(
        Reception, verbose_name=_("reception"), on_delete=models.PROTECT, related_name="guests"
    )
    protocol_order = BoundedIntegerField(
        _("protocol order"), default=1, min_value=1, max_value=9999, help_text=_("1 = most senior.")
    )
    name = models.CharField(_("full name"), max_length=50)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "reception__host_department"

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = ["reception", "protocol_order", "id"]

    def __str__(self):
        return self.name


class ReceptionEscort(TimeStampedModel):
    """Our side's accompanying staff (陪同人员)."""

    reception = models.ForeignKey(
        Reception, verbose_name=_("reception"), on_delete=models.PROTECT, related_name="escorts"
    )
    name = models.CharField(_("full name"), max_length=50)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "reception__host_department"

    class Meta:
        verbose_name = _("escort")
        verbose_name_plural = _("escorts")
        ordering = ["reception", "id"]

    def __str__(self):
        return self.name


class ReceptionMeal(TimeStampedModel):
    """One official meal: the escort rule and the per-person standard hold in the database too."""

    reception = models.ForeignKey(
        Reception, verbose_name=_("reception"), on_delete=models.PROTECT, related_name="meals"
    )
    date = PlausibleDateField(_("date"))
    kind = models.CharField(_("meal"), max_length=20, choices=MealKind.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    guests = BoundedIntegerField(_("guests at the meal"), min_value=1, max_value=10_000)
    escorts = BoundedIntegerField(_("escorts at the meal"), default=0, min_value=0, max_value=10_000)
    standard_per_person = models.DecimalField(_("standard per person"), max_digits=14, decimal_places=2)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        blank=True,
        help_text=_("Leave empty to use the standard × everyone at the table."),
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "reception__host_department"

    class Meta:
        verbose_name = _("reception meal")
        verbose_name_plural = _("reception meals")
        ordering = ["reception", "date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=escort_rule_condition("guests", "escorts"),
                name="reception_meal_escort_rule",
                violation_error_message=_(
                    "Escort rule: at most 3 escorts for up to 10 guests, otherwise at most one third of the guests."
                ),
            ),
            models.CheckConstraint(
                condition=Q(guests__gte=1),
                name="reception_meal_has_guests",
                violation_error_message=_("A meal needs at least one guest."),
            ),
            models.CheckConstraint(
                condition=Q(standard_per_person__gte=0)
                & Q(amount__gte=0)
                & Q(amount__lte=F("standard_per_person") * (F("guests") + F("escorts"))),
                name="reception_meal_amount_within_standard",
                violation_error_message=_("The amount cannot exceed the standard per person × everyone at the table."),
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"

    @property
    def diners(self):
        return (self.guests or 0) + (self.escorts or 0)


class TourStop(TimeStampedModel):
    """One stop of the guided-tour plan (参观考察路线): when, where, who guides."""

    reception = models.ForeignKey(
        Reception, verbose_name=_("reception"), on_delete=models.PROTECT, related_name="tour_stops"
    )
    date = PlausibleDateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    guide = models.CharField(_("guide"), max_length=100, blank=True)
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "reception__host_department"

    class Meta:
        verbose_name = _("tour stop")
        verbose_name_plural = _("tour stops")
        ordering = ["reception", "date", "start_time", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(end_time__gt=F("start_time")),
                name="tour_stop_end_after_start",
                violation_error_message=_("The end time must be after the start time."),
            ),
        ]

    def __str__(self):
        return f"{self.date:%m-%d} {self.start_time:%H:%M} {self.place}"


# The rule is broken by the amount typed, whichever field the condition names first.
register_constraint_field("reception_meal_amount_within_standard", "amount")
register_constraint_field("reception_cancel_has_reason", "cancel_reason")
