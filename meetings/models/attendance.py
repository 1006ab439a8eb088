"""Attendees, their seats and their attendance (sign-in by QR token or at the desk)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bureau.choices import RANK_SENIORITY, RANK_UNKNOWN_SENIORITY
from bureau.fields import BoundedIntegerField, PlausibleDateTimeField
from bureau.history import HistoricalRecords
from bureau.models import Department, TimeStampedModel
from bureau.scoping import ScopedQuerySet, sees_all_departments
from meetings.choices import SIGNED_IN_STATUSES, AttendanceStatus, ReplyStatus, SignInMethod
from meetings.models.meeting import Meeting

TOKEN_BYTES = 24  # 192 bits from the OS's CSPRNG; the URL-safe text is 32 characters


def new_sign_in_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


class MeetingBoundQuerySet(ScopedQuerySet):
    """Rows that belong to a meeting are scoped exactly as the meeting is (Meeting.objects.for_user)."""

    meeting_path = "meeting"

    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        if sees_all_departments(user):
            return self
        return self.filter(**{f"{self.meeting_path}__in": Meeting.objects.for_user(user).values("pk")})


# A person's rank (职级) as a number, most senior first; someone without a recorded rank (or with no
# account, an outside guest) after every rank.
_RANK_SENIORITY = models.Case(
    *(models.When(user__profile__rank=rank, then=seniority) for rank, seniority in RANK_SENIORITY.items()),
    default=RANK_UNKNOWN_SENIORITY,
    output_field=models.IntegerField(),
)


class AttendeeQuerySet(MeetingBoundQuerySet):
    def in_protocol_order(self):
        """By protocol order; a tie by rank (职级), then by the units' order in the register (the
        county's order of its units), then by name — never by chance or by who was invited first."""
        return self.order_by(
            "protocol_order",
            _RANK_SENIORITY.asc(),
            models.F("department__sort_order").asc(nulls_last=True),
            "department__code",
            "organisation",
            "name",
            "id",
        )


class Attendee(TimeStampedModel):
    """One invited person of one meeting: who, in which protocol order, where they sit, and whether
    and when they came. `token` is the secret in the QR code of their notice and seat card."""

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="attendees"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_attendances",
        help_text=_("Empty for people from outside the county's units."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_attendances",
    )
    name = models.CharField(_("full name"), max_length=50)
    organisation = models.CharField(
        _("organisation"), max_length=100, blank=True, help_text=_("For outside guests: the unit they come from.")
    )
    title = models.CharField(_("position"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    protocol_order = BoundedIntegerField(
        _("protocol order"),
        default=100,
        min_value=1,
        max_value=9999,
        help_text=_("1 is the most senior; seats are assigned in this order."),
    )
    seat_row = BoundedIntegerField(_("row"), min_value=1, max_value=999, null=True, blank=True)
    seat_number = BoundedIntegerField(_("seat"), min_value=1, max_value=999, null=True, blank=True)
    token = models.CharField(_("sign-in token"), max_length=64, unique=True, editable=False, default=new_sign_in_token)
    status = models.CharField(
        _("attendance"), max_length=12, choices=AttendanceStatus.choices, default=AttendanceStatus.PENDING
    )
    # The reply (回执) from the notice's link: before the meeting, the organiser sees who comes.
    reply = models.CharField(_("reply to the notice"), max_length=12, choices=ReplyStatus.choices, blank=True)
    reply_note = models.CharField(_("reply note"), max_length=200, blank=True)
    substitute_name = models.CharField(_("substitute"), max_length=50, blank=True)
    substitute_title = models.CharField(_("substitute's position"), max_length=50, blank=True)
    replied_at = PlausibleDateTimeField(_("replied at"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    signed_in_at = PlausibleDateTimeField(_("signed in at"), null=True, blank=True)
    sign_in_method = models.CharField(_("signed in by"), max_length=4, choices=SignInMethod.choices, blank=True)
    signed_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed in by desk staff"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    left_at = PlausibleDateTimeField(_("left at"), null=True, blank=True)
    excuse_reason = models.CharField(_("reason for leave"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = AttendeeQuerySet.as_manager()
    scope_department_field = "meeting__host_department"

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["meeting", "protocol_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "seat_row", "seat_number"],
                name="attendee_one_person_per_seat",
                violation_error_message=_("Somebody else already sits in this seat."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(user__isnull=False),
                name="attendee_invited_once",
                violation_error_message=_("This person is already invited to this meeting."),
            ),
            models.CheckConstraint(
                condition=Q(seat_row__isnull=True, seat_number__isnull=True) | Q(seat_row__gte=1, seat_number__gte=1),
                name="attendee_seat_row_and_number",
                violation_error_message=_("A seat needs both its row and its number."),
            ),
            models.CheckConstraint(
                condition=Q(protocol_order__gte=1),
                name="attendee_protocol_order_positive",
                violation_error_message=_("The protocol order starts at 1."),
            ),
            models.CheckConstraint(
                condition=~Q(status=AttendanceStatus.EXCUSED) | ~Q(excuse_reason=""),
                name="attendee_excused_has_reason",
                violation_error_message=_("Leave (请假) needs a reason."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=SIGNED_IN_STATUSES) | Q(signed_in_at__isnull=False),
                name="attendee_signed_in_has_time",
                violation_error_message=_("A signed-in attendee needs the sign-in time."),
            ),
            models.CheckConstraint(
                condition=~Q(status=AttendanceStatus.LEFT_EARLY) | Q(left_at__isnull=False),
                name="attendee_left_early_has_time",
                violation_error_message=_("Leaving early needs the time of leaving."),
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "department"]),
            models.Index(fields=["department", "status"]),
            # The register's default order (Meta.ordering): a page reads 50 rows, not a sort of them all.
            models.Index(fields=["meeting", "protocol_order", "id"]),
            # The register across meetings: the newest meeting first, each in protocol order.
            models.Index(fields=["-meeting", "protocol_order", "id"], name="attendee_register_newest_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:attendee", args=[self.pk])

    def get_reply_url(self):
        return reverse("meetings:reply", args=[self.token])

    def get_sign_in_url(self):
        return reverse("meetings:sign_in", args=[self.token])

    @property
    def unit_label(self):
        """The unit printed under the name: the department's short name or the guest's organisation."""
        if self.department_id:
            return self.department.short_name or self.department.name
        return self.organisation

    @property
    def seat_label(self):
        if self.seat_row is None:
            return ""
        return _("Row %(row)s, seat %(seat)s") % {"row": self.seat_row, "seat": self.seat_number}

    @property
    def is_signed_in(self):
        return self.signed_in_at is not None
