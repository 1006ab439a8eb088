"""Bureau-wide write services (HackSoft style: keyword-only, atomic, audited)."""

from django.db import transaction
from django.utils import timezone


@transaction.atomic
def record_void(*, obj, actor, reason):
    """Void a VoidableModel row: kept, marked void with who/when/why, recorded in its history."""
    obj.voided_at = timezone.now()
    obj.voided_by = actor
    obj.void_reason = reason
    obj._change_reason = reason  # django-simple-history stores it on the history row
    obj.save(update_fields=["voided_at", "voided_by", "void_reason", "updated_at"])
    return obj
