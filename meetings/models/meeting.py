from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bureau.fields import BoundedIntegerField, PlausibleDateTimeField
from bureau.history import HistoricalRecords
from bureau.integrity import register_sql_constraint
from bureau.models import Department, Room, TimeStampedModel
from bureau.scoping import ScopedQuerySet
from meetings.choices import MeetingCategory, MeetingFormat, MeetingStatus
from meetings.rules import CLOSED_STATUSES, VENUE_HOLDING_STATUSES


class MeetingQuerySet(ScopedQuerySet):
    def holding_venue(self):
        return self.filter(status__in=VENUE_HOLDING_STATUSES)

    def venue_clashes(self, *, room, start_at, end_at, exclude_pk=None):
        """Meetings holding `room` at some moment of [start_at, end_at)."""
        qs = self.holding_venue().filter(venue_room=room, start_at__lt=end_at, end_at__gt=start_at)
        return qs.exclude(pk=exclude_pk) if exclude_pk else qs

    def open(self):
        """Neither settled nor cancelled: printing orders can still be placed."""
        return self.exclude(status__in=CLOSED_STATUSES)


class Meeting(TimeStampedModel):
    """One county meeting, through the "six unifications" from request to settlement.

    Status changes go through meetings.services (never a plain form save): the services check the
    allowed moves, the category limits and the budget caps, and record who did what.
    """

    money_or_legal_record = True  # cancelled or kept, never deleted (bureau.checks)

    title = models.CharField(pgettext_lazy("meeting", "title"), max_length=200)
    host_department = models.ForeignKey(
        Department, verbose_name=_("host department"), on_delete=models.PROTECT, related_name="meetings"
    )
    category = models.CharField(_("category"), max_length=2, choices=MeetingCategory.choices)
    format = models.CharField(_("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.ON_SITE)
    is_county_wide = models.BooleanField(
        _("county-wide meeting"), default=False, help_text=_("Convened for the whole county (全县性会议).")
    )
    venue_room = models.ForeignKey(
        Room,
        verbose_name=_("venue (meeting room)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        limit_choices_to={"use": "meeting_room"},
    )
    venue_name = models.CharField(_("external venue"), max_length=200, blank=True)
    start_at = PlausibleDateTimeField(_("starts at"))
    end_at = PlausibleDateTimeField(_("ends at"))
    planned_attendees = BoundedIntegerField(_("planned attendees"), min_value=0, max_value=100_000)
    planned_staff = BoundedIntegerField(_("planned staff"), default=0, min_value=0, max_value=100_000)
    in_annual_plan = models.BooleanField(_("in the annual meeting plan"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT, editable=False
    )
    cancel_reason = models.CharField(_("cancellation reason"), max_length=500, blank=True, editable=False)
    settled_at = models.DateTimeField(_("settled at"), null=True, blank=True, editable=False)
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("settled by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
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

    objects = MeetingQuerySet.as_manager()
    scope_department_field = "host_department"

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=models.F("start_at")),
                name="meeting_end_after_start",
                violation_error_message=_("The end must be after the start."),
            ),
            models.CheckConstraint(
                condition=Q(venue_room__isnull=True) | Q(venue_name=""),
                name="meeting_one_venue",
                violation_error_message=_("Choose either a meeting room or an external venue, not both."),
            ),
        ]
        permissions = [
            ("approve_meeting", _("Can approve or reject meetings")),
            ("manage_meeting", _("Can run meetings (prepare, start, finish)")),
            ("cancel_meeting", _("Can cancel meetings")),
            ("settle_meeting", _("Can settle meetings and enter approved and actual amounts")),
        ]
        indexes = [
            models.Index(fields=["host_department", "status", "id"]),
            models.Index(fields=["status", "start_at"]),
            models.Index(fields=["venue_room", "start_at"]),
            # the list's order (newest first), alone and within the host's (a department head's) meetings
            models.Index(fields=["start_at", "id"]),
            models.Index(fields=["host_department", "start_at"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.pk])

    @property
    def days(self):
        """Calendar days the meeting spans (local dates, both ends counted): 9:00–12:00 is one day."""
        if not (self.start_at and self.end_at):
            return 0
        start = timezone.localtime(self.start_at).date()
        end = timezone.localtime(self.end_at).date()
        return (end - start).days + 1

    @property
    def people(self):
        """Everyone the meeting pays for: attendees and staff (参会人员)."""
        return (self.planned_attendees or 0) + (self.planned_staff or 0)

    @property
    def is_closed(self):
        """Settled or cancelled: its printing orders and checklist no longer change."""
        return self.status in CLOSED_STATUSES

    @property
    def venue_label(self):
        return str(self.venue_room) if self.venue_room_id else self.venue_name


# Written in migration 0003's SQL, not declared above: its message for forms and services.
register_sql_constraint(
    "meeting_venue_no_overlap",
    field="venue_room",
    message=_("The venue was booked by another meeting at the same time; choose another time or room."),
)
