"""Bureau-wide model: departments, staff, buildings, rooms and who occupies them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.choices import DepartmentKind, Rank, RoomUse
from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.integrity import register_sql_constraint
from bureau.names import person_name, split_person_name  # noqa: F401  (imported from here by the pages)
from bureau.scoping import ScopedQuerySet


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class VoidableModel(models.Model):
    """Records with money or legal weight are voided with a reason, never deleted."""

    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True, editable=False)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    void_reason = models.CharField(_("void reason"), max_length=500, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_voided(self):
        return self.voided_at is not None


class DepartmentQuerySet(ScopedQuerySet):
    def scope_to_department(self, department):
        return self.filter(pk=department.pk)


class Department(TimeStampedModel):
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        error_messages={"unique": _("A department with this code already exists.")},
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DepartmentKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_departments",
    )
    active = models.BooleanField(_("active"), default=True)
    sort_order = BoundedIntegerField(_("sort order"), default=100, min_value=0, max_value=99999)
    history = HistoricalRecords()

    # Scoping: a department's own people see their own department only.
    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["sort_order", "code"]
        # The list's default order and its sortable columns (code is unique), each by an index.
        indexes = [
            models.Index(fields=["kind", "active"]),
            models.Index(fields=["sort_order", "code"]),
            models.Index(fields=["name"]),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("bureau:department", args=[self.pk])

    def clean(self):
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A department cannot be its own parent.")})


class StaffProfile(TimeStampedModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="profile"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="staff_profiles"
    )
    title = models.CharField(_("title"), max_length=50, blank=True)
    rank = models.CharField(
        _("rank"),
        max_length=30,
        choices=Rank.choices,
        blank=True,
        help_text=_("Sets the office area per person and the order in seating; leave empty while not recorded."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")
        ordering = ["department__sort_order", "user__username"]
        indexes = [models.Index(fields=["department", "rank"])]

    def __str__(self):
        return person_name(self.user)

    def get_absolute_url(self):
        return reverse("bureau:staffprofile", args=[self.pk])


class Building(TimeStampedModel):
    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        error_messages={"unique": _("A building with this code already exists.")},
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    floors = BoundedIntegerField(_("floors above ground"), default=1, min_value=1, max_value=200)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None  # campus facts, not owned by a department

    class Meta:
        verbose_name = _("building")
        verbose_name_plural = _("buildings")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(floors__gte=1),
                name="building_floors_positive",
                violation_error_message=_("A building has at least one floor above ground."),
            ),
        ]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("bureau:building", args=[self.pk])


class RoomQuerySet(ScopedQuerySet):
    def scope_to_department(self, department):
        # A department sees the rooms it occupies (now or in the past).
        return self.filter(pk__in=RoomOccupancy.objects.filter(department=department, voided_at=None).values("room"))

    def meeting_rooms(self):
        return self.filter(use=RoomUse.MEETING_ROOM)


class Room(TimeStampedModel):
    building = models.ForeignKey(Building, verbose_name=_("building"), on_delete=models.PROTECT, related_name="rooms")
    floor = BoundedIntegerField(_("floor"), min_value=-10, max_value=200)
    number = models.CharField(_("room number"), max_length=20)
    name = models.CharField(_("name"), max_length=100, blank=True)
    use = models.CharField(_("use"), max_length=20, choices=RoomUse.choices, default=RoomUse.OFFICE)
    area = models.DecimalField(
        _("area (m²)"),
        max_digits=10,
        decimal_places=2,
        help_text=_("Usable area in square metres; must be greater than zero."),
    )
    capacity = BoundedIntegerField(
        _("capacity"), min_value=0, max_value=100_000, null=True, blank=True, help_text=_("Seats, for meeting rooms.")
    )
    equipment = models.CharField(
        _("equipment"), max_length=300, blank=True, help_text=_("Projector, video conferencing, microphones …")
    )
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = RoomQuerySet.as_manager()

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["building__code", "floor", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["building", "number"],
                name="room_number_unique_in_building",
                violation_error_message=_("This building already has a room with this number."),
            ),
            models.CheckConstraint(
                condition=Q(area__gt=0),
                name="room_area_positive",
                violation_error_message=_("Area must be greater than zero."),
            ),
        ]
        # The list's default order (building code, floor, number: the building's rooms in index order)
        # and its sort by area, with and without the use filter.
        indexes = [
            models.Index(fields=["use", "building"]),
            models.Index(fields=["building", "floor", "number"]),
            models.Index(fields=["area"]),
            models.Index(fields=["use", "area"]),
            # Pickers search rooms by number and name prefix (LIKE 'x%'), which needs pattern ops on PostgreSQL.
            models.Index(fields=["number"], name="room_number_prefix", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["name"], name="room_name_prefix", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self):
        label = f"{self.building.name} {self.number}"
        return f"{label} {self.name}" if self.name else label

    def get_absolute_url(self):
        return reverse("bureau:room", args=[self.pk])

    def clean(self):
        if self.area is not None and self.area <= 0:
            raise ValidationError({"area": _("Area must be greater than zero.")})
        if self.use == RoomUse.MEETING_ROOM and not self.capacity:
            raise ValidationError({"capacity": _("A meeting room needs its number of seats.")})


class RoomOccupancyQuerySet(ScopedQuerySet):
    def current(self):
        return self.active().on(timezone.localdate())

    def active(self):
        return self.filter(voided_at=None)

    def on(self, day):
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)

    def overlapping(self, *, room, start_date, end_date):
        """Live occupancies of `room` that share at least one day with [start_date, end_date]."""
        qs = self.active().filter(room=room).filter(Q(end_date__isnull=True) | Q(end_date__gte=start_date))
        if end_date is not None:
            qs = qs.filter(start_date__lte=end_date)
        return qs


class RoomOccupancy(TimeStampedModel, VoidableModel):
    """Which department occupies a room from when to when: the basis of room-based fees.

    One room, one department per day: enforced by the database (an exclusion constraint on
    PostgreSQL, triggers on SQLite — see migration 0002) and by the form with a clear message.
    """

    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="occupancies")
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="occupancies"
    )
    start_date = PlausibleDateField(_("from"))
    end_date = PlausibleDateField(_("to"), null=True, blank=True, help_text=_("Leave empty while it lasts."))
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = RoomOccupancyQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("room occupancy")
        verbose_name_plural = _("room occupancies")
        ordering = ["room", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="occupancy_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]
        indexes = [models.Index(fields=["department", "start_date"]), models.Index(fields=["start_date", "id"])]
        permissions = [("void_roomoccupancy", _("Can void room occupancy"))]

    def __str__(self):
        end = self.end_date or "…"
        return f"{self.room} · {self.department} · {self.start_date} – {end}"

    def get_absolute_url(self):
        return reverse("bureau:roomoccupancy", args=[self.pk])

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.room_id and self.start_date and not self.is_voided:
            clash = (
                RoomOccupancy.objects.overlapping(room=self.room, start_date=self.start_date, end_date=self.end_date)
                .exclude(pk=self.pk)
                .select_related("department")
                .first()
            )
            if clash:
                raise ValidationError(
                    {
                        "start_date": _(
                            "Room %(room)s is already occupied by %(department)s from %(start)s to %(end)s."
                        )
                        % {
                            "room": self.room,
                            "department": clash.department,
                            "start": clash.start_date,
                            "end": clash.end_date or _("open end"),
                        }
                    }
                )


from bureau.models_security import (  # noqa: E402,F401  the security records live in their own module
    AuditEntry,
    PasswordChangeRequired,
    PasswordRecord,
    UserSession,
)

# Written in migration 0002's SQL, not declared above: its message for forms and services.
register_sql_constraint(
    "roomoccupancy_no_overlap",
    field="start_date",
    message=_("The room is occupied by another department in this period."),
)

from bureau.models_calendar import CalendarDay, CalendarYear  # noqa: E402,F401  the working-day calendar
