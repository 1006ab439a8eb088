"""Permission-matrix rows of the procurement core (issue 11 item 13): the centre runs it; departments
see and file their own requests and see their own contracts; leadership and finance see all
(finance records payments); asset managers read contracts and suppliers."""

from procurement.choices import BatchStatus, ContractStatus
from procurement.views.batches import BATCHES
from procurement.views.contracts import CONTRACTS
from procurement.views.requests import REQUESTS
from procurement.views.suppliers import SUPPLIERS
from tests.permission_matrix import Role, Row, register_rows, roles
from tests.procurement.factories import (
    BatchFactory,
    BidFactory,
    ContractFactory,
    LotFactory,
    RequestFactory,
    SupplierFactory,
)

CENTRE = roles(Role.PROCUREMENT_CENTRE)
DEPARTMENTS = roles(Role.DEPARTMENT_HEADS, Role.EMPLOYEES)
SEE_ALL = roles(Role.PROCUREMENT_CENTRE, Role.LEADERSHIP, Role.FINANCE)
REQUEST_VIEWERS = SEE_ALL | DEPARTMENTS
REQUEST_EDITORS = CENTRE | DEPARTMENTS
CONTRACT_VIEWERS = SEE_ALL | DEPARTMENTS | roles(Role.ASSET_MANAGERS)
SUPPLIER_VIEWERS = SEE_ALL | roles(Role.ASSET_MANAGERS)


def _batch(world, department, status=BatchStatus.INITIATED):
    batch = BatchFactory(status=status)
    lot = LotFactory(batch=batch)
    RequestFactory(purchasing_department=department, batch=batch, lot=lot, status="batched")
    return batch


OBJECTS = {
    "supplier": lambda world, department: SupplierFactory(),
    "procurementrequest": lambda world, department: RequestFactory(purchasing_department=department),
    "batch": _batch,
    "lot": lambda world, department: _batch(world, department).lots.get(),
    "bid": lambda world, department: BidFactory(lot=_batch(world, department).lots.get()),
    "contract": lambda world, department: ContractFactory(purchasing_department=department),
    "draft contract": lambda world, department: ContractFactory(
        purchasing_department=department, status=ContractStatus.DRAFT, signed_on=None, published_on=None
    ),
}

ROWS = [
    *register_rows(SUPPLIERS, viewers=SUPPLIER_VIEWERS, editors=CENTRE, obj="supplier", scoped=False),
    Row("procurement:supplier_badconduct_add", allow=CENTRE, obj="supplier", scoped=False),
    *register_rows(REQUESTS, viewers=REQUEST_VIEWERS, editors=REQUEST_EDITORS, obj="procurementrequest"),
    Row("procurement:procurementrequest_submit", allow=REQUEST_EDITORS, obj="procurementrequest"),
    Row("procurement:procurementrequest_cancel", allow=REQUEST_EDITORS, obj="procurementrequest"),
    # Batches are the centre's (and leadership's and finance's to read); departments find their
    # purchases through their requests and contracts.
    *register_rows(BATCHES, viewers=SEE_ALL, editors=CENTRE, obj="batch", scoped=False),
    *(
        Row(f"procurement:batch_{move}", allow=CENTRE, obj="batch")
        for move in (
            "announce",
            "open",
            "evaluate",
            "award",
            "contract",
            "accept",
            "close",
            "fail",
            "retender",
            "cancel",
        )
    ),
    Row("procurement:batch_request_add", allow=CENTRE, obj="batch", scoped=False),
    Row("procurement:batch_invite", allow=CENTRE, obj="batch", scoped=False),
    Row("procurement:batch_dates", allow=CENTRE, obj="batch", scoped=False),
    Row("procurement:lot_bid_add", allow=CENTRE, obj="lot", scoped=False),
    Row("procurement:lot_award", allow=CENTRE, obj="lot", scoped=False),
    Row("procurement:lot_contract_add", allow=CENTRE, obj="lot", scoped=False),
    Row("procurement:bid_score", allow=CENTRE, obj="bid", scoped=False),
    *register_rows(CONTRACTS, viewers=CONTRACT_VIEWERS, editors=CENTRE, obj="contract"),
    Row("procurement:contract_pdf", allow=CONTRACT_VIEWERS, obj="contract"),
    Row("procurement:contract_sign", allow=CENTRE, obj="draft contract", scoped=False),
    Row("procurement:contract_publish", allow=CENTRE, obj="contract", scoped=False),
    Row("procurement:contract_milestone_add", allow=CENTRE, obj="contract", scoped=False),
    Row("procurement:contract_payment_add", allow=CENTRE | roles(Role.FINANCE), obj="contract", scoped=False),
    Row("procurement:contract_acceptance_add", allow=CENTRE, obj="contract", scoped=False),
]
