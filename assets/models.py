"""Models of the state-owned asset registry 国有资产: asset cards, movements, leases, disposals,
stock-takes, the idle pool (DESIGN.md §6)."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from assets.choices import (
    ACTIVE_STATUSES,
    AcquisitionSource,
    AssetStatus,
    DisposalMethod,
    DisposalStatus,
    ImportStatus,
    LeaseKind,
    LeaseStatus,
    MovementKind,
    PoolRequestStatus,
    StockTakeResult,
    StockTakeStatus,
)
from bureau.fields import BoundedIntegerField, PlausibleDateField
from bureau.history import HistoricalRecords
from bureau.integrity import register_sql_constraint
from bureau.models import Building, Department, Room, TimeStampedModel, VoidableModel
from bureau.scoping import ScopedQuerySet

MONEY = {"max_digits": 14, "decimal_places": 2}
CENT = Decimal("0.01")
# Asset cards go back further than the portal's other records: buildings and land acquired decades ago.
HISTORIC_DATE_MIN = datetime.date(1900, 1, 1)


def historic_range_message():
    return format_lazy(
        _("Enter a date between {min} and {max}."),
        min=HISTORIC_DATE_MIN.isoformat(),
        max=settings.BUREAU_DATE_MAX.isoformat(),
    )


@deconstructible
class HistoricDateValidator:
    code = "implausible_date"

    def __call__(self, value):
        if value is not None and not HISTORIC_DATE_MIN <= value <= settings.BUREAU_DATE_MAX:
            raise ValidationError(historic_range_message(), code=self.code)

    def __eq__(self, other):
        return isinstance(other, HistoricDateValidator)

    def __hash__(self):
        return hash(HistoricDateValidator)


class HistoricDateField(PlausibleDateField):
    """A PlausibleDateField (form and database bounds) reaching back to 1900 for old cards."""

    @property
    def validators(self):
        return [*self._validators, HistoricDateValidator()]

    def range_condition(self, name):
        return Q(**{f"{name}__gte": HISTORIC_DATE_MIN, f"{name}__lte": settings.BUREAU_DATE_MAX})

    def range_message(self):
        return historic_range_message()

    def formfield(self, **kwargs):
        field = models.DateField.formfield(self, **{"validators": [HistoricDateValidator()], **kwargs})
        field.widget.attrs.setdefault("min", HISTORIC_DATE_MIN.isoformat())
        field.widget.attrs.setdefault("max", settings.BUREAU_DATE_MAX.isoformat())
        return field


class AssetClass(models.Model):
    """A class of GB/T 14885-2022 (门类 / 大类 / 中类), loaded by a data migration; reference data."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=100)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent class"), on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    top_code = models.CharField(_("top class"), max_length=2, db_index=True)
    depreciable = models.BooleanField(_("depreciated"), default=True)

    class Meta:
        verbose_name = _("asset class")
        verbose_name_plural = _("asset classes")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class UsefulLife(TimeStampedModel):
    """Useful life of a class from a date on (政府会计准则第3号 应用指南): dated configuration, so an
    asset added before a change keeps the life in force when it was added."""

    asset_class = models.ForeignKey(
        AssetClass, verbose_name=_("asset class"), on_delete=models.PROTECT, related_name="useful_lives"
    )
    valid_from = PlausibleDateField(_("valid from"))
    years = BoundedIntegerField(_("useful life (years)"), min_value=1, max_value=100)
    source = models.CharField(_("source"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("useful life")
        verbose_name_plural = _("useful lives")
        ordering = ["asset_class__code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset_class", "valid_from"],
                name="usefullife_one_per_class_and_date",
                violation_error_message=_("This class already has a useful life from this date."),
            )
        ]

    def __str__(self):
        return f"{self.asset_class} · {self.years} · {self.valid_from}"


class AssetQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)


class Asset(TimeStampedModel):
    """The asset card 资产卡片."""

    code = models.CharField(
        _("asset code"),
        max_length=30,
        unique=True,
        error_messages={"unique": _("An asset with this code already exists.")},
    )
    name = models.CharField(_("name"), max_length=200)
    asset_class = models.ForeignKey(
        AssetClass, verbose_name=_("asset class"), on_delete=models.PROTECT, related_name="assets"
    )
    owning_unit = models.ForeignKey(
        Department, verbose_name=_("owning unit"), on_delete=models.PROTECT, related_name="owned_assets"
    )
    using_department = models.ForeignKey(
        Department, verbose_name=_("using department"), on_delete=models.PROTECT, related_name="used_assets"
    )
    keeper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("keeper"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kept_assets",
    )
    building = models.ForeignKey(
        Building, verbose_name=_("building"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    acquired_on = HistoricDateField(_("acquisition date"))
    source = models.CharField(_("source"), max_length=20, choices=AcquisitionSource.choices)
    contract = models.ForeignKey(
        "procurement.Contract",
        verbose_name=_("procurement contract"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assets",
    )
    original_value = models.DecimalField(_("original value"), **MONEY, validators=[MinValueValidator(CENT)])
    quantity = BoundedIntegerField(_("quantity"), default=1, min_value=1, max_value=1_000_000)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=10, default="台")
    area = models.DecimalField(_("area (m²)"), max_digits=12, decimal_places=2, null=True, blank=True)
    title_certificate = models.CharField(_("title certificate number"), max_length=60, blank=True)
    useful_life_years = BoundedIntegerField(_("useful life (years)"), null=True, blank=True, min_value=1, max_value=100)
    status = models.CharField(_("status"), max_length=20, choices=AssetStatus.choices, default=AssetStatus.IN_USE)
    disposed_on = HistoricDateField(_("disposal date"), null=True, blank=True, editable=False)
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    objects = AssetQuerySet.as_manager()
    scope_department_field = "using_department"

    class Meta:
        verbose_name = _("asset")
        verbose_name_plural = _("assets")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(original_value__gt=0),
                name="asset_value_positive",
                violation_error_message=_("The original value must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=Q(area__isnull=True) | Q(area__gt=0),
                name="asset_area_positive",
                violation_error_message=_("Area must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=~Q(status=AssetStatus.DISPOSED) | Q(disposed_on__isnull=False),
                name="asset_disposed_has_date",
                violation_error_message=_("A disposed asset needs its disposal date."),
            ),
        ]
        indexes = [
            models.Index(fields=["using_department", "status", "id"]),
            models.Index(fields=["status", "id"]),
            models.Index(fields=["asset_class", "status", "id"]),
            models.Index(fields=["owning_unit", "status", "id"]),
            models.Index(fields=["name"]),
        ]
        permissions = [("manage_asset", _("Can manage assets (movements, pool, leases, disposals)"))]

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        return reverse("assets:asset", args=[self.pk])

    def clean(self):
        from assets import rules

        errors = rules.asset_card_errors(self)
        if errors:
            raise ValidationError(errors)


class Movement(TimeStampedModel):
    """One dated event in an asset's life (assignment, transfer, hand-in, repair, revaluation…)."""

    asset = models.ForeignKey(Asset, verbose_name=_("asset"), on_delete=models.PROTECT, related_name="movements")
    kind = models.CharField(_("kind"), max_length=20, choices=MovementKind.choices)
    moved_on = HistoricDateField(_("date"))
    from_department = models.ForeignKey(
        Department, verbose_name=_("from"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_department = models.ForeignKey(
        Department, verbose_name=_("to"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    keeper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("keeper"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    value_change = models.DecimalField(_("value change"), **MONEY, null=True, blank=True)
    remaining_life_months = BoundedIntegerField(
        _("remaining life (months)"), null=True, blank=True, min_value=1, max_value=1200
    )
    cost = models.DecimalField(_("cost"), **MONEY, null=True, blank=True, validators=[MinValueValidator(0)])
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "asset__using_department"

    class Meta:
        verbose_name = _("movement")
        verbose_name_plural = _("movements")
        ordering = ["-moved_on", "-id"]
        indexes = [models.Index(fields=["asset", "moved_on", "id"]), models.Index(fields=["kind", "moved_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=MovementKind.REVALUATION) | Q(value_change__isnull=False),
                name="movement_revaluation_has_value",
                violation_error_message=_("A revaluation needs its value change."),
            )
        ]

    def __str__(self):
        return f"{self.asset.code} · {self.get_kind_display()} · {self.moved_on}"

    def get_absolute_url(self):
        return reverse("assets:asset", args=[self.asset_id])


class DepreciationCharge(models.Model):
    """A month's depreciation charge of one asset, recorded once by the monthly job (the books);
    the figure itself always comes from rules.depreciation (one way)."""

    asset = models.ForeignKey(
        Asset, verbose_name=_("asset"), on_delete=models.PROTECT, related_name="depreciation_charges"
    )
    month = HistoricDateField(_("month"))
    amount = models.DecimalField(_("amount"), **MONEY)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("depreciation charge")
        verbose_name_plural = _("depreciation charges")
        ordering = ["-month", "asset"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "month"],
                name="depreciationcharge_once_a_month",
                violation_error_message=_("This asset's depreciation for this month is already recorded."),
            ),
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="depreciationcharge_month_first_day",
                violation_error_message=_("A depreciation month is given by its first day."),
            ),
        ]
        indexes = [models.Index(fields=["month", "asset"])]

    def __str__(self):
        return f"{self.asset_id} · {self.month:%Y-%m} · {self.amount}"


class PoolEntryQuerySet(ScopedQuerySet):
    def scope_to_department(self, department):
        # What waits in the pool is there for every unit to see and request (that is its point).
        return self.filter(left_on__isnull=True)


class PoolEntry(TimeStampedModel):
    """An asset handed in to the idle pool 公物仓 (交仓), with its condition."""

    asset = models.ForeignKey(Asset, verbose_name=_("asset"), on_delete=models.PROTECT, related_name="pool_entries")
    handed_in_on = PlausibleDateField(_("handed in on"))
    handed_in_by = models.ForeignKey(
        Department, verbose_name=_("handed in by"), on_delete=models.PROTECT, related_name="+"
    )
    condition = models.CharField(_("condition"), max_length=200)
    left_on = PlausibleDateField(_("left the pool on"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = PoolEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("idle pool entry")
        verbose_name_plural = _("idle pool entries")
        ordering = ["-handed_in_on", "-id"]
        indexes = [models.Index(fields=["handed_in_on", "id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["asset"],
                condition=Q(left_on__isnull=True),
                name="poolentry_one_open_per_asset",
                violation_error_message=_("This asset is already in the idle pool."),
            )
        ]

    def __str__(self):
        return f"{self.asset} · {self.handed_in_on}"

    def get_absolute_url(self):
        return reverse("assets:poolentry", args=[self.pk])


class PoolPhoto(TimeStampedModel):
    entry = models.ForeignKey(PoolEntry, verbose_name=_("pool entry"), on_delete=models.PROTECT, related_name="photos")
    image = models.FileField(_("photo"), upload_to="assets/pool/%Y/%m/")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pool photo")
        verbose_name_plural = _("pool photos")

    def __str__(self):
        return self.image.name


class PoolRequest(TimeStampedModel):
    """A unit's request for an idle asset (调剂), approved or refused by the asset managers."""

    entry = models.ForeignKey(
        PoolEntry, verbose_name=_("pool entry"), on_delete=models.PROTECT, related_name="requests"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("requesting department"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    status = models.CharField(
        _("status"), max_length=20, choices=PoolRequestStatus.choices, default=PoolRequestStatus.REQUESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decision_note = models.CharField(_("decision note"), max_length=500, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("pool request")
        verbose_name_plural = _("pool requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"]), models.Index(fields=["created_at"])]

    def __str__(self):
        return f"{self.entry.asset} → {self.department}"

    def get_absolute_url(self):
        return reverse("assets:poolrequest", args=[self.pk])


class PoolLoan(TimeStampedModel):
    """An idle asset borrowed for a meeting or event and returned (due date, overdue list)."""

    entry = models.ForeignKey(PoolEntry, verbose_name=_("pool entry"), on_delete=models.PROTECT, related_name="loans")
    department = models.ForeignKey(
        Department, verbose_name=_("borrowing department"), on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField(_("purpose"), max_length=200)
    lent_on = PlausibleDateField(_("lent on"))
    due_on = PlausibleDateField(_("due on"))
    returned_on = PlausibleDateField(_("returned on"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("pool loan")
        verbose_name_plural = _("pool loans")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("lent_on")),
                name="poolloan_due_not_before_lent",
                violation_error_message=_("The due date cannot be before the loan date."),
            )
        ]
        indexes = [models.Index(fields=["returned_on", "due_on"]), models.Index(fields=["due_on", "id"])]

    def __str__(self):
        return f"{self.entry.asset} → {self.department} · {self.due_on}"

    def get_absolute_url(self):
        return reverse("assets:poolloan", args=[self.pk])


class Lease(TimeStampedModel, VoidableModel):
    """Leasing out or lending an asset 出租出借, chosen by public bidding, with its payment schedule.

    One asset, one live lease or loan per day: an exclusion constraint on PostgreSQL, triggers on
    SQLite (migration 0002), and the service's check under the asset's row lock with a clear message.
    """

    asset = models.ForeignKey(Asset, verbose_name=_("asset"), on_delete=models.PROTECT, related_name="leases")
    kind = models.CharField(_("kind"), max_length=10, choices=LeaseKind.choices, default=LeaseKind.LEASE)
    lessee = models.CharField(_("lessee"), max_length=200)
    lessee_contact = models.CharField(_("lessee contact"), max_length=100, blank=True)
    area = models.DecimalField(_("area (m²)"), max_digits=12, decimal_places=2, null=True, blank=True)
    monthly_rent = models.DecimalField(_("monthly rent"), **MONEY, default=Decimal("0"))
    start_date = PlausibleDateField(_("from"))
    end_date = PlausibleDateField(_("to"))
    approval_document = models.CharField(_("approval document number"), max_length=100)
    bidding_reference = models.CharField(_("public bidding"), max_length=200, blank=True)
    announced_on = PlausibleDateField(_("announced on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=LeaseStatus.choices, default=LeaseStatus.ACTIVE)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "asset__using_department"

    class Meta:
        verbose_name = _("lease or loan")
        verbose_name_plural = _("leases and loans")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="lease_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(monthly_rent__gte=0),
                name="lease_rent_not_negative",
                violation_error_message=_("The rent cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(area__isnull=True) | Q(area__gt=0),
                name="lease_area_positive",
                violation_error_message=_("Area must be greater than zero."),
            ),
        ]
        indexes = [
            models.Index(fields=["asset", "start_date"]),
            models.Index(fields=["status", "end_date"]),
            models.Index(fields=["start_date", "id"]),
        ]
        permissions = [("void_lease", _("Can void lease"))]

    def __str__(self):
        return f"{self.asset.code} · {self.lessee} · {self.start_date} – {self.end_date}"

    def get_absolute_url(self):
        return reverse("assets:lease", args=[self.pk])


class LeasePayment(TimeStampedModel):
    """One instalment of a lease's payment schedule and what was received."""

    lease = models.ForeignKey(Lease, verbose_name=_("lease"), on_delete=models.PROTECT, related_name="payments")
    due_on = PlausibleDateField(_("due on"))
    amount = models.DecimalField(_("amount due"), **MONEY)
    received_amount = models.DecimalField(_("amount received"), **MONEY, default=Decimal("0"))
    received_on = PlausibleDateField(_("received on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "lease__asset__using_department"

    class Meta:
        verbose_name = _("rent instalment")
        verbose_name_plural = _("rent instalments")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="leasepayment_amount_positive",
                violation_error_message=_("The amount must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=Q(received_amount__gte=0),
                name="leasepayment_received_not_negative",
                violation_error_message=_("The amount received cannot be negative."),
            ),
        ]
        indexes = [models.Index(fields=["due_on", "lease"])]

    def __str__(self):
        return f"{self.lease} · {self.due_on} · {self.amount}"

    def get_absolute_url(self):
        return reverse("assets:lease", args=[self.lease_id])

    @property
    def outstanding(self):
        return max(self.amount - self.received_amount, Decimal("0"))


class Disposal(TimeStampedModel):
    """Disposal 处置 of an asset: method, appraisal, approval, proceeds and their remittance."""

    asset = models.ForeignKey(Asset, verbose_name=_("asset"), on_delete=models.PROTECT, related_name="disposals")
    method = models.CharField(_("method"), max_length=20, choices=DisposalMethod.choices)
    appraisal_value = models.DecimalField(
        _("appraisal value"), **MONEY, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    approval_document = models.CharField(_("approval document number"), max_length=100)
    requested_on = PlausibleDateField(_("requested on"))
    disposed_on = PlausibleDateField(_("disposed on"), null=True, blank=True)
    buyer = models.CharField(_("buyer or recipient"), max_length=200, blank=True)
    proceeds = models.DecimalField(_("proceeds"), **MONEY, default=Decimal("0"), validators=[MinValueValidator(0)])
    remitted_amount = models.DecimalField(
        _("remitted to the treasury"), **MONEY, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    remitted_on = PlausibleDateField(_("remitted on"), null=True, blank=True)
    announced_on = PlausibleDateField(_("announced on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DisposalStatus.choices, default=DisposalStatus.PENDING
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "asset__using_department"

    class Meta:
        verbose_name = _("disposal")
        verbose_name_plural = _("disposals")
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(proceeds__gte=0) & Q(remitted_amount__gte=0),
                name="disposal_money_not_negative",
                violation_error_message=_("Amounts cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(remitted_amount__lte=F("proceeds")),
                name="disposal_remitted_within_proceeds",
                violation_error_message=_("More cannot be remitted than was received."),
            ),
            models.UniqueConstraint(
                fields=["asset"],
                condition=Q(status=DisposalStatus.PENDING),
                name="disposal_one_pending_per_asset",
                violation_error_message=_("This asset already has a disposal under way."),
            ),
        ]
        indexes = [models.Index(fields=["status", "disposed_on"]), models.Index(fields=["requested_on", "id"])]

    def __str__(self):
        return f"{self.asset.code} · {self.get_method_display()}"

    def get_absolute_url(self):
        return reverse("assets:disposal", args=[self.pk])


class StockTake(TimeStampedModel):
    """A stock-take 清查盘点 of a department's assets or a building's."""

    title = models.CharField(_("title"), max_length=200)
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    building = models.ForeignKey(
        Building, verbose_name=_("building"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opened_on = PlausibleDateField(_("opened on"))
    closed_on = PlausibleDateField(_("closed on"), null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=StockTakeStatus.choices, default=StockTakeStatus.OPEN, editable=False
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "department"

    class Meta:
        verbose_name = _("stock-take")
        verbose_name_plural = _("stock-takes")
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["opened_on", "id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(department__isnull=False) | Q(building__isnull=False),
                name="stocktake_has_scope",
                violation_error_message=_("Choose the department or the building to count."),
            )
        ]
        permissions = [("scan_stocktake", _("Can scan labels in a stock-take"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assets:stocktake", args=[self.pk])


class StockTakeLine(TimeStampedModel):
    stocktake = models.ForeignKey(
        StockTake, verbose_name=_("stock-take"), on_delete=models.PROTECT, related_name="lines"
    )
    asset = models.ForeignKey(
        Asset, verbose_name=_("asset"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    label = models.CharField(_("label"), max_length=60, blank=True)
    result = models.CharField(
        _("result"), max_length=10, choices=StockTakeResult.choices, default=StockTakeResult.EXPECTED
    )
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("scanned by"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    scanned_at = models.DateTimeField(_("scanned at"), null=True, blank=True)
    confirmed_by_keeper = models.BooleanField(_("confirmed by its keeper"), default=False)
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("resolved by movement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    disposal = models.ForeignKey(
        Disposal,
        verbose_name=_("resolved by disposal"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = "stocktake__department"

    class Meta:
        verbose_name = _("stock-take line")
        verbose_name_plural = _("stock-take lines")
        ordering = ["result", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["stocktake", "asset"],
                condition=Q(asset__isnull=False),
                name="stocktakeline_one_per_asset",
                violation_error_message=_("This asset is already on the stock-take."),
            )
        ]

    def __str__(self):
        return f"{self.stocktake} · {self.asset or self.label} · {self.get_result_display()}"

    def get_absolute_url(self):
        return reverse("assets:stocktake", args=[self.stocktake_id])

    @property
    def resolved(self):
        return self.result == StockTakeResult.FOUND or self.movement_id is not None or self.disposal_id is not None


class AssetImport(TimeStampedModel):
    """An .xlsx of asset cards: checked row by row, then imported by a task with its progress."""

    file = models.FileField(_("workbook"), upload_to="assets/imports/%Y/%m/")
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.UPLOADED, editable=False
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0, editable=False)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0, editable=False)
    imported_rows = models.PositiveIntegerField(_("rows imported"), default=0, editable=False)
    errors = models.JSONField(_("errors"), default=list, blank=True, editable=False)
    preview = models.JSONField(_("preview"), default=list, blank=True, editable=False)
    only_clean_rows = models.BooleanField(_("import only the clean rows"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_department_field = None

    class Meta:
        verbose_name = _("asset import")
        verbose_name_plural = _("asset imports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self):
        return f"{self.file.name} · {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("assets:assetimport", args=[self.pk])

    @property
    def progress(self):
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0


register_sql_constraint(
    "lease_no_overlap",
    field="start_date",
    message=_("The asset is leased or lent to someone else in this period."),
)
