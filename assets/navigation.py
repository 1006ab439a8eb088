from django.utils.translation import gettext_lazy as _

from assets.roles import CENTRE_ROLES
from bureau.navigation import NavItem, NavSection
from bureau.roles import Role

MENU = (
    NavSection(
        label=_("State assets"),
        icon="bi-box-seam",
        url_name="assets:index",
        roles=CENTRE_ROLES,
        order=30,
        description=_("The state-asset registry: cards, depreciation, movements, leases, disposals, stock-takes."),
        items=(
            NavItem(_("Asset cards"), "assets:asset_list", permission="assets.view_asset"),
            NavItem(_("Idle pool"), "assets:poolentry_list", permission="assets.view_poolentry"),
            NavItem(_("Pool requests"), "assets:poolrequest_list", permission="assets.view_poolrequest"),
            NavItem(_("Pool loans"), "assets:poolloan_list", permission="assets.view_poolloan"),
            NavItem(_("Overdue loans"), "assets:poolloan_overdue", permission="assets.view_poolloan"),
            NavItem(_("Leases and loans"), "assets:lease_list", permission="assets.view_lease"),
            NavItem(_("Overdue rent"), "assets:lease_overdue_rent", permission="assets.view_lease"),
            NavItem(_("Disposals"), "assets:disposal_list", permission="assets.view_disposal"),
            NavItem(_("Stock-takes"), "assets:stocktake_list", permission="assets.view_stocktake"),
            NavItem(_("Asset reports"), "assets:reports", roles=(Role.LEADERSHIP, Role.ASSET_MANAGERS, Role.FINANCE)),
            NavItem(_("Excel imports"), "assets:assetimport_list", permission="assets.add_assetimport"),
        ),
    ),
)
