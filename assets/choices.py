"""Choices (statuses, kinds, methods) of the state-owned asset registry 国有资产: `models.TextChoices`,
one class per concept."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AssetStatus(models.TextChoices):
    IN_USE = "in_use", _("In use")
    IDLE = "idle", _("Idle")
    LEASED_OUT = "leased_out", _("Leased out")
    LENT = "lent", _("Lent")
    PENDING_DISPOSAL = "pending_disposal", _("Pending disposal")
    DISPOSED = "disposed", _("Disposed")


# The registers of assets still held (a disposed asset keeps its card but leaves them).
ACTIVE_STATUSES = (
    AssetStatus.IN_USE,
    AssetStatus.IDLE,
    AssetStatus.LEASED_OUT,
    AssetStatus.LENT,
    AssetStatus.PENDING_DISPOSAL,
)


class AcquisitionSource(models.TextChoices):
    PURCHASE = "purchase", _("Purchase")
    TRANSFER_IN = "transfer_in", _("Transfer in")
    DONATION = "donation", _("Donation")
    CONSTRUCTION = "construction", _("Construction")
    SURPLUS = "surplus", _("Stock-take surplus")


class MovementKind(models.TextChoices):
    ACQUISITION = "acquisition", _("Acquisition")
    ASSIGNMENT = "assignment", _("Assignment")
    TRANSFER = "transfer", _("Transfer between units")
    HAND_IN = "hand_in", _("Hand-in to the idle pool")
    REDEPLOYMENT = "redeployment", _("Redeployment from the idle pool")
    LOAN_OUT = "loan_out", _("Loan from the idle pool")
    LOAN_RETURN = "loan_return", _("Return of a loan")
    REPAIR = "repair", _("Repair")
    REVALUATION = "revaluation", _("Revaluation")
    LEASE = "lease", _("Lease or loan")
    LEASE_END = "lease_end", _("End of lease or loan")
    DISPOSAL = "disposal", _("Disposal")


class PoolRequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class LeaseKind(models.TextChoices):
    LEASE = "lease", _("Lease")
    LOAN = "loan", _("Loan")


class LeaseStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class DisposalMethod(models.TextChoices):
    AUCTION = "auction", _("Auction")
    SALE = "sale", _("Sale")
    TRANSFER = "transfer", _("Transfer")
    DONATION = "donation", _("Donation")
    SCRAPPING = "scrapping", _("Scrapping")
    WRITE_OFF = "write_off", _("Write-off")


class DisposalStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    COMPLETED = "completed", _("Completed")


class StockTakeStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class StockTakeResult(models.TextChoices):
    EXPECTED = "expected", _("Not yet found")
    FOUND = "found", _("Found")
    MISSING = "missing", _("Missing")
    SURPLUS = "surplus", _("Surplus")


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    CHECKING = "checking", _("Checking")
    CHECKED = "checked", _("Checked")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
