"""Rules of the procurement centre 政府采购中心: pure checks and status predicates, one place per rule,
no writes and no queries beyond the record they are given, used by services, forms and pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.cn import uscc

from procurement.choices import CATALOGUE_LETTER, BatchStatus, ContractStatus

CREDIT_CODE_RULE = "GB 32100-2015"


def normalize_credit_code(value):
    return uscc.compact(value or "")


def validate_credit_code(value):
    """统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character."""
    code = normalize_credit_code(value)
    try:
        uscc.validate(code)
    except stdnum_exceptions.InvalidLength:
        raise ValidationError(
            _("A unified social credit code has 18 characters; this one has %(length)d (GB 32100-2015).")
            % {"length": len(code)},
            code="credit_code_length",
        ) from None
    except stdnum_exceptions.InvalidChecksum:
        raise ValidationError(
            _(
                "The check character (the last one) does not match the first 17: the code is mistyped; "
                "it would end in %(check)s (GB 32100-2015)."
            )
            % {"check": uscc.calc_check_digit(code)},
            code="credit_code_checksum",
        ) from None
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            _(
                "A unified social credit code has 8 digits, then digits and capital letters other than "
                "I, O, S, V and Z (GB 32100-2015)."
            ),
            code="credit_code_format",
        ) from None


def catalogue_code_matches(category, code):
    """The national catalogue code begins with its category's letter (A goods, B works, C services)."""
    return bool(code) and code[:1].upper() == CATALOGUE_LETTER.get(category, "?")


# Batches in these states take no new bids, lots or requests.
BATCH_OPEN_FOR_BIDS = {BatchStatus.INITIATED, BatchStatus.ANNOUNCED}
BATCH_FINISHED = {BatchStatus.CLOSED, BatchStatus.RETENDERED, BatchStatus.CANCELLED}
CONTRACT_IN_FORCE = {ContractStatus.SIGNED, ContractStatus.ACCEPTED}
