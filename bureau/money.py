"""Money helpers: amounts are Decimal yuan; contracts and settlements print them in capitals."""

from decimal import ROUND_HALF_UP, Decimal

import cn2an

CENT = Decimal("0.01")


def to_yuan(value):
    """Round to the fen (分) as the finance bureau does: half up."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def amount_in_capitals(value):
    """Decimal("12000") → "人民币壹万贰仟元整" (大写金额, as on settlement forms and contracts)."""
    amount = to_yuan(value)
    if amount < 0:
        return "人民币负" + cn2an.an2cn(str(-amount), "rmb")
    return "人民币" + cn2an.an2cn(str(amount), "rmb")
