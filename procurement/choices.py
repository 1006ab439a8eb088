"""Choices (statuses, kinds, methods) of the procurement centre 政府采购中心: `models.TextChoices`, one
class per concept."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    # 政府采购品目分类目录 (财库〔2022〕31号): A 货物, B 工程, C 服务 — the code's first letter.
    GOODS = "goods", _("Goods")
    WORKS = "works", _("Works")
    SERVICES = "services", _("Services")


# The national catalogue code's first letter for each category.
CATALOGUE_LETTER = {Category.GOODS: "A", Category.WORKS: "B", Category.SERVICES: "C"}


class FundingSource(models.TextChoices):
    FISCAL = "fiscal", _("Fiscal budget")
    SPECIAL = "special", _("Special funds")
    OWN = "own", _("Own funds")
    OTHER = "other", _("Other funds")


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    BATCHED = "batched", _("In a batch")
    CANCELLED = "cancelled", _("Cancelled")


class Method(models.TextChoices):
    OPEN_TENDER = "open_tender", _("Open tendering")
    INVITED_TENDER = "invited_tender", _("Invited tendering")
    NEGOTIATION = "negotiation", _("Competitive negotiation")
    CONSULTATION = "consultation", _("Competitive consultation")
    INQUIRY = "inquiry", _("Request for quotations")
    SINGLE_SOURCE = "single_source", _("Single-source procurement")
    FRAMEWORK = "framework", _("Framework agreement")
    INNOVATION = "innovation", _("Cooperative innovation procurement")


class BatchStatus(models.TextChoices):
    INITIATED = "initiated", _("Initiated")
    ANNOUNCED = "announced", _("Announced")
    OPENED = "opened", _("Bids opened")
    EVALUATED = "evaluated", _("Evaluated")
    AWARDED = "awarded", _("Awarded")
    CONTRACTED = "contracted", _("Contracted")
    ACCEPTED = "accepted", _("Accepted")
    CLOSED = "closed", _("Closed")
    FAILED = "failed", _("Failed")
    RETENDERED = "retendered", _("Re-tendered")
    CANCELLED = "cancelled", _("Cancelled")


class BidStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ContractStatus(models.TextChoices):
    DRAFT = "draft", _("Awaiting signature")
    SIGNED = "signed", _("Signed")
    ACCEPTED = "accepted", _("Accepted")
    CLOSED = "closed", _("Closed")
    VOIDED = "voided", _("Voided")


class AcceptanceResult(models.TextChoices):
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")


class DayKind(models.TextChoices):
    WORKING = "working", _("Working days")
    CALENDAR = "calendar", _("Calendar days")


class ChallengeSubject(models.TextChoices):
    # 财政部令第94号 第十条: 采购文件、采购过程、中标或者成交结果.
    DOCUMENTS = "documents", _("Procurement documents")
    PROCESS = "process", _("Procurement process")
    RESULT = "result", _("Award result")


class ChallengeStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    REPLIED = "replied", _("Replied")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REFUSED = "refused", _("Refused (late or incomplete)")


class ChallengeOutcome(models.TextChoices):
    DISMISSED = "dismissed", _("Not upheld")
    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")


class ComplaintStatus(models.TextChoices):
    FILED = "filed", _("Filed")
    ACCEPTED = "accepted", _("Accepted for handling")
    SUSPENDED = "suspended", _("Procurement suspended")
    DECIDED = "decided", _("Decided")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REFUSED = "refused", _("Refused (late or incomplete)")


class ComplaintOutcome(models.TextChoices):
    DISMISSED = "dismissed", _("Dismissed")
    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")
