"""Which role may do what in this centre (collected by bureau.roles)."""

from bureau.permissions import crud
from bureau.roles import Role

APP = "property_services"

# ---- room-based fees and the deduction list ------------------------------------------------------
# Finance runs billing and the deduction list; the administration centre keeps the rates with it and
# reads the rest; leadership reads everything; department heads read their own department's charges,
# adjustments and deduction lines (scoping by department).
_FEES_READ = [
    f"{APP}.view_feerate",
    f"{APP}.view_billingrun",
    f"{APP}.view_feecharge",
    f"{APP}.view_feeadjustment",
    f"{APP}.view_deductionlist",
    f"{APP}.view_deductionline",
]
_FEES = {
    Role.FINANCE: [
        *_FEES_READ,
        *crud(APP, "feerate"),
        f"{APP}.add_billingrun",  # start billing a month
        f"{APP}.add_feeadjustment",
        f"{APP}.void_feeadjustment",
        f"{APP}.send_deductionlist",
        f"{APP}.confirm_deductionlist",
    ],
    Role.ADMIN_CENTRE: [*_FEES_READ, *crud(APP, "feerate")],
    Role.LEADERSHIP: _FEES_READ,
    Role.DEPARTMENT_HEADS: [f"{APP}.view_feecharge", f"{APP}.view_feeadjustment", f"{APP}.view_deductionline"],
}

# ---- outsourced service contracts ------------------------------------------------------------------
# The administration centre and the supervision group run contracts; leadership and finance read them.
_CONTRACT_READ = [f"{APP}.view_servicecontract", f"{APP}.view_scoringitem", f"{APP}.view_penaltyclause"]
_CONTRACT_RUN = [
    *crud(APP, "servicecontract", extra=["void_servicecontract"]),
    *crud(APP, "scoringitem", delete=True),
    *crud(APP, "penaltyclause", delete=True),
]
_CONTRACTS = {
    Role.ADMIN_CENTRE: _CONTRACT_RUN,
    Role.SUPERVISION: _CONTRACT_RUN,
    Role.LEADERSHIP: _CONTRACT_READ,
    Role.FINANCE: _CONTRACT_READ,
}

# ---- inspections and the monthly assessment --------------------------------------------------------
# The supervision group and the administration centre inspect, order rectification, apply penalties and
# assess the month; leadership and finance (who pays the contractor) read them. Department heads see none.
_INSPECTION_READ = [
    f"{APP}.view_inspection",
    f"{APP}.view_finding",
    f"{APP}.view_rectification",
    f"{APP}.view_penalty",
    f"{APP}.view_monthlyassessment",
]
_INSPECTION_RUN = [
    *crud(APP, "inspection"),
    *crud(APP, "finding", add=False, change=False),
    *crud(APP, "rectification", add=False),
    *crud(APP, "penalty", change=False, extra=["void_penalty"]),
    *crud(APP, "monthlyassessment", change=False, extra=["confirm_monthlyassessment"]),
]
_INSPECTIONS = {
    Role.ADMIN_CENTRE: _INSPECTION_RUN,
    Role.SUPERVISION: _INSPECTION_RUN,
    Role.LEADERSHIP: _INSPECTION_READ,
    Role.FINANCE: _INSPECTION_READ,
}

# ---- the repair line 后勤保障110 ----------------------------------------------------------------------
# Any staff member reports and confirms their own tickets; the administration centre takes hotline
# calls, dispatches and sees every ticket; technicians work the tickets assigned to them; department
# heads see their department's (scoping by department); leadership reads the statistics.
_TICKET = "repairticket"
_REPAIRS = {
    Role.ADMIN_CENTRE: [
        f"{APP}.view_{_TICKET}",
        f"{APP}.add_{_TICKET}",
        f"{APP}.dispatch_{_TICKET}",
        f"{APP}.work_{_TICKET}",
        f"{APP}.confirm_{_TICKET}",
    ],
    Role.TECHNICIANS: [f"{APP}.view_{_TICKET}", f"{APP}.add_{_TICKET}", f"{APP}.work_{_TICKET}"],
    Role.LEADERSHIP: [f"{APP}.view_{_TICKET}", f"{APP}.add_{_TICKET}"],
    Role.SUPERVISION: [f"{APP}.view_{_TICKET}", f"{APP}.add_{_TICKET}"],
    Role.FINANCE: [f"{APP}.add_{_TICKET}"],
    Role.DEPARTMENT_HEADS: [f"{APP}.view_{_TICKET}", f"{APP}.add_{_TICKET}", f"{APP}.confirm_{_TICKET}"],
    Role.EMPLOYEES: [f"{APP}.view_{_TICKET}", f"{APP}.add_{_TICKET}", f"{APP}.confirm_{_TICKET}"],
}

# ---- office space 办公用房 and campus conduct 文明公约 ----------------------------------------------------
# The administration centre keeps who sits where and the dated standards; leadership reads the report;
# department heads read their own unit's offices. The administration centre and the supervision group
# (who walk the campus) record violations; leadership reads them; department heads see their unit's.
_SPACE_READ = [f"{APP}.view_officestandard", f"{APP}.view_officeassignment"]
_CONDUCT_READ = [f"{APP}.view_conductrule", f"{APP}.view_conductviolation"]
_CONDUCT_RECORD = [*_CONDUCT_READ, f"{APP}.add_conductviolation", f"{APP}.void_conductviolation"]
_SPACE = {
    Role.ADMIN_CENTRE: [
        *crud(APP, "officestandard"),
        *crud(APP, "officeassignment", change=False, extra=["void_officeassignment"]),
        *crud(APP, "conductrule"),
        *_CONDUCT_RECORD,
    ],
    Role.SUPERVISION: _CONDUCT_RECORD,
    Role.LEADERSHIP: [*_SPACE_READ, *_CONDUCT_READ],
    Role.DEPARTMENT_HEADS: [f"{APP}.view_officeassignment", f"{APP}.view_conductviolation"],
}

ROLE_PERMISSIONS = {}
for part in (_FEES, _CONTRACTS, _INSPECTIONS, _REPAIRS, _SPACE):
    for role, perms in part.items():
        ROLE_PERMISSIONS.setdefault(role, []).extend(perms)
