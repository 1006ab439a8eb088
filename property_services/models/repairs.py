"""The repair line 后勤保障110: tickets from the web, a room's QR code or the hotline, worked by a
technician on the shared workflow; the clock stops while a ticket is paused."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField
from bureau.history import HistoricalRecords
from bureau.models import Department, Room, TimeStampedModel
from bureau.scoping import ScopedQuerySet
from bureau.validators import UploadValidator
from property_services.choices import (
    RepairCategory,
    RepairPauseReason,
    RepairPriority,
    RepairSource,
    RepairStatus,
)

REPAIR_PHOTO_MAX_MB = 5
OPEN_STATUSES = (
    RepairStatus.REPORTED,
    RepairStatus.DISPATCHED,
    RepairStatus.IN_PROGRESS,
    RepairStatus.PAUSED,
    RepairStatus.REOPENED,
)


def repair_photo_path(instance, filename):
    return f"property_services/repairs/{timezone.localdate():%Y/%m}/{filename}"


class RepairTicketQuerySet(ScopedQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now=None):
        """Open tickets past their target: not answered in time, or not fixed in time (a paused
        ticket's fix target moves on by the pause when it resumes, so a paused one is never late)."""
        now = now or timezone.now()
        late_response = Q(status=RepairStatus.REPORTED, response_due__lt=now)
        late_fix = Q(status__in=OPEN_STATUSES, fix_due__lt=now) & ~Q(status=RepairStatus.PAUSED)
        return self.filter(late_response | late_fix)


class RepairTicket(TimeStampedModel):
    """One reported fault (报修单) and its way to a fix and the reporter's rating."""

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, null=True, blank=True, related_name="repair_tickets"
    )
    location = models.CharField(
        _("location"), max_length=200, blank=True, help_text=_("Where, when the fault is not in a room.")
    )
    category = models.CharField(_("category"), max_length=20, choices=RepairCategory.choices)
    description = models.TextField(_("description"), max_length=2000)
    photo = models.FileField(
        _("photo"),
        upload_to=repair_photo_path,
        blank=True,
        validators=[UploadValidator(kinds=("jpeg", "png"), max_mb=REPAIR_PHOTO_MAX_MB)],
        help_text=_("JPEG or PNG, at most 5 MB."),
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=RepairPriority.choices, default=RepairPriority.NORMAL
    )
    source = models.CharField(_("source"), max_length=10, choices=RepairSource.choices, default=RepairSource.WEB)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reporter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="repair_tickets_reported",
    )
    reporter_name = models.CharField(_("reporter's name"), max_length=50, blank=True)
    reporter_phone = models.CharField(_("reporter's phone"), max_length=20, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="repair_tickets",
        help_text=_("The department occupying the room, or the reporter's."),
    )
    status = models.CharField(_("status"), max_length=20, choices=RepairStatus.choices, default=RepairStatus.REPORTED)
    technician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("technician"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="repair_tickets_assigned",
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)
    dispatched_at = models.DateTimeField(_("dispatched at"), null=True, blank=True)
    started_at = models.DateTimeField(_("work started at"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    response_due = models.DateTimeField(_("response due"))
    fix_due = models.DateTimeField(_("fix due"))
    paused_at = models.DateTimeField(_("paused since"), null=True, blank=True)
    pause_reason = models.CharField(_("pause reason"), max_length=10, choices=RepairPauseReason.choices, blank=True)
    paused_seconds = BoundedIntegerField(_("paused seconds"), min_value=0, max_value=10**9, default=0)
    rating = BoundedIntegerField(_("rating"), min_value=1, max_value=5, null=True, blank=True)
    feedback = models.CharField(_("feedback"), max_length=500, blank=True)
    history = HistoricalRecords()

    objects = RepairTicketQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("repair ticket")
        verbose_name_plural = _("repair tickets")
        ordering = ["-reported_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(room__isnull=False) | ~Q(location=""),
                name="repairticket_room_or_location",
                violation_error_message=_("Give the room or describe the location."),
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(status=RepairStatus.CONFIRMED, rating__gte=1, rating__lte=5),
                name="repairticket_rating_1_to_5_when_confirmed",
                violation_error_message=_("A rating is 1 to 5 and only for a confirmed ticket."),
            ),
            models.CheckConstraint(
                condition=Q(reporter__isnull=False) | ~Q(reporter_name=""),
                name="repairticket_reporter_known",
                violation_error_message=_("Give the reporter's name."),
            ),
        ]
        indexes = [
            models.Index(fields=["-reported_at", "-id"], name="repairticket_list_order"),
            models.Index(fields=["status", "fix_due"]),
            models.Index(fields=["department", "-reported_at"]),
            models.Index(fields=["technician", "status"]),
            # the dashboards' figures: tickets resolved, and ratings given, in a period
            models.Index(fields=["resolved_at"], name="repairticket_resolved_at"),
            models.Index(fields=["confirmed_at"], name="repairticket_confirmed_at"),
        ]
        permissions = [
            ("dispatch_repairticket", _("Can dispatch repair tickets and take hotline calls")),
            ("work_repairticket", _("Can work on repair tickets")),
            ("confirm_repairticket", _("Can confirm a repaired ticket")),
        ]

    def __str__(self):
        return _("Repair ticket %(number)s") % {"number": self.number}

    @property
    def number(self):
        return f"BX{self.pk:06d}" if self.pk else "—"

    def get_absolute_url(self):
        return reverse("property_services:repairticket", args=[self.pk])

    @property
    def place(self):
        return str(self.room) if self.room_id else self.location

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def paused_total(self, now=None):
        """The time spent paused, the current pause included."""
        seconds = self.paused_seconds
        if self.paused_at:
            seconds += int(((now or timezone.now()) - self.paused_at).total_seconds())
        return datetime.timedelta(seconds=seconds)

    @property
    def response_time(self):
        """From the report to the start of work (no pause can fall before it)."""
        return self.started_at - self.reported_at if self.started_at else None

    @property
    def fix_time(self):
        """From the report to the fix, without the time spent paused."""
        return self.resolved_at - self.reported_at - self.paused_total() if self.resolved_at else None

    def is_overdue(self, now=None):
        now = now or timezone.now()
        if self.status == RepairStatus.REPORTED and self.response_due < now:
            return True
        return self.is_open and self.status != RepairStatus.PAUSED and self.fix_due < now
