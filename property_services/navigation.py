from django.utils.translation import gettext_lazy as _

from bureau.navigation import NavItem, NavSection
from property_services.roles import CENTRE_ROLES

CONTRACT_ITEMS = (
    NavItem(
        _("Service contracts"),
        "property_services:servicecontract_list",
        permission="property_services.view_servicecontract",
    ),
    NavItem(
        _("Penalty clauses"), "property_services:penaltyclause_list", permission="property_services.view_penaltyclause"
    ),
)
INSPECTION_ITEMS = (
    NavItem(_("Inspections"), "property_services:inspection_list", permission="property_services.view_inspection"),
    NavItem(_("Draw spot checks"), "property_services:inspection_draw", permission="property_services.add_inspection"),
    NavItem(
        _("Rectification orders"),
        "property_services:rectification_list",
        permission="property_services.view_rectification",
    ),
    NavItem(_("Penalties"), "property_services:penalty_list", permission="property_services.view_penalty"),
    NavItem(
        _("Monthly assessments"),
        "property_services:monthlyassessment_list",
        permission="property_services.view_monthlyassessment",
    ),
)
FEE_ITEMS = (
    NavItem(_("Monthly fee billing"), "property_services:billing", permission="property_services.add_billingrun"),
    NavItem(
        _("Deduction lists"), "property_services:deductionlist_list", permission="property_services.view_deductionlist"
    ),
    NavItem(_("Fee charges"), "property_services:feecharge_list", permission="property_services.view_feecharge"),
    NavItem(
        _("Fee adjustments"), "property_services:feeadjustment_list", permission="property_services.view_feeadjustment"
    ),
    NavItem(
        _("Deduction lines"), "property_services:deductionline_list", permission="property_services.view_deductionline"
    ),
    NavItem(_("Fee rates"), "property_services:feerate_list", permission="property_services.view_feerate"),
)

REPAIR_ITEMS = (
    NavItem(_("Report a repair"), "property_services:repair_report", permission="property_services.add_repairticket"),
    NavItem(
        _("Repair tickets"), "property_services:repairticket_list", permission="property_services.view_repairticket"
    ),
    NavItem(
        _("Hotline call"), "property_services:repair_hotline", permission="property_services.dispatch_repairticket"
    ),
    NavItem(
        _("Repair statistics"),
        "property_services:repair_statistics",
        permission="property_services.view_repairticket",
    ),
)

SPACE_ITEMS = (
    NavItem(
        _("Office space report"), "property_services:space_report", permission="property_services.view_officeassignment"
    ),
    NavItem(_("Offices"), "property_services:office_list", permission="property_services.view_officeassignment"),
    NavItem(
        _("Office assignments"),
        "property_services:officeassignment_list",
        permission="property_services.view_officeassignment",
    ),
    NavItem(
        _("Office standards"),
        "property_services:officestandard_list",
        permission="property_services.view_officestandard",
    ),
)
CONDUCT_ITEMS = (
    NavItem(
        _("Conduct violations"),
        "property_services:conductviolation_list",
        permission="property_services.view_conductviolation",
    ),
    NavItem(
        _("Monthly conduct list"),
        "property_services:conduct_monthly",
        permission="property_services.view_conductviolation",
    ),
    NavItem(_("Conduct rules"), "property_services:conductrule_list", permission="property_services.view_conductrule"),
)

MENU = (
    NavSection(
        label=_("Property services"),
        icon="bi-tools",
        url_name="property_services:index",
        roles=CENTRE_ROLES,
        order=40,
        description=_(
            "Outsourced services, inspections, room-based fees, the logistics 110 repair line, office space and "
            "campus conduct."
        ),
        items=(*CONTRACT_ITEMS, *INSPECTION_ITEMS, *FEE_ITEMS, *REPAIR_ITEMS, *SPACE_ITEMS, *CONDUCT_ITEMS),
    ),
)
