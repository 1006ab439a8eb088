"""Procedures: checklist templates by phase, each meeting's own copy, and the work plan (工作方案)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.fields import BoundedIntegerField, PlausibleDateTimeField
from bureau.history import HistoricalRecords
from bureau.models import TimeStampedModel
from bureau.scoping import ScopedQuerySet
from bureau.workdays import into_working_hours
from meetings.choices import ProcedurePhase, WorkPlanPost
from meetings.models.attendance import MeetingBoundQuerySet

# 会前 → 会中 → 会后, not the codes' alphabetical order (in, post, pre).
PHASE_ORDER = models.Case(
    *(models.When(phase=phase, then=rank) for rank, phase in enumerate(ProcedurePhase)),
    output_field=models.IntegerField(),
).asc()


class ProcedureTemplate(TimeStampedModel):
    """One step of the standard checklist; every meeting copies the active steps."""

    phase = models.CharField(_("phase"), max_length=4, choices=ProcedurePhase.choices)
    order = BoundedIntegerField(_("order"), default=10, min_value=0, max_value=9999)
    name = models.CharField(_("step"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)
    due_offset_hours = BoundedIntegerField(
        _("due (hours from the phase's reference time)"),
        default=0,
        min_value=-24 * 366,
        max_value=24 * 366,
        help_text=_(
            "Steps before the meeting count back from its start (e.g. -72 = three days before); "
            "steps during the meeting count from its start; steps after it count from its end."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None  # bureau-wide configuration

    class Meta:
        verbose_name = _("procedure template step")
        verbose_name_plural = _("procedure template steps")
        ordering = [PHASE_ORDER, "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["phase", "name"],
                name="procedure_template_unique_name_in_phase",
                violation_error_message=_("This phase already has a step with this name."),
            ),
        ]

    def __str__(self):
        return f"{self.get_phase_display()} · {self.name}"

    def get_absolute_url(self):
        return reverse("meetings:proceduretemplate", args=[self.pk])

    def due_at_for(self, meeting, *, calendar=None):
        """Before/during: counted from the meeting's start; after: from its end. A time outside office
        hours moves into them: a step to be done before the meeting to the end of the working day
        before, a step after it to the start of the next working day."""
        reference = meeting.end_at if self.phase == ProcedurePhase.POST else meeting.start_at
        due = reference + datetime.timedelta(hours=self.due_offset_hours)
        return into_working_hours(due, earlier=self.phase != ProcedurePhase.POST, calendar=calendar)


class ProcedureStepQuerySet(MeetingBoundQuerySet):
    def overdue(self, now=None):
        return self.filter(done_at=None, due_at__lt=now or timezone.now())


class MeetingProcedureStep(TimeStampedModel):
    """One checklist step of one meeting: who does it, by when, and when it was done."""

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="procedure_steps"
    )
    template = models.ForeignKey(
        ProcedureTemplate,
        verbose_name=_("template step"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    phase = models.CharField(_("phase"), max_length=4, choices=ProcedurePhase.choices)
    order = BoundedIntegerField(_("order"), default=10, min_value=0, max_value=9999)
    name = models.CharField(_("step"), max_length=100)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_at = PlausibleDateTimeField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True, editable=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = ProcedureStepQuerySet.as_manager()
    scope_department_field = "meeting__host_department"

    class Meta:
        verbose_name = _("meeting procedure step")
        verbose_name_plural = _("meeting procedure steps")
        ordering = ["meeting", PHASE_ORDER, "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "template"],
                condition=Q(template__isnull=False),
                name="procedure_step_one_copy_per_template",
                violation_error_message=_("This meeting already has this step."),
            ),
            models.CheckConstraint(
                condition=Q(done_at__isnull=True) | Q(done_by__isnull=False),
                name="procedure_step_done_has_who",
                violation_error_message=_("A step marked done must say who did it."),
            ),
        ]
        indexes = [models.Index(fields=["meeting", "phase", "order"]), models.Index(fields=["done_at", "due_at"])]

    @classmethod
    def from_template(cls, *, meeting, template, calendar=None, **fields):
        """An unsaved copy of a template step for one meeting, due as the template says."""
        return cls(
            meeting=meeting,
            template=template,
            phase=template.phase,
            order=template.order,
            name=template.name,
            due_at=template.due_at_for(meeting, calendar=calendar),
            **fields,
        )

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:meeting_procedures", args=[self.meeting_id])

    @property
    def is_done(self):
        return self.done_at is not None

    def is_overdue(self, now=None):
        return self.done_at is None and self.due_at is not None and self.due_at < (now or timezone.now())


class WorkPlan(TimeStampedModel):
    """The work plan (工作方案) of a county-wide meeting or a major event: one per meeting."""

    meeting = models.OneToOneField(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="work_plan"
    )
    is_major_event = models.BooleanField(
        _("major event"), default=False, help_text=_("A major event that is not a county-wide meeting.")
    )
    chief = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person in overall charge"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    briefing_at = PlausibleDateTimeField(_("team briefing at"), null=True, blank=True)
    notes = models.TextField(_("requirements"), blank=True)
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

    objects = MeetingBoundQuerySet.as_manager()
    scope_department_field = "meeting__host_department"

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")

    def __str__(self):
        return _("Work plan: %(meeting)s") % {"meeting": self.meeting}

    def get_absolute_url(self):
        return reverse("meetings:meeting_work_plan", args=[self.meeting_id])


class WorkPlanAssignmentQuerySet(MeetingBoundQuerySet):
    meeting_path = "plan__meeting"


class WorkPlanAssignment(TimeStampedModel):
    """One named person on one post of a work plan."""

    plan = models.ForeignKey(
        WorkPlan, verbose_name=_("work plan"), on_delete=models.CASCADE, related_name="assignments"
    )
    post = models.CharField(_("post"), max_length=20, choices=WorkPlanPost.choices)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff member"), on_delete=models.PROTECT, related_name="+"
    )
    duties = models.CharField(_("duties"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    history = HistoricalRecords()

    objects = WorkPlanAssignmentQuerySet.as_manager()
    scope_department_field = "plan__meeting__host_department"

    class Meta:
        verbose_name = _("work plan assignment")
        verbose_name_plural = _("work plan assignments")
        ordering = ["plan", "post", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "post", "staff"],
                name="work_plan_one_person_once_per_post",
                violation_error_message=_("This person already holds this post."),
            ),
        ]

    def __str__(self):
        return f"{self.get_post_display()} · {self.staff.last_name}{self.staff.first_name or self.staff.username}"

    def get_absolute_url(self):
        return reverse("meetings:meeting_work_plan", args=[self.plan.meeting_id])
