"""The reference year of the acceptance test: batches whose budgets total 10,000,000 yuan with
800,000 saved (8.00 %), signed and published in 2025."""

import datetime
from decimal import Decimal

from procurement.choices import Method
from tests.procurement.factories_oversight import contracted_batch

PLAN = (
    # budget, contract amount, method
    ("4000000.00", "3700000.00", Method.OPEN_TENDER),
    ("3000000.00", "2800000.00", Method.INVITED_TENDER),
    ("2000000.00", "1800000.00", Method.CONSULTATION),
    ("1000000.00", "900000.00", Method.SINGLE_SOURCE),
)


def reference_year(department=None):
    contracts = []
    for index, (budget, amount, method) in enumerate(PLAN):
        month = 3 + index * 2
        _batch, contract = contracted_batch(
            department=department,
            budget=Decimal(budget),
            amount=Decimal(amount),
            method=method,
            announced_on=datetime.date(2025, month, 1),
            award_notice_on=datetime.date(2025, month, 20),
            contract={
                "signed_on": datetime.date(2025, month, 25),
                "published_on": datetime.date(2025, month, 26),
            },
            request={"planned_start": datetime.date(2025, month, 1)},
        )
        contracts.append(contract)
    return contracts
