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


# ---- meetings-core: approval, budget and printing ------------------------------------------------


class ApprovalDecisionKind(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")


class BudgetKind(models.TextChoices):
    # The three items of the comprehensive quota (综合定额); they may be shifted among themselves.
    LODGING = "lodging", _("Lodging")
    MEALS = "meals", _("Meals")
    OTHER = "other", _("Other costs")


class BudgetSubKind(models.TextChoices):
    # 其他费用 covers exactly these (财行〔2016〕214号 第十四条); nothing else can be chosen.
    VENUE_RENT = "venue_rent", _("Venue rent")
    TRANSPORT = "transport", _("Local transport")
    PRINTING = "printing", _("Document printing")
    MEDICAL = "medical", _("Medical")


class PrintingStatus(models.TextChoices):
    ORDERED = "ordered", _("Ordered")
    PRINTING = "printing", _("Printing")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


# Spending that may not be paid from meeting funds (财行〔2016〕214号 第二十条 and the
# 八项规定): a line item whose description names any of these words is refused.
BANNED_SPENDING_WORDS = (
    "纪念品",
    "礼品",
    "宴请",
    "宴会",
    "烟酒",
    "旅游",
    "参观",
    "游览",
    "景区",
    "固定资产",
    "souvenir",
    "gift",
    "banquet",
    "sightseeing",
    "fixed asset",
)
