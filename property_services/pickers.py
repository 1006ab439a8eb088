"""The property services' picker sources (see bureau.pickers); found by the bureau app at start-up."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from bureau.choices import RoomUse
from bureau.models import Room, StaffProfile, person_name
from bureau.pickers import register
from bureau.roles import Role
from procurement.models import Supplier
from property_services.models import ConductRule, PenaltyClause, ServiceContract

_CONTRACT_EDITORS = ["property_services.add_servicecontract", "property_services.change_servicecontract"]

# Contractors are procurement suppliers; the administration centre picks the one a tender chose.
register(
    "property_services.supplier",
    queryset=lambda user: Supplier.objects.order_by("name").only("pk", "name"),
    search=lambda q: Q(name__contains=q),
    permissions=_CONTRACT_EDITORS,
)
register(
    "property_services.service_contract",
    queryset=lambda user: ServiceContract.objects.for_user(user).filter(voided_at=None).order_by("-start_date"),
    search=lambda q: Q(title__contains=q),
    permissions=[
        "property_services.add_penaltyclause",
        "property_services.add_scoringitem",
        "property_services.add_inspection",
        "property_services.add_monthlyassessment",
    ],
)
# The supervision group deducts under a clause of the contract (a penalty, a failed re-check).
register(
    "property_services.penalty_clause",
    queryset=lambda user: (
        PenaltyClause.objects.for_user(user)
        .filter(contract__voided_at=None)
        .select_related("contract")
        .order_by("contract", "id")
    ),
    search=lambda q: Q(deficiency__contains=q) | Q(contract__title__contains=q),
    permissions=["property_services.add_penalty"],
    label=lambda clause: f"{clause.contract} · {clause.deficiency}（{clause.deduction}）",
)

# Anyone who reports a fault picks the room (any active room of the campus, not only their own).
register(
    "property_services.repair_room",
    queryset=lambda user: Room.objects.filter(active=True).select_related("building"),
    search=lambda q: Q(number__startswith=q) | Q(name__startswith=q),
    permissions=["property_services.add_repairticket"],
)
# The dispatcher picks among the technicians.
register(
    "property_services.technician",
    queryset=lambda user: (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.TECHNICIANS)
        .order_by("last_name", "first_name", "username")
    ),
    search=lambda q: Q(username__startswith=q) | Q(last_name__startswith=q) | Q(first_name__startswith=q),
    permissions=["property_services.dispatch_repairticket"],
    label=person_name,
)


# ---- office space and campus conduct -------------------------------------------------------------------


def _person_search(q):
    # Names are stored surname + given name (王会务 = 王 + 会务): prefix lookups on both.
    condition = Q(user__last_name__startswith=q)
    if len(q) > 1:
        condition |= Q(user__last_name=q[:1], user__first_name__startswith=q[1:])
        condition |= Q(user__last_name=q[:2], user__first_name__startswith=q[2:])
    return condition


# The administration centre gives people (of any unit, with or without a login) their office.
register(
    "property_services.office_person",
    queryset=lambda user: (
        StaffProfile.objects.for_user(user)
        .select_related("user", "department")
        .order_by("department__sort_order", "user__last_name", "user__first_name")
    ),
    search=_person_search,
    permissions=["property_services.add_officeassignment"],
    label=lambda profile: f"{person_name(profile.user)} · {profile.department.short_name or profile.department}",
)
register(
    "property_services.office_room",
    queryset=lambda user: Room.objects.filter(use=RoomUse.OFFICE, active=True).select_related("building"),
    search=lambda q: Q(number__startswith=q) | Q(name__startswith=q),
    permissions=["property_services.add_officeassignment"],
)
register(
    "property_services.conduct_rule",
    # Rules no longer in force stay findable (the register filters by them); recording one is refused.
    queryset=lambda user: ConductRule.objects.order_by("-active", "kind", "number"),
    search=lambda q: Q(text__contains=q) | Q(number=int(q)) if q.isdigit() and len(q) < 4 else Q(text__contains=q),
    permissions=["property_services.view_conductviolation"],
)
