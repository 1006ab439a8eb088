from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingCategory(models.TextChoices):
    # 财行〔2016〕214号: 一类 national, 二类 provincial-ministerial, 三类 departmental, 四类 other.
    CLASS_1 = "1", _("Class I")
    CLASS_2 = "2", _("Class II")
    CLASS_3 = "3", _("Class III")
    CLASS_4 = "4", _("Class IV")


class MeetingForm(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    TV_PHONE = "tv_phone", _("TV / telephone")
    VIDEO = "video", _("Video")


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    PREPARING = "preparing", _("Preparing")
    IN_PROGRESS = "in_progress", _("In progress")
    HELD = "held", _("Held")
    SETTLED = "settled", _("Settled")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses in which a meeting holds its venue (a second meeting can't book it at the same time).
VENUE_HOLDING_STATUSES = (
    MeetingStatus.SUBMITTED,
    MeetingStatus.APPROVED,
    MeetingStatus.PREPARING,
    MeetingStatus.IN_PROGRESS,
    MeetingStatus.HELD,
    MeetingStatus.SETTLED,
)
