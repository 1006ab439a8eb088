"""Choices of the supervision group's inspections (物业监管) and the monthly assessment."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InspectionKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled check")
    SPOT = "spot", _("Random spot check")


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    SCORED = "scored", _("Scored")


class RectificationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONFIRMED = "confirmed", _("Confirmed")
