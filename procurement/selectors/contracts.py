from decimal import Decimal

from django.db.models import Sum


def contract_paid(contract):
    """What has been paid on the contract (voided payments do not count)."""
    return contract.payments.filter(voided_at__isnull=True).aggregate(total=Sum("amount"))["total"] or Decimal("0")
