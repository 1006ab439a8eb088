"""Which role may do what in this centre (collected by bureau.roles); issue 11 item 13.

The procurement centre runs it all; departments (heads and employees) see and file their own
department's requests and see their own contracts (scoping keeps them to their department);
leadership and finance see all, finance records payments; asset managers read contracts and
suppliers (the asset registry links to them).
"""

from bureau.permissions import crud
from bureau.roles import Role

_ALL = (
    "supplier",
    "suppliercontact",
    "badconductrecord",
    "procurementrequest",
    "batch",
    "lot",
    "invitation",
    "bid",
    "award",
    "contract",
    "paymentmilestone",
    "payment",
    "acceptance",
    "challenge",
    "complaint",
    "clockrule",
    "methodrule",
)
_VIEW_ALL = [f"procurement.view_{model}" for model in _ALL]
_CONTRACTS = [
    "procurement.view_contract",
    "procurement.view_paymentmilestone",
    "procurement.view_payment",
    "procurement.view_acceptance",
]

ROLE_PERMISSIONS = {
    Role.PROCUREMENT_CENTRE: [
        *(perm for model in _ALL for perm in crud("procurement", model)),
        "procurement.manage_procurementrequest",
        "procurement.manage_batch",
        "procurement.manage_contract",
        "procurement.manage_challenge",
    ],
    Role.LEADERSHIP: list(_VIEW_ALL),
    Role.FINANCE: [*_VIEW_ALL, "procurement.add_payment"],
    Role.ASSET_MANAGERS: [*_CONTRACTS, "procurement.view_supplier"],
    Role.DEPARTMENT_HEADS: [*crud("procurement", "procurementrequest"), *_CONTRACTS],
    Role.EMPLOYEES: [*crud("procurement", "procurementrequest"), *_CONTRACTS],
}
