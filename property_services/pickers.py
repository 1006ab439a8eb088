"""The property services' picker sources (see bureau.pickers); found by the bureau app at start-up."""

from django.db.models import Q

from bureau.pickers import register
from procurement.models import Supplier
from property_services.models import ServiceContract

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
    permissions=["property_services.add_penaltyclause", "property_services.add_scoringitem"],
)
