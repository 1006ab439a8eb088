"""Import of asset cards from an .xlsx laid out as a bureau keeps them: checked row by row (nothing
saved), then imported by a task — all rows once the file is clean, or only the clean rows when the
user asked for that. Progress is kept on the AssetImport row for the page's progress bar."""

import datetime
import zipfile
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from assets import selectors
from assets.choices import AcquisitionSource, ImportStatus, MovementKind
from assets.models import HISTORIC_DATE_MIN, Asset, AssetClass, Movement
from bureau.models import Department
from bureau.services import audited_save

# The columns of a bureau's asset register, in order (the header row must read exactly so).
COLUMNS = (
    "资产编号",
    "资产名称",
    "资产分类代码",
    "权属单位编码",
    "使用部门编码",
    "取得日期",
    "取得方式",
    "原值",
    "数量",
    "计量单位",
    "面积",
    "权证号",
    "存放地点",
)
SOURCES = {str(label): value for value, label in AcquisitionSource.choices} | {
    "购置": AcquisitionSource.PURCHASE,
    "调入": AcquisitionSource.TRANSFER_IN,
    "捐赠": AcquisitionSource.DONATION,
    "自建": AcquisitionSource.CONSTRUCTION,
}
CHUNK = 1000
MAX_ERRORS = 1000  # a file of 10,000 bad rows lists the first thousand (and says how many more)


def _rows(assetimport):
    from openpyxl import load_workbook

    assetimport.file.open("rb")
    try:
        if not zipfile.is_zipfile(assetimport.file):
            return None, [_("The file is not an Excel workbook (.xlsx).")]
        assetimport.file.seek(0)
        book = load_workbook(assetimport.file, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        book.close()
    finally:
        assetimport.file.close()
    if not rows:
        return None, [_("The workbook is empty.")]
    header = tuple((str(cell).strip() if cell is not None else "") for cell in rows[0][: len(COLUMNS)])
    if header != COLUMNS:
        return None, [
            _("The columns must be, in this order: %(expected)s. This file has: %(found)s.")
            % {"expected": "、".join(COLUMNS), "found": "、".join(h for h in header if h) or "—"}
        ]
    return [row for row in rows[1:] if any(cell not in (None, "") for cell in row)], []


def _text(value):
    return "" if value is None else str(value).strip()


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(_text(value).replace("/", "-"))


def _decimal(value):
    number = Decimal(_text(value))
    if not number.is_finite():
        raise InvalidOperation
    return number


class _Lookups:
    def __init__(self):
        self.classes = {c.code: c for c in AssetClass.objects.all()}
        self.departments = {}

    def department(self, code):
        if code not in self.departments:
            self.departments[code] = Department.objects.filter(code=code).first()
        return self.departments[code]


def _check_row(number, row, lookups, seen):
    """(Asset or None, [messages]) for one row."""
    row = tuple(row) + (None,) * (len(COLUMNS) - len(row))
    code, name, class_code, owner, user, acquired, source, value, quantity, unit, area, certificate, place = row[
        : len(COLUMNS)
    ]
    errors = []
    code, name = _text(code), _text(name)
    if not code:
        errors.append(_("资产编号 is empty."))
    elif code in seen:
        errors.append(
            _("资产编号 %(code)s appears twice in the file (row %(row)s).") % {"code": code, "row": seen[code]}
        )
    if not name:
        errors.append(_("资产名称 is empty."))
    asset_class = lookups.classes.get(_text(class_code))
    if asset_class is None:
        errors.append(_("资产分类代码 %(code)s is not a GB/T 14885 class.") % {"code": _text(class_code) or "—"})
    owning = lookups.department(_text(owner))
    if owning is None:
        errors.append(_("权属单位编码 %(code)s is not a department.") % {"code": _text(owner) or "—"})
    using = lookups.department(_text(user)) if _text(user) else owning
    if using is None:
        errors.append(_("使用部门编码 %(code)s is not a department.") % {"code": _text(user)})
    try:
        acquired_on = _date(acquired)
        if not HISTORIC_DATE_MIN <= acquired_on <= timezone.localdate():
            errors.append(_("取得日期 %(date)s is in the future or too long ago.") % {"date": acquired_on})
    except (TypeError, ValueError):
        acquired_on = None
        errors.append(_("取得日期 “%(value)s” is not a date (YYYY-MM-DD).") % {"value": _text(acquired)})
    source_value = SOURCES.get(_text(source))
    if source_value is None:
        errors.append(_("取得方式 “%(value)s” is not one of 购置、调入、捐赠、自建.") % {"value": _text(source)})
    try:
        original_value = _decimal(value).quantize(Decimal("0.01"))
        if original_value <= 0 or original_value >= Decimal("1e12"):
            errors.append(_("原值 must be greater than zero."))
    except (InvalidOperation, ValueError):
        original_value = None
        errors.append(_("原值 “%(value)s” is not a number.") % {"value": _text(value)})
    try:
        count = int(_decimal(quantity or 1))
        if not 1 <= count <= 1_000_000:
            raise ValueError
    except (InvalidOperation, ValueError):
        count = None
        errors.append(_("数量 “%(value)s” is not a whole number from 1.") % {"value": _text(quantity)})
    area_value = None
    if _text(area):
        try:
            area_value = _decimal(area).quantize(Decimal("0.01"))
            if area_value <= 0:
                raise ValueError
        except (InvalidOperation, ValueError):
            errors.append(_("面积 “%(value)s” is not a positive number.") % {"value": _text(area)})
    if code and code not in seen:
        seen[code] = number
    if errors:
        return None, errors
    asset = Asset(
        code=code[:30],
        name=name[:200],
        asset_class=asset_class,
        owning_unit=owning,
        using_department=using,
        acquired_on=acquired_on,
        source=source_value,
        original_value=original_value,
        quantity=count,
        unit_of_measure=_text(unit)[:10] or "台",
        area=area_value,
        title_certificate=_text(certificate)[:60],
        address=_text(place)[:200],
    )
    return asset, []


def _checked(assetimport):
    """(clean assets with their row numbers, errors) of the workbook, progress kept as it goes."""
    rows, file_errors = _rows(assetimport)
    if file_errors:
        return [], [{"row": 1, "messages": file_errors}], 0
    lookups, seen, clean, errors = _Lookups(), {}, [], []
    existing = set()
    codes = [_text(row[0]) for row in rows if row]
    for start in range(0, len(codes), CHUNK):
        existing |= set(Asset.objects.filter(code__in=codes[start : start + CHUNK]).values_list("code", flat=True))
    for index, row in enumerate(rows, start=2):
        asset, messages = _check_row(index, row, lookups, seen)
        if asset is not None and asset.code in existing:
            asset, messages = None, [_("资产编号 %(code)s is already on a card.") % {"code": asset.code}]
        if messages:
            errors.append({"row": index, "messages": messages})
        else:
            clean.append((index, asset))
    return clean, errors, len(rows)


def assetimport_check(*, assetimport):
    """Check every row; save nothing but the result (errors by row, a preview of the clean rows)."""
    assetimport.status = ImportStatus.CHECKING
    audited_save(obj=assetimport, actor=assetimport.created_by, update_fields=["status"])
    clean, errors, total = _checked(assetimport)
    assetimport.refresh_from_db()
    assetimport.total_rows = total
    assetimport.processed_rows = 0
    assetimport.errors = errors[:MAX_ERRORS] + (
        [{"row": None, "messages": [_("… and %(count)s more rows with errors.") % {"count": len(errors) - MAX_ERRORS}]}]
        if len(errors) > MAX_ERRORS
        else []
    )
    assetimport.preview = [
        {"row": row, "code": a.code, "name": a.name, "class": a.asset_class.code, "value": str(a.original_value)}
        for row, a in clean[:20]
    ]
    assetimport.status = ImportStatus.CHECKED
    audited_save(obj=assetimport, actor=assetimport.created_by)
    return assetimport


def assetimport_run(*, assetimport):
    """Import the clean rows (all rows must be clean unless the user asked for only the clean ones);
    chunk by chunk, each in its own transaction, with history rows and the progress saved."""
    assetimport.refresh_from_db()
    if assetimport.errors and not assetimport.only_clean_rows:
        assetimport.status = ImportStatus.FAILED
        audited_save(obj=assetimport, actor=assetimport.created_by)
        return assetimport
    clean, _errors, total = _checked(assetimport)
    actor = assetimport.created_by
    assetimport.status, assetimport.processed_rows, assetimport.imported_rows = ImportStatus.IMPORTING, 0, 0
    audited_save(obj=assetimport, actor=actor)
    lives = {}
    for start in range(0, len(clean), CHUNK):
        chunk = [asset for _row, asset in clean[start : start + CHUNK]]
        for asset in chunk:
            key = (asset.asset_class.code, asset.acquired_on)
            if key not in lives:
                lives[key] = selectors.useful_life_years(asset.asset_class, asset.acquired_on)
            asset.useful_life_years = lives[key]
        with transaction.atomic():
            created = bulk_create_with_history(chunk, Asset, batch_size=500, default_user=actor)
            movements = [
                Movement(
                    asset=asset,
                    kind=MovementKind.ACQUISITION,
                    moved_on=asset.acquired_on,
                    to_department=asset.using_department,
                    approved_by=actor,
                    note=_("Imported"),
                )
                for asset in created
            ]
            bulk_create_with_history(movements, Movement, batch_size=500, default_user=actor)
            assetimport.processed_rows = min(start + len(chunk), total)
            assetimport.imported_rows += len(created)
            audited_save(obj=assetimport, actor=actor, update_fields=["processed_rows", "imported_rows"])
    assetimport.status, assetimport.processed_rows = ImportStatus.DONE, total
    audited_save(obj=assetimport, actor=actor)
    return assetimport


def assetimport_start(*, assetimport, actor):
    """Queue the run after the commit (the page then shows the progress)."""
    from assets import tasks

    if assetimport.status != ImportStatus.CHECKED:
        from django.core.exceptions import ValidationError

        raise ValidationError(_("This workbook is not ready to import."), code="import_not_ready")
    assetimport.status = ImportStatus.IMPORTING
    audited_save(obj=assetimport, actor=actor)
    transaction.on_commit(lambda: tasks.assetimport_run.delay(assetimport.pk))
    return assetimport


def assetimport_upload(*, assetimport, actor):
    from assets import tasks

    assetimport.created_by = actor
    audited_save(obj=assetimport, actor=actor)
    transaction.on_commit(lambda: tasks.assetimport_check.delay(assetimport.pk))
    return assetimport
