from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingCategory(models.TextChoices):
    # 财行〔2016〕214号: 一类 national, 二类 provincial-ministerial, 三类 departmental, 四类 other.
    CLASS_1 = "1", _("Class I")
    CLASS_2 = "2", _("Class II")
    CLASS_3 = "3", _("Class III")
    CLASS_4 = "4", _("Class IV")


class MeetingFormat(models.TextChoices):
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


# ---- official receptions 公务接待 ----------------------------------------------------------------


class ReceptionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    DONE = "done", _("Done")
    SETTLED = "settled", _("Settled")
    CANCELLED = "cancelled", _("Cancelled")


class MealKind(models.TextChoices):
    BREAKFAST = "breakfast", _("Breakfast")
    LUNCH = "lunch", _("Lunch")
    DINNER = "dinner", _("Dinner")
    WORKING_MEAL = "working", _("Working meal")


# ---- attendance and procedures -----------------------------------------------------------------


class AttendanceStatus(models.TextChoices):
    PENDING = "pending", _("Not signed in")
    ON_TIME = "on_time", _("On time")
    LATE = "late", _("Late")
    LEFT_EARLY = "left_early", _("Left early")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class ReplyStatus(models.TextChoices):
    """The invitee's reply (回执) to the meeting notice."""

    ATTENDING = "attending", _("Will attend")
    DECLINED = "declined", _("Will not attend")
    SUBSTITUTE = "substitute", _("Sends a substitute")


class SignInMethod(models.TextChoices):
    QR = "qr", _("QR code")
    DESK = "desk", _("At the desk")


SIGNED_IN_STATUSES = (AttendanceStatus.ON_TIME, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY)


class ProcedurePhase(models.TextChoices):
    PRE = "pre", _("Before the meeting")
    IN = "in", _("During the meeting")
    POST = "post", _("After the meeting")


class WorkPlanPost(models.TextChoices):
    """The posts of a work plan (专人专岗、定岗定责)."""

    SIGN_IN = "sign_in", _("Sign-in")
    USHERING = "ushering", _("Ushering")
    VENUE = "venue", _("Venue")
    MINUTES = "minutes", _("Minutes")
    PHOTOGRAPHY = "photography", _("Photography and video")
    VEHICLES = "vehicles", _("Vehicles")
    MEALS = "meals", _("Meals and lodging")
    SECURITY = "security", _("Security")
