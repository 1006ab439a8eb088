from django.utils.translation import gettext_lazy as _

from bureau.navigation import NavItem, NavSection
from procurement.roles import CENTRE_ROLES

# ---- procurement core (the oversight branch adds its own tuple below and to `items`) ----
CORE_ITEMS = (
    NavItem(
        _("Procurement requests"),
        "procurement:procurementrequest_list",
        permission="procurement.view_procurementrequest",
    ),
    NavItem(_("Procurement batches"), "procurement:batch_list", permission="procurement.view_batch"),
    NavItem(_("Contracts"), "procurement:contract_list", permission="procurement.view_contract"),
    NavItem(_("Suppliers"), "procurement:supplier_list", permission="procurement.view_supplier"),
)
# ---- end procurement core ----

MENU = (
    NavSection(
        label=_("Procurement centre"),
        icon="bi-cart",
        url_name="procurement:index",
        roles=CENTRE_ROLES,
        order=20,
        description=_("Procurement requests, batches, bids, contracts, savings and supplier challenges."),
        items=(*CORE_ITEMS,),
    ),
)

# --- proc-oversight: challenges, overdue clocks, risk flags, statistics ---
import dataclasses  # noqa: E402

from bureau.navigation import NavItem  # noqa: E402
from bureau.roles import Role  # noqa: E402

_CENTRE = (Role.PROCUREMENT_CENTRE, Role.LEADERSHIP, Role.FINANCE)
OVERSIGHT_ITEMS = (
    NavItem(_("Challenges and complaints"), "procurement:challenge_list", roles=(*_CENTRE, Role.DEPARTMENT_HEADS)),
    NavItem(_("Overdue deadlines"), "procurement:overdue", roles=_CENTRE),
    NavItem(_("Risk flags"), "procurement:risk_flags", roles=_CENTRE),
    NavItem(_("Procurement statistics"), "procurement:statistics", roles=(*_CENTRE, Role.DEPARTMENT_HEADS)),
)
MENU = (dataclasses.replace(MENU[0], items=(*MENU[0].items, *OVERSIGHT_ITEMS)), *MENU[1:])
# --- end proc-oversight ---
