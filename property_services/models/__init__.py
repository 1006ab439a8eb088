"""Models of outsourced property services 物业服务 and the campus (DESIGN.md §7).

Each model keeps its history, is scoped by `objects = ScopedQuerySet.as_manager()` (bureau.scoping),
keeps money in `DecimalField(max_digits=14, decimal_places=2)` and is voided, not deleted, when it
carries money or legal weight.
"""

from property_services.models.contracts import PenaltyClause, ScoringItem, ServiceContract  # noqa: F401, E402
from property_services.models.fees import (  # noqa: F401
    BillingRun,
    DeductionLine,
    DeductionList,
    FeeAdjustment,
    FeeCharge,
    FeeRate,
)
from property_services.models.inspections import (  # noqa: F401, E402
    Finding,
    Inspection,
    InspectionScore,
    MonthlyAssessment,
    Penalty,
    Rectification,
)
from property_services.models.repairs import RepairTicket  # noqa: F401, E402
from property_services.models.space import (  # noqa: F401, E402
    ConductRule,
    ConductViolation,
    OfficeAssignment,
    OfficeStandard,
)
