"""Writes of the supplier register: suppliers and their bad-conduct records."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bureau.services import audited_save, record_void
from procurement.rules import normalize_credit_code, validate_credit_code


@transaction.atomic
def supplier_save(*, supplier, actor):
    """Create or change a supplier; the credit code is kept as typed, upper-cased, without spaces."""
    supplier.credit_code = normalize_credit_code(supplier.credit_code)
    try:
        validate_credit_code(supplier.credit_code)
    except ValidationError as exc:
        raise ValidationError({"credit_code": exc.error_list}) from None
    supplier.full_clean()
    return audited_save(obj=supplier, actor=actor)


@transaction.atomic
def bad_conduct_record_save(*, record, actor):
    if record.pk is None:
        record.created_by = actor
    record.full_clean()
    return audited_save(obj=record, actor=actor)


@transaction.atomic
def bad_conduct_record_void(*, record, actor, reason):
    if not (reason or "").strip():
        raise ValidationError({"reason": ValidationError(_("Give the reason."), code="reason_required")})
    return record_void(obj=record, actor=actor, reason=reason)
