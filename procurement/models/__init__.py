"""Models of the procurement centre 政府采购中心 (DESIGN.md §5), one module per part of the work.

Each model keeps its history, is scoped by `objects = ScopedQuerySet.as_manager()` (the purchasing
department is the department; suppliers are not department-scoped), keeps money in
`DecimalField(max_digits=14, decimal_places=2)` and is voided, not deleted, when it carries money
or legal weight. The law's clocks and each method's preconditions are dated data (`ClockRule`,
`MethodRule`), so a revised law is a data change.
"""

from procurement.models.batches import Award, Batch, Bid, Invitation, Lot
from procurement.models.challenges import Challenge, Complaint
from procurement.models.contracts import Acceptance, Contract, Payment, PaymentMilestone
from procurement.models.legal import ClockRule, MethodRule
from procurement.models.requests import ProcurementRequest
from procurement.models.suppliers import BadConductRecord, Supplier, SupplierContact

__all__ = [
    "Supplier",
    "SupplierContact",
    "BadConductRecord",
    "ProcurementRequest",
    "Batch",
    "Lot",
    "Invitation",
    "Bid",
    "Award",
    "Contract",
    "PaymentMilestone",
    "Payment",
    "Acceptance",
    "Challenge",
    "Complaint",
    "ClockRule",
    "MethodRule",
]
