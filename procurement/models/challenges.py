"""质疑 challenges and 投诉 complaints. Their clocks (ClockRule keys challenge_filing, challenge_reply,
complaint_filing, complaint_decision, complaint_suspension) are computed, not stored."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.fields import PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.models import TimeStampedModel
from bureau.scoping import ScopedQuerySet
from procurement.choices import ChallengeOutcome, ChallengeStatus, ChallengeSubject, ComplaintOutcome, ComplaintStatus
from procurement.models.base import ends_after_start
from procurement.models.batches import Batch, Lot
from procurement.models.suppliers import Supplier


class Challenge(TimeStampedModel):
    money_or_legal_record = True

    batch = models.ForeignKey(Batch, verbose_name=_("batch"), on_delete=models.PROTECT, related_name="challenges")
    lot = models.ForeignKey(
        Lot, verbose_name=_("lot"), on_delete=models.PROTECT, null=True, blank=True, related_name="challenges"
    )
    supplier = models.ForeignKey(
        Supplier, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="challenges"
    )
    subject = models.CharField(_("challenged"), max_length=10, choices=ChallengeSubject.choices)
    knew_on = PlausibleDateField(
        _("known on"), help_text=_("The day the supplier knew or should have known (e.g. the notice's date).")
    )
    received_on = PlausibleDateField(_("received on"))
    grounds = models.TextField(_("grounds"))
    suspends_signing = models.BooleanField(
        _("may affect the result"), default=False, help_text=_("Signing is suspended meanwhile (实施条例 art. 54).")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ChallengeStatus.choices, default=ChallengeStatus.RECEIVED, editable=False
    )
    replied_on = PlausibleDateField(_("replied on"), null=True, blank=True, editable=False)
    reply = models.TextField(_("reply"), blank=True, editable=False)
    outcome = models.CharField(
        _("outcome"), max_length=15, choices=ChallengeOutcome.choices, blank=True, editable=False
    )
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

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["-received_on", "-id"]
        constraints = [
            ends_after_start("challenge", "knew_on", "received_on", _("A challenge cannot arrive before the notice.")),
            ends_after_start("challenge", "received_on", "replied_on", _("The reply cannot precede the challenge.")),
        ]
        indexes = [models.Index(fields=["status", "received_on"])]
        permissions = [("manage_challenge", _("Can record challenges and their replies"))]

    def __str__(self):
        return f"{self.batch.number}: {self.supplier} {self.received_on}"

    def get_absolute_url(self):
        return reverse("procurement:challenge", args=[self.pk])


class Complaint(TimeStampedModel):
    money_or_legal_record = True

    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.PROTECT, related_name="complaints"
    )
    authority = models.CharField(_("complained to"), max_length=100, default="县财政局")
    filed_on = PlausibleDateField(_("filed on"))
    grounds = models.TextField(_("grounds"))
    status = models.CharField(
        _("status"), max_length=10, choices=ComplaintStatus.choices, default=ComplaintStatus.FILED, editable=False
    )
    suspended_from = PlausibleDateField(_("procurement suspended from"), null=True, blank=True, editable=False)
    suspended_to = PlausibleDateField(_("procurement suspended until"), null=True, blank=True, editable=False)
    decided_on = PlausibleDateField(_("decided on"), null=True, blank=True, editable=False)
    outcome = models.CharField(
        _("outcome"), max_length=15, choices=ComplaintOutcome.choices, blank=True, editable=False
    )
    decision = models.TextField(_("decision"), blank=True, editable=False)
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

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-filed_on", "-id"]
        constraints = [
            ends_after_start("complaint", "filed_on", "decided_on", _("The decision cannot precede the complaint.")),
            ends_after_start(
                "complaint", "suspended_from", "suspended_to", _("The suspension cannot end before it starts.")
            ),
            models.CheckConstraint(
                condition=Q(suspended_from__isnull=True) | Q(suspended_to__isnull=False),
                name="complaint_suspension_has_end",
                violation_error_message=_("A suspension needs its end (at most 30 days, law art. 57)."),
            ),
        ]
        indexes = [models.Index(fields=["status", "filed_on"])]

    def __str__(self):
        return f"{self.challenge.batch.number}: {self.challenge.supplier} {self.filed_on}"

    def get_absolute_url(self):
        return reverse("procurement:challenge", args=[self.challenge_id])
