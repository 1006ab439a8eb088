"""统一会议审批: every decision on a meeting is a record (who, what, why, when)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.fields import PlausibleDateTimeField
from bureau.history import HistoricalRecords
from bureau.scoping import ScopedQuerySet
from meetings.choices import ApprovalDecisionKind


class ApprovalDecision(models.Model):
    money_or_legal_record = True  # cancelled or kept, never deleted (bureau.checks)

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="approval_decisions"
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approver"), on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(_("decision"), max_length=10, choices=ApprovalDecisionKind.choices)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    decided_at = PlausibleDateTimeField(_("decided at"), default=timezone.now)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "meeting__host_department"

    class Meta:
        verbose_name = _("approval decision")
        verbose_name_plural = _("approval decisions")
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["meeting", "decided_at"])]

    def __str__(self):
        return f"{self.meeting} · {self.get_decision_display()} · {self.approver}"

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()
