"""Choices (statuses, kinds, methods) of outsourced property services 物业服务 and the campus:
`models.TextChoices`, one class per concept."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeeType(models.TextChoices):
    """The two room-based fees each unit in the administrative centre pays (经费核算)."""

    AIR_CONDITIONING = "air_conditioning", _("Central air-conditioning fee")
    SECURITY_CLEANING = "security_cleaning", _("Security and cleaning fee")


class BillingRunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    DONE = "done", _("Billed")


class DeductionListStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent to the finance bureau")
    CONFIRMED = "confirmed", _("Confirmed")


class ServiceType(models.TextChoices):
    SECURITY = "security", _("Security")
    CLEANING = "cleaning", _("Cleaning")
    GREENING = "greening", _("Greening upkeep")
    CANTEEN = "canteen", _("Canteen")
    EQUIPMENT = "equipment", _("Equipment upkeep")


class PaymentPeriod(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")


# ---- the repair line 后勤保障110 ---------------------------------------------------------------------
class RepairCategory(models.TextChoices):
    WATER_ELECTRIC = "water_electric", _("Water and electricity")
    AIR_CONDITIONING = "air_conditioning", _("Air-conditioning")
    NETWORK = "network", _("Network")
    DOORS_WINDOWS = "doors_windows", _("Doors and windows")
    OTHER = "other", _("Other")


class RepairPriority(models.TextChoices):
    URGENT = "urgent", _("Urgent")
    HIGH = "high", _("High")
    NORMAL = "normal", _("Normal")
    LOW = "low", _("Low")


class RepairSource(models.TextChoices):
    WEB = "web", _("Web")
    QR = "qr", _("Room QR code")
    HOTLINE = "hotline", _("Hotline")


class RepairStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    DISPATCHED = "dispatched", _("Dispatched")
    IN_PROGRESS = "in_progress", _("In progress")
    PAUSED = "paused", _("Paused")
    RESOLVED = "resolved", _("Resolved")
    CONFIRMED = "confirmed", _("Confirmed")
    REOPENED = "reopened", _("Reopened")


class RepairPauseReason(models.TextChoices):
    PARTS = "parts", _("Waiting for parts")
    REPORTER = "reporter", _("Waiting for the reporter")
